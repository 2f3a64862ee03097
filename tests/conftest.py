"""Shared fixtures: loaded sessions, the ontology graph, a helper to find restrictions, servers."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Graph, URIRef

from gluteonto import Session
from gluteonto.resources import ontology_file
from gluteonto.vocab import GLUT, OWL, RDFS

ROOT = Path(__file__).resolve().parents[1]
SHARED_REFERENCE = ROOT.parent / "shared" / "reference"
FIXTURES = Path(__file__).parent / "fixtures"


def term(number: int) -> URIRef:
    """IRI of GLUTEONTO_<number>."""
    return GLUT[f"{number:07d}"]


def restrictions(graph: Graph, cls: URIRef, prop: URIRef, filler: URIRef | None = None) -> list[BNode]:
    """Blank-node restrictions in SubClassOf(cls, prop some filler)."""
    found = []
    for node in graph.objects(cls, RDFS.subClassOf):
        if isinstance(node, BNode) and (node, OWL.onProperty, prop) in graph:
            if filler is None or (node, OWL.someValuesFrom, filler) in graph:
                found.append(node)
    return found


@pytest.fixture(scope="session")
def ontology_graph() -> Graph:
    return Graph().parse(ontology_file("ttl"), format="turtle")


@pytest.fixture
def fresh_graph(ontology_graph: Graph) -> Graph:
    copy = Graph()
    for triple in ontology_graph:
        copy.add(triple)
    return copy


@pytest.fixture(scope="session")
def rdflib_session() -> Session:
    return Session("rdflib")


@pytest.fixture(scope="session")
def oxigraph_session() -> Session:
    return Session("oxigraph")


@pytest.fixture(scope="session", params=["rdflib", "oxigraph"])
def session(request: pytest.FixtureRequest, rdflib_session: Session, oxigraph_session: Session) -> Session:
    return rdflib_session if request.param == "rdflib" else oxigraph_session


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


@pytest.fixture(scope="session")
def gluteonto_endpoint() -> Iterator[str]:
    """`gluteonto serve` running in a thread on a free loopback port."""
    from gluteonto.serve import make_server

    server = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph SPARQL server (from the `oxigraph` package) on loopback with the ontology loaded."""
    sibling = Path(sys.executable).with_name("oxigraph")
    binary = str(sibling) if sibling.is_file() else shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the 'oxigraph' server command is not installed (pip install oxigraph)")
    location = tmp_path_factory.mktemp("oxigraph-db")
    subprocess.run([binary, "load", "--location", str(location), "--file", str(ontology_file("ttl"))],
                   check=True, capture_output=True, timeout=120)
    port = free_port()
    process = subprocess.Popen([binary, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site as `gluteonto site -o DIR` writes it (built once per test run)."""
    from click.testing import CliRunner

    from gluteonto.cli import main

    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(main, ["site", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out
