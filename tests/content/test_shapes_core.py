"""The SHACL Core form of the shapes (shapes/gluteonto-shapes-core.ttl) says what the main shapes
say, and a second SHACL engine (rudof, SHACL Core only) catches every seeded defect with it."""

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
    return {str(s): {str(m) for m in graph.objects(s, URIRef(SH + "message"))}
            for s in graph.subjects(RDF.type, URIRef(SH + "NodeShape"))
            if str(s).startswith(GS) and not str(s).startswith(GS + "Not") and (s, URIRef(SH + "message"), None) in graph
            and any(graph.objects(s, URIRef(SH + p)) for p in ("targetClass", "target", "targetSubjectsOf"))}


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


def test_packaged_ontology_conforms_under_rudof() -> None:
    from gluteonto.resources import ontology_file

    report = _rudof(ontology_file("ttl"))
    assert report.conforms, [str(v.message) for v in list(report.violations)[:5]]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_rudof_catches_the_mutation_with_the_core_shapes(fresh_graph: Graph, tmp_path: Path, name: str) -> None:
    mutate, focus, shape = MUTATIONS[name]
    mutate(fresh_graph)
    path = tmp_path / "mutant.ttl"
    fresh_graph.serialize(path, format="turtle")
    report = _rudof(path)
    assert not report.conforms, f"{name}: not caught"  # type: ignore[attr-defined]
    core = _shapes(True)
    # rudof names a property shape's results by that (blank) property shape: match it by its path
    paths = {str(p) for ps in core.objects(URIRef(GS + shape), URIRef(SH + "property"))
             for p in core.objects(ps, URIRef(SH + "path")) if isinstance(p, URIRef)}
    hits = [v for v in report.violations  # type: ignore[attr-defined]
            if str(v.source_shape).strip("<>") == GS + shape
            or (str(v.source_shape).startswith("_:") and str(v.path).strip("<>") in paths)]
    assert hits, (name, sorted({str(v.source_shape) for v in report.violations}))  # type: ignore[attr-defined]
    if focus is not None:
        assert any(str(v.focus_node).strip("<>") == str(focus) for v in hits), (name, [str(v.focus_node) for v in hits])


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


