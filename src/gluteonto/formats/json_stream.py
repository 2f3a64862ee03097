"""Reading a large JSON document a piece at a time: its outer arrays and objects are walked, each inner value decoded alone.

Python's :mod:`json` decodes a whole document at once, so an obographs file (``uberon.json``, hundreds
of megabytes) used to be held whole, as text and then as several times as many Python objects.
:class:`JsonStream` reads the text in chunks and lets the caller walk the outer structure
(:meth:`~JsonStream.members` of an object, :meth:`~JsonStream.items` of an array) and decode only the
values it wants (:meth:`~JsonStream.value`, e.g. one node), skipping the others
(:meth:`~JsonStream.skip`). Only one such value and one chunk are held at a time, and a single value
longer than :data:`~gluteonto.limits.MAX_JSON_VALUE_CHARS` is refused while it is read.

A syntax error is reported as Python's decoder would report it for the whole document (line, column,
what was expected: :class:`JsonSyntaxError`), bytes that are not UTF-8 by their place in the file.

>>> import io
>>> stream = JsonStream(io.BytesIO(b'{"a": [1, {"b": 2}], "c": "x"}'), Path("example.json"))
>>> found = {}
>>> for key in stream.members():
...     if key == "a":
...         found[key] = [stream.value() for _ in stream.items()]
...     else:
...         stream.skip()
>>> stream.end()
>>> found
{'a': [1, {'b': 2}]}
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .. import limits
from ..i18n import MessageError

__all__ = ["JsonStream", "JsonSyntaxError"]

#: bytes read from the file at a time
_CHUNK = 1 << 20
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
#: a decoder's complaint this close to the end of the text read may be about a value the chunk cut
#: (``tru``, ``1.5e``, ``\u00``): it is tried again with more text
_CUT_MARGIN = 8
#: Python's decoder's complaints, as the key of the message saying what was expected instead
_EXPECTED = (
    ("Expecting value", "json expected value"),
    ("Expecting ',' delimiter", "json expected delimiter"),
    ("Expecting ':' delimiter", "json expected colon"),
    ("Expecting property name", "json expected name"),
    ("Extra data", "json expected end"),
    ("Unterminated string", "json expected string end"),
)


class JsonSyntaxError(Exception):
    """The document is not JSON at ``line``, ``column``: ``expected`` (a message key) was expected, ``found`` is there.

    ``found`` is the rest of that line (at most ``limit`` characters of it are worth showing), or
    None at the end of the file.
    """

    def __init__(self, line: int, column: int, expected: str, found: str | None) -> None:
        super().__init__(f"line {line}, column {column}: {expected}")
        self.line, self.column, self.expected, self.found = line, column, expected, found


class JsonStream:
    """A JSON document read from ``stream`` (bytes, UTF-8) in chunks; ``path`` and ``what`` name it in errors."""

    def __init__(self, stream: IO[bytes], path: Path, what: str = "JSON") -> None:
        self.stream, self.path, self.what = stream, path, what
        self.buf = ""
        self.pos = 0  # where the reader is in buf
        self.eof = False
        self._lines = 0  # newlines in the text dropped from before buf
        self._column = 0  # characters of the current line dropped from before buf
        self._carry = b""  # the start of a UTF-8 sequence the last chunk cut
        self._bytes = 0  # bytes decoded before _carry
        self._byte_lines = 0  # newlines in them
        self._started = False

    # --- reading text -------------------------------------------------------------------------------

    def _fill(self) -> bool:
        """Append the next chunk's text to the buffer; False at the end of the file."""
        while not self.eof:
            data = self.stream.read(_CHUNK)
            raw = self._carry + data
            if not data:
                self.eof = True
                cut = len(raw)
            else:
                cut = _complete(raw)
            try:
                text = raw[:cut].decode("utf-8")
            except UnicodeDecodeError as exc:
                raise MessageError(
                    (
                        "file not utf8",
                        {
                            "path": self.path,
                            "what": self.what,
                            "line": self._byte_lines + raw.count(b"\n", 0, exc.start) + 1,
                            "byte": f"0x{raw[exc.start]:02x}",
                            "offset": self._bytes + exc.start + 1,
                        },
                    )
                ) from None
            self._bytes += cut
            self._byte_lines += raw.count(b"\n", 0, cut)
            self._carry = raw[cut:]
            if not self._started and text:
                self._started = True
                text = text.removeprefix("\ufeff")
            if text:
                self.buf += text
                return True
        return False

    def _compact(self) -> None:
        """Forget the text before the reader (it has been read), keeping count of its lines."""
        if self.pos < _CHUNK:
            return
        dropped = self.buf[: self.pos]
        newline = dropped.rfind("\n")
        self._column = len(dropped) - newline - 1 if newline >= 0 else self._column + len(dropped)
        self._lines += dropped.count("\n")
        self.buf, self.pos = self.buf[self.pos :], 0

    def peek(self) -> str | None:
        """The next character that is not white space (the reader moves up to it); None at the end of the file."""
        while True:
            match = _SPACE.match(self.buf, self.pos)
            self.pos = match.end() if match else self.pos
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return None

    # --- errors ---------------------------------------------------------------------------------------

    def fail(self, expected: str, at: int | None = None) -> JsonSyntaxError:
        """The syntax error at buffer index ``at`` (default: the reader's place)."""
        at = self.pos if at is None else at
        while "\n" not in self.buf[at:] and len(self.buf) - at < 80 and self._fill():
            pass
        newline = self.buf.rfind("\n", 0, at)
        column = at - newline if newline >= 0 else self._column + at + 1
        rest = self.buf[at:].split("\n", 1)[0]
        found = rest or ("\n" if at < len(self.buf) else None)
        return JsonSyntaxError(self._lines + self.buf.count("\n", 0, at) + 1, column, expected, found)

    # --- the structure --------------------------------------------------------------------------------

    def members(self) -> Iterator[str]:
        """At an object: each member's name in turn; the caller reads (or skips) its value before the next."""
        if self.peek() != "{":
            raise self.fail("json expected value")
        self.pos += 1
        char = self.peek()
        if char == "}":
            self.pos += 1
            return
        while True:
            if char != '"':
                raise self.fail("json expected name")
            name = self.value()
            if self.peek() != ":":
                raise self.fail("json expected colon")
            self.pos += 1
            yield str(name)
            char = self.peek()
            if char == ",":
                self.pos += 1
                char = self.peek()
            elif char == "}":
                self.pos += 1
                return
            else:
                raise self.fail("json expected delimiter")

    def items(self) -> Iterator[None]:
        """At an array: once per element; the caller reads (or skips) it before the next."""
        if self.peek() != "[":
            raise self.fail("json expected value")
        self.pos += 1
        char = self.peek()
        if char == "]":
            self.pos += 1
            return
        while True:
            if char is None or char == "]":
                raise self.fail("json expected value")
            self._compact()
            yield
            char = self.peek()
            if char == ",":
                self.pos += 1
                char = self.peek()
            elif char == "]":
                self.pos += 1
                return
            else:
                raise self.fail("json expected delimiter")

    def end(self) -> None:
        """After the document's value: nothing but white space may follow."""
        if self.peek() is not None:
            raise self.fail("json expected end")

    def value(self) -> Any:
        """Decode the value at the reader (at most :data:`~gluteonto.limits.MAX_JSON_VALUE_CHARS` long) and move past it.

        Python's decoder reads it from the text so far; where that text ends inside the value (the
        decoder stops at its end, or in an unfinished string), the next chunk is read and it tries again.
        """
        self.peek()
        start = self.pos
        previous = sys.getrecursionlimit()
        sys.setrecursionlimit(max(previous, limits.MAX_NESTING_DEPTH + 2 * previous))
        try:
            while True:
                try:
                    decoded, end = _DECODER.raw_decode(self.buf, start)
                except json.JSONDecodeError as exc:
                    cut = exc.msg.startswith("Unterminated string") or exc.pos >= len(self.buf) - _CUT_MARGIN
                    if cut and self._more(start):
                        continue
                    expected = next((key for prefix, key in _EXPECTED if exc.msg.startswith(prefix)), "json expected other")
                    raise self.fail(expected, exc.pos) from None
                if end >= len(self.buf) and self._more(start):  # a number may go on in the next chunk
                    continue
                break
        finally:
            sys.setrecursionlimit(previous)
        if end - start > limits.MAX_JSON_VALUE_CHARS:
            raise self._too_long()
        self.pos = end
        return decoded

    def skip(self) -> None:
        """Move past the value at the reader: an array element by element, anything else decoded and dropped."""
        if self.peek() == "[":
            for _ in self.items():
                self.value()
        else:
            self.value()

    def _more(self, start: int) -> bool:
        """Read on within one value that began at ``start``; refuse it once it is longer than the limit."""
        if len(self.buf) - start > limits.MAX_JSON_VALUE_CHARS:
            raise self._too_long()
        return self._fill()

    def _too_long(self) -> MessageError:
        return MessageError(("json value too long", {"path": self.path, "what": self.what, "limit": limits.MAX_JSON_VALUE_CHARS}))


def _complete(raw: bytes) -> int:
    """How many bytes of ``raw`` end on a whole UTF-8 character (a sequence the chunk cut is kept for the next).

    >>> _complete("aé".encode()[:-1]), _complete(b"ab")
    (1, 2)
    """
    for back in range(1, min(4, len(raw)) + 1):
        byte = raw[-back]
        if byte & 0xC0 == 0x80:  # a continuation byte: look further back for the lead
            continue
        if byte >= 0xC0:
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return len(raw) - back if needed > back else len(raw)
        return len(raw)
    return len(raw)
