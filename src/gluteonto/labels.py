"""The one rule for choosing a text by language: the asked language, then English, then any.

>>> choose({"nb": "setemuskel", "en": "gluteal muscle"}, "nb")
'setemuskel'
>>> choose({"la": "musculus gluteus minimus", "en": "gluteus minimus"}, "nb")
'gluteus minimus'
>>> choose({"la": "musculus gluteus minimus"}, "nb")
'musculus gluteus minimus'
>>> choose({}, "nb") is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib.term import Node

__all__ = ["FALLBACK_LANG", "by_language", "choose", "choose_tagged"]

#: The language used when the asked one is missing.
FALLBACK_LANG = "en"


def choose(texts: Mapping[str, str], lang: str = FALLBACK_LANG) -> str | None:
    """The text in ``lang``, else in English, else the one with the first language tag; None if empty."""
    chosen = choose_tagged(texts, lang)
    return chosen[1] if chosen else None


def choose_tagged(texts: Mapping[str, str], lang: str = FALLBACK_LANG) -> tuple[str, str] | None:
    """:func:`choose`, with the language tag of the text chosen: ``(tag, text)``.

    >>> choose_tagged({"la": "musculus gluteus minimus", "en": "gluteus minimus"}, "nb")
    ('en', 'gluteus minimus')
    """
    if not texts:
        return None
    for wanted in (lang, FALLBACK_LANG):
        if texts.get(wanted):
            return wanted, texts[wanted]
    return min(texts), texts[min(texts)]


def by_language(literals: Iterable[Node]) -> dict[str, str]:
    """Language tag (``""`` for none) → text; of several texts with one tag the first in sort order, so the
    choice never depends on the order a store returns them in."""
    texts: dict[str, str] = {}
    for literal in literals:
        tag, text = getattr(literal, "language", None) or "", str(literal)
        if tag not in texts or text < texts[tag]:
            texts[tag] = text
    return texts
