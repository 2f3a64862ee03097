"""``gluteonto info``: version, IRIs and counts of the packaged ontology."""

from __future__ import annotations

import click

from ..cli_lang import Command
from .common import ENGINE_OPTION, LANG_OPTION, friendly

__all__ = ["info"]


@click.command(cls=Command)
@ENGINE_OPTION
@LANG_OPTION
@friendly
def info(engine: str, lang: str) -> None:
    """Version, IRIs and counts of the packaged ontology."""
    from ..i18n import has_msg, msg, ui
    from ..tools.info import ontology_info

    lines = [(msg("info " + key, lang) if has_msg("info " + key, lang) else key, value) for key, value in ontology_info(engine, ui(lang)).items()]
    width = max(len(key) for key, _value in lines)
    for key, value in lines:
        click.echo(f"{key:<{width}}  {value}")
