"""Every axiom true to the article: qualified statements stay qualified, texts are not copied,
and a DL query over agents returns the actions of a muscle's parts (HermiT)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from gluteonto.resources import ontology_file
from gluteonto.tools.reason import java_available
from gluteonto.vocab import DCTERMS, OBOINOWL, OWL, RDFS

from ..helpers import ROOT, term

ARTICLE = ROOT.parent / "shared" / "article" / "gluteus-minimus.nb.txt"
needs_article = pytest.mark.skipif(not ARTICLE.is_file(), reason=f"the source article is not at {ARTICLE}")
needs_java = pytest.mark.skipif(not java_available(), reason="HermiT needs Java (a JRE on PATH); none found")

#: Relations whose definition is itself the weaker claim (typical, possible, population-level).
QUALIFIED = {919, 921, 923, 924, 926, 927, 938, 941, 942}
#: Relations that claim something of every case.
STRONG = {918, 920, 922, 925, 931}

# (words of the article, subject, fillers, the qualified relation that must carry them, either-or).
# Each is a population, frequency or possibility statement ("særlig", "ofte", "kan", "eventuelt",
# "assosiert med", "bidrar til"). Either-or statements must be one union filler; the others may be
# one axiom per filler.
QUALIFIED_STATEMENTS = [
    ("GTPS rammer særlig kvinner over 40 år", 404, {721}, 941, False),
    ("ofte forbundet med tidligere hofteartrose, lumbale ryggplager eller biomekaniske avvik", 404, {406, 417, 722}, 924, False),
    ("MR viser da degenerative forandringer i senen, væske rundt trochanter major", 404, {450, 451}, 942, False),
    ("og eventuelt partielle rupturer", 404, {452}, 921, False),
    ("Sammen med gluteus medius er minimus den vanligste muskelen som affiseres ved GTPS", 404, {4, 5}, 919, False),
    ("Dette kan gi smerter over laterale hofte", 403, {431}, 921, False),
    ("Disse kan gi referert smerte helt ned til laterale legg og fot", 409, {433}, 921, False),
    ("særlig i fremre og midtre fibersegment", 409, {19, 20}, 919, False),
    ("Ved kronisk overbelastning", 410, {724}, 923, False),
    ("kan triggerpunktene bli vedvarende aktive og gi betydelig funksjonsnedsettelse", 410, {438}, 938, False),
    ("Etter hofteprotesekirurgi og ved degenerative tilstander som coxartrose, sees ofte atrofi", 411, {453, 422}, 923, False),
    ("særlig i den anteriore delen", 411, {19}, 919, False),
    ("atrofi i minimus er assosiert med redusert balanse, økt risiko for fall og endret muskelrekruttering", 411, {439, 440, 441}, 924, False),
    ("Lesjoner eller trykk mot denne nerven kan føre til isolert svakhet i gluteus minimus og medius", 412, {446, 447}, 938, False),
    ("med tydelige konsekvenser for ganglaget", 412, {459}, 938, False),
    ("kan gluteus minimus også kompensere for svakheter andre steder og dermed bli overaktiv", 413, {442}, 938, False),
    ("kompenserende bevegelsesmønstre kan føre til sekundære plager i korsrygg, kne eller ankel", 448, {419, 420, 421}, 938, False),
    ("svikt i denne muskelen bidrar til en rekke kliniske tilstander", 446, {404, 416, 413}, 926, False),
]


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _fillers(graph: Graph, node: BNode) -> set[Node]:
    """Named classes a restriction points to, one for a class, each member for a union."""
    filler = graph.value(node, OWL.someValuesFrom)
    if isinstance(filler, URIRef):
        return {filler}
    members = graph.value(filler, OWL.unionOf) if filler is not None else None
    return set(Collection(graph, members)) if members is not None else set()


def _links(graph: Graph, subject: int) -> list[tuple[int, set[Node]]]:
    out = []
    for node in graph.objects(term(subject), RDFS.subClassOf):
        if not isinstance(node, BNode):
            continue
        prop = graph.value(node, OWL.onProperty)
        if prop is not None and str(prop).startswith("https://w3id.org/gluteonto/GLUTEONTO_"):
            out.append((int(str(prop)[-7:]), _fillers(graph, node)))
    return out


@needs_article
@pytest.mark.parametrize("statement", QUALIFIED_STATEMENTS, ids=[s[0][:50] for s in QUALIFIED_STATEMENTS])
def test_qualified_statement_stays_qualified(ontology_graph: Graph, statement: tuple[str, int, set[int], int, bool]) -> None:
    words, subject, fillers, relation, either_or = statement
    assert _normalise(words) in _normalise(ARTICLE.read_text(encoding="utf-8")), "not the article's words"
    wanted = {term(f) for f in fillers}
    links = _links(ontology_graph, subject)
    if either_or:
        assert any(p == relation and wanted <= found and len(found) > 1 for p, found in links), (relation, links)
    else:  # a list: one axiom per item, never a union of the items
        covered = set().union(*[found for p, found in links if p == relation and len(found) == 1])
        assert wanted <= covered, (relation, wanted - covered)
        assert not [found for p, found in links if p == relation and len(found) > 1 and found & wanted]
    strong = [(p, found & wanted) for p, found in links if p in STRONG and found & wanted]
    assert not strong, f"stated as holding in every case: {strong}"


def test_no_qualified_relation_implies_a_strong_one(ontology_graph: Graph) -> None:
    """A qualified relation is never a sub-property of an every-case relation, so the reasoner
    cannot turn 'may' into 'always'; strong ones may imply weak ones (has feature → may have)."""
    for weak in QUALIFIED:
        supers = set(ontology_graph.transitive_objects(term(weak), RDFS.subPropertyOf))
        assert not {term(s) for s in STRONG} & supers, weak
    chains = set(ontology_graph.subjects(OWL.propertyChainAxiom, None))
    assert chains == {term(909)}, chains  # only has agent o part of -> has agent


def test_every_either_or_filler_is_a_union_of_named_classes(ontology_graph: Graph) -> None:
    for union in ontology_graph.subjects(OWL.unionOf, None):
        head = ontology_graph.value(union, OWL.unionOf)
        assert head is not None
        members = list(Collection(ontology_graph, head))
        assert len(members) >= 2
        assert all(isinstance(m, URIRef) or (m, OWL.onProperty, None) in ontology_graph for m in members)


@needs_article
def test_qualified_statement_check_fails_on_a_flattened_axiom(fresh_graph: Graph) -> None:
    """The check is not vacuous: turning 'kan gi' into 'has feature' is reported."""
    words, subject, fillers, _, either_or = QUALIFIED_STATEMENTS[5]
    for node in list(fresh_graph.objects(term(subject), RDFS.subClassOf)):
        if (node, OWL.onProperty, term(921)) in fresh_graph:
            fresh_graph.remove((node, OWL.onProperty, term(921)))
            fresh_graph.add((node, OWL.onProperty, term(920)))
    with pytest.raises(AssertionError):
        test_qualified_statement_stays_qualified(fresh_graph, (words, subject, fillers, 921, either_or))


# --- near-copies of the article ---------------------------------------------------------------
NEAR_COPY_RATIO = 0.70
#: names (labels and synonyms) may keep the article's wording of a name or title, up to this ratio
NAME_RATIO = 0.75
MIN_LENGTH = 40
NAME_PROPERTIES = {RDFS.label, OBOINOWL.hasExactSynonym, OBOINOWL.hasRelatedSynonym, OBOINOWL.hasNarrowSynonym, OBOINOWL.hasBroadSynonym}


def _article_sentences() -> list[str]:
    """Sentences of the article; a full stop after a one-letter abbreviation (a., n., m.) does not end one."""
    text = ARTICLE.read_text(encoding="utf-8")
    return [s.strip() for s in re.split(r"(?<=\w\w[.!?:])\s+|\n+", text) if len(s.strip()) >= 20]


def _own_texts(graph: Graph) -> set[str]:
    """Every text literal and each of its sentences of 40+ characters. The source records (named
    individuals with a bibliographic citation) name the works in the article's reference list on
    purpose and are left out."""
    return set(_own_texts_and_ratios(graph))


def _own_texts_and_ratios(graph: Graph) -> dict[str, float]:
    """Each own text with the ratio at which it counts as a near-copy: names (labels, synonyms) may stay
    closer to the article's name or title than definitions, notes and exercise texts may."""
    records = set(graph.subjects(DCTERMS.bibliographicCitation, None))
    texts: dict[str, float] = {}
    for subject, prop, value in graph:
        if not isinstance(value, Literal) or subject in records or not isinstance(value.value, str):
            continue
        whole = _normalise(str(value))
        parts = [whole, *re.split(r"(?<=\w\w[.!?;])\s+", whole)]
        ratio = NAME_RATIO if prop in NAME_PROPERTIES else NEAR_COPY_RATIO
        for part in parts:
            if len(part) >= MIN_LENGTH:
                texts[part] = min(ratio, texts.get(part, ratio))
    return texts


def near_copies(graph: Graph) -> list[tuple[float, str, str]]:
    found = []
    texts = [(t, t.lower(), ratio) for t, ratio in _own_texts_and_ratios(graph).items()]
    matcher = difflib.SequenceMatcher(autojunk=False)
    for sentence in _article_sentences():
        lowered_sentence = sentence.lower()
        matcher.set_seq2(lowered_sentence)
        for text, lowered, ratio in texts:
            # rapidfuzz's ratio is 2·LCS/length and difflib's 2·M/length, where difflib's matching blocks (M
            # characters) are a common subsequence, so M ≤ LCS: below the threshold there, below it here too
            if fuzz.ratio(lowered, lowered_sentence) < ratio * 100 - 1e-9:
                continue
            matcher.set_seq1(lowered)
            if matcher.ratio() >= ratio:
                found.append((round(matcher.ratio(), 2), text, sentence))
    return sorted(found, reverse=True)


#: Words in a row shared with one article sentence that make a text a copy even when the rest
#: differs (a copied clause inside an own sentence). Six or seven would also flag multi-word
#: anatomical names ("mellom gluteus medius og gluteus minimus") and the article's section titles.
COPIED_RUN = 8


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + COPIED_RUN]) for i in range(len(words) - COPIED_RUN + 1)}


def copied_runs(graph: Graph) -> list[tuple[str, str]]:
    """(text, first shared run) for each text sharing COPIED_RUN consecutive words with an article sentence."""
    article = set().union(*(_runs(_words(s)) for s in _article_sentences()))
    found = []
    for text in _own_texts(graph):
        shared = sorted(_runs(_words(text)) & article)
        if shared:
            found.append((text, " ".join(shared[0])))
    return sorted(found)


@needs_article
def test_no_text_is_a_near_copy_of_the_article(ontology_graph: Graph) -> None:
    assert near_copies(ontology_graph) == []
    assert copied_runs(ontology_graph) == []


@needs_article
def test_near_copy_check_catches_a_copied_sentence() -> None:
    graph = Graph()
    copied = "Stå ved siden av en 20-30 cm høy benk eller plattform, og sett det ytre benet på den."
    graph.add((term(663), term(991), Literal(copied, lang="nb")))
    graph.add((term(663), term(990), Literal("Trene hofta på en helt annen måte enn artikkelen beskriver.", lang="nb")))
    assert [text for _, text, _ in near_copies(graph)] == [copied]


@needs_article
def test_near_copy_check_catches_the_lightly_edited_evidence_of_the_diagonal_abduction() -> None:
    """The old nb evidence text of exercise 1 swapped single words of the article's sentence (ratio 0.749)."""
    graph = Graph()
    edited = (
        "Artikkelen viser til studier der denne skrå bevegelsen ga sterk og selektiv aktivering av gluteus minimus, særlig hos personer med GTPS."
    )
    graph.add((term(662), term(992), Literal(edited, lang="nb")))
    assert [text for _, text, _ in near_copies(graph)] == [edited]
    # a name may keep the article's wording of a title a little more closely than a text may
    title = "Gluteus Minimus-artikkelen, avsnitt: Biomekanisk sammenheng og samspill med andre muskler"
    named = Graph()
    named.add((term(859), RDFS.label, Literal(title, lang="nb")))
    assert near_copies(named) == []


@needs_article
def test_copied_run_check_catches_a_copied_clause_in_an_own_sentence() -> None:
    """A sentence whose overall similarity stays under the ratio can still carry a copied clause."""
    graph = Graph()
    clause = "Hold en vekt foran kroppen for bedre balanse, eller bruk speil for visuell kontroll."
    own = "Trene hofta på en helt annen måte enn artikkelen beskriver, med lett bøyd kne og hofte."
    graph.add((term(665), term(994), Literal(clause, lang="nb")))
    graph.add((term(665), term(990), Literal(own, lang="nb")))
    assert near_copies(graph) == []
    assert [text for text, _ in copied_runs(graph)] == [clause]


# --- DL query: actions of gluteus minimus include those of its fibre segments -----------------
@pytest.mark.slow
@needs_java
def test_dl_query_for_actions_of_gluteus_minimus_includes_its_segments() -> None:
    import owlready2

    world = owlready2.World()
    onto = world.get_ontology(Path(ontology_file("owl")).resolve().as_uri()).load()

    def cls(number: int) -> Any:
        return world[str(term(number))]

    with onto:
        query = owlready2.types.new_class("ActionOfGluteusMinimus", (owlready2.Thing,))
        query.equivalent_to = [cls(211) & cls(909).some(cls(4))]
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    answers = {c.iri for c in query.descendants()} - {query.iri}
    assert str(term(213)) in answers  # internal rotation: agent is the anterior segment only
    assert str(term(221)) in answers  # loaded-hip control: anterior segment
    assert str(term(212)) in answers and str(term(214)) in answers  # agent stated as the whole muscle
    assert str(term(219)) not in answers  # hip extension by gluteus maximus
    assert str(term(224)) not in answers  # hip abduction by gluteus medius
