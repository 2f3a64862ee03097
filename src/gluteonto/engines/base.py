"""What every query engine offers: the :class:`Engine` protocol."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..query.results import QueryResult

__all__ = ["Engine"]


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
