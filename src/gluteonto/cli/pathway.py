"""``gluteonto pathway`` (``forløp``): the clinical pathway from a term."""

from __future__ import annotations

import click

from ..cli_lang import Command
from .common import ENGINE_OPTION, LANG_OPTION, PAGER_OPTION, friendly, open_session, read_as

__all__ = ["pathway"]


@click.command(cls=Command)
@click.argument("term", nargs=-1, required=True)
@LANG_OPTION
@ENGINE_OPTION
@PAGER_OPTION
@friendly
def pathway(term: tuple[str, ...], lang: str, engine: str, no_pager: bool) -> None:
    """The clinical pathway from TERM (a sign, symptom, condition, history, lesion or muscle): what lies behind it,
    what it leads to, how to tell it apart, what to assess and which exercises train what is involved, each step
    with its source. Norwegian: 'forløp'."""
    from ..i18n import ui
    from ..pager import show
    from ..pathway import build_pathway
    from ..pathway.render_text import render_text
    from ..sparql.tablefmt import terminal_width

    session = open_session(engine)
    found = build_pathway(session, " ".join(term), ui(lang.lower()))
    read_as(term, session.terms.readings, found.term.iri, found.term.name.shown(found.lang), found.lang)
    show(render_text(found, width=terminal_width()), use_pager=not no_pager)
