"""The term card: content from the ontology (asserted, inherited, incoming, provenance), languages, renderers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from html import escape
from html.parser import HTMLParser
from typing import ClassVar

import pytest
from rdflib import Graph, URIRef

from gluteonto import InputError, Session
from gluteonto.card import (
    build_card,
    card_index,
    render_html,
    render_text,
)
from gluteonto.card.index import CardIndex
from gluteonto.card.model import Note, Relation
from gluteonto.query.questions import QuestionTable, answering_questions, question_params
from gluteonto.vocab import OBO, RDFS

from ..helpers import restrictions, term

GM, TFL, SGN = term(4), term(7), term(62)
TROCHANTERIC_ANASTOMOSIS = term(84)
S_INNERV = term(854)


@pytest.fixture(scope="module")
def index(oxigraph_session: Session) -> CardIndex:
    return card_index(oxigraph_session)


def _sentences(relations: Iterable[Relation]) -> list[str]:
    return [r.sentence for r in relations]


def test_innervation_sentence_in_norwegian_with_roots_and_section(index: CardIndex) -> None:
    card = build_card(index, GM, "nb")
    [nerve] = [r for r in card.relations if r.property.iri == str(OBO["RO_0002005"])]
    assert nerve.sentence == "Gluteus minimus innerveres av n. gluteus superior"
    assert nerve.detail == "(røtter L4, L5, S1)"
    assert [s.short for s in nerve.sources] == ["artikkelen, avsnitt Innervasjon"]
    assert nerve.inherited_from is None
    assert "Gluteus minimus innerveres av n. gluteus superior (røtter L4, L5, S1) — kilde: artikkelen, avsnitt Innervasjon" in render_text(card, 200)


def test_labels_synonyms_definition_in_three_languages(index: CardIndex) -> None:
    card = build_card(index, "m. gluteus minimus", "en")
    assert card.term.iri == str(GM)
    assert {n.lang: n.text for n in card.labels} == {"en": "gluteus minimus", "nb": "gluteus minimus", "la": "musculus gluteus minimus"}
    assert "den lille setemuskelen" in [s.text for s in card.synonyms]
    assert card.definition is not None and card.definition.lang == "en" and not card.definition.fallback
    assert {s.kind for s in card.definition_sources} == {"section"}


def test_inherited_relations_are_marked_with_their_ancestor(index: CardIndex) -> None:
    card = build_card(index, "modified side plank with abduction", "en")
    inherited = [r for r in card.relations if r.inherited_from is not None]
    assert inherited, "the exercise class states shared axioms that every exercise inherits"
    assert {r.inherited_from.name.text for r in inherited if r.inherited_from is not None} == {"gluteus minimus strengthening exercise"}
    assert any(r.sentence.endswith("targets gluteus minimus") for r in inherited)
    # an asserted fact is not repeated as inherited
    card = build_card(index, "single-leg squat with hip control", "en")
    targets = [r for r in card.relations if r.sentence.endswith("targets gluteus minimus")]
    assert len(targets) == 1 and targets[0].inherited_from is None
    assert any(p.inherited_from is not None for p in card.parents)


def test_incoming_relations_say_what_points_here(index: CardIndex) -> None:
    card = build_card(index, GM, "en")
    incoming = _sentences(card.incoming)
    assert "Superior gluteal artery supplies blood to gluteus minimus" in incoming
    assert all(r.target.iri == str(GM) for r in card.incoming)


def test_latin_card_falls_back_to_english_marked(index: CardIndex) -> None:
    card = build_card(index, SGN, "la")
    assert card.term.name.text == "nervus gluteus superior" and not card.term.name.fallback
    plane = next(r for r in card.relations if "plane between" in r.sentence)
    assert plane.target.name.fallback
    assert "plane between gluteus medius and gluteus minimus\u00a0(en)" in render_text(card, 200)
    # non-anatomy terms have no Latin names to expect: English, unmarked
    lesion = next(r for r in card.incoming if "lesion" in r.subject.name.text)
    assert not lesion.subject.name.fallback


def test_a_norwegian_card_marks_a_name_with_no_norwegian_label(index: CardIndex, fresh_graph: Graph) -> None:
    """A term without a Norwegian label (a user's data, an outside class) was named in English, unmarked, on a
    Norwegian card: the relation, its subclasses and the title say "(en)"."""
    from rdflib import Literal

    for label in [o for o in fresh_graph.objects(TFL, RDFS.label) if isinstance(o, Literal) and o.language == "nb"]:
        fresh_graph.remove((TFL, RDFS.label, label))
    packaged, index = index, CardIndex.from_graph(fresh_graph)
    text = render_text(build_card(index, GM, "nb", questions={}), 200)  # (no questions asked: quick)
    assert "tensor fasciae latae\u00a0(en)" in text and "Gluteus minimus ligger bak tensor fasciae latae\u00a0(en)" in text, text
    assert render_text(build_card(index, TFL, "nb", questions={}), 200).startswith("tensor fasciae latae\u00a0(en)\n")
    assert "tensor fasciae latae\u00a0(en)" not in render_text(build_card(packaged, GM, "nb"), 200)  # it has a Norwegian label there


def test_coverage_notes_follow_the_data(index: CardIndex, fresh_graph: Graph) -> None:
    assert not [n for n in build_card(index, GM, "en").notes if n.kind == "coverage"]
    sgn_note = next(n.text for n in build_card(index, SGN, "en").notes if n.kind == "coverage")
    assert sgn_note.startswith("The source names only gluteus medius and gluteus minimus as supplied by superior gluteal nerve")
    tfl_notes = [n.text for n in build_card(index, TFL, "nb").notes if n.kind == "coverage"]
    assert "Kilden oppgir ikke nerveforsyningen til tensor fasciae latae." in tfl_notes

    # state a nerve for TFL: the note on TFL goes, and the nerve's list grows
    node = restrictions(fresh_graph, GM, OBO["RO_0002005"], SGN)[0]
    fresh_graph.add((TFL, RDFS.subClassOf, node))
    changed = card_index(fresh_graph)
    no_questions: QuestionTable = {}  # the notes do not depend on the question list, which rdflib would take seconds to find
    assert not [n for n in build_card(changed, TFL, "en", questions=no_questions).notes if "nerve supply" in n.text]
    assert "tensor fasciae latae" in next(n.text for n in build_card(changed, SGN, "en", questions=no_questions).notes if n.kind == "coverage")


def test_mappings_link_fma_and_uberon(index: CardIndex) -> None:
    mappings = {m.curie: m for m in build_card(index, GM, "en").mappings}
    assert mappings["FMA:22317"].predicate == "exact"
    assert mappings["FMA:22317"].url and "fma22317" in mappings["FMA:22317"].url
    assert mappings["UBERON:0008521"].url == "http://purl.obolibrary.org/obo/UBERON_0008521"
    assert mappings["SCTID:181676004"].url is None


def test_questions_are_those_that_answer(oxigraph_session: Session, index: CardIndex) -> None:
    names = {q.name for q in build_card(index, GM, "en").questions}
    assert {"innervation", "origin-insertion", "arterial-supply"} <= names
    assert "muscles-by-nerve" not in names  # GM is not a nerve: that question gives nothing for it
    # the batched check agrees with running each question once per term
    sample = [GM, SGN, TFL, term(84)]
    batched = answering_questions(oxigraph_session, sample)
    for spec, param in question_params(oxigraph_session):
        defaults = oxigraph_session.bind(spec, {})
        for t in sample:
            answers = bool(oxigraph_session.engine.query(spec.text, {**defaults, param: t}).rows)
            assert answers == ((spec, param) in batched[t]), (spec.name, t)


def test_property_and_source_cards(index: CardIndex) -> None:
    prop = build_card(index, "innervated by", "en")
    assert prop.kind == "object property"
    assert {r.subject.name.text for r in prop.uses} == {"gluteus minimus", "gluteus medius"}
    assert "inverse of innervates" in prop.characteristics
    section = build_card(index, S_INNERV, "nb")
    assert section.kind == "individual"
    assert "N. gluteus superior har fibre fra fjerde lumbalnerve" in _sentences(section.uses)


def test_defined_class_reads_as_a_definition(index: CardIndex) -> None:
    card = build_card(index, "gluteus minimus blended with piriformis", "en")
    assert "Gluteus minimus blended with piriformis is by definition gluteus minimus that is continuous with piriformis" in _sentences(card.relations)


@pytest.mark.slow  # every relation of the card asked through rdflib
def test_graph_and_session_give_the_same_card(ontology_graph: Graph, index: CardIndex) -> None:
    from_graph = build_card(Graph() + ontology_graph, GM, "nb")
    from_session = build_card(index, GM, "nb")
    assert _sentences(from_graph.relations) == _sentences(from_session.relations)
    assert _sentences(from_graph.incoming) == _sentences(from_session.incoming)
    assert [q.name for q in from_graph.questions] == [q.name for q in from_session.questions]


def test_bad_input_is_one_clear_error(index: CardIndex) -> None:
    with pytest.raises(InputError, match="not a term"):
        build_card(index, URIRef("https://w3id.org/gluteonto/GLUTEONTO_0999999"), "en")
    with pytest.raises(InputError):
        build_card(index, "no such muscle at all", "en")
    with pytest.raises(InputError, match="language"):
        build_card(index, GM, "de")


def test_text_fits_the_width(index: CardIndex) -> None:
    text = render_text(build_card(index, GM, "nb"), width=60)
    long = [line for line in text.splitlines() if len(line) > 60 and " " in line.strip() and not line.strip().startswith("gluteonto query ")]
    assert not long


def test_text_never_splits_commands_links_or_words(index: CardIndex) -> None:
    """Commands and links stand whole on their own lines; text wraps at spaces only."""
    card = build_card(index, GM, "nb")
    text = render_text(card, width=60)
    lines = [line.strip() for line in text.splitlines()]
    for question in card.questions:
        assert question.command in lines
    assert "gluteonto query innervasjon -p muskel=" + card.term.curie in lines  # the names of the card's language
    for mapping in card.mappings:
        if mapping.url:
            assert mapping.url in lines
    words = {w for line in render_text(card, width=1000).splitlines() for w in line.split()}
    assert {w for line in lines for w in line.split()} <= words | {"•"}


class _Checker(HTMLParser):
    VOID: ClassVar[set[str]] = {"br", "img", "meta", "link", "input", "hr", "col", "wbr", "source"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs)["href"] or "")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()


def test_html_fragment_is_balanced_and_links_terms(index: CardIndex) -> None:
    card = build_card(index, GM, "la")
    html = render_html(card, href=lambda ref: f"{ref.curie}.html" if ref.local else None, question_href=lambda name: f"q.html#{name}")
    checker = _Checker()
    checker.feed(html)
    assert not checker.stack
    assert "GLUTEONTO:0000062.html" in checker.links  # the nerve, linked from the sentence
    assert "q.html#innervation" in checker.links
    assert "http://purl.obolibrary.org/obo/UBERON_0008521" in checker.links
    assert "<h1>musculus gluteus minimus</h1>" in html
    assert 'class="fallback"' in html  # some anatomy without a Latin name


def test_norwegian_card_gives_the_norwegian_note_on_a_missing_identifier(index: CardIndex) -> None:
    """The notes saying that the reference data has no FMA/Uberon identifier were English only, so the
    Norwegian card pointed to the English one instead: now it gives the Norwegian note itself."""
    no_questions: QuestionTable = {}
    english = build_card(index, TROCHANTERIC_ANASTOMOSIS, "en", questions=no_questions)
    card = build_card(index, TROCHANTERIC_ANASTOMOSIS, "nb", questions=no_questions)
    [note] = [n for n in card.notes if n.kind == "editorial"]
    [english_note] = [n for n in english.notes if n.kind == "editorial"]
    assert note.lang == "nb" and note.text.startswith("Referansedataene har verken en Uberon-klasse")
    assert english_note.lang == "en" and english_note.text.startswith("No Uberon class")
    html = render_html(card, page_in=lambda lang: f"page.{lang}.html")
    assert escape(note.text) in html and "note-elsewhere" not in html
    text = render_text(card, 400)
    assert note.text in text and "--lang en" not in text


def test_a_note_only_in_english_points_to_the_english_card(index: CardIndex) -> None:
    """Where a note exists only in another language (added data), the card says where to read it."""
    card = build_card(index, TROCHANTERIC_ANASTOMOSIS, "nb", questions={})
    card = replace(card, notes=(Note("editorial", "checked by hand", "en"),))
    html = render_html(card, page_in=lambda lang: f"page.{lang}.html")
    assert "note-elsewhere" in html and 'hreflang="en"' in html and "checked by hand" not in html
    text = render_text(card, 400)
    assert f"gluteonto about {card.term.curie} --lang en" in text and "checked by hand" not in text


@pytest.mark.parametrize(
    "lang, words", [("en", "takes place during stance phase of gait or single-leg stance"), ("nb", "skjer under standfase eller enbensstående")]
)
def test_a_statement_with_alternatives_was_missing_from_the_card(index: CardIndex, lang: str, words: str) -> None:
    """Pelvic stabilisation occurs during the stance phase or single-leg stance (one axiom, a union of two
    alternatives): the card left the statement out, as it showed named fillers only."""
    card = build_card(index, term(214), lang)
    [either] = [r for r in card.relations if r.property.iri == "https://w3id.org/gluteonto/GLUTEONTO_0000912"]
    assert words in either.sentence.lower(), either.sentence
    linked = {URIRef(p.iri) for p in either.pieces if not isinstance(p, str)}
    assert linked == {term(214), term(232), term(235)} and either.sources
    html = render_html(card, href=lambda ref: f"{ref.curie}.html")
    assert html.count('href="GLUTEONTO:') >= 3


def test_an_action_especially_pronounced_in_a_position_was_said_to_be_strongest_there(index: CardIndex) -> None:
    """The source says internal rotation by the anterior fibres shows especially with the hip flexed; "is strongest
    with" claimed more than that."""
    card = build_card(index, "hip internal rotation by anterior fibres of gluteus minimus", "en")
    [enhanced] = [r for r in card.relations if r.property.iri == "https://w3id.org/gluteonto/GLUTEONTO_0000914"]
    assert "is especially pronounced with flexed hip position" in enhanced.sentence and "strongest" not in enhanced.sentence
