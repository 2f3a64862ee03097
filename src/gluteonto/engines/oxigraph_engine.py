"""pyoxigraph (Rust) store: the fast embedded engine, also used for FMA-sized data."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.term import Node

from ..errors import EngineError, InputError, first_line
from ..formats.reading import reading_rdf, syntax_for
from ..query.results import QueryResult
from ..query.sparqltext import inject_values
from .terms import from_oxigraph

__all__ = ["OxigraphEngine"]


class OxigraphEngine:
    """pyoxigraph (Rust) store: the fast embedded engine, also used for FMA-sized data."""

    name = "oxigraph"

    def __init__(self, store: Any = None) -> None:
        import pyoxigraph as ox

        self.store = store if store is not None else ox.Store()

    @classmethod
    def from_files(cls, files: Sequence[Path]) -> OxigraphEngine:
        """A store loaded with ``files``."""
        engine = cls()
        for path in files:
            engine.load(path)
        return engine

    def load(self, path: Path, progress: Callable[[int], None] | None = None, chunk: int = 200_000) -> int:
        """Stream one RDF file (gzip allowed) into the store; return the number of triples read.

        Blank nodes are renamed on the way in, so files loaded side by side never share one by
        accident. ``progress`` is called with the running count after every ``chunk`` triples.
        """
        syntax = syntax_for(path)
        import pyoxigraph as ox

        count = 0
        with reading_rdf(path, syntax.media_type, (SyntaxError, ValueError, OSError, EOFError)) as stream:
            batch: list[Any] = []
            for quad in ox.parse(stream, format=syntax.oxigraph, rename_blank_nodes=True):
                batch.append(quad)
                if len(batch) >= chunk:
                    self.store.bulk_extend(batch)
                    count += len(batch)
                    batch = []
                    if progress:
                        progress(count)
            if batch:
                self.store.bulk_extend(batch)
                count += len(batch)
        return count

    def triple_count(self) -> int:
        """Number of triples in the store."""
        return len(self.store)

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run ``sparql`` with ``bindings`` bound as a VALUES row."""
        import pyoxigraph as ox

        if bindings:
            sparql = inject_values(sparql, bindings)
        try:
            result = self.store.query(sparql)
        except SyntaxError as exc:
            raise InputError(f"SPARQL query failed: {first_line(exc)}") from None
        except OSError as exc:
            raise EngineError(f"Oxigraph failed: {first_line(exc)}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult.from_boolean(bool(result))
        if isinstance(result, ox.QueryTriples):
            graph = Graph()
            for triple in result:
                graph.add((from_oxigraph(triple.subject), from_oxigraph(triple.predicate), from_oxigraph(triple.object)))  # type: ignore[arg-type]
            return QueryResult.from_graph(graph)
        variables = [v.value for v in result.variables]
        rows = [tuple(from_oxigraph(solution[v]) for v in variables) for solution in result]
        return QueryResult(variables=variables, rows=rows)
