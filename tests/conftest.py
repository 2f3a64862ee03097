"""Shared fixtures: loaded sessions, the ontology graph, SPARQL servers (helpers live in helpers.py).

The ``slow`` mark is kept honest here: a test that uses a server or the generated site is marked slow
when collected, and a test not marked slow that starts a program (a subprocess: Python, Java, Graphviz,
the browser) or a server (a socket that listens) fails, naming the mark it lacks, so ``pytest -m "not slow"``
stays quick. Tests that build, convert or mutate a whole release carry the mark by hand, with a comment
saying which. A forked child of the test process (how every query is stopped after its time limit) starts
no program and stays in the quick run.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from gluteonto import Session
from gluteonto.resources import ontology_file
from gluteonto.vocab import ONTOLOGY_IRI

from .helpers import DATA
from .triplestores import JenaArq, OxigraphServer, Virtuoso

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


#: Named graphs the real stores hold: the release, the release merged with the FMA fixture and with the Uberon
#: extract by `gluteonto link`, and the release with a defect for every quality-control query (so that those
#: queries have rows to compare).
RELEASE_GRAPH = ONTOLOGY_IRI
FMA_GRAPH = "urn:x-gluteonto-test:fma-merged"
UBERON_GRAPH = "urn:x-gluteonto-test:uberon-merged"
DEFECTS_GRAPH = "urn:x-gluteonto-test:qc-defects"


def _linked(tmp_path_factory: pytest.TempPathFactory, source: Path, name: str) -> Path:
    from gluteonto.tools.link import link

    merged = tmp_path_factory.mktemp(name) / "merged.ttl"
    link(source, output=merged)
    return merged


@pytest.fixture(scope="session")
def fma_merged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packaged ontology merged with the FMA fixture, as `gluteonto link FILE -o merged.ttl` writes it."""
    return _linked(tmp_path_factory, DATA / "fma-fixture.ttl", "fma-merged")


@pytest.fixture(scope="session")
def uberon_merged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packaged ontology merged with the Uberon extract, as `gluteonto link FILE -o merged.ttl` writes it."""
    return _linked(tmp_path_factory, DATA / "uberon" / "uberon-extract.owl", "uberon-merged")


@pytest.fixture(scope="session")
def qc_defects(tmp_path_factory: pytest.TempPathFactory, ontology_graph: Graph) -> Path:
    """The release with every seeded quality-control defect of tests/content/test_ontology.py at once (N-Triples)."""
    from .content.test_ontology import QC_MUTATIONS

    graph = Graph()
    for triple in ontology_graph:
        graph.add(triple)
    for mutate in QC_MUTATIONS.values():
        mutate(graph)
    path = tmp_path_factory.mktemp("qc-defects") / "defects.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory, fma_merged: Path, uberon_merged: Path, qc_defects: Path) -> Iterator[str]:
    """A real Oxigraph SPARQL server (from the `oxigraph` package) on loopback: the release in the default
    graph (`oxigraph load`), the merged fixtures in FMA_GRAPH and UBERON_GRAPH and the QC defects in
    DEFECTS_GRAPH; read-only."""
    if reason := OxigraphServer.missing():
        pytest.skip(reason)
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph"))
    server.load(ontology_file("ttl", international=True))
    server.load(fma_merged, FMA_GRAPH)
    server.load(uberon_merged, UBERON_GRAPH)
    server.load(qc_defects, DEFECTS_GRAPH)
    try:
        server.serve(read_only=True)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield server.url
    server.stop()


def _virtuoso(workdir: Path, files: list[tuple[Path, str]], restart: bool) -> Iterator[Virtuoso]:
    if reason := Virtuoso.missing():
        pytest.skip(reason)
    server = Virtuoso(workdir)
    try:
        server.start()
        for path, graph in files:
            server.load(path, graph)
        if restart:
            server.restart()
    except RuntimeError as exc:
        server.stop()
        pytest.fail(f"Virtuoso could not be started and loaded: {exc}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory, fma_merged: Path, uberon_merged: Path, qc_defects: Path) -> Iterator[Virtuoso]:
    """A private Virtuoso (Debian's package) just after bulk-loading the release (RELEASE_GRAPH), the merged
    fixtures (FMA_GRAPH, UBERON_GRAPH) and the QC defects (DEFECTS_GRAPH), as a user queries it right after loading."""
    yield from _virtuoso(
        tmp_path_factory.mktemp("virtuoso"),
        [
            (ontology_file("ttl", international=True), RELEASE_GRAPH),
            (fma_merged, FMA_GRAPH),
            (uberon_merged, UBERON_GRAPH),
            (qc_defects, DEFECTS_GRAPH),
        ],
        restart=False,
    )


@pytest.fixture(scope="session")
def virtuoso_for_writes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A private Virtuoso holding nothing, for the tests that write into a store (push, the README's bulk
    loader), so the store the catalog is compared on stays as it was right after its own load."""
    yield from _virtuoso(tmp_path_factory.mktemp("virtuoso-writes"), [], restart=False)


@pytest.fixture(scope="session")
def virtuoso_restarted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A second private Virtuoso holding only the release, restarted after loading: its query plans are made
    from the statistics it reads at start, which differ from those right after a load. Queried without a graph,
    its default graph is the union of all graphs (Virtuoso's own system graphs included)."""
    yield from _virtuoso(tmp_path_factory.mktemp("virtuoso-restarted"), [(ontology_file("ttl", international=True), RELEASE_GRAPH)], restart=True)


@pytest.fixture(scope="session")
def jena(tmp_path_factory: pytest.TempPathFactory) -> JenaArq:
    """Apache Jena ARQ (Debian's libapache-jena-java), ready to answer batches of queries."""
    arq = JenaArq(tmp_path_factory.mktemp("jena"))
    if reason := arq.missing():
        pytest.skip(reason)
    try:
        arq.prepare()
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"the Jena ARQ runner did not compile: {exc.stderr}")
    return arq


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site as `gluteonto site -o DIR` writes it (built once per test run)."""
    from click.testing import CliRunner

    from gluteonto.cli import main

    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(main, ["site", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out
