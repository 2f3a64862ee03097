"""Tables laid out to a width: words never split, and as few lines as the width allows."""

from __future__ import annotations

import pytest

from gluteonto.sparql.tablefmt import layout

HEADERS = ["nerve", "plexus", "larger plexus", "root", "segment", "only supply"]
ROWS = [
    ["superior gluteal nerve", "sacral plexus", "lumbosacral plexus", "fourth lumbar nerve", "L4", "stated"],
    ["", "", "", "fifth lumbar nerve", "L5", "stated"],
    ["", "", "", "first sacral nerve", "S1", "stated"],
]


def test_the_innervation_table_at_80_columns_takes_two_lines_for_its_first_row_not_three() -> None:
    """Regression: the whole width went to the short columns, so every nerve and root name took three lines."""
    lines = layout(HEADERS, ROWS, width=80).splitlines()
    assert max(len(line) for line in lines) <= 80
    body = lines[lines.index(next(line for line in lines if line.startswith("---"))) + 1 :]
    assert len(body) <= 5, "\n".join(lines)
    assert any("superior gluteal nerve" in line for line in body)


@pytest.mark.parametrize("width", [40, 50, 60, 70, 80, 100, 120])
def test_no_line_is_wider_than_the_width_and_no_word_is_split(width: int) -> None:
    text = layout(HEADERS, ROWS, width=width)
    words = {word for row in [HEADERS, *ROWS] for cell in row for word in cell.split()}
    assert all(len(line) <= width for line in text.splitlines())
    assert {word for line in text.splitlines() for word in line.replace(":", " ").split() if word != "-" * len(word)} <= words | {
        h.split()[0] + ":" for h in HEADERS
    } | {w + ":" for w in words}


def test_natural_widths_when_the_table_fits() -> None:
    assert layout(HEADERS, ROWS, width=200) == layout(HEADERS, ROWS)
