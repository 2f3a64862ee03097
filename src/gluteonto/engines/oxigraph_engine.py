"""pyoxigraph (Rust) store: the default embedded engine, also used for FMA-sized data.

Answers come back as light :class:`~gluteonto.terms.Term` values, so printing one never imports
rdflib; the packaged ontology is parsed natively in one call.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import limits
from ..errors import GluteontoError, first_line
from ..i18n import EngineMessageError, MessageError
from ..resources import ontology_file
from ..sparql.results import QueryResult
from ..terms import from_oxigraph
from .base import Capabilities, checked_query
from .rows import check_rows

__all__ = ["OxigraphEngine"]


class OxigraphEngine:
    """pyoxigraph (Rust) store: the default embedded engine, also used for FMA-sized data."""

    name = "oxigraph"
    capabilities = Capabilities(local_store=True)
    allow_federation = False
    timeout: float | None = None
    max_rows = limits.MAX_ROWS

    def __init__(self, store: Any = None) -> None:
        import pyoxigraph as ox

        self.store = store if store is not None else ox.Store()

    @classmethod
    def from_files(cls, files: Sequence[Path]) -> OxigraphEngine:
        """A store holding ``files``; the packaged ontology among them is parsed natively in one call.

        A file that holds no triples is refused: it was most likely not the file meant.
        """
        engine = cls()
        packaged = ontology_file("ttl", international=True)
        for path in files:
            if Path(path) == packaged:
                engine.load_packaged(packaged)
            elif not engine.load(path):
                from ..formats.reading import no_triples  # only here: the packaged release alone needs no reader

                raise no_triples(path)
        return engine

    def load_packaged(self, path: Path) -> None:
        """Load a packaged Turtle release straight into the store (its blank node labels are kept;
        files added with :meth:`load` get fresh ones, so the two never meet). The release is the project's own
        file, checked when it is built, so the parser skips re-validating IRIs and language tags (``lenient``)."""
        import pyoxigraph as ox

        self.store.load(path=str(path), format=ox.RdfFormat.TURTLE, lenient=True)

    def load(self, path: Path, progress: Callable[[int], None] | None = None, chunk: int = 200_000) -> int:
        """Stream one RDF file (gzip allowed) into the store; return the number of triples read.

        The file is read by :func:`~gluteonto.formats.safe_read.read_quads` (checked, no network).
        Blank nodes are renamed on the way in, so files loaded side by side never share one by
        accident. ``progress`` is called with the running count after every ``chunk`` triples.
        """
        from ..formats.reading import syntax_for
        from ..formats.safe_read import read_quads

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
            raise MessageError(("cannot store", {"path": path, "engine": "Oxigraph", "detail": first_line(exc)})) from None

    def triple_count(self) -> int:
        """Number of triples in the store."""
        return len(self.store)

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        """Run ``sparql`` with ``bindings`` bound as a VALUES row."""
        import pyoxigraph as ox

        sparql = checked_query(sparql, bindings, self.allow_federation)
        try:
            result = self.store.query(sparql)
            if isinstance(result, ox.QueryBoolean):
                return QueryResult.from_boolean(bool(result))
            if isinstance(result, ox.QueryTriples):
                from rdflib import Graph

                from ..terms import to_rdflib

                graph = Graph()
                for count, triple in enumerate(result, 1):
                    check_rows(count, self.max_rows)
                    graph.add(tuple(to_rdflib(from_oxigraph(t)) for t in (triple.subject, triple.predicate, triple.object)))
                return QueryResult.from_graph(graph)
            variables = [v.value for v in result.variables]
            cells = []
            for count, solution in enumerate(result, 1):
                check_rows(count, self.max_rows)
                cells.append(tuple(from_oxigraph(solution[v]) for v in variables))
        except (KeyboardInterrupt, SystemExit, GluteontoError):
            raise
        except SyntaxError as exc:
            raise MessageError(("sparql failed", {"detail": first_line(exc)})) from None
        except BaseException as exc:  # noqa: BLE001 - evaluation errors (and Rust panics) surface here
            raise EngineMessageError(("sparql failed on", {"engine": "Oxigraph", "detail": first_line(exc)})) from None
        return QueryResult(variables, cells=cells)
