"""Checks on SPARQL text before any engine runs it: no federation unless the user asks for it.

A ``SERVICE`` clause makes the engine send a request to another server — from the user's
machine, or from the host of ``gluteonto serve`` on behalf of whoever reaches it. It is refused
unless federation is allowed explicitly (``--allow-federation``).

>>> find_service("SELECT * WHERE { ?service ?p ?o }") is None
True
>>> find_service("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
'http://x/sparql'
"""

from __future__ import annotations

import re

from .. import limits
from ..i18n import MessageError
from .text import _code_tokens

__all__ = ["check_query", "decode_query", "find_service"]

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(text: str) -> str:
    """Apply SPARQL's code point escapes to the whole text, as some parsers do before tokenising."""

    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code < 0x110000 else match.group(0)

    return _ESCAPE.sub(replace, text)


def find_service(sparql: str) -> str | None:
    """The target of the first SERVICE clause in ``sparql`` (or ``"?"`` for a variable one); None if there is none."""
    tokens = list(_code_tokens(_unescape(sparql)))
    for index, (offset, token) in enumerate(tokens):
        if token.upper() != "SERVICE":
            continue
        if index and tokens[index - 1][1] in ("?", "$"):
            continue  # a variable named ?service
        rest = _unescape(sparql)[offset + len(token) :].lstrip()
        if rest[:6].upper() == "SILENT":
            rest = rest[6:].lstrip()
        target = re.match(r"<([^>]*)>|(\S+)", rest)
        return (target.group(1) or target.group(2)) if target else "?"
    return None


def check_query(sparql: str, *, allow_federation: bool = False) -> None:
    """Raise an InputError (in the user's language) if ``sparql`` would contact another server and federation is not allowed."""
    if allow_federation:
        return
    target = find_service(sparql)
    if target is not None:
        raise MessageError(("service refused", {"target": target}))


def decode_query(data: bytes, source: str) -> str:
    """Query bytes from a file or standard input as text: UTF-8, within the size limit, else one clear error."""
    if len(data) > limits.MAX_QUERY_BYTES:
        raise MessageError(("query too large", {"source": source, "limit": limits.MAX_QUERY_BYTES}))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MessageError(("not utf-8", {"source": source, "position": exc.start, "byte": repr(data[exc.start : exc.start + 1])})) from None
