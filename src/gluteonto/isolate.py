"""Run one piece of work in a forked child process that can be stopped: timeouts and Ctrl-C that always work.

Neither engine can interrupt a running query (Oxigraph's Rust code does not even see Ctrl-C, and
a pathological regular expression holds rdflib inside the ``re`` module), so the work runs in a
child forked from the current process: it inherits the loaded store at no copying cost, sends its
result back through a pipe, and is killed (with its whole process group, so a Java reasoner goes
too) on timeout, Ctrl-C or SIGTERM. The overhead is one ``fork`` (see ``benchmarks/bench_isolation.py``).

The network wall. With ``offline`` the child first enters a new, empty network namespace
(:func:`deny_network`): the second wall behind the parser-based SERVICE check of
:mod:`gluteonto.sparql.guard`, for the day the parser and the engine disagree about a query. Text a
user wrote (``gluteonto sparql``, :meth:`~gluteonto.query.session.Session.sparql`, the server's
queries) always gets it. A packaged catalog question (``gluteonto query``, ``Session.query``,
``answers.ask``) is spared it when its text does not even spell ``service`` in any case: such text
cannot hold a SERVICE clause whatever the parser thinks (keywords have no other spelling), the
catalog's own tests prove every packaged question free of SERVICE, and the values a user gives are
bound as a ``VALUES`` row of serialised RDF terms, which cannot add a clause. The wall costs about
6 ms of CPU per query (loading ctypes, a new user and network namespace), a tenth of what the
bare query costs, on the command a person runs most.

Packaged questions over the release. Such a question asked of the packaged release alone (no ``--data``,
no relation graph, no endpoint) does not run in a child at all
(:meth:`~gluteonto.query.session.Session.run`), as ``qc``, ``quiz`` and the site already ran them: its
text and its data are the package's own, so its time and memory are bounded by them (the slowest of
the catalog answers in 0.2 s, most in a few milliseconds; a value the user gives is bound as a term in a
``VALUES`` row, and no question uses one as a regular expression), and Ctrl-C
stops the command as soon as the answer is in. The child (``fork``, the pages it copies, loading
pickle) cost ``gluteonto query`` about 8 ms of CPU. With ``--data`` (a file of any size), over the
relation graph, and for any text a user wrote, the query runs in the child as before.
"""

from __future__ import annotations

import contextlib
import math
import os
import pickle
import resource
import select
import signal
import sys
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from .errors import EngineError, GluteontoError, first_line
from .i18n import EngineMessageError, Phrase

__all__ = ["QueryTimeout", "can_isolate", "cap_address_space", "deny_network", "run_isolated", "tell"]

T = TypeVar("T")


class QueryTimeout(EngineMessageError):
    """The work did not finish within its time limit and was stopped."""


#: where :func:`tell` sends a line: the relay pipe's write end in a child, the relay itself when nothing was forked
_told: int | Callable[[str], None] | None = None


def tell(line: str) -> None:
    """Pass one line (a progress message) from the work to the ``relay`` of :func:`run_isolated`, at once."""
    target = _told
    if callable(target):
        target(line)
    elif target is not None:
        with contextlib.suppress(OSError):
            os.write(target, (line.replace("\n", " ") + "\n").encode("utf-8", "replace"))


def can_isolate() -> bool:
    """True where work can run in a forked child (POSIX)."""
    return hasattr(os, "fork")


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt while waiting, so the child is not left running."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt("terminated")

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _address_space() -> int:
    """This process's address space in bytes (``VmSize``), 0 where it cannot be read.

    Read from ``/proc/self/statm`` with bare system calls: in a forked child every page Python writes to is
    copied first, and a buffered text file reading ``/proc/self/status`` line by line wrote to a few hundred of
    them (with a file object for the answer, 190 pages, about 1 ms of CPU per query here).
    """
    with contextlib.suppress(OSError, ValueError, IndexError):
        fd = os.open("/proc/self/statm", os.O_RDONLY)
        try:
            return int(os.read(fd, 256).split()[0]) * os.sysconf("SC_PAGE_SIZE")
        finally:
            os.close(fd)
    return 0


def cap_address_space(extra: int) -> None:
    """Let this process grow by at most ``extra`` bytes of address space beyond its present size.

    Nothing is capped when ``extra`` is 0 or the present size cannot be read (no ``/proc``).
    """
    size = _address_space()
    if extra and size:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))


def deny_network() -> bool:
    """Cut this process off from every network (a new, empty network namespace); False where Linux does not allow it.

    Called in a forked query process, it is the second wall behind the SERVICE check of
    :mod:`gluteonto.sparql.guard`: a query that got past the check still reaches nothing. Without
    privileges this needs unprivileged user namespaces; where they are disabled nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(_CLONE_NEWNET) == 0:  # allowed as root: no user namespace needed
            return True
        return bool(libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0)
    except (OSError, AttributeError):
        return False


_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
#: bytes of a child's standard error kept to tell why it died
_STDERR_TAIL = 64 * 1024


def _child(func: Callable[[], object], write_fd: int, error_fd: int, memory: int | None, offline: bool) -> None:
    code = 0
    try:
        os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides and kills
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if offline:
            deny_network()
        cap_address_space(memory or 0)
        os.dup2(error_fd, 2)
        os.close(error_fd)
        try:
            payload: tuple[str, object] = ("ok", func())
        except GluteontoError as exc:
            payload = ("error", exc)
        except MemoryError:
            payload = ("crash", "memory")
        except RecursionError:
            payload = ("crash", "stack")
        except BaseException as exc:  # noqa: BLE001 - reported to the parent as one line
            payload = ("crash", f"{type(exc).__name__}: {first_line(exc)}")
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001
            data = pickle.dumps(("crash", f"result not transferable: {first_line(exc)}"))
        view = memoryview(data)  # bare writes: a buffered file object would touch (and so copy) more pages
        while view:
            view = view[os.write(write_fd, view) :]
        os.close(write_fd)
    except BaseException:  # noqa: BLE001
        code = 1
    finally:
        os._exit(code)


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _deadline(timeout: float | None) -> float | None:
    """When a child given ``timeout`` seconds must be done (None: never; an infinite or absurd timeout is none)."""
    if not timeout or not math.isfinite(timeout) or timeout > 10 * 365 * 24 * 3600:
        return None
    return time.monotonic() + max(timeout, 0.0)


def run_isolated(  # noqa: C901 - one loop reads the answer, the child's standard error and its messages
    func: Callable[[], T],
    *,
    timeout: float | None,
    what: str = "work.query",
    quiet: bool = False,
    memory: int | None = None,
    offline: bool = False,
    relay: Callable[[str], None] | None = None,
) -> T:
    """Return ``func()`` computed in a forked child; raise QueryTimeout after ``timeout`` seconds (None: no limit).

    ``what`` is the message key naming the work in errors (``work.query``: *the query*).

    Errors the child raises as :class:`~gluteonto.errors.GluteontoError` are raised again here;
    Ctrl-C (KeyboardInterrupt) and SIGTERM kill the child and propagate. ``quiet`` silences the
    child's standard error (a library that prints tracebacks from its own threads); ``memory``
    caps the address space the child may add, in bytes (an allocation beyond it fails);
    ``offline`` cuts the child off from the network where Linux allows it (:func:`deny_network`).
    A child that dies is reported by cause: out of memory, or a stack overflow (input nested too
    deeply). ``relay`` receives, as they come, the lines the work passes to :func:`tell` (progress
    messages printed by the parent, which has the user's real streams). Without ``fork`` the function simply runs here.
    """
    global _told
    if not can_isolate():
        _told = relay
        try:
            return func()
        finally:
            _told = None
    read_fd, write_fd = os.pipe()
    error_read, error_write = os.pipe()
    told_read, told_write = os.pipe() if relay is not None else (-1, -1)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        os.close(error_read)
        if relay is not None:
            os.close(told_read)
            _told = told_write
        _child(func, write_fd, error_write, memory, offline)
    os.close(write_fd)
    os.close(error_write)
    if relay is not None:
        os.close(told_write)
    told = bytearray()
    deadline = _deadline(timeout)
    chunks: list[bytes] = []
    errors = bytearray()
    finished = False
    try:
        with _interruptible():
            open_fds = [read_fd, error_read] + ([told_read] if relay is not None else [])
            while read_fd in open_fds:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    break
                ready, _, _ = select.select(open_fds, [], [], remaining)
                for fd in ready:
                    chunk = os.read(fd, 1 << 20)
                    if fd == error_read:
                        errors += chunk
                        del errors[:-_STDERR_TAIL]
                    elif fd == told_read and relay is not None:
                        told += chunk
                        *lines, rest = told.split(b"\n")
                        told = bytearray(rest[-_STDERR_TAIL:])
                        for line in lines:
                            relay(line.decode("utf-8", "replace"))
                    elif chunk:
                        chunks.append(chunk)
                    if not chunk:
                        open_fds.remove(fd)
            finished = read_fd not in open_fds
            if finished and error_read in open_fds:  # the child is gone: what it said last (why it died) is read too
                errors += _drain(error_read)
                del errors[:-_STDERR_TAIL]
    except BaseException:
        _stop(pid)
        raise
    finally:
        os.close(read_fd)
        os.close(error_read)
        if relay is not None:
            os.close(told_read)
    if not finished:
        _stop(pid)
        if _WHAT_KEYS.get(what, what) == "work.query":
            raise QueryTimeout(("query timeout", {"seconds": timeout}))
        raise QueryTimeout(("work timeout", {"what": _phrase(what), "seconds": timeout}))
    _pid, status = os.waitpid(pid, 0)
    if errors and not quiet:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.write(bytes(errors).decode("utf-8", "replace"))
            sys.stderr.flush()
    if not chunks:
        raise _crash(what, status, bytes(errors), memory)
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "ok":
        answer: T = value
        return answer
    if kind == "error":
        raise value
    if value in ("memory", "stack"):
        raise EngineMessageError((f"crash {value}", {"what": _phrase(what), "limit": _gib(memory)}))
    raise EngineMessageError(("work failed", {"what": _phrase(what), "detail": value}))


def _drain(fd: int, wait: float = 1.0) -> bytes:
    """What is left to read from a pipe whose writer has ended (at most ``wait`` seconds for it to close)."""
    data = bytearray()
    deadline = time.monotonic() + wait
    while (remaining := deadline - time.monotonic()) > 0 and select.select([fd], [], [], remaining)[0]:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        data += chunk
        del data[:-_STDERR_TAIL]
    return bytes(data)


#: older English names of the work, as callers may still pass them, to their message keys
_WHAT_KEYS = {"the query": "work.query", "the reasoner": "work.reasoner", "checking the query": "what check"}


def _phrase(what: str) -> str | Phrase:
    """``what`` in the user's language: a message key (``work.query``) or one of the older English names."""
    key = _WHAT_KEYS.get(what, what)
    return Phrase(key) if key.startswith(("work.", "what ")) else what


def _gib(memory: int | None) -> str:
    return f"{memory / 1024**3:g} GiB" if memory else "?"


def _crash(name: str, status: int, errors: bytes, memory: int | None) -> EngineError:
    """Why a child died without an answer, from its exit status and the end of its standard error."""
    what = _phrase(name)
    if b"overflowed its stack" in errors or b"stack overflow" in errors:
        return EngineMessageError(("crash stack", {"what": what}))
    if b"memory allocation of" in errors or b"MemoryError" in errors or b"out of memory" in errors:
        return EngineMessageError(("crash memory", {"what": what, "limit": _gib(memory)}))
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGKILL:  # the kernel's out-of-memory killer, or someone else
            return EngineMessageError(("crash killed", {"what": what}))
        if number == signal.SIGABRT and memory:
            # a capped child that aborts: Rust (Oxigraph) aborts when an allocation fails, not always saying so first
            return EngineMessageError(("crash memory", {"what": what, "limit": _gib(memory)}))
        if number == signal.SIGSEGV:
            return EngineMessageError(("crash stack", {"what": what}))
        return EngineMessageError(("crash signal", {"what": what, "signal": signal.Signals(number).name}))
    return EngineMessageError(("crash status", {"what": what, "status": os.WEXITSTATUS(status)}))
