"""RDF syntaxes: reading files of any common syntax, and the deterministic writers the releases use.

Names are loaded on first use: reading a file does not import the writers (and rdflib with them).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "RdfSyntax": ".reading",
    "open_rdf_stream": ".reading",
    "reading_rdf": ".reading",
    "syntax_for": ".reading",
    "to_jsonld": ".jsonld",
    "to_rdfxml": ".rdfxml",
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'gluteonto.formats' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name], __name__), name)
    globals()[name] = value
    return value


__all__ = ["RdfSyntax", "open_rdf_stream", "reading_rdf", "syntax_for", "to_jsonld", "to_rdfxml"]
