"""Checks on SPARQL text before any engine runs it: no federation unless the user asks for it.

A ``SERVICE`` clause makes the engine send a request to another server — from the user's
machine, or from the host of ``gluteonto serve`` on behalf of whoever reaches it. It is refused
unless federation is allowed explicitly (``--allow-federation``).

The decision is a parser's, not a text scanner's: a scanner has to agree with the engine on every
escape (``ex:a\\#``, ``'''a\\''''``…) and one disagreement lets a SERVICE through. SPARQL keywords
can only be written with their letters (after the ``\\u`` escapes every parser applies first), so a
query whose text never spells ``service`` in any case has no SERVICE clause, and is let through
without parsing. Any other query is parsed by the SPARQL 1.1 grammar (rdflib's parser, the same
whatever engine then runs it) and refused if its parse tree holds a SERVICE pattern — or if it
cannot be parsed at all, since then nobody can say what it would do.

>>> find_service("SELECT * WHERE { ?s ?p ?o }") is None
True
>>> find_service("SELECT * WHERE { ?service ?p ?o }") is None
True
>>> find_service("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
'http://x/sparql'
>>> find_service("SELECT * WHERE { BIND('''a\\\\'''' AS ?q) SERVICE <http://x/s> { ?s ?p ?o } }")
'http://x/s'
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import limits
from ..i18n import MessageError

__all__ = ["check_query", "decode_query", "find_service", "mentions_service", "read_query", "unescape"]

#: SPARQL's code point escapes (compiled on first use, by :mod:`re`'s cache: most queries hold none)
_ESCAPE = r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})"
#: what :func:`find_service` returns for a query it cannot parse (and so cannot clear)
UNCHECKABLE = "?"


def unescape(text: str) -> str:
    """Apply SPARQL's code point escapes to the whole text, as parsers do before tokenising."""

    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code < 0x110000 else match.group(0)

    return re.sub(_ESCAPE, replace, text) if "\\" in text else text


def mentions_service(sparql: str) -> bool:
    """True if ``sparql`` spells the word ``service`` anywhere, in any case, escapes applied (a cheap pre-check).

    >>> mentions_service("ASK { ?s ?p ?o }"), mentions_service("ASK { \\\\u0053ervice <x> {} }")
    (False, True)
    """
    text = unescape(sparql)
    return "service" in text.casefold() or "SERVICE" in text.upper()


def _service_targets(tree: Any) -> list[str]:
    """Targets of the SERVICE patterns in an rdflib parse tree (``?name`` for a variable one)."""
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import URIRef, Variable

    found: list[str] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                term = node.get("term")
                found.append(str(term) if isinstance(term, URIRef) else f"?{term}" if isinstance(term, Variable) else UNCHECKABLE)
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or hasattr(node, "as_list"):
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
    return found


def _inspect(sparql: str) -> tuple[str | None, str]:
    """(SERVICE target or None or ``?``, why the text could not be parsed) — see :func:`find_service`."""
    if not mentions_service(sparql):
        return None, ""
    from rdflib.plugins.sparql.parser import parseQuery

    from ..errors import first_line

    try:
        # Line ends as SPARQL has them: a comment ends at CR too, which rdflib's own comment rule does not see.
        tree = parseQuery(sparql.replace("\r", "\n"))
    except (KeyboardInterrupt, MemoryError):
        raise
    except RecursionError:
        return UNCHECKABLE, "nested too deeply"
    except Exception as exc:  # noqa: BLE001 - a syntax error: what the query would do is not known
        return UNCHECKABLE, first_line(exc)
    targets = _service_targets(tree)
    return (targets[0] if targets else None), ""


_inspect_cached = lru_cache(maxsize=128)(_inspect)


def _inspected(sparql: str) -> tuple[str | None, str]:
    return _inspect_cached(sparql) if len(sparql) <= 64 * 1024 else _inspect(sparql)


def find_service(sparql: str) -> str | None:
    """The target of a SERVICE clause in ``sparql`` (``?name`` for a variable one, ``?`` for text that cannot be
    parsed, which is not cleared either); None if it has none."""
    return _inspected(sparql)[0]


def check_query(sparql: str, *, allow_federation: bool = False) -> None:
    """Raise an InputError (in the user's language) if ``sparql`` would contact another server and federation is not allowed.

    Text with a lone surrogate (``\\uD800``: half of a UTF-16 pair, not a character) is refused too.
    """
    text = unescape(sparql)
    try:
        text.encode("utf-8")  # UTF-8 refuses exactly the surrogate code points
    except UnicodeEncodeError as exc:
        raise MessageError(("query surrogate", {"escape": f"\\u{ord(text[exc.start]):04X}"})) from None
    if allow_federation:
        return
    target, problem = _inspected(sparql)
    if target == UNCHECKABLE:
        raise MessageError(("service unchecked", {"reason": problem}))
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


def read_query(source: str) -> str:
    """The query in the file ``source`` (a regular file: a FIFO or device would block), or on standard input for ``-``."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise MessageError(("stdin closed", {}))
        try:
            data = stream.read(limits.MAX_QUERY_BYTES + 1)
        except (OSError, ValueError):
            raise MessageError(("stdin closed", {})) from None
        return decode_query(data, "<stdin>")
    from ..formats.safe_read import check_regular_file

    path = check_regular_file(Path(source))
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.MAX_QUERY_BYTES + 1)
    except OSError as exc:
        raise MessageError(("file unreadable", {"path": path, "reason": exc.strerror or exc})) from None
    return decode_query(data, source)
