"""A pathway as plain text for a terminal, wrapped at spaces to a width (never inside a word)."""

from __future__ import annotations

import shlex
import textwrap

from ..card.model import Source
from ..card.phrases import capitalize
from .model import Chain, Link, Pathway
from .words import strength_word, w, wn

__all__ = ["link_text", "narrower_text", "render_text", "sources_short", "wrap_keeping"]

#: how many routes to an exercise are spelt out; the rest are counted
ROUTES_SHOWN = 1

#: stands for a space inside a command while a line is wrapped (a private-use character, never in a text)
_HELD_SPACE = "\ue000"


def wrap_keeping(text: str, width: int, first: str, rest: str, keep: tuple[str, ...] = ()) -> list[str]:
    """``text`` wrapped at spaces, never inside a word nor inside any of ``keep`` (commands to copy):
    a kept command longer than what is left of a line goes whole onto the next one, on its own if need be.

    >>> wrap_keeping("see: gluteonto pathway 'greater trochanteric pain syndrome'", 40, "", "  ",
    ...              keep=("gluteonto pathway 'greater trochanteric pain syndrome'",))
    ['see:', "  gluteonto pathway 'greater trochanteric pain syndrome'"]
    """
    for command in keep:
        text = text.replace(command, command.replace(" ", _HELD_SPACE))
    lines = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False)
    return [line.replace(_HELD_SPACE, " ") for line in lines]


def sources_short(sources: tuple[Source, ...], lang: str) -> str:
    """'source: the article, section Function' (or 'no source given')."""
    if not sources:
        return w("no source", lang)
    return f"{w('source' if len(sources) == 1 else 'sources', lang)}: " + "; ".join(s.short for s in sources)


def narrower_text(chain: Chain, term: str, lang: str) -> str:
    """The line that marks chains stated for a narrower kind of the starting point ``term``."""
    assert chain.narrower is not None
    return w("narrower", lang, name=chain.narrower.name.shown(lang), term=term)


def link_text(link: Link, lang: str, *, with_source: bool = True) -> str:
    """One stated link: sentence, [strength], qualifier, either-or and where it is stated, then its source."""
    text = link.sentence
    tag = strength_word(link.strength, lang)
    if tag:
        text += f" [{tag}]"
    if link.qualifier:
        text += f" ({link.qualifier})"
    if link.either_or:
        text += f" ({w('either or', lang)})"
    if link.via is not None:
        text += f" ({w('via', lang, name=link.via.name.shown(lang))})"
    if link.as_kind is not None:
        text += f" ({w('as kind', lang, name=link.as_kind.name.shown(lang))})"
    return f"{text} — {sources_short(link.sources, lang)}" if with_source else text


def render_text(pathway: Pathway, width: int = 80) -> str:
    """The pathway as text ``width`` columns wide (at least 40)."""
    width = max(40, width)
    lang = pathway.lang
    name = pathway.term.name.shown(lang)
    lines: list[str] = []

    def wrap(text: str, indent: int, bullet: str = "", keep: tuple[str, ...] = ()) -> None:
        first = " " * indent + bullet
        lines.extend(wrap_keeping(text, width, first, " " * len(first), keep) or [first])

    def heading(key: str, empty: bool, silent: bool | None = None) -> bool:
        lines.append("")
        lines.append(w(key, lang))
        if empty if silent is None else silent:
            wrap(w("silent", lang, term=name), 2)
        return not empty

    def tree(chains: tuple[Chain, ...], skip: int = 0) -> None:
        """Chains written depth-first as an indented tree: each chain adds its last link under its prefix."""
        shown: set[tuple[str, ...]] = set()
        for chain in chains:
            key = tuple(link.sentence for link in chain.links)
            indent = 2
            if chain.narrower is not None:
                # stated for a narrower kind only: under a line that names the kind
                key = (chain.narrower.iri, *key)
                if key[:1] not in shown:
                    shown.add(key[:1])
                    wrap(narrower_text(chain, name, lang), 2, "• ")
                indent, skip_key = 4, 1
            else:
                skip_key = 0
            for depth in range(skip, len(chain.links)):
                if key[: skip_key + depth + 1] in shown:
                    continue
                shown.add(key[: skip_key + depth + 1])
                wrap(link_text(chain.links[depth], lang), indent + 2 * (depth - skip), "• ")

    lines.append(f"{capitalize(name)} — {w('pathway', lang)}")
    lines.append(" · ".join(part for part in (pathway.kind.name.shown(lang) if pathway.kind else "", pathway.term.curie) if part))
    lines.append("")
    lines.append(w("what", lang))
    if pathway.definition is not None:
        wrap(pathway.definition.text, 2)
        if pathway.definition_sources:
            wrap(f"— {sources_short(pathway.definition_sources, lang)}", 2)
    for link in pathway.aspects:
        wrap(link_text(link, lang), 2, "• ")

    if heading("behind", not pathway.behind):
        tree(pathway.behind)
    if heading("leads to", not pathway.leads_to):
        tree(pathway.leads_to)
    if heading("shows", not (pathway.shows or pathway.shows_narrower)):
        for link in pathway.shows:
            wrap(link_text(link, lang), 2, "• ")
        tree(pathway.shows_narrower)
    if heading("differentials", not pathway.differentials):
        for differential in pathway.differentials:
            wrap(capitalize(differential.condition.name.shown(lang)), 2, "• ")
            if differential.presents is not None:
                wrap(link_text(differential.presents, lang), 6, "– ")
            for link in (*differential.look_alikes, *differential.distinguishing, *differential.tests):
                wrap(link_text(link, lang), 6, "– ")
            if not differential.look_alikes and not differential.distinguishing:
                wrap(w("no look alikes", lang), 6, "– ")
    if heading("assess", not pathway.assess):
        tree(pathway.assess)
    if heading("programme", not pathway.programme):
        for step in pathway.programme:
            wrap(f"{w(step.stage, lang)}: {link_text(step.link, lang)}", 2, "• ")
            for link in step.kind:
                wrap(link_text(link, lang), 6, "– ")
    if heading("exercises", not pathway.exercises, silent=not pathway.exercises and not pathway.elsewhere):
        wrap(w("chain note", lang, term=name), 2)
        for exercise in pathway.exercises:
            lines.append("")
            wrap(capitalize(exercise.exercise.name.shown(lang)), 2, "• ")
            routes = sorted(exercise.why, key=lambda chain: len(chain.links))
            for chain in routes[:ROUTES_SHOWN]:
                wrap(f"{w('why', lang)}:", 6)
                for link in chain.links:
                    wrap(link_text(link, lang), 8, "→ ")
            extra = len(routes) - ROUTES_SHOWN
            if extra > 0:
                wrap(wn("other routes", extra, lang), 8)
            for key, links in exercise.facts():
                if links:
                    wrap(f"{w(key, lang)}: " + "; ".join(link.target.name.shown(lang) for link in links), 6)
            if exercise.stage:
                for step in exercise.stage:
                    wrap(f"{w('stage', lang)}: {w(step.stage, lang)} — {link_text(step.link, lang)}", 6)
            elif exercise.programme_known:
                wrap(f"{w('stage', lang)}: {w('stage unknown', lang)}", 6)
    elif pathway.elsewhere:
        wrap(w("elsewhere", lang, term=name), 2)
        for chain in pathway.elsewhere:
            end = chain.end.name.text
            command = w("command", lang, term=shlex.quote(end))
            wrap(f"{capitalize(end)} — {w('see pathway', lang, command=command)}", 2, "• ", keep=(command,))
            for link in chain.links:
                wrap(link_text(link, lang), 6, "– ")
    return "\n".join(lines) + "\n"
