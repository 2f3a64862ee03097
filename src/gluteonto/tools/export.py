"""Write the ontology (or ontology + bridge) in another RDF or ontology format, deterministically and atomically.

The graph is read from the packaged JSON-LD release, whose blank nodes carry the compiler's
labels, and written with the writers of :data:`gluteonto.formats.WRITERS` (Turtle, RDF/XML,
N-Triples, JSON-LD, TriG, OWL functional syntax, OBO, obographs), so an export is byte-identical
from run to run. The ontology alone, in a format it is released in, is that release file itself.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph
from rdflib.term import Node

from ..fileio import atomic_output
from ..formats import WRITERS, Writer
from ..i18n import MessageError
from ..resources import ONTOLOGY_FORMATS, bridge_file, ontology_file, release_file
from ..safe_write import check_output, is_stdout
from ..terms import from_oxigraph, to_rdflib
from ..vocab import OWL, RDF, bind_prefixes

__all__ = ["EXPORT_FORMATS", "release_graph", "export"]

#: Blank-node labels the compiler gives and the releases keep.
_RELEASE_LABEL = re.compile(r"n[0-9]+")

#: Export formats by CLI name: the deterministic writers of :mod:`gluteonto.formats`.
EXPORT_FORMATS: dict[str, Writer] = WRITERS

#: export format → the packaged release file the build wrote with that writer
_RELEASED_AS = {
    "turtle": "gluteonto.ttl",
    "rdfxml": "gluteonto.owl",
    "jsonld": "gluteonto.jsonld",
    "ofn": "gluteonto.ofn",
    "obo": "gluteonto.obo",
    "obographs": "gluteonto.json",
}


def release_graph(*, with_bridge: bool = False) -> Graph:
    """The packaged ontology (plus the FMA bridge's axioms) as a graph with the release's blank-node labels.

    With the bridge, the result is one ontology: the bridge's header (its IRI and its import of the
    ontology) is left out, as the ontology it imports is already in the graph.

    Blank nodes the release names keep their labels; the ones a parser invents (list cells,
    nodes nested in RDF/XML) are renamed after their content, so the graph is the same every run.
    """
    graph = bind_prefixes(Graph())
    files = [("", ontology_file("jsonld"), ox.RdfFormat.JSON_LD)]
    if with_bridge:
        files.append(("bridge-", bridge_file(), ox.RdfFormat.RDF_XML))
    for prefix, path, syntax in files:
        with path.open("rb") as handle:
            triples = [tuple(to_rdflib(from_oxigraph(t)) for t in (q.subject, q.predicate, q.object)) for q in ox.parse(handle, format=syntax)]
        if prefix:  # the bridge's own header (its IRI, its import of the ontology) would make two ontologies
            headers = {s for s, p, o in triples if p == RDF.type and o == OWL.Ontology}
            triples = [t for t in triples if t[0] not in headers]
        for s, p, o in _stable_blank_nodes(triples, prefix):
            graph.add((s, p, o))
    return graph


def _stable_blank_nodes(triples: list[tuple[Node, ...]], prefix: str) -> list[tuple[Node, Node, Node]]:
    """``triples`` with release-labelled blank nodes prefixed and parser-made ones named by place and content."""
    by_subject: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    referrers: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    for s, p, o in triples:
        by_subject[s].append((p, o))
        referrers[o].append((s, p))
    contents: dict[Node, str] = {}
    names: dict[Node, BNode] = {}

    def labelled(node: Node) -> bool:
        return not isinstance(node, BNode) or bool(_RELEASE_LABEL.fullmatch(str(node)))

    def content(node: Node) -> str:  # downward: the node's statements, nested nodes by their content
        if labelled(node):
            return node.n3()
        if node not in contents:
            body = sorted(f"{p.n3()} {content(o)}" for p, o in by_subject.get(node, []))
            contents[node] = "[" + "; ".join(body) + "]"
        return contents[node]

    def name(node: Node) -> Node:  # upward: where the node hangs from, then what it holds
        if not isinstance(node, BNode):
            return node
        if node not in names:
            if labelled(node):
                names[node] = BNode(prefix + str(node))
            else:
                place = sorted(f"{name(s).n3()} {p.n3()}" for s, p in referrers.get(node, []))
                text = "\n".join([*place, content(node)])
                names[node] = BNode(f"{prefix}c{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}")
        return names[node]

    return [(name(s), p, name(o)) for s, p, o in triples]


#: file suffix → the export format it promises
_SUFFIX_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".owl": "rdfxml",
    ".rdf": "rdfxml",
    ".xml": "rdfxml",
    ".nt": "ntriples",
    ".ntriples": "ntriples",
    ".jsonld": "jsonld",
    ".trig": "trig",
    ".ofn": "ofn",
    ".obo": "obo",
    ".json": "obographs",
}


#: the file suffix each export format is written with
_FORMAT_SUFFIX = {
    "turtle": ".ttl",
    "rdfxml": ".owl",
    "ntriples": ".nt",
    "jsonld": ".jsonld",
    "trig": ".trig",
    "ofn": ".ofn",
    "obo": ".obo",
    "obographs": ".json",
}

#: suffixes of formats gluteonto does not write
_OTHER_SUFFIXES = {
    ".owx": "OWL/XML",
    ".omn": "Manchester syntax",
    ".nq": "N-Quads",
    ".gz": "gzip-compressed data",
    ".bz2": "bzip2-compressed data",
    ".xz": "xz-compressed data",
    ".zip": "a zip archive",
}


def _check_suffix(fmt: str, output: Path) -> None:
    suffix = output.suffix.lower()
    if suffix in _OTHER_SUFFIXES:
        # a compressed suffix gets its own (translated) advice rather than an English hint
        key = "export compressed suffix" if "compressed" in _OTHER_SUFFIXES[suffix] else "export other suffix"
        raise MessageError(
            (
                key,
                {"path": output, "suffix": output.suffix, "means": _OTHER_SUFFIXES[suffix], "wanted": _FORMAT_SUFFIX[fmt], "hint": ""},
            )
        )
    promised = _SUFFIX_FORMATS.get(suffix)
    if promised is not None and promised != fmt:
        raise MessageError(
            ("export suffix differs", {"path": output, "suffix": output.suffix, "means": promised, "fmt": fmt, "wanted": _FORMAT_SUFFIX[fmt]})
        )


def export(fmt: str, output: Path | None = None, *, with_bridge: bool = False) -> str:
    """Serialise the packaged ontology as ``fmt``; write it to ``output`` if given, and return the text.

    ``output`` ``-`` (or None) writes nothing; an output whose suffix names another format, or that is
    one of the packaged files, is refused.
    """
    from ..formats.owlmodel import OwlModelError

    if fmt not in EXPORT_FORMATS:
        raise MessageError(("unknown export format", {"fmt": fmt, "known": ", ".join(EXPORT_FORMATS)}))
    inputs = [ontology_file(name) for name in ONTOLOGY_FORMATS] + [bridge_file()]
    target = None if output is None or is_stdout(output) else Path(output)
    if target is not None:
        _check_suffix(fmt, target)
        check_output(target, inputs)
    try:
        if fmt in _RELEASED_AS and not with_bridge:  # the build wrote it from the source with this writer
            text = release_file(_RELEASED_AS[fmt]).read_text(encoding="utf-8")
        else:
            text = EXPORT_FORMATS[fmt](release_graph(with_bridge=with_bridge))
    except OwlModelError as exc:
        raise MessageError(("cannot write format", {"fmt": fmt, "detail": str(exc)})) from None
    if target is not None:
        with atomic_output(target, inputs) as handle:
            handle.write(text.encode("utf-8"))
    return text
