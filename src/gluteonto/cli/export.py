"""``gluteonto export``: the ontology in another format."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli_lang import Command, current_lang
from ..cli_params import OutputFile
from .common import RegistryChoice, friendly

__all__ = ["export"]


@click.command(cls=Command)
@click.option("--format", "fmt", type=RegistryChoice("..tools.export", "EXPORT_FORMATS"), required=True, help="option.export_format")
@click.option("--output", "-o", type=OutputFile(), help="option.output")
@click.option("--with-bridge", is_flag=True, help="option.with_bridge")
@friendly
def export(fmt: str, output: Path | None, with_bridge: bool) -> None:
    """Write the ontology in another RDF format, OWL functional syntax, OBO or obographs JSON."""
    from ..tools.export import export as run_export

    text = run_export(fmt, output, with_bridge=with_bridge)
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
    else:
        from ..i18n import msg

        click.echo(msg("wrote file", current_lang(), path=output), err=True)
