"""Lay a table out to fit a width: cells wrap at spaces across lines instead of being cut.

>>> print(layout(["term", "text"], [["gluteus minimus", "the smallest gluteal muscle"]], width=30))
term             text
---------------  -------------
gluteus minimus  the smallest
                 gluteal
                 muscle
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

__all__ = ["blank_repeats", "column_widths", "layout", "terminal_width"]

_GAP = "  "


def terminal_width(default: int = 80) -> int:
    """Width of the terminal (``COLUMNS`` first), or ``default`` (80) when there is none, e.g. when piped."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:  # what shutil.get_terminal_size asks, without importing shutil (and its archive modules) on every command
        size = os.get_terminal_size(sys.__stdout__.fileno()) if sys.__stdout__ is not None else None
    except (AttributeError, ValueError, OSError):
        size = None
    return size.columns if size is not None and size.columns > 0 else default


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None) -> list[int] | None:
    """Column widths that fit ``width`` (None: natural widths); None when no fitting table layout exists.

    No column is narrower than its longest word (words are never split), so short columns such as
    a segment code keep their natural width and the room goes to the columns of running text.
    """
    natural = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    natural = [max(1, w) for w in natural]
    if width is None:
        return natural
    budget = width - len(_GAP) * (len(headers) - 1)
    if sum(natural) <= budget:
        return natural
    # every column at least as wide as its longest word, so lines break at spaces only
    longest = [max(len(word) for cell in [h, *(r[i] for r in rows)] for word in (cell.split() or [""])) for i, h in enumerate(headers)]
    widths = [max(1, w) for w in longest]
    if sum(widths) > budget:
        return None
    spare = budget - sum(widths)
    # whole cells first, for the columns that need least to get there (short names stay on one line)
    for i in sorted(range(len(widths)), key=lambda i: (natural[i] - widths[i], i)):
        if 0 < natural[i] - widths[i] <= spare:
            spare -= natural[i] - widths[i]
            widths[i] = natural[i]
    # share the rest out in proportion to what each column still lacks
    while spare > 0:
        wanting = [i for i, w in enumerate(widths) if w < natural[i]]
        if not wanting:
            break
        lack = sum(natural[i] - widths[i] for i in wanting)
        given = 0
        for i in wanting:
            share = max(1, (natural[i] - widths[i]) * spare // lack)
            share = min(share, natural[i] - widths[i], spare - given)
            widths[i] += share
            given += share
            if given >= spare:
                break
        spare -= given
        if given == 0:
            break
    return widths


def _wrap(value: str, width: int) -> list[str]:
    """Greedy word wrap at spaces; a word longer than the width stays whole."""
    pieces = value.split()
    lines: list[str] = []
    for piece in pieces:
        if lines and len(lines[-1]) + 1 + len(piece) <= width:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return lines or [""]


def blank_repeats(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """Rows with leading cells that repeat the row above left blank (the last column is always shown)."""
    out: list[list[str]] = []
    previous: Sequence[str] | None = None
    for row in rows:
        shown = list(row)
        if previous is not None:
            for i in range(len(row) - 1):
                if row[i] != previous[i] or not row[i]:
                    break
                shown[i] = ""
        out.append(shown)
        previous = row
    return out


def layout(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int | None = None) -> str:
    """``headers`` and ``rows`` as aligned text no wider than ``width`` (None: no limit)."""
    widths = column_widths(headers, rows, width)
    if widths is None:
        assert width is not None
        return _records(headers, rows, width)
    lines: list[str] = []

    def emit(cells: Sequence[str]) -> None:
        wrapped = [_wrap(cell, w) for cell, w in zip(cells, widths, strict=False)]
        for k in range(max(len(c) for c in wrapped)):
            parts = [(c[k] if k < len(c) else "").ljust(w) for c, w in zip(wrapped, widths, strict=False)]
            lines.append(_GAP.join(parts).rstrip())

    emit(headers)
    lines.append(_GAP.join("-" * w for w in widths))
    for row in rows:
        emit(row)
    return "\n".join(lines)


def _records(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    """One block per row, "header: value" lines wrapped to ``width`` (for very narrow terminals)."""
    import textwrap  # only here: a table in columns needs none, and every command that prints one would pay for it

    lines: list[str] = []
    for n, row in enumerate(rows):
        if n:
            lines.append("")
        for head, cell in zip(headers, row, strict=False):
            if not cell:
                continue
            lines.extend(textwrap.wrap(f"{head}: {cell}", max(width, 10), subsequent_indent="  ", break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines)
