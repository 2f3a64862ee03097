"""Query engines behind one small interface: rdflib (default), pyoxigraph, or a SPARQL 1.1 endpoint.

Every engine answers the same query text and returns a :class:`~gluteonto.results.QueryResult`
with rdflib terms, so answers can be compared across engines. Parameters are bound the same way
on every engine, as SPARQL inline data: one ``VALUES`` row at the head of the WHERE group, built
from RDF terms by a strict serialiser (never from the user's raw text), so embedded engines and
SPARQL servers see the same query and give the same answers.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from . import limits
from .errors import EngineError, GluteontoError, InputError
from .query_guard import check_query
from .resources import ontology_file
from .results import QueryResult
from .safe_read import first_line as _first_line
from .safe_read import open_input, read_quads
from .sparqltext import inject_values, query_form

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
    """Open an RDF file for reading, decompressing gzip transparently (see :mod:`gluteonto.safe_read`)."""
    return open_input(path)


class Engine(Protocol):
    """What every engine offers."""

    name: str

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult: ...

    def triple_count(self) -> int: ...


# ---------------------------------------------------------------------------------------------
class RdflibEngine:
    """rdflib in-memory graph: the default embedded engine."""

    name = "rdflib"
    allow_federation = False
    max_rows = limits.MAX_ROWS

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    @classmethod
    def from_files(cls, files: Sequence[Path]) -> RdflibEngine:
        """Files are parsed by Oxigraph (checked, never fetching anything) and copied into an rdflib graph."""
        graph = Graph()
        for path in files:
            _fmt, media_type = rdf_format_for(path)
            for quad in read_quads(path, media_type):
                graph.add((_ox_to_rdflib(quad.subject), _ox_to_rdflib(quad.predicate), _ox_to_rdflib(quad.object)))  # type: ignore[arg-type]
        return cls(graph)

    def triple_count(self) -> int:
        return len(self.graph)

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        import rdflib.plugins.sparql as rdflib_sparql

        check_query(sparql, allow_federation=self.allow_federation)
        if bindings:
            sparql = inject_values(sparql, bindings)
        rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # FROM <iri> must never download anything
        try:
            result = self.graph.query(sparql)
            if result.type == "ASK":
                return QueryResult.from_boolean(bool(result.askAnswer))
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                graph = Graph()
                for count, triple in enumerate(result, 1):
                    _check_rows(count, self.max_rows)
                    graph.add(triple)  # type: ignore[arg-type]
                return QueryResult.from_graph(graph)
            variables = [str(v) for v in result.vars or []]
            rows = []
            for count, row in enumerate(result, 1):
                _check_rows(count, self.max_rows)
                rows.append(tuple(row[v] if v in row.labels else None for v in variables))  # type: ignore[union-attr]
        except (KeyboardInterrupt, SystemExit, MemoryError, EngineError):
            raise
        except RecursionError:
            raise InputError("SPARQL query failed: the query is nested too deeply") from None
        except Exception as exc:  # rdflib raises parser- and evaluator-specific types
            raise InputError(f"SPARQL query failed: {_first_line(exc)}") from None
        return QueryResult(variables=variables, rows=rows)


# ---------------------------------------------------------------------------------------------
def _ox_to_rdflib(term: Any) -> Node | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise EngineError(f"unsupported RDF term from Oxigraph: {term!r}")


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

        Blank nodes are renamed on the way in, so files loaded side by side never share one by
        accident. ``progress`` is called with the running count after every ``chunk`` triples.
        """
        _fmt, media_type = rdf_format_for(path)
        count = 0
        batch: list[Any] = []
        for quad in read_quads(path, media_type):
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
            raise InputError(f"{path}: Oxigraph cannot store it: {_first_line(exc)}") from None

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
                    _check_rows(count, self.max_rows)
                    graph.add((_ox_to_rdflib(triple.subject), _ox_to_rdflib(triple.predicate), _ox_to_rdflib(triple.object)))  # type: ignore[arg-type]
                return QueryResult.from_graph(graph)
            variables = [v.value for v in result.variables]
            rows = []
            for count, solution in enumerate(result, 1):
                _check_rows(count, self.max_rows)
                rows.append(tuple(_ox_to_rdflib(solution[v]) for v in variables))
        except (KeyboardInterrupt, SystemExit, GluteontoError):
            raise
        except SyntaxError as exc:
            raise InputError(f"SPARQL query failed: {_first_line(exc)}") from None
        except BaseException as exc:  # noqa: BLE001 - evaluation errors (and Rust panics) surface here
            raise EngineError(f"SPARQL query failed on Oxigraph: {_first_line(exc)}") from None
        return QueryResult(variables=variables, rows=rows)


# ---------------------------------------------------------------------------------------------
def _term_from_json(cell: Any, where: str) -> Node | None:
    if cell is None:
        return None
    if not isinstance(cell, Mapping) or not isinstance(cell.get("value"), str) or not isinstance(cell.get("type"), str):
        raise EngineError(f"{where} sent a malformed binding (no type or value): {json.dumps(cell)[:80]}")
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind not in ("literal", "typed-literal"):
        raise EngineError(f"{where} sent a binding of unknown type {kind!r}")
    if isinstance(cell.get("xml:lang"), str):
        return Literal(value, lang=cell["xml:lang"])
    datatype = cell.get("datatype")
    if isinstance(datatype, str) and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) URLs only (urllib would also follow ftp://)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN201
        if urllib.parse.urlparse(newurl).scheme not in ("http", "https"):
            raise EngineError(f"SPARQL endpoint {req.full_url} redirected to {newurl!r}, which is not http(s); refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class EndpointEngine:
    """A remote SPARQL 1.1 endpoint reached over the SPARQL protocol (HTTP POST).

    Answers are capped in size (:data:`gluteonto.limits.ENDPOINT_MAX_BYTES`) and time, redirects
    go to http(s) only, and a malformed answer is one clear error.
    """

    name = "endpoint"
    allow_federation = False

    def __init__(self, url: str, timeout: float = 30.0, max_bytes: int = limits.ENDPOINT_MAX_BYTES) -> None:
        parsed = urllib.parse.urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise InputError(f"{url!r} is not an http(s) SPARQL endpoint URL")
        self.url = url
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects)

    def _post(self, sparql: str, accept: str) -> bytes:
        import time

        data = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        request = urllib.request.Request(
            self.url, data=data, headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        )
        deadline = time.monotonic() + self.timeout
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                chunks, size = [], 0
                while True:
                    chunk = response.read(64 * 1024)
                    if not chunk:
                        return b"".join(chunks)
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise EngineError(f"endpoint {self.url} sent more than {self.max_bytes:,} bytes; refused")
                    if time.monotonic() > deadline:
                        raise EngineError(f"endpoint {self.url} did not finish answering within {self.timeout:g} s")
                    chunks.append(chunk)
        except urllib.error.HTTPError as exc:
            body = exc.read(4096).decode("utf-8", "replace").strip().splitlines()
            detail = body[0][:200] if body else exc.reason
            raise EngineError(f"endpoint {self.url} answered HTTP {exc.code}: {detail}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EngineError(f"cannot reach SPARQL endpoint {self.url}: {reason}") from None
        except http.client.HTTPException as exc:
            raise EngineError(f"endpoint {self.url} broke the HTTP protocol: {_first_line(exc)}") from None

    def triple_count(self) -> int:
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(result.rows[0][0]) if result.rows else 0  # type: ignore[arg-type]

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        check_query(sparql, allow_federation=self.allow_federation)
        if bindings:
            sparql = inject_values(sparql, bindings)
        form = query_form(sparql)
        where = f"endpoint {self.url}"
        if form in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            try:
                graph.parse(data=self._post(sparql, "application/n-triples"), format="nt")
            except EngineError:
                raise
            except Exception as exc:
                raise EngineError(f"{where} sent an unreadable graph: {_first_line(exc)}") from None
            return QueryResult.from_graph(graph)
        raw = self._post(sparql, "application/sparql-results+json")
        try:
            payload = json.loads(raw)
        except (ValueError, RecursionError):
            raise EngineError(f"{where} did not answer with SPARQL JSON results") from None
        if not isinstance(payload, dict):
            raise EngineError(f"{where} sent JSON that is not a SPARQL results object")
        if "boolean" in payload:
            if not isinstance(payload["boolean"], bool):
                raise EngineError(f"{where} sent a boolean result that is not true or false")
            return QueryResult.from_boolean(payload["boolean"])
        head, results = payload.get("head"), payload.get("results")
        bindings_list = results.get("bindings") if isinstance(results, dict) else None
        variables = head.get("vars", []) if isinstance(head, dict) else None
        if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables) or not isinstance(bindings_list, list):
            raise EngineError(f"{where} sent JSON without the SPARQL results 'head.vars' and 'results.bindings'")
        rows = []
        for binding in bindings_list:
            if not isinstance(binding, dict):
                raise EngineError(f"{where} sent a solution that is not a JSON object")
            rows.append(tuple(_term_from_json(binding.get(v), where) for v in variables))
        return QueryResult(variables=list(variables), rows=rows)


# ---------------------------------------------------------------------------------------------
def open_engine(
    engine: str = "rdflib",
    data: Iterable[Path] = (),
    *,
    include_ontology: bool = True,
    endpoint: str | None = None,
    allow_federation: bool = False,
) -> Engine:
    """Open a query engine loaded with the packaged ontology and any extra RDF files.

    ``endpoint`` selects a remote SPARQL 1.1 server instead (its data is whatever it serves).
    """
    opened: Engine
    files = ([ontology_file("ttl")] if include_ontology else []) + [Path(p) for p in data]
    if endpoint:
        opened = EndpointEngine(endpoint)
    elif engine == "rdflib":
        opened = RdflibEngine.from_files(files)
    elif engine == "oxigraph":
        opened = OxigraphEngine.from_files(files)
    else:
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    opened.allow_federation = allow_federation  # type: ignore[misc]
    return opened


def _check_rows(count: int, max_rows: int) -> None:
    if count > max_rows:
        raise EngineError(f"the query returns more than {max_rows:,} rows; refused (add a LIMIT)")
