"""``gluteonto queries``: the packaged questions and their parameters."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..cli_lang import Command
from .common import LANG_OPTION, friendly, open_session

__all__ = ["queries"]


@click.command(cls=Command)
@LANG_OPTION
@click.option("--all", "show_all", is_flag=True, help="option.all")
@click.option("--search", "word", metavar="WORD", help="option.search")
@friendly
def queries(lang: str, show_all: bool, word: str | None) -> None:
    """List the packaged questions with their parameters (Norwegian names work too, e.g. innervasjon)."""
    from ..i18n import msg as say
    from ..query.catalog import Catalog, search_queries

    catalog = Catalog()
    specs = catalog.queries()
    if word:
        specs = search_queries(word, catalog)
        if not specs:
            click.echo(say("no search hit", lang, word=word), err=True)
            sys.exit(1)
    shown = [s for s in specs if show_all or word or s.group == "questions"]
    from ..query.listing import catalog_lines
    from ..sparql.tablefmt import terminal_width

    click.echo("\n".join(catalog_lines(shown, lang, terminal_width(), _default_labels(shown, lang))))


def _default_labels(specs: list[Any], lang: str) -> dict[str, str]:
    """Default term names of ``specs`` in ``lang`` (English defaults are shown as they are)."""
    if lang == "en":
        return {}
    session = open_session()
    names: dict[str, str] = {}
    for spec in specs:
        for param in spec.params:
            if param.kind == "iri" and param.default and param.default not in names:
                iri = session.resolve_term(param.default, lang=lang)
                names[param.default] = session.index.label(iri, lang) or param.default
    return names
