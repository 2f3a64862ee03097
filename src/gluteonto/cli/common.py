"""What the commands of :mod:`gluteonto.cli` share: their common options, the session they open, and how an
error becomes one line on stderr with the documented exit code (:func:`friendly`)."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .. import limits
from ..cli_lang import current_lang
from ..cli_params import Seconds
from ..cli_safety import quiet_broken_pipe
from ..engines import DEFAULT_ENGINE, ENGINES
from ..errors import GluteontoError
from ..i18n import LABEL_LANGS
from ..sparql.results import RESULT_FORMATS

if TYPE_CHECKING:
    from ..query.session import Session

__all__ = [
    "DATA_OPTION",
    "ENDPOINT_OPTION",
    "ENGINE_OPTION",
    "FEDERATION_OPTION",
    "FORMAT_OPTION",
    "GRAPH_OPTION",
    "LANG_OPTION",
    "PAGER_OPTION",
    "TIMEOUT_OPTION",
    "WIDE_OPTION",
    "RegistryChoice",
    "emit",
    "friendly",
    "indented",
    "open_session",
    "parse_params",
    "read_as",
    "run_options",
    "table_width",
]

F = TypeVar("F", bound=Callable[..., Any])


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
PAGER_OPTION = click.option("--no-pager", is_flag=True, help="option.no_pager")


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
        from ..i18n import Localized, msg

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
            from ..cli_lang import os_error_text

            click.echo(f"{msg('error', lang)}: {os_error_text(exc, lang)}: {exc.filename or ''}".rstrip(": "), err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def open_session(
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
    from ..query.session import Session

    return Session(
        engine, data, endpoint=endpoint, endpoint_graphs=graphs, timeout=timeout, allow_federation=allow_federation, relation_graph=relation_graph
    )


def emit(text: str) -> None:
    """Print a rendered result, adding a final newline only if it has none."""
    click.echo(text, nl=not text.endswith("\n"))


def table_width(fmt: str, wide: bool) -> int | None:
    """Width to fit tables to: the terminal's, or None for ``--wide`` and machine formats."""
    from ..sparql.tablefmt import terminal_width

    return None if wide or fmt != "table" else terminal_width()


def parse_params(pairs: tuple[str, ...], lang: str = "en") -> dict[str, str]:
    """``--param NAME=VALUE`` pairs as a dict (a pair without ``=`` or a name is bad input)."""
    from ..i18n import MessageError

    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise MessageError(("not name=value", {"pair": pair}))
        params[name.strip()] = value.strip()
    return params


def indented(line: str, indent: int, first: str = "") -> str:
    """``line`` wrapped at spaces (never inside a word) to the terminal width, indented; ``first`` leads the first line."""
    import textwrap

    from ..sparql.tablefmt import terminal_width

    width = max(terminal_width(), indent + 20)
    return "\n".join(
        textwrap.wrap(
            line, width, initial_indent=first or " " * indent, subsequent_indent=" " * indent, break_on_hyphens=False, break_long_words=False
        )
    )


def read_as(typed: tuple[str, ...], readings: list[tuple[str, str]], term: str, name: str, lang: str) -> None:
    """Tell on stderr how the words ``typed`` were read when they named ``term`` (called ``name``) only by
    spelling tolerance or as a code mapped to it (``readings``, as the resolver recorded them), as ``query``
    tells it; several unquoted words read as one name get a line saying so. Nothing for a name as written."""
    from ..i18n import msg

    value = " ".join(typed)
    for read, found in readings:
        if read != value or found != term:
            continue
        if len(typed) > 1:
            click.echo(msg("words as one name", lang, count=len(typed), value=value, name=name), err=True)
        else:
            click.echo(msg("read as", lang, value=value.strip(), name=name), err=True)
