"""The row cap every engine applies while it collects an answer."""

from __future__ import annotations

from ..i18n import EngineMessageError

__all__ = ["check_rows"]


def check_rows(count: int, max_rows: int) -> None:
    """Refuse an answer that has grown past ``max_rows`` rows (or triples)."""
    if count > max_rows:
        raise EngineMessageError(("too many rows", {"limit": max_rows}))
