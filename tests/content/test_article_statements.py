"""Each statement of the article as the ontology carries it, anchored in the article's own words: relations true
under RO's meaning, names that fit their axioms, cautions kept as cautions, provenance that says only what the
article says, lists kept as lists, qualifiers kept on the axiom they qualify, findings tied to their test or
procedure, study populations that are not indications, neighbouring muscles defined on their own, and
Norwegian and Latin names as clinicians and Terminologia Anatomica have them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from gluteonto import Session, iris
from gluteonto.resources import ontology_file
from gluteonto.tools.reason import java_available
from gluteonto.vocab import DCTERMS, IAO_DEFINITION, OWL, RDF, RDFS

from ..helpers import ROOT, lang_of, restrictions, run_cli, term, union_fillers

ARTICLE = ROOT.parent / "shared" / "article" / "gluteus-minimus.nb.txt"
needs_article = pytest.mark.skipif(not ARTICLE.is_file(), reason=f"the source article is not at {ARTICLE}")
needs_java = pytest.mark.skipif(not java_available(), reason="HermiT needs Java (a JRE on PATH); none found")

QUALIFIER, FOOTNOTE, READ_AS, COMPENSATING = term(995), term(996), term(997), term(998)
TEXTBOOKS = {term(870), term(871), term(872)}
S_EXERCISES, S_SUMMARY, DESIGN, HPO, MONDO, UBERON = term(860), term(861), term(890), term(882), term(883), term(880)


def says(*phrases: str) -> None:
    """Fail unless every phrase is the article's own words (whitespace aside)."""
    text = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    for phrase in phrases:
        assert " ".join(phrase.split()) in text, f"not the article's words: {phrase!r}"


def has(g: Graph, cls: int, prop: URIRef, filler: int) -> bool:
    return bool(restrictions(g, term(cls), prop, term(filler)))


def axiom(g: Graph, cls: int, prop: URIRef, filler: int) -> BNode:
    """The owl:Axiom reifying SubClassOf(cls, prop some filler)."""
    node = restrictions(g, term(cls), prop, term(filler))
    assert node, (cls, prop, filler)
    found = next(g.subjects(OWL.annotatedTarget, node[0]))
    assert isinstance(found, BNode)
    return found


def fillers(g: Graph, cls: int, prop: URIRef) -> set[URIRef]:
    return {f for n in restrictions_any(g, term(cls), prop) if isinstance(f := g.value(n, OWL.someValuesFrom), URIRef)}


def restrictions_any(g: Graph, cls: URIRef, prop: URIRef) -> list[BNode]:
    return [n for n in g.objects(cls, RDFS.subClassOf) if isinstance(n, BNode) and (n, OWL.onProperty, prop) in g]


def texts(g: Graph, subject: URIRef, prop: URIRef, lang: str) -> list[str]:
    return [str(v) for v in g.objects(subject, prop) if isinstance(v, Literal) and lang_of(v) == lang]


def exercises(g: Graph) -> set[URIRef]:
    return {c for c in g.transitive_subjects(RDFS.subClassOf, term(660)) if isinstance(c, URIRef)} - {term(660)}


# --- 1. relations keep RO's meaning ---------------------------------------------------------------
@needs_article
def test_superior_gluteal_nerve_passes_through_the_medius_minimus_plane_instead_of_lying_in_it(ontology_graph: Graph) -> None:
    says(
        "forgreiner seg deretter mellom gluteus medius og gluteus minimus på vei fremover",
        "Den dype grenen av denne arterien går mellom gluteus medius og minimus",
        "Mellom disse to musklene løper både a. glutea superior og n. gluteus superior",
    )
    g = ontology_graph
    assert has(g, 62, term(905), 60) and has(g, 78, term(905), 60) and has(g, 77, term(905), 60)
    assert has(g, 62, URIRef(iris.BRANCHING_PART_OF), 65) and has(g, 62, term(905), 59)  # it branches from the plexus
    # RO located in means entirely within: no nerve, vessel or anastomosis is located in a space or region
    spaces = set(g.transitive_subjects(RDFS.subClassOf, term(87)))
    for node in g.subjects(OWL.onProperty, URIRef(iris.LOCATED_IN)):
        owners = set(g.subjects(RDFS.subClassOf, node))
        assert g.value(node, OWL.someValuesFrom) not in spaces, owners
        assert not owners & {term(n) for n in (62, 63, 77, 78, 84)}, owners


# --- 2. names that fit their axioms -------------------------------------------------------------
@needs_article
def test_tendon_change_and_partial_tear_are_named_for_the_gluteus_minimus_tendon(ontology_graph: Graph) -> None:
    says("MR viser da degenerative forandringer i senen", "og eventuelt partielle rupturer")
    for finding in (450, 452):
        assert has(ontology_graph, finding, term(918), 23)
        for lang in ("en", "nb"):
            for text in texts(ontology_graph, term(finding), RDFS.label, lang) + texts(ontology_graph, term(finding), IAO_DEFINITION, lang):
                assert "gluteus minimus" in text, text


# --- 3. the caution about training gluteus minimus is not a property of each exercise ------------------
@needs_article
def test_compensation_caution_is_a_training_principle_not_a_property_of_every_exercise(ontology_graph: Graph) -> None:
    says("det krever både bevissthet og god teknikk for å unngå overaktivitet i nærliggende muskler som TFL eller piriformis")
    g = ontology_graph
    assert has(g, 656, term(929), 7) and has(g, 656, term(929), 8) and has(g, 656, term(928), 4)
    assert term(656) not in exercises(g)
    for exercise in exercises(g):
        for ancestor in {exercise, *g.transitive_objects(exercise, RDFS.subClassOf)}:
            assert not fillers_of(g, ancestor, term(929)) & {term(7), term(8), term(14)}, ancestor


def fillers_of(g: Graph, cls: object, prop: URIRef) -> set[object]:
    return {g.value(n, OWL.someValuesFrom) for n in restrictions_any(g, cls, prop)} if isinstance(cls, URIRef) else set()


@needs_article
def test_compensation_comparisons_keep_their_muscle_and_comparator(ontology_graph: Graph) -> None:
    says(
        "Øvelsen skiller seg fra tradisjonell sidehev ved at den i større grad unngår kompensasjon fra tensor fasciae latae (TFL)",
        "høyere gluteus minimus-aktivering enn klassisk “clam” eller enkel abduksjon³, og gir mindre kompensasjon fra TFL og quadratus lumborum",
    )
    g = ontology_graph
    assert set(g.objects(axiom(g, 662, term(943), 669), COMPENSATING)) == {term(7)}
    for comparator in (667, 668):
        assert set(g.objects(axiom(g, 664, term(943), comparator), COMPENSATING)) == {term(7), term(14)}
    assert fillers(g, 662, term(943)) == {term(669)}


def test_exercises_avoiding_tfl_compensation_are_only_those_the_article_names() -> None:
    from click.testing import CliRunner

    result = run_cli(CliRunner(), "query", "exercises-avoiding-compensation", "-p", "muscle=TFL", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = [line.split(",") for line in result.output.strip().splitlines()]
    exercise = lines[0].index("exercise")
    assert {r[exercise] for r in lines[1:]} == {str(term(662)), str(term(664))}, result.output
    inherited = run_cli(CliRunner(), "query", "exercise-cautions", "-p", "exercise=lateral step-up with hip adduction control")
    assert "stated or inherited" in inherited.output and "tensor fasciae latae" not in inherited.output


# --- 4. provenance says exactly what the article says ------------------------------------------------
@needs_article
def test_footnoted_statements_cite_the_article_and_show_the_book_only_as_an_interpretation(ontology_graph: Graph) -> None:
    says(
        "særlig i personer med GTPS¹",
        "aktivere både minimus og medius i stor grad²",
        "enkel abduksjon³",
        "etter inaktivitet, hofteoperasjon eller smerte³",
    )
    g = ontology_graph
    assert not set(g.objects(None, DCTERMS.source)) & TEXTBOOKS  # no axiom or term has a textbook as its source
    marked = list(g.subjects(FOOTNOTE, None))
    assert len(marked) >= 10
    for ax in marked:
        assert set(g.objects(ax, DCTERMS.source)) == {S_EXERCISES}
        assert set(g.objects(ax, READ_AS)) <= TEXTBOOKS and len(set(g.objects(ax, READ_AS))) == 1
    assert all(set(g.objects(ax, FOOTNOTE)) for ax in g.subjects(READ_AS, None))
    readings = {str(g.value(ax, FOOTNOTE)): g.value(ax, READ_AS) for ax in marked}
    assert readings == {"¹": term(870), "²": term(871), "³": term(872)}
    definition = " ".join(texts(g, term(997), IAO_DEFINITION, "en"))
    assert "interpretation" in definition and "unnumbered" in definition
    for exercise in (662, 663, 664, 665):
        for lang, banned in (("en", ("cited source", "According to the source")), ("nb", ("siterte kilde", "Ifølge kilden"))):
            for text in texts(g, term(exercise), term(992), lang):
                assert not any(b in text for b in banned), text


def test_exercise_evidence_answer_marks_the_book_as_an_interpretation() -> None:
    session = Session("oxigraph")
    result = session.query("exercise-evidence")
    assert set(result.variables[-2:]) == {"footnote", "footnote_read_as"}
    assert {str(row[2]) for row in result.rows} == {str(S_EXERCISES)}
    text = session.render(result)
    assert "(interpretation)" in text
    from gluteonto.card import build_card, render_text

    card = " ".join(render_text(build_card(session, term(664), "en")).split())
    assert "footnote ³ (read as Standring 2016" in card and "interpretation" in card
    assert "source: the article, section strengthening exercises; Standring" not in card


def test_disjointness_is_credited_to_the_design_notes_not_the_article(ontology_graph: Graph) -> None:
    groups = list(ontology_graph.subjects(RDF.type, OWL.AllDisjointClasses))
    assert len(groups) == 4
    assert all(set(ontology_graph.objects(group, DCTERMS.source)) == {DESIGN} for group in groups)
    assert (DESIGN, RDF.type, term(805)) in ontology_graph


@needs_article
def test_axioms_implied_only_by_a_name_cite_reference_data_or_are_gone(ontology_graph: Graph) -> None:
    says(
        "Greater Trochanteric Pain Syndrome (GTPS)",
        "forveksles lett med trokanterbursitt",
        "Ved lumbopelvine dysfunksjoner, som instabilitet i iliosakralleddet eller rotasjoner i bekkenringen",
        "I tillegg deltar trochanterisk anastomose i blodforsyningen",
    )
    g = ontology_graph
    assert set(g.objects(axiom(g, 404, term(920), 431), DCTERMS.source)) == {HPO}
    assert not has(g, 404, term(918), 38) and not has(g, 402, term(918), 38)
    assert set(g.objects(axiom(g, 402, term(918), 22), DCTERMS.source)) == {MONDO}
    assert set(g.objects(axiom(g, 405, term(918), 55), DCTERMS.source)) == {MONDO}
    assert not has(g, 413, term(918), 48) and {term(51), term(48)} in union_fillers(g, term(413), term(918))
    assert not restrictions_any(g, term(84), URIRef(iris.LOCATED_IN))
    assert not has(g, 407, term(921), 434)


@needs_article
def test_comparison_exercises_are_the_ones_the_article_names(ontology_graph: Graph) -> None:
    says("tradisjonell sidehev", "klassisk “clam” eller enkel abduksjon")
    g = ontology_graph
    assert texts(g, term(669), RDFS.label, "en") == ["traditional side raise"]
    assert texts(g, term(669), RDFS.label, "nb") == ["tradisjonell sidehev"]
    assert texts(g, term(668), RDFS.label, "en") == ["simple hip abduction exercise"]
    for cls in (668, 669):
        for lang in ("en", "nb"):
            for text in texts(g, term(cls), RDFS.label, lang) + texts(g, term(cls), IAO_DEFINITION, lang):
                assert "side-lying" not in text and "sideleie" not in text, text


@needs_article
def test_evidence_paraphrase_of_the_diagonal_abduction_says_no_more_than_the_article(ontology_graph: Graph) -> None:
    says("Studier har vist at denne diagonale bevegelsen gir høy selektiv aktivering av gluteus minimus, særlig i personer med GTPS")
    en, nb = (" ".join(texts(ontology_graph, term(662), term(992), lang)) for lang in ("en", "nb"))
    assert "in particular in people with GTPS" in en and "most of all" not in en
    assert "særlig hos personer med GTPS" in nb and "uten at nabomusklene" not in nb


# --- 5. lists are lists, either-or is a union ------------------------------------------------------
LISTS = [
    ("ofte forbundet med tidligere hofteartrose, lumbale ryggplager eller biomekaniske avvik", 404, term(924), {406, 417, 722}),
    ("kompenserende bevegelsesmønstre kan føre til sekundære plager i korsrygg, kne eller ankel", 448, term(938), {419, 420, 421}),
    ("for å reaktivere gluteus minimus etter inaktivitet, hofteoperasjon eller smerte", 665, term(931), {460, 457, 461}),
    ("gå gradvis over til dynamiske og vektbærende varianter", 670, term(934), {671, 672}),
]


@needs_article
@pytest.mark.parametrize("words, subject, prop, items", LISTS, ids=[w[:40] for w, *_ in LISTS])
def test_an_enumeration_is_one_axiom_per_item(ontology_graph: Graph, words: str, subject: int, prop: URIRef, items: set[int]) -> None:
    says(words)
    assert {term(i) for i in items} <= fillers(ontology_graph, subject, prop)
    assert not union_fillers(ontology_graph, term(subject), prop)


@needs_article
def test_true_alternatives_stay_one_union(ontology_graph: Graph) -> None:
    says("forhindrer at bekkenet synker ned mot motsatt side i standfasen. Når man står på ett ben")
    assert {term(232), term(235)} in union_fillers(ontology_graph, term(214), term(912))


def _reason(query_name: str, expression: object) -> tuple[set[str], object]:
    import owlready2

    world = owlready2.World()
    onto = world.get_ontology(Path(ontology_file("owl")).resolve().as_uri()).load()
    with onto:
        query = owlready2.types.new_class(query_name, (owlready2.Thing,))
        query.equivalent_to = [expression(world)]  # type: ignore[operator]
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return {c.iri for c in query.descendants()} - {query.iri}, world


def cls(world: Any, number: int) -> Any:
    """The owlready2 class of GLUTEONTO_<number> in ``world``."""
    return world[str(term(number))]


@pytest.mark.slow  # HermiT runs in Java
@needs_java
@needs_article
def test_dl_query_for_exercises_after_hip_surgery_returns_the_single_leg_squat_and_the_step_up() -> None:
    says("etter inaktivitet, hofteoperasjon eller smerte", "trygg inngang til funksjonell trening etter hofteartroplastikk")
    answers, _ = _reason("ExerciseAfterHipSurgery", lambda w: cls(w, 660) & cls(w, 931).some(cls(w, 457)))
    assert {str(term(665)), str(term(663))} <= answers, answers
    assert str(term(662)) not in answers


# --- 6. qualifiers on the axioms they qualify ---------------------------------------------------------
QUALIFIED = [
    ("kan føre til isolert svakhet i gluteus minimus og medius", 412, term(938), 446, "isolated"),
    ("kan føre til isolert svakhet i gluteus minimus og medius", 412, term(938), 447, "isolated"),
    ("Sammen med gluteus medius er minimus den vanligste muskelen som affiseres ved GTPS", 404, term(919), 4, "most commonly"),
    ("Sammen med gluteus medius er minimus den vanligste muskelen som affiseres ved GTPS", 404, term(919), 5, "most commonly"),
    ("mottar sin arterielle forsyning hovedsakelig fra a. glutea superior", 77, URIRef(iris.VESSEL_SUPPLIES_BLOOD_TO), 4, "mainly"),
    ("ofte forbundet med tidligere hofteartrose", 404, term(924), 406, "earlier"),
    ("sistnevnte primært er en ekstensor og utoverrotator", 219, term(909), 6, "primarily"),
    ("sistnevnte primært er en ekstensor og utoverrotator", 220, term(909), 6, "primarily"),
]


@needs_article
@pytest.mark.parametrize("words, subject, prop, filler, word", QUALIFIED, ids=[f"{q[0][:30]}-{q[3]}" for q in QUALIFIED])
def test_qualifier_is_an_annotation_on_the_axiom_it_qualifies(
    ontology_graph: Graph, words: str, subject: int, prop: URIRef, filler: int, word: str
) -> None:
    says(words)
    notes = {lang_of(v): str(v) for v in ontology_graph.objects(axiom(ontology_graph, subject, prop, filler), QUALIFIER)}
    assert set(notes) == {"en", "nb"} and word in notes["en"], notes


@needs_article
def test_qualifiers_are_no_longer_only_in_definition_text(ontology_graph: Graph) -> None:
    says("mottar sin arterielle forsyning hovedsakelig fra a. glutea superior", "primært er en ekstensor og utoverrotator")
    for cls in (6, 77, 219, 220):
        for text in texts(ontology_graph, term(cls), IAO_DEFINITION, "en"):
            assert not any(w in text for w in ("main", "primarily")), text


@needs_article
def test_most_active_movement_of_the_anterior_segment_is_structure(ontology_graph: Graph) -> None:
    says("det fremre fibersegmentet i gluteus minimus, som har høyest EMG-aktivitet i bevegelser som kombinerer abduksjon og lett ekstensjon")
    assert has(ontology_graph, 19, term(950), 240)
    assert (term(950), RDFS.subPropertyOf, term(917)) in ontology_graph
    assert (term(240), RDFS.subClassOf, term(202)) in ontology_graph


@needs_article
def test_separate_training_from_gluteus_maximus_is_structure(ontology_graph: Graph) -> None:
    says("Ved styrketrening bør gluteus minimus trenes separat fra gluteus maximus")
    assert has(ontology_graph, 655, term(946), 6) and has(ontology_graph, 655, term(928), 4)


@needs_article
def test_gluteus_minimus_never_acts_alone(ontology_graph: Graph) -> None:
    says("Gluteus minimus virker aldri alene.")
    g = ontology_graph
    node = restrictions_any(g, term(225), term(909))[0]
    head = g.value(g.value(node, OWL.someValuesFrom), OWL.intersectionOf)
    assert head is not None
    members = list(Collection(g, head))
    assert term(2) in members and any((m, OWL.complementOf, term(4)) in g for m in members)
    assert (term(225), OWL.equivalentClass, None) in g


@pytest.mark.slow  # HermiT runs in Java
@needs_java
@needs_article
def test_hermit_places_every_action_of_gluteus_minimus_under_never_alone() -> None:
    says("Gluteus minimus virker aldri alene.")
    answers, world = _reason("ActionOfGluteusMinimus", lambda w: cls(w, 211) & cls(w, 909).some(cls(w, 4)))
    never_alone = {c.iri for c in cls(world, 225).descendants()}
    for action in (212, 213, 214, 221, 223):  # 213 and 221: agent stated as the anterior segment only
        assert str(term(action)) in answers and str(term(action)) in never_alone, action
    assert str(term(219)) not in never_alone  # gluteus maximus's extension


# --- 7. a finding points to its test, a state to its procedure ------------------------------------------
@needs_article
def test_findings_point_to_their_test_and_states_to_their_procedure(session: Session) -> None:
    says("negativ Lasegues test", "Etter hofteprotesekirurgi", "etter hofteartroplastikk")

    def findings(procedure: str) -> list[tuple[str, str]]:
        result = session.query("procedure-findings", {"procedure": procedure})
        finding, how = result.variables.index("finding"), result.variables.index("stated_or_inherited")
        return [(str(row[finding]), str(row[how])) for row in result.rows]

    assert findings("Lasègue test") == [(str(term(436)), "stated")]
    after = set(findings("hip arthroplasty"))
    assert (str(term(453)), "stated") in after and (str(term(457)), "inherited") in after


# --- 8. a study population is not an indication --------------------------------------------------------
@needs_article
def test_study_population_of_the_diagonal_abduction_is_not_an_indication(ontology_graph: Graph) -> None:
    says("gir høy selektiv aktivering av gluteus minimus, særlig i personer med GTPS¹")
    g = ontology_graph
    assert has(g, 662, term(949), 731) and (term(731), RDFS.subClassOf, term(730)) in g
    assert str(g.value(axiom(g, 662, term(949), 731), FOOTNOTE)) == "¹"
    assert not restrictions_any(g, term(662), term(931))
    assert term(931) not in set(g.transitive_objects(term(949), RDFS.subPropertyOf))


# --- 9. neighbouring muscles are defined on their own ------------------------------------------------
NEIGHBOURS = {
    5: "gluteus medius",
    6: "gluteus maximus",
    7: "tensor fasciae latae",
    8: "piriformis",
    9: "superior gemellus",
    10: "vastus lateralis",
    11: "rectus femoris",
    12: "reflected head",
    14: "quadratus lumborum",
    15: "iliacus",
    17: "psoas major",
}


@needs_article
@pytest.mark.parametrize("cls", sorted(NEIGHBOURS), ids=list(NEIGHBOURS.values()))
def test_neighbouring_muscle_definition_picks_it_out_without_gluteus_minimus(ontology_graph: Graph, cls: int) -> None:
    says("kan muskelfibre blande seg med tilgrensende strukturer som piriformis, m. gemellus superior eller til og med m. vastus lateralis")
    g = ontology_graph
    for lang in ("en", "nb"):
        (definition,) = texts(g, term(cls), IAO_DEFINITION, lang)
        assert "minimus" not in definition.replace("gluteus maximus og gluteus minimus", "").replace("gluteus maximus and gluteus minimus", ""), (
            definition
        )
    ax = next(a for a in g.subjects(OWL.annotatedSource, term(cls)) if (a, OWL.annotatedProperty, IAO_DEFINITION) in g)
    assert UBERON in set(g.objects(ax, DCTERMS.source))


# --- 10. Norwegian and Latin ------------------------------------------------------------------------
@needs_article
def test_norwegian_texts_read_as_clinical_bokmaal(ontology_graph: Graph) -> None:
    says("de ipsilaterale abduktorene (minimus og medius)", "Fest et strikk til en stabil struktur i knehøyde")
    g = ontology_graph
    nb = [str(o) for _, _, o in g if isinstance(o, Literal) and lang_of(o) == "nb"]
    for wrong in ("musklenes hoder", "den fremre gluteus minimus", "strikken", "greindel", "progredieres", "atskillende", "kar forsyner med blod"):
        assert not [t for t in nb if wrong in t], wrong
    assert not [t for t in nb if t.startswith("Smerte kjent")]
    assert texts(g, term(88), RDFS.label, "nb") == ["hofteabduktor"] and (term(4), RDFS.subClassOf, term(88)) in g
    assert texts(g, term(450), RDFS.label, "nb") == ["degenerativ forandring i senen til gluteus minimus"]
    assert texts(g, term(454), RDFS.label, "nb") == ["langvarig hofteplage"]


def test_latin_names_outside_terminologia_anatomica_are_not_latin_labels(ontology_graph: Graph) -> None:
    for cls, name in ((59, "foramen suprapiriforme"), (23, "tendo musculi glutei minimi")):
        assert texts(ontology_graph, term(cls), RDFS.label, "la") == []
        assert texts(ontology_graph, term(cls), term(999), "la") == [name]


def test_card_shows_the_qualifier_and_the_compensating_muscles_of_an_axiom() -> None:
    from gluteonto.card import build_card, render_text

    session = Session("oxigraph")
    artery = " ".join(render_text(build_card(session, term(77), "nb")).split())
    assert "forsyner gluteus minimus med blod (hovedsakelig:" in artery
    plank = " ".join(render_text(build_card(session, term(664), "en")).split())
    assert "allows less compensation than clam exercise (compensation by tensor fasciae latae, quadratus lumborum)" in plank
