"""A read-only SPARQL 1.1 protocol endpoint for the ontology (``gluteonto serve``).

Queries arrive as ``GET /sparql?query=…`` or ``POST /sparql`` (form-encoded or
``application/sparql-query``); answers are SPARQL JSON/XML/CSV/TSV results or N-Triples/Turtle
graphs, chosen from the Accept header. Updates are refused: the server is read-only. It binds to
127.0.0.1 by default. Given a generated documentation site, it also serves the site's pages at ``/``.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ..engines import OxigraphEngine
from ..resources import ontology_file

__all__ = ["make_server"]

_MAX_BODY = 1_000_000
_RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
_GRAPH_TYPES = {"application/n-triples": "N_TRIPLES", "text/turtle": "TURTLE", "application/rdf+xml": "RDF_XML"}


def _choose(accept: str, table: dict[str, str], default: str) -> tuple[str, str]:
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return media, table[media]
    return default, table[default]


class _Handler(BaseHTTPRequestHandler):
    server_version = "gluteonto-sparql/1"
    store: Any = None
    site_dir: Path | None = None

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    def _answer(self, query: str | None) -> None:
        import pyoxigraph as ox

        if not query:
            self._send(400, b"missing 'query' parameter\n")
            return
        try:
            result = self.store.query(query)
        except SyntaxError as exc:
            self._send(400, f"SPARQL syntax error: {exc}\n".encode())
            return
        except OSError as exc:
            self._send(500, f"query failed: {exc}\n".encode())
            return
        accept = self.headers.get("Accept", "")
        if isinstance(result, ox.QueryTriples):
            media, name = _choose(accept, _GRAPH_TYPES, "application/n-triples")
            body = result.serialize(format=getattr(ox.RdfFormat, name))
        else:
            media, name = _choose(accept, _RESULT_TYPES, "application/sparql-results+json")
            body = result.serialize(format=getattr(ox.QueryResultsFormat, name))
        self._send(200, body or b"", media)

    def do_GET(self) -> None:
        parsed = urllib.parse.urlparse(self.path)
        params = urllib.parse.parse_qs(parsed.query)
        if self.site_dir is not None and parsed.path not in ("/sparql", "/query") and not ("/" == parsed.path and params):
            from ..site.serving import serve_site_file

            if not serve_site_file(self, self.site_dir, parsed.path):
                self._send(404, b"not found: see / for the documentation site and /sparql for the endpoint\n")
            return
        if parsed.path not in ("/sparql", "/query", "/"):
            self._send(404, b"not found: use /sparql\n")
            return
        if "update" in params:
            self._send(403, b"this endpoint is read-only\n")
            return
        self._answer((params.get("query") or [None])[0])

    def do_POST(self) -> None:
        if urllib.parse.urlparse(self.path).path not in ("/sparql", "/query", "/"):
            self._send(404, b"not found: use /sparql\n")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            self._send(413, b"query too large\n")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            self._send(403, b"this endpoint is read-only\n")
            return
        if content_type == "application/sparql-query":
            self._answer(body)
            return
        params = urllib.parse.parse_qs(body)
        if "update" in params:
            self._send(403, b"this endpoint is read-only\n")
            return
        self._answer((params.get("query") or [None])[0])


def make_server(host: str = "127.0.0.1", port: int = 7878, data: Sequence[Path] = (),
                site_dir: Path | None = None) -> ThreadingHTTPServer:
    """A ready (not yet serving) endpoint over the packaged ontology plus ``data`` files; port 0 picks a free port.

    With ``site_dir`` (a generated documentation site) the server also answers GET for the site's
    files at ``/`` (``/`` without a query string is the site's index page).
    """
    engine = OxigraphEngine.from_files([ontology_file("ttl"), *map(Path, data)])
    handler = type("GluteontoHandler", (_Handler,), {"store": engine.store, "site_dir": site_dir})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
