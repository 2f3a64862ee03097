"""Convert RDF terms from pyoxigraph and from SPARQL JSON results into rdflib terms.

>>> term_from_json({"type": "literal", "value": "L5"})
rdflib.term.Literal('L5')
>>> term_from_json({"type": "literal", "value": "hofte", "xml:lang": "nb"}).language
'nb'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..errors import EngineError

__all__ = ["from_oxigraph", "term_from_json"]


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


def term_from_json(cell: Mapping[str, str] | None) -> Node | None:
    """An rdflib term for one binding of a W3C SPARQL JSON result (None: unbound)."""
    if cell is None:
        return None
    kind = cell["type"]
    if kind == "uri":
        return URIRef(cell["value"])
    if kind == "bnode":
        return BNode(cell["value"])
    if "xml:lang" in cell:
        return Literal(cell["value"], lang=cell["xml:lang"])
    datatype = cell.get("datatype")
    if datatype and datatype != str(XSD.string):
        return Literal(cell["value"], datatype=URIRef(datatype))
    return Literal(cell["value"])
