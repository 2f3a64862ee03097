"""rdflib in-memory graph: the pure-Python embedded engine (rdflib is imported when one is made)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import limits
from ..errors import EngineError, first_line
from ..i18n import MessageError
from ..sparql.results import QueryResult
from .base import Capabilities, checked_query
from .rows import check_rows

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["RdflibEngine"]


class RdflibEngine:
    """rdflib in-memory graph: the pure-Python embedded engine.

    Files are parsed by Oxigraph through :mod:`gluteonto.formats.safe_read` (checked, never
    fetching anything) and copied into the graph; ``FROM`` never downloads a graph.
    """

    name = "rdflib"
    #: pure Python: one query for an exact label scans every label, so the label index is built instead
    capabilities = Capabilities(local_store=True, fast_label_match=False)
    allow_federation = False
    timeout: float | None = None
    max_rows = limits.MAX_ROWS

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    @classmethod
    def from_files(cls, files: Sequence[Path]) -> RdflibEngine:
        """A graph loaded with ``files``; a file that holds no triples is refused (see :meth:`OxigraphEngine.from_files`)."""
        from rdflib import Graph

        from ..formats.reading import no_triples, syntax_for
        from ..formats.safe_read import read_quads
        from ..terms import from_oxigraph, to_rdflib

        graph = Graph()
        for path in files:
            read = 0
            for quad in read_quads(path, syntax_for(path)):
                graph.add(tuple(to_rdflib(from_oxigraph(t)) for t in (quad.subject, quad.predicate, quad.object)))
                read += 1
            if not read:
                raise no_triples(path)
        return cls(graph)

    def triple_count(self) -> int:
        """Number of triples in the graph."""
        return len(self.graph)

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        """Run ``sparql`` with ``bindings`` bound as a VALUES row."""
        import rdflib.plugins.sparql as rdflib_sparql
        from rdflib import Graph

        sparql = checked_query(sparql, bindings, self.allow_federation)
        rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # FROM <iri> must never download anything
        try:
            result = self.graph.query(sparql)
            if result.type == "ASK":
                return QueryResult.from_boolean(bool(result.askAnswer))
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                graph = Graph()
                for count, triple in enumerate(result, 1):
                    check_rows(count, self.max_rows)
                    graph.add(triple)  # type: ignore[arg-type]
                return QueryResult.from_graph(graph)
            variables = [str(v) for v in result.vars or []]
            rows = []
            for count, row in enumerate(result, 1):
                check_rows(count, self.max_rows)
                rows.append(tuple(row[v] if v in row.labels else None for v in variables))  # type: ignore[union-attr,index,call-overload]
        except (KeyboardInterrupt, SystemExit, MemoryError, EngineError):
            raise
        except RecursionError:
            raise MessageError(("sparql nested", {})) from None
        except Exception as exc:  # noqa: BLE001 - rdflib raises parser- and evaluator-specific types, also while iterating
            raise MessageError(("sparql failed", {"detail": first_line(exc)})) from None
        return QueryResult(variables=variables, rows=rows)
