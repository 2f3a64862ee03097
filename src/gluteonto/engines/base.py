"""What every query engine offers: the :class:`Engine` protocol."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from ..query.guard import check_query
from ..query.sparqltext import inject_values

if TYPE_CHECKING:
    from ..query.results import QueryResult

__all__ = ["Engine", "checked_query"]


class Engine(Protocol):
    """A store that answers SPARQL with a :class:`~gluteonto.query.results.QueryResult`.

    Bindings may be rdflib terms or light :class:`~gluteonto.terms.Term` values.
    """

    name: str

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
