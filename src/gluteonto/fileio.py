"""Atomic file writing: a result is either complete on disk or not there at all."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO

from .safe_write import atomic_output as safe_atomic_output

__all__ = ["atomic_output", "atomic_write_bytes", "atomic_write_text"]


def atomic_output(path: Path, inputs: Iterable[Path] = (), *, package_data: bool = False) -> AbstractContextManager[BinaryIO]:
    """Write ``path`` atomically (see :func:`gluteonto.safe_write.atomic_output`): complete or untouched.

    ``package_data`` allows writing among gluteonto's own files (only the release build does).
    """
    return safe_atomic_output(path, inputs, package_data=package_data)


def atomic_write_text(path: Path, text: str, *, package_data: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically (``package_data``: see :func:`atomic_output`)."""
    atomic_write_bytes(path, text.encode("utf-8"), package_data=package_data)


def atomic_write_bytes(path: Path, data: bytes, *, package_data: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (``package_data``: see :func:`atomic_output`)."""
    with atomic_output(path, package_data=package_data) as handle:
        handle.write(data)
