"""The HTTP side of ``gluteonto serve``: a small ASGI application for the SPARQL 1.1 protocol.

* ``GET``/``POST`` ``/sparql`` (also ``/query``; and ``/`` when no site is served, or when the
  request is a POST or carries a query string) answer read-only queries; ``HEAD`` and ``OPTIONS`` are handled, other methods get 405 with ``Allow``.
* The ``Host`` header must name this server by IP address, ``localhost`` or an allowed name, so a
  web page cannot reach a loopback server through a DNS name it controls (DNS rebinding).
* No cross-origin access unless origins are allowed explicitly (``--cors-origin``); a request
  with a foreign ``Origin`` is refused before any work is done.
* ``SERVICE`` is refused unless federation is allowed; ``update`` is refused (read-only).
* Answers are negotiated from ``Accept`` (406 if nothing fits), produced by
  :class:`~gluteonto.server.workers.QueryPool` within time, row and byte limits, and sent with
  ``Content-Length`` when they fit in the first megabyte, streamed otherwise.
* :func:`~gluteonto.server.static.static_site` serves a directory's files at ``/`` next to the endpoint;
  a browser's ``GET /sparql`` without a query (``Accept: text/html``) gets the site's SPARQL page.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import re
import urllib.parse
from collections import OrderedDict
from collections.abc import Awaitable, Iterable, MutableMapping
from typing import Any, TypeVar

from .. import limits
from ..sparql.guard import mentions_service, unescape
from .asgi import ASGIApp, Receive, Scope, Send, respond
from .workers import GRAPH_TYPES, RESULT_TYPES, QueryJob, QueryPool, WorkerError

__all__ = ["AnswerCache", "SparqlApp", "editor_path", "host_allowed", "parse_accept"]


log = logging.getLogger("gluteonto.serve")
T = TypeVar("T")
_ALLOW = "GET, HEAD, POST, OPTIONS"
_FIRST_BYTES = 1024 * 1024
_ENDPOINT_PATHS = ("/sparql", "/query")


class _Refused(Exception):
    def __init__(self, status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.status, self.headers = status, list(headers)


def parse_accept(header: str) -> list[str]:
    """Media types of an Accept header, best first (``q=0`` dropped; equal q keep their order).

    >>> parse_accept("text/csv;q=0.5, application/sparql-results+json, */*;q=0.1")
    ['application/sparql-results+json', 'text/csv', '*/*']
    """
    ranked = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, position, media))
    return [media for _q, _p, media in sorted(ranked)]


def _split_host(value: str) -> str:
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def host_allowed(host_header: str, allowed_names: Iterable[str] = ()) -> bool:
    """True if ``Host`` is an IP literal, ``localhost`` or one of ``allowed_names`` (DNS rebinding defence)."""
    host = _split_host(host_header.strip()).lower().rstrip(".")
    if not host:
        return False
    if host == "localhost" or host in {n.lower() for n in allowed_names}:
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _header(scope: Scope, name: bytes) -> str | None:
    values = [v for k, v in scope.get("headers", []) if k.lower() == name]
    return values[0].decode("latin-1") if values else None


#: functions whose value changes from one evaluation to the next: an answer using them is never reused
_VOLATILE = re.compile(r"\b(rand|now|uuid|struuid|bnode)\b", re.IGNORECASE)
_VOLATILE_WORDS = ("rand", "now", "uuid", "struuid", "bnode")


def _volatile(query: str) -> bool:
    """True if the query may use RAND, NOW, UUID, STRUUID or BNODE: the word, in any case, escapes applied.

    (What ``_VOLATILE`` finds, looked for with ``str.find``: a regular expression took 60 µs a query.)

    >>> _volatile("SELECT (NOW() AS ?t) {}"), _volatile("SELECT ?known { ?known ?p ?o }"), _volatile("SELECT (r\\u0061nd() AS ?r) {}")
    (True, False, True)
    """
    text = unescape(query).casefold()
    for word in _VOLATILE_WORDS:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not _word_character(text[start - 1])) and (end == len(text) or not _word_character(text[end])):
                return True
            start = text.find(word, start + 1)
    return False


def _word_character(char: str) -> bool:
    """What ``\\w`` matches: a letter, digit or underscore."""
    return char.isalnum() or char == "_"


class AnswerCache:
    """Complete answers kept for reuse, least recently used first out, at most ``capacity`` bytes in all.

    The served data never changes while the server runs, so the same query (with the same
    dataset and the same media type) gets the same answer; only queries that may use RAND, NOW,
    UUID, STRUUID or BNODE (judged generously, from the text) are always evaluated. Only answers
    sent whole (up to the first megabyte) are kept.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[tuple[str, ...], tuple[bytes, bytes]] = OrderedDict()
        self._size = 0

    @staticmethod
    def key(job: QueryJob) -> tuple[str, ...]:
        """What identifies the answer to ``job``: the query, the media types asked for, the dataset."""
        return (job.query, ",".join(job.accept), "\n".join(job.default_graphs), "\n".join(job.named_graphs))

    def get(self, key: tuple[str, ...]) -> tuple[bytes, bytes] | None:
        """(media type, body) kept for ``key``, if any."""
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, key: tuple[str, ...], media: bytes, body: bytes) -> None:
        """Keep an answer (unless its query may give another answer next time), dropping the least recently used."""
        size = len(body) + sum(map(len, key)) + 256
        if size > self.capacity // 8 or key in self._entries or _volatile(key[0]):
            return
        self._entries[key] = (media, body)
        self._size += size
        while self._size > self.capacity:
            old, (_media, old_body) = self._entries.popitem(last=False)
            self._size -= len(old_body) + sum(map(len, old)) + 256


class SparqlApp:
    """The ASGI application: the SPARQL endpoint, optionally a static site at ``/``."""

    def __init__(
        self,
        pool: QueryPool,
        *,
        site: ASGIApp | None = None,
        allowed_hosts: Iterable[str] = (),
        cors_origins: Iterable[str] = (),
        allow_federation: bool = False,
        cache_bytes: int = limits.SERVER_CACHE_BYTES,
    ) -> None:
        self.pool = pool
        self.site = site
        self.allowed_hosts = list(allowed_hosts)
        self.cors_origins = {o.rstrip("/") for o in cors_origins}
        self.allow_federation = allow_federation
        self.cache = AnswerCache(cache_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one HTTP request (the ASGI entry point)."""
        if scope["type"] != "http":
            return  # lifespan and websockets are not used
        send = _with_vary(send, self._varies_on(scope))
        try:
            await self._dispatch(scope, receive, send)
        except _Refused as exc:
            await respond(send, exc.status, f"{exc}\n".encode(), headers=exc.headers)
        except (ConnectionError, OSError):
            return  # the client went away
        except Exception as exc:  # noqa: BLE001 - one log line, never a traceback
            log.error("internal error on %s %s: %s", scope.get("method"), scope.get("path"), exc)
            try:
                await respond(send, 500, b"internal error\n")
            except Exception:  # noqa: BLE001 - the response had already started
                return

    def _is_endpoint(self, scope: Scope) -> bool:
        path = scope["path"]
        return path in _ENDPOINT_PATHS or (path == "/" and (self.site is None or scope["method"] == "POST" or bool(scope.get("query_string"))))

    def _varies_on(self, scope: Scope) -> list[str]:
        """The request headers the response depends on (its ``Vary``): ``Origin`` always (other origins are
        refused, allowed ones named); on the endpoint ``Accept`` (the answer's format, or the SPARQL page for a
        browser), and ``Accept-Language`` where that page may be chosen."""
        varies = ["Origin"]
        if self._is_endpoint(scope):
            varies.append("Accept")
            if self.site is not None and scope["method"] in ("GET", "HEAD") and not scope.get("query_string"):
                varies.append("Accept-Language")
        return varies

    # -- checks ---------------------------------------------------------------------------------
    def _cors_headers(self, scope: Scope) -> list[tuple[str, str]]:
        origin = _header(scope, b"origin")
        if origin is None:
            return []
        return self._origin_allowed(scope, origin)

    def _origin_allowed(self, scope: Scope, origin: str) -> list[tuple[str, str]]:
        host = _header(scope, b"host") or ""
        parsed = urllib.parse.urlparse(origin)
        if origin.rstrip("/") in self.cors_origins:
            return [("Access-Control-Allow-Origin", origin)]
        if parsed.netloc and parsed.netloc.lower() == host.lower():
            return []  # same origin (a page of the served site)
        raise _Refused(403, f"cross-origin requests from {origin} are not allowed (see --cors-origin)")

    def _check_browser(self, scope: Scope, cors: list[tuple[str, str]]) -> None:
        """Refuse a query a web page of another site makes a browser send without asking (``<img src>``, a link, a form).

        Such "simple" requests carry no ``Origin`` header, so the origin check never sees them, but
        every current browser marks them with ``Sec-Fetch-Site``; SPARQL clients (curl, SPARQLWrapper,
        Jena, Oxigraph…) send no such header. Allowed: requests of the served site's own pages
        (``same-origin``), a query typed into the address bar (``none``), and origins allowed with
        ``--cors-origin``. Older browsers send no ``Sec-Fetch-Site``; for them an image, style-sheet or
        media request (judged by ``Accept``) is refused as well.
        """
        site = (_header(scope, b"sec-fetch-site") or "").strip().lower()
        if site:
            if site not in ("same-origin", "none") and not cors:
                raise _Refused(403, "cross-site requests from web pages are not allowed (see --cors-origin)")
            return
        accepted = parse_accept(_header(scope, b"accept") or "")
        wants_media = bool(accepted) and (accepted[0].split("/")[0] in ("image", "video", "audio", "font") or accepted[0] == "text/css")
        if wants_media and any(_acceptable(media) for media in accepted):  # (only a wildcard would have let it through)
            raise _Refused(403, "cross-site requests from web pages are not allowed (a query cannot be an image or a style sheet)")

    def _check_host(self, scope: Scope) -> None:
        host = _header(scope, b"host")
        if host is None:
            raise _Refused(400, "missing Host header")
        if not host_allowed(host, self.allowed_hosts):
            raise _Refused(403, f"Host {host!r} is not served here (DNS rebinding protection; see --allow-host)")

    # -- routing --------------------------------------------------------------------------------
    async def _dispatch(self, scope: Scope, receive: Receive, send: Send) -> None:
        self._check_host(scope)
        cors = self._cors_headers(scope)
        if not self._is_endpoint(scope):
            if self.site is not None:
                await self.site(scope, receive, send)
            else:
                await respond(send, 404, b"not found: the SPARQL endpoint is /sparql\n")
            return
        method = scope["method"]
        if method == "OPTIONS":
            extra = [("Allow", _ALLOW)]
            if cors:
                extra += cors + [
                    ("Access-Control-Allow-Methods", "GET, POST"),
                    ("Access-Control-Allow-Headers", "Accept, Content-Type"),
                    ("Access-Control-Max-Age", "600"),
                ]
            await respond(send, 204, b"", headers=extra)
            return
        if method not in ("GET", "HEAD", "POST"):
            raise _Refused(405, f"method {method} not allowed: the endpoint is read-only", [("Allow", _ALLOW)])
        if self.site is not None and method in ("GET", "HEAD") and not scope.get("query_string") and _wants_page(scope):
            await self.site({**scope, "path": editor_path(_header(scope, b"accept-language") or "")}, receive, send)
            return
        self._check_browser(scope, cors)  # only requests that would run a query: the editor page is a static file
        job = await self._read_job(scope, receive)
        await self._answer(scope, receive, send, job, cors)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes:
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limits.SERVER_MAX_BODY:
            raise _Refused(413, f"request body larger than {limits.SERVER_MAX_BODY:,} bytes")
        body = bytearray()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limits.SERVER_BODY_TIMEOUT  # for the whole body, however slowly it trickles in
        while True:
            try:
                message = await _within(receive(), deadline)
            except asyncio.TimeoutError:
                raise _Refused(408, "the request body did not arrive in time", [("Connection", "close")]) from None
            if message["type"] == "http.disconnect":
                raise ConnectionResetError
            body += message.get("body", b"")
            if len(body) > limits.SERVER_MAX_BODY:
                raise _Refused(413, f"request body larger than {limits.SERVER_MAX_BODY:,} bytes", [("Connection", "close")])
            if not message.get("more_body"):
                return bytes(body)

    async def _read_job(self, scope: Scope, receive: Receive) -> QueryJob:
        try:
            params = urllib.parse.parse_qsl(
                scope.get("query_string", b"").decode("latin-1"),
                keep_blank_values=True,
                strict_parsing=False,
                encoding="utf-8",
                errors="strict",
                max_num_fields=200,
            )
        except (UnicodeDecodeError, ValueError):
            raise _Refused(400, "the query string is not valid UTF-8 form data") from None
        body = await self._read_body(scope, receive)
        if scope["method"] == "POST":
            content_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
            if content_type == "application/sparql-update":
                raise _Refused(403, "this endpoint is read-only: updates are refused")
            if content_type == "application/sparql-query":
                try:
                    params.append(("query", body.decode("utf-8")))
                except UnicodeDecodeError:
                    raise _Refused(400, "the query is not valid UTF-8") from None
            elif content_type == "application/x-www-form-urlencoded":
                try:
                    params += urllib.parse.parse_qsl(
                        body.decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=200
                    )
                except (UnicodeDecodeError, ValueError):
                    raise _Refused(400, "the form data is not valid (ASCII form encoding of UTF-8)") from None
            else:
                raise _Refused(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")
        names = [name for name, _ in params]
        if "update" in names:
            raise _Refused(403, "this endpoint is read-only: updates are refused")
        if names.count("query") != 1:
            raise _Refused(400, "give exactly one 'query' parameter" if names.count("query") else "missing 'query' parameter")
        query = next(value for name, value in params if name == "query")
        if not query.strip():
            raise _Refused(400, "the query is empty")
        graphs = {key: [v for n, v in params if n == key] for key in ("default-graph-uri", "named-graph-uri")}
        for iri in graphs["default-graph-uri"] + graphs["named-graph-uri"]:
            _check_iri(iri)
        accept = parse_accept(_header(scope, b"accept") or "")
        if accept and not any(_acceptable(m) for m in accept):
            raise _Refused(406, "no acceptable format: answers are " + ", ".join([*RESULT_TYPES, *GRAPH_TYPES]))
        return QueryJob(query=query, accept=accept, default_graphs=graphs["default-graph-uri"], named_graphs=graphs["named-graph-uri"])

    # -- answering -------------------------------------------------------------------------------
    async def _answer(self, scope: Scope, receive: Receive, send: Send, job: QueryJob, cors: list[tuple[str, str]]) -> None:
        key = self.cache.key(job)
        kept = self.cache.get(key)
        if kept is not None:
            await send(self._start(kept[0], len(kept[1]), cors))
            await send({"type": "http.response.body", "body": kept[1], "more_body": False})
            return
        job.check_service = not self.allow_federation and mentions_service(job.query)  # then the query process parses it
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.pool.timeout
        gone = asyncio.Event()

        async def watch() -> None:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    gone.set()
                    return

        async def timed(message: dict[str, Any]) -> None:
            """Send within the request's time: a client that stops reading cannot hold a query slot."""
            await _within(send(message), deadline)

        watcher = asyncio.ensure_future(watch())
        started = False
        try:
            media = b"text/plain"
            buffered: list[bytes] = []
            size = 0
            async with contextlib.aclosing(self.pool.run(job, deadline, gone)) as frames:  # slot freed on any exit
                async for kind, data in frames:
                    if kind == "type":
                        media = data
                    elif kind == "data" and not started:
                        buffered.append(data)
                        size += len(data)
                        if size >= _FIRST_BYTES:
                            await timed(self._start(media, None, cors))
                            started = True
                            await timed({"type": "http.response.body", "body": b"".join(buffered), "more_body": True})
                            buffered = []
                    elif kind == "data":
                        await timed({"type": "http.response.body", "body": data, "more_body": True})
                    elif kind == "end":
                        if started:
                            await timed({"type": "http.response.body", "body": b"", "more_body": False})
                        else:
                            body = b"".join(buffered)
                            self.cache.put(key, media, body)
                            await timed(self._start(media, len(body), cors))
                            await timed({"type": "http.response.body", "body": body, "more_body": False})
        except asyncio.TimeoutError:
            log.warning("a client did not read its answer within %g s; connection closed", self.pool.timeout)
        except WorkerError as exc:
            if exc.status == 499:
                return
            if started:
                log.warning("answer cut off while streaming: %s", exc)
                return  # the connection is closed without the final chunk: the client sees an incomplete answer
            extra = [("Retry-After", "5")] if exc.status == 503 else []
            await asyncio.wait_for(respond(send, exc.status, f"{exc}\n".encode(), headers=cors + extra), max(deadline - loop.time(), 1.0))
        finally:
            watcher.cancel()

    @staticmethod
    def _start(media: bytes, length: int | None, cors: list[tuple[str, str]]) -> dict[str, Any]:
        content_type = media + (b"; charset=utf-8" if not media.endswith(b"+xml") and media != b"application/rdf+xml" else b"")
        headers = [(b"content-type", content_type), (b"x-content-type-options", b"nosniff")]
        if length is not None:
            headers.append((b"content-length", str(length).encode()))
        headers += [(k.lower().encode(), v.encode("latin-1")) for k, v in cors]
        return {"type": "http.response.start", "status": 200, "headers": headers}


#: ``asyncio.timeout_at`` (Python 3.11+): a deadline on an await without a task of its own
_TIMEOUT_AT = getattr(asyncio, "timeout_at", None)


async def _within(awaitable: Awaitable[T], deadline: float) -> T:
    """``await awaitable``, raising asyncio.TimeoutError at the loop time ``deadline``.

    Where Python has ``asyncio.timeout_at`` this makes no task (``asyncio.wait_for`` makes one for
    every await, two or three per request).
    """
    if _TIMEOUT_AT is None:
        return await asyncio.wait_for(awaitable, max(deadline - asyncio.get_running_loop().time(), 0.001))
    async with _TIMEOUT_AT(deadline):
        return await awaitable


def _with_vary(send: Send, varies: list[str]) -> Send:
    """``send`` that adds ``Vary: …`` to the response head (merged with a Vary already there)."""

    async def send_varying(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"vary"]
            given = [v.decode("latin-1") for k, v in message.get("headers", []) if k.lower() == b"vary"]
            names = list(dict.fromkeys([*varies, *(n.strip() for v in given for n in v.split(",") if n.strip())]))
            message = {**message, "headers": [*headers, (b"vary", ", ".join(names).encode("latin-1"))]}
        await send(message)

    return send_varying


def _wants_page(scope: Scope) -> bool:
    """True when a browser asks for the endpoint without a query: HTML is what it prefers."""
    accept = parse_accept(_header(scope, b"accept") or "")
    return bool(accept) and accept[0] in ("text/html", "application/xhtml+xml")


def editor_path(accept_language: str) -> str:
    """The site's SPARQL page in the language the browser prefers, if the site has it (Norwegian for nb, no, nn).

    >>> editor_path("nb-NO,nb;q=0.9,en;q=0.8"), editor_path("en-GB,en"), editor_path("")
    ('/sparql-editor.nb.html', '/sparql-editor.html', '/sparql-editor.html')
    """
    from ..i18n import UI_LANGS

    first = parse_accept(accept_language)[:1]
    lang = first[0].split("-")[0].lower() if first else ""
    lang = "nb" if lang in ("no", "nn") else lang
    return f"/sparql-editor.{lang}.html" if lang in UI_LANGS and lang != "en" else "/sparql-editor.html"


def _acceptable(media: str) -> bool:
    return (
        media in RESULT_TYPES
        or media in GRAPH_TYPES
        or media == "*/*"
        or any(t.startswith(media[:-1]) for t in [*RESULT_TYPES, *GRAPH_TYPES] if media.endswith("/*"))
    )


def _check_iri(iri: str) -> None:
    import pyoxigraph as ox

    try:
        ox.NamedNode(iri)
    except ValueError:
        raise _Refused(400, f"not a valid graph IRI: {iri[:200]!r}") from None
