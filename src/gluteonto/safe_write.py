"""Writing result files so that nothing is lost or half-written.

* An output is either a new path or an existing regular file; a device (``/dev/null``), FIFO,
  directory or socket is refused with a hint to use ``-o -`` (standard output) instead.
* An output that is one of the command's inputs (the same file, by device and inode, so hard
  links and symlinks count) is refused before any work is done.
* The new content is written to an unnamed temporary file in the target directory (Linux
  ``O_TMPFILE``) and only given a name when complete, then renamed over the target: a process
  killed even with SIGKILL leaves no temporary file behind. Where ``O_TMPFILE`` is unavailable a
  hidden named temporary file is used and removed on errors, Ctrl-C and SIGTERM.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .i18n import MessageError, Phrase, os_reason

__all__ = ["atomic_output", "check_output", "is_stdout", "resolve_output"]

_KINDS = (
    (stat.S_ISDIR, "kind directory"),
    (stat.S_ISCHR, "kind device"),
    (stat.S_ISBLK, "kind device"),
    (stat.S_ISFIFO, "kind fifo"),
    (stat.S_ISSOCK, "kind socket"),
)


def is_stdout(path: Path | str | None) -> bool:
    """True for ``-`` (or no path): the output goes to standard output."""
    return path is None or str(path) == "-"


def resolve_output(path: Path) -> Path:
    """The file that will really be replaced: symlinks resolved; anything under /dev or /proc refused."""
    path = Path(path)
    real = Path(os.path.realpath(path))
    for special in ("/dev", "/proc", "/sys"):
        if real == Path(special) or Path(special) in real.parents or str(path).startswith(special + "/"):
            raise MessageError(("output special", {"path": path}))
    return real


def check_output(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output that is not a regular file or a new path, or that is one of ``inputs``."""
    path = resolve_output(path)
    try:
        target = path.stat()
    except FileNotFoundError:
        if not path.parent.is_dir() and path.parent.exists():
            raise MessageError(("output parent not directory", {"path": path, "parent": path.parent})) from None
        return
    except OSError as exc:
        raise MessageError(("output not writable", {"path": path, "reason": os_reason(exc)})) from None
    for test, kind in _KINDS:
        if test(target.st_mode):
            raise MessageError(("output kind", {"path": path, "kind": Phrase(kind)}))
    if not target.st_mode & stat.S_IWUSR:
        raise MessageError(("output read-only", {"path": path}))
    for source in inputs:
        try:
            other = Path(source).stat()
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (target.st_dev, target.st_ino):
            raise MessageError(("output is input", {"path": path, "source": source}))


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While writing, turn SIGTERM into KeyboardInterrupt so the temporary file is cleaned up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt("terminated")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _mode_for(path: Path) -> int:
    """The permission bits a replaced file keeps; a new file gets 0o666 less the umask, as ``open`` gives."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where Linux shows it (``os.umask`` sets it to read it)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _open_unnamed(directory: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return None
    try:
        return os.open(directory, flag | os.O_WRONLY, 0o644)
    except OSError:
        return None  # file system without O_TMPFILE support


@contextlib.contextmanager
def atomic_output(path: Path, inputs: Iterable[Path] = ()) -> Iterator[BinaryIO]:
    """Yield a binary handle whose content replaces ``path`` only if the block completes.

    On any exception (and on Ctrl-C or SIGTERM) ``path`` is left as it was and no temporary file remains.
    """
    shown = Path(path)
    path = resolve_output(shown)
    check_output(shown, list(inputs))
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    with _sigterm_as_interrupt():
        fd = _open_unnamed(path.parent)
        if fd is not None:
            tmp_name = None
            try:
                with os.fdopen(fd, "wb", closefd=False) as handle:
                    yield handle
                    handle.flush()
                    os.fchmod(fd, mode)
                    os.fsync(fd)
                tmp_name = Path(tempfile.mktemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
                dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
                try:  # a directory fd makes os.link use linkat(AT_SYMLINK_FOLLOW), which can name an O_TMPFILE file
                    os.link(f"/proc/self/fd/{fd}", tmp_name.name, dst_dir_fd=dir_fd, follow_symlinks=True)
                    os.replace(tmp_name.name, path.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
                    tmp_name = None
                finally:
                    os.close(dir_fd)
            finally:
                os.close(fd)
                if tmp_name is not None:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(tmp_name)
            return
        fd, named = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(named, mode)
            os.replace(named, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(named)
            raise
