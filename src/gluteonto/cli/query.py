"""``gluteonto query``: one packaged question, with the reason when it has no answer (exit codes 0-3)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli_lang import Command
from .common import PAGER_OPTION, emit, friendly, open_session, parse_params, run_options, table_width

__all__ = ["query"]


@click.command(cls=Command)
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="option.param")
@run_options
@PAGER_OPTION
@click.option("--relation-graph", "relation_graph", is_flag=True, help="option.relation_graph")
@friendly
def query(
    name: str,
    params: tuple[str, ...],
    fmt: str,
    lang: str,
    wide: bool,
    engine: str,
    endpoint: str | None,
    graphs: tuple[str, ...],
    data: tuple[Path, ...],
    timeout: float,
    allow_federation: bool,
    no_pager: bool,
    relation_graph: bool,
) -> None:
    """Run the packaged question NAME (see 'gluteonto queries'; Norwegian names work too).

    Exit 0 with answers, 1 when nothing fits, 2 when a value is not a term, 3 when the source says
    nothing about the named term for this question.
    """
    from ..i18n import msg as say
    from ..i18n import ui
    from ..query.answers import ask

    lang = lang.lower()
    session = open_session(engine, data, endpoint, graphs=graphs, timeout=timeout, allow_federation=allow_federation, relation_graph=relation_graph)
    spec = session.find_query(name, lang)
    values = parse_params(params, lang)
    for param in spec.params:
        if param.name == "lang" and "lang" not in values:
            values["lang"] = ui(lang)
    answer = ask(session, spec.name, values, lang)
    if answer.readings:
        names = session.label_texts([iri for _value, iri in answer.readings], lang)
        for value, iri in answer.readings:
            click.echo(say("read as", lang, value=value, name=names.get(iri, iri)), err=True)
    if answer.outcome != "rows" and fmt == "table":
        click.echo(answer.explain(session, lang))
        sys.exit(answer.exit_code)
    rendered = session.render(answer.result, fmt, lang, width=table_width(fmt, wide), hide=answer.bound)
    if fmt == "table":
        from ..pager import show

        show(rendered, use_pager=not no_pager)
    else:
        emit(rendered)
    if answer.outcome != "rows":
        click.echo(answer.explain(session, lang), err=True)
    sys.exit(answer.exit_code)
