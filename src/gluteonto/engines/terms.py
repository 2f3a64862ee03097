"""Convert RDF terms from pyoxigraph and from SPARQL JSON results into rdflib terms.

>>> term_from_json({"type": "literal", "value": "L5"})
rdflib.term.Literal('L5')
>>> term_from_json({"type": "literal", "value": "hofte", "xml:lang": "nb"}).language
'nb'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..errors import EngineError

__all__ = ["check_rows", "from_oxigraph", "term_from_json"]


def from_oxigraph(term: Any) -> Node | None:
    """An rdflib term for a pyoxigraph term (None stays None: an unbound variable)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise EngineError(f"unsupported RDF term from Oxigraph: {term!r}")


def term_from_json(cell: Any, where: str = "the endpoint") -> Node | None:
    """An rdflib term for one binding of a W3C SPARQL JSON result (None: unbound); EngineError if malformed."""
    if cell is None:
        return None
    if not isinstance(cell, Mapping) or not isinstance(cell.get("value"), str) or not isinstance(cell.get("type"), str):
        raise EngineError(f"{where} sent a malformed binding (no type or value): {json.dumps(cell)[:80]}")
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind not in ("literal", "typed-literal"):
        raise EngineError(f"{where} sent a binding of unknown type {kind!r}")
    if isinstance(cell.get("xml:lang"), str):
        return Literal(value, lang=cell["xml:lang"])
    datatype = cell.get("datatype")
    if isinstance(datatype, str) and datatype != str(XSD.string):
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


def check_rows(count: int, max_rows: int) -> None:
    """Refuse an answer that has grown past ``max_rows`` rows (or triples)."""
    if count > max_rows:
        raise EngineError(f"the query returns more than {max_rows:,} rows; refused (add a LIMIT)")
