"""Text of the question bank: ``quiz.KEY`` in the message catalogues (stems, headings and feedback)."""

from __future__ import annotations

from ..i18n import msg

__all__ = ["w"]


def w(key: str, lang: str, **values: object) -> str:
    """The question bank's text ``key`` in ``lang`` with ``values`` filled in."""
    return msg("quiz." + key, lang, **values)
