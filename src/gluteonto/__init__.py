"""gluteonto: an OWL ontology of the gluteus minimus, with SHACL shapes and packaged SPARQL queries.

Quick use::

    from gluteonto import Session
    session = Session()                       # the packaged ontology in Oxigraph (Session("rdflib") for rdflib)
    print(session.render(session.query("innervation"), lang="nb"))
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

#: public name → module that defines it; loaded on first use, so ``import gluteonto`` (and the
#: command line's start, where Ctrl-C must stay quiet) does not load rdflib and friends up front
_EXPORTS = {
    "Session": ".query.session",
    "QueryResult": ".query.results",
    "QuerySpec": ".query.catalog",
    "Param": ".query.catalog",
    "load_catalog": ".query.catalog",
    "Match": ".query.lookup",
    "LabelIndex": ".query.lookup",
    "normalize": ".query.lookup",
    "ENGINES": ".engines",
    "open_engine": ".engines",
    "GluteontoError": ".errors",
    "InputError": ".errors",
    "EngineError": ".errors",
    "CheckFailed": ".errors",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("gluteonto")
        except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
            value = "0+unknown"
    elif name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name], __name__), name)
    else:
        raise AttributeError(f"module 'gluteonto' has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = [
    "ENGINES",
    "CheckFailed",
    "EngineError",
    "GluteontoError",
    "InputError",
    "LabelIndex",
    "Match",
    "Param",
    "QueryResult",
    "QuerySpec",
    "Session",
    "__version__",
    "load_catalog",
    "normalize",
    "open_engine",
]
