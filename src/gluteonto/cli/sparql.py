"""``gluteonto sparql``: SPARQL a user wrote, checked for SERVICE before anything is loaded."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli_lang import Command
from .common import emit, friendly, open_session, run_options, table_width

__all__ = ["sparql"]


@click.command(cls=Command)
@click.argument("source", type=click.Path(dir_okay=True, allow_dash=True, path_type=str))
@run_options
@friendly
def sparql(
    source: str,
    fmt: str,
    lang: str,
    wide: bool,
    engine: str,
    endpoint: str | None,
    graphs: tuple[str, ...],
    data: tuple[Path, ...],
    timeout: float,
    allow_federation: bool,
) -> None:
    """Run the SPARQL query in SOURCE (a file, or - for standard input)."""
    from ..sparql.guard import check_query, mentions_service, read_query

    text = read_query(source)
    if mentions_service(text) and timeout and not allow_federation:  # parsing a huge query takes time too
        from ..isolate import run_isolated

        run_isolated(lambda: check_query(text), timeout=timeout, what="what check", offline=True)
    check_query(text, allow_federation=allow_federation)  # before loading anything
    session = open_session(engine, data, endpoint, graphs=graphs, timeout=timeout, allow_federation=allow_federation)
    emit(session.render(session.sparql(text), fmt, lang.lower(), width=table_width(fmt, wide)))
