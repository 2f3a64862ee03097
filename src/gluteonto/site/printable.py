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

__all__ = ["EXERCISE_PURPOSE", "SUMMARY_LIMIT", "exercise_sheet", "is_exercise", "term_summary"]

EXERCISE_PURPOSE, EXECUTION, VARIATION = iris.PURPOSE, iris.EXECUTION, iris.VARIATION
CAUTION, COMPENSATION, TARGETS, TRAINS = iris.HAS_CAUTION, iris.AVOIDS_COMPENSATION_BY, iris.TARGETS, iris.TRAINS_ACTION
PROGRESSES_TO, PROGRESS_WHEN = iris.PROGRESSES_TO, iris.PROGRESSES_WHEN
#: at most this many statements on a one-page summary (the term page has them all)
SUMMARY_LIMIT = 14


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
    """A patient sheet for an exercise card: purpose, how to do it, what to watch, how to progress."""
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
    progress = paragraphs(VARIATION) + "".join(
        f"<p>{escape(r.sentence)}{_sources(r.sources)}</p>" for r in (*_relations(card, PROGRESSES_TO), *_relations(card, PROGRESS_WHEN))
    )
    return (
        f'<article class="sheet" lang="{lang}"><p class="no-print"><button type="button" onclick="window.print()">'
        f"{escape(print_label)}</button></p>"
        f'<h1>{escape(capitalize(card.term.name.text))}</h1><p class="meta">{escape(word("sheet", lang))}</p>'
        + block("purpose", paragraphs(EXERCISE_PURPOSE))
        + block("how", paragraphs(EXECUTION))
        + block("works", "<ul>" + "".join(f"<li>{w}</li>" for w in works) + "</ul>" if works else "")
        + block("watch", "<ul>" + "".join(f"<li>{w}</li>" for w in watch) + "</ul>" if watch else "")
        + block("progress", progress)
        + "</article>"
    )


def term_summary(card: TermCard, href: Callable[[TermRef], str | None], print_label: str) -> str:
    """A one-page summary of a term: names, definition and at most :data:`SUMMARY_LIMIT` of its own statements."""
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
    own = [*card.asserted, *card.incoming]
    if own:
        items = "".join(
            f"<li>{escape(r.sentence)}{(' ' + escape(r.detail)) if r.detail else ''}{_sources(r.sources)}</li>" for r in own[:SUMMARY_LIMIT]
        )
        parts.append(f"<h2>{escape(word('statements', lang))}</h2><ul>{items}</ul>")
        if len(own) > SUMMARY_LIMIT:
            url = href(card.term)
            more = escape(nmsg("printable.more", len(own) - SUMMARY_LIMIT, lang))
            parts.append(f'<p class="muted"><a href="{escape(url)}">{more}</a></p>' if url else f'<p class="muted">{more}</p>')
    parts.append("</article>")
    return "".join(parts)
