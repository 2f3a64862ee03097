"""Light RDF terms for the fast path: query answers without importing rdflib.

A :class:`Term` is an IRI, blank node or literal as plain data. Engines hand results over as
terms; :class:`~gluteonto.results.QueryResult` turns them into rdflib terms only when a caller
asks for ``rows``, so a command that only prints an answer never pays for importing rdflib.

>>> n3(Term("literal", 'say "hi"', lang="en"))
'"say \\\\"hi\\\\""@en'
>>> n3(iri("http://x/a"))
'<http://x/a>'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from .errors import InputError
from .i18n import EngineMessageError, MessageError

__all__ = [
    "XSD_STRING",
    "Term",
    "as_term",
    "from_oxigraph",
    "from_rdflib",
    "iri",
    "literal",
    "n3",
    "term_from_json",
    "to_rdflib",
]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
#: a BCP 47 language tag's shape (compiled on first use, by :mod:`re`'s cache: most bindings are IRIs)
_LANG_TAG = r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$"
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


class Term(NamedTuple):
    """An RDF term: ``kind`` is ``uri``, ``bnode`` or ``literal``."""

    kind: str
    value: str
    lang: str | None = None
    datatype: str | None = None


def iri(value: str) -> Term:
    """An IRI term."""
    return Term("uri", value)


def literal(value: str, lang: str | None = None, datatype: str | None = None) -> Term:
    """A literal, language-tagged or typed (``xsd:string`` is left implicit, as RDF 1.1 does)."""
    return Term("literal", value, lang or None, None if lang or datatype == XSD_STRING else datatype)


def from_oxigraph(term: Any) -> Term | None:
    """A pyoxigraph term as a :class:`Term` (None stays None)."""
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return Term("uri", term.value)
    if kind == "BlankNode":
        return Term("bnode", term.value)
    if kind == "Literal":
        return literal(term.value, term.language, term.datatype.value)
    raise InputError(f"unsupported RDF term from Oxigraph: {term!r}")


def term_from_json(cell: Any, where: str = "the endpoint") -> Term | None:
    """One binding of a W3C SPARQL JSON result as a :class:`Term` (None: unbound); EngineError (in the user's language) if malformed."""
    if cell is None:
        return None
    if not isinstance(cell, Mapping) or not isinstance(cell.get("value"), str) or not isinstance(cell.get("type"), str):
        import json

        raise EngineMessageError(("malformed binding", {"where": where, "detail": json.dumps(cell)[:80]}))
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return iri(value)
    if kind == "bnode":
        return Term("bnode", value)
    if kind not in ("literal", "typed-literal"):
        raise EngineMessageError(("binding type", {"where": where, "kind": kind}))
    lang = cell.get("xml:lang")
    datatype = cell.get("datatype")
    return literal(value, lang if isinstance(lang, str) else None, datatype if isinstance(datatype, str) else None)


def from_rdflib(term: Any) -> Term | None:
    """An rdflib term as a :class:`Term` (None stays None)."""
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "Literal":
        return literal(str(term), term.language, str(term.datatype) if term.datatype else None)
    if kind == "BNode":
        return Term("bnode", str(term))
    return Term("uri", str(term))


def as_term(term: Any) -> Term | None:
    """A :class:`Term` from a Term, an rdflib term or a pyoxigraph term."""
    if term is None or isinstance(term, Term):
        return term
    if type(term).__module__.startswith("pyoxigraph"):
        return from_oxigraph(term)
    return from_rdflib(term)


def to_rdflib(term: Term | None) -> Any:
    """The rdflib term for a :class:`Term` (imports rdflib)."""
    if term is None:
        return None
    from rdflib import BNode, Literal, URIRef

    if term.kind == "uri":
        return URIRef(term.value)
    if term.kind == "bnode":
        return BNode(term.value)
    if term.lang:
        return Literal(term.value, lang=term.lang)
    return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)


def n3(term: Any) -> str:
    """SPARQL/Turtle text of an IRI or literal, refusing anything that could break out of a VALUES block."""
    t = as_term(term)
    if t is None or t.kind == "bnode":
        raise InputError(f"parameters must be IRIs or literals, not {term!r}")
    if t.kind == "uri":
        if _IRI_FORBIDDEN.search(t.value):
            raise MessageError(("not an iri", {"value": t.value}))
        return f"<{t.value}>"
    quoted = '"' + "".join(_ESCAPES.get(ch, ch) for ch in t.value) + '"'
    if t.lang:
        if not re.match(_LANG_TAG, t.lang):
            raise MessageError(("not a language tag", {"value": t.lang}))
        return f"{quoted}@{t.lang}"
    if t.datatype:
        return f"{quoted}^^{n3(iri(t.datatype))}"
    return quoted
