"""Defects found by reading the article statement by statement against the release, each anchored in the
article's own words: an axiom implied only by a finding's name, a section missing from the provenance of a
statement the article makes there, and a reading of the article that was not shown as an interpretation."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from gluteonto.vocab import DCTERMS, IAO_DEFINITION, OWL, RDF, RDFS

from ..helpers import restrictions, term
from .test_article_statements import ARTICLE, needs_article, says

GLUTEUS_MINIMUS, HIP_ABDUCTOR, ILIUM, GREATER_TROCHANTER = term(4), term(88), term(31), term(38)
PERITROCHANTERIC_FLUID, AFFECTS, SUPERFICIAL_TO = term(451), term(918), term(901)
S_FUNCTION, S_SYNERGY = term(856), term(859)


def subclass_sources(g: Graph, cls: URIRef, parent: URIRef) -> set[URIRef]:
    """dcterms:source values on the owl:Axiom(s) reifying SubClassOf(cls, parent)."""
    found: set[URIRef] = set()
    for ax in g.subjects(OWL.annotatedSource, cls):
        if (ax, RDF.type, OWL.Axiom) in g and (ax, OWL.annotatedTarget, parent) in g and (ax, OWL.annotatedProperty, RDFS.subClassOf) in g:
            found |= {s for s in g.objects(ax, DCTERMS.source) if isinstance(s, URIRef)}
    return found


@needs_article
def test_fluid_around_the_greater_trochanter_is_not_said_to_affect_the_bone(ontology_graph: Graph) -> None:
    # "around" the trochanter is the soft tissue beside it; `affects structure` means involved in every case
    says("væske rundt trochanter major")
    g = ontology_graph
    assert not restrictions(g, PERITROCHANTERIC_FLUID, AFFECTS, GREATER_TROCHANTER)
    # nothing in the clinical layer claims the bone itself is involved: the article never says so
    assert all((node, OWL.onProperty, AFFECTS) not in g for node in g.subjects(OWL.someValuesFrom, GREATER_TROCHANTER))


@needs_article
def test_gluteus_minimus_as_hip_abductor_cites_the_function_section_that_calls_it_one(ontology_graph: Graph) -> None:
    says("må de ipsilaterale abduktorene (minimus og medius) trekke ilium ned mot trochanter major", "mens minimus er en abduktor og innoverrotator")
    g = ontology_graph
    assert (GLUTEUS_MINIMUS, RDFS.subClassOf, HIP_ABDUCTOR) in g
    assert {S_FUNCTION, S_SYNERGY} <= subclass_sources(g, GLUTEUS_MINIMUS, HIP_ABDUCTOR)


@needs_article
def test_inside_of_the_hip_bone_is_shown_as_read_for_the_outer_gluteal_surface(ontology_graph: Graph) -> None:
    # the article puts the muscle "against the inside" of the hip bone, and its origin on the outer surface
    says("Gluteus minimus ligger direkte mot innsiden av hoftebenet (os ilium)", "har sitt utspring på den laterale, ytre flaten av os ilium")
    g = ontology_graph
    assert restrictions(g, GLUTEUS_MINIMUS, SUPERFICIAL_TO, ILIUM)
    comments = {c.language: str(c) for c in g.objects(GLUTEUS_MINIMUS, RDFS.comment) if isinstance(c, Literal)}
    assert "Interpretation" in comments["en"] and '"inside"' in comments["en"] and "outer" in comments["en"]
    assert "Tolkning" in comments["nb"] and "«innsiden»" in comments["nb"] and "ytre seteflaten" in comments["nb"]


def restriction_sources(g: Graph, cls: URIRef, prop: URIRef, filler: URIRef) -> set[URIRef]:
    """dcterms:source values on the owl:Axiom(s) reifying SubClassOf(cls, prop some filler)."""
    found: set[URIRef] = set()
    for node in restrictions(g, cls, prop, filler):
        for ax in g.subjects(OWL.annotatedTarget, node):
            found |= {s for s in g.objects(ax, DCTERMS.source) if isinstance(s, URIRef)}
    return found


@needs_article
def test_gluteus_minimus_is_an_internal_rotator_as_the_biomechanics_section_says(ontology_graph: Graph) -> None:
    says("mens minimus er en abduktor og innoverrotator", "Når kun de fremre muskelfibrene aktiveres")
    g = ontology_graph
    rotator = term(89)
    assert (GLUTEUS_MINIMUS, RDFS.subClassOf, rotator) in g
    assert S_SYNERGY in subclass_sources(g, GLUTEUS_MINIMUS, rotator)
    assert {str(x) for x in g.objects(rotator, RDFS.label)} == {"hip internal rotator", "innoverrotator i hoften"}
    # the function section's condition is kept: the stated agent of the rotation is still the anterior segment
    rotation = term(213)
    assert restrictions(g, rotation, term(909), term(19)) and not restrictions(g, rotation, term(909), GLUTEUS_MINIMUS)


@needs_article
def test_anterior_segment_as_agent_of_internal_rotation_cites_the_section_that_calls_it_crucial(ontology_graph: Graph) -> None:
    says("særlig i den anteriore delen. Dette segmentet er avgjørende for mediorotasjon")
    g = ontology_graph
    assert {S_FUNCTION, term(858)} <= restriction_sources(g, term(213), term(909), term(19))


@needs_article
def test_secondary_complaints_are_not_named_overuse_complaints(ontology_graph: Graph) -> None:
    # the article gives compensatory movement patterns as what can lead to them, not overuse
    says("kompenserende bevegelsesmønstre kan føre til sekundære plager i korsrygg, kne eller ankel")
    g = ontology_graph
    text = " ".join(ARTICLE.read_text(encoding="utf-8").split()).lower()
    assert "overbruk" not in text and "belastningsplage" not in text
    complaints = set(g.transitive_subjects(RDFS.subClassOf, term(418)))
    assert len(complaints) == 4
    for cls in complaints:
        for prop in (RDFS.label, IAO_DEFINITION, RDFS.comment):
            for value in g.objects(cls, prop):
                assert "overuse" not in str(value).lower() and "belastningsplage" not in str(value).lower(), (cls, value)
    assert {str(x) for x in g.objects(term(418), RDFS.label)} == {"secondary complaint", "sekundær plage"}


@needs_article
def test_step_up_rotation_read_as_internal_rotation_is_shown_as_an_interpretation(ontology_graph: Graph) -> None:
    # the article names no direction of rotation; the action sits under control of adduction and internal rotation
    says("der den kontrollerer hofteadduksjon og rotasjon", "unngå innfall av kne og hofte")
    g = ontology_graph
    action = term(222)
    assert any(
        isinstance(p, URIRef) and "internal rotation" in " ".join(map(str, g.objects(p, RDFS.label))) for p in g.objects(action, RDFS.subClassOf)
    )
    comments = {c.language: str(c) for c in g.objects(action, RDFS.comment) if isinstance(c, Literal)}
    assert comments["en"].startswith("Interpretation.") and "internal rotation" in comments["en"]
    assert comments["nb"].startswith("Tolkning.") and "innadrotasjon" in comments["nb"]
