"""Lay a table out to fit a width: cells wrap at spaces across lines instead of being cut.

>>> print(layout(["term", "text"], [["gluteus minimus", "the smallest gluteal muscle"]], width=30))
term            text
--------------  --------------
gluteus         the smallest
minimus         gluteal muscle
"""

from __future__ import annotations

import os
import re
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
    longest = [max(len(word) for cell in [h, *(r[i] for r in rows)] for word in (_words(cell) or [""])) for i, h in enumerate(headers)]
    widths = [max(1, w) for w in longest]
    if sum(widths) > budget:
        return None
    sample = _sample(rows)
    return _fewest_lines(widths, natural, [[h, *(r[i] for r in sample)] for i, h in enumerate(headers)], budget - sum(widths))


#: rows and characters looked at when sharing out the width (a long answer is laid out like its beginning)
_SAMPLE_ROWS = 60
_SAMPLE_CHARS = 4000


def _sample(rows: Sequence[Sequence[str]]) -> Sequence[Sequence[str]]:
    """The first rows, up to :data:`_SAMPLE_ROWS` of them and :data:`_SAMPLE_CHARS` characters (at least one row)."""
    size = 0
    for n, row in enumerate(rows[:_SAMPLE_ROWS]):
        size += sum(len(cell) for cell in row)
        if size > _SAMPLE_CHARS:
            return rows[: max(n, 1)]
    return rows[:_SAMPLE_ROWS]


def _fewest_lines(widths: list[int], natural: list[int], columns: list[list[str]], spare: int) -> list[int]:
    """Share ``spare`` characters among the columns so that the table takes as few lines as possible.

    Each step widens the column whose next widening saves the most lines per character (the height of a
    row is that of its tallest cell; a cell's line count never grows with its width, so the smallest
    widening that saves a line is found by bisection); what saves nothing is then given to the columns
    still short of their natural width, in order.
    """
    memo: dict[tuple[int, int], list[int]] = {}

    def heights(i: int, w: int) -> list[int]:
        if (i, w) not in memo:
            memo[i, w] = [len(_wrap(cell, w)) for cell in columns[i]]
        return memo[i, w]

    def rows_without(i: int) -> list[int]:
        others = [heights(j, w) for j, w in enumerate(widths) if j != i]
        return [max(col) for col in zip(*others, strict=True)] if others else [0] * len(columns[i])

    def total(i: int, w: int, others: list[int]) -> int:
        return sum(max(a, b) for a, b in zip(others, heights(i, w), strict=True))

    while spare > 0:
        best: tuple[float, int, int] | None = None  # (lines saved per character, column, extra)
        for i, w in enumerate(widths):
            room = min(spare, natural[i] - w)
            if room <= 0:
                continue
            others = rows_without(i)
            now = total(i, w, others)
            if total(i, w + room, others) >= now:
                continue
            low, high = 1, room  # the smallest widening that saves a line
            while low < high:
                mid = (low + high) // 2
                if total(i, w + mid, others) < now:
                    high = mid
                else:
                    low = mid + 1
            rate = (now - total(i, w + low, others)) / low
            if best is None or rate > best[0]:
                best = (rate, i, low)
        if best is None:
            break
        _rate, column, extra = best
        widths[column] += extra
        spare -= extra
    for i in range(len(widths)):  # what no longer saves a line still shows whole words further apart
        give = min(spare, natural[i] - widths[i])
        widths[i] += give
        spare -= give
    return widths


def _words(value: str) -> list[str]:
    """The words of a cell, split at ordinary white space only: a no-break space (as between a name and its
    language mark, ``gluteal muscle\u00a0(en)``, or in a Norwegian number) holds its two sides together.

    >>> _words("gluteal muscle\u00a0(en)")
    ['gluteal', 'muscle\xa0(en)']
    """
    return [word for word in _ASCII_SPACE.split(value) if word]


_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def _wrap(value: str, width: int) -> list[str]:
    """Greedy word wrap at spaces; a word longer than the width stays whole."""
    pieces = _words(value)
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
