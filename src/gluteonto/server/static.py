"""Serve the files of one directory over ASGI: a static site at ``/`` next to the SPARQL endpoint."""

from __future__ import annotations

import mimetypes
import os
import stat
import urllib.parse
from pathlib import Path

from .. import limits
from ..i18n import msg
from .app import request_lang
from .asgi import ASGIApp, Receive, Scope, Send, respond

__all__ = ["static_site"]


def _find(root: Path, path: str) -> tuple[Path, os.stat_result] | str | None:
    """The regular file ``path`` names under ``root`` with its status; ``"folder"`` for a folder named without its
    final ``/``; None when there is nothing to serve (also for names too long or too deep, and symlink loops)."""
    relative = path.lstrip("/")
    parts = relative.split("/")
    if (
        len(relative) > limits.SERVER_MAX_PATH_CHARS
        or len(parts) > limits.SERVER_MAX_PATH_DEPTH
        or "\x00" in relative
        or "\\" in relative
        or any(part.startswith(".") for part in parts)
    ):
        return None
    try:
        target = Path(os.path.realpath(root / relative))
        if target != root and root not in target.parents:
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return "folder"
            target = target / "index.html"
        info = target.stat()
    except (OSError, RuntimeError, ValueError):  # too long for the file system, a symlink loop…
        return None
    return (target, info) if stat.S_ISREG(info.st_mode) else None


def static_site(directory: Path) -> ASGIApp:
    """An ASGI app serving the files under ``directory`` (``index.html`` for folders); GET and HEAD only.

    Paths are resolved and must stay inside ``directory`` (no ``..``, no symlink out of it); hidden
    names (a part starting with ``.``) and anything but regular files are not served; a path that is
    too long, too deep or loops is simply not found.
    """
    root = Path(os.path.realpath(directory))

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] not in ("GET", "HEAD"):
            text = msg("server.site method", request_lang(scope), method=scope["method"])
            await respond(send, 405, (text + "\n").encode("utf-8"), headers=[("Allow", "GET, HEAD"), ("Vary", "Accept-Language")])
            return
        found = _find(root, scope["path"])
        if isinstance(found, str):
            location = urllib.parse.quote(scope["path"] + "/")
            await respond(send, 301, b"", headers=[("Location", location)])
            return
        if found is None:
            text = msg("server.page not found", request_lang(scope))
            await respond(send, 404, (text + "\n").encode("utf-8"), headers=[("Vary", "Accept-Language")])
            return
        target, info = found
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
