"""Small, careful helpers on SPARQL query text.

>>> query_form("PREFIX x: <http://x/> # comment\\nSELECT * WHERE { ?s ?p ?o }")
'SELECT'
>>> from rdflib import URIRef
>>> print(inject_values("SELECT ?s WHERE { ?s ?p ?o }", {"s": URIRef("http://x/a"), "p": URIRef("http://x/p")}))
SELECT ?s WHERE { VALUES ?s { <http://x/a> } VALUES ?p { <http://x/p> }
 ?s ?p ?o }
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..i18n import MessageError
from ..terms import n3

__all__ = ["inject_values", "names_dataset", "query_form", "serialize_term"]

_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_VAR_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _code_tokens(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, token) for the parts of ``text`` that are code, skipping comments, strings and IRIs."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif ch in "\"'":
            triple = text[i : i + 3]
            if triple in ('"""', "'''"):
                end = text.find(triple, i + 3)
                i = n if end < 0 else end + 3
            else:
                j = i + 1
                while j < n and text[j] != ch:
                    j += 2 if text[j] == "\\" else 1
                i = j + 1
        elif ch == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]):
            i = text.index(">", i) + 1
        elif ch.isalpha():
            j = i
            while j < n and (text[j].isalnum() or text[j] in "_:-"):
                j += 1
            yield i, text[i:j]
            i = j
        else:
            yield i, ch
            i += 1


def query_form(sparql: str) -> str:
    """Return SELECT, ASK, CONSTRUCT or DESCRIBE for a query; raise InputError if none is found."""
    for _offset, token in _code_tokens(sparql):
        if token.upper() in _FORMS:
            return token.upper()
    raise MessageError(("not sparql", {}))


def names_dataset(sparql: str) -> bool:
    """True if the query names its RDF dataset itself (``FROM`` or ``FROM NAMED``).

    >>> names_dataset("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }"), names_dataset("SELECT ?from WHERE { ?from <http://x/FROM> 'FROM' }")
    (True, False)
    """
    return any(token.upper() == "FROM" and (offset == 0 or sparql[offset - 1] not in "?$:") for offset, token in _code_tokens(sparql))


def serialize_term(term: Any) -> str:
    """Serialise an IRI or literal (rdflib, pyoxigraph or :class:`~gluteonto.terms.Term`) for a VALUES block,
    refusing anything that could break out of it."""
    return n3(term)


def inject_values(sparql: str, bindings: Mapping[str, Any]) -> str:
    """Bind ``bindings`` by inserting inline data at the start of the outermost WHERE group.

    Each parameter gets a VALUES block of its own (``VALUES ?a { x } VALUES ?b { y }``), which means
    the same as one row ``VALUES (?a ?b) { (x y) }``: Virtuoso 7.2 fails to compile a one-row VALUES
    with several variables ("SP031 … no SPART_VARR_FIXED"), see docs/design.md.
    """
    for name in bindings:
        if not _VAR_NAME.match(name):
            raise MessageError(("not a variable", {"name": name}))
    seen_where = False
    for offset, token in _code_tokens(sparql):
        if token.upper() == "WHERE":
            seen_where = True
        elif token == "{" and (seen_where or query_form(sparql) == "ASK"):
            block = " " + " ".join(f"VALUES ?{k} {{ {serialize_term(v)} }}" for k, v in bindings.items()) + "\n"
            return sparql[: offset + 1] + block + sparql[offset + 1 :]
    raise MessageError(("no where", {}))
