"""gluteonto: an OWL ontology of the gluteus minimus, with SHACL shapes and packaged SPARQL queries.

Quick use::

    from gluteonto import Session
    session = Session()                       # the packaged ontology in Oxigraph (Session("rdflib") for rdflib)
    print(session.render(session.query("innervation"), lang="nb"))
"""

from __future__ import annotations

from .lazy import lazy_getattr

TYPE_CHECKING = False  # not typing's: importing typing would slow every command's start
if TYPE_CHECKING:  # what type checkers see; at run time each name is loaded on first use (below)
    from .engines import ENGINES, open_engine
    from .errors import EngineError, GluteontoError, InputError
    from .query.catalog import Param, QuerySpec, load_catalog
    from .query.lookup import LabelIndex, Match, normalize
    from .query.session import Session
    from .sparql.results import QueryResult

#: public name → module that defines it; loaded on first use, so ``import gluteonto`` (and the
#: command line's start, where Ctrl-C must stay quiet) does not load rdflib and friends up front
_EXPORTS = {
    "Session": ".query.session",
    "QueryResult": ".sparql.results",
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
}


def _version() -> str:
    from .version import package_version

    return package_version()


__getattr__ = lazy_getattr(globals(), _EXPORTS, {"__version__": _version})


__all__ = [
    "ENGINES",
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
