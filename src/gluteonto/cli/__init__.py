"""The ``gluteonto`` command line: a thin layer over the library API.

Exit codes: 0 success, 1 a check found problems (``query``: no answer fits), 2 usage error or bad
input (including a value that is not a term), 3 (``query``) the source says nothing about the
named term for that question.

Each command is a module of this package named after it (``gluteonto.cli.query`` defines ``query``), loaded
only when that command runs (or is asked for by name): :data:`COMMANDS` names them, and the group lists
them with their short help from the message catalogue (``command.NAME``), so ``gluteonto query`` builds one
command and its options instead of all of them, and ``gluteonto --help`` imports none. What the commands
share (options, the session they open, :func:`~.common.friendly`) is in :mod:`.common`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, MutableMapping
from importlib import import_module
from typing import Any

import click

from ..cli_lang import click_text, current_lang, route_click_messages
from ..cli_safety import SafeGroup
from ..i18n import msg

__all__ = ["COMMANDS", "PRINT_ONLY", "main"]

route_click_messages()

#: command name → (the module of this package that defines it as the function of the same name, hidden):
#: a hidden name is a copy of that command under another name (Norwegian ``forløp``); ``link-fma`` is ``link``
#: itself, listed under both names
COMMANDS: dict[str, tuple[str, bool]] = {
    "about": ("about", False),
    "export": ("export", False),
    "forlop": ("pathway", True),
    "forløp": ("pathway", True),
    "info": ("info", False),
    "link": ("link", False),
    "link-fma": ("link", False),
    "lookup": ("lookup", False),
    "pathway": ("pathway", False),
    "push": ("push", False),
    "qc": ("qc", False),
    "queries": ("queries", False),
    "query": ("query", False),
    "quiz": ("quiz", False),
    "reason": ("reason", False),
    "serve": ("serve", False),
    "site": ("site", False),
    "sparql": ("sparql", False),
    "validate": ("validate", False),
}


#: the commands whose whole effect is what they print: :mod:`gluteonto.entry` ends the process quickly after them
PRINT_ONLY = frozenset({"about", "forlop", "forløp", "info", "lookup", "pathway", "queries", "query", "sparql"})


class _Commands(MutableMapping[str, click.Command]):
    """The group's commands by name: a command of :data:`COMMANDS` is imported when it is first looked up."""

    def __init__(self) -> None:
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            if name not in COMMANDS:
                raise KeyError(name)
            module, hidden = COMMANDS[name]
            command: click.Command = getattr(import_module(f".{module}", __name__), module)
            if hidden:
                command = copy.copy(command)
                command.name, command.hidden = name, True
            self._loaded[name] = command
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (name for name in self._loaded if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(name not in COMMANDS for name in self._loaded)

    def __contains__(self, name: object) -> bool:
        return name in COMMANDS or name in self._loaded


class _LazyGroup(SafeGroup):
    """The ``gluteonto`` group: commands load on first use; its help lists them without loading any."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands()
        #: the name of the command this invocation ran (None until one is found)
        self.ran: str | None = None

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        """The command named first in ``args``, remembered in :attr:`ran`."""
        name, command, rest = super().resolve_command(ctx, args)
        self.ran = name if command is not None else None
        return name, command, rest

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands list of the help, each command's first sentence from the catalogue (``command.NAME``)."""
        lang = current_lang()
        shown: list[tuple[str, str]] = []  # (name, its help's catalogue key, or "" for a command added at run time)
        for name in self.list_commands(ctx):
            if name in COMMANDS:
                module, hidden = COMMANDS[name]
                if not hidden:
                    shown.append((name, "command." + module))
                continue
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                shown.append((name, ""))
        if not shown:
            return
        limit = formatter.width - 6 - max(len(name) for name, _key in shown)
        rows = []
        for name, key in shown:
            if key:
                text = click.Command(name, help=msg(key, lang)).get_short_help_str(limit)  # click's shortening, nothing loaded
            else:
                command = self.get_command(ctx, name)
                text = command.get_short_help_str(limit) if command is not None else ""
            rows.append((name, text))
        with formatter.section(click_text("Commands")):
            formatter.write_dl(rows)


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from importlib.metadata import version

        click.echo(msg("version", current_lang(), prog="gluteonto", version=version("gluteonto")))
        ctx.exit()


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version, help="option.version")
def main() -> None:
    """gluteonto: the gluteus minimus ontology, its SPARQL questions, SHACL shapes and FMA links."""


if __name__ == "__main__":  # pragma: no cover
    main()
