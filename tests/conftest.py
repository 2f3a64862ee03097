"""Shared fixtures: loaded sessions, the ontology graph, SPARQL servers (helpers live in helpers.py).

The ``slow`` mark is kept honest here: a test that uses a server or the generated site is marked slow
when collected, and a test not marked slow that starts a program (a subprocess: Python, Java, Graphviz,
the browser) or a server (a socket that listens) fails, naming the mark it lacks, so ``pytest -m "not slow"``
stays quick. A forked child of the test process (how every query is stopped after its time limit) starts
no program and stays in the quick run.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from gluteonto import Session
from gluteonto.resources import ontology_file

from .helpers import free_port, wait_for_port

#: fixtures that start a server or a program: every test using one is slow
SLOW_FIXTURES = frozenset({"gluteonto_endpoint", "oxigraph_server", "site", "listener"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    """Fixtures set up for a test not marked slow (of any scope) may not start a program either."""
    with _no_program_unless_slow(item):
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """A test not marked slow may not start a program (a subprocess)."""
    with _no_program_unless_slow(item):
        yield


@contextlib.contextmanager
def _no_program_unless_slow(item: pytest.Item) -> Iterator[None]:
    if item.get_closest_marker("slow") is not None:
        yield
        return
    original = subprocess.Popen.__init__
    listen = socket.socket.listen

    def refuse(self: subprocess.Popen[bytes], args: object, *rest: object, **kwargs: object) -> None:
        raise AssertionError(f"{item.nodeid} starts a program ({args!r}) but is not marked slow")

    def refuse_server(self: socket.socket, *args: object) -> None:
        raise AssertionError(f"{item.nodeid} starts a server (listens on {self.getsockname()!r}) but is not marked slow")

    subprocess.Popen.__init__ = refuse  # type: ignore[assignment, method-assign]
    socket.socket.listen = refuse_server  # type: ignore[assignment, method-assign]
    try:
        yield
    finally:
        subprocess.Popen.__init__ = original  # type: ignore[method-assign]
        socket.socket.listen = listen  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def ontology_graph() -> Graph:
    return Graph().parse(ontology_file("ttl", international=True), format="turtle")


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


@pytest.fixture(scope="session")
def gluteonto_endpoint() -> Iterator[str]:
    """`gluteonto serve` running in a thread on a free loopback port."""
    from gluteonto.tools.serve import make_server

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
    subprocess.run([binary, "load", "--location", str(location), "--file", str(ontology_file("ttl", international=True))],
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
