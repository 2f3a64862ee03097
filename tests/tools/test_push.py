"""`gluteonto push` loads the release (or a link-fma result) into a SPARQL store through the Graph Store
Protocol, and the store then answers the catalog as the embedded engine does.

Real stores: the Oxigraph server (read-write, in memory) and Virtuoso (its digest-authenticated graph store
endpoint, as the README tells a user to run it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from gluteonto.resources import ontology_file
from gluteonto.tools.push import graph_store_url, ntriples

from ..conftest import RELEASE_GRAPH
from ..helpers import free_port, run_cli
from ..triplestores import OxigraphServer, Virtuoso

PUSHED = "urn:x-gluteonto-test:pushed"
LOADED = "urn:x-gluteonto-test:bulk-loaded"


def _csv(*args: str) -> tuple[int, list[str]]:
    result = run_cli(CliRunner(), *args, "--format", "csv")
    lines = result.output.strip().splitlines()
    return result.exit_code, lines[:1] + sorted(lines[1:])


# -- without a store -------------------------------------------------------------------------------------
def test_the_release_is_sent_as_every_triple_once() -> None:
    import pyoxigraph as ox

    body, count = ntriples(ontology_file("ttl", international=True))
    store = ox.Store()
    store.load(path=str(ontology_file("ttl", international=True)), format=ox.RdfFormat.TURTLE)
    assert count == len(store) == body.count(b" .\n")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--endpoint", "ftp://host/store"], "is not an http(s) address of a graph store"),
        (["--endpoint", "http://127.0.0.1:{port}/store"], "cannot reach"),
        (["--endpoint", "http://127.0.0.1:{port}/store", "--graph", "not an iri"], "is not an IRI"),
        (["--endpoint", "http://127.0.0.1:{port}/store", "no-such-file.ttl"], "no such file"),
    ],
)
def test_bad_push_gets_one_line(args: list[str], message: str) -> None:
    port = free_port()
    result = CliRunner().invoke(__import__("gluteonto.cli", fromlist=["main"]).main, ["push", *[a.format(port=port) for a in args]])
    assert result.exit_code == 2, result.output
    assert message in result.output and len(result.output.strip().splitlines()) == 1, result.output


def test_norwegian_push_messages() -> None:
    result = CliRunner().invoke(
        __import__("gluteonto.cli", fromlist=["main"]).main, ["push", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "--lang", "nb"]
    )
    assert result.exit_code == 2 and result.output.startswith("feil: får ikke kontakt med"), result.output


def test_graph_store_urls() -> None:
    assert graph_store_url("http://h:7878/store", None) == "http://h:7878/store?default"
    assert graph_store_url("http://h/data?x=1", "urn:a b") == "http://h/data?x=1&graph=urn%3Aa%20b"


# -- Oxigraph's server ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def writable_oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    if reason := OxigraphServer.missing():
        pytest.skip(reason)
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-rw"))
    try:
        server.serve(read_only=False)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield server
    server.stop()


@pytest.mark.slow
def test_push_to_the_oxigraph_server_then_every_question_answers_as_embedded(writable_oxigraph: OxigraphServer) -> None:
    result = run_cli(CliRunner(), "push", "--endpoint", writable_oxigraph.store_url)
    assert result.exit_code == 0 and "to the default graph" in result.output, result.output
    again = run_cli(CliRunner(), "push", "--endpoint", writable_oxigraph.store_url)  # PUT replaces: nothing doubles
    assert again.exit_code == 0, again.output
    for name in ("innervation", "risk-factors", "muscle-actions", "cross-references"):
        assert _csv("query", name, "--endpoint", writable_oxigraph.url) == _csv("query", name), name


@pytest.mark.slow
def test_push_a_link_fma_result_to_a_named_graph(writable_oxigraph: OxigraphServer, fma_merged: Path) -> None:
    result = run_cli(CliRunner(), "push", str(fma_merged), "--endpoint", writable_oxigraph.store_url, "--graph", PUSHED)
    assert result.exit_code == 0 and f"<{PUSHED}>" in result.output, result.output
    remote = _csv("query", "fma/nerve-supply-comparison", "--endpoint", writable_oxigraph.url, "--graph", PUSHED)
    local = _csv("query", "fma/nerve-supply-comparison", "--data", str(fma_merged))
    assert remote == local and len(remote) > 1
    appended = run_cli(CliRunner(), "push", "--endpoint", writable_oxigraph.store_url, "--graph", PUSHED, "--append")
    assert appended.exit_code == 0, appended.output
    assert _csv("query", "fma/nerve-supply-comparison", "--endpoint", writable_oxigraph.url, "--graph", PUSHED) == local


# -- Virtuoso ---------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_push_to_virtuoso_with_its_password(virtuoso_for_writes: Virtuoso, monkeypatch: pytest.MonkeyPatch) -> None:
    refused = run_cli(CliRunner(), "push", "--endpoint", virtuoso_for_writes.gsp_url, "--graph", PUSHED)
    assert refused.exit_code == 2 and "give --user" in refused.output, refused.output
    monkeypatch.setenv("GLUTEONTO_PASSWORD", "dba")
    no_default = run_cli(CliRunner(), "push", "--endpoint", virtuoso_for_writes.gsp_url, "--user", "dba")
    assert no_default.exit_code == 2 and "default" in no_default.output and len(no_default.output.strip().splitlines()) == 1
    result = run_cli(CliRunner(), "push", "--endpoint", virtuoso_for_writes.gsp_url, "--graph", PUSHED, "--user", "dba")
    assert result.exit_code == 0, result.output
    assert virtuoso_for_writes.count(PUSHED) == ntriples(ontology_file("ttl", international=True))[1]
    for name in ("innervation", "rehabilitation-start", "anatomical-variants"):
        assert _csv("query", name, "--endpoint", virtuoso_for_writes.url, "--graph", PUSHED) == _csv("query", name), name
    qc = run_cli(CliRunner(), "qc", "--endpoint", virtuoso_for_writes.url, "--graph", PUSHED)
    assert qc.exit_code == 0, qc.output


@pytest.mark.slow
def test_virtuoso_bulk_loader_command_of_the_readme(virtuoso_for_writes: Virtuoso) -> None:
    """The README's isql-vt line, with this test server's port, password and folder (and a graph of its own)."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("isql-vt ") and "ld_dir" in line)
    command = (
        line.split("#")[0]
        .strip()
        .replace("1111", str(virtuoso_for_writes.sql_port))
        .replace("PASSWORD", "dba")
        .replace("/var/lib/virtuoso-opensource-7/db", str(virtuoso_for_writes.workdir))
        .replace(RELEASE_GRAPH, LOADED)
    )
    shutil.copy(ontology_file("ttl", international=True), virtuoso_for_writes.workdir / "gluteonto-international.ttl")
    assert virtuoso_for_writes.isql_binary is not None
    done = subprocess.run(
        command.replace("isql-vt", virtuoso_for_writes.isql_binary, 1),
        shell=True,
        cwd=virtuoso_for_writes.workdir,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ},
    )
    assert done.returncode == 0 and "*** Error" not in done.stdout + done.stderr, done.stdout + done.stderr
    assert virtuoso_for_writes.count(LOADED) == ntriples(ontology_file("ttl", international=True))[1]


def test_a_refused_connection_is_worded_in_norwegian_like_the_endpoints() -> None:
    """Regression: push showed the system's '[Errno 111] Connection refused' in a Norwegian message."""
    from gluteonto.cli import main

    result = CliRunner().invoke(main, ["--lang", "nb", "push", "--endpoint", "http://127.0.0.1:1/store"])
    assert result.exit_code != 0 and "«tilkoblingen ble avvist»" in result.output and "Errno" not in result.output
