"""Load the release (or any RDF file, such as a ``link-fma`` result) into a SPARQL store (``gluteonto push``).

The file goes to the store through the SPARQL 1.1 Graph Store Protocol: an HTTP ``PUT`` (replace the
graph) or ``POST`` (add to it) of the triples as N-Triples to the store's graph store endpoint, with
``?graph=IRI`` for a named graph or ``?default`` for the default graph. Oxigraph's server
(``/store``), Jena Fuseki (``/DATASET/data``) and Virtuoso (``/sparql-graph-crud-auth``, with a user
name and password, HTTP digest) all take it.

The file is read like every user file (:mod:`gluteonto.formats.safe_read`: checked, no network) and
sent as N-Triples built in memory, so that a request the store answers with an authentication
challenge can be sent again whole. A file larger than :data:`gluteonto.limits.PUSH_MAX_BYTES` as
N-Triples is refused: load it with the store's own bulk loader (README, "Moving to a triple store").
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import limits
from ..errors import first_line
from ..formats.reading import syntax_for
from ..formats.safe_read import read_quads
from ..i18n import EngineMessageError, MessageError, os_reason
from ..resources import ontology_file
from ..terms import from_oxigraph, n3

__all__ = ["PushReport", "graph_store_url", "ntriples", "push"]


@dataclass(frozen=True)
class PushReport:
    """What was sent where."""

    url: str
    graph: str | None
    triples: int
    status: int


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of ``graph`` (None: the default graph) at ``endpoint``.

    >>> graph_store_url("http://localhost:7878/store", None)
    'http://localhost:7878/store?default'
    >>> graph_store_url("http://h/sparql-graph-crud-auth", "https://w3id.org/gluteonto/gluteonto.owl")
    'http://h/sparql-graph-crud-auth?graph=https%3A%2F%2Fw3id.org%2Fgluteonto%2Fgluteonto.owl'
    """
    parsed = urllib.parse.urlparse(endpoint)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise MessageError(("push not a store", {"url": endpoint}))
    target = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
    return urllib.parse.urlunparse(parsed._replace(query=f"{parsed.query}&{target}" if parsed.query else target))


def ntriples(path: Path, max_bytes: int = limits.PUSH_MAX_BYTES) -> tuple[bytes, int]:
    """The triples of ``path`` (any graphs it holds merged into one) as N-Triples, and their number."""
    import pyoxigraph as ox

    lines: list[bytes] = []
    size = 0
    seen: set[tuple[Any, Any, Any]] = set()
    for quad in read_quads(path, syntax_for(path)):
        triple = (quad.subject, quad.predicate, quad.object)
        if triple in seen:
            continue
        seen.add(triple)
        line = (
            " ".join(n3(from_oxigraph(term)) if not isinstance(term, ox.BlankNode) else f"_:{term.value}" for term in triple).encode("utf-8")
            + b" .\n"
        )
        size += len(line)
        if size > max_bytes:
            raise MessageError(("push too large", {"path": path, "limit": max_bytes}))
        lines.append(line)
    return b"".join(lines), len(lines)


def push(
    endpoint: str,
    file: Path | None = None,
    graph: str | None = None,
    *,
    replace: bool = True,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 600.0,
) -> PushReport:
    """Send ``file`` (default: the packaged international edition, which the command line and the catalog use)
    to ``graph`` (None: the default graph) of the store whose Graph Store Protocol endpoint is ``endpoint``:
    ``PUT`` (replace the graph) or, with ``replace=False``, ``POST`` (add to it). ``user`` and ``password``
    answer a basic or digest authentication challenge."""
    url = graph_store_url(endpoint, graph)
    body, count = ntriples(file or ontology_file("ttl", international=True))
    method = "PUT" if replace else "POST"
    handlers: list[Any] = []
    headers: dict[str, str] = {}
    if user is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, user, password or "")
        digest = urllib.request.HTTPDigestAuthHandler(passwords)
        handlers += [digest, urllib.request.HTTPBasicAuthHandler(passwords)]
        headers = _authorization(url, method, body, digest, user, password or "", timeout)
    opener = urllib.request.build_opener(*handlers)
    try:
        return PushReport(url, graph, count, _send(opener, url, body, method, timeout, headers))
    except (BrokenPipeError, ConnectionResetError):
        # the store answered before it had read the whole file (a refusal) and closed the connection: ask again
        # with nothing to add (a POST of no triples changes nothing) to read its answer
        try:
            _send(opener, url, b"", "POST", timeout)
        except (BrokenPipeError, ConnectionResetError):
            pass
        raise EngineMessageError(("push cut", {"url": url})) from None


def _authorization(
    url: str, method: str, body: bytes, digest: urllib.request.HTTPDigestAuthHandler, user: str, password: str, timeout: float
) -> dict[str, str]:
    """The ``Authorization`` header for sending ``body``, answered to the challenge of an empty request first: a store
    that challenges a large request may close the connection before it has read it (Virtuoso does), so the
    file itself is sent once, already authenticated. Empty when the store asks for nothing."""
    probe = urllib.request.Request(url, data=b"", method="POST", headers={"Content-Type": "application/n-triples"})
    try:
        with urllib.request.build_opener().open(probe, timeout=timeout):
            return {}
    except urllib.error.HTTPError as exc:
        challenge = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
    except (OSError, ValueError):
        return {}  # the request itself will say what is wrong
    scheme, _, rest = challenge.partition(" ")
    if scheme.lower() == "digest":
        fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
        request = urllib.request.Request(url, data=body, method=method)
        value = digest.get_authorization(request, fields)
        return {"Authorization": f"Digest {value}"} if value else {}
    if scheme.lower() == "basic":
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return {"Authorization": f"Basic {token}"}
    return {}


def _send(opener: Any, url: str, body: bytes, method: str, timeout: float, headers: dict[str, str] | None = None) -> int:
    """One Graph Store Protocol request; its HTTP status, or an EngineMessageError that says what went wrong."""
    request = urllib.request.Request(
        url,
        data=body,
        method=method,
        headers={"Content-Type": "application/n-triples", "Content-Length": str(len(body)), **(headers or {})},
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403) and not any(isinstance(h, urllib.request.AbstractDigestAuthHandler) for h in opener.handlers):
            raise EngineMessageError(("push auth", {"url": url, "status": exc.code})) from None
        raise EngineMessageError(("push refused", {"url": url, "status": exc.code, "detail": _detail(exc)})) from None
    except (BrokenPipeError, ConnectionResetError):
        raise
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (BrokenPipeError, ConnectionResetError)):
            raise exc.reason from None
        reason = exc.reason if isinstance(exc.reason, BaseException) else OSError(exc.reason)
        raise EngineMessageError(("push unreachable", {"url": url, "reason": _reason(reason)})) from None
    except (OSError, ValueError) as exc:
        raise EngineMessageError(("push unreachable", {"url": url, "reason": _reason(exc)})) from None


def _detail(exc: urllib.error.HTTPError) -> str:
    """What an error page says, in one line: its preformatted message if it has one (Virtuoso's ``<xmp>``),
    else its first line of text (markup dropped)."""
    import html
    import re

    try:
        page = exc.read(16384).decode("utf-8", "replace")
    except OSError:
        page = ""
    found = re.search(r"<(xmp|pre)>(.*?)</\1>", page, re.DOTALL | re.IGNORECASE)
    text = found.group(2) if found else re.sub(r"<(title|h1)>.*?</\1>", " ", page, flags=re.DOTALL | re.IGNORECASE)
    lines = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", line)).split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    return (lines or [str(exc.reason)])[0][:240]


def _reason(error: BaseException) -> object:
    """Why a connection failed, in the catalogue's words where it has them (see :func:`~gluteonto.i18n.os_reason`)."""
    return os_reason(error) if isinstance(error, OSError) else first_line(error)
