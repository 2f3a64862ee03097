"""gluteonto: an OWL ontology of the gluteus minimus, with SHACL shapes and packaged SPARQL queries.

Quick use::

    from gluteonto import Session
    session = Session()                       # the packaged ontology in rdflib
    print(session.render(session.query("innervation"), lang="nb"))
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .engines import ENGINES, open_engine
from .errors import CheckFailed, EngineError, GluteontoError, InputError
from .query.catalog import Param, QuerySpec, load_catalog
from .query.lookup import LabelIndex, Match, normalize
from .query.results import QueryResult
from .query.session import Session

try:
    __version__ = version("gluteonto")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"

__all__ = [
    "__version__",
    "Session",
    "QueryResult",
    "QuerySpec",
    "Param",
    "Match",
    "LabelIndex",
    "ENGINES",
    "open_engine",
    "load_catalog",
    "normalize",
    "GluteontoError",
    "InputError",
    "EngineError",
    "CheckFailed",
]
