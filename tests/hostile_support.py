"""Helpers for the hostile-input suites: a loopback listener that records every connection, hostile files."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RESULTS_OK = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "remote"}}]}}

#: path → (status, headers, body) the listener answers; anything else gets a small SPARQL JSON answer
RESPONSES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/json-object": (200, {"Content-Type": "application/sparql-results+json"}, b"{}"),
    "/json-list": (200, {"Content-Type": "application/sparql-results+json"}, b"[]"),
    "/json-null": (200, {"Content-Type": "application/sparql-results+json"}, b"null"),
    "/no-value": (
        200,
        {"Content-Type": "application/sparql-results+json"},
        json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri"}}]}}).encode(),
    ),
    "/bad-vars": (
        200,
        {"Content-Type": "application/sparql-results+json"},
        json.dumps({"head": {"vars": "x"}, "results": {"bindings": []}}).encode(),
    ),
    "/not-json": (200, {"Content-Type": "text/html"}, b"<html>hello</html>"),
    "/redirect-ftp": (302, {"Location": "ftp://127.0.0.1/x"}, b""),
    "/redirect-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/big": (200, {"Content-Type": "application/sparql-results+json"}, b" " * 300_000),
    "/context.jsonld": (200, {"Content-Type": "application/ld+json"}, b'{"@context": {"p": "http://x/p"}}'),
}


@dataclass
class Listener:
    """A loopback HTTP server that answers and records every request it gets."""

    url: str
    requests: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.requests.clear()


def start_listener() -> tuple[Listener, ThreadingHTTPServer]:
    listener = Listener(url="")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def _answer(self) -> None:
            listener.requests.append(f"{self.command} {self.path}")
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            if self.path.startswith("/drip"):
                self._drip()
                return
            status, headers, body = RESPONSES.get(
                self.path.split("?")[0], (200, {"Content-Type": "application/sparql-results+json"}, json.dumps(RESULTS_OK).encode())
            )
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _drip(self) -> None:
            """A valid SPARQL JSON answer, one byte every 0.2 s (for at most a minute): every read succeeds in time."""
            body = json.dumps(RESULTS_OK).encode() + b" " * 300
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            for index in range(len(body)):
                try:
                    self.wfile.write(body[index : index + 1])
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)

        do_GET = do_POST = _answer

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    listener.url = f"http://127.0.0.1:{server.server_address[1]}"
    return listener, server


def snapshot(directory: Path) -> dict[str, tuple[int, int]]:
    """Every file below ``directory`` with its size and modification time (ns)."""
    found = {}
    for root, dirs, files in os.walk(directory):
        for name in files + dirs:
            path = Path(root) / name
            info = path.lstat()
            found[str(path.relative_to(directory))] = (info.st_size, info.st_mtime_ns)
    return found


def billion_laughs(levels: int = 9) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "\n]>\n"
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
        f'<rdf:Description rdf:about="http://x/a"><rdfs:label>&lol{levels};</rdfs:label></rdf:Description>\n</rdf:RDF>\n'
    )


def iter_lines(text: str) -> Iterator[str]:
    return (line for line in text.splitlines() if line.strip())


def gzip_bomb(path: Path, head: bytes, size: int, tail: bytes) -> None:
    """Write a gzip file that unpacks to ``head``, ``size`` bytes of ``a`` and ``tail``, in a fraction of the time
    compressing them would take: one compressed mebibyte, independent of what precedes it, is repeated."""
    import struct
    import zlib

    mebibyte = b"a" * (1 << 20)
    start = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = start.compress(head) + start.flush(zlib.Z_FULL_FLUSH)
    repeat = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = repeat.compress(mebibyte) + repeat.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15)
    last = end.compress(tail) + end.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    count = size >> 20
    for _ in range(count):
        crc = zlib.crc32(mebibyte, crc)
    crc = zlib.crc32(tail, crc)
    total = len(head) + count * len(mebibyte) + len(tail)
    with path.open("wb") as out:
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff")
        out.write(first)
        for _ in range(count):
            out.write(block)
        out.write(last)
        out.write(struct.pack("<II", crc & 0xFFFFFFFF, total & 0xFFFFFFFF))


def as_in_a_terminal() -> None:
    """``preexec_fn`` for a command a test interrupts with SIGINT: the signal at its default disposition, as a
    terminal starts a foreground command (a process started with SIGINT ignored keeps it ignored, and a
    test worker is not a terminal)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
