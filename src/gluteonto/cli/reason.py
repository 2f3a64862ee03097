"""``gluteonto reason``: classification with HermiT."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import limits
from ..cli_lang import Command, current_lang
from ..cli_params import Seconds
from .common import friendly

__all__ = ["reason"]


@click.command(cls=Command)
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--timeout", type=Seconds(), default=limits.REASON_TIMEOUT, show_default=True, metavar="SECONDS", help="option.reason_timeout")
@friendly
def reason(file: Path | None, timeout: float) -> None:
    """Classify FILE (default: the packaged ontology) with HermiT; exit 1 if inconsistent or unsatisfiable.

    Imports are read through catalog-v001.xml files and local files only, never from the network.
    """
    from ..tools.reason import reason as run_reasoner

    report = run_reasoner(file, timeout=timeout or None)
    click.echo(report.render(current_lang()))
    sys.exit(0 if report.ok else 1)
