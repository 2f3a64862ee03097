"""A remote SPARQL 1.1 endpoint reached over the SPARQL protocol (HTTP POST).

``default_graphs`` are sent as the protocol's ``default-graph-uri`` parameters: the query then runs
on the merge of those graphs, as on a store (Virtuoso) whose default graph would otherwise be the
union of every graph it holds, its own system graphs included.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .. import limits
from ..errors import EngineError, first_line
from ..i18n import EngineMessageError, MessageError, os_reason
from ..sparql.results import QueryResult
from ..sparql.text import query_form
from ..terms import term_from_json
from .base import Capabilities, checked_query

__all__ = ["EndpointEngine", "results_from_json"]


def _opener() -> Any:
    """A urllib opener that follows redirects to http(s) URLs only (urllib would also follow ftp://)."""
    import urllib.parse
    import urllib.request

    class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            if urllib.parse.urlparse(newurl).scheme not in ("http", "https"):
                raise EngineMessageError(("endpoint redirect", {"url": req.full_url, "target": newurl}))
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(HttpOnlyRedirects)


def _read_timeout(response: Any, seconds: float) -> None:
    """Let the next read on ``response`` wait at most ``seconds`` (the socket is reached through http.client's reader)."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.001))


class EndpointEngine:
    """A remote SPARQL 1.1 endpoint reached over the SPARQL protocol (HTTP POST).

    Answers are capped in size (:data:`gluteonto.limits.ENDPOINT_MAX_BYTES`) and time, redirects
    go to http(s) only, and a malformed answer is one clear error.
    """

    name = "endpoint"
    #: a remote server: its own data, reached over HTTP; a query is stopped after ``timeout`` seconds
    capabilities = Capabilities(local_store=False, own_timeout=True)
    allow_federation = False

    def __init__(self, url: str, timeout: float = 30.0, max_bytes: int = limits.ENDPOINT_MAX_BYTES, default_graphs: Sequence[str] = ()) -> None:
        import urllib.parse

        try:
            parsed = urllib.parse.urlparse(url)
            parsed.port  # noqa: B018 - raises on a port that is not a number
        except ValueError as exc:
            raise MessageError(("endpoint url", {"url": url, "reason": first_line(exc)})) from None
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise MessageError(("endpoint not http", {"url": url}))
        self.url = url
        self.default_graphs = list(default_graphs)
        self.timeout: float | None = timeout
        self.max_bytes = max_bytes
        self._opener = _opener()

    def _post(self, sparql: str, accept: str) -> bytes:
        import http.client
        import time
        import urllib.error
        import urllib.parse
        import urllib.request

        form = [("query", sparql)] + [("default-graph-uri", graph) for graph in self.default_graphs]
        data = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(self.url, data=data, headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        timeout = self.timeout or 30.0
        deadline = time.monotonic() + timeout
        try:
            with self._opener.open(request, timeout=timeout) as response:
                chunks: list[bytes] = []
                size = 0
                while True:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise EngineMessageError(("endpoint slow", {"url": self.url, "seconds": timeout}))
                    _read_timeout(response, remaining)  # the whole answer within the time, not each read
                    chunk = response.read1(64 * 1024)
                    if not chunk:
                        return b"".join(chunks)
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise EngineMessageError(("endpoint too much", {"url": self.url, "limit": self.max_bytes}))
                    if time.monotonic() > deadline:
                        raise EngineMessageError(("endpoint slow", {"url": self.url, "seconds": timeout}))
                    chunks.append(chunk)
        except urllib.error.HTTPError as exc:
            body = exc.read(4096).decode("utf-8", "replace").strip().splitlines()
            detail = body[0][:200] if body else exc.reason
            raise EngineMessageError(("endpoint http", {"url": self.url, "code": exc.code, "detail": detail})) from None
        except TimeoutError:
            raise EngineMessageError(("endpoint slow", {"url": self.url, "seconds": timeout})) from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EngineMessageError(("endpoint unreachable", {"url": self.url, "reason": os_reason(reason)})) from None
        except http.client.HTTPException as exc:
            raise EngineMessageError(("endpoint protocol", {"url": self.url, "detail": first_line(exc)})) from None

    def triple_count(self) -> int:
        """Number of triples the endpoint serves."""
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(str(result.rows[0][0])) if result.rows else 0

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        """Run ``sparql`` on the endpoint with ``bindings`` bound as a VALUES row."""
        sparql = checked_query(sparql, bindings, self.allow_federation)
        form = query_form(sparql)
        where = f"endpoint {self.url}"
        if form in ("CONSTRUCT", "DESCRIBE"):
            from rdflib import Graph

            graph = Graph()
            try:
                graph.parse(data=self._post(sparql, "application/n-triples"), format="nt")
            except EngineError:
                raise
            except Exception as exc:  # noqa: BLE001 - any parser failure is the endpoint's fault
                raise EngineMessageError(("endpoint bad graph", {"where": where, "detail": first_line(exc)})) from None
            return QueryResult.from_graph(graph)
        return results_from_json(self._post(sparql, "application/sparql-results+json"), where)


def results_from_json(raw: bytes, where: str) -> QueryResult:
    """A W3C SPARQL 1.1 JSON results document (SELECT or ASK) from ``where`` (an endpoint) as a :class:`QueryResult`;
    EngineError (in the user's language) if malformed.

    >>> results_from_json(b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri", "value": "http://x/a"}}]}}', "test").cells
    [(Term(kind='uri', value='http://x/a', lang=None, datatype=None),)]
    """
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError):
        raise EngineMessageError(("endpoint not json", {"where": where})) from None
    if not isinstance(payload, dict):
        raise EngineMessageError(("endpoint not results", {"where": where}))
    if "boolean" in payload:
        if not isinstance(payload["boolean"], bool):
            raise EngineMessageError(("endpoint bad boolean", {"where": where}))
        return QueryResult.from_boolean(payload["boolean"])
    head, results = payload.get("head"), payload.get("results")
    bindings_list = results.get("bindings") if isinstance(results, dict) else None
    variables = head.get("vars", []) if isinstance(head, dict) else None
    if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables) or not isinstance(bindings_list, list):
        raise EngineMessageError(("endpoint no vars", {"where": where}))
    cells = []
    for binding in bindings_list:
        if not isinstance(binding, dict):
            raise EngineMessageError(("endpoint bad solution", {"where": where}))
        cells.append(tuple(term_from_json(binding.get(v), where) for v in variables))
    return QueryResult(list(variables), cells=cells)
