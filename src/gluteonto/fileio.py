"""Atomic file writing: a result is either complete on disk or not there at all."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO

from .safe_write import atomic_output as safe_atomic_output

__all__ = ["atomic_output", "atomic_write_bytes", "atomic_write_text"]


def atomic_output(path: Path, inputs: Iterable[Path] = ()) -> AbstractContextManager[BinaryIO]:
    """Write ``path`` atomically (see :func:`gluteonto.safe_write.atomic_output`): complete or untouched."""
    return safe_atomic_output(path, inputs)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_output(path) as handle:
        handle.write(data)
