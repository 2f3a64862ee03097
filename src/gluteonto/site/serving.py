"""Serving a generated site's files over HTTP (used by ``gluteonto serve`` next to /sparql).

:func:`serve_site_file` answers one GET for a path below the site folder and refuses anything
that would leave it; the server calls it for every path that is not the SPARQL endpoint.
"""

from __future__ import annotations

import mimetypes
import posixpath
import urllib.parse
from http.server import BaseHTTPRequestHandler
from pathlib import Path

__all__ = ["serve_site_file", "site_file"]

_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}


def site_file(site_dir: Path, url_path: str) -> Path | None:
    """The file a URL path names inside ``site_dir`` (``/`` → ``index.html``), or None if none / outside."""
    path = posixpath.normpath(urllib.parse.unquote(urllib.parse.urlparse(url_path).path))
    parts = [p for p in path.split("/") if p and p not in (".", "..")]
    if any(part.startswith(".") for part in parts):
        return None
    root = Path(site_dir).resolve()
    target = root.joinpath(*parts)
    if target.is_dir():
        target = target / "index.html"
    target = target.resolve()
    if root not in target.parents or not target.is_file():
        return None
    return target


def serve_site_file(handler: BaseHTTPRequestHandler, site_dir: Path, url_path: str, head: bool = False) -> bool:
    """Send the site file for ``url_path`` through ``handler``; False (nothing sent) if there is none."""
    target = site_file(site_dir, url_path)
    if target is None:
        return False
    body = target.read_bytes()
    content_type = _TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("Cache-Control", "no-cache")
    handler.end_headers()
    if not head:
        handler.wfile.write(body)
    return True
