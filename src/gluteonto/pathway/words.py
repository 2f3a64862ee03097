"""The pathway's headings and fixed words: ``pathway.KEY`` and ``pathway.strength.KEY`` in the message catalogues."""

from __future__ import annotations

from ..i18n import has_msg, msg, nmsg

__all__ = ["strength_word", "w", "wn"]


def w(key: str, lang: str, **values: object) -> str:
    """A pathway word in ``lang``, with ``values`` filled in."""
    return msg("pathway." + key, lang, **values)


def wn(key: str, n: int, lang: str) -> str:
    """A pathway word for the count ``n`` (plural-aware)."""
    return nmsg("pathway." + key, n, lang)


def strength_word(strength: str, lang: str) -> str:
    """The tag for a link's strength ("" for plain statements)."""
    key = "pathway.strength." + strength
    return msg(key, lang) if has_msg(key, lang) else ""
