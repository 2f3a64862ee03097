"""Put a generated site into the user's folder without touching anything the user keeps there.

A site folder is often also a git checkout, a GitHub Pages folder with a ``CNAME``, or holds the
user's notes. So the site owns only the files it wrote: the marker file ``.gluteonto-site`` lists
them, and a new run replaces and removes those, and nothing else. A file the site would write
where the user has one of their own is refused before anything changes.

The site is generated into a hidden work folder inside the target, which is locked while a run
lasts (two runs cannot mix their files), removed on any failure, Ctrl-C or SIGTERM, and — after
a ``kill -9`` — by the next run. The new files are moved into place one by one after the list
in the marker has been extended to cover them, so an interrupted move leaves a folder the next
run can still update.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..i18n import MessageError
from ..safe_write import check_output_folder, sigterm_as_interrupt

__all__ = ["MARKER", "publishing"]

MARKER = ".gluteonto-site"
_WORK_PREFIX = ".gluteonto-build-"
_LIST_HEADER = "# files written by 'gluteonto site' (replaced or removed by its next run; anything else here is left alone)"


def _own_entries(output: Path) -> list[Path]:
    """What is in ``output`` apart from the work folders of runs of this module."""
    return [entry for entry in output.iterdir() if not entry.name.startswith(_WORK_PREFIX)]


def check_target(output: Path) -> None:
    """Refuse a target that is not a folder, or a folder with content but no site in it."""
    check_output_folder(output)
    if output.exists() and not output.is_dir():
        raise MessageError(("site not folder", {"path": output}))
    if output.is_dir() and _own_entries(output) and not (output / MARKER).is_file():
        raise MessageError(("site foreign folder", {"path": output}))


def _read_list(marker: Path) -> set[str] | None:
    """The files the marker says the site wrote (None for a marker of an older version, which lists none)."""
    try:
        lines = marker.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if _LIST_HEADER not in lines:
        return None
    return {line for line in lines[lines.index(_LIST_HEADER) + 1 :] if _safe_name(line)}


def _safe_name(name: str) -> bool:
    """A relative path of plain parts (never ``..``, absolute or hidden): only such names are ever written or removed."""
    parts = name.split("/")
    return bool(name) and all(part and not part.startswith(".") and "\\" not in part for part in parts)


def _write_list(marker: Path, title: str, names: set[str]) -> None:
    work = marker.with_name(MARKER + ".new")
    work.write_text("\n".join([title, _LIST_HEADER, *sorted(names)]) + "\n", encoding="utf-8")
    os.replace(work, marker)


def _inside(output: Path, name: str) -> bool:
    """True if ``output/name`` really lies inside ``output`` (no symbolic link in between leads elsewhere)."""
    real = Path(os.path.realpath(output))
    return Path(os.path.realpath(output / name)).parent.is_relative_to(real)


def _commit(work: Path, output: Path) -> None:
    """Move the generated files from ``work`` into ``output``; remove the files of the previous run no longer written."""
    marker = output / MARKER
    title = (work / MARKER).read_text(encoding="utf-8").splitlines()[0]
    new = {path.relative_to(work).as_posix() for path in work.rglob("*") if path.is_file() and path.name != MARKER}
    listed = _read_list(marker) if marker.is_file() else set()
    old = listed or set()
    for name in sorted(new):
        target = output / name
        taken = (os.path.lexists(target) and listed is not None and name not in old) or target.is_dir()
        if taken or not _inside(output, name):
            raise MessageError(("site would overwrite", {"path": target}))
    _write_list(marker, title, old | new)
    for name in sorted(new):
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        os.replace(work / name, output / name)
    for name in sorted(old - new):
        if _inside(output, name):
            with contextlib.suppress(FileNotFoundError, IsADirectoryError, NotADirectoryError):
                (output / name).unlink()
            _prune(output, (output / name).parent)
    _write_list(marker, title, new)


def _prune(output: Path, folder: Path) -> None:
    """Remove ``folder`` and its parents below ``output`` while they are empty."""
    while folder != output and output in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


@contextlib.contextmanager
def _locked(output: Path) -> Iterator[None]:
    """Hold an exclusive lock on the ``output`` folder (released by the kernel even after ``kill -9``)."""
    import fcntl

    fd = os.open(output, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise MessageError(("site busy", {"path": output})) from None
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def publishing(output: Path) -> Iterator[Path]:
    """Yield a new, empty work folder; when the block completes, its files become the site in ``output``.

    On an exception, Ctrl-C or SIGTERM nothing in ``output`` changes and the work folder is removed.
    """
    output = Path(output)
    check_target(output)
    created = not output.exists()
    output.mkdir(parents=True, exist_ok=True)
    try:
        with _locked(output), sigterm_as_interrupt():
            for stale in output.glob(_WORK_PREFIX + "*"):  # left by a run that was killed (we hold the lock)
                shutil.rmtree(stale, ignore_errors=True)
            work = Path(tempfile.mkdtemp(prefix=_WORK_PREFIX, dir=output))
            try:
                yield work
                os.chmod(work, 0o755)
                _commit(work, output)
            finally:
                shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                output.rmdir()  # only if still empty
        raise
