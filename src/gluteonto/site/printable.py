"""Printable pages made for one A4 sheet: a patient sheet per exercise and a one-page summary per term.

Both are read from the term card (so from the ontology): the sheet shows the exercise's purpose,
how to do it, what to watch for and how to progress, each as the source states it, and says so
where the source is silent; the summary keeps a term's names, definition and its own statements.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .. import iris
from ..card.model import Relation, Source, TermCard, TermRef
from ..card.phrases import capitalize
from ..i18n import and_list, msg, nmsg

__all__ = [
    "EXERCISE_PURPOSE",
    "SUMMARY_KINDS",
    "SUMMARY_LINES",
    "exercise_sheet",
    "is_exercise",
    "statement_kind",
    "summary_budget",
    "summary_statements",
    "term_summary",
]

EXERCISE_PURPOSE, EXECUTION, VARIATION = iris.PURPOSE, iris.EXECUTION, iris.VARIATION
CAUTION, COMPENSATION, TARGETS, TRAINS = iris.HAS_CAUTION, iris.AVOIDS_COMPENSATION_BY, iris.TARGETS, iris.TRAINS_ACTION
PROGRESSES_TO, PROGRESS_WHEN = iris.PROGRESSES_TO, iris.PROGRESSES_WHEN
#: kinds of statement on a one-page summary, in the order they are shown and drawn from: kind → its properties,
#: the most telling first (``printable.kind.KEY`` names each kind's heading)
SUMMARY_KINDS: dict[str, tuple[str, ...]] = {
    "attachment": (iris.HAS_MUSCLE_ORIGIN, iris.HAS_MUSCLE_INSERTION, iris.ATTACHED_TO),
    "innervation": (iris.INNERVATED_BY, iris.INNERVATES, iris.HAS_ROOT_SEGMENT, iris.BRANCHING_PART_OF),
    "blood": (iris.VESSEL_SUPPLIES_BLOOD_TO, iris.HAS_CONTRIBUTING_ARTERY, iris.CONNECTING_BRANCH_OF),
    "action": (
        iris.HAS_AGENT,
        iris.ACTS_ON_JOINT,
        iris.MOVES,
        iris.REQUIRES_CONDITION,
        iris.ENHANCED_BY_CONDITION,
        iris.OCCURS_DURING,
        iris.PREVENTS,
        iris.ACTIVE_DURING,
        iris.MOST_ACTIVE_DURING,
        iris.ACTS_SYNERGISTICALLY_WITH,
    ),
    "clinical": (
        iris.COMMONLY_AFFECTS,
        iris.AFFECTS,
        iris.HAS_FEATURE,
        iris.TYPICALLY_HAS_FEATURE,
        iris.HAS_DISTINGUISHING_FEATURE,
        iris.MAY_HAVE_FEATURE,
        iris.RESULTS_IN,
        iris.MAY_RESULT_IN,
        iris.CONTRIBUTES_TO,
        iris.HAS_RISK_FACTOR,
        iris.IS_RISK_FACTOR_OF,
        iris.HAS_POPULATION_AT_INCREASED_RISK,
        iris.MAY_BE_MISTAKEN_FOR,
        iris.ASSOCIATED_WITH,
        iris.RESULT_OF_TEST,
        iris.STATE_AFTER,
        iris.INDICATED_FOR,
        iris.CONTRAINDICATED_IN,
        iris.RECOMMENDED_START_FOR,
        iris.RECOMMENDED_IN,
    ),
    "position": (
        iris.LOCATED_IN,
        iris.DEEP_TO,
        iris.SUPERFICIAL_TO,
        iris.DEEPER_THAN,
        iris.SHALLOWER_THAN,
        iris.ANTERIOR_TO,
        iris.POSTERIOR_TO,
        iris.ADJACENT_TO,
        iris.CONTINUOUS_WITH,
        iris.BOUNDED_BY,
        iris.PASSES_THROUGH,
        iris.RUNS_WITH,
    ),
    "parts": (iris.PART_OF, iris.HAS_PART),
    "training": (
        iris.TARGETS,
        iris.TRAINS_ACTION,
        iris.AVOIDS_COMPENSATION_BY,
        iris.HAS_CAUTION,
        iris.PROGRESSES_TO,
        iris.PROGRESSES_WHEN,
        iris.PRODUCES_HIGHER_ACTIVATION_THAN,
        iris.LESS_COMPENSATION_THAN,
        iris.KEPT_APART_FROM,
        iris.REPORTED_ESPECIALLY_IN,
    ),
    "other": (),
}
#: printed lines (of about :data:`_LINE` characters) the statements of a one-page summary may fill
SUMMARY_LINES = 50
_LINE = 100
_HEADING = 2  # lines a kind's heading takes


def word(key: str, lang: str, **values: object) -> str:
    """A word of the printable pages in ``lang`` (``printable.KEY`` in the message catalogues)."""
    return msg("printable." + key, lang, **values)


def is_exercise(card: TermCard) -> bool:
    """True for a term with a stated exercise purpose."""
    return any(a.property.iri == EXERCISE_PURPOSE for a in card.annotations)


def _texts(card: TermCard, prop: str) -> list[tuple[str, tuple[Source, ...]]]:
    return [(a.text, a.sources) for a in card.annotations if a.property.iri == prop]


def _sources(sources: tuple[Source, ...]) -> str:
    return f' <span class="src">({escape("; ".join(s.short for s in sources))})</span>' if sources else ""


def _relations(card: TermCard, prop: str) -> list[Relation]:
    return [r for r in card.relations if r.property.iri == prop]


def exercise_sheet(card: TermCard, print_label: str) -> str:
    """A patient sheet for an exercise card: purpose, how to do it, what to watch, how to progress, variations."""
    lang = card.ui_lang
    silent = f'<p class="silent">{escape(word("silent", lang))}</p>'

    def block(key: str, body: str) -> str:
        return f"<section><h2>{escape(word(key, lang))}</h2>{body or silent}</section>"

    def paragraphs(prop: str) -> str:
        return "".join(f"<p>{escape(text)}{_sources(sources)}</p>" for text, sources in _texts(card, prop))

    works = [f"{escape(capitalize(r.target.name.text))}{_sources(r.sources)}" for r in (*_relations(card, TARGETS), *_relations(card, TRAINS))]
    watch = [f"{escape(capitalize(r.target.name.text))}{_sources(r.sources)}" for r in _relations(card, CAUTION)]
    takeover = _relations(card, COMPENSATION)
    if takeover:
        listed = [r.target.name.text for r in takeover]
        names = and_list(listed, lang)
        watch.append(escape(word("no takeover", lang, names=names)) + _sources(tuple({s for r in takeover for s in r.sources})))
    progress = "".join(
        f"<p>{escape(r.sentence)}{_sources(r.sources)}</p>" for r in (*_relations(card, PROGRESSES_TO), *_relations(card, PROGRESS_WHEN))
    )
    variation = paragraphs(VARIATION)  # an aid or an alternative, not a step up
    return (
        f'<article class="sheet" lang="{lang}"><p class="no-print"><button type="button" onclick="window.print()">'
        f"{escape(print_label)}</button></p>"
        f'<h1>{escape(capitalize(card.term.name.text))}</h1><p class="meta">{escape(word("sheet", lang))}</p>'
        + block("purpose", paragraphs(EXERCISE_PURPOSE))
        + block("how", paragraphs(EXECUTION))
        + block("works", "<ul>" + "".join(f"<li>{w}</li>" for w in works) + "</ul>" if works else "")
        + block("watch", "<ul>" + "".join(f"<li>{w}</li>" for w in watch) + "</ul>" if watch else "")
        + block("progress", progress)
        + (block("variation", variation) if variation else "")
        + "</article>"
    )


def statement_kind(relation: Relation) -> str:
    """The :data:`SUMMARY_KINDS` key a statement belongs to (``other`` for a property no kind lists)."""
    return next((kind for kind, props in SUMMARY_KINDS.items() if relation.property.iri in props), "other")


def _ranking(term: str) -> Callable[[Relation], tuple[int, str]]:
    """Order of the statements about ``term`` within a kind: the most telling property first; within a property,
    the other term in the ontology's order of identifiers (which follows the article: hip abduction and pelvic
    stabilisation before the finer controls), so that every language's summary picks the same statements."""

    def rank(relation: Relation) -> tuple[int, str]:
        props = SUMMARY_KINDS[statement_kind(relation)]
        other = relation.target.iri if relation.subject.iri == term else relation.subject.iri
        return (props.index(relation.property.iri) if relation.property.iri in props else len(props), other)

    return rank


def _lines(relation: Relation) -> int:
    """Printed lines a statement takes, estimated from its length (sentence, detail and sources)."""
    length = len(relation.sentence) + len(relation.detail) + sum(len(s.short) + 2 for s in relation.sources)
    return 1 + length // _LINE


def summary_statements(card: TermCard, lines: int = SUMMARY_LINES) -> tuple[dict[str, list[Relation]], int]:
    """The statements of a one-page summary, by kind, and how many are left for the term page.

    A statement about the term in the other direction that repeats one the term states (``B lies in front of A``
    beside ``A lies behind B``) is left out. The rest is drawn in turn from each kind (attachments, innervation,
    blood supply, function, clinical points, position, parts, training, other), the most telling property of a
    kind first, while the estimated printed ``lines`` (see :func:`_lines`) last: a balanced sheet, never only the
    first kinds.
    """
    stated = {(statement_kind(r), r.target.iri) for r in card.asserted}
    own = [*card.asserted, *(r for r in card.incoming if (statement_kind(r), r.subject.iri) not in stated)]
    rank = _ranking(card.term.iri)
    queues = {kind: sorted((r for r in own if statement_kind(r) == kind), key=rank) for kind in SUMMARY_KINDS}
    chosen: set[int] = set()
    budget = lines
    while budget > 0 and any(queues.values()):
        for kind, queue in queues.items():
            cost = _lines(queue[0]) + (0 if any(statement_kind(r) == kind and id(r) in chosen for r in own) else _HEADING) if queue else 0
            if queue and cost <= budget:
                budget -= cost
                chosen.add(id(queue.pop(0)))
            elif queue:
                queue.clear()  # does not fit: this kind is done
    groups = {kind: [r for r in sorted(own, key=rank) if id(r) in chosen and statement_kind(r) == kind] for kind in SUMMARY_KINDS}
    return {kind: found for kind, found in groups.items() if found}, len(own) - len(chosen)


def summary_budget(card: TermCard) -> int:
    """Lines left for a summary's statements once the definition (if any) is printed."""
    return SUMMARY_LINES - (1 + len(card.definition.text) // _LINE if card.definition is not None else 0)


def term_summary(card: TermCard, href: Callable[[TermRef], str | None], print_label: str) -> str:
    """A one-page summary of a term: names, definition and its statements, a balanced selection across kinds
    (:func:`summary_statements`) under a heading per kind."""
    lang = card.ui_lang
    names = " · ".join(f'<span lang="{escape(n.lang)}">{escape(n.text)}</span>' for n in card.labels)
    parts = [
        f'<article class="sheet summary" lang="{lang}"><p class="no-print"><button type="button" onclick="window.print()">'
        f"{escape(print_label)}</button></p>",
        f"<h1>{escape(capitalize(card.term.name.text))}</h1>",
        f'<p class="meta">{escape(word("summary", lang))} · {escape(card.term.curie)} · {names}</p>',
    ]
    if card.definition is not None:
        parts.append(f"<h2>{escape(word('definition', lang))}</h2><p>{escape(card.definition.text)}{_sources(card.definition_sources)}</p>")
    groups, rest = summary_statements(card, summary_budget(card))
    for kind, found in groups.items():
        items = "".join(f"<li>{escape(r.sentence)}{(' ' + escape(r.detail)) if r.detail else ''}{_sources(r.sources)}</li>" for r in found)
        parts.append(f'<h2 class="kind-{kind}">{escape(word("kind." + kind, lang))}</h2><ul>{items}</ul>')
    if rest:
        url = href(card.term)
        more = escape(nmsg("printable.more", rest, lang))
        parts.append(f'<p class="muted"><a href="{escape(url)}">{more}</a></p>' if url else f'<p class="muted">{more}</p>')
    parts.append("</article>")
    return "".join(parts)
