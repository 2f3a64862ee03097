"""The term card as an HTML fragment (an ``<article>``), for the documentation site or any page.

Links to other terms come from ``href(ref)``, so the caller decides the page layout; terms
without an address are shown as plain text. Everything is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape

from ..i18n import msg
from .model import Name, Note, Relation, Source, TermCard, TermRef
from .phrases import capitalize, word

__all__ = ["Href", "render_html"]

Href = Callable[[TermRef], "str | None"]


def _no_links(_ref: TermRef) -> str | None:
    return None


class _Html:
    def __init__(self, card: TermCard, href: Href, question_href: Callable[[str], str | None], page_in: Callable[[str], str | None]) -> None:
        self.card, self.ui, self.href, self.question_href = card, card.ui_lang, href, question_href
        self.page_in = page_in

    def note(self, note: Note) -> str:
        """A note in the card's language; one written only in another language points to the card in that language."""
        label = f"<strong>{escape(word(note.kind, self.ui))}:</strong> "
        if not note.lang or note.lang == self.ui:
            return f'<li class="note-{escape(note.kind)}">{label}{escape(note.text)}</li>'
        url = self.page_in(note.lang)
        text = escape(msg("card.note on english page", self.ui))
        shown = f'<a href="{escape(url)}" hreflang="{escape(note.lang)}">{text}</a>' if url else text
        return f'<li class="note-{escape(note.kind)} note-elsewhere">{label}{shown}</li>'

    def name(self, name: Name) -> str:
        text = escape(name.text)
        if name.lang and name.lang != self.card.lang and not (self.card.lang == "la" and name.lang == "en" and not name.fallback):
            text = f'<span lang="{escape(name.lang)}">{text}</span>'
        if name.fallback and self.card.lang == "la":
            text += f' <abbr class="fallback" title="{escape(word("no latin", self.ui))}">(en)</abbr>'
        return text

    def term(self, ref: TermRef) -> str:
        url = self.href(ref) if ref.iri != self.card.term.iri else None
        inner = self.name(ref.name)
        return f'<a href="{escape(url)}">{inner}</a>' if url else inner

    def sentence(self, relation: Relation) -> str:
        """The card's sentence with its terms linked (built from the relation's pieces)."""
        if not relation.pieces:
            return escape(relation.sentence)
        out = []
        for i, piece in enumerate(relation.pieces):
            if isinstance(piece, TermRef):
                if i == 0:
                    piece = replace(piece, name=replace(piece.name, text=capitalize(piece.name.text)))
                out.append(self.term(piece))
            else:
                out.append(escape(capitalize(piece) if i == 0 else piece))
        return "".join(out)

    def sources(self, sources: tuple[Source, ...]) -> str:
        if not sources:
            return ""
        key = "source" if len([s for s in sources if s.kind != "footnote"]) <= 1 else "sources"
        items = "; ".join(f'<a href="{escape(u)}">{escape(s.short)}</a>' if (u := self.href(s.ref)) else escape(s.short) for s in sources)
        return f' <span class="src">— {escape(word(key, self.ui))}: {items}</span>'

    def relation(self, relation: Relation) -> str:
        parts = [self.sentence(relation)]
        if relation.detail:
            parts.append(f' <span class="detail">{escape(relation.detail)}</span>')
        if relation.inherited_from is not None:
            parts.append(f' <span class="inherited">[{escape(word("inherited from", self.ui))} {self.term(relation.inherited_from)}]</span>')
        parts.append(self.sources(relation.sources))
        css = ' class="inh"' if relation.inherited_from is not None else ""
        return f"<li{css}>{''.join(parts)}</li>"

    def section(self, key: str, body: str, css: str = "") -> str:
        slug = key.replace(" ", "-")
        return (
            f'<section class="card-{slug}{" " + css if css else ""}" aria-labelledby="h-{slug}">'
            f'<h2 id="h-{slug}">{escape(word(key, self.ui))}</h2>{body}</section>'
        )

    def relations(self, key: str, relations: tuple[Relation, ...]) -> str:
        if not relations:
            return ""
        return self.section(key, "<ul>" + "".join(self.relation(r) for r in relations) + "</ul>")

    def render(self) -> str:
        card, ui = self.card, self.ui
        out = [f'<article class="card" data-iri="{escape(card.term.iri)}">']
        out.append(f"<h1>{self.name(card.term.name)}</h1>")
        kind = word(card.kind, ui) if card.kind in ("class", "object property", "annotation property", "individual") else card.kind
        out.append(
            f'<p class="meta"><span class="kind">{escape(kind)}</span> · <code>{escape(card.term.curie)}</code> · '
            f'<code class="iri">{escape(card.term.iri)}</code></p>'
        )
        rows = "".join(f'<tr><th scope="row">{escape(n.lang)}</th><td lang="{escape(n.lang)}">{escape(n.text)}</td></tr>' for n in card.labels)
        out.append(self.section("labels", f'<table class="labels">{rows}</table>'))
        if card.synonyms:
            items = "".join(f'<li lang="{escape(s.lang)}">{escape(s.text)} <small>({escape(s.lang)})</small></li>' for s in card.synonyms)
            out.append(self.section("synonyms", f'<ul class="inline">{items}</ul>'))
        if card.definition:
            definition = card.definition
            out.append(
                self.section(
                    "definition", f'<p lang="{escape(definition.lang)}">{escape(definition.text)}{self.sources(card.definition_sources)}</p>'
                )
            )
        out.append(self.relations("is a", card.parents))
        if card.children:
            out.append(self.section("subclasses", '<ul class="inline">' + "".join(f"<li>{self.term(c)}</li>" for c in card.children) + "</ul>"))
        if card.characteristics:
            out.append(self.section("characteristics", "<p>" + "; ".join(escape(c) for c in card.characteristics) + "</p>"))
        out.append(self.relations("relations", card.asserted))
        out.append(self.relations("inherited", card.inherited))
        out.append(self.relations("incoming", card.incoming))
        out.append(self.relations("cites" if card.kind == "individual" else "uses", card.uses))
        if card.annotations:
            items = "".join(
                f'<dt>{escape(a.property.name.text)}</dt><dd lang="{escape(a.lang or ui)}">{escape(a.text)}{self.sources(a.sources)}</dd>'
                for a in card.annotations
            )
            out.append(self.section("details", f"<dl>{items}</dl>"))
        if card.mappings:
            links = []
            for m in card.mappings:
                shown = f'<a href="{escape(m.url)}">{escape(m.curie)}</a>' if m.url else escape(m.curie)
                links.append(f"<li>{shown} <small>({escape(word(m.predicate, ui))})</small></li>")
            out.append(self.section("mappings", "<ul>" + "".join(links) + "</ul>"))
        if card.questions:
            questions = []
            for q in card.questions:
                url = self.question_href(q.name)
                title = f'<a href="{escape(url)}">{escape(q.title)}</a>' if url else escape(q.title)
                questions.append(f'<li>{title} <code class="cli" translate="no">{escape(q.command)}</code></li>')
            out.append(self.section("questions", "<ul>" + "".join(questions) + "</ul>"))
        if card.notes:
            items = "".join(self.note(n) for n in card.notes)
            out.append(self.section("notes", f"<ul>{items}</ul>", "notes"))
        if card.term_sources:
            items = "".join(
                f'<li><a href="{escape(u)}">{escape(s.short)}</a></li>' if (u := self.href(s.ref)) else f"<li>{escape(s.short)}</li>"
                for s in card.term_sources
            )
            out.append(self.section("term sources", f'<ul class="inline">{items}</ul>'))
        out.append("</article>")
        return "\n".join(part for part in out if part)


def render_html(
    card: TermCard,
    href: Href = _no_links,
    question_href: Callable[[str], str | None] = lambda _n: None,
    page_in: Callable[[str], str | None] = lambda _lang: None,
) -> str:
    """The card as an ``<article>`` fragment; ``href(ref)`` gives the address of a term's page (or None), and
    ``page_in(lang)`` the address of this card in another language (for a note written only in that language)."""
    return _Html(card, href, question_href, page_in).render()
