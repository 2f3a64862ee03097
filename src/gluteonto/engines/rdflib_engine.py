"""rdflib in-memory graph: the pure-Python embedded engine (rdflib is imported when one is made)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, first_line
from ..query.results import QueryResult
from ..query.sparqltext import inject_values

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["RdflibEngine"]


class RdflibEngine:
    """rdflib in-memory graph: the pure-Python embedded engine."""

    name = "rdflib"

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    @classmethod
    def from_files(cls, files: Sequence[Path]) -> RdflibEngine:
        """A graph loaded with ``files``."""
        from rdflib import Graph

        from ..formats.reading import reading_rdf, syntax_for

        graph = Graph()
        for path in files:
            fmt = syntax_for(path).rdflib
            with reading_rdf(path, fmt, (Exception,)) as stream:  # rdflib raises many parser-specific types
                graph.parse(stream, format=fmt)
        return cls(graph)

    def triple_count(self) -> int:
        """Number of triples in the graph."""
        return len(self.graph)

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        """Run ``sparql`` with ``bindings`` bound as a VALUES row."""
        if bindings:
            sparql = inject_values(sparql, bindings)
        try:
            result = self.graph.query(sparql)
        except Exception as exc:
            raise InputError(f"SPARQL query failed: {first_line(exc)}") from None
        if result.type == "ASK":
            return QueryResult.from_boolean(bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            from rdflib import Graph

            graph = Graph()
            for triple in result:
                assert isinstance(triple, tuple) and len(triple) == 3
                graph.add((triple[0], triple[1], triple[2]))
            return QueryResult.from_graph(graph)
        variables = [str(v) for v in result.vars or []]
        from rdflib.query import ResultRow

        rows: list[tuple[Node | None, ...]] = []
        for row in result:
            assert isinstance(row, ResultRow)
            rows.append(tuple(row[v] if v in row.labels else None for v in variables))
        return QueryResult(variables=variables, rows=rows)
