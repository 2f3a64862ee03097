"""A pathway as an HTML fragment (an ``<article>``): sections of stated links with strength and source.

Links to term pages come from ``href(ref)`` (None: plain text), links to other pathways from
``pathway_href(ref)`` (None: the command that shows it). Everything is escaped. Chains are
nested lists that read from the starting point outwards, so they need no table and reflow on a phone.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import replace
from html import escape

from ..card.model import Source, TermRef
from ..card.phrases import capitalize
from .model import Chain, Link, Pathway
from .words import strength_word, w, wn

__all__ = ["render_html"]

Href = Callable[[TermRef], "str | None"]


def _no_links(_ref: TermRef) -> str | None:
    return None


class _Node:
    """A link in a tree of chains, with the links that continue it (or the line naming a narrower kind)."""

    def __init__(self, link: Link | None = None, label: str = "") -> None:
        self.link, self.label = link, label
        self.children: dict[str, _Node] = {}


class _Html:
    def __init__(self, pathway: Pathway, href: Href, pathway_href: Href = _no_links) -> None:
        self.p, self.lang, self.href, self.pathway_href = pathway, pathway.lang, href, pathway_href

    def term(self, ref: TermRef, first: bool = False) -> str:
        if first:
            ref = replace(ref, name=replace(ref.name, text=capitalize(ref.name.text)))
        url = self.href(ref)
        text = escape(ref.name.text)
        return f'<a href="{escape(url)}">{text}</a>' if url else text

    def sources(self, sources: tuple[Source, ...]) -> str:
        if not sources:
            return f'<span class="src">{escape(w("no source", self.lang))}</span>'
        key = "source" if len(sources) == 1 else "sources"
        items = "; ".join(f'<a href="{escape(u)}">{escape(s.short)}</a>' if (u := self.href(s.ref)) else escape(s.short) for s in sources)
        return f'<span class="src">{escape(w(key, self.lang))}: {items}</span>'

    def link(self, link: Link) -> str:
        parts = []
        for i, piece in enumerate(link.pieces or (link.sentence,)):
            if isinstance(piece, TermRef):
                parts.append(self.term(piece, first=i == 0))
            else:
                parts.append(escape(capitalize(piece) if i == 0 else piece))
        text = "".join(parts)
        tag = strength_word(link.strength, self.lang)
        if tag:
            text += f' <span class="strength s-{escape(link.strength)}">{escape(tag)}</span>'
        notes = [link.qualifier] if link.qualifier else []
        if link.either_or:
            notes.append(w("either or", self.lang))
        if link.via is not None:
            notes.append(w("via", self.lang, name=link.via.name.text))
        if link.as_kind is not None:
            notes.append(w("as kind", self.lang, name=link.as_kind.name.text))
        if notes:
            text += " <small>(" + escape("; ".join(notes)) + ")</small>"
        return f"{text} {self.sources(link.sources)}"

    def tree(self, chains: tuple[Chain, ...]) -> str:
        """Chains as nested lists: each chain's last link under the chain it extends."""
        root = _Node()
        for chain in chains:
            node = root
            if chain.narrower is not None:
                label = escape(w("narrower", self.lang, name=chain.narrower.name.text, term=self.p.term.name.text))
                node = node.children.setdefault("narrower " + chain.narrower.iri, _Node(label=label))
            for link in chain.links:
                node = node.children.setdefault(link.sentence, _Node(link))
        return self._items(root)

    def _items(self, node: _Node) -> str:
        if not node.children:
            return ""
        items = [
            f"<li>{self.link(child.link) if child.link else f'<strong>{child.label}</strong>'}{self._items(child)}</li>"
            for child in node.children.values()
            if child.link or child.label
        ]
        return f'<ul class="chain">{"".join(items)}</ul>'

    def section(self, key: str, body: str, empty: bool) -> str:
        inner = f'<p class="silent">{escape(w("silent", self.lang, term=self.p.term.name.text))}</p>' if empty else body
        return f'<section class="pathway-{key.replace(" ", "-")}"><h2>{escape(w(key, self.lang))}</h2>{inner}</section>'

    def render(self) -> str:
        p, lang = self.p, self.lang
        head = [f"<h1>{escape(capitalize(p.term.name.text))} <small>— {escape(w('pathway', lang))}</small></h1>"]
        meta = " · ".join(x for x in ((self.term(p.kind) if p.kind else ""), escape(p.term.curie)) if x)
        head.append(
            f'<p class="meta">{meta} · {self.term(replace(p.term, name=replace(p.term.name, text=w("term page", lang))))}</p>'
            if self.href(p.term)
            else f'<p class="meta">{meta}</p>'
        )
        what = ""
        if p.definition is not None:
            what += f"<p>{escape(p.definition.text)} {self.sources(p.definition_sources)}</p>"
        if p.aspects:
            what += "<ul>" + "".join(f"<li>{self.link(link)}</li>" for link in p.aspects) + "</ul>"
        parts = [*head, self.section("what", what, not what)]
        parts.append(self.section("behind", self.tree(p.behind), not p.behind))
        parts.append(self.section("leads to", self.tree(p.leads_to), not p.leads_to))
        shows = "<ul>" + "".join(f"<li>{self.link(x)}</li>" for x in p.shows) + "</ul>" + self.tree(p.shows_narrower)
        parts.append(self.section("shows", shows, not (p.shows or p.shows_narrower)))
        differentials = []
        for d in p.differentials:
            rows = [self.link(x) for x in (*((d.presents,) if d.presents else ()), *d.look_alikes, *d.distinguishing, *d.tests)]
            if not d.look_alikes and not d.distinguishing:
                rows.append(escape(w("no look alikes", lang)))
            differentials.append(
                f'<li class="differential"><strong>{self.term(d.condition, first=True)}</strong>'
                f"<ul>{''.join(f'<li>{r}</li>' for r in rows)}</ul></li>"
            )
        parts.append(self.section("differentials", f'<ul class="differentials">{"".join(differentials)}</ul>', not p.differentials))
        parts.append(self.section("assess", self.tree(p.assess), not p.assess))
        steps = []
        for step in p.programme:
            kind = "".join(f"<li>{self.link(x)}</li>" for x in step.kind)
            steps.append(
                f'<li class="stage-{escape(step.stage.replace(" ", "-"))}"><strong>{escape(w(step.stage, lang))}:</strong> '
                f"{self.link(step.link)}{f'<ul>{kind}</ul>' if kind else ''}</li>"
            )
        parts.append(self.section("programme", f'<ol class="programme">{"".join(steps)}</ol>', not p.programme))
        if p.exercises or not p.elsewhere:
            parts.append(self.section("exercises", self.exercises(), not p.exercises))
        else:
            parts.append(self.section("exercises", self.elsewhere(), False))
        return f'<article class="pathway" lang="{lang}">{"".join(parts)}</article>'

    def elsewhere(self) -> str:
        """The conditions whose pathways hold the training, with the chain that reaches each and a link to the
        pathway (or the command that shows it)."""
        lang, items = self.lang, []
        for chain in self.p.elsewhere:
            url = self.pathway_href(chain.end)
            if url:
                see = f'<a class="to-pathway" href="{escape(url)}">{escape(w("see pathway page", lang))}</a>'
            else:
                command = w("command", lang, term=shlex.quote(chain.end.name.text))
                see = escape(w("see pathway", lang, command="\0")).replace("\0", f"<code>{escape(command)}</code>")
            steps = "".join(f"<li>{self.link(x)}</li>" for x in chain.links)
            items.append(f"<li><strong>{self.term(chain.end, first=True)}</strong> — {see}<ul>{steps}</ul></li>")
        return f'<p class="note">{escape(w("elsewhere", lang, term=self.p.term.name.text))}</p><ul class="elsewhere">{"".join(items)}</ul>'

    def exercises(self) -> str:
        lang = self.lang
        out = [f'<p class="note">{escape(w("chain note", lang, term=self.p.term.name.text))}</p>']
        for exercise in self.p.exercises:
            routes = sorted(exercise.why, key=lambda chain: len(chain.links))
            why = "".join(f'<ol class="why">{"".join(f"<li>{self.link(x)}</li>" for x in chain.links)}</ol>' for chain in routes[:1])
            if len(routes) > 1:
                extra = len(routes) - 1
                more = "".join(f'<ol class="why">{"".join(f"<li>{self.link(x)}</li>" for x in chain.links)}</ol>' for chain in routes[1:])
                label = wn("other routes", extra, lang)
                why += f"<details><summary>{escape(label)}</summary>{more}</details>"
            facts = []
            for key, links in exercise.facts():
                if links:
                    facts.append(
                        f"<dt>{escape(capitalize(w(key, lang)))}</dt><dd>"
                        + "; ".join(f"{self.term(x.target)} {self.sources(x.sources)}" for x in links)
                        + "</dd>"
                    )
            if exercise.stage:
                facts.append(
                    f"<dt>{escape(capitalize(w('stage', lang)))}</dt><dd>"
                    + "; ".join(f"{escape(w(s.stage, lang))}: {self.link(s.link)}" for s in exercise.stage)
                    + "</dd>"
                )
            elif exercise.programme_known:
                facts.append(f"<dt>{escape(capitalize(w('stage', lang)))}</dt><dd>{escape(w('stage unknown', lang))}</dd>")
            out.append(
                f'<section class="exercise"><h3>{self.term(exercise.exercise, first=True)}</h3>'
                f'<p class="why-label">{escape(capitalize(w("why", lang)))}:</p>{why}<dl>{"".join(facts)}</dl></section>'
            )
        return "".join(out)


def render_html(pathway: Pathway, href: Href = _no_links, pathway_href: Href = _no_links) -> str:
    """The pathway as an ``<article>`` fragment; ``href(ref)`` gives the address of a term's page and
    ``pathway_href(ref)`` that of a term's pathway page (or None)."""
    return _Html(pathway, href, pathway_href).render()
