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

__all__ = ["RdflibEngine"]


class RdflibEngine:
    """rdflib in-memory graph: the pure-Python embedded engine."""

    name = "rdflib"

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    @classmethod
    def from_files(cls, files: Sequence[Path]) -> RdflibEngine:
        from rdflib import Graph

        from ..formats.reading import reading_rdf, syntax_for

        graph = Graph()
        for path in files:
            fmt = syntax_for(path).rdflib
            with reading_rdf(path, fmt, (Exception,)) as stream:  # rdflib raises many parser-specific types
                graph.parse(stream, format=fmt)
        return cls(graph)

    def triple_count(self) -> int:
        return len(self.graph)

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
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
                graph.add(triple)  # type: ignore[arg-type]
            return QueryResult.from_graph(graph)
        variables = [str(v) for v in result.vars or []]
        rows = [tuple(row[v] if v in row.labels else None for v in variables) for row in result]  # type: ignore[union-attr]
        return QueryResult(variables=variables, rows=rows)
