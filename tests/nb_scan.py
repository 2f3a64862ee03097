"""Finding English interface text in Norwegian output (the command line's and the site's).

The English to look for comes from the English catalogue: every phrase of an English message (two words or
more, between its ``{fields}`` and punctuation) whose Norwegian message differs and that no Norwegian message
uses, plus click's own English words (:data:`CLICK_WORDS`), for click's texts the catalogue might miss.

Only marked content is passed over, never a word because it happens to be English:

* on the command line: «…» around a program's own text or a name in another language, '…' and "…" around
  what the user typed or an identifier, and addresses (``http…``);
* on a page: an element whose ``lang`` is not ``nb`` (inherited), one marked ``translate="no"``, and code
  (``code``, ``pre``, ``script``, ``style``); the attributes people read (``title``, ``alt``,
  ``aria-label``, ``placeholder``) are scanned with the text.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

from gluteonto.i18n import message_keys, msg, plural_template

__all__ = ["CLICK_WORDS", "english_in_html", "english_in_terminal", "english_numbers", "english_phrases", "terminal_text"]

#: click's English that must never reach a Norwegian user
CLICK_WORDS = (
    "Usage:",
    "Options:",
    "Commands:",
    "Show this message",
    "Show the version",
    "Missing argument",
    "Missing option",
    "Missing command",
    "No such option",
    "No such command",
    "Invalid value",
    "for help",
    "Error:",
    "Try '",
    "default:",
    "required]",
    "[OPTIONS]",
    "COMMAND",
    "[ARGS]",
    "TEXT",
    "INTEGER",
    "FLOAT",
    "PATH",
    "FILENAME",
    "DIRECTORY",
    "is not one of",
    "is not in the range",
    "is not a valid",
    "does not exist",
    "Did you mean",
    "Got unexpected",
    "requires an argument",
    "does not take a value",
    "No such file or directory",
    "Permission denied",
    "Is a directory",
    "Traceback",
    "Aborted",
)


def _texts(key: str, lang: str, plural: bool) -> list[str]:
    return [plural_template(key, n, lang) for n in (1, 2)] if plural else [msg(key, lang)]


@functools.cache
def english_phrases() -> frozenset[str]:
    """Phrases of the English catalogue that Norwegian output must not contain."""
    from gluteonto.i18n import _catalogue

    plural = _catalogue("en").plural_keys
    pairs = [(e, n) for key in message_keys("en") for e, n in zip(_texts(key, "en", key in plural), _texts(key, "nb", key in plural), strict=True)]
    other = "\n".join([*(n for _e, n in pairs), *_content()]).casefold()
    found = set()
    for english, norwegian in pairs:
        if english == norwegian:
            continue
        for segment in re.split(r"\{[^{}]*\}", english):
            for piece in re.split(r"[.;:!?()\[\]\n«»=]|\s[-–—]\s", segment):
                piece = piece.strip(" ,'\"–—-…*/")
                words = re.findall(r"[A-Za-z]{2,}", piece)
                if (len(words) >= 2 or (words == [piece] and len(piece) >= 5)) and piece.casefold() not in other:
                    found.add(piece)
    return frozenset(found)


@functools.cache
def _content() -> tuple[str, ...]:
    """The ontology's texts that are not English (Norwegian, Latin, language-neutral): content, not interface."""
    from gluteonto import Session

    rows = Session("oxigraph").sparql("SELECT DISTINCT ?t WHERE { ?s ?p ?t FILTER(isLiteral(?t) && lang(?t) != 'en') }").cells
    return tuple(t.value for (t,) in rows if t is not None)


@functools.cache
def _pattern() -> re.Pattern[str]:
    """One expression for every phrase, longest first, each a whole word sequence (case ignored)."""
    phrases = sorted(english_phrases(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])", re.IGNORECASE)


def _found(text: str) -> list[str]:
    text = " ".join(text.split())
    phrases = {m.group() for m in _pattern().finditer(text)}
    return sorted({*phrases, *(w for w in CLICK_WORDS if w in text)})


def terminal_text(output: str) -> str:
    """Command-line output without its marked content and identifiers: command lines (``gluteonto query …``),
    the commands a help lists, options (``--lang``, ``-p``) and paths."""
    output = re.sub(r"«[^»\n]*»", " ", output)
    output = re.sub(r"https?://\S+", " ", output)
    output = re.sub(r"'[^'\n]*'", " ", output)
    output = re.sub(r'"[^"\n]*"', " ", output)
    output = re.sub(r"gluteonto(?: [a-zæøå-]+)+(?: -p \S+)*", " ", output)
    output = re.sub(r"^  [a-zæøå-]+(?=  )", " ", output, flags=re.MULTILINE)
    output = re.sub(r"(?<![\w-])--?[a-z][a-z-]*", " ", output)
    return re.sub(r"\S*/\S*", " ", output)


def english_in_terminal(output: str) -> list[str]:
    """The English interface phrases in Norwegian command-line output."""
    return _found(terminal_text(output))


#: a number written the English way: a decimal point (``0.5``, not a version ``1.0.0`` or ``§ 2.3.1``) or a comma
#: between thousands (``604,800``); Bokmål writes ``0,5`` and ``604 800``
_ENGLISH_NUMBER = re.compile(r"(?<![\w.:])\d+\.\d+(?![\w.])|(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])")


def english_numbers(output: str) -> list[str]:
    """Numbers written the English way in Norwegian command-line output (outside marked content, paths and
    the name of a standard such as SPARQL 1.1)."""
    return _ENGLISH_NUMBER.findall(re.sub(r"\bSPARQL 1\.1\b", " ", terminal_text(output)))


class _Reader(HTMLParser):
    _CODE = frozenset({"code", "pre", "script", "style", "kbd", "samp"})
    _VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
    _READ = ("title", "alt", "aria-label", "placeholder")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.parts: list[str] = []

    def _skipped(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        skipped = self._skipped() or tag in self._CODE or values.get("translate") == "no" or (lang is not None and lang != "nb")
        if not skipped:
            self.parts += [values[name] or "" for name in self._READ if name in values]
        if tag not in self._VOID:
            self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._skipped():
            self.parts.append(data)


def english_in_html(page: str) -> list[str]:
    """The English interface phrases in a Norwegian page's text and readable attributes."""
    reader = _Reader()
    reader.feed(page)
    return _found("\n".join(reader.parts))
