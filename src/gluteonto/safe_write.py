"""Writing result files so that nothing is lost or half-written.

* An output is either a new path or an existing regular file; a device (``/dev/null``), FIFO,
  directory or socket is refused with a hint to use ``-o -`` (standard output) instead, and so is
  a name ending in ``/`` (it names a folder, not a file).
* An output that is one of the command's inputs (the same file, by device and inode, so hard
  links and symlinks count) is refused before any work is done, and so is an output inside
  gluteonto's own installed files (:mod:`gluteonto.resources`) or one that a symbolic link leads
  into a system folder (``/etc``, ``/usr``…).
* The new content is written to an unnamed temporary file in the target directory (Linux
  ``O_TMPFILE``) and only given a name when complete, then renamed over the target: a process
  killed even with SIGKILL leaves no temporary file behind. Where ``O_TMPFILE`` is unavailable a
  hidden named temporary file is used and removed on errors, Ctrl-C and SIGTERM. Hidden names are
  kept within the file system's name length, so any legal output name can be written.
* A failure of the file system names the user's file, never a temporary one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .i18n import MessageError, Phrase, os_reason

__all__ = [
    "atomic_output",
    "check_output",
    "check_output_folder",
    "hidden_name",
    "is_stdout",
    "package_roots",
    "resolve_output",
    "sigterm_as_interrupt",
]

_KINDS = (
    (stat.S_ISDIR, "kind directory"),
    (stat.S_ISCHR, "kind device"),
    (stat.S_ISBLK, "kind device"),
    (stat.S_ISFIFO, "kind fifo"),
    (stat.S_ISSOCK, "kind socket"),
)
#: folders of the operating system: an output that a symbolic link leads into one of them is refused
_SYSTEM_FOLDERS = (
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/lib",
    "/lib32",
    "/lib64",
    "/libx32",
    "/proc",
    "/run",
    "/sbin",
    "/sys",
    "/usr",
    "/var/lib",
    "/var/log",
    "/var/mail",
    "/var/spool",
    "/System",
    "/Library",
    "/private/etc",
)
_SPECIAL = ("/dev", "/proc", "/sys")


def is_stdout(path: Path | str | None) -> bool:
    """True for ``-`` (or no path): the output goes to standard output."""
    return path is None or str(path) == "-"


def _inside(path: Path, folders: Iterable[Path | str]) -> Path | None:
    """The first of ``folders`` that holds ``path`` (or is it), else None."""
    for folder in folders:
        folder = Path(folder)
        if path == folder or folder in path.parents:
            return folder
    return None


def package_roots() -> list[Path]:
    """Folders holding gluteonto's own files: the package and its data (in a checkout, the data folders).

    Outputs are never written there (a release file must not be replaced by an export).
    """
    package = Path(os.path.realpath(Path(__file__).parent))
    roots = [package]
    try:
        from .resources import data_root

        data = Path(os.path.realpath(str(data_root())))
    except (FileNotFoundError, OSError):
        return roots
    if _inside(data, [package]) is None:  # a source checkout: only its data folders are the package's
        roots += [data / name for name in ("ontology", "shapes", "queries", "mappings")]
    else:
        roots.append(data)
    return roots


def resolve_output(path: Path | str, *, package_data: bool = False, folder: bool = False) -> Path:
    """The file that will really be replaced: symlinks resolved; special, system and package paths refused.

    A name ending in ``/`` names a folder and is refused (unless ``folder``: the output is a folder);
    ``package_data`` allows writing among gluteonto's own files (only the release build does).
    """
    text = os.fspath(path)
    if text.endswith(("/", os.sep)) and text.strip("/" + os.sep):
        raise MessageError(("output names folder", {"path": text}))
    shown = Path(text)
    real = Path(os.path.realpath(shown))
    if _inside(real, _SPECIAL) is not None or any(text.startswith(s + "/") for s in _SPECIAL):
        raise MessageError(("output special folder" if folder else "output special", {"path": shown}))
    if real != Path(os.path.abspath(shown)) and _inside(real, _SYSTEM_FOLDERS) is not None:
        raise MessageError(("output symlink system", {"path": shown, "real": real}))
    if not package_data:
        root = _inside(real, package_roots())
        if root is not None:
            raise MessageError(("output package data", {"path": shown, "root": root}))
    return real


def check_output(path: Path | str, inputs: Iterable[Path] = (), *, package_data: bool = False) -> None:
    """Refuse an output that is not a regular file or a new path in an existing folder, or that is one of ``inputs``
    (the release build, ``package_data``, may create its folders)."""
    shown = Path(path)
    real = resolve_output(path, package_data=package_data)
    try:
        target = real.stat()
    except FileNotFoundError:
        if not real.parent.is_dir() and real.parent.exists():
            raise MessageError(("output parent not dir", {"path": shown, "parent": real.parent})) from None
        if not real.parent.exists() and not package_data:
            raise MessageError(("output folder missing", {"path": shown, "folder": shown.parent})) from None
        return
    except OSError as exc:
        raise MessageError(("output not writable", {"path": shown, "reason": os_reason(exc)})) from None
    for test, kind in _KINDS:
        if test(target.st_mode):
            raise MessageError(("output kind", {"path": shown, "kind": Phrase(kind)}))
    if not target.st_mode & stat.S_IWUSR:
        raise MessageError(("output read-only", {"path": shown}))
    for source in inputs:
        try:
            other = Path(source).stat()
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (target.st_dev, target.st_ino):
            raise MessageError(("output is input", {"path": shown, "source": source}))


def _name_max(directory: Path) -> int:
    try:
        return int(os.pathconf(directory, "PC_NAME_MAX"))
    except (OSError, ValueError):
        return 255


def hidden_name(directory: Path, name: str, suffix: str = ".tmp") -> str:
    """A new hidden name for a temporary beside ``name`` in ``directory``, within the file system's name length.

    >>> name = hidden_name(Path("."), "x" * 255)
    >>> name.startswith(".xxx") and name.endswith(".tmp") and len(name) <= 255
    True
    """
    tail = f".{secrets.token_hex(4)}{suffix}"
    budget = _name_max(directory) - 1 - len(os.fsencode(tail))
    stem = name
    while len(os.fsencode(stem)) > budget:
        stem = stem[:-1]
    return f".{stem}{tail}"


def check_output_folder(path: Path | str) -> Path:
    """The folder an output folder really is (see :func:`resolve_output`: special, system and package paths
    refused; ``-`` too, since standard output cannot hold a folder)."""
    if os.fspath(path) == "-":
        raise MessageError(("output folder stdout", {}))
    text = os.fspath(path).rstrip("/" + os.sep) or os.sep
    return resolve_output(text, folder=True)


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While writing, turn SIGTERM into KeyboardInterrupt so temporary files are cleaned up."""
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
def atomic_output(path: Path | str, inputs: Iterable[Path] = (), *, package_data: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary handle whose content replaces ``path`` only if the block completes.

    On any exception (and on Ctrl-C or SIGTERM) ``path`` is left as it was and no temporary file
    remains. ``package_data`` allows writing among gluteonto's own files (the release build).
    """
    shown = Path(path)
    check_output(path, list(inputs), package_data=package_data)
    path = resolve_output(path, package_data=package_data)
    with sigterm_as_interrupt(), _naming(shown):
        if package_data:
            path.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(path)
        fd = _open_unnamed(path.parent)
        if fd is not None:
            tmp_name = None
            try:
                with os.fdopen(fd, "wb", closefd=False) as handle:
                    yield handle
                    handle.flush()
                    os.fchmod(fd, mode)
                    os.fsync(fd)
                tmp_name = hidden_name(path.parent, path.name)
                dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
                try:  # a directory fd makes os.link use linkat(AT_SYMLINK_FOLLOW), which can name an O_TMPFILE file
                    os.link(f"/proc/self/fd/{fd}", tmp_name, dst_dir_fd=dir_fd, follow_symlinks=True)
                    os.replace(tmp_name, path.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
                    tmp_name = None
                finally:
                    if tmp_name is not None:
                        with contextlib.suppress(FileNotFoundError):
                            os.unlink(tmp_name, dir_fd=dir_fd)
                    os.close(dir_fd)
            finally:
                os.close(fd)
            return
        named = path.parent / hidden_name(path.parent, path.name)
        fd = os.open(named, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
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


@contextlib.contextmanager
def _naming(shown: Path) -> Iterator[None]:
    """Report a file-system failure of the write (no space, no permission…) with the user's file name."""
    try:
        yield
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise MessageError(("link disk full", {"path": shown})) from None
        raise MessageError(("output cannot write", {"path": shown, "reason": exc.strerror or exc})) from None
