"""The static site next to the endpoint answers what it cannot serve in the request's language."""

from __future__ import annotations

import asyncio
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import pytest

from gluteonto.server.static import static_site


def _ask(root: Path, method: str, path: str, language: str) -> tuple[int, dict[str, str], str]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(dict(message))

    scope = {"type": "http", "method": method, "path": path, "headers": [(b"accept-language", language.encode())]}

    async def run() -> None:
        await static_site(root)(scope, receive, send)

    asyncio.run(run())
    head, body = sent[0], sent[1]
    headers = {k.decode(): v.decode() for k, v in head["headers"]}
    return head["status"], headers, body["body"].decode("utf-8")


@pytest.mark.parametrize(
    "language, missing, method",
    [
        ("nb-NO,nb;q=0.9", "finnes ikke: nettstedet har ingen side", "metoden er ikke tillatt (POST)"),
        ("en", "not found: the site has no page", "method not allowed (POST)"),
    ],
)
def test_a_missing_page_or_a_write_is_refused_in_the_requests_language(tmp_path: Path, language: str, missing: str, method: str) -> None:
    """Regression: the site's 404 and 405 answers were English whatever the browser asked for."""
    (tmp_path / "index.html").write_text("<p>hei</p>")
    status, headers, text = _ask(tmp_path, "GET", "/nothing-here.html", language)
    assert status == 404 and text.startswith(missing) and headers["vary"] == "Accept-Language"
    status, headers, text = _ask(tmp_path, "POST", "/index.html", language)
    assert status == 405 and text.startswith(method) and headers["allow"] == "GET, HEAD"
    assert _ask(tmp_path, "GET", "/index.html", language)[0] == 200
