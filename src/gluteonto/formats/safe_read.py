"""Reading RDF files a user gives us, without surprises.

Every user file goes through Oxigraph's parser (:func:`read_quads`) (Rust, streaming), whichever engine is used:
it never fetches anything (a JSON-LD ``@context`` in another document is refused, not loaded),
it rejects invalid IRIs, and it is fast on very large terms. Before it sees a file:

* the path must be a regular file (a directory, FIFO or device is named as such);
* gzip is read transparently, and a corrupt or truncated archive is one clear error;
* a UTF-8 byte order mark at the start is skipped;
* RDF/XML and JSON-LD are first read by a real tokenizer (:mod:`.structure`): an RDF/XML document
  type may only declare plain internal entities (the usual ``<!ENTITY owl "http://…#">``
  namespace shorthands), anywhere in the file; the text of an element, what entities add to the
  file, the nesting depth and the size of one tag are bounded while reading, so "billion laughs",
  gzip bombs with one huge text node and pathological nesting are refused in bounded memory and time;
* literals and IRIs (subjects, predicates, objects, graph names, datatypes) longer than the limits,
  and more decompressed bytes than the limit, are refused.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .. import limits
from ..errors import InputError, first_line
from ..i18n import MessageError, Phrase
from .structure import StructureCheck

__all__ = ["check_regular_file", "check_structure", "checked_terms", "open_input", "open_rdf_stream", "read_quads", "reading_rdf"]

if TYPE_CHECKING:
    from .reading import RdfSyntax

_BOM = b"\xef\xbb\xbf"


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
    """A byte stream that turns decompression failures into InputError, caps the bytes read and checks the structure."""

    def __init__(self, raw: IO[bytes], path: Path, cap: int, check: StructureCheck | None = None) -> None:
        self._raw, self._path, self._cap, self._count, self._check = raw, path, cap, 0, check

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
        if self._check is not None:  # before the parser reads these bytes
            if data:
                self._check.feed(data)
            else:
                check, self._check = self._check, None
                check.close()
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def open_input(path: Path, cap: int = limits.MAX_INPUT_BYTES, syntax: RdfSyntax | None = None, structure: str | None = None) -> IO[bytes]:
    """Open a regular file for reading, gzip decompressed transparently, with clear errors and a size cap.

    With the file's ``syntax``, an RDF/XML or JSON-LD file's structure is checked as it is read (see :mod:`.structure`);
    ``structure`` (``xml`` or ``json``) asks for that check on a file that is not RDF (e.g. obographs JSON).
    """
    path = check_regular_file(path)
    handle = path.open("rb")
    raw: IO[bytes] = handle
    if handle.read(2) == b"\x1f\x8b":
        handle.seek(0)
        raw = gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[assignment]
    else:
        handle.seek(0)
    check = StructureCheck(path, structure) if structure is not None else _structure_check(path, syntax)
    stream = io.BufferedReader(_GuardedReader(raw, path, cap, check), buffer_size=256 * 1024)
    if stream.peek(3)[:3] == _BOM:
        stream.read(3)  # a UTF-8 byte order mark (some Windows editors write one): the text starts after it
    return stream


def open_rdf_stream(path: Path) -> IO[bytes]:
    """Open an RDF file for reading, gzip decompressed transparently, its structure checked as it is read
    when its name tells RDF/XML or JSON-LD (see :func:`open_input`)."""
    return open_input(path, syntax=_syntax_of(path))


@contextmanager
def reading_rdf(path: Path, what: str, errors: tuple[type[BaseException], ...]) -> Iterator[IO[bytes]]:
    """Open ``path`` for parsing (as :func:`open_rdf_stream`); a parser failure of the given kinds becomes one clear InputError."""
    try:
        with open_rdf_stream(path) as stream:
            yield stream
    except InputError:
        raise
    except errors as exc:
        raise MessageError(("file not readable as", {"path": path, "what": what, "reason": first_line(exc)})) from None


def _syntax_of(path: Path) -> RdfSyntax | None:
    from .reading import syntax_for

    try:
        return syntax_for(path)
    except InputError:
        return None  # a name that tells no RDF syntax: the reader names the problem


def _structure_check(path: Path, syntax: RdfSyntax | None) -> StructureCheck | None:
    import pyoxigraph as ox

    kinds = {ox.RdfFormat.RDF_XML: "xml", ox.RdfFormat.JSON_LD: "json"}
    kind = kinds.get(syntax.oxigraph) if syntax is not None else None
    return StructureCheck(path, kind) if kind is not None else None


def check_structure(path: Path, syntax: RdfSyntax) -> None:
    """Read a whole file only to check its structure (RDF/XML, JSON-LD; see :mod:`.structure`): a clear InputError if broken."""
    with open_input(path, syntax=syntax) as stream:
        while stream.read(1024 * 1024):
            pass


def _check_term(term: Any, path: Path, depth: int = 0) -> None:
    """Refuse a literal or an IRI (subject, predicate, object, graph, datatype) longer than the limits."""
    import pyoxigraph as ox

    kind = type(term)
    if kind is ox.Literal:
        if len(term.value) > limits.MAX_LITERAL_CHARS:
            raise MessageError(("literal too long", {"path": path, "length": f"{len(term.value):,}", "limit": f"{limits.MAX_LITERAL_CHARS:,}"}))
        if term.language is None:
            _check_term(term.datatype, path)
    elif kind is ox.NamedNode:
        if len(term.value) > limits.MAX_IRI_CHARS:
            raise MessageError(("iri too long", {"path": path, "length": f"{len(term.value):,}", "limit": f"{limits.MAX_IRI_CHARS:,}"}))
    elif kind is ox.Triple and depth < 64:  # a quoted triple (RDF 1.2)
        for part in (term.subject, term.predicate, term.object):
            _check_term(part, path, depth + 1)


def checked_terms(quads: Iterable[Any], path: Path) -> Iterator[Any]:
    """``quads`` with every term checked by :func:`_check_term` (the common cases inline: this runs per quad)."""
    import pyoxigraph as ox

    literal, blank, default = ox.Literal, ox.BlankNode, ox.DefaultGraph
    iri_limit = limits.MAX_IRI_CHARS
    for quad in quads:
        subject, obj, graph = quad.subject, quad.object, quad.graph_name
        kind = type(obj)
        if kind is literal:
            if len(obj.value) > limits.MAX_LITERAL_CHARS or (obj.language is None and len(obj.datatype.value) > iri_limit):
                _check_term(obj, path)
        elif kind is not blank:
            _check_term(obj, path)
        if type(subject) is not blank:
            _check_term(subject, path)
        if len(quad.predicate.value) > iri_limit:
            _check_term(quad.predicate, path)
        if type(graph) is not default:
            _check_term(graph, path)
        yield quad


def read_quads(path: Path, syntax: RdfSyntax, *, rename_blank_nodes: bool = True) -> Iterator[Any]:
    """Parse ``path`` (an RDF file in ``syntax``, gzip allowed) with Oxigraph, yielding checked quads.

    Every failure is an :class:`~gluteonto.errors.InputError` naming the file.
    """
    import pyoxigraph as ox

    path = Path(path)
    fmt, media_type = syntax.oxigraph, syntax.media_type
    try:
        with open_input(path, syntax=syntax) as stream:
            yield from checked_terms(ox.parse(stream, format=fmt, rename_blank_nodes=rename_blank_nodes), path)
    except InputError:
        raise
    except SyntaxError as exc:
        message = first_line(exc)
        if "LoadDocumentCallback" in message or "remote context" in message.lower():
            raise MessageError(("jsonld remote context", {"path": path})) from None
        raise MessageError(("file not readable as", {"path": path, "what": media_type, "reason": message})) from None
    except (ValueError, OSError, EOFError, UnicodeError) as exc:  # MemoryError is not the file's fault: it goes on up
        raise MessageError(("file not readable as", {"path": path, "what": media_type, "reason": first_line(exc)})) from None
