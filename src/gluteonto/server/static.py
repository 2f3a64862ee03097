"""Serve the files of one directory over ASGI: a static site at ``/`` next to the SPARQL endpoint."""

from __future__ import annotations

import mimetypes
import stat
import urllib.parse
from pathlib import Path

from .asgi import ASGIApp, Receive, Scope, Send, respond

__all__ = ["static_site"]


def static_site(directory: Path) -> ASGIApp:
    """An ASGI app serving the files under ``directory`` (``index.html`` for folders); GET and HEAD only.

    Paths are resolved and must stay inside ``directory`` (no ``..``, no symlink out of it); hidden
    names (a part starting with ``.``) and anything but regular files are not served.
    """
    root = Path(directory).resolve()

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] not in ("GET", "HEAD"):
            await respond(send, 405, b"method not allowed\n", headers=[("Allow", "GET, HEAD")])
            return
        relative = scope["path"].lstrip("/")
        if "\x00" in relative or "\\" in relative or any(part.startswith(".") for part in relative.split("/")):
            await respond(send, 404, b"not found\n")
            return
        target = (root / relative).resolve()
        if target != root and root not in target.parents:
            await respond(send, 404, b"not found\n")
            return
        if target.is_dir():
            if not scope["path"].endswith("/"):
                location = urllib.parse.quote(scope["path"] + "/")
                await respond(send, 301, b"", headers=[("Location", location)])
                return
            target = target / "index.html"
        try:
            info = target.stat()
        except OSError:
            info = None
        if info is None or not stat.S_ISREG(info.st_mode):
            await respond(send, 404, b"not found\n")
            return
        media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if media.startswith("text/") or media in ("application/javascript", "application/json", "image/svg+xml"):
            media += "; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", media.encode()),
                    (b"content-length", str(info.st_size).encode()),
                    (b"x-content-type-options", b"nosniff"),
                ],
            }
        )
        if scope["method"] == "HEAD":
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        with target.open("rb") as handle:
            remaining = info.st_size
            while remaining > 0:
                chunk = handle.read(min(remaining, 64 * 1024))
                if not chunk:
                    break
                remaining -= len(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": remaining > 0})
        if remaining > 0:  # the file shrank meanwhile: end the body anyway
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    return app
