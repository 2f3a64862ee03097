"""What every query engine offers: the :class:`Engine` protocol, and the :class:`Capabilities` it declares.

Code above the engines asks an engine what it can do, never which one it is: whether its data is in
this process (so a label index can be built from it, and a query can be stopped by running it in a
forked child), whether it stops a query itself after a time, and whether one query over every label
is cheap on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..sparql.guard import check_query
from ..sparql.text import inject_values

if TYPE_CHECKING:
    from ..sparql.results import QueryResult

__all__ = ["Capabilities", "Engine", "checked_query"]


class Capabilities(NamedTuple):
    """What an engine can do, for the code that uses it (a named tuple: see :mod:`gluteonto.query.catalog`).

    ``local_store``: the data is held in this process, so a query can run in a forked child process that
    is stopped after a time (:mod:`gluteonto.isolate`) and a label index can be built from it; a remote
    endpoint serves data of its own and is reached over HTTP.
    ``own_timeout``: the engine stops a query itself after :attr:`Engine.timeout` seconds.
    ``fast_label_match``: a single query for an exact label is cheaper than building the label index
    (not so on a pure-Python engine, where that query scans every label).
    ``federation``: the engine can evaluate SERVICE (refused unless :attr:`Engine.allow_federation`).
    """

    local_store: bool
    own_timeout: bool = False
    fast_label_match: bool = True
    federation: bool = True


class Engine(Protocol):
    """A store that answers SPARQL with a :class:`~gluteonto.sparql.results.QueryResult`.

    Bindings may be rdflib terms or light :class:`~gluteonto.terms.Term` values.
    """

    #: the engine's registry name (for messages; code asks :attr:`capabilities` instead)
    name: str
    #: what the engine can do
    capabilities: Capabilities
    #: let queries use SERVICE (they are refused otherwise, see :mod:`gluteonto.sparql.guard`)
    allow_federation: bool
    #: seconds a query may take, for an engine with ``capabilities.own_timeout`` (None: its default)
    timeout: float | None

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        """Run ``sparql`` with ``bindings`` bound as one inline VALUES row."""
        ...

    def triple_count(self) -> int:
        """Number of triples the engine holds."""
        ...


def checked_query(sparql: str, bindings: Mapping[str, Any] | None, allow_federation: bool) -> str:
    """``sparql`` as an engine runs it: ``bindings`` bound as one VALUES row, then passed by the query guard."""
    final = inject_values(sparql, bindings) if bindings else sparql
    check_query(final, allow_federation=allow_federation)
    return final
