"""Write the ontology (or ontology + bridge) in another RDF format, deterministically and atomically.

The graph is read from the packaged RDF/XML release, whose blank nodes carry the compiler's
``rdf:nodeID`` labels, and written with the release's own writers (:data:`EXPORT_FORMATS`), so an
export is byte-identical from run to run (and, for Turtle, RDF/XML and JSON-LD, to the release file).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph

from ..errors import InputError
from ..fileio import atomic_output
from ..formats import WRITERS, Writer
from ..resources import ONTOLOGY_FORMATS, bridge_file, ontology_file
from ..safe_write import check_output, is_stdout
from ..terms import from_oxigraph, to_rdflib
from ..vocab import bind_prefixes

__all__ = ["EXPORT_FORMATS", "release_graph", "export"]

#: Export formats by CLI name: the deterministic writers of :mod:`gluteonto.formats`.
EXPORT_FORMATS: dict[str, Writer] = WRITERS


def release_graph(*, with_bridge: bool = False) -> Graph:
    """The packaged ontology (plus the FMA bridge) as a graph whose blank-node labels are the release's."""
    graph = bind_prefixes(Graph())
    files = [("", ontology_file("owl"))] + ([("bridge-", bridge_file())] if with_bridge else [])
    for prefix, path in files:
        with path.open("rb") as handle:
            for quad in ox.parse(handle, format=ox.RdfFormat.RDF_XML):
                s, p, o = (to_rdflib(from_oxigraph(t)) for t in (quad.subject, quad.predicate, quad.object))
                if prefix:  # keep the bridge's blank nodes apart from the ontology's
                    s, o = (BNode(prefix + n) if isinstance(n, BNode) else n for n in (s, o))
                graph.add((s, p, o))
    return graph

#: file suffix → the export format it promises
_SUFFIX_FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".owl": "rdfxml", ".rdf": "rdfxml", ".xml": "rdfxml",
                   ".nt": "ntriples", ".ntriples": "ntriples", ".jsonld": "jsonld", ".json": "jsonld", ".trig": "trig"}


def _check_suffix(fmt: str, output: Path) -> None:
    promised = _SUFFIX_FORMATS.get(output.suffix.lower())
    if promised is not None and promised != fmt:
        raise InputError(f"{output}: the suffix {output.suffix} means {promised}, not {fmt}; "
                         f"use --format {promised} or a name ending in a {fmt} suffix")


def export(fmt: str, output: Path | None = None, *, with_bridge: bool = False) -> str:
    """Serialise the packaged ontology as ``fmt``; write it to ``output`` if given, and return the text.

    ``output`` ``-`` (or None) writes nothing; an output whose suffix names another format, or that is
    one of the packaged files, is refused.
    """
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    inputs = [ontology_file(name) for name in ONTOLOGY_FORMATS] + [bridge_file()]
    target = None if output is None or is_stdout(output) else Path(output)
    if target is not None:
        _check_suffix(fmt, target)
        check_output(target, inputs)
    text = EXPORT_FORMATS[fmt](release_graph(with_bridge=with_bridge))
    if target is not None:
        with atomic_output(target, inputs) as handle:
            handle.write(text.encode("utf-8"))
    return text
