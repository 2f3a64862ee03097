"""A remote SPARQL 1.1 endpoint reached over the SPARQL protocol (HTTP POST)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..errors import EngineError, InputError, first_line
from ..query.results import QueryResult
from ..query.sparqltext import inject_values, query_form
from ..terms import term_from_json

__all__ = ["EndpointEngine"]


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

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        if bindings:
            sparql = inject_values(sparql, bindings)
        form = query_form(sparql)
        if form in ("CONSTRUCT", "DESCRIBE"):
            from rdflib import Graph

            graph = Graph()
            try:
                graph.parse(data=self._post(sparql, "application/n-triples"), format="nt")
            except Exception as exc:
                raise EngineError(f"endpoint {self.url} sent an unreadable graph: {first_line(exc)}") from None
            return QueryResult.from_graph(graph)
        raw = self._post(sparql, "application/sparql-results+json")
        try:
            payload = json.loads(raw)
        except ValueError:
            raise EngineError(f"endpoint {self.url} did not answer with SPARQL JSON results") from None
        if "boolean" in payload:
            return QueryResult.from_boolean(bool(payload["boolean"]))
        variables = list(payload["head"].get("vars", []))
        cells = [tuple(term_from_json(b.get(v)) for v in variables) for b in payload["results"]["bindings"]]
        return QueryResult(variables, cells=cells)
