"""``gluteonto about``: the term card, from the prebuilt cards (built live for another engine)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..cli_lang import Command
from ..engines import DEFAULT_ENGINE
from .common import ENGINE_OPTION, LANG_OPTION, friendly, open_session, read_as

if TYPE_CHECKING:
    from ..card.model import TermCard

__all__ = ["about"]


@click.command(cls=Command)
@click.argument("term", nargs=-1, required=True)
@LANG_OPTION
@ENGINE_OPTION
@click.option("--no-pager", is_flag=True, help="option.no_pager")
@friendly
def about(term: tuple[str, ...], lang: str, engine: str, no_pager: bool) -> None:
    """Everything the ontology says about TERM: names, definition, relations, exercises, mappings, questions."""
    from ..card import render_text
    from ..pager import show
    from ..prebuilt import packaged_card, packaged_terms
    from ..sparql.tablefmt import terminal_width

    terms = packaged_terms() if engine == DEFAULT_ENGINE else None
    card = packaged_card(" ".join(term), lang.lower(), terms) if terms is not None else None
    if terms is None or card is None:  # another engine, or no packaged table fits the installed files
        from ..card import build_card
        from ..pathway import starting_points

        session = open_session(engine)
        card = build_card(session, " ".join(term), lang.lower())
        starts: frozenset[str] = frozenset(str(iri) for iri in starting_points(session))
        readings = session.terms.readings
    else:
        starts, readings = terms.pathways, terms.resolver.readings
    read_as(term, readings, card.term.iri, card.term.name.shown(card.lang), card.ui_lang)
    show(render_text(card, width=terminal_width(), pathway=pathway_command(card) if card.term.iri in starts else ""), use_pager=not no_pager)


def pathway_command(card: TermCard) -> str:
    """The command that shows the clinical pathway from the card's term, in the card's interface language: by
    the name the card shows, or by its code where that name is not in this language."""
    import shlex

    from ..pathway.words import w

    name = card.term.name
    return w("command", card.ui_lang, term=card.term.curie if name.fallback else shlex.quote(name.text))
