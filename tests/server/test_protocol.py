"""`gluteonto serve` follows the SPARQL 1.1 Protocol on datasets and says what its answers vary on.

* The query's ``FROM`` / ``FROM NAMED`` make the dataset, as on the embedded Oxigraph holding the same
  graphs; ``default-graph-uri`` / ``named-graph-uri`` in the request override them (Protocol §2.1.4);
  with neither, the default graph is every served graph.
* ``Vary`` names the request headers an answer depends on: ``Accept`` (its format, or the SPARQL page),
  ``Accept-Language`` (which page), ``Origin`` (other origins are refused).
"""

from __future__ import annotations

import http.client
import json
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from gluteonto.engines import OxigraphEngine
from gluteonto.tools.serve import SparqlServer, load_store, make_server
from gluteonto.vocab import ONTOLOGY_IRI

pytestmark = pytest.mark.slow

EXTRA = '@prefix x: <http://example.org/> .\nx:extra x:says "from the extra file" .\n'
NONE = "urn:x-gluteonto-test:no-such-graph"
COUNT = "SELECT (COUNT(*) AS ?n) {dataset} WHERE {{ ?s ?p ?o }}"


@pytest.fixture(scope="module")
def extra(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("extra") / "extra.ttl"
    path.write_text(EXTRA, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, extra: Path) -> Iterator[SparqlServer]:
    site = tmp_path_factory.mktemp("site")
    (site / "index.html").write_text("<h1>gluteonto</h1>")
    (site / "sparql-editor.html").write_text("<h1>SPARQL</h1>")
    (site / "sparql-editor.nb.html").write_text("<h1>SPARQL (nb)</h1>")
    started = make_server("127.0.0.1", 0, [extra], site=site, concurrency=2, cors_origins=["https://allowed.example"])
    thread = threading.Thread(target=started.serve_forever, daemon=True)
    thread.start()
    yield started
    started.shutdown()
    started.server_close()


@pytest.fixture(scope="module")
def embedded(extra: Path) -> OxigraphEngine:
    """The embedded Oxigraph engine over the same graphs as the server (the release and the extra file, each in
    its named graph)."""
    return OxigraphEngine(load_store([extra]))


def _get(server: SparqlServer, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    host, port = server.server_address
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        connection.request("GET", path, headers={"Accept": "application/sparql-results+json", **(headers or {})})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def _ask(server: SparqlServer, query: str, **params: str | list[str]) -> list[dict[str, str]]:
    pairs = [("query", query)] + [
        (k.replace("_", "-"), v) for k, values in params.items() for v in (values if isinstance(values, list) else [values])
    ]
    status, _headers, body = _get(server, "/sparql?" + urllib.parse.urlencode(pairs))
    assert status == 200, body
    return [{k: v["value"] for k, v in row.items()} for row in json.loads(body)["results"]["bindings"]]


def _count(server: SparqlServer, dataset: str = "", **params: str | list[str]) -> int:
    return int(_ask(server, COUNT.format(dataset=dataset), **params)[0]["n"])


def test_serve_honours_from_instead_of_answering_from_every_graph(server: SparqlServer, extra: Path) -> None:
    everything = _count(server)
    release = _count(server, f"FROM <{ONTOLOGY_IRI}>")
    assert _count(server, f"FROM <{extra.resolve().as_uri()}>") == 1
    assert release == everything - 1
    assert _count(server, f"FROM <{NONE}>") == 0


def test_request_dataset_overrides_the_query_dataset(server: SparqlServer, extra: Path) -> None:
    assert _count(server, f"FROM <{NONE}>", default_graph_uri=extra.resolve().as_uri()) == 1
    named = f"SELECT DISTINCT ?g FROM NAMED <{NONE}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _ask(server, named) == []
    assert _ask(server, named, named_graph_uri=ONTOLOGY_IRI) == [{"g": ONTOLOGY_IRI}]
    # a dataset given in the request is the whole dataset: named graphs only, so an empty default graph
    assert _count(server, named_graph_uri=ONTOLOGY_IRI) == 0


@pytest.mark.parametrize(
    "dataset",
    ["", f"FROM <{ONTOLOGY_IRI}>", f"FROM <{NONE}>", "FROM <{extra}>", f"FROM <{ONTOLOGY_IRI}> FROM <{{extra}}>", f"FROM NAMED <{ONTOLOGY_IRI}>"],
)
def test_serve_and_the_embedded_oxigraph_agree_on_the_dataset_a_query_names(
    server: SparqlServer, embedded: OxigraphEngine, extra: Path, dataset: str
) -> None:
    dataset = dataset.replace("{extra}", extra.resolve().as_uri())
    query = f"SELECT ?g (COUNT(*) AS ?n) {dataset} WHERE {{ {{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} }} }} GROUP BY ?g ORDER BY ?g"
    local = [
        {k: c.value for k, c in zip(result_vars, row, strict=True) if c is not None}
        for result in [embedded.query(query)]
        for result_vars in [result.variables]
        for row in result.cells
    ]
    if not dataset:  # with no dataset named, the server's default graph is the union of what it serves
        assert _ask(server, query)[0]["n"] == str(sum(int(r["n"]) for r in local if "g" in r))
    else:
        assert _ask(server, query) == local


def test_answers_vary_on_accept_and_origin(server: SparqlServer) -> None:
    query = "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
    for accept in ("application/sparql-results+json", "text/csv", "application/x-nothing"):
        status, headers, _body = _get(server, query, {"Accept": accept})
        assert status in (200, 406)
        assert {v.strip() for v in headers["vary"].split(",")} == {"Accept", "Origin"}, headers
    status, headers, _body = _get(server, query, {"Origin": "https://allowed.example"})
    assert headers["access-control-allow-origin"] == "https://allowed.example"
    assert headers["vary"].count("Origin") == 1


def test_the_sparql_page_varies_on_accept_and_accept_language(server: SparqlServer) -> None:
    status, headers, body = _get(server, "/sparql", {"Accept": "text/html", "Accept-Language": "nb"})
    assert status == 200 and b"(nb)" in body
    assert {v.strip() for v in headers["vary"].split(",")} == {"Accept", "Accept-Language", "Origin"}
    status, headers, _body = _get(server, "/index.html", {"Accept": "text/html"})
    assert status == 200 and headers["vary"] == "Origin"


class _Transport:
    """A transport that records its writes."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = self.aborted = False

    def write(self, data: bytes) -> None:
        self.writes.append(data)

    def is_closing(self) -> bool:
        return self.closed or self.aborted

    def close(self) -> None:
        self.closed = True

    def abort(self) -> None:
        self.aborted = True

    def get_extra_info(self, name: str) -> str:
        return f"info {name}"


def test_a_response_head_and_body_leave_in_one_write() -> None:
    """Written one after the other (as uvicorn writes a response), they were two sends and two wake-ups of the client."""
    import asyncio

    from gluteonto.tools.serve import _Gathering

    async def scenario() -> tuple[list[bytes], list[bytes], list[bytes], bool]:
        loop = asyncio.get_running_loop()
        inner = _Transport()
        gathering = _Gathering(inner, loop)
        gathering.write(b"HTTP/1.1 200 OK\r\n\r\n")
        gathering.write(b"body")
        before = list(inner.writes)
        await asyncio.sleep(0)
        after_turn = list(inner.writes)
        gathering.write(b"more")
        gathering.close()  # what is pending goes out before the connection closes
        closed = list(inner.writes)
        dropped = _Gathering(_Transport(), loop)
        dropped.write(b"never")
        dropped.abort()
        await asyncio.sleep(0)
        return before, after_turn, closed, gathering.get_extra_info("peername") == "info peername" and not dropped._transport.writes

    before, after_turn, closed, delegated = asyncio.run(scenario())
    assert before == [] and after_turn == [b"HTTP/1.1 200 OK\r\n\r\nbody"]
    assert closed == [b"HTTP/1.1 200 OK\r\n\r\nbody", b"more"] and delegated
