"""Command-line values checked where click reads them, with the refusal in the user's language.

* :class:`Seconds` — a time limit: a finite number of seconds within bounds (``nan``, ``inf`` and
  ``1e308`` are refused, not passed on to a clock that cannot hold them);
* :class:`OutputFile` — an output file name: ``-`` for standard output, never a name ending in
  ``/`` (that names a folder, and writing a file called like the folder would surprise).
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import click

from . import limits
from .i18n import default_lang, msg

__all__ = ["OutputFile", "Seconds", "param_lang"]


def param_lang(ctx: click.Context | None) -> str:
    """The user's language while click is still reading options: ``--lang`` if already read, else the environment."""
    given = ctx.params.get("lang") if ctx is not None else None
    return str(given or default_lang(os.environ)).lower()


class Seconds(click.ParamType[float]):
    """A number of seconds between ``minimum`` and :data:`gluteonto.limits.MAX_TIMEOUT` (``0`` too, if ``zero`` means no limit)."""

    name = "seconds"

    def __init__(self, minimum: float = 0.0, *, zero: bool = True) -> None:
        self.minimum, self.zero = minimum, zero

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        """The value as a float, or a usage error naming the allowed range."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if self.zero and number == 0:
            return 0.0
        if not math.isfinite(number) or not self.minimum <= number <= limits.MAX_TIMEOUT:
            key = "timeout range zero" if self.zero else "timeout range"
            self.fail(msg(key, param_lang(ctx), value=value, minimum=self.minimum, maximum=limits.MAX_TIMEOUT), param, ctx)
        return number


class OutputFile(click.ParamType[Path]):
    """A file to write (``-`` for standard output); a name ending in ``/`` is refused."""

    name = "file"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        """The value as a path, or a usage error if it names a folder."""
        if isinstance(value, Path):
            return value
        raw = os.fsdecode(value)
        if raw != "-" and raw.endswith(("/", os.sep)):
            self.fail(msg("output names folder", param_lang(ctx), path=raw), param, ctx)
        return Path(raw)
