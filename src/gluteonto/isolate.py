"""Run one piece of work in a forked child process that can be stopped: timeouts and Ctrl-C that always work.

Neither engine can interrupt a running query (Oxigraph's Rust code does not even see Ctrl-C, and
a pathological regular expression holds rdflib inside the ``re`` module), so the work runs in a
child forked from the current process: it inherits the loaded store at no copying cost, sends its
result back through a pipe, and is killed (with its whole process group, so a Java reasoner goes
too) on timeout, Ctrl-C or SIGTERM. The overhead is one ``fork`` (see ``benchmarks/bench_isolation.py``).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from .errors import GluteontoError, first_line
from .i18n import EngineMessageError, Phrase

__all__ = ["QueryTimeout", "can_isolate", "cap_address_space", "run_isolated"]

T = TypeVar("T")


class QueryTimeout(EngineMessageError):
    """The work did not finish within its time limit and was stopped."""


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
    with contextlib.suppress(OSError, ValueError):
        for line in open("/proc/self/status", encoding="ascii"):  # noqa: SIM115
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def cap_address_space(extra: int) -> None:
    """Let this process grow by at most ``extra`` bytes of address space beyond its present size.

    Nothing is capped when ``extra`` is 0 or the present size cannot be read (no ``/proc``).
    """
    size = _address_space()
    if extra and size:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))


def _child(func: Callable[[], object], write_fd: int, quiet: bool, memory: int | None) -> None:
    code = 0
    try:
        os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides and kills
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        cap_address_space(memory or 0)
        if quiet:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
        try:
            payload: tuple[str, object] = ("ok", func())
        except GluteontoError as exc:
            payload = ("error", exc)
        except MemoryError:
            payload = ("crash", "out of memory (more than the limit the query may use)")
        except BaseException as exc:  # noqa: BLE001 - reported to the parent as one line
            payload = ("crash", f"{type(exc).__name__}: {first_line(exc)}")
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001
            data = pickle.dumps(("crash", f"result not transferable: {first_line(exc)}"))
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(data)
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


def run_isolated(func: Callable[[], T], *, timeout: float | None, what: str = "work.query", quiet: bool = False, memory: int | None = None) -> T:
    """Return ``func()`` computed in a forked child; raise QueryTimeout after ``timeout`` seconds (None: no limit).

    ``what`` is the message key naming the work in errors (``work.query``: *the query*).

    Errors the child raises as :class:`~gluteonto.errors.GluteontoError` are raised again here;
    Ctrl-C (KeyboardInterrupt) and SIGTERM kill the child and propagate. ``quiet`` silences the
    child's standard error (a library that prints tracebacks from its own threads); ``memory``
    caps the address space the child may add, in bytes (an allocation beyond it fails). Without
    ``fork`` the function simply runs here.
    """
    if not can_isolate():
        return func()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        _child(func, write_fd, quiet, memory)
    os.close(write_fd)
    deadline = None if not timeout else time.monotonic() + timeout
    chunks: list[bytes] = []
    finished = False
    try:
        with _interruptible():
            while True:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    break
                ready, _, _ = select.select([read_fd], [], [], remaining)
                if not ready:
                    continue
                chunk = os.read(read_fd, 1 << 20)
                if not chunk:
                    finished = True
                    break
                chunks.append(chunk)
    except BaseException:
        _stop(pid)
        raise
    finally:
        os.close(read_fd)
    if not finished:
        _stop(pid)
        if what == "work.query":
            raise QueryTimeout(("query timeout", {"seconds": timeout}))
        raise QueryTimeout(("work timeout", {"what": Phrase(what), "seconds": timeout}))
    _pid, status = os.waitpid(pid, 0)
    if not chunks:
        if os.WIFSIGNALED(status):
            raise EngineMessageError(("work killed", {"what": Phrase(what), "signal": os.WTERMSIG(status)}))
        raise EngineMessageError(("work ended", {"what": Phrase(what), "status": os.WEXITSTATUS(status)}))
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "ok":
        answer: T = value
        return answer
    if kind == "error":
        raise value
    raise EngineMessageError(("work failed", {"what": Phrase(what), "detail": value}))
