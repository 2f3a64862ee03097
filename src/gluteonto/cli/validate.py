"""``gluteonto validate``: files against the SHACL shapes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli_lang import Command
from .common import LANG_OPTION, RegistryChoice, friendly

__all__ = ["validate"]


@click.command(cls=Command)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=RegistryChoice("..tools.validate", "VALIDATION_FORMATS"), default="text", show_default=True, help="option.validate_format"
)
@click.option("--engine", type=RegistryChoice("..shacl.engines", "SHACL_ENGINES"), default="rudof", show_default=True, help="option.shacl_engine")
@LANG_OPTION
@friendly
def validate(files: tuple[Path, ...], fmt: str, engine: str, lang: str) -> None:
    """Check each of FILES on its own (default: the packaged ontology) against the gluteonto SHACL shapes."""
    from ..tools.validate import render_reports
    from ..tools.validate import validate as run_validation

    reports = [run_validation([file] if file else None, lang=lang, engine=engine) for file in (files or (None,))]
    click.echo(render_reports(reports, fmt))
    sys.exit(0 if all(report.conforms for report in reports) else 1)
