"""pyoxigraph (Rust) store: the fast embedded engine, also used for FMA-sized data."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.term import Node

from .. import limits
from ..errors import EngineError, GluteontoError, InputError, first_line
from ..formats.reading import syntax_for
from ..formats.safe_read import read_quads
from ..query.guard import check_query
from ..query.results import QueryResult
from ..query.sparqltext import inject_values
from .terms import check_rows, from_oxigraph

__all__ = ["OxigraphEngine"]


class OxigraphEngine:
    """pyoxigraph (Rust) store: the fast embedded engine, also used for FMA-sized data."""

    name = "oxigraph"
    allow_federation = False
    max_rows = limits.MAX_ROWS

    def __init__(self, store: Any = None) -> None:
        import pyoxigraph as ox

        self.store = store if store is not None else ox.Store()

    @classmethod
    def from_files(cls, files: Sequence[Path]) -> OxigraphEngine:
        engine = cls()
        for path in files:
            engine.load(path)
        return engine

    def load(self, path: Path, progress: Callable[[int], None] | None = None, chunk: int = 200_000) -> int:
        """Stream one RDF file (gzip allowed) into the store; return the number of triples read.

        The file is read by :func:`~gluteonto.formats.safe_read.read_quads` (checked, no network).
        Blank nodes are renamed on the way in, so files loaded side by side never share one by
        accident. ``progress`` is called with the running count after every ``chunk`` triples.
        """
        count = 0
        batch: list[Any] = []
        for quad in read_quads(path, syntax_for(path)):
            batch.append(quad)
            if len(batch) >= chunk:
                self._extend(batch, path)
                count += len(batch)
                batch = []
                if progress:
                    progress(count)
        if batch:
            self._extend(batch, path)
            count += len(batch)
        return count

    def _extend(self, batch: list[Any], path: Path) -> None:
        try:
            self.store.bulk_extend(batch)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - a Rust panic is a BaseException
            raise InputError(f"{path}: Oxigraph cannot store it: {first_line(exc)}") from None

    def triple_count(self) -> int:
        return len(self.store)

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        import pyoxigraph as ox

        check_query(sparql, allow_federation=self.allow_federation)
        if bindings:
            sparql = inject_values(sparql, bindings)
        try:
            result = self.store.query(sparql)
            if isinstance(result, ox.QueryBoolean):
                return QueryResult.from_boolean(bool(result))
            if isinstance(result, ox.QueryTriples):
                graph = Graph()
                for count, triple in enumerate(result, 1):
                    check_rows(count, self.max_rows)
                    graph.add((from_oxigraph(triple.subject), from_oxigraph(triple.predicate), from_oxigraph(triple.object)))  # type: ignore[arg-type]
                return QueryResult.from_graph(graph)
            variables = [v.value for v in result.variables]
            rows = []
            for count, solution in enumerate(result, 1):
                check_rows(count, self.max_rows)
                rows.append(tuple(from_oxigraph(solution[v]) for v in variables))
        except (KeyboardInterrupt, SystemExit, GluteontoError):
            raise
        except SyntaxError as exc:
            raise InputError(f"SPARQL query failed: {first_line(exc)}") from None
        except BaseException as exc:  # noqa: BLE001 - evaluation errors (and Rust panics) surface here
            raise EngineError(f"SPARQL query failed on Oxigraph: {first_line(exc)}") from None
        return QueryResult(variables=variables, rows=rows)
