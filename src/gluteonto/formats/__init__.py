"""RDF syntaxes: reading files of any common syntax, and the deterministic writers the releases use.

Besides the RDF syntaxes, the registry holds the OWL-level writers (functional syntax, OBO,
obographs), which read the graph through :mod:`gluteonto.formats.owlmodel`.

Writers are registered in :data:`WRITERS` (name → function from a graph to text); ``gluteonto
export`` offers exactly those. Adding a format is one module with a writer plus one entry here.
Every writer gives the same bytes for the same graph (with the same blank-node labels), whatever
the process or its hash seed.

Names are loaded on first use: reading a file does not import the writers (and rdflib with them).

>>> from gluteonto.formats import WRITERS
>>> list(WRITERS)
['turtle', 'rdfxml', 'ntriples', 'jsonld', 'trig', 'ofn', 'obo', 'obographs']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..lazy import lazy_getattr

if TYPE_CHECKING:
    from rdflib import Graph

    from .jsonld import to_jsonld
    from .ntriples import to_ntriples
    from .obo import to_obo
    from .obographs import to_obographs
    from .ofn import to_ofn
    from .rdfxml import to_rdfxml
    from .reading import RdfSyntax, syntax_for
    from .safe_read import open_rdf_stream, reading_rdf
    from .turtle import to_trig, to_turtle

__all__ = [
    "Writer",
    "WRITERS",
    "RdfSyntax",
    "syntax_for",
    "open_rdf_stream",
    "reading_rdf",
    "to_rdfxml",
    "to_jsonld",
    "to_turtle",
    "to_ntriples",
    "to_trig",
    "to_ofn",
    "to_obo",
    "to_obographs",
]

#: Serialises a graph to text, deterministically.
Writer = Callable[["Graph"], str]

if TYPE_CHECKING:
    #: Deterministic writers by the name ``gluteonto export --format`` accepts (built on first use).
    WRITERS: dict[str, Writer]

_EXPORTS = {
    "RdfSyntax": ".reading",
    "open_rdf_stream": ".safe_read",
    "reading_rdf": ".safe_read",
    "syntax_for": ".reading",
    "to_jsonld": ".jsonld",
    "to_ntriples": ".ntriples",
    "to_rdfxml": ".rdfxml",
    "to_trig": ".turtle",
    "to_turtle": ".turtle",
    "to_ofn": ".ofn",
    "to_obo": ".obo",
    "to_obographs": ".obographs",
}

#: The export format names, in the order ``gluteonto export --format`` offers them.
_WRITER_NAMES = {
    "turtle": "to_turtle",
    "rdfxml": "to_rdfxml",
    "ntriples": "to_ntriples",
    "jsonld": "to_jsonld",
    "trig": "to_trig",
    "ofn": "to_ofn",
    "obo": "to_obo",
    "obographs": "to_obographs",
}


def _writers() -> dict[str, Writer]:
    """Deterministic writers by the name ``gluteonto export --format`` accepts."""
    return {name: __getattr__(function) for name, function in _WRITER_NAMES.items()}


__getattr__ = lazy_getattr(globals(), _EXPORTS, {"WRITERS": _writers})
