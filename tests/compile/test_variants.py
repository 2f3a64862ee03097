"""The ODK release variants (base, full, simple, basic): dated version IRIs, what each keeps, and that
the OBO parsers read the basic OBO file. (The OWL API loads each one: tests/compile/test_owlapi.py.)"""

from __future__ import annotations

import warnings

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from gluteonto.compile.variants import PART_OF, inferred_subclasses
from gluteonto.tools.reason import java_available

from ..helpers import ROOT
from .test_release import committed_inferences

pytestmark = pytest.mark.slow  # builds the release variants

ONTOLOGY = ROOT / "ontology"
VARIANTS = ("base", "full", "simple", "basic")
OWN = "https://w3id.org/gluteonto/GLUTEONTO_"
SYNONYM_TYPE_PROPERTY = URIRef("http://www.geneontology.org/formats/oboInOwl#SynonymTypeProperty")


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    loaded = {v: Graph().parse(ONTOLOGY / f"gluteonto-{v}.owl", format="xml") for v in VARIANTS}
    loaded["main"] = Graph().parse(ONTOLOGY / "gluteonto.owl", format="xml")
    return loaded


def _named_pairs(graph: Graph) -> set[tuple[object, object]]:
    return {(s, o) for s, o in graph.subject_objects(RDFS.subClassOf) if isinstance(s, URIRef) and isinstance(o, URIRef)}


def _some(graph: Graph, node: object) -> tuple[object, object] | None:
    if isinstance(node, BNode) and graph.value(node, OWL.someValuesFrom) is not None:
        return graph.value(node, OWL.onProperty), graph.value(node, OWL.someValuesFrom)
    return None


@pytest.mark.parametrize("variant", VARIANTS)
def test_variant_has_its_own_iri_and_a_dated_version_iri(graphs: dict[str, Graph], variant: str) -> None:
    graph, main = graphs[variant], graphs["main"]
    ontology = next(iter(set(graph.subjects(RDF.type, OWL.Ontology))))
    assert str(ontology) == f"https://w3id.org/gluteonto/gluteonto-{variant}.owl"
    main_ontology = next(iter(main.subjects(RDF.type, OWL.Ontology)))
    version = str(main.value(main_ontology, OWL.versionInfo))
    assert str(graph.value(ontology, OWL.versionIRI)) == f"https://w3id.org/gluteonto/releases/{version}/gluteonto-{variant}.owl"
    assert len(set(graph.subjects(RDF.type, OWL.Ontology))) == 1


def test_base_keeps_every_own_statement_and_only_declarations_of_other_ontologies_entities(graphs: dict[str, Graph]) -> None:
    base, main = graphs["base"], graphs["main"]
    own = {(s, p, o) for s, p, o in main if str(s).startswith(OWN) and not isinstance(o, BNode)}
    assert own <= set(base)
    external = {(s, p, o) for s, p, o in base if isinstance(s, URIRef) and not str(s).startswith("https://w3id.org/gluteonto/")}
    # declarations only, and the ontology's synonym types declared as such (OBO tools need it)
    assert external and {p for _s, p, _o in external} == {RDF.type, RDFS.subPropertyOf}
    assert {o for _s, p, o in external if p == RDFS.subPropertyOf} == {SYNONYM_TYPE_PROPERTY}
    # RO's own axioms (transitivity of part of, labels of reused relations) are not in the base
    assert (PART_OF, RDFS.label, None) not in base and (PART_OF, RDF.type, OWL.TransitiveProperty) not in base
    assert len(list(base.subjects(RDF.type, OWL.AllDisjointClasses))) == len(list(main.subjects(RDF.type, OWL.AllDisjointClasses)))


def test_full_is_the_main_release_with_the_inferred_subclass_axioms(graphs: dict[str, Graph]) -> None:
    full, main = graphs["full"], graphs["main"]
    assert _named_pairs(full) == _named_pairs(main) | set(committed_inferences())
    assert len(full) == len(main) + len(committed_inferences())  # nothing else added or lost (the header is renamed)


@pytest.mark.slow
@pytest.mark.skipif(not java_available(), reason="HermiT needs Java")
def test_full_variant_asserts_exactly_what_hermit_infers() -> None:
    text = (ONTOLOGY / "gluteonto.owl").read_text(encoding="utf-8")
    assert inferred_subclasses(text) == committed_inferences()


def test_simple_has_only_named_and_existential_subclass_axioms(graphs: dict[str, Graph]) -> None:
    simple, full = graphs["simple"], graphs["full"]
    for _s, o in simple.subject_objects(RDFS.subClassOf):
        assert isinstance(o, URIRef) or (_some(simple, o) is not None and isinstance(_some(simple, o)[1], URIRef))  # type: ignore[index]
    for prop in (OWL.equivalentClass, OWL.disjointWith, OWL.allValuesFrom, OWL.unionOf, OWL.intersectionOf, OWL.propertyChainAxiom):
        assert not list(simple.triples((None, prop, None))), prop
    assert not list(simple.subjects(RDF.type, OWL.AllDisjointClasses))
    # and it keeps all of those from full
    assert _named_pairs(simple) == _named_pairs(full)
    expected = {
        (s, *pair)
        for s, o in full.subject_objects(RDFS.subClassOf)
        if isinstance(s, URIRef) and (pair := _some(full, o)) is not None and isinstance(pair[1], URIRef)
    }
    found = {(s, *pair) for s, o in simple.subject_objects(RDFS.subClassOf) if (pair := _some(simple, o)) is not None}
    assert found == expected and len(found) > 200


def test_basic_has_only_is_a_and_part_of(graphs: dict[str, Graph]) -> None:
    basic, simple = graphs["basic"], graphs["simple"]
    relations = {_some(basic, o)[0] for _s, o in basic.subject_objects(RDFS.subClassOf) if _some(basic, o)}  # type: ignore[index]
    assert relations == {PART_OF}
    assert _named_pairs(basic) == _named_pairs(simple)
    assert set(basic.subjects(RDF.type, OWL.ObjectProperty)) == {PART_OF}
    assert set(basic.objects(None, RDFS.subPropertyOf)) == {SYNONYM_TYPE_PROPERTY}  # only the synonym types' declarations


def test_basic_obo_reads_in_pronto_and_fastobo_with_is_a_and_part_of_only() -> None:
    pronto = pytest.importorskip("pronto")
    fastobo = pytest.importorskip("fastobo")
    path = ONTOLOGY / "gluteonto-basic.obo"
    doc = fastobo.load(str(path))
    assert len([f for f in doc if isinstance(f, fastobo.term.TermFrame)]) > 200
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ontology = pronto.Ontology(str(path))
    assert not [w for w in caught if "encoding" not in str(w.message)], [str(w.message) for w in caught]
    relations = {rel.id for term in ontology.terms() for rel in term.relationships}
    assert relations == {"part_of"}
    gm = ontology["GLUTEONTO:0000004"]
    assert gm.name == "gluteus minimus" and "GLUTEONTO:0000003" in {t.id for t in gm.superclasses(distance=1)}
    text = path.read_text(encoding="utf-8")
    assert "\nontology: gluteonto/basic\n" in text and "/gluteonto-basic.obo\n" in text


def test_build_without_java_says_the_full_variant_needs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from gluteonto import java
    from gluteonto.compile.release import render_release
    from gluteonto.compile.source import SourceError

    monkeypatch.setattr(java, "java_available", lambda: False)
    with pytest.raises(SourceError, match="needs Java"):
        render_release(ROOT)
