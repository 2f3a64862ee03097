"""``gluteonto push``: the release into a SPARQL store through the Graph Store Protocol."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..cli_lang import Command
from ..cli_params import Seconds
from .common import LANG_OPTION, friendly

__all__ = ["push"]


@click.command(cls=Command)
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL", help="option.push_endpoint")
@click.option("--graph", metavar="IRI", help="option.push_graph")
@click.option("--append", is_flag=True, help="option.append")
@click.option("--user", metavar="NAME", help="option.user")
@click.option("--timeout", type=Seconds(1, zero=False), default=600.0, show_default=True, metavar="SECONDS", help="option.push_timeout")
@LANG_OPTION
@friendly
def push(file: Path | None, endpoint: str, graph: str | None, append: bool, user: str | None, timeout: float, lang: str) -> None:
    """Load the release (or FILE, e.g. a link result) into a SPARQL store through the Graph Store Protocol."""
    import urllib.parse

    import pyoxigraph as ox

    from ..i18n import MessageError
    from ..i18n import msg as say
    from ..tools.push import push as send

    lang = lang.lower()
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError:
            raise MessageError(("not a graph iri", {"graph": graph})) from None
    password = None
    if user is not None:
        password = os.environ.get("GLUTEONTO_PASSWORD")
        if password is None:
            host = urllib.parse.urlparse(endpoint).netloc or endpoint
            password = click.prompt(say("password for", lang, user=user, host=host), hide_input=True, err=True)
    report = send(endpoint, file, graph, replace=not append, user=user, password=password, timeout=timeout)
    target = say("push named graph", lang, graph=graph) if graph else say("push default graph", lang)
    click.echo(say("push done", lang, n=report.triples, file=file or say("push release", lang), graph=target, url=endpoint))
