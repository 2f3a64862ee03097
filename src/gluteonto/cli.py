"""The ``gluteonto`` command line: a thin layer over the library API.

Exit codes: 0 success, 1 a check found problems (``query``: no answer fits), 2 usage error or bad
input (including a value that is not a term), 3 (``query``) the source says nothing about the
named term for that question.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import limits
from .cli_lang import Command, current_lang, route_click_messages
from .cli_params import OutputFile, Seconds
from .cli_safety import SafeGroup, quiet_broken_pipe
from .engines import DEFAULT_ENGINE, ENGINES
from .errors import GluteontoError
from .i18n import LABEL_LANGS, UI_LANGS
from .sparql.results import RESULT_FORMATS

if TYPE_CHECKING:
    from .query.session import Session

F = TypeVar("F", bound=Callable[..., Any])
route_click_messages()


class RegistryChoice(click.Choice[str]):
    """A choice among the names of a registry that is imported only when the option is used or shown.

    Keeps commands such as ``query`` from importing what only ``export`` or ``validate`` need.
    """

    def __init__(self, module: str, registry: str) -> None:
        super().__init__(())
        self._where = (module, registry)

    @property
    def choices(self) -> tuple[str, ...]:
        """The registry's names."""
        from importlib import import_module

        module, registry = self._where
        return tuple(getattr(import_module(module, __package__), registry))

    @choices.setter
    def choices(self, _value: tuple[str, ...]) -> None:
        """Ignored: the names always come from the registry."""


LANG_OPTION = click.option(
    "--lang", type=click.Choice(list(LABEL_LANGS), case_sensitive=False), default=current_lang, show_default="option.lang.default", help="option.lang"
)
ENGINE_OPTION = click.option("--engine", type=click.Choice(list(ENGINES)), default=DEFAULT_ENGINE, show_default=True, help="option.engine")
WIDE_OPTION = click.option("--wide", is_flag=True, help="option.wide")
ENDPOINT_OPTION = click.option("--endpoint", metavar="URL", help="option.endpoint")
GRAPH_OPTION = click.option("--graph", "graphs", multiple=True, metavar="IRI", help="option.graph")
DATA_OPTION = click.option("--data", "data", multiple=True, type=click.Path(path_type=Path), help="option.data")
FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(list(RESULT_FORMATS)), default=next(iter(RESULT_FORMATS)), show_default=True, help="option.format"
)


TIMEOUT_OPTION = click.option("--timeout", type=Seconds(), default=limits.QUERY_TIMEOUT, show_default=True, metavar="SECONDS", help="option.timeout")
FEDERATION_OPTION = click.option("--allow-federation", is_flag=True, help="option.allow_federation")


def run_options(func: F) -> F:
    """The output, data-source and safety options shared by 'query' and 'sparql'."""
    for option in reversed(
        (FORMAT_OPTION, LANG_OPTION, WIDE_OPTION, ENGINE_OPTION, ENDPOINT_OPTION, GRAPH_OPTION, DATA_OPTION, TIMEOUT_OPTION, FEDERATION_OPTION)
    ):
        func = option(func)
    return func


def friendly(func: F) -> F:
    """Turn library errors into one clear line on stderr and the documented exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .i18n import Localized, msg

        lang = str(kwargs.get("lang") or current_lang())
        try:
            return func(*args, **kwargs)
        except GluteontoError as exc:
            message = exc.render(lang) if isinstance(exc, Localized) else str(exc)
            click.echo(f"{msg('error', lang)}: {message}", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo(msg("interrupted", lang), err=True)
            sys.exit(130)
        except BrokenPipeError:  # the reader (e.g. head) stopped early: nothing more to say
            quiet_broken_pipe()
        except OSError as exc:
            from .cli_lang import os_error_text

            click.echo(f"{msg('error', lang)}: {os_error_text(exc, lang)}: {exc.filename or ''}".rstrip(": "), err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _session(
    engine: str = "oxigraph",
    data: tuple[Path, ...] = (),
    endpoint: str | None = None,
    *,
    graphs: tuple[str, ...] = (),
    timeout: float | None = None,
    allow_federation: bool = False,
    relation_graph: bool = False,
) -> Session:
    """A query session (imported here, so commands that need none stay light)."""
    from .query.session import Session

    return Session(
        engine, data, endpoint=endpoint, endpoint_graphs=graphs, timeout=timeout, allow_federation=allow_federation, relation_graph=relation_graph
    )


def _emit(text: str) -> None:
    """Print a rendered result, adding a final newline only if it has none."""
    click.echo(text, nl=not text.endswith("\n"))


def _width(fmt: str, wide: bool) -> int | None:
    """Width to fit tables to: the terminal's, or None for ``--wide`` and machine formats."""
    from .sparql.tablefmt import terminal_width

    return None if wide or fmt != "table" else terminal_width()


def _parse_params(pairs: tuple[str, ...], lang: str = "en") -> dict[str, str]:
    from .i18n import MessageError

    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise MessageError(("not name=value", {"pair": pair}))
        params[name.strip()] = value.strip()
    return params


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from importlib.metadata import version

        from .i18n import msg

        click.echo(msg("version", current_lang(), prog="gluteonto", version=version("gluteonto")))
        ctx.exit()


@click.group(cls=SafeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version, help="option.version")
def main() -> None:
    """gluteonto: the gluteus minimus ontology, its SPARQL questions, SHACL shapes and FMA links."""


@main.command()
@ENGINE_OPTION
@LANG_OPTION
@friendly
def info(engine: str, lang: str) -> None:
    """Version, IRIs and counts of the packaged ontology."""
    from .i18n import has_msg, msg, ui
    from .tools.info import ontology_info

    lines = [(msg("info " + key, lang) if has_msg("info " + key, lang) else key, value) for key, value in ontology_info(engine, ui(lang)).items()]
    width = max(len(key) for key, _value in lines)
    for key, value in lines:
        click.echo(f"{key:<{width}}  {value}")


@main.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True, help="option.limit")
@LANG_OPTION
@friendly
def lookup(text: tuple[str, ...], limit: int, lang: str) -> None:
    """Find terms by label or synonym in Norwegian, English or Latin (case, accents and typos forgiven),
    with the questions that answer for each."""
    from .i18n import has_msg
    from .i18n import msg as say
    from .prebuilt import SessionTerms, packaged_terms
    from .vocab import compact_iri

    wanted = " ".join(text)
    # the packaged tables answer without loading the ontology; without them, a session does
    terms = packaged_terms() or SessionTerms(_session())
    hits = terms.lookup(wanted, limit)
    if not hits:
        click.echo(say("no match", lang, value=wanted), err=True)
        sys.exit(1)
    if hits[0].approximate:
        click.echo(say("approximate", lang))
    questions = terms.asked_about([h.iri for h in hits], lang)
    for hit in hits:
        label = terms.index.label(hit.iri, lang) or hit.text
        line = label
        if hit.text != label:
            language = say(f"language {hit.lang}", lang) if has_msg(f"language {hit.lang}", lang) else hit.lang
            line += " " + say("matched", lang, language=language, kind=say(hit.kind, lang), text=hit.text)
        click.echo(_indented(line, 21, f"{compact_iri(str(hit.iri)):<20} "))
        names = questions.get(hit.iri, [])
        line = f"{say('asks', lang)}: {', '.join(names)}" if names else say("no questions", lang)
        click.echo(_indented(line, 21))


def _indented(line: str, indent: int, first: str = "") -> str:
    """``line`` wrapped at spaces (never inside a word) to the terminal width, indented; ``first`` leads the first line."""
    import textwrap

    from .sparql.tablefmt import terminal_width

    width = max(terminal_width(), indent + 20)
    return "\n".join(
        textwrap.wrap(
            line, width, initial_indent=first or " " * indent, subsequent_indent=" " * indent, break_on_hyphens=False, break_long_words=False
        )
    )


@main.command()
@click.argument("term", nargs=-1, required=True)
@LANG_OPTION
@ENGINE_OPTION
@click.option("--no-pager", is_flag=True, help="option.no_pager")
@friendly
def about(term: tuple[str, ...], lang: str, engine: str, no_pager: bool) -> None:
    """Everything the ontology says about TERM: names, definition, relations, exercises, mappings, questions."""
    from .card import render_text
    from .pager import show
    from .prebuilt import packaged_card
    from .sparql.tablefmt import terminal_width

    card = packaged_card(" ".join(term), lang.lower()) if engine == DEFAULT_ENGINE else None
    if card is None:  # another engine, or no packaged table fits the installed files
        from .card import build_card

        card = build_card(_session(engine), " ".join(term), lang.lower())
    show(render_text(card, width=terminal_width()), use_pager=not no_pager)


PAGER_OPTION = click.option("--no-pager", is_flag=True, help="option.no_pager")


@main.command()
@click.argument("term", nargs=-1, required=True)
@LANG_OPTION
@ENGINE_OPTION
@PAGER_OPTION
@friendly
def pathway(term: tuple[str, ...], lang: str, engine: str, no_pager: bool) -> None:
    """The clinical pathway from TERM (a sign, symptom, condition, history, lesion or muscle): what lies behind it,
    what it leads to, how to tell it apart, what to assess and which exercises train what is involved, each step
    with its source. Norwegian: 'forløp'."""
    from .i18n import ui
    from .pager import show
    from .pathway import build_pathway
    from .pathway.render_text import render_text
    from .sparql.tablefmt import terminal_width

    session = _session(engine)
    found = build_pathway(session, " ".join(term), ui(lang.lower()))
    show(render_text(found, width=terminal_width()), use_pager=not no_pager)


def _alias(command: click.Command, name: str) -> click.Command:
    """A hidden copy of ``command`` under another name (e.g. Norwegian)."""
    import copy

    alias = copy.copy(command)
    alias.name, alias.hidden = name, True
    return alias


main.add_command(_alias(pathway, "forløp"))
main.add_command(_alias(pathway, "forlop"))


@main.command()
@LANG_OPTION
@click.option("--all", "show_all", is_flag=True, help="option.all")
@click.option("--search", "word", metavar="WORD", help="option.search")
@friendly
def queries(lang: str, show_all: bool, word: str | None) -> None:
    """List the packaged questions with their parameters (Norwegian names work too, e.g. innervasjon)."""
    from .i18n import msg as say
    from .query.catalog import Catalog, search_queries

    catalog = Catalog()
    specs = catalog.queries()
    if word:
        specs = search_queries(word, catalog)
        if not specs:
            click.echo(say("no search hit", lang, word=word), err=True)
            sys.exit(1)
    shown = [s for s in specs if show_all or word or s.group == "questions"]
    from .query.listing import catalog_lines
    from .sparql.tablefmt import terminal_width

    click.echo("\n".join(catalog_lines(shown, lang, terminal_width(), _default_labels(shown, lang))))


def _default_labels(specs: list[Any], lang: str) -> dict[str, str]:
    """Default term names of ``specs`` in ``lang`` (English defaults are shown as they are)."""
    if lang == "en":
        return {}
    session = _session()
    names: dict[str, str] = {}
    for spec in specs:
        for param in spec.params:
            if param.kind == "iri" and param.default and param.default not in names:
                iri = session.resolve_term(param.default, lang=lang)
                names[param.default] = session.index.label(iri, lang) or param.default
    return names


@main.command()
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="option.param")
@run_options
@PAGER_OPTION
@click.option("--relation-graph", "relation_graph", is_flag=True, help="option.relation_graph")
@friendly
def query(
    name: str,
    params: tuple[str, ...],
    fmt: str,
    lang: str,
    wide: bool,
    engine: str,
    endpoint: str | None,
    graphs: tuple[str, ...],
    data: tuple[Path, ...],
    timeout: float,
    allow_federation: bool,
    no_pager: bool,
    relation_graph: bool,
) -> None:
    """Run the packaged question NAME (see 'gluteonto queries'; Norwegian names work too).

    Exit 0 with answers, 1 when nothing fits, 2 when a value is not a term, 3 when the source says
    nothing about the named term for this question.
    """
    from .i18n import msg as say
    from .i18n import ui
    from .query.answers import ask

    lang = lang.lower()
    session = _session(engine, data, endpoint, graphs=graphs, timeout=timeout, allow_federation=allow_federation, relation_graph=relation_graph)
    spec = session.find_query(name, lang)
    values = _parse_params(params, lang)
    for param in spec.params:
        if param.name == "lang" and "lang" not in values:
            values["lang"] = ui(lang)
    answer = ask(session, spec.name, values, lang)
    if answer.readings:
        names = session.label_texts([iri for _value, iri in answer.readings], lang)
        for value, iri in answer.readings:
            click.echo(say("read as", lang, value=value, name=names.get(iri, iri)), err=True)
    if answer.outcome != "rows" and fmt == "table":
        click.echo(answer.explain(session, lang))
        sys.exit(answer.exit_code)
    rendered = session.render(answer.result, fmt, lang, width=_width(fmt, wide), hide=answer.bound)
    if fmt == "table":
        from .pager import show

        show(rendered, use_pager=not no_pager)
    else:
        _emit(rendered)
    if answer.outcome != "rows":
        click.echo(answer.explain(session, lang), err=True)
    sys.exit(answer.exit_code)


@main.command()
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
    from .sparql.guard import check_query, mentions_service, read_query

    text = read_query(source)
    if mentions_service(text) and timeout and not allow_federation:  # parsing a huge query takes time too
        from .isolate import run_isolated

        run_isolated(lambda: check_query(text), timeout=timeout, what="what check", offline=True)
    check_query(text, allow_federation=allow_federation)  # before loading anything
    session = _session(engine, data, endpoint, graphs=graphs, timeout=timeout, allow_federation=allow_federation)
    _emit(session.render(session.sparql(text), fmt, lang.lower(), width=_width(fmt, wide)))


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=RegistryChoice(".tools.validate", "VALIDATION_FORMATS"), default="text", show_default=True, help="option.validate_format"
)
@click.option("--engine", type=RegistryChoice(".shacl.engines", "SHACL_ENGINES"), default="rudof", show_default=True, help="option.shacl_engine")
@LANG_OPTION
@friendly
def validate(files: tuple[Path, ...], fmt: str, engine: str, lang: str) -> None:
    """Check each of FILES on its own (default: the packaged ontology) against the gluteonto SHACL shapes."""
    from .tools.validate import render_reports
    from .tools.validate import validate as run_validation

    reports = [run_validation([file] if file else None, lang=lang, engine=engine) for file in (files or (None,))]
    click.echo(render_reports(reports, fmt))
    sys.exit(0 if all(report.conforms for report in reports) else 1)


@main.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--timeout", type=Seconds(), default=limits.REASON_TIMEOUT, show_default=True, metavar="SECONDS", help="option.reason_timeout")
@friendly
def reason(file: Path | None, timeout: float) -> None:
    """Classify FILE (default: the packaged ontology) with HermiT; exit 1 if inconsistent or unsatisfiable.

    Imports are read through catalog-v001.xml files and local files only, never from the network.
    """
    from .tools.reason import reason as run_reasoner

    report = run_reasoner(file, timeout=timeout or None)
    click.echo(report.render(current_lang()))
    sys.exit(0 if report.ok else 1)


@main.command()
@ENGINE_OPTION
@ENDPOINT_OPTION
@GRAPH_OPTION
@friendly
def qc(engine: str, endpoint: str | None, graphs: tuple[str, ...]) -> None:
    """Run every quality-control query; exit 1 if any returns rows."""
    from .i18n import msg, nmsg

    lang = current_lang()
    session = _session(engine, endpoint=endpoint, graphs=graphs)
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


@main.command()
@click.option("--format", "fmt", type=RegistryChoice(".tools.export", "EXPORT_FORMATS"), required=True, help="option.export_format")
@click.option("--output", "-o", type=OutputFile(), help="option.output")
@click.option("--with-bridge", is_flag=True, help="option.with_bridge")
@friendly
def export(fmt: str, output: Path | None, with_bridge: bool) -> None:
    """Write the ontology in another RDF format, OWL functional syntax, OBO or obographs JSON."""
    from .tools.export import export as run_export

    text = run_export(fmt, output, with_bridge=with_bridge)
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
    else:
        from .i18n import msg

        click.echo(msg("wrote file", current_lang(), path=output), err=True)


@main.command()
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

    from .i18n import MessageError
    from .i18n import msg as say
    from .tools.push import push as send

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


@click.command("link", cls=Command)
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
    from .i18n import MessageError, msg
    from .query.answers import ask
    from .query.catalog import Catalog, find_query
    from .tools.link import link as run_link
    from .tools.link import query_needs, unmet_needs

    if query_names and output is not None and str(output) == "-":
        raise MessageError(("link query and stdout", {}))
    catalog = Catalog()  # a misspelt query or parameter fails now, not after reading a large file
    specs = [catalog.named(name) or find_query(name, catalog, fma_loaded=True, lang=lang) for name in query_names]
    values = _parse_params(params, lang)
    wanted = show_progress or (not quiet and sys.stderr.isatty())
    progress = (lambda message: click.echo(message, err=True)) if wanted else None
    outcome = run_link(file, output=output, subset=subset, progress=progress, lang=lang, keep_going=keep_going)
    report = outcome.report
    click.echo(report.render(lang), err=output is not None and str(output) == "-")
    unanswered = False
    for spec in specs:
        unmet = unmet_needs(report, query_needs(spec.text))
        click.echo(f"\n== {spec.name}")
        if unmet:
            key = "link needs ontology" if unmet[0] in ("FMA", "UBERON") else "link needs property"
            what = unmet[0].replace("UBERON", "Uberon")
            click.echo(msg(key, lang, query=spec.name, name=report.distribution.name(lang), what=what))
            unanswered = True
            continue
        answer = ask(outcome.session, spec.name, values, lang)
        click.echo(outcome.session.render(answer.result, fmt, lang, width=_width(fmt, False), hide=answer.bound))
    sys.exit(1 if not report.ok else 3 if unanswered else 0)


main.add_command(link, "link")
main.add_command(link, "link-fma")


@main.command()
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
    from .i18n import nmsg
    from .query.session import Session
    from .quiz import QUIZ_FORMATS, build_bank
    from .quiz.export import carried
    from .safe_write import atomic_output, check_output, is_stdout

    if output is not None and not is_stdout(output):
        check_output(output)
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


@main.command()
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="option.site_output")
@click.option("--require-diagrams", is_flag=True, help="option.require_diagrams")
@friendly
def site(output: Path, require_diagrams: bool) -> None:
    """Generate the documentation site (static, bilingual; open OUTPUT/index.html from disk)."""
    from .i18n import msg
    from .site import build_site

    lang = current_lang()
    report = build_site(output, require_diagrams=require_diagrams)
    for note in report.notes:
        click.echo(f"{msg('warning', lang)}: {msg(note, lang)}", err=True)
    click.echo(msg("site written", lang, pages=report.pages, diagrams=report.diagrams, path=report.output), err=True)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="option.host")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="option.port")
@DATA_OPTION
@click.option("--site", "site_dir", type=click.Path(path_type=Path, file_okay=False), help="option.site_dir")
@click.option("--no-site", is_flag=True, help="option.no_site")
@click.option(
    "--timeout",
    type=Seconds(0.1, zero=False),
    default=limits.SERVER_QUERY_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="option.serve_timeout",
)
@click.option("--max-rows", type=click.IntRange(min=1), default=limits.SERVER_MAX_ROWS, show_default=True, help="option.max_rows")
@click.option("--max-bytes", type=click.IntRange(min=1024), default=limits.SERVER_MAX_BYTES, show_default=True, help="option.max_bytes")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME", help="option.allow_host")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN", help="option.cors_origin")
@FEDERATION_OPTION
@friendly
def serve(
    host: str,
    port: int,
    data: tuple[Path, ...],
    site_dir: Path | None,
    no_site: bool,
    timeout: float,
    max_rows: int,
    max_bytes: int,
    allowed_hosts: tuple[str, ...],
    cors_origins: tuple[str, ...],
    allow_federation: bool,
) -> None:
    """Serve the ontology as a read-only SPARQL 1.1 endpoint, and the documentation site at / (Ctrl-C to stop)."""
    import logging

    from .i18n import Localized, msg
    from .tools.serve import is_loopback, make_server

    lang = current_lang()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    for name in ("gluteonto.serve", "uvicorn.error"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.WARNING)
    if no_site:
        site_dir = None
    elif site_dir is None:
        from .site.cache import cached_site

        try:
            site_dir = cached_site(progress=lambda message: click.echo(message, err=True), lang=lang)
        except (OSError, GluteontoError) as exc:
            from .cli_lang import os_error_text

            reason = exc.render(lang) if isinstance(exc, Localized) else os_error_text(exc, lang) if isinstance(exc, OSError) else str(exc)
            click.echo(f"{msg('warning', lang)}: {msg('serve no site', lang, reason=reason)}", err=True)
    server = make_server(
        host,
        port,
        data,
        site=site_dir,
        timeout=timeout,
        max_rows=max_rows,
        max_bytes=max_bytes,
        allowed_hosts=allowed_hosts,
        cors_origins=cors_origins,
        allow_federation=allow_federation,
    )
    address, bound_port = server.server_address[0], server.server_address[1]
    if not is_loopback(host):
        click.echo(f"{msg('warning', lang)}: {msg('serve open', lang, host=host)}", err=True)
    if allow_federation:
        click.echo(f"{msg('warning', lang)}: {msg('serve federation', lang)}", err=True)
    base = f"http://{f'[{address}]' if ':' in address else address}:{bound_port}"
    if site_dir is not None:
        click.echo(msg("serve site at", lang, url=f"{base}/"), err=True)
    click.echo(msg("serve endpoint at", lang, url=f"{base}/sparql"), err=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":  # pragma: no cover
    main()
