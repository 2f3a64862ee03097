"""Reading RDF files a user gives us, without surprises.

Every user file goes through Oxigraph's parser (:func:`read_quads`) (Rust, streaming), whichever engine is used:
it never fetches anything (a JSON-LD ``@context`` in another document is refused, not loaded),
it rejects invalid IRIs, and it is fast on very large terms. Before it sees a file:

* the path must be a regular file (a directory, FIFO or device is named as such);
* gzip is read transparently, and a corrupt or truncated archive is one clear error;
* an RDF/XML document type declaration may only hold plain internal entities (the usual
  ``<!ENTITY owl "http://…#">`` namespace shorthands): external, parameter or nested entities,
  and more or longer ones than :mod:`gluteonto.limits` allows, are refused, so entity expansion
  stays linear in the file size ("billion laughs" cannot happen);
* literals and IRIs longer than the limits, and more decompressed bytes than the limit, are refused.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .. import limits
from ..errors import InputError, first_line
from ..i18n import MessageError, Phrase

__all__ = ["check_dtd", "check_regular_file", "open_input", "open_rdf_stream", "read_quads", "reading_rdf"]

if TYPE_CHECKING:
    from .reading import RdfSyntax

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ROOT_ELEMENT = re.compile(rb"<[A-Za-z_]")
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s+)?([^\s>]+)\s+(\"[^\"]*\"|'[^']*'|[^>]*)\s*>", re.DOTALL)
_DTD_HEAD_BYTES = 1024 * 1024


def check_regular_file(path: Path) -> Path:
    """Return ``path`` if it is a readable regular file (symlinks followed); else raise a clear InputError."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise MessageError(("file missing", {"path": path})) from None
    except PermissionError:
        raise MessageError(("file permission", {"path": path})) from None
    except OSError as exc:
        raise MessageError(("file unreadable", {"path": path, "reason": exc.strerror or exc})) from None
    if stat.S_ISDIR(mode):
        raise MessageError(("file is directory", {"path": path}))
    if stat.S_ISFIFO(mode):
        raise MessageError(("file is fifo", {"path": path}))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise MessageError(("file is device", {"path": path}))
    if stat.S_ISSOCK(mode):
        raise MessageError(("file is socket", {"path": path}))
    if not os.access(path, os.R_OK):
        raise MessageError(("file permission", {"path": path}))
    return path


class _GuardedReader(io.RawIOBase):
    """A byte stream that turns decompression failures into InputError and caps the bytes read."""

    def __init__(self, raw: IO[bytes], path: Path, cap: int) -> None:
        self._raw, self._path, self._cap, self._count = raw, path, cap, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._raw.read(len(buffer))
        except EOFError:
            raise MessageError(("gzip truncated", {"path": self._path})) from None
        except (gzip.BadGzipFile, zlib.error) as exc:
            found = Phrase("found gzip bad header" if isinstance(exc, gzip.BadGzipFile) else "found gzip bad data")
            raise MessageError(("gzip corrupt", {"path": self._path, "found": found})) from None
        self._count += len(data)
        if self._count > self._cap:
            raise MessageError(("input too large", {"path": self._path, "cap": f"{self._cap:,}"}))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def open_input(path: Path, cap: int = limits.MAX_INPUT_BYTES) -> IO[bytes]:
    """Open a regular file for reading, gzip decompressed transparently, with clear errors and a size cap."""
    path = check_regular_file(path)
    handle = path.open("rb")
    raw: IO[bytes] = handle
    if handle.read(2) == b"\x1f\x8b":
        handle.seek(0)
        raw = gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[assignment]
    else:
        handle.seek(0)
    return io.BufferedReader(_GuardedReader(raw, path, cap), buffer_size=256 * 1024)


def open_rdf_stream(path: Path) -> IO[bytes]:
    """Open an RDF file for reading, decompressing gzip transparently (checked as :func:`open_input` does)."""
    return open_input(path)


@contextmanager
def reading_rdf(path: Path, what: str, errors: tuple[type[BaseException], ...]) -> Iterator[IO[bytes]]:
    """Open ``path`` for parsing; a parser failure of the given kinds becomes one clear InputError."""
    try:
        with open_input(path) as stream:
            yield stream
    except InputError:
        raise
    except errors as exc:
        raise MessageError(("file not readable as", {"path": path, "what": what, "reason": first_line(exc)})) from None


def check_dtd(path: Path) -> None:
    """Refuse an RDF/XML file whose document type declaration could expand out of bounds or load anything."""
    with open_input(path) as stream:
        head = stream.read(_DTD_HEAD_BYTES)
    doctype = _DOCTYPE.search(head)
    if doctype is None:
        return
    root = _ROOT_ELEMENT.search(head)
    if root is not None and root.start() < doctype.start():
        return  # a "<!DOCTYPE" after the root element is text, not a declaration
    opening = head.find(b"[", doctype.end())
    closing = head.find(b"]>", doctype.end())
    header_end = head.find(b">", doctype.end())
    if opening < 0 or (0 <= header_end < opening):
        if re.search(rb"\b(SYSTEM|PUBLIC)\b", head[doctype.end() : header_end if header_end >= 0 else None]):
            raise MessageError(("dtd external", {"path": path}))
        return
    if closing < 0:
        raise MessageError(("dtd unterminated", {"path": path}))
    if re.search(rb"\b(SYSTEM|PUBLIC)\b", head[doctype.end() : opening]):
        raise MessageError(("dtd external", {"path": path}))
    subset = head[opening + 1 : closing]
    declarations = _ENTITY.findall(subset)
    if len(declarations) > limits.MAX_ENTITY_DECLARATIONS:
        raise MessageError(("dtd too many entities", {"path": path, "limit": limits.MAX_ENTITY_DECLARATIONS}))
    for parameter, name, value in declarations:
        label = name.decode("utf-8", "replace")
        if parameter:
            raise MessageError(("dtd parameter entity", {"path": path, "name": label}))
        if value[:1] not in (b'"', b"'"):
            raise MessageError(("dtd external entity", {"path": path, "name": label}))
        if b"&" in value or b"%" in value:
            raise MessageError(("dtd nested entity", {"path": path, "name": label}))
        if len(value) - 2 > limits.MAX_ENTITY_VALUE:
            raise MessageError(("dtd long entity", {"path": path, "name": label, "limit": limits.MAX_ENTITY_VALUE}))
    if re.sub(rb"<!--.*?-->", b"", _ENTITY.sub(b"", subset), flags=re.DOTALL).strip():
        raise MessageError(("dtd other declarations", {"path": path}))


def _check_term(term: Any, path: Path) -> None:
    import pyoxigraph as ox

    if isinstance(term, ox.Literal):
        if len(term.value) > limits.MAX_LITERAL_CHARS:
            raise MessageError(("literal too long", {"path": path, "length": f"{len(term.value):,}", "limit": f"{limits.MAX_LITERAL_CHARS:,}"}))
    elif isinstance(term, ox.NamedNode) and len(term.value) > limits.MAX_IRI_CHARS:
        raise MessageError(("iri too long", {"path": path, "length": f"{len(term.value):,}", "limit": f"{limits.MAX_IRI_CHARS:,}"}))


def read_quads(path: Path, syntax: RdfSyntax, *, rename_blank_nodes: bool = True) -> Iterator[Any]:
    """Parse ``path`` (an RDF file in ``syntax``, gzip allowed) with Oxigraph, yielding checked quads.

    Every failure is an :class:`~gluteonto.errors.InputError` naming the file.
    """
    import pyoxigraph as ox

    path = Path(path)
    fmt, media_type = syntax.oxigraph, syntax.media_type
    if fmt == ox.RdfFormat.RDF_XML:
        check_dtd(path)
    try:
        with open_input(path) as stream:
            for quad in ox.parse(stream, format=fmt, rename_blank_nodes=rename_blank_nodes):
                _check_term(quad.object, path)
                _check_term(quad.subject, path)
                yield quad
    except InputError:
        raise
    except SyntaxError as exc:
        message = first_line(exc)
        if "LoadDocumentCallback" in message or "remote context" in message.lower():
            raise MessageError(("jsonld remote context", {"path": path})) from None
        raise MessageError(("file not readable as", {"path": path, "what": media_type, "reason": message})) from None
    except (ValueError, OSError, EOFError, UnicodeError, MemoryError) as exc:
        raise MessageError(("file not readable as", {"path": path, "what": media_type, "reason": first_line(exc)})) from None
