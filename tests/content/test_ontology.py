"""ROBOT-report-style checks, OWL 2 DL hygiene, the reasoner, and coverage of the article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from gluteonto import Session
from gluteonto.engines import RdflibEngine
from gluteonto.formats.rdfxml import to_rdfxml
from gluteonto.query.catalog import load_catalog
from gluteonto.tools.reason import java_available, reason
from gluteonto.vocab import DCTERMS, IAO_DEFINITION, OBOINOWL, OWL, RDF, RDFS

from ..helpers import lang_of, restrictions, term, union_fillers

RO = "http://purl.obolibrary.org/obo/"
QC = sorted(name for name, spec in load_catalog().items() if spec.group == "quality control")


@pytest.mark.parametrize("name", QC)
def test_quality_control_query_returns_no_rows(session: Session, name: str) -> None:
    result = session.query(name)
    assert result.rows == [], session.render(result)


def _qc_rows(graph: Graph, name: str) -> int:
    return len(Session(store=RdflibEngine(graph)).query(name).rows)


QC_MUTATIONS: dict[str, Callable[[Graph], object]] = {
    "qc/duplicate-label": lambda g: (
        g.add((term(5), RDFS.label, Literal("gluteus minimus", lang="en"))) or g.remove((term(5), RDFS.label, Literal("gluteus medius", lang="en")))
    ),
    "qc/multiple-labels": lambda g: g.add((term(4), RDFS.label, Literal("little gluteal", lang="en"))),
    "qc/label-whitespace": lambda g: g.add((term(4), OBOINOWL.hasExactSynonym, Literal(" gluteus  minimus", lang="en"))),
    "qc/missing-label": lambda g: g.remove((term(62), RDFS.label, Literal("n. gluteus superior", lang="nb"))),
    "qc/missing-definition": lambda g: g.remove((term(84), IAO_DEFINITION, None)),
    "qc/invalid-xref": lambda g: g.add((term(4), OBOINOWL.hasDbXref, Literal("FMA 22317"))),
    "qc/ontology-metadata": lambda g: g.remove((None, DCTERMS.license, None)),
    "qc/axiom-without-source": lambda g: g.remove((None, DCTERMS.source, term(854))),
    "qc/orphan-class": lambda g: [
        g.remove((term(4), RDFS.subClassOf, p)) for p in list(g.objects(term(4), RDFS.subClassOf)) if isinstance(p, URIRef)
    ],
    "qc/undeclared-entity": lambda g: g.remove((term(907), RDF.type, OWL.ObjectProperty)),
    "qc/term-without-source": lambda g: g.remove((term(84), DCTERMS.source, None)),
    "qc/multiple-definitions": lambda g: g.add((term(4), IAO_DEFINITION, Literal("A second definition.", lang="en"))),
    "qc/reused-term-redefined": lambda g: g.add((URIRef(RO + "RO_0002005"), IAO_DEFINITION, Literal("A second meaning.", lang="en"))),
    "qc/invalid-mapping-iri": lambda g: g.add((term(4), URIRef("http://www.w3.org/2004/02/skos/core#exactMatch"), Literal("FMA:22317"))),
}


def test_every_qc_query_has_a_mutation_it_catches() -> None:
    assert set(QC_MUTATIONS) == set(QC)


@pytest.mark.slow  # a mutated copy of the whole graph per check
@pytest.mark.parametrize("name", sorted(QC_MUTATIONS))
def test_quality_control_query_catches_its_defect(fresh_graph: Graph, name: str) -> None:
    assert _qc_rows(fresh_graph, name) == 0
    QC_MUTATIONS[name](fresh_graph)
    assert _qc_rows(fresh_graph, name) > 0


def test_no_iri_is_used_as_two_kinds_of_entity(ontology_graph: Graph) -> None:
    kinds = [OWL.Class, OWL.ObjectProperty, OWL.AnnotationProperty, OWL.DatatypeProperty, OWL.NamedIndividual]
    seen: dict[Node, set[URIRef]] = {}
    for kind in kinds:
        for subject in ontology_graph.subjects(RDF.type, kind):
            seen.setdefault(subject, set()).add(kind)
    punned = {s: k for s, k in seen.items() if len(k) > 1}
    assert not punned


def test_every_annotation_and_object_property_used_is_declared(ontology_graph: Graph) -> None:
    builtin = {str(RDF), str(RDFS), str(OWL)}
    declared = set(ontology_graph.subjects(RDF.type, OWL.AnnotationProperty)) | set(ontology_graph.subjects(RDF.type, OWL.ObjectProperty))
    used = {p for p in ontology_graph.predicates() if not any(str(p).startswith(ns) for ns in builtin)}
    assert used - declared == set()


def test_ontology_header(ontology_graph: Graph) -> None:
    ontology = next(ontology_graph.subjects(RDF.type, OWL.Ontology))
    assert str(ontology) == "https://w3id.org/gluteonto/gluteonto-international.owl"  # the edition the program loads
    assert str(ontology_graph.value(ontology, OWL.versionIRI)).startswith("https://w3id.org/gluteonto/releases/")
    assert str(ontology_graph.value(ontology, OWL.versionIRI)).endswith("/gluteonto-international.owl")
    assert {lang_of(t) for t in ontology_graph.objects(ontology, DCTERMS.title)} == {"en", "nb"}
    assert ontology_graph.value(ontology, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")


needs_java = pytest.mark.skipif(not java_available(), reason="HermiT needs Java (a JRE on PATH); none found")


@pytest.mark.slow
@needs_java
def test_hermit_finds_the_ontology_consistent_without_unsatisfiable_classes() -> None:
    report = reason()
    assert report.consistent and report.unsatisfiable == [], report.render()
    assert report.class_count > 200


@pytest.mark.slow
@needs_java
def test_hermit_reports_an_unsatisfiable_class(fresh_graph: Graph, tmp_path: Path) -> None:
    fresh_graph.add((term(4), RDFS.subClassOf, term(401)))  # a muscle that is also a disorder
    path = tmp_path / "broken.owl"
    path.write_text(to_rdfxml(fresh_graph), encoding="utf-8")
    report = reason(path)
    assert not report.ok
    assert str(term(4)) in report.unsatisfiable


# --- the article, section by section -------------------------------------------------------------
def _has(graph: Graph, cls: int, prop: URIRef, filler: int) -> bool:
    return bool(restrictions(graph, term(cls), prop, term(filler)))


def _any_union(graph: Graph, cls: int, prop: URIRef, members: set[int], quantifier: URIRef = OWL.someValuesFrom) -> bool:
    """True when a union filler of cls/prop contains all the given member classes."""
    return any({term(m) for m in members} <= found for found in union_fillers(graph, term(cls), prop, quantifier))


ARTICLE_FACTS = [
    # place and group
    ("minimus is a gluteal muscle", lambda g: (term(4), RDFS.subClassOf, term(3)) in g),
    ("minimus lies deep to medius", lambda g: _has(g, 4, term(900), 5)),
    # origin and insertion
    (
        "origin between anterior and inferior gluteal lines",
        lambda g: _has(g, 4, URIRef(RO + "RO_0002372"), 35) and _has(g, 35, term(904), 33) and _has(g, 35, term(904), 34),
    ),
    ("insertion on anterolateral facet of greater trochanter", lambda g: _has(g, 4, URIRef(RO + "RO_0002373"), 39)),
    (
        "bursa between tendon and trochanter, so the tendon does not touch the bone",
        lambda g: _has(g, 57, term(900), 23) and _has(g, 57, term(901), 42) and _has(g, 23, term(901), 57) and not _has(g, 23, term(901), 42),
    ),
    (
        "variants blend with piriformis, superior gemellus, vastus lateralis",
        lambda g: all((term(v), OWL.equivalentClass, None) in g for v in (25, 26, 28)),
    ),
    # topography
    ("TFL in front, piriformis behind", lambda g: _has(g, 4, term(903), 7) and _has(g, 4, term(902), 8)),
    ("tendon over reflected head of rectus femoris and hip capsule", lambda g: _has(g, 23, term(901), 12) and _has(g, 23, term(901), 46)),
    # innervation
    ("innervated by superior gluteal nerve", lambda g: _has(g, 4, URIRef(RO + "RO_0002005"), 62)),
    (
        "nerve from sacral plexus, roots L4 L5 S1",
        lambda g: _has(g, 62, URIRef(RO + "RO_0002380"), 65) and all(_has(g, 62, term(907), r) for r in (70, 71, 72)),
    ),
    ("nerve passes the suprapiriform foramen with the artery", lambda g: _has(g, 62, term(905), 59) and _has(g, 62, term(906), 77)),
    ("lesion can weaken minimus and medius and alter gait", lambda g: all(_has(g, 412, term(938), f) for f in (446, 447, 459))),
    ("sole supply: only the superior gluteal nerve or its branches", lambda g: _any_union(g, 4, URIRef(RO + "RO_0002005"), {62}, OWL.allValuesFrom)),
    # blood supply
    (
        "superior gluteal artery from internal iliac supplies minimus",
        lambda g: _has(g, 77, URIRef(RO + "RO_0002252"), 75) and _has(g, 77, URIRef(RO + "RO_0020101"), 4),
    ),
    ("deep branch supplies medius and minimus", lambda g: _has(g, 78, URIRef(RO + "RO_0020101"), 4) and _has(g, 78, URIRef(RO + "RO_0020101"), 5)),
    ("trochanteric anastomosis includes three arteries", lambda g: all(_has(g, 84, term(908), a) for a in (77, 79, 80))),
    # function
    ("abduction needs a fixed origin", lambda g: _has(g, 212, term(913), 702)),
    ("internal rotation by anterior fibres, especially in flexion", lambda g: _has(g, 213, term(909), 19) and _has(g, 213, term(914), 701)),
    (
        "pelvic stabilisation with medius in stance or single-leg standing",
        lambda g: (
            _has(g, 214, term(909), 5)
            and _any_union(g, 214, term(912), {232, 235})
            and not _has(g, 214, term(912), 232)
            and not _has(g, 214, term(912), 235)
        ),
    ),
    ("weakness gives Trendelenburg sign", lambda g: _has(g, 446, term(925), 444)),
    ("EMG activity in single-leg loading and swing", lambda g: _has(g, 4, term(917), 235) and _has(g, 4, term(917), 233)),
    # conditions
    (
        "GTPS: women over 40 at increased risk, typical and possible MRI findings",
        lambda g: _has(g, 404, term(941), 721) and _has(g, 404, term(942), 450) and _has(g, 404, term(921), 452),
    ),
    (
        "GTPS often with prior hip OA, low back complaints or biomechanical deviations, one axiom each",
        lambda g: all(_has(g, 404, term(924), f) for f in (406, 417, 722)) and not union_fillers(g, term(404), term(924)),
    ),
    ("trigger points vs sciatica", lambda g: _has(g, 409, term(922), 436) and _has(g, 409, term(927), 407)),
    (
        "atrophy after arthroplasty and in degenerative conditions, anterior part",
        lambda g: _has(g, 411, term(923), 453) and _has(g, 411, term(923), 422) and _has(g, 411, term(919), 19),
    ),
    # synergy
    ("synergists TFL, QL, iliacus, psoas", lambda g: all(_has(g, 4, term(916), m) for m in (5, 7, 14, 15, 17))),
    ("medius is a hip abductor too", lambda g: _has(g, 224, term(909), 5) and (term(224), RDFS.subClassOf, term(202)) in g),
    ("minimus deepest of the three: deeper than maximus", lambda g: _has(g, 4, term(944), 6) and (term(945), OWL.inverseOf, term(944)) in g),
    (
        "hip stability above all in single-leg activities, walking, stairs and running only as examples",
        lambda g: (
            not _has(g, 223, term(912), 235)
            and _has(g, 226, term(912), 235)
            and (term(226), RDFS.subClassOf, term(223)) in g
            and not union_fillers(g, term(226), term(912))
        ),
    ),
    ("side plank trains abduction", lambda g: _has(g, 664, term(932), 212)),
    ("diagonal abduction versus the traditional side raise", lambda g: _has(g, 662, term(943), 669) and not _has(g, 662, term(943), 668)),
    ("side plank: less compensation than clam and simple abduction", lambda g: _has(g, 664, term(943), 667) and _has(g, 664, term(943), 668)),
    (
        "QL synergy names no joint, not even by inheritance",
        lambda g: not restrictions(g, term(217), term(910)) and not restrictions(g, term(208), term(910)),
    ),
    ("gluteus maximus contrasted", lambda g: _has(g, 219, term(909), 6) and _has(g, 220, term(909), 6)),
    # exercises and guidance
    ("five exercises with targets", lambda g: all(restrictions(g, term(e), term(928)) for e in (662, 663, 664, 665, 666))),
    (
        "start static, low load in GTPS; then dynamic and weight-bearing when pain-free",
        lambda g: _has(g, 670, term(933), 404) and _has(g, 670, term(934), 671) and _has(g, 670, term(934), 672) and _has(g, 670, term(939), 703),
    ),
    ("assess gait, footwear, pelvis, core", lambda g: all((term(a), RDFS.subClassOf, term(650)) in g for a in (651, 652, 653, 654))),
    # sources
    ("three textbooks cited", lambda g: all((term(b), DCTERMS.bibliographicCitation, None) in g for b in (870, 871, 872))),
]


@pytest.mark.parametrize("fact", ARTICLE_FACTS, ids=[f[0] for f in ARTICLE_FACTS])
def test_article_statement_is_modelled(ontology_graph: Graph, fact: tuple[str, Callable[[Graph], bool]]) -> None:
    assert fact[1](ontology_graph)
