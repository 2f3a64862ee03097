"""Shared fixtures: loaded sessions, the ontology graph, SPARQL servers (helpers live in helpers.py)."""

from __future__ import annotations

import shutil
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

#: session fixtures costly enough that the tests using them share one worker (built there once)
_SHARED_FIXTURES = ("site",)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Group tests for pytest-xdist (``--dist loadgroup``); other tests go to whichever worker is free.

    The tests of a module with a module-scoped fixture form one group (the fixture is built once),
    and so do the tests using one of :data:`_SHARED_FIXTURES`.
    """
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        definitions = info.name2fixturedefs if info is not None else {}
        shared = [name for name in _SHARED_FIXTURES if name in definitions]
        if shared:
            item.add_marker(pytest.mark.xdist_group(shared[0]))
        elif any(defs and defs[-1].scope == "module" for defs in definitions.values()):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


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
