"""The SHACL Core form of the shapes (shapes/gluteonto-shapes-core.ttl, read by the default rudof engine)
says what the SPARQL-target shapes (read by pyshacl) say; tests/content/test_shapes.py runs every seeded
defect through both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from gluteonto.resources import shapes_file

from .test_shapes import MUTATIONS

SH = "http://www.w3.org/ns/shacl#"
GS = "https://w3id.org/gluteonto/shapes#"


def _shapes(core: bool) -> Graph:
    return Graph().parse(shapes_file(core=core), format="turtle")


def _messages(graph: Graph) -> dict[str, set[str]]:
    return {
        str(s): {str(m) for m in graph.objects(s, URIRef(SH + "message"))}
        for s in graph.subjects(RDF.type, URIRef(SH + "NodeShape"))
        if str(s).startswith(GS)
        and not str(s).startswith(GS + "Not")
        and (s, URIRef(SH + "message"), None) in graph
        and any(graph.objects(s, URIRef(SH + p)) for p in ("targetClass", "target", "targetSubjectsOf"))
    }


def test_core_shapes_are_the_main_shapes_with_core_targets_only() -> None:
    main, core = _shapes(False), _shapes(True)
    assert _messages(core) == _messages(main) and len(_messages(core)) >= 30
    assert not list(core.triples((None, URIRef(SH + "select"), None))), "the Core file must not use SPARQL"
    assert not list(core.triples((None, URIRef(SH + "target"), None)))


def _rudof(data: Path) -> object:
    pyrudof = pytest.importorskip("pyrudof")
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(str(data))
    rudof.read_shacl(str(shapes_file(core=True)))
    return rudof.validate_shacl()


def test_main_shapes_need_sparql_targets_so_a_core_engine_misses_kind_rules(fresh_graph: Graph, tmp_path: Path) -> None:
    """Why the Core file exists: a Core-only engine sees no focus nodes for the SPARQL-targeted shapes."""
    pyrudof = pytest.importorskip("pyrudof")
    mutate, _focus, _shape = MUTATIONS["drop innervation of gluteus minimus"]
    mutate(fresh_graph)
    path = tmp_path / "mutant.ttl"
    fresh_graph.serialize(path, format="turtle")
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(str(path))
    rudof.read_shacl(str(shapes_file()))
    assert rudof.validate_shacl().conforms
    assert not _rudof(path).conforms  # type: ignore[attr-defined]
