"""``gluteonto site``: the documentation site."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli_lang import Command, current_lang
from .common import friendly

__all__ = ["site"]


@click.command(cls=Command)
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="option.site_output")
@click.option("--require-diagrams", is_flag=True, help="option.require_diagrams")
@friendly
def site(output: Path, require_diagrams: bool) -> None:
    """Generate the documentation site (static, bilingual; open OUTPUT/index.html from disk)."""
    from ..i18n import msg
    from ..site import build_site
    from ..site.layout import page_path
    from ..site.words import SITE_LANGS

    lang = current_lang()
    report = build_site(output, require_diagrams=require_diagrams)
    for note in report.notes:
        click.echo(f"{msg('warning', lang)}: {msg(note, lang)}", err=True)
    page = page_path("index", lang if lang in SITE_LANGS else "en")  # the front page in the user's language
    click.echo(msg("site written", lang, pages=report.pages, diagrams=report.diagrams, path=report.output, page=page), err=True)
