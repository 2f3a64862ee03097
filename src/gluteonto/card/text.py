"""The term card as plain text for a terminal, wrapped to a width."""

from __future__ import annotations

import textwrap

from ..i18n import msg
from .model import Relation, Source, TermCard, TermRef
from .phrases import capitalize, word

__all__ = ["relation_text", "render_text", "sources_text"]


def sources_text(sources: tuple[Source, ...], lang: str) -> str:
    """'source: the article, section innervation; Moore, Dalley & Agur 2014, …' (empty if none)."""
    if not sources:
        return ""
    key = "source" if len([s for s in sources if s.kind != "footnote"]) <= 1 else "sources"
    return f"{word(key, lang)}: " + "; ".join(s.short for s in sources)


def _marked(relation: Relation, card_lang: str) -> str:
    """The sentence, a name that falls back to another language marked with it (``homepage (en)``)."""
    if not any(isinstance(p, TermRef) and p.name.fallback for p in relation.pieces):
        return relation.sentence
    out = []
    for i, piece in enumerate(relation.pieces):
        text = piece.name.shown(card_lang) if isinstance(piece, TermRef) else piece
        out.append(capitalize(text) if i == 0 else text)
    return "".join(out)


def relation_text(relation: Relation, lang: str, card_lang: str = "en") -> str:
    """One relation as a line: sentence, detail, inheritance and provenance."""
    text = _marked(relation, card_lang)
    if relation.detail:
        text += " " + relation.detail
    if relation.inherited_from is not None:
        text += f" [{word('inherited from', lang)} {relation.inherited_from.name.shown(card_lang)}]"
    provenance = sources_text(relation.sources, lang)
    return f"{text} — {provenance}" if provenance else text


def _wrapped(text: str, width: int, first: str, rest: str) -> list[str]:
    """``text`` wrapped at spaces only: a word, link or command longer than a line stays whole."""
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False)


def render_text(card: TermCard, width: int = 100, pathway: str = "") -> str:
    """The card as text ``width`` columns wide (at least 40): headings, then wrapped bullet lines; ``pathway``, the
    command that shows the clinical pathway from the term (when one starts there), on a line of its own."""
    width = max(40, width)
    ui = card.ui_lang
    lines: list[str] = []

    def heading(key: str) -> None:
        lines.append("")
        lines.append(word(key, ui))

    def bullet(text: str, verbatim: str = "") -> None:
        """A wrapped bullet (words and links never split); ``verbatim`` (a command or URL) on a line of its own."""
        lines.extend(_wrapped(text, width, "  • ", "    ") or ["  •"])
        if verbatim:
            lines.append("    " + verbatim)

    def para(text: str) -> None:
        lines.extend(_wrapped(text, width, "  ", "  "))

    def relations(key: str, found: tuple[Relation, ...]) -> None:
        """A heading and a bullet per relation, when there are any."""
        if found:
            heading(key)
            for relation in found:
                bullet(relation_text(relation, ui, card.lang))

    name = card.term.name
    title = name.text + f"  [{word('no latin', ui)}]" if name.fallback and card.lang == "la" else name.shown(card.lang)
    lines.append(title)
    kind = word(card.kind, ui) if card.kind in ("class", "object property", "annotation property", "individual") else card.kind
    lines.extend(_wrapped(f"{card.term.curie}  ·  {kind}  ·  {card.term.iri}", width, "", ""))
    heading("labels")
    for name in card.labels:
        para(f"{name.lang}: {name.text}")
    if card.synonyms:
        heading("synonyms")
        para("; ".join(f"{s.text} ({s.lang})" for s in card.synonyms))
    if card.definition:
        heading("definition")
        para(card.definition.text + (f" ({card.definition.lang})" if card.definition.fallback else ""))
        if card.definition_sources:
            para(f"— {sources_text(card.definition_sources, ui)}")
    relations("is a", card.parents)
    if card.children:
        heading("subclasses")
        para(", ".join(c.name.shown(card.lang) for c in card.children))
    if card.characteristics:
        heading("characteristics")
        para("; ".join(card.characteristics))
    relations("relations", card.asserted)
    relations("inherited", card.inherited)
    relations("incoming", card.incoming)
    relations("cites" if card.kind == "individual" else "uses", card.uses)
    if card.annotations:
        heading("details")
        for annotation in card.annotations:
            provenance = sources_text(annotation.sources, ui)
            bullet(f"{annotation.property.name.shown(card.lang)}: {annotation.text}" + (f" — {provenance}" if provenance else ""))
    if card.mappings:
        heading("mappings")
        for mapping in card.mappings:
            bullet(f"{mapping.curie} ({word(mapping.predicate, ui)})", mapping.url or "")
    if card.questions:
        heading("questions")
        for question in card.questions:
            bullet(f"{question.title}:", question.command)
    if pathway:
        heading("pathway")
        bullet(word("pathway hint", ui), pathway)
    if card.notes:
        heading("notes")
        for note in card.notes:
            if note.lang and note.lang != ui:  # written only in another language: where to read it
                command = f"gluteonto about {card.term.curie} --lang {note.lang}"
                bullet(f"{word(note.kind, ui)}: {msg('card.note in english', ui, command=command)}")
            else:
                bullet(f"{word(note.kind, ui)}: {note.text}")
    if card.term_sources:
        heading("term sources")
        para("; ".join(s.short for s in card.term_sources))
    return "\n".join(lines) + "\n"
