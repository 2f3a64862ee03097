"""A read-only SPARQL 1.1 protocol endpoint for the ontology (``gluteonto serve``).

The HTTP layer is uvicorn (h11), a maintained ASGI server, running :class:`~gluteonto.server.app.SparqlApp`;
queries are evaluated in killable child processes (:mod:`gluteonto.server.workers`). The packaged
ontology is the named graph ``https://w3id.org/gluteonto/gluteonto.owl`` and every ``--data`` file
the named graph of its ``file:`` IRI. A query runs on the dataset the SPARQL 1.1 Protocol gives it:
the request's ``default-graph-uri`` / ``named-graph-uri`` if any, else the query's ``FROM`` /
``FROM NAMED``, else every served graph as the default graph. The server binds to 127.0.0.1 by default; given a generated documentation
site (``gluteonto site``) it serves the site's pages at ``/``.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .. import limits
from ..formats.reading import syntax_for
from ..formats.safe_read import read_quads
from ..i18n import MessageError
from ..resources import ontology_file
from ..server import QueryPool, SparqlApp, static_site
from ..vocab import ONTOLOGY_IRI

__all__ = ["SparqlServer", "is_loopback", "load_store", "make_server"]

log = logging.getLogger("gluteonto.serve")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_store(data: Sequence[Path] = ()) -> Any:
    """An Oxigraph store with the packaged ontology and each data file in its own named graph."""
    import pyoxigraph as ox

    store = ox.Store()
    sources = [(ontology_file("ttl", international=True), ONTOLOGY_IRI)] + [(Path(p), Path(p).resolve().as_uri()) for p in data]
    for path, graph_iri in sources:
        graph = ox.NamedNode(graph_iri)
        batch: list[Any] = []
        for quad in read_quads(path, syntax_for(path)):
            batch.append(ox.Quad(quad.subject, quad.predicate, quad.object, graph))
            if len(batch) >= 100_000:
                store.bulk_extend(batch)
                batch = []
        store.bulk_extend(batch)
    return store


def _protocol_class(answer_seconds: float, max_connections: int) -> type:
    """uvicorn's h11 protocol with the connection policy of the server.

    * A connection must send a complete request head in time, and an idle keep-alive connection
      is closed (slowloris).
    * A response that is not complete ``answer_seconds`` after its request arrived is cut off
      (``abort``): a client that never reads cannot keep a connection, nor the query slot behind it.
    * Beyond ``max_connections``, idle connections are closed, oldest first, so that a flood of idle
      sockets cannot make the server refuse real requests.
    * ``TCP_NODELAY``: a response leaves at once, so a keep-alive request is as fast as a fresh one.
    * What is written in one turn of the event loop (a response's head and body) leaves in one
      write (:class:`_Gathering`): one system call, and one wake-up of the client, per answer.
    """
    import socket as socket_module

    from uvicorn.protocols.http.h11_impl import H11Protocol

    class GuardedH11Protocol(H11Protocol):
        _head_timer: Any = None
        _answer_timer: Any = None
        _quiet_since = 0.0

        def _arm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
            self._quiet_since = self.loop.time()
            self._head_timer = self.loop.call_later(limits.SERVER_BODY_TIMEOUT + limits.SERVER_IDLE_TIMEOUT, self._expire)

        def _idle(self) -> bool:
            return self.cycle is None or self.cycle.response_complete

        def _expire(self) -> None:
            if self._idle():
                self.transport.close()  # idle, or a request head that never completed (slowloris)

        def _too_slow(self) -> None:
            if not self._idle():
                self.transport.abort()  # the answer is not complete in time (a client that does not read)

        def connection_made(self, transport: Any) -> None:
            transport = _Gathering(transport, self.loop)
            super().connection_made(transport)
            sock = transport.get_extra_info("socket")
            if sock is not None and sock.family in (socket_module.AF_INET, socket_module.AF_INET6):
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket_module.IPPROTO_TCP, socket_module.TCP_NODELAY, 1)
            self._arm()
            if len(self.connections) > max_connections:
                self._make_room()

        def _make_room(self) -> None:
            """Close idle connections, oldest first, until the count is back within the limit."""
            idle = sorted(
                (c for c in self.connections if c is not self and isinstance(c, GuardedH11Protocol) and c._idle()), key=lambda c: c._quiet_since
            )
            for other in idle[: len(self.connections) - max_connections]:
                other.transport.close()
                self.connections.discard(other)

        def handle_events(self) -> None:
            before = self.cycle
            super().handle_events()
            if self.cycle is not None and self.cycle is not before:  # a request has begun
                if self._answer_timer is not None:
                    self._answer_timer.cancel()
                self._answer_timer = self.loop.call_later(answer_seconds, self._too_slow)

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if self._answer_timer is not None:
                self._answer_timer.cancel()
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            for timer in (self._head_timer, self._answer_timer):
                if timer is not None:
                    timer.cancel()
            super().connection_lost(exc)

    return GuardedH11Protocol


class _Gathering:
    """A transport whose writes made in one turn of the event loop are sent together, at the end of that turn.

    Everything else is the wrapped transport's; closing sends what is pending first, aborting drops it.
    """

    def __init__(self, transport: Any, loop: Any) -> None:
        self._transport, self._loop = transport, loop
        self._pending: list[bytes] = []

    def write(self, data: bytes) -> None:
        """Keep ``data`` for the write at the end of this turn."""
        if not self._pending:
            self._loop.call_soon(self._send)
        self._pending.append(bytes(data))

    def writelines(self, lines: Any) -> None:
        """Keep each of ``lines`` (as :meth:`write`)."""
        for line in lines:
            self.write(line)

    def _send(self) -> None:
        if self._pending:
            data = b"".join(self._pending)
            self._pending.clear()
            if not self._transport.is_closing():
                self._transport.write(data)

    def close(self) -> None:
        """Send what is pending, then close."""
        self._send()
        self._transport.close()

    def abort(self) -> None:
        """Close at once, dropping what is pending."""
        self._pending.clear()
        self._transport.abort()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


def _raise_open_files(wanted: int) -> int:
    """Raise this process's limit of open files towards ``wanted`` (as far as the hard limit allows); return it."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
    return int(soft) if soft != resource.RLIM_INFINITY else wanted


class _QuietIncomplete(logging.Filter):
    """uvicorn reports a deliberately cut-off answer itself; ours is the one line that counts."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "without completing response" not in record.getMessage()


class SparqlServer:
    """A bound, not yet serving endpoint: ``serve_forever()`` (blocking), ``shutdown()``, ``server_close()``."""

    def __init__(self, app: SparqlApp, pool: QueryPool, sock: socket.socket) -> None:
        import uvicorn

        self.app, self.pool, self.socket = app, pool, sock
        self.server_address = sock.getsockname()[:2]
        # connections the open-file limit leaves room for (each worker holds a socket too)
        connections = max(min(limits.SERVER_MAX_CONNECTIONS, _raise_open_files(limits.SERVER_MAX_CONNECTIONS + 256) - 128), 16)
        answer_seconds = limits.SERVER_BODY_TIMEOUT + pool.timeout + 2.0
        config = uvicorn.Config(
            app,
            http=_protocol_class(answer_seconds, connections),
            loop="asyncio",
            lifespan="off",
            log_config=None,
            log_level="warning",
            access_log=False,
            server_header=False,
            timeout_keep_alive=int(limits.SERVER_IDLE_TIMEOUT),
            limit_concurrency=connections + 64,
            backlog=2048,
            h11_max_incomplete_event_size=64 * 1024,
            timeout_graceful_shutdown=3,
        )
        logging.getLogger("uvicorn.error").addFilter(_QuietIncomplete())
        self._server = uvicorn.Server(config)
        self._done = threading.Event()

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown` (from another thread) or Ctrl-C (in the main thread)."""
        try:
            self._server.run(sockets=[self.socket])
        finally:
            self._done.set()

    def shutdown(self) -> None:
        """Stop serving and wait until :meth:`serve_forever` has returned."""
        self._server.should_exit = True
        self._done.wait(10)

    def server_close(self) -> None:
        """Release the socket and stop the query processes."""
        self.socket.close()
        self.pool.close()


def make_server(
    host: str = "127.0.0.1",
    port: int = 7878,
    data: Sequence[Path] = (),
    *,
    site: Path | None = None,
    timeout: float = limits.SERVER_QUERY_TIMEOUT,
    max_rows: int = limits.SERVER_MAX_ROWS,
    max_bytes: int = limits.SERVER_MAX_BYTES,
    concurrency: int = limits.SERVER_CONCURRENCY,
    allowed_hosts: Iterable[str] = (),
    cors_origins: Iterable[str] = (),
    allow_federation: bool = False,
) -> SparqlServer:
    """A ready (not yet serving) endpoint over the packaged ontology plus ``data`` files; port 0 picks a free port.

    ``site`` is a directory served at ``/`` (the endpoint stays at ``/sparql``).
    """
    site_app = None
    if site is not None:
        if not Path(site).is_dir():
            raise MessageError(("not a folder", {"path": site}))
        site_app = static_site(Path(site))
    pool = QueryPool(
        load_store(data), timeout=timeout, max_rows=max_rows, max_bytes=max_bytes, concurrency=concurrency, allow_federation=allow_federation
    )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    pool.start()
    app = SparqlApp(pool, site=site_app, allowed_hosts=allowed_hosts, cors_origins=cors_origins, allow_federation=allow_federation)
    return SparqlServer(app, pool, sock)
