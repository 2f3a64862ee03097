"""``gluteonto qc``: every quality-control query."""

from __future__ import annotations

import sys

import click

from ..cli_lang import Command, current_lang
from .common import ENDPOINT_OPTION, ENGINE_OPTION, GRAPH_OPTION, friendly, open_session

__all__ = ["qc"]


@click.command(cls=Command)
@ENGINE_OPTION
@ENDPOINT_OPTION
@GRAPH_OPTION
@friendly
def qc(engine: str, endpoint: str | None, graphs: tuple[str, ...]) -> None:
    """Run every quality-control query; exit 1 if any returns rows."""
    from ..i18n import msg, nmsg

    lang = current_lang()
    session = open_session(engine, endpoint=endpoint, graphs=graphs)
    failures = 0
    for spec in session.queries():
        if spec.group != "quality control":
            continue
        result = session.query(spec.name)
        status = msg("qc ok", lang) if not len(result) else nmsg("problems", len(result), lang)
        click.echo(f"{spec.name:<34} {status}")
        if len(result):
            failures += 1
            click.echo(session.render(result, lang=lang))
    sys.exit(1 if failures else 0)
