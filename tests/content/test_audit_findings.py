"""Defects found by reading the article statement by statement against the release, each anchored in the
article's own words: an axiom implied only by a finding's name, a section missing from the provenance of a
statement the article makes there, and a reading of the article that was not shown as an interpretation."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from gluteonto import iris
from gluteonto.vocab import DCTERMS, IAO_DEFINITION, OWL, RDF, RDFS, SKOS

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


# --- round two: what the first reading left -----------------------------------------------------------
S_INNERV, S_ORIGIN = term(854), term(852)
WEAKNESS, INACTIVITY, COMPENSATORY_PATTERN, TRENDELENBURG_SIGN = term(446), term(468), term(448), term(444)
RESULTS_IN, MAY_RESULT_IN = term(925), term(938)
PELVIC_PAIN, PELVIC_GIRDLE_REGION, BONY_PELVIS = term(455), term(97), term(48)
QUALIFIER = term(995)
SKOS_EXACT = SKOS.exactMatch


def texts_in(g: Graph, subject: Node, prop: URIRef) -> dict[str, str]:
    return {v.language: str(v) for v in g.objects(subject, prop) if isinstance(v, Literal) and v.language}


@needs_article
def test_weakness_may_result_in_a_compensatory_movement_pattern_not_in_every_case(ontology_graph: Graph) -> None:
    # "vil" is said of the interplay being disturbed; the compensatory patterns are only what "kan føre til" complaints
    says(
        "Dersom gluteus minimus er svak, vil disse samspillene forstyrres, og kompenserende bevegelsesmønstre kan føre til "
        "sekundære plager i korsrygg, kne eller ankel"
    )
    g = ontology_graph
    assert not restrictions(g, WEAKNESS, RESULTS_IN, COMPENSATORY_PATTERN)
    assert S_SYNERGY in restriction_sources(g, WEAKNESS, MAY_RESULT_IN, COMPENSATORY_PATTERN)
    # no every-case relation reaches the compensatory pattern from any class
    assert all((node, OWL.onProperty, RESULTS_IN) not in g for node in g.subjects(OWL.someValuesFrom, COMPENSATORY_PATTERN))


@needs_article
def test_states_after_hip_surgery_affect_no_structure_the_article_does_not_name(ontology_graph: Graph) -> None:
    # the exercise section names the states only as times to train; neither it nor the reference data says what they affect
    says(
        "De gir også en trygg inngang til funksjonell trening etter hofteartroplastikk",
        "for å reaktivere gluteus minimus etter inaktivitet, hofteoperasjon eller smerte",
    )
    g = ontology_graph
    for state, procedure in ((term(453), term(641)), (term(457), term(644))):
        assert not restrictions(g, state, AFFECTS, None) and not [
            n for n in g.objects(state, RDFS.subClassOf) if (n, OWL.onProperty, AFFECTS) in g
        ], state
        assert restrictions(g, state, term(948), procedure)  # still tied to its procedure


@needs_article
def test_pelvic_pain_affects_the_pelvic_region_not_the_bony_pelvis(ontology_graph: Graph) -> None:
    # "bekkensmerter" is pain in the pelvic region: joints, muscles and soft tissue as well as bone
    says("særlig etter operasjoner eller ved bekkensmerter")
    g = ontology_graph
    assert not restrictions(g, PELVIC_PAIN, AFFECTS, BONY_PELVIS)
    assert restrictions(g, PELVIC_PAIN, AFFECTS, PELVIC_GIRDLE_REGION)
    assert (PELVIC_GIRDLE_REGION, RDFS.subClassOf, term(86)) in g  # an anatomical region, not a skeletal subdivision
    assert (PELVIC_GIRDLE_REGION, SKOS_EXACT, URIRef("http://purl.obolibrary.org/obo/UBERON_0001271")) in g
    assert texts_in(g, PELVIC_GIRDLE_REGION, RDFS.label) == {"en": "pelvic girdle region", "nb": "bekkenregion"}


@needs_article
def test_weak_or_inactive_gluteus_minimus_each_results_in_trendelenburg_sign(ontology_graph: Graph) -> None:
    # two alternatives, each of which is followed by the sign ("vil"): one axiom for each
    says("Dersom muskelen er svekket eller inaktiv, vil bekkenet falle ned på motsatt side av standbenet – et tegn kjent som Trendelenburgs tegn")
    g = ontology_graph
    for finding in (WEAKNESS, INACTIVITY):
        assert S_FUNCTION in restriction_sources(g, finding, RESULTS_IN, TRENDELENBURG_SIGN), finding
        assert restrictions(g, finding, AFFECTS, GLUTEUS_MINIMUS), finding
    assert (INACTIVITY, RDFS.subClassOf, WEAKNESS) not in g and (WEAKNESS, RDFS.subClassOf, INACTIVITY) not in g
    assert "activation" not in texts_in(g, WEAKNESS, IAO_DEFINITION)["en"]
    assert "aktivering" not in texts_in(g, WEAKNESS, IAO_DEFINITION)["nb"]
    assert texts_in(g, INACTIVITY, RDFS.label) == {"en": "inactivity of gluteus minimus", "nb": "inaktivitet i gluteus minimus"}


@needs_article
def test_superior_gluteal_nerve_is_a_motor_nerve_as_the_article_says(ontology_graph: Graph) -> None:
    says("Gluteus minimus innerveres av nervus gluteus superior, en motorisk nerve som stammer fra den sakrale pleksus")
    g = ontology_graph
    nerve, motor_nerve = term(62), term(96)
    assert (nerve, RDFS.subClassOf, motor_nerve) in g and (motor_nerve, RDFS.subClassOf, term(61)) in g
    assert S_INNERV in subclass_sources(g, nerve, motor_nerve)
    assert texts_in(g, motor_nerve, RDFS.label) == {"en": "motor nerve", "nb": "motorisk nerve"}


@needs_article
def test_course_of_the_tendon_to_the_greater_trochanter_is_on_its_attachment_axiom(ontology_graph: Graph) -> None:
    says(
        "Denne senen fører muskelen i anteroinferior retning og passerer over den øvre flaten av trochanter major",
        "fester til slutt på den anterolaterale delen av trochanter major",
    )
    g = ontology_graph
    tendon, facet = term(23), term(39)
    (node,) = restrictions(g, tendon, URIRef(iris.ATTACHED_TO), facet)
    (ax,) = g.subjects(OWL.annotatedTarget, node)
    assert S_ORIGIN in set(g.objects(ax, DCTERMS.source))
    notes = texts_in(g, ax, QUALIFIER)
    assert "forwards and downwards" in notes["en"] and "upper surface of the greater trochanter" in notes["en"]
    assert "forover og nedover" in notes["nb"] and "trochanter major" in notes["nb"]


def test_card_of_the_tendon_shows_its_course() -> None:
    from gluteonto import Session
    from gluteonto.card import build_card, render_text

    card = " ".join(render_text(build_card(Session("oxigraph"), term(23), "nb")).split())
    assert "(forløp: fra muskelen går senen forover og nedover" in card, card


def test_generic_gluteal_muscle_has_no_latin_label_outside_terminologia_anatomica(ontology_graph: Graph) -> None:
    # TA names the three glutei; "musculus gluteus" for the kind is in use but not a TA entry
    g = ontology_graph
    assert [str(v) for v in g.objects(term(3), RDFS.label) if isinstance(v, Literal) and v.language == "la"] == []
    assert [str(v) for v in g.objects(term(3), term(999)) if isinstance(v, Literal) and v.language == "la"] == ["musculus gluteus"]
    for muscle, name in ((4, "minimus"), (5, "medius"), (6, "maximus")):
        assert texts_in(g, term(muscle), RDFS.label)["la"] == f"musculus gluteus {name}"


# --- second independent reading ------------------------------------------------------------------
@needs_article
def test_weakness_always_disturbs_the_interplay_with_the_synergists(ontology_graph: Graph) -> None:
    # "vil" belongs to the interplay being disturbed: every case, so `results in`
    says("Dersom gluteus minimus er svak, vil disse samspillene forstyrres")
    g = ontology_graph
    interplay = term(469)
    assert S_SYNERGY in restriction_sources(g, WEAKNESS, RESULTS_IN, interplay)
    assert texts_in(g, interplay, RDFS.label)["nb"] == "forstyrret samspill mellom gluteus minimus og synergistene"
    # the secondary complaint is no longer defined as caused by a pattern that every weakness produces
    assert "the weakness causes" not in texts_in(g, term(418), IAO_DEFINITION)["en"]


def test_ontology_description_does_not_say_axioms_cite_textbooks(ontology_graph: Graph) -> None:
    g = ontology_graph
    (onto,) = g.subjects(RDF.type, OWL.Ontology)
    described = texts_in(g, onto, DCTERMS.description)
    assert "textbook" not in described["en"] and "lærebok" not in described["nb"]
    assert "interpretation" in described["en"] and "tolkning" in described["nb"]
    assert "design notes" in described["en"] and "designnotater" in described["nb"]


@needs_article
def test_weakness_of_gluteus_medius_may_result_in_trendelenburg_sign_not_in_every_case(ontology_graph: Graph) -> None:
    # the sign is an expression of medius weakness; only of gluteus minimus does the article say "vil bekkenet falle"
    says(
        "Trendelenburg-tegnet er ikke bare et uttrykk for svakhet i gluteus medius, slik det ofte antas, men også for gluteus minimus",
        "Dersom muskelen er svekket eller inaktiv, vil bekkenet falle ned",
    )
    g = ontology_graph
    medius_weakness = term(447)
    assert not restrictions(g, medius_weakness, RESULTS_IN, TRENDELENBURG_SIGN)
    assert term(857) in restriction_sources(g, medius_weakness, MAY_RESULT_IN, TRENDELENBURG_SIGN)
    assert restrictions(g, WEAKNESS, RESULTS_IN, TRENDELENBURG_SIGN)


@needs_article
def test_distinguishing_features_do_not_claim_every_case_is_examined(ontology_graph: Graph) -> None:
    # "Forskjellen er …" is what examination finds, not that every case has had a Lasègue test
    says("Forskjellen er fravær av nevrologiske utfall og negativ Lasegues test")
    g = ontology_graph
    distinguishing, has_feature = term(922), term(920)
    assert has_feature not in set(g.transitive_objects(distinguishing, RDFS.subPropertyOf)) - {distinguishing}
    assert not set(g.objects(distinguishing, RDFS.subPropertyOf))
    assert restrictions(g, term(409), distinguishing, term(436)) and restrictions(g, term(409), distinguishing, term(435))
    assert not restrictions(g, term(409), has_feature, term(436))
    assert "not that every case is examined" in texts_in(g, distinguishing, IAO_DEFINITION)["en"]


@needs_article
def test_side_plank_purpose_does_not_say_gluteus_minimus_works_alone(ontology_graph: Graph) -> None:
    says("Kombinasjon av kjernestabilisering og isolert aktivering av gluteus minimus", "Gluteus minimus virker aldri alene.")
    g = ontology_graph
    for prop in (term(990), IAO_DEFINITION):
        text = texts_in(g, term(664), prop)["nb"]
        assert "alene" not in text and "isolert" in text, text


@needs_article
def test_tensor_fasciae_latae_definition_reads_no_action_off_its_name(ontology_graph: Graph) -> None:
    says("I fremkant grenser gluteus minimus mot m. tensor fasciae latae")
    definitions = texts_in(ontology_graph, term(7), IAO_DEFINITION)
    assert "tenses" not in definitions["en"] and "fascia lata" not in definitions["en"]
    assert "strammer" not in definitions["nb"] and "fascia lata" not in definitions["nb"]


@needs_article
def test_summary_frequency_of_compensation_is_kept_on_the_finding(ontology_graph: Graph) -> None:
    says("da gluteus minimus ofte kompenserer for svakheter eller instabilitet andre steder i bevegelseskjeden")
    g = ontology_graph
    finding = term(442)
    comments = texts_in(g, finding, RDFS.comment)
    assert "often" in comments["en"] and "summary" in comments["en"]
    assert "ofte" in comments["nb"] and "Oppsummeringen" in comments["nb"]
    assert term(861) in set(g.objects(finding, DCTERMS.source))


def test_trochanteric_bursitis_definition_names_the_bursa_once(ontology_graph: Graph) -> None:
    definitions = texts_in(ontology_graph, term(405), IAO_DEFINITION)
    assert definitions["nb"].count("slimpose") == 1 and definitions["en"].count("bursa") == 1


@needs_article
def test_forward_course_of_the_superior_gluteal_nerve_is_on_its_passage_between_the_muscles(ontology_graph: Graph) -> None:
    says("og forgreiner seg deretter mellom gluteus medius og gluteus minimus på vei fremover")
    g = ontology_graph
    (node,) = restrictions(g, term(62), term(905), term(60))
    (ax,) = g.subjects(OWL.annotatedTarget, node)
    notes = texts_in(g, ax, QUALIFIER)
    assert "forwards" in notes["en"] and "branches" in notes["en"]
    assert "forover" in notes["nb"] and "grenene" in notes["nb"]


@needs_article
def test_every_case_trendelenburg_link_for_minimus_weakness_cites_only_the_function_section(ontology_graph: Graph) -> None:
    # "vil bekkenet falle" is the function section's; the clinical section's "et uttrykk for" supports only "may"
    says("Dersom muskelen er svekket eller inaktiv, vil bekkenet falle ned", "et uttrykk for svakhet i gluteus medius")
    g = ontology_graph
    assert restriction_sources(g, WEAKNESS, RESULTS_IN, TRENDELENBURG_SIGN) == {S_FUNCTION}


@needs_article
def test_hip_stabilisation_by_minimus_is_tied_to_single_leg_stance_only_in_its_single_leg_subclass(ontology_graph: Graph) -> None:
    # "særlig under enbensaktiviteter": single-leg stance is where the role matters most, not its only setting
    says("særlig under enbensaktiviteter som gange, trappegang og løping")
    g = ontology_graph
    stabilisation, single_leg_stabilisation, occurs_during, single_leg_stance = term(223), term(226), term(912), term(235)
    assert not restrictions(g, stabilisation, occurs_during, single_leg_stance)
    assert (single_leg_stabilisation, RDFS.subClassOf, stabilisation) in g
    assert term(860) in restriction_sources(g, single_leg_stabilisation, occurs_during, single_leg_stance)
    has_agent = term(909)
    assert term(851) in restriction_sources(g, stabilisation, has_agent, GLUTEUS_MINIMUS)  # the introduction's general role
