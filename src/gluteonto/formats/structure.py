"""The structure of an RDF/XML or JSON-LD file, checked by a real tokenizer before the RDF parser reads it.

Oxigraph's RDF/XML parser expands the entities a document type declares (wherever the
declaration is — it even reads one after the root element), holds a text node whole before any
length limit can be applied, and takes time that grows faster than the nesting depth; its
JSON-LD parser overflows the stack on deep nesting. So a file in these syntaxes is first read
once, streaming, by a tokenizer that understands the whole syntax (comments, processing
instructions, CDATA, strings, escapes):

* RDF/XML is read by the standard library's expat parser without expanding entities in text.
  A document type may only declare plain internal entities (no external, parameter, nested or
  markup-holding ones, at most :data:`~gluteonto.limits.MAX_ENTITY_DECLARATIONS`, each at most
  :data:`~gluteonto.limits.MAX_ENTITY_VALUE` characters); a declaration anywhere but before the
  root element is not well-formed XML and refused. The text of one element, the characters entity
  references add to the whole document, the nesting depth and the size of one tag or comment are
  bounded (:mod:`gluteonto.limits`) as the file is read, so memory stays bounded whatever it holds.
* JSON-LD is scanned for its nesting depth (strings and escapes understood).

The check reads each chunk before the RDF parser gets it (:class:`StructureCheck`), so a file is
read once and nothing reaches the parser that the check has not passed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.parsers import expat

from .. import limits
from ..i18n import MessageError, Phrase

__all__ = ["StructureCheck"]


class _Stop(Exception):
    """A refusal raised inside an expat handler (carried out of the parser)."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


class _RdfXmlCheck:
    """The expat handlers that check one RDF/XML document while it streams through."""

    def __init__(self) -> None:
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self.doctype
        parser.EntityDeclHandler = self.entity
        parser.UnparsedEntityDeclHandler = self.declaration
        parser.NotationDeclHandler = self.declaration
        parser.ElementDeclHandler = self.declaration
        parser.AttlistDeclHandler = self.declaration
        parser.ExternalEntityRefHandler = self.external_reference
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.DefaultHandler = self.other  # set, so that entity references in text reach it unexpanded
        parser.ordered_attributes = True
        parser.buffer_text = True
        parser.buffer_size = 1024 * 1024
        self.parser = parser
        self.entities: dict[str, int] = {}
        self.depth = 0
        self.run = 0  # characters of the text run being read (entities expanded)
        self.produced = 0  # characters of text and attribute values, entities expanded
        self.literal: tuple[int, int] | None = None  # depth and byte offset of an open rdf:parseType="Literal" element
        self.fed = 0

    # -- the document type ------------------------------------------------------------------------
    def doctype(self, _name: str, system_id: str | None, public_id: str | None, _internal: int) -> None:
        if system_id or public_id:
            raise _Stop("xml external dtd")

    def entity(
        self, name: str, is_parameter: int, value: str | None, _base: str | None, system_id: str | None, public_id: str | None, _notation: str | None
    ) -> None:
        if is_parameter:
            raise _Stop("xml parameter entity", name=name)
        if value is None or system_id or public_id:
            raise _Stop("xml external entity", name=name)
        if "&" in value or "%" in value:
            raise _Stop("xml nested entity", name=name)
        if "<" in value:
            raise _Stop("xml markup entity", name=name)
        if len(value) > limits.MAX_ENTITY_VALUE:
            raise _Stop("xml long entity", name=name, limit=limits.MAX_ENTITY_VALUE)
        self.entities[name] = len(value)
        if len(self.entities) > limits.MAX_ENTITY_DECLARATIONS:
            raise _Stop("xml many entities", limit=limits.MAX_ENTITY_DECLARATIONS)

    def declaration(self, *_args: Any) -> None:
        raise _Stop("xml other declaration")

    def external_reference(self, *_args: Any) -> int:
        raise _Stop("xml external dtd")

    # -- the document -----------------------------------------------------------------------------
    def start(self, _name: str, attributes: list[str]) -> None:
        self.depth += 1
        self.run = 0
        if self.depth > limits.MAX_NESTING_DEPTH:
            raise _Stop("xml too deep", limit=limits.MAX_NESTING_DEPTH)
        if attributes:  # [name, value, name, value…]
            size = sum(map(len, attributes))
            self.produced += size
            if size > limits.MAX_LITERAL_CHARS and max(map(len, attributes)) > limits.MAX_LITERAL_CHARS:
                raise _Stop("literal too long", length=max(map(len, attributes)), limit=limits.MAX_LITERAL_CHARS)
            if (
                "Literal" in attributes
                and self.literal is None
                and any(name.endswith(":parseType") or name == "parseType" for name in attributes[::2])
            ):
                self.literal = (self.depth, self.parser.CurrentByteIndex)

    def end(self, _name: str) -> None:
        if self.literal is not None and self.depth == self.literal[0]:
            self.check_literal()
            self.literal = None
        self.depth -= 1
        self.run = 0

    def text(self, data: str) -> None:
        self.add_text(len(data))

    def other(self, data: str) -> None:
        if data[:1] == "&" and data[-1:] == ";" and data[1:-1] in self.entities:
            self.add_text(self.entities[data[1:-1]])

    def add_text(self, size: int) -> None:
        self.run += size
        self.produced += size
        if self.run > limits.MAX_LITERAL_CHARS:
            raise _Stop("literal too long", length=self.run, limit=limits.MAX_LITERAL_CHARS)

    def check_literal(self) -> None:
        """An rdf:parseType="Literal" element becomes one literal holding its whole content (markup included)."""
        if self.literal is not None:
            size = self.parser.CurrentByteIndex - self.literal[1]
            if size > limits.MAX_LITERAL_CHARS:
                raise _Stop("literal too long", length=size, limit=limits.MAX_LITERAL_CHARS)

    def feed(self, chunk: bytes) -> None:
        """Read the next bytes; checks that cannot be made per event are made here, before anyone else reads them."""
        self.parser.Parse(chunk, False)
        self.fed += len(chunk)
        if self.fed - self.parser.CurrentByteIndex > limits.MAX_TOKEN_BYTES:  # expat is holding one unfinished tag
            raise _Stop("xml long token", limit=limits.MAX_TOKEN_BYTES)
        if self.produced > limits.MAX_ENTITY_EXPANSION + (1 + limits.ENTITY_EXPANSION_RATIO) * self.fed:
            raise _Stop("xml expansion", limit=limits.MAX_ENTITY_EXPANSION, ratio=limits.ENTITY_EXPANSION_RATIO)
        if self.literal is not None and self.fed - self.literal[1] > limits.MAX_LITERAL_CHARS + len(chunk):
            raise _Stop("literal too long", length=self.fed - self.literal[1], limit=limits.MAX_LITERAL_CHARS)

    def close(self) -> None:
        """The end of the document (an unfinished one is not well-formed; an empty one is left to the parser)."""
        if self.fed:
            self.parser.Parse(b"", True)


class StructureCheck:
    """Checks one file's bytes as they are read: :meth:`feed` each chunk before a parser gets it, then :meth:`close`.

    Raises a clear InputError (naming ``path``) as soon as the file breaks a rule.
    """

    def __init__(self, path: Path, syntax: str, what: str | Phrase = "application/rdf+xml") -> None:
        self.path = path
        self.what = what  # what the file is read as, for a message on malformed XML
        self._xml = _RdfXmlCheck() if syntax == "xml" else None
        self._json = _JsonDepth() if syntax == "json" else None

    def feed(self, chunk: bytes) -> None:
        """Check the next bytes of the file."""
        with self._reported():
            if self._xml is not None:
                self._xml.feed(chunk)
            elif self._json is not None:
                self._json.feed(chunk)

    def close(self) -> None:
        """The file has ended."""
        with self._reported():
            if self._xml is not None:
                self._xml.close()

    @contextmanager
    def _reported(self) -> Iterator[None]:
        try:
            yield
        except _Stop as stop:
            raise MessageError((stop.key, {"path": self.path, **stop.values})) from None
        except expat.ExpatError as exc:
            where = {"reason": expat.ErrorString(exc.code), "line": exc.lineno, "column": exc.offset + 1}
            raise MessageError(("file not readable at", {"path": self.path, "what": self.what, **where})) from None
        except RecursionError:
            raise MessageError(("xml too deep", {"path": self.path, "limit": limits.MAX_NESTING_DEPTH})) from None


_JSON_MARK = re.compile(rb'[\[\]{}"\\]')


class _JsonDepth:
    """The nesting depth of JSON text read in chunks (strings and their escapes understood)."""

    def __init__(self) -> None:
        self.depth = 0
        self.in_string = False
        self.skip = -1  # offset in the next chunk of a byte escaped by a backslash (-1: none)

    def feed(self, chunk: bytes) -> None:
        for mark in _JSON_MARK.finditer(chunk):
            where, byte = mark.start(), mark.group()
            if where == self.skip:
                continue
            if self.in_string:
                if byte == b"\\":
                    self.skip = where + 1
                elif byte == b'"':
                    self.in_string = False
            elif byte == b'"':
                self.in_string = True
            elif byte in (b"[", b"{"):
                self.depth += 1
                if self.depth > limits.MAX_NESTING_DEPTH:
                    raise _Stop("json too deep", limit=limits.MAX_NESTING_DEPTH)
            elif byte in (b"]", b"}"):
                self.depth = max(self.depth - 1, 0)
        self.skip = 0 if self.skip == len(chunk) else -1
