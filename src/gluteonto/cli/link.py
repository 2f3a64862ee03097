"""``gluteonto link`` (``link-fma``): mappings checked against an FMA or Uberon file, and the merge."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli_lang import Command
from ..cli_params import OutputFile
from .common import FORMAT_OPTION, LANG_OPTION, friendly, parse_params, table_width

__all__ = ["link"]


@click.command(cls=Command)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--output", "-o", type=OutputFile(), help="option.link_output")
@click.option("--subset", is_flag=True, help="option.subset")
@click.option("--keep-going", is_flag=True, help="option.keep_going")
@click.option("--query", "query_names", multiple=True, metavar="NAME", help="option.link_query")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="option.link_param")
@FORMAT_OPTION
@LANG_OPTION
@click.option("--quiet", is_flag=True, help="option.quiet")
@click.option("--progress", "show_progress", is_flag=True, help="option.progress")
@friendly
def link(
    file: Path,
    output: Path | None,
    subset: bool,
    keep_going: bool,
    query_names: tuple[str, ...],
    params: tuple[str, ...],
    fmt: str,
    lang: str,
    quiet: bool,
    show_progress: bool,
) -> None:
    """Check gluteonto's mappings against an FMA or Uberon FILE and merge the two.

    FILE is any FMA edition (BioPortal/SIG, OBO Foundry, OAEI) or an Uberon release (.owl, .obo,
    obographs .json, -basic), gzip'd or not; which one is recognised from its class IRIs.
    The output is written only when every mapping checks out (or with --keep-going), atomically.
    'link-fma' is the same command.
    """
    from ..i18n import MessageError, msg
    from ..query.answers import ask
    from ..query.catalog import Catalog, find_query
    from ..tools.link import link as run_link
    from ..tools.link import query_needs, unmet_needs

    if query_names and output is not None and str(output) == "-":
        raise MessageError(("link query and stdout", {}))
    catalog = Catalog()  # a misspelt query or parameter fails now, not after reading a large file
    specs = [catalog.named(name) or find_query(name, catalog, fma_loaded=True, lang=lang) for name in query_names]
    values = parse_params(params, lang)
    wanted = show_progress or (not quiet and sys.stderr.isatty())
    progress = (lambda message: click.echo(message, err=True)) if wanted else None
    outcome = run_link(file, output=output, subset=subset, progress=progress, lang=lang, keep_going=keep_going)
    report = outcome.report
    click.echo(report.render(lang), err=output is not None and str(output) == "-")
    unanswered = False
    for spec in specs:
        unmet = unmet_needs(report, query_needs(spec.text))
        click.echo(f"\n== {spec.name_in(lang)}")
        if unmet:
            key = "link needs ontology" if unmet[0] in ("FMA", "UBERON") else "link needs property"
            what = unmet[0].replace("UBERON", "Uberon")
            click.echo(msg(key, lang, query=spec.name_in(lang), name=report.distribution.name(lang), what=what))
            unanswered = True
            continue
        answer = ask(outcome.session, spec.name, values, lang)
        click.echo(outcome.session.render(answer.result, fmt, lang, width=table_width(fmt, False), hide=answer.bound))
    sys.exit(1 if not report.ok else 3 if unanswered else 0)
