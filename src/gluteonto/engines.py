"""Query engines behind one small interface: pyoxigraph (default), rdflib, or a SPARQL 1.1 endpoint.

Every engine answers the same query text and returns a :class:`~gluteonto.results.QueryResult`
with rdflib terms, so answers can be compared across engines. Parameters are bound the same way
on every engine, as SPARQL inline data: one ``VALUES`` row at the head of the WHERE group, built
from RDF terms by a strict serialiser (never from the user's raw text), so embedded engines and
SPARQL servers see the same query and give the same answers.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

from typing import TYPE_CHECKING

from .errors import EngineError, InputError
from .resources import ontology_file
from .results import QueryResult
from .sparqltext import inject_values, query_form
from .terms import Term, from_oxigraph, iri, literal

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = [
    "Engine",
    "RdflibEngine",
    "OxigraphEngine",
    "EndpointEngine",
    "ENGINES",
    "open_engine",
    "rdf_format_for",
    "open_rdf_stream",
]

ENGINES = ("rdflib", "oxigraph")

#: file suffix → (rdflib format, pyoxigraph media type)
_SUFFIX_FORMATS: dict[str, tuple[str, str]] = {
    ".ttl": ("turtle", "text/turtle"),
    ".turtle": ("turtle", "text/turtle"),
    ".nt": ("nt", "application/n-triples"),
    ".ntriples": ("nt", "application/n-triples"),
    ".owl": ("xml", "application/rdf+xml"),
    ".rdf": ("xml", "application/rdf+xml"),
    ".xml": ("xml", "application/rdf+xml"),
    ".jsonld": ("json-ld", "application/ld+json"),
    ".json": ("json-ld", "application/ld+json"),
}


def rdf_format_for(path: Path) -> tuple[str, str]:
    """Return (rdflib format, media type) for an RDF file name, looking through ``.gz``."""
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes or suffixes[-1] not in _SUFFIX_FORMATS:
        raise InputError(
            f"{path}: cannot tell the RDF format from the file name "
            f"(use one of {', '.join(sorted(_SUFFIX_FORMATS))}, optionally with .gz)"
        )
    return _SUFFIX_FORMATS[suffixes[-1]]


def open_rdf_stream(path: Path) -> IO[bytes]:
    """Open an RDF file for reading, decompressing gzip transparently."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    handle = path.open("rb")
    if handle.read(2) == b"\x1f\x8b":
        handle.close()
        return gzip.open(path, "rb")  # type: ignore[return-value]
    handle.seek(0)
    return handle


@contextmanager
def reading_rdf(path: Path, what: str, errors: tuple[type[BaseException], ...]) -> Iterator[IO[bytes]]:
    """Open ``path`` for parsing; a parser failure of the given kinds becomes one clear InputError."""
    try:
        with open_rdf_stream(path) as stream:
            yield stream
    except InputError:
        raise
    except errors as exc:
        raise InputError(f"{path}: not readable as {what}: {_first_line(exc)}") from None


class Engine(Protocol):
    """What every engine offers."""

    name: str

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult: ...

    def triple_count(self) -> int: ...


# ---------------------------------------------------------------------------------------------
class RdflibEngine:
    """rdflib in-memory graph: the pure-Python embedded engine."""

    name = "rdflib"

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    @classmethod
    def from_files(cls, files: Sequence[Path]) -> RdflibEngine:
        from rdflib import Graph

        graph = Graph()
        for path in files:
            fmt, _ = rdf_format_for(path)
            with reading_rdf(path, fmt, (Exception,)) as stream:  # rdflib raises many parser-specific types
                graph.parse(stream, format=fmt)
        return cls(graph)

    def triple_count(self) -> int:
        return len(self.graph)

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        if bindings:
            sparql = inject_values(sparql, bindings)
        try:
            result = self.graph.query(sparql)
        except Exception as exc:
            raise InputError(f"SPARQL query failed: {_first_line(exc)}") from None
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


# ---------------------------------------------------------------------------------------------
class OxigraphEngine:
    """pyoxigraph (Rust) store: the default embedded engine, also used for FMA-sized data."""

    name = "oxigraph"

    def __init__(self, store: Any = None) -> None:
        import pyoxigraph as ox

        self.store = store if store is not None else ox.Store()

    @classmethod
    def from_files(cls, files: Sequence[Path], packaged: Path | None = None) -> OxigraphEngine:
        """A store with ``packaged`` (a trusted release file, parsed natively in one call) and ``files``."""
        engine = cls()
        if packaged is not None:
            engine.load_trusted(packaged)
        for path in files:
            engine.load(path)
        return engine

    def load_trusted(self, path: Path) -> None:
        """Load a packaged release file straight into the store (its blank node labels are kept;
        files added with :meth:`load` get fresh ones, so they never meet)."""
        import pyoxigraph as ox

        _fmt, media_type = rdf_format_for(path)
        self.store.load(path=str(path), format=ox.RdfFormat.from_media_type(media_type))

    def load(self, path: Path, progress: Callable[[int], None] | None = None, chunk: int = 200_000) -> int:
        """Stream one RDF file (gzip allowed) into the store; return the number of triples read.

        Blank nodes are renamed on the way in, so files loaded side by side never share one by
        accident. ``progress`` is called with the running count after every ``chunk`` triples.
        """
        _fmt, media_type = rdf_format_for(path)
        import pyoxigraph as ox

        count = 0
        with reading_rdf(path, media_type, (SyntaxError, ValueError, OSError, EOFError)) as stream:
            batch: list[Any] = []
            for quad in ox.parse(stream, format=ox.RdfFormat.from_media_type(media_type), rename_blank_nodes=True):
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
        return len(self.store)

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        import pyoxigraph as ox

        if bindings:
            sparql = inject_values(sparql, bindings)
        try:
            result = self.store.query(sparql)
        except SyntaxError as exc:
            raise InputError(f"SPARQL query failed: {_first_line(exc)}") from None
        except OSError as exc:
            raise EngineError(f"Oxigraph failed: {_first_line(exc)}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult.from_boolean(bool(result))
        if isinstance(result, ox.QueryTriples):
            from rdflib import Graph

            from .terms import to_rdflib

            graph = Graph()
            for triple in result:
                graph.add(tuple(to_rdflib(from_oxigraph(t)) for t in (triple.subject, triple.predicate, triple.object)))  # type: ignore[arg-type]
            return QueryResult.from_graph(graph)
        variables = [v.value for v in result.variables]
        cells = [tuple(from_oxigraph(solution[v]) for v in variables) for solution in result]
        return QueryResult(variables, cells=cells)


# ---------------------------------------------------------------------------------------------
def _term_from_json(cell: Mapping[str, str] | None) -> Term | None:
    if cell is None:
        return None
    kind = cell["type"]
    if kind == "uri":
        return iri(cell["value"])
    if kind == "bnode":
        return Term("bnode", cell["value"])
    return literal(cell["value"], cell.get("xml:lang"), cell.get("datatype"))


class EndpointEngine:
    """A remote SPARQL 1.1 endpoint reached over the SPARQL protocol (HTTP POST)."""

    name = "endpoint"

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        import urllib.parse

        parsed = urllib.parse.urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise InputError(f"{url!r} is not an http(s) SPARQL endpoint URL")
        self.url = url
        self.timeout = timeout

    def _post(self, sparql: str, accept: str) -> bytes:
        import urllib.error
        import urllib.parse
        import urllib.request

        data = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        request = urllib.request.Request(
            self.url, data=data, headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http/https checked)
                return response.read()
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace").strip().splitlines()
            detail = body[0] if body else exc.reason
            raise EngineError(f"endpoint {self.url} answered HTTP {exc.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EngineError(f"cannot reach SPARQL endpoint {self.url}: {reason}") from None

    def triple_count(self) -> int:
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(result.rows[0][0]) if result.rows else 0  # type: ignore[arg-type]

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        if bindings:
            sparql = inject_values(sparql, bindings)
        form = query_form(sparql)
        if form in ("CONSTRUCT", "DESCRIBE"):
            from rdflib import Graph

            graph = Graph()
            try:
                graph.parse(data=self._post(sparql, "application/n-triples"), format="nt")
            except Exception as exc:
                raise EngineError(f"endpoint {self.url} sent an unreadable graph: {_first_line(exc)}") from None
            return QueryResult.from_graph(graph)
        raw = self._post(sparql, "application/sparql-results+json")
        try:
            payload = json.loads(raw)
        except ValueError:
            raise EngineError(f"endpoint {self.url} did not answer with SPARQL JSON results") from None
        if "boolean" in payload:
            return QueryResult.from_boolean(bool(payload["boolean"]))
        variables = list(payload["head"].get("vars", []))
        cells = [tuple(_term_from_json(b.get(v)) for v in variables) for b in payload["results"]["bindings"]]
        return QueryResult(variables, cells=cells)


# ---------------------------------------------------------------------------------------------
def open_engine(
    engine: str = "oxigraph",
    data: Iterable[Path] = (),
    *,
    include_ontology: bool = True,
    endpoint: str | None = None,
) -> Engine:
    """Open a query engine loaded with the packaged ontology and any extra RDF files.

    ``endpoint`` selects a remote SPARQL 1.1 server instead (its data is whatever it serves).
    """
    if endpoint:
        return EndpointEngine(endpoint)
    files = ([ontology_file("ttl")] if include_ontology else []) + [Path(p) for p in data]
    if engine == "rdflib":
        return RdflibEngine.from_files(files)
    if engine == "oxigraph":
        return OxigraphEngine.from_files(files[1:] if include_ontology else files,
                                         packaged=files[0] if include_ontology else None)
    raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
