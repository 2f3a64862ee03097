"""Long output through a pager when standard output is a terminal, as git does.

The pager is ``$GLUTEONTO_PAGER``, else ``$PAGER``, else ``less``; ``less`` gets ``-FRX`` (quit when
the text fits one screen, keep colours, leave the text on screen) unless ``$LESS`` says otherwise.
Piped or redirected output, ``--no-pager`` and an empty or ``cat`` pager print directly.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TextIO

__all__ = ["pager_command", "show"]


def pager_command(environ: Mapping[str, str]) -> list[str] | None:
    """The pager to run as an argument list, or None to print directly.

    >>> pager_command({"PAGER": "more -s"})
    ['more', '-s']
    >>> pager_command({"PAGER": "cat"}) is None, pager_command({"GLUTEONTO_PAGER": ""}) is None
    (True, True)
    """
    import shlex

    chosen = environ.get("GLUTEONTO_PAGER", environ.get("PAGER", "less"))
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    if not words or words[0] == "cat":
        return None
    return words


def show(text: str, *, use_pager: bool = True, stream: TextIO | None = None) -> None:
    """Write ``text`` (with a final newline), through the pager when ``stream`` is a terminal and it is longer than a screen."""
    stream = stream or sys.stdout
    if not text.endswith("\n"):
        text += "\n"
    command = pager_command(os.environ) if use_pager and stream.isatty() else None
    if command is None:  # not a terminal (the common case in scripts): nothing more to import
        stream.write(text)
        stream.flush()
        return
    import shutil
    import subprocess

    height = shutil.get_terminal_size((80, 24)).lines
    if text.count("\n") < height or shutil.which(command[0]) is None:
        stream.write(text)
        stream.flush()
        return
    environ = dict(os.environ)
    if os.path.basename(command[0]) == "less":
        environ.setdefault("LESS", "FRX")
    try:
        subprocess.run(command, input=text, text=True, env=environ, check=False)  # noqa: S603 - the user's own pager
    except OSError:
        stream.write(text)
        stream.flush()
