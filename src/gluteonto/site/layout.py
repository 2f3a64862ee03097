"""Page addresses and the page shell (header with navigation, search box and language switch; footer).

Every address is relative, so the site works opened from disk (``file://``) as well as served.
English pages are ``NAME.html`` and those in another language ``NAME.LANG.html`` (``NAME.nb.html``) in
the same folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .words import other_langs, t

__all__ = ["NAV", "Shell", "page_path", "suffix"]

#: navigation entries: (page name without suffix, word key)
NAV = (
    ("index", "home"),
    ("pathways", "pathways"),
    ("browse", "browse"),
    ("diagrams", "diagrams"),
    ("questions", "questions"),
    ("practice", "practice"),
    ("sparql-editor", "sparql"),
)


def suffix(lang: str) -> str:
    """File suffix of a page in ``lang``."""
    return ".html" if lang == "en" else f".{lang}.html"


def page_path(name: str, lang: str) -> str:
    """Path of page ``name`` (e.g. ``terms/GLUTEONTO_NNNNNNN``) in ``lang``, relative to the site root."""
    return name + suffix(lang)


@dataclass(frozen=True)
class Shell:
    """What every page shares: version strings for the footer."""

    version: str
    release: str

    def render(self, *, name: str, lang: str, title: str, body: str, current: str | None = None, body_class: str = "") -> str:
        """A whole HTML document for page ``name`` (path without suffix) in ``lang``; ``body_class`` marks e.g. a printable sheet."""
        depth = name.count("/")
        root = "../" * depth
        own = name.rsplit("/", 1)[-1]
        nav = "".join(
            f'<li><a href="{root}{page_path(page, lang)}"{" aria-current=" + chr(34) + "page" + chr(34) if page == current else ""}>'
            f"{escape(t(key, lang))}</a></li>"
            for page, key in NAV
        )
        alternates = "\n".join(f'<link rel="alternate" hreflang="{other}" href="{escape(page_path(own, other))}">' for other in other_langs(lang))
        switches = "\n".join(
            f'<a class="lang-switch" href="{escape(page_path(own, other))}" hreflang="{other}" lang="{other}"\n'
            f' title="{escape(t("this page in", other))}">{escape(t("language name", other))}</a>'
            for other in other_langs(lang)
        )
        return f"""<!DOCTYPE html>
<html lang="{lang}" data-root="{root}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · gluteonto</title>
<link rel="stylesheet" href="{root}assets/site.css">
{alternates}
</head>
<body{f' class="{escape(body_class)}"' if body_class else ""}>
<a class="skip" href="#main">{escape(t("skip", lang))}</a>
<header class="site">
<a class="brand" href="{root}{page_path("index", lang)}">gluteonto</a>
<nav aria-label="{escape(t("browse", lang))}"><ul>{nav}</ul></nav>
<form class="search" role="search" action="{root}{page_path("search", lang)}" method="get">
<input type="search" id="q" name="q" placeholder="{escape(t("search placeholder", lang))}"
 aria-label="{escape(t("search label", lang))}" autocomplete="off" aria-controls="q-list" aria-autocomplete="list">
<ul id="q-list" role="listbox" aria-label="{escape(t("search results", lang))}" hidden></ul>
</form>
{switches}
</header>
<main id="main">
{body}
</main>
<footer class="site"><p>{escape(t("footer", lang, version=self.version, release=self.release))}</p></footer>
<script src="{root}assets/search-index.js"></script>
<script src="{root}assets/search.js"></script>
</body>
</html>
"""
