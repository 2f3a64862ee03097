"""The one-page summary (handout) of a term: a balanced selection of its statements, by kind, that fills one A4 page."""

from __future__ import annotations

import re

import pytest

from gluteonto import Session, iris
from gluteonto.card import build_card
from gluteonto.card.model import TermCard
from gluteonto.site.printable import SUMMARY_KINDS, SUMMARY_LINES, statement_kind, summary_budget, summary_statements, term_summary


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_handout_of_gluteus_minimus_covers_origin_insertion_nerve_blood_actions_and_clinical_points(oxigraph_session: Session, lang: str) -> None:
    card = build_card(oxigraph_session, "GLUTEONTO:0000004", lang)
    groups, rest = summary_statements(card, summary_budget(card))
    shown = [r for found in groups.values() for r in found]
    props = {r.property.iri for r in shown}
    for wanted in (iris.HAS_MUSCLE_ORIGIN, iris.HAS_MUSCLE_INSERTION, iris.INNERVATED_BY, iris.VESSEL_SUPPLIES_BLOOD_TO, iris.HAS_AGENT):
        assert wanted in props, wanted
    assert iris.COMMONLY_AFFECTS in props  # the main clinical point: the condition that most often involves the muscle
    assert {"attachment", "innervation", "blood", "action", "clinical"} <= set(groups)
    html = term_summary(card, lambda _t: "../terms/x.html", "print")
    assert "L4, L5, S1" in html  # the nerve's roots
    headings = re.findall(r'<h2 class="kind-(\w+)">', html)
    assert headings == list(groups) and all(k in SUMMARY_KINDS for k in headings)
    assert rest == len([*card.asserted, *card.incoming]) - len(shown) - _repeats(card)
    assert re.search(rf"{rest} (utsagn|more statements?)", html)


def _repeats(card: TermCard) -> int:
    """Incoming statements that repeat one the term states (same kind, same other term): left out, not counted."""
    stated = {(statement_kind(r), r.target.iri) for r in card.asserted}
    return sum((statement_kind(r), r.subject.iri) in stated for r in card.incoming)


def test_handout_draws_from_every_kind_in_turn_not_the_first_statements(oxigraph_session: Session) -> None:
    card = build_card(oxigraph_session, "GLUTEONTO:0000004", "nb")
    groups, _rest = summary_statements(card)
    counts = [len(found) for found in groups.values()]
    assert max(counts) - min(counts) <= 3, groups.keys()  # balanced: no kind crowds the others out
    small, _ = summary_statements(card, 18)  # a short budget still reaches past the anatomy into function and clinic
    assert {"attachment", "innervation", "blood", "action"} <= set(small)
    assert max(len(found) for found in small.values()) <= 2


def test_handout_fills_its_page_budget(oxigraph_session: Session) -> None:
    from gluteonto.site.printable import _HEADING, _lines

    card = build_card(oxigraph_session, "GLUTEONTO:0000004", "en")
    groups, rest = summary_statements(card)
    used = sum(_lines(r) for found in groups.values() for r in found) + _HEADING * len(groups)
    assert rest and SUMMARY_LINES - 4 <= used <= SUMMARY_LINES  # more is left for the term page, so the sheet is full


def test_handout_picks_the_main_actions_and_the_same_statements_in_every_language(oxigraph_session: Session) -> None:
    """The statements within a kind were picked in the alphabetical order of each language's labels: the English
    sheet left out hip abduction and pelvic stabilisation, and the two sheets said different things."""

    def chosen(lang: str) -> dict[str, list[tuple[str, str, str]]]:
        card = build_card(oxigraph_session, "GLUTEONTO:0000004", lang)
        groups, _rest = summary_statements(card, summary_budget(card))
        return {kind: [(r.subject.iri, r.property.iri, r.target.iri) for r in found] for kind, found in groups.items()}

    english, norwegian = chosen("en"), chosen("nb")
    # the same order in both: the sheet in the wordier language stops earlier within a kind, never picks others
    for kind in set(english) | set(norwegian):
        first, second = english.get(kind, []), norwegian.get(kind, [])
        shorter, longer = sorted((first, second), key=len)
        assert longer[: len(shorter)] == shorter, kind
    actions = {subject for subject, _p, _t in english["action"]}
    assert {iris.GM_HIP_ABDUCTION, iris.GM_GMED_PELVIC_STABILISATION} <= actions, actions
