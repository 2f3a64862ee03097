"""``gluteonto quiz``: the question bank."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli_lang import Command, current_lang
from ..cli_params import OutputFile
from ..i18n import UI_LANGS
from .common import friendly

__all__ = ["quiz"]


@click.command(cls=Command)
@click.option(
    "--lang",
    type=click.Choice(list(UI_LANGS), case_sensitive=False),
    default=lambda: current_lang() if current_lang() in UI_LANGS else "en",
    show_default="option.quiz_lang.default",
    help="option.quiz_lang",
)
@click.option("--format", "fmt", type=click.Choice(["text", "gift", "anki", "json"]), default="text", show_default=True, help="option.quiz_format")
@click.option("--output", "-o", type=OutputFile(), help="option.quiz_output")
@friendly
def quiz(lang: str, fmt: str, output: Path | None) -> None:
    """A question bank generated from the ontology: every answer is what a catalog question returns."""
    from ..i18n import msg, nmsg
    from ..query.session import Session
    from ..quiz import QUIZ_FORMATS, build_bank
    from ..quiz.export import carried
    from ..safe_write import atomic_output, check_output, is_stdout

    if output is not None and not is_stdout(output):
        check_output(output)
    asked = current_lang()
    if asked not in UI_LANGS and click.get_current_context().get_parameter_source("lang") == click.core.ParameterSource.DEFAULT:
        # the bank's stems and feedback exist in English and Norwegian only: say which one is given, in one line
        click.echo(msg("quiz.language note", asked, language=msg(f"language {lang}", asked)), err=True)
    items, left_out = carried(build_bank(Session("oxigraph"), lang), fmt)
    text = QUIZ_FORMATS[fmt](items)
    if output is None or is_stdout(output):
        click.echo(text, nl=False)
    else:
        with atomic_output(output) as handle:
            handle.write(text.encode("utf-8"))
        click.echo(nmsg("quiz.wrote", len(items), lang, path=output), err=True)
    if left_out:
        click.echo(nmsg("quiz.left out", len(left_out), lang, format=fmt), err=True)
