"""What every query engine offers: the :class:`Engine` protocol."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from rdflib.term import Node

from ..query.results import QueryResult

__all__ = ["Engine"]


class Engine(Protocol):
    """A store that answers SPARQL with :class:`~gluteonto.query.results.QueryResult` (rdflib terms)."""

    name: str

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run ``sparql`` with ``bindings`` bound as one inline VALUES row."""
        ...

    def triple_count(self) -> int:
        """Number of triples the engine holds."""
        ...
