"""Hostile input against the command line: one clear line, the right exit code, no traceback, no network,
no file changed or left behind.

Network access is detected by a loopback listener that records every request; hostile files point
SERVICE, JSON-LD contexts, owl:imports and DTDs at it, and the listener must stay silent.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from gluteonto.cli import main
from gluteonto.tools.reason import java_available

from .helpers import DATA
from .hostile_support import Listener, billion_laughs, snapshot, start_listener

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
GLUTEONTO = [sys.executable, "-m", "gluteonto"]


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    found, server = start_listener()
    yield found
    server.shutdown()
    server.server_close()


# -- hostile files ----------------------------------------------------------------------------------
def _write(name: str, content: str | bytes) -> Callable[[Path, str], None]:
    def make(tmp: Path, url: str) -> None:
        data = content.replace("{url}", url) if isinstance(content, str) else content
        (tmp / name).write_bytes(data.encode() if isinstance(data, str) else data)

    return make


def _corrupt_gzip(tmp: Path, _url: str) -> None:
    data = gzip.compress(b"<http://x/a> <http://x/b> <http://x/c> .\n" * 2000)
    (tmp / "bad.nt.gz").write_bytes(data[: len(data) // 2])


def _huge_literal(tmp: Path, _url: str) -> None:
    (tmp / "huge.nt").write_text('<http://x/a> <http://x/b> "' + "a" * 5_000_000 + '" .\n')


def _huge_iri(tmp: Path, _url: str) -> None:
    (tmp / "huge.nt").write_text("<http://x/" + "a" * 100_000 + "> <http://x/b> <http://x/c> .\n")


def _fifo(tmp: Path, _url: str) -> None:
    os.mkfifo(tmp / "pipe.ttl")


def _directory(tmp: Path, _url: str) -> None:
    (tmp / "folder.ttl").mkdir()


def _existing(tmp: Path, _url: str) -> None:
    (tmp / "mine.ttl").write_text("<http://purl.org/sig/ont/fma/fma1> a <http://www.w3.org/2002/07/owl#Class> .\n")
    os.link(tmp / "mine.ttl", tmp / "hardlink.ttl")


REMOTE_CONTEXT = '{"@context": "{url}/context.jsonld", "@id": "http://x/a", "p": "v"}'
FILE_CONTEXT = '{"@context": "file:///etc/passwd", "@id": "http://x/a", "p": "v"}'
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY ext SYSTEM "{url}/dtd"> ]>\n'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">'
    '<rdf:Description rdf:about="http://x/a"><rdfs:label>&ext;</rdfs:label></rdf:Description></rdf:RDF>\n'
)
PARAMETER_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY % p "x"> ]>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n'
)
INVALID_IRI = "<http://x/a b> <http://x/p> <http://x/c> .\n"
BAD_TURTLE_IRI = "<http://x/a{b}> <http://x/p> <http://x/c> .\n"

# id → (setup, arguments, standard input, exit code, expected text in the error line)
CASES: dict[str, tuple[Callable[[Path, str], None] | None, list[str], bytes | None, int, str]] = {
    "service-rdflib": (None, ["sparql", "-", "--engine", "rdflib"], b"SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }", 2, "SERVICE"),
    "service-oxigraph": (
        None,
        ["sparql", "-", "--engine", "oxigraph"],
        b"SELECT * WHERE { SERVICE SILENT <{url}/sparql> { ?s ?p ?o } }",
        2,
        "--allow-federation",
    ),
    "service-escaped": (None, ["sparql", "-"], b"SELECT * WHERE { \\u0053ERVICE <{url}/sparql> { ?s ?p ?o } }", 2, "SERVICE"),
    "service-lowercase": (None, ["sparql", "-", "--engine", "oxigraph"], b"select * { service <{url}/s> { ?s ?p ?o } }", 2, "SERVICE"),
    "from-named-rdflib": (
        None,
        ["sparql", "-", "--engine", "rdflib"],
        b"SELECT * FROM NAMED <{url}/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
        2,
        "SPARQL query failed",
    ),
    "unknown-function-oxigraph": (None, ["sparql", "-", "--engine", "oxigraph"], b"SELECT (<http://x/f>(1) AS ?x) {}", 2, "not supported"),
    "invalid-utf8-stdin": (None, ["sparql", "-"], b"SELECT * WHERE { ?s ?p \xff }", 2, "not valid UTF-8"),
    "invalid-utf8-file": (_write("q.rq", b"ASK { \xc3\x28 }"), ["sparql", "q.rq"], None, 2, "not valid UTF-8"),
    "timeout-rdflib": (None, ["sparql", "-", "--engine", "rdflib", "--timeout", "1"], CARTESIAN.encode(), 2, "did not finish within 1 s"),
    "timeout-oxigraph": (None, ["sparql", "-", "--engine", "oxigraph", "--timeout", "1"], CARTESIAN.encode(), 2, "did not finish within 1 s"),
    "redos-rdflib": (
        None,
        ["sparql", "-", "--engine", "rdflib", "--timeout", "1"],
        b"SELECT * WHERE { FILTER(REGEX('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', '^(a+)+$')) }",
        2,
        "did not finish",
    ),
    "remote-context-sparql": (_write("ctx.jsonld", REMOTE_CONTEXT), ["sparql", "-", "--data", "ctx.jsonld"], b"ASK {}", 2, "@context"),
    "remote-context-validate": (_write("ctx.jsonld", REMOTE_CONTEXT), ["validate", "ctx.jsonld"], None, 2, "never fetched"),
    "file-context-validate": (_write("ctx.jsonld", FILE_CONTEXT), ["validate", "ctx.jsonld"], None, 2, "@context"),
    "billion-laughs-oxigraph": (
        _write("lol.owl", billion_laughs()),
        ["sparql", "-", "--engine", "oxigraph", "--data", "lol.owl"],
        b"ASK {}",
        2,
        "billion laughs",
    ),
    "billion-laughs-validate": (_write("lol.owl", billion_laughs()), ["validate", "lol.owl"], None, 2, "billion laughs"),
    "billion-laughs-link-fma": (_write("lol.owl", billion_laughs()), ["link-fma", "lol.owl", "--quiet"], None, 2, "billion laughs"),
    "billion-laughs-serve": (
        _write("lol.owl", billion_laughs()),
        ["serve", "--no-site", "--port", "0", "--data", "lol.owl"],
        None,
        2,
        "billion laughs",
    ),
    "corrupt-gzip-serve": (_corrupt_gzip, ["serve", "--no-site", "--port", "0", "--data", "bad.nt.gz"], None, 2, "gzip"),
    "external-entity": (_write("ext.owl", EXTERNAL_ENTITY), ["validate", "ext.owl"], None, 2, "nothing is fetched"),
    "parameter-entity": (_write("pe.owl", PARAMETER_ENTITY), ["validate", "pe.owl"], None, 2, "parameter entity"),
    "corrupt-gzip-data": (_corrupt_gzip, ["query", "innervation", "--data", "bad.nt.gz"], None, 2, "gzip"),
    "corrupt-gzip-link-fma": (_corrupt_gzip, ["link-fma", "bad.nt.gz", "--quiet"], None, 2, "gzip"),
    "huge-literal-oxigraph": (_huge_literal, ["sparql", "-", "--engine", "oxigraph", "--data", "huge.nt"], b"ASK {}", 2, "exceeds the limit"),
    "huge-literal-rdflib": (_huge_literal, ["validate", "huge.nt"], None, 2, "exceeds the limit"),
    "huge-iri": (_huge_iri, ["sparql", "-", "--data", "huge.nt"], b"ASK {}", 2, "exceeds the limit"),
    "invalid-iri-validate": (_write("bad.nt", INVALID_IRI), ["validate", "bad.nt"], None, 2, "not readable"),
    "invalid-iri-turtle": (_write("bad.ttl", BAD_TURTLE_IRI), ["validate", "bad.ttl"], None, 2, "not readable"),
    "directory-input": (_directory, ["validate", "folder.ttl"], None, 2, "is a directory"),
    "fifo-input": (_fifo, ["sparql", "-", "--data", "pipe.ttl"], b"ASK {}", 2, "FIFO"),
    "export-dev-null": (None, ["export", "--format", "turtle", "-o", "/dev/null"], None, 2, "use -o - for standard output"),
    "export-dev-full": (None, ["export", "--format", "turtle", "-o", "/dev/full"], None, 2, "special file"),
    "export-directory": (_directory, ["export", "--format", "turtle", "-o", "folder.ttl"], None, 2, "is a directory"),
    "export-fifo": (_fifo, ["export", "--format", "turtle", "-o", "pipe.ttl"], None, 2, "FIFO"),
    "export-suffix": (None, ["export", "--format", "turtle", "-o", "x.owl"], None, 2, "means rdfxml"),
    "link-fma-onto-input": (_existing, ["link-fma", "mine.ttl", "--subset", "-o", "mine.ttl", "--quiet"], None, 2, "is also an input"),
    "link-fma-onto-hardlink": (_existing, ["link-fma", "mine.ttl", "-o", "hardlink.ttl", "--quiet"], None, 2, "is also an input"),
    "reason-malformed-rdfxml": (
        _write("bad.owl", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Descr'),
        ["reason", "bad.owl"],
        None,
        2,
        "not readable",
    ),
    "reason-empty": (_write("empty.owl", ""), ["reason", "empty.owl"], None, 2, "no RDF triples"),
    "endpoint-object": (None, ["sparql", "-", "--endpoint", "{url}/json-object"], b"SELECT ?x {}", 2, "results"),
    "endpoint-list": (None, ["sparql", "-", "--endpoint", "{url}/json-list"], b"SELECT ?x {}", 2, "not a SPARQL results"),
    "endpoint-null": (None, ["sparql", "-", "--endpoint", "{url}/json-null"], b"SELECT ?x {}", 2, "not a SPARQL results"),
    "endpoint-no-value": (None, ["sparql", "-", "--endpoint", "{url}/no-value"], b"SELECT ?x {}", 2, "malformed binding"),
    "endpoint-bad-vars": (None, ["sparql", "-", "--endpoint", "{url}/bad-vars"], b"SELECT ?x {}", 2, "head.vars"),
    "endpoint-not-json": (None, ["sparql", "-", "--endpoint", "{url}/not-json"], b"SELECT ?x {}", 2, "did not answer"),
    "endpoint-redirect-ftp": (None, ["sparql", "-", "--endpoint", "{url}/redirect-ftp"], b"SELECT ?x {}", 2, "not http(s)"),
    "endpoint-redirect-file": (None, ["sparql", "-", "--endpoint", "{url}/redirect-file"], b"SELECT ?x {}", 2, "file:///etc/passwd"),
    "usage-missing-argument": (None, ["query"], None, 2, "Missing argument"),
    "usage-bad-option": (None, ["sparql", "-", "--engine", "nope"], b"ASK {}", 2, "Invalid value"),
}
#: cases where talking to the listener is the point (it plays a hostile SPARQL endpoint)
CONTACTS_LISTENER = {name for name in CASES if name.startswith("endpoint-")}
NEEDS_JAVA = {"reason-empty"}


@pytest.mark.parametrize(
    "name", [pytest.param(name, marks=pytest.mark.slow) if name.startswith("reason-") else name for name in CASES]
)  # reason asks whether Java runs
def test_hostile_input_gives_one_line(name: str, listener: Listener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if name in NEEDS_JAVA and not java_available():
        pytest.skip("the reasoner needs Java")
    setup, args, stdin, code, expected = CASES[name]
    if setup is not None:
        setup(tmp_path, listener.url)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    listener.reset()
    args = [a.replace("{url}", listener.url) for a in args]
    stdin = stdin.replace(b"{url}", listener.url.encode()) if stdin is not None else None
    result = CliRunner().invoke(main, args, input=stdin)
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 2, result.output
    assert lines[0].startswith("error: "), result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert snapshot(tmp_path) == before, "a file was changed or left behind"
    if name not in CONTACTS_LISTENER:
        assert listener.requests == [], f"network access: {listener.requests}"


def test_the_listener_detects_federation_when_it_is_allowed(listener: Listener) -> None:
    """Positive control: with --allow-federation the SERVICE request does reach the listener."""
    listener.reset()
    query = f"SELECT ?x WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?x }} }}".encode()
    result = CliRunner().invoke(main, ["sparql", "-", "--engine", "oxigraph", "--allow-federation", "--format", "csv"], input=query)
    assert listener.requests, result.output
    assert result.exit_code == 0 and "remote" in result.output


def test_endpoint_answer_size_is_capped(listener: Listener) -> None:
    from gluteonto.engines import EndpointEngine
    from gluteonto.errors import EngineError

    with pytest.raises(EngineError, match="more than 100,000 bytes"):
        EndpointEngine(f"{listener.url}/big", max_bytes=100_000).query("SELECT ?x {}")


@pytest.mark.slow
@pytest.mark.skipif(not java_available(), reason="the reasoner needs Java")
def test_reason_resolves_imports_locally_and_names_the_rest(listener: Listener, tmp_path: Path) -> None:
    ontology = tmp_path / "mine.ttl"
    ontology.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        f"<http://x/o> a owl:Ontology ; owl:imports <{listener.url}/other.owl> , "
        "<https://w3id.org/gluteonto/gluteonto.owl> .\n<http://x/A> a owl:Class .\n"
    )
    listener.reset()
    result = CliRunner().invoke(main, ["reason", str(ontology)])
    assert result.exit_code == 0, result.output
    assert f"import not resolved (not in a catalog, not fetched): {listener.url}/other.owl" in result.output
    # gluteonto's classes came through the packaged catalog, plus the one class of the file itself
    from rdflib import Graph, URIRef
    from rdflib.namespace import OWL, RDF

    from gluteonto.resources import ontology_file

    packaged = Graph().parse(ontology_file("ttl"), format="turtle")
    count = len({c for c in packaged.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)})
    assert f"Consistent: {count + 1} classes" in result.output
    assert listener.requests == []


def test_validate_and_link_fma_do_not_follow_imports(listener: Listener, tmp_path: Path) -> None:
    """Both commands read a file that imports an ontology from the listener, succeed, and never fetch it
    (the link's file is a whole FMA fixture, so the link runs to its end rather than stopping at the start)."""
    imports = f"\n<http://x/o> <http://www.w3.org/2002/07/owl#imports> <{listener.url}/other.owl> .\n"
    ontology = tmp_path / "imports.ttl"
    ontology.write_text(imports)
    fma = tmp_path / "fma-with-imports.ttl"
    fma.write_text((DATA / "fma-fixture.ttl").read_text(encoding="utf-8") + imports, encoding="utf-8")
    listener.reset()
    validated = CliRunner().invoke(main, ["validate", str(ontology)])
    assert validated.exit_code == 0 and "Conforms" in validated.output, validated.output
    linked = CliRunner().invoke(main, ["link-fma", str(fma), "--quiet"])
    # every mapping of the bridge matches the whole fixture, however many the bridge holds
    assert linked.exit_code == 0 and re.search(r"Mappings checked: (\d+); \1 match, 0 ", linked.output), linked.output
    assert listener.requests == []


# -- processes: signals, pipes, temporary files ---------------------------------------------------------
def _no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr


@pytest.mark.slow
def test_ctrl_c_stops_an_oxigraph_query(tmp_path: Path) -> None:
    (tmp_path / "q.rq").write_text(CARTESIAN)
    process = subprocess.Popen(
        [*GLUTEONTO, "sparql", "q.rq", "--engine", "oxigraph", "--timeout", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        start_new_session=True,
    )
    time.sleep(3)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=10)
    assert process.returncode == 130, err
    assert err.decode().strip() == "interrupted"
    _assert_session_gone(process.pid)


def _session_programs(sid: int) -> list[str]:
    """Command names of the running processes in session ``sid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                head, tail = (entry / "stat").read_text().rsplit(")", 1)
            except OSError:
                continue
            fields = tail.split()
            if int(fields[3]) == sid and fields[0] != "Z":
                found.append(head.split("(", 1)[1])
    return found


def _assert_session_gone(sid: int) -> None:
    """No process of the command's session (its query or reasoner children) is left running."""
    deadline = time.monotonic() + 5
    while (left := _session_programs(sid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left, f"processes left behind: {left}"


@pytest.mark.slow
@pytest.mark.skipif(not java_available(), reason="the reasoner needs Java")
def test_ctrl_c_during_reason_leaves_no_process(tmp_path: Path) -> None:
    """Ctrl-C while HermiT runs: exit 130 and one line, with the JVM stopped too.

    The signal is sent as soon as the reasoner's Java process exists, so it always arrives while the
    reasoner works (starting the JVM alone takes longer than noticing it): the only right outcome is 130.
    """
    process = subprocess.Popen([*GLUTEONTO, "reason"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, start_new_session=True)
    deadline = time.monotonic() + 120
    while "java" not in _session_programs(process.pid):
        assert process.poll() is None, f"reason ended ({process.returncode}) before its Java process was seen"
        assert time.monotonic() < deadline, "the reasoner's Java process never started"
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert err.decode().strip() == "interrupted", err
    _assert_session_gone(process.pid)


#: Runs the console script's entry point with an import hook that, when ``argv[1]`` is first imported, says
#: "paused" on standard error and sleeps: the test's Ctrl-C then arrives exactly there, never by timing.
_PAUSE_AT_IMPORT = """
import importlib.abc, os, sys, time
WANTED = sys.argv[1]
class Pause(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == WANTED:
            sys.meta_path.remove(self)
            os.write(2, b"paused\\n")
            time.sleep(60)
        return None
sys.meta_path.insert(0, Pause())
sys.argv = ["gluteonto", *sys.argv[2:]]
from gluteonto.entry import main
main()
"""


@pytest.mark.slow
@pytest.mark.parametrize("module", ["gluteonto.cli", "gluteonto.query.answers"], ids=["while-modules-load", "while-answering"])
def test_ctrl_c_while_modules_load_or_the_command_runs_is_one_line_and_exit_130(tmp_path: Path, module: str) -> None:
    """Ctrl-C while the command line loads (``gluteonto.cli``, imported by the console script's entry point) and
    while the command runs (``gluteonto.query.answers``, imported by ``query``): one line and exit 130, nothing else."""
    process = subprocess.Popen(
        [sys.executable, "-c", _PAUSE_AT_IMPORT, module, "query", "innervation"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path
    )
    assert process.stderr is not None
    assert process.stderr.readline() == b"paused\n"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert err.decode().strip() == "interrupted" and out == b"", err


@pytest.mark.slow
def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    process = subprocess.Popen([*GLUTEONTO, "export", "--format", "ntriples"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    assert process.stdout is not None
    process.stdout.read(100)
    process.stdout.close()
    err = process.stderr.read().decode()  # type: ignore[union-attr]
    process.wait(timeout=30)
    assert err == "", err
    assert process.returncode in (0, 141)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_killed_writer_leaves_target_and_directory_clean(tmp_path: Path, how: str) -> None:
    target = tmp_path / "out.ttl"
    target.write_text("old content\n")
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from gluteonto.safe_write import atomic_output\n"
        f"with atomic_output(Path({str(target)!r})) as handle:\n"
        "    handle.write(b'new partial content' * 1000)\n"
        "    handle.flush()\n"
        f"    os.kill(os.getpid(), signal.{how})\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode != 0
    _no_traceback(result.stderr) if how == "SIGKILL" else None
    assert target.read_text() == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ttl"]


@pytest.mark.slow
def test_usage_error_is_at_most_two_lines() -> None:
    result = subprocess.run([*GLUTEONTO, "query"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 2 and result.stderr.startswith("error: Missing argument")


def test_dev_null_is_not_replaced() -> None:
    before = os.stat("/dev/null")
    CliRunner().invoke(main, ["export", "--format", "turtle", "-o", "/dev/null"])
    after = os.stat("/dev/null")
    assert (before.st_ino, before.st_mode) == (after.st_ino, after.st_mode)


def test_link_fma_input_survives(tmp_path: Path) -> None:
    source = tmp_path / "mine.ttl"
    shutil.copy(DATA / "fma-fixture.ttl", source)
    content = source.read_bytes()
    result = CliRunner().invoke(main, ["link-fma", str(source), "--subset", "-o", str(source), "--quiet"])
    assert result.exit_code == 2 and source.read_bytes() == content
