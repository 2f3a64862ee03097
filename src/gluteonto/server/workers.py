"""Evaluate SPARQL queries of the server in throw-away processes that can be killed at any moment.

Oxigraph cannot interrupt a running query, and one query can ask for unbounded memory. So the
server never evaluates a query itself: at start it forks a small single-threaded *zygote* that
holds the loaded store; the zygote forks worker processes on demand (sharing the store
copy-on-write), each of which evaluates one query at a time under a memory and CPU limit and
streams the serialised answer back over a socket in frames, counting rows and bytes against the
limits. Idle workers are reused. The server kills a worker when the time is up or the client has
gone (a new one is forked for the next query); a worker that runs out of memory dies alone.

Frames: one type byte, a 4-byte big-endian length, the payload — ``P`` the child's pid, ``H`` the
content type (once the answer's kind is known), ``D`` answer bytes, ``E`` the end, ``X`` an error
(JSON ``{"status", "message"}``).
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import json
import logging
import os
import resource
import signal
import socket
import struct
import warnings
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import limits
from ..errors import first_line
from ..isolate import cap_address_space, deny_network
from ..sparql.text import names_dataset

__all__ = ["GRAPH_TYPES", "RESULT_TYPES", "QueryJob", "QueryPool", "WorkerError"]

#: media type → serialiser name, for SELECT/ASK answers and for CONSTRUCT/DESCRIBE graphs (first = default)
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "application/n-triples": "N_TRIPLES",
    "text/turtle": "TURTLE",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
    "text/plain": "N_TRIPLES",
}
_HEADER = struct.Struct(">cI")
_CHUNK = 64 * 1024
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class WorkerError(Exception):
    """A query could not be answered: ``status`` is the HTTP status that fits, ``str()`` the message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class QueryJob:
    """What one child evaluates: the query, the dataset and the client's acceptable media types (best first)."""

    query: str
    accept: list[str] = field(default_factory=list)
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    #: parse the query and refuse it if it holds a SERVICE clause (set when its text mentions the word)
    check_service: bool = False


# -- child side -----------------------------------------------------------------------------------
class _Limit(Exception):
    pass


class _FrameWriter(io.RawIOBase):
    """A writable stream that sends ``D`` frames and refuses to go past the byte limit.

    Frames are gathered and sent together: an answer that fits in one chunk leaves with its ``H``
    and ``E`` frames in a single write, so the server is woken once per answer, not three times.
    """

    def __init__(self, sock: socket.socket, max_bytes: int) -> None:
        self._sock, self._max, self._total, self._buffer = sock, max_bytes, 0, bytearray()
        self._frames = bytearray()  # whole frames not sent yet

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(data)
        self._total += size
        if self._total > self._max:
            raise _Limit(f"the answer is larger than {self._max:,} bytes; refused (add a LIMIT)")
        self._buffer += data
        if len(self._buffer) >= _CHUNK:
            self.send_buffered()
        return size

    def flush(self) -> None:
        """Nothing: frames go out in chunks and at the end, never after an error frame (or on close)."""

    def header(self, media: bytes) -> None:
        """The answer's content type (``H``), sent with the first data."""
        self._frames += _HEADER.pack(b"H", len(media)) + media

    def send_buffered(self) -> None:
        if self._buffer:
            self._frames += _HEADER.pack(b"D", len(self._buffer)) + self._buffer
            self._buffer.clear()
        if self._frames:
            self._sock.sendall(self._frames)
            self._frames.clear()

    def finish(self) -> None:
        """Send what is left of the answer and its end (``E``) in one write."""
        if self._buffer:
            self._frames += _HEADER.pack(b"D", len(self._buffer)) + self._buffer
            self._buffer.clear()
        self._frames += _HEADER.pack(b"E", 0)
        self.send_buffered()

    def discard(self) -> None:
        """Drop what was not sent (an error frame follows instead)."""
        self._buffer.clear()
        self._frames.clear()


def _send(sock: socket.socket, kind: bytes, payload: bytes) -> None:
    sock.sendall(_HEADER.pack(kind, len(payload)) + payload)


def _choose(accept: Sequence[str], table: dict[str, str]) -> str | None:
    if not accept:
        return next(iter(table))
    for media in accept:
        if media in table:
            return media
        major = media.split("/")[0]
        if media == "*/*":
            return next(iter(table))
        if media.endswith("/*"):
            for candidate in table:
                if candidate.startswith(major + "/"):
                    return candidate
    return None


def _json_term(term: Any) -> dict[str, Any]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        cell = {"type": "literal", "value": term.value}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            cell["datatype"] = term.datatype.value
        return cell
    return {
        "type": "triple",
        "value": {"subject": _json_term(term.subject), "predicate": _json_term(term.predicate), "object": _json_term(term.object)},
    }


def _xml_term(term: Any) -> str:
    from xml.sax.saxutils import escape, quoteattr

    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _csv_cell(term: Any) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def _write_solutions(result: Any, kind: str, out: _FrameWriter, max_rows: int) -> None:
    """Stream SELECT solutions in a W3C results format, counting rows."""
    variables = [v.value for v in result.variables]
    if kind == "json":
        out.write(b'{"head":{"vars":' + json.dumps(variables).encode() + b'},"results":{"bindings":[')
    elif kind == "xml":
        from xml.sax.saxutils import quoteattr

        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        out.write(f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>{head}</head><results>'.encode())
    elif kind == "csv":
        out.write((",".join(variables) + "\r\n").encode())
    else:
        out.write(("\t".join(f"?{v}" for v in variables) + "\n").encode())
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    for count, solution in enumerate(result, 1):
        if count > max_rows:
            raise _Limit(f"the answer has more than {max_rows:,} rows; refused (add a LIMIT)")
        values = [solution[v] for v in variables]
        if kind == "json":
            row = {v: _json_term(t) for v, t in zip(variables, values, strict=True) if t is not None}
            out.write((b"," if count > 1 else b"") + json.dumps(row, ensure_ascii=False).encode())
        elif kind == "xml":
            from xml.sax.saxutils import quoteattr

            cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>" for v, t in zip(variables, values, strict=True) if t is not None)
            out.write(f"<result>{cells}</result>".encode())
        elif kind == "csv":
            text.seek(0)
            text.truncate()
            writer.writerow([_csv_cell(t) for t in values])
            out.write(text.getvalue().encode())
        else:
            out.write(("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in values) + "\n").encode())
    if kind == "json":
        out.write(b"]}}")
    elif kind == "xml":
        out.write(b"</results></sparql>\n")


def _evaluate(store: Any, job: QueryJob, sock: socket.socket, max_rows: int, max_bytes: int) -> None:
    import pyoxigraph as ox

    options: dict[str, Any] = {}
    if job.default_graphs or job.named_graphs:
        # a dataset given in the request overrides the query's FROM / FROM NAMED (SPARQL 1.1 Protocol §2.1.4)
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    elif not names_dataset(job.query):
        options["use_default_graph_as_union"] = True  # no dataset named anywhere: the default graph is every served graph
    # otherwise the query's own FROM / FROM NAMED make the dataset (passing the union option would override them)
    out: Any = _FrameWriter(sock, max_bytes)  # a binary stream for pyoxigraph's serialisers
    try:
        if job.check_service:
            _check_service(job.query)
        result = store.query(job.query, **options)
        if isinstance(result, ox.QueryTriples):
            media = _choose(job.accept, GRAPH_TYPES)
            if media is None:
                raise WorkerError(406, "a graph answer is available as " + ", ".join(GRAPH_TYPES))
            triples = []
            for count, triple in enumerate(result, 1):
                if count > max_rows:
                    raise _Limit(f"the answer has more than {max_rows:,} triples; refused (add a LIMIT)")
                triples.append(triple)
            out.header(media.encode())
            ox.serialize(triples, out, format=getattr(ox.RdfFormat, GRAPH_TYPES[media]))
        else:
            media = _choose(job.accept, RESULT_TYPES)
            if media is None:
                raise WorkerError(406, "results are available as " + ", ".join(RESULT_TYPES))
            out.header(media.encode())
            if isinstance(result, ox.QueryBoolean):
                formats = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}
                result.serialize(out, format=getattr(ox.QueryResultsFormat, formats[RESULT_TYPES[media]]))
            else:
                _write_solutions(result, RESULT_TYPES[media], out, max_rows)
        out.finish()
        return
    except WorkerError as exc:
        status, message = exc.status, str(exc)
    except _Limit as exc:
        status, message = 400, str(exc)
    except SyntaxError as exc:
        status, message = 400, f"SPARQL syntax error: {first_line(exc)}"
    except MemoryError:
        status, message = 500, "the query needs more memory than allowed"
    except Exception as exc:  # noqa: BLE001 - evaluation errors (unknown function, bad regex…) are the query's
        status, message = 400, f"query failed: {first_line(exc)}"
    out.discard()
    _send(sock, b"X", json.dumps({"status": status, "message": message}).encode())


def _check_service(query: str) -> None:
    """Refuse a query with a SERVICE clause, deciding by parsing it (see :mod:`gluteonto.sparql.guard`)."""
    from ..sparql.guard import UNCHECKABLE, find_service

    target = find_service(query)
    if target == UNCHECKABLE:
        raise WorkerError(403, "SERVICE (federated query) is refused by this server, and this query mentions it but cannot be parsed to check it")
    if target is not None:
        raise WorkerError(403, "SERVICE (federated query) is refused by this server")


def _read_job(sock: socket.socket) -> QueryJob:
    size = struct.unpack(">I", _recv_exactly(sock, 4))[0]
    return QueryJob(**json.loads(_recv_exactly(sock, size)))


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    data = bytearray()
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return bytes(data)


def _run_worker(store: Any, fd: int, settings: dict[str, Any], zygote: int) -> None:
    """A worker: answer jobs one after the other until the server closes the socket (or kills it).

    It dies with the zygote, which dies with the server: a query never outlives the server.
    """
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _die_with_parent()
        if os.getppid() != zygote:  # the zygote died before this process could ask to follow it
            raise SystemExit(1)
        cap_address_space(settings["memory"])
        with contextlib.suppress(AttributeError, OSError):  # Linux: waking up for a job, it does not take the CPU from the server
            os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
        sock = socket.socket(fileno=fd)
        _send(sock, b"P", str(os.getpid()).encode())
        while True:
            try:
                job = _read_job(sock)
            except EOFError:
                break
            _cpu_backstop(settings["timeout"])
            _evaluate(store, job, sock, settings["max_rows"], settings["max_bytes"])
        sock.close()
    except BaseException:  # noqa: BLE001 - the server sees the missing end frame
        code = 1
    finally:
        os._exit(code)


def _cpu_backstop(timeout: float) -> None:
    """Let the kernel stop this worker a little after ``timeout`` more seconds of CPU (if the server died meanwhile).

    Only the soft limit moves (SIGXCPU): the hard limit stays where it is, since an unprivileged
    process may lower it but never raise it again, and the next query needs a later limit.
    """
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(used.ru_utime + used.ru_stime + timeout) + 5
    _old_soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _zygote(store: Any, control: socket.socket, settings: dict[str, Any]) -> None:
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped automatically
        _die_with_parent()
        _close_sockets(keep=control.fileno())
        zygote = os.getpid()
        if not settings["allow_federation"]:
            deny_network()  # the second wall behind the SERVICE check: workers reach no network at all
            import rdflib.plugins.sparql.parser  # noqa: F401 - the SERVICE check's parser, loaded once for every worker
        while True:
            message, fds, _flags, _addr = socket.recv_fds(control, 16, 4)
            if not message:
                break
            for fd in fds[1:]:
                os.close(fd)
            if not fds:
                continue
            if os.fork() == 0:
                control.close()
                _run_worker(store, fds[0], settings, zygote)
            os.close(fds[0])
    except BaseException:  # noqa: BLE001
        code = 1
    finally:
        os._exit(code)


def _close_sockets(keep: int) -> None:
    """Close the sockets inherited from the server (its listening socket, its clients' connections) but ``keep``.

    A zygote forked while clients are connected (a replacement) would otherwise hold their
    connections open: a connection the server closes is only closed when every copy is.
    """
    import stat

    with contextlib.suppress(OSError):
        for name in os.listdir("/proc/self/fd"):
            fd = int(name)
            if fd > 2 and fd != keep:
                with contextlib.suppress(OSError):
                    if stat.S_ISSOCK(os.fstat(fd).st_mode):
                        os.close(fd)


def _die_with_parent() -> None:
    """Ask Linux to kill this process when the server process dies."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


# -- server side ----------------------------------------------------------------------------------
_JOBS_PER_WORKER = 1000
log = logging.getLogger("gluteonto.serve")


def _demote(worker: _Worker) -> None:
    """Lower the priority of a worker whose query runs long, so short queries keep their pace on a busy machine.

    Its niceness goes up and, on Linux, it becomes a SCHED_IDLE process: it runs on the CPU time the
    other queries leave (a runaway query takes almost nothing from them), and still ends at its time limit.
    """
    if worker.pid:
        worker.demoted = True
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, worker.pid, limits.SERVER_SLOW_NICENESS)
        with contextlib.suppress(AttributeError, OSError):
            os.sched_setscheduler(worker.pid, os.SCHED_IDLE, os.sched_param(0))


class _ZygoteLost(Exception):
    """The zygote could not fork a worker: it has died or hangs."""


def _alive(pid: int) -> bool:
    """True while our child ``pid`` runs (a dead one is reaped here)."""
    if not pid:
        return False
    try:
        done, _status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return done == 0


@dataclass
class _Worker:
    """The server's end of one worker process."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    pid: int = 0
    jobs: int = 0
    #: its query ran long and it was given a lower priority: it is not reused
    demoted: bool = False
    #: a handle on the process (Linux pidfd): a signal through it can never reach another process that got the pid
    handle: int = -1

    def attach(self, pid: int) -> None:
        """Remember the worker's process (it is the zygote's child, not ours, so its pid may be reused once it ends)."""
        self.pid = pid
        with contextlib.suppress(AttributeError, OSError):
            self.handle = os.pidfd_open(pid)

    def stop(self) -> None:
        if self.handle >= 0:
            with contextlib.suppress(ProcessLookupError, OSError):
                signal.pidfd_send_signal(self.handle, signal.SIGKILL)
            os.close(self.handle)
            self.handle = -1
        elif self.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        self.pid = 0
        self.writer.close()


class QueryPool:
    """Runs :class:`QueryJob` s in killable child processes forked from a zygote that holds ``store``.

    The pool heals itself: a zygote that has died (or stopped answering) is replaced by a new one
    forked from the server process, and the query that found out is retried once.
    """

    def __init__(
        self,
        store: Any,
        *,
        timeout: float = limits.SERVER_QUERY_TIMEOUT,
        max_rows: int = limits.SERVER_MAX_ROWS,
        max_bytes: int = limits.SERVER_MAX_BYTES,
        memory: int = limits.SERVER_MEMORY,
        concurrency: int = limits.SERVER_CONCURRENCY,
        allow_federation: bool = False,
    ) -> None:
        self.timeout, self.concurrency = timeout, concurrency
        self._settings = {"timeout": timeout, "max_rows": max_rows, "max_bytes": max_bytes, "memory": memory, "allow_federation": allow_federation}
        self._store = store
        self._control: socket.socket | None = None
        self._zygote_pid = 0
        self._closed = False
        self._slots: asyncio.Semaphore | None = None
        self._idle: list[_Worker] = []

    def start(self) -> None:
        """Fork the zygote (call before the server starts threads)."""
        import pyoxigraph  # noqa: F401 - loaded before the fork, never in a child

        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # the zygote only forks and never takes locks
            pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the zygote
            parent.close()
            _zygote(self._store, child, self._settings)
        child.close()
        self._control, self._zygote_pid = parent, pid

    def _stop_zygote(self) -> None:
        if self._control is not None:
            self._control.close()
            self._control = None
        if self._zygote_pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._zygote_pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._zygote_pid, 0)
            self._zygote_pid = 0

    def _restart(self) -> None:
        """Replace a zygote that died or hangs (its idle workers go with it)."""
        log.warning("the query process parent (zygote) was lost; starting a new one")
        for worker in self._idle:
            with contextlib.suppress(Exception):
                worker.stop()
        self._idle.clear()
        self._stop_zygote()
        self.start()

    def close(self) -> None:
        """Stop the zygote and the idle workers; running ones end when their sockets close."""
        self._closed = True
        for worker in self._idle:
            with contextlib.suppress(Exception):
                worker.stop()
        self._idle.clear()
        self._stop_zygote()

    async def _spawn(self, deadline: float, gone: asyncio.Event) -> _Worker:
        """A new worker; if the zygote cannot make one, a new zygote makes it."""
        for attempt in (1, 2):
            if self._closed:
                raise WorkerError(503, "the server is shutting down")
            if self._control is None or not _alive(self._zygote_pid):
                self._zygote_pid = 0  # reaped (or never started): its pid is no longer ours to signal
                self._restart()
            try:
                return await self._fork_worker(deadline, gone)
            except _ZygoteLost:
                if attempt == 2:
                    raise WorkerError(500, "no query process could be started") from None
                self._restart()
        raise AssertionError("unreachable")

    async def _fork_worker(self, deadline: float, gone: asyncio.Event) -> _Worker:
        assert self._control is not None
        ours, theirs = socket.socketpair()
        try:
            socket.send_fds(self._control, [b"w"], [theirs.fileno()])
        except OSError:
            ours.close()
            raise _ZygoteLost from None
        finally:
            theirs.close()
        reader, writer = await asyncio.open_connection(sock=ours)
        worker = _Worker(reader, writer)
        loop = asyncio.get_running_loop()
        try:
            kind, data = await self._frame(reader, min(deadline, loop.time() + limits.SERVER_SPAWN_TIMEOUT), gone)
        except WorkerError as exc:
            writer.close()
            if exc.status == 503 and loop.time() < deadline:  # the zygote did not answer in time: it hangs
                raise _ZygoteLost from None
            if exc.status == 500:  # the zygote closed the worker's socket unused: it died while forking
                raise _ZygoteLost from None
            raise
        except BaseException:
            writer.close()
            raise
        if kind != b"P":
            writer.close()
            raise WorkerError(500, "a query process did not start")
        worker.attach(int(data))
        return worker

    async def run(self, job: QueryJob, deadline: float, gone: asyncio.Event) -> AsyncGenerator[tuple[str, bytes], None]:
        """Yield ``("type", media)`` then ``("data", bytes)`` frames and a final ``("end", b"")``.

        Raises :class:`WorkerError` for a refused or failed query, and on timeout (503) or when
        ``gone`` is set (the client left); the worker process is killed in both cases.
        """
        loop = asyncio.get_running_loop()
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.concurrency)
        try:
            await asyncio.wait_for(self._slots.acquire(), max(deadline - loop.time(), 0.001))
        except asyncio.TimeoutError:
            raise WorkerError(503, "the server is busy; try again") from None
        worker: _Worker | None = None
        reusable = False
        demotion = None
        leaving = asyncio.ensure_future(gone.wait())
        try:
            while True:  # a reused worker that has died meanwhile is replaced by a fresh one
                reused = bool(self._idle)
                worker = self._idle.pop() if reused else await self._spawn(deadline, gone)
                payload = json.dumps(vars(job)).encode()  # its fields are strings, lists of strings and a flag
                worker.writer.write(struct.pack(">I", len(payload)) + payload)
                worker.jobs += 1
                demotion = loop.call_later(limits.SERVER_SLOW_QUERY, _demote, worker)
                try:
                    kind, data = await self._frame(worker.reader, deadline, gone, leaving)
                    break
                except WorkerError as exc:
                    if exc.status != 500 or not reused:
                        raise
                    demotion.cancel()
                    worker.stop()
                    worker = None
            while True:
                if kind == b"H":
                    yield "type", data
                elif kind == b"D":
                    yield "data", data
                elif kind == b"E":
                    reusable = worker.jobs < _JOBS_PER_WORKER and not worker.demoted
                    yield "end", b""
                    return
                elif kind == b"X":
                    error = json.loads(data)
                    reusable = worker.jobs < _JOBS_PER_WORKER and not worker.demoted and int(error["status"]) < 500
                    raise WorkerError(int(error["status"]), str(error["message"]))
                kind, data = await self._frame(worker.reader, deadline, gone, leaving)
        finally:
            leaving.cancel()
            if demotion is not None:
                demotion.cancel()
            if worker is not None:
                if reusable and self._control is not None and not self._closed:
                    self._idle.append(worker)
                else:
                    worker.stop()
            self._slots.release()

    async def _frame(
        self, reader: asyncio.StreamReader, deadline: float, gone: asyncio.Event, leaving: asyncio.Future[Any] | None = None
    ) -> tuple[bytes, bytes]:
        """The next frame from a worker; ``leaving`` (a wait on ``gone`` shared by the frames of one answer) saves making one per frame."""
        loop = asyncio.get_running_loop()

        async def read() -> tuple[bytes, bytes]:
            kind, size = _HEADER.unpack(await reader.readexactly(_HEADER.size))
            return kind, await reader.readexactly(size)

        reading = asyncio.ensure_future(read())
        own = leaving is None
        waiting = asyncio.ensure_future(gone.wait()) if leaving is None else leaving
        try:
            done, _pending = await asyncio.wait({reading, waiting}, timeout=max(deadline - loop.time(), 0), return_when=asyncio.FIRST_COMPLETED)
        finally:
            if own:
                waiting.cancel()
        if reading in done:
            try:
                return reading.result()
            except (asyncio.IncompleteReadError, ConnectionError):
                raise WorkerError(500, "the query process ended abnormally (out of memory, out of CPU time, or a query nested too deeply)") from None
        reading.cancel()
        if gone.is_set():
            raise WorkerError(499, "the client closed the connection")
        raise WorkerError(503, f"the query did not finish within {self.timeout:g} s and was stopped")
