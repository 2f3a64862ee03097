"""RDF syntaxes: reading files of any common syntax, and the deterministic writers the releases use.

Writers are registered in :data:`WRITERS` (name → function from a graph to text); ``gluteonto
export`` offers exactly those. Adding a format is one module with a writer plus one entry here.
Every writer gives the same bytes for the same graph (with the same blank-node labels), whatever
the process or its hash seed.

>>> list(WRITERS)
['turtle', 'rdfxml', 'ntriples', 'jsonld', 'trig']
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph

from .jsonld import to_jsonld
from .ntriples import to_ntriples
from .rdfxml import to_rdfxml
from .reading import RdfSyntax, open_rdf_stream, reading_rdf, syntax_for
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
]

#: Serialises a graph to text, deterministically.
Writer = Callable[[Graph], str]

#: Deterministic writers by the name ``gluteonto export --format`` accepts.
WRITERS: dict[str, Writer] = {
    "turtle": to_turtle,
    "rdfxml": to_rdfxml,
    "ntriples": to_ntriples,
    "jsonld": to_jsonld,
    "trig": to_trig,
}
