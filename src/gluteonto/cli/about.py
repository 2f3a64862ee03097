"""``gluteonto about``: the term card, from the prebuilt cards (built live for another engine)."""

from __future__ import annotations

import click

from ..cli_lang import Command
from ..engines import DEFAULT_ENGINE
from .common import ENGINE_OPTION, LANG_OPTION, friendly, open_session, read_as

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
    from ..prebuilt import packaged_card
    from ..sparql.tablefmt import terminal_width

    card = packaged_card(" ".join(term), lang.lower()) if engine == DEFAULT_ENGINE else None
    if card is None:  # another engine, or no packaged table fits the installed files
        from ..card import build_card

        card = build_card(open_session(engine), " ".join(term), lang.lower())
    read_as(" ".join(term), card.term.iri, card.term.name.shown(card.lang), card.ui_lang)
    show(render_text(card, width=terminal_width()), use_pager=not no_pager)
