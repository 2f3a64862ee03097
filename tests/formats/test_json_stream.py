"""The streaming JSON reader agrees with Python's decoder, however the chunks cut the text."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from gluteonto.formats import json_stream
from gluteonto.formats.json_stream import JsonStream, JsonSyntaxError

DOCUMENT = (
    '{"graphs": [{"id": "g", "nodes": [{"id": "a", "lbl": "gluteus m\\u00ednimus \\"\\\\\\" æøå 𝔊", "n": -12.5e3},\n'
    ' {"id": "b", "deprecated": true, "x": null, "y": [1, 22, 333, false]}], "edges": [],\n'
    '  "meta": {"version": "v"}}, [1, 2], "skipped"], "other": {"k": [1, {"z": 2}]}}\n'
)


def _walk(reader: JsonStream) -> Any:
    """The document rebuilt: the top object and its "graphs" list walked, everything else decoded whole."""
    document: dict[str, Any] = {}
    for name in reader.members():
        if name == "graphs":
            document[name] = [reader.value() for _ in reader.items()]
        else:
            document[name] = reader.value()
    reader.end()
    return document


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 64, 1 << 20])
def test_values_cut_by_chunks_are_read_whole(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(json_stream, "_CHUNK", chunk)
    reader = JsonStream(io.BytesIO(DOCUMENT.encode("utf-8")), Path("x.json"))
    assert _walk(reader) == json.loads(DOCUMENT)


@pytest.mark.parametrize(
    "text",
    [
        '{"graphs": [1, 2,]}',
        '{"graphs": [1 2]}',
        '{"graphs": [],\n "x": tru}',
        '{"graphs": [{"a" 1}]}',
        '{"graphs": [], "x": 1}}',
        '{"graphs": [{"a": "unterminated}]}',
        '{"graphs": [\n {"nodes": [',
        '{"graphs": [], }',
    ],
)
@pytest.mark.parametrize("chunk", [1, 3, 1 << 20])
def test_syntax_errors_are_placed_as_pythons_decoder_places_them(monkeypatch: pytest.MonkeyPatch, text: str, chunk: int) -> None:
    monkeypatch.setattr(json_stream, "_CHUNK", chunk)
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(JsonSyntaxError) as found:
        _walk(JsonStream(io.BytesIO(text.encode()), Path("x.json")))
    assert (found.value.line, found.value.column) == (expected.value.lineno, expected.value.colno), found.value


def test_a_byte_that_is_not_utf8_is_named_with_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    from gluteonto.i18n import MessageError

    monkeypatch.setattr(json_stream, "_CHUNK", 4)
    reader = JsonStream(io.BytesIO(b'{"graphs": [],\n "\xc3\xa6\xff": 1}'), Path("x.json"), "obographs JSON")
    with pytest.raises(MessageError) as failure:
        _walk(reader)
    assert "found the byte 0xff at byte 20 of line 2" in str(failure.value)
