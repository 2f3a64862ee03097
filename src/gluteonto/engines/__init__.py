"""Query engines behind one small interface: pyoxigraph (default), rdflib, or a SPARQL 1.1 endpoint.

Every engine answers the same query text and returns a :class:`~gluteonto.sparql.results.QueryResult`
(rdflib terms in ``rows``, light terms in ``cells``), so answers can be compared across engines.
Parameters are bound the same way
on every engine, as SPARQL inline data: one ``VALUES`` row at the head of the WHERE group, built
from RDF terms by a strict serialiser (never from the user's raw text), so embedded engines and
SPARQL servers see the same query and give the same answers.

Embedded engines are registered in :data:`ENGINES` (name → factory taking the RDF files to load);
adding one is a module with a class offering :class:`Engine` (with the :class:`Capabilities` it has)
plus one entry here.

>>> list(ENGINES)
['oxigraph', 'rdflib']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import MessageError
from ..lazy import lazy_getattr
from ..resources import ontology_file
from .base import Capabilities, Engine

if TYPE_CHECKING:
    from .endpoint import EndpointEngine
    from .oxigraph_engine import OxigraphEngine
    from .rdflib_engine import RdflibEngine

#: the engine classes, each imported on first use (a command pays only for the engine it runs)
__getattr__ = lazy_getattr(globals(), {"EndpointEngine": ".endpoint", "OxigraphEngine": ".oxigraph_engine", "RdflibEngine": ".rdflib_engine"})

__all__ = ["DEFAULT_ENGINE", "ENGINES", "Capabilities", "EndpointEngine", "Engine", "EngineFactory", "OxigraphEngine", "RdflibEngine", "open_engine"]

#: Builds an embedded engine loaded with the given RDF files.
EngineFactory = Callable[[Sequence[Path]], Engine]


#: Embedded engines by the name the CLI and :class:`~gluteonto.query.session.Session` accept.
def _oxigraph(files: Sequence[Path]) -> Engine:
    from .oxigraph_engine import OxigraphEngine

    return OxigraphEngine.from_files(files)


def _rdflib(files: Sequence[Path]) -> Engine:
    from .rdflib_engine import RdflibEngine

    return RdflibEngine.from_files(files)


ENGINES: dict[str, EngineFactory] = {
    "oxigraph": _oxigraph,
    "rdflib": _rdflib,
}
#: the engine a command uses unless told otherwise
DEFAULT_ENGINE = next(iter(ENGINES))


def open_engine(
    engine: str = "oxigraph",
    data: Iterable[Path] = (),
    *,
    include_ontology: bool = True,
    endpoint: str | None = None,
    endpoint_graphs: Sequence[str] = (),
    allow_federation: bool = False,
) -> Engine:
    """Open a query engine loaded with the packaged ontology and any extra RDF files.

    ``endpoint`` selects a remote SPARQL 1.1 server instead (its data is whatever it serves), queried
    on the graphs ``endpoint_graphs`` (the protocol's ``default-graph-uri``) when given.
    ``allow_federation`` lets queries use SERVICE (refused otherwise, see :mod:`gluteonto.sparql.guard`).
    """
    opened: Engine
    if endpoint_graphs and not endpoint:
        raise MessageError(("graph needs endpoint", {}))
    if endpoint:
        from .endpoint import EndpointEngine

        opened = EndpointEngine(endpoint, default_graphs=endpoint_graphs)
    elif engine not in ENGINES:
        raise MessageError(("unknown engine", {"engine": engine, "known": ", ".join(ENGINES)}))
    else:
        files = ([ontology_file("ttl", international=True)] if include_ontology else []) + [Path(p) for p in data]
        opened = ENGINES[engine](files)
    opened.allow_federation = allow_federation
    return opened
