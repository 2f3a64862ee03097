"""Atomic writes: a result is complete on disk or not there at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteonto.fileio import atomic_output


def test_atomic_output_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as handle:
            handle.write(b"partial")
            raise RuntimeError("boom")
    assert target.read_text() == "old" and list(tmp_path.iterdir()) == [target]
