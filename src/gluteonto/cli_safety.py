"""How the command line fails: one or two lines, never a traceback, also on Ctrl-C and closed pipes.

:class:`SafeGroup` is the click group class of ``gluteonto``: usage errors print the message and
the usage line only; Ctrl-C (while modules load, or later) prints ``interrupted`` and exits 130;
a reader that stops early (``gluteonto queries | head``) ends the command quietly.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Any, NoReturn

import click

from .cli_lang import Group, current_lang, invocation_lang, os_error_text, speaking
from .errors import GluteontoError
from .i18n import Localized, msg

__all__ = ["SafeGroup", "interrupted", "quiet_broken_pipe"]


def interrupted() -> NoReturn:
    """Report Ctrl-C in one line and exit 130 (128 + SIGINT), as shells do."""
    try:
        sys.stderr.write(msg("interrupted", current_lang()) + "\n")
        sys.stderr.flush()
    finally:
        sys.exit(130)


def quiet_broken_pipe() -> NoReturn:
    """The reader of standard output went away: stop without a message (exit 141, 128 + SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(141)


class _ClosedBinary(io.RawIOBase):
    """Standard output when the command was started with it closed (``>&-``): any write is one clear error."""

    def writable(self) -> bool:
        return True

    def write(self, _data: Any) -> int:
        from .i18n import MessageError

        raise MessageError(("stdout closed", {}))


class _ClosedText(io.TextIOWrapper):
    """Text side of :class:`_ClosedBinary`."""

    def __init__(self) -> None:
        super().__init__(io.BufferedWriter(_ClosedBinary()), encoding="utf-8", write_through=True)

    def write(self, _text: str) -> int:
        _ClosedBinary().write(b"")  # raises
        return 0

    def flush(self) -> None:
        """Nothing was written, so nothing to flush."""

    def isatty(self) -> bool:
        return False


class SafeGroup(Group):
    """A click group whose errors are short, in the user's language, and whose interruptions are quiet."""

    def main(
        self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None, standalone_mode: bool = True, **extra: Any
    ) -> Any:
        """Run the command in the invocation's language; in standalone mode a closed pipe or Ctrl-C ends it quietly."""
        words = list(sys.argv[1:] if args is None else args)
        with speaking(invocation_lang(words, os.environ)):
            if not standalone_mode:
                return super().main(words, prog_name, complete_var, standalone_mode=False, **extra)
            self._standalone(words, prog_name, complete_var, **extra)

    def _standalone(self, args: list[str], prog_name: str | None, complete_var: str | None, **extra: Any) -> None:
        lang = current_lang()
        if sys.stdout is None:  # started with standard output closed: say so when something is printed
            sys.stdout = _ClosedText()
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            prefix = msg("click:Usage:", lang)
            usage = exc.ctx.get_usage().replace(prefix, prefix.lower(), 1) if exc.ctx else ""
            command = exc.ctx.command_path if exc.ctx else "gluteonto"
            click.echo(f"{msg('error', lang)}: {' '.join(exc.format_message().split())}", err=True)
            if usage:
                click.echo(msg("usage help", lang, usage=" ".join(usage.split()), command=command), err=True)
            sys.exit(exc.exit_code)
        except click.FileError as exc:
            click.echo(
                f"{msg('error', lang)}: " + msg("cannot open", lang, path=exc.ui_filename, reason=os_error_text(exc.message or "", lang)), err=True
            )
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"{msg('error', lang)}: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except (click.Abort, KeyboardInterrupt):
            interrupted()
        except BrokenPipeError:
            quiet_broken_pipe()
        except GluteontoError as exc:  # raised outside a command: --help or --version printing to a closed stdout
            text = exc.render(lang) if isinstance(exc, Localized) else str(exc)
            click.echo(f"{msg('error', lang)}: {text}", err=True)
            sys.exit(exc.exit_code)
        except MemoryError:  # an allocation past a memory limit in this process
            click.echo(f"{msg('error', lang)}: {msg('out of memory', lang)}", err=True)
            sys.exit(2)
        except OSError as exc:  # the same on a full disk (``--help >/dev/full``)
            click.echo(f"{msg('error', lang)}: {os_error_text(exc, lang)}", err=True)
            sys.exit(2)
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            quiet_broken_pipe()
        sys.exit(result if isinstance(result, int) else 0)
