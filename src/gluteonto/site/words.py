"""Words of the documentation site: ``site.KEY`` in the message catalogues, and the site's languages.

The site has a page in every interface language (one per message catalogue).
"""

from __future__ import annotations

from ..i18n import UI_LANGS, msg, nmsg

__all__ = ["SITE_LANGS", "other_langs", "t", "tn"]

#: the site's languages, English first
SITE_LANGS = UI_LANGS


def t(key: str, lang: str, **values: object) -> str:
    """The site word ``key`` in ``lang``, with ``values`` filled in."""
    return msg("site." + key, lang, **values)


def tn(key: str, n: int, lang: str) -> str:
    """The site word ``key`` for the count ``n`` (plural-aware)."""
    return nmsg("site." + key, n, lang)


def other_langs(lang: str) -> list[str]:
    """The site's other languages."""
    return [other for other in SITE_LANGS if other != lang]
