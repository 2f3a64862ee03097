"""Real SPARQL stores for the tests, and the one rule by which their answers are compared.

* :class:`Virtuoso` — Debian's ``virtuoso-opensource`` (``virtuoso-t``, ``isql-vt``) with its own ini
  file, its own temporary database folder and its own free loopback ports for SQL and HTTP; files are
  loaded with the bulk loader (``ld_dir`` + ``rdf_loader_run``) into a named graph.
* :class:`OxigraphServer` — the ``oxigraph`` command of the PyPI package, on a location loaded with
  ``oxigraph load`` and served read-only, or an in-memory read-write server (``oxigraph serve``).
* :class:`JenaArq` — Apache Jena ARQ from Debian's ``libapache-jena-java`` jars, running a batch of
  queries in one JVM (``engines/jena/RunQueries.java``).
* :func:`differences` — what separates two answers, normalising only what the SPARQL 1.1 results
  formats and RDF 1.1 say is the same (see its docstring).

Each store is started by a fixture once per test process (so once per pytest-xdist worker) and stopped
at the end; a missing program skips its tests with the reason and the package to install, a server that
does not come up within its time fails with the tail of its log.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from gluteonto.engines.endpoint import results_from_json
from gluteonto.sparql.results import QueryResult
from gluteonto.terms import Term

from .helpers import free_port

__all__ = ["JenaArq", "OxigraphServer", "Virtuoso", "differences", "normalised_rows", "order_keys"]

JENA_RUNNER = Path(__file__).parent / "engines" / "jena" / "RunQueries.java"
_LOG_TAIL = 2000


def _tail(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-_LOG_TAIL:]
    except OSError:
        return "(no log)"


def _wait_http(url: str, process: subprocess.Popen[bytes], timeout: float, log: Path, what: str) -> None:
    """Wait until ``url`` answers (any HTTP status); RuntimeError with the log's tail if the process dies or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode} while starting:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer {url} within {timeout:g} s:\n{_tail(log)}")


def _stop(process: subprocess.Popen[bytes] | None, timeout: float = 20) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


# -- comparison -------------------------------------------------------------------------------------
def _cell(term: Term | None) -> Term | None:
    """One cell as the comparison sees it: language tags in lower case (RDF 1.1 §3.3: tags compare
    case-insensitively); ``xsd:string`` is already left implicit by :func:`gluteonto.terms.literal`."""
    if term is None or term.kind != "literal" or not term.lang:
        return term
    return term._replace(lang=term.lang.lower())


def normalised_rows(result: QueryResult) -> list[tuple[Term | None, ...]]:
    """The solutions of ``result`` with their cells normalised as :func:`differences` compares them."""
    return [tuple(_cell(c) for c in row) for row in result.cells]


def _masked(row: tuple[Term | None, ...]) -> tuple[Term | None, ...]:
    return tuple(Term("bnode", "") if c is not None and c.kind == "bnode" else c for c in row)


def _bnode_shape(rows: list[tuple[Term | None, ...]]) -> Counter[tuple[tuple[tuple[Term | None, ...], int], ...]]:
    """For each blank node, the sorted places (masked row, column) where it occurs: a label-free picture
    of which cells share a blank node."""
    places: dict[str, list[tuple[tuple[Term | None, ...], int]]] = {}
    for row in rows:
        masked = _masked(row)
        for column, cell in enumerate(row):
            if cell is not None and cell.kind == "bnode":
                places.setdefault(cell.value, []).append((masked, column))
    return Counter(tuple(sorted(p, key=repr)) for p in places.values())


_ORDER_BY = re.compile(r"\bORDER\s+BY\b(.*?)(?:\bLIMIT\b|\bOFFSET\b|\bVALUES\b|$)", re.IGNORECASE | re.DOTALL)
_KEY = re.compile(
    r"(?:ASC|DESC)\s*\(\s*\?(\w+)\s*\)|STR\s*\(\s*\?(\w+)\s*\)|\?(\w+)"
    # the catalog's tie-breakers: a term's string (blank nodes as "") and its language tag (docs/design.md, "Queries that every store answers alike")
    r'|COALESCE\(IF\(isBlank\(\?(\w+)\), "", STR\(\?\w+\)\), ""\)|(COALESCE\(LANG\(\?\w+\), ""\))|\S+',
    re.IGNORECASE,
)


def order_keys(sparql: str, variables: Sequence[str]) -> list[str]:
    """The leading ORDER BY keys of ``sparql`` that are projected variables (``?x``, ``ASC(?x)``,
    ``DESC(?x)``; ``STR(?x)`` as ``str:x``), up to the first key that is another expression or not projected.

    >>> order_keys("SELECT ?a ?b WHERE { } ORDER BY STR(?a) DESC(?b) LCASE(?b) ?c", ["a", "b"])
    ['str:a', 'b']
    >>> order_keys('SELECT ?a ?b WHERE { } ORDER BY ?a COALESCE(IF(isBlank(?b), "", STR(?b)), "") COALESCE(LANG(?b), "")', ["a", "b"])
    ['a', 'str:b']
    """
    found = _ORDER_BY.search(re.sub(r"#[^\n]*", "", sparql))
    if not found:
        return []
    keys = []
    for match in _KEY.finditer(found.group(1)):
        if match.group(5):  # a language tag after the string: rows of one string in either order are let be
            continue
        name = match.group(1) or match.group(2) or match.group(3) or match.group(4)
        if not name or name not in variables:
            break
        keys.append(f"str:{name}" if match.group(2) or match.group(4) else name)
    return keys


def differences(expected: QueryResult, got: QueryResult, ordered_by: Sequence[str] = (), limit: int = 6) -> list[str]:
    """What separates ``got`` from ``expected`` (empty when they are the same answer).

    Solutions are compared as multisets of rows. Only what the standards make equal is normalised:

    * a simple literal and an ``xsd:string`` literal are the same term (RDF 1.1; the JSON and XML
      results formats may write either), and a language-tagged literal is one term whatever its
      datatype field says (``rdf:langString``);
    * language tags compare without regard to case (RDF 1.1 Concepts §3.3, BCP 47);
    * blank-node labels are local to one result (SPARQL 1.1 results formats): two answers are the same
      when renaming blank nodes one-to-one turns one into the other. Rows are compared with the labels
      masked, and for every blank node the places (row, column) where it occurs must match as well.

    Nothing else is: typed literals compare by lexical form and datatype (``"1"^^xsd:integer`` is not
    ``"1"^^xsd:int``), IRIs exactly, an unbound cell is not an empty string. Where the query orders its
    solutions, ``ordered_by`` (its leading sort keys, see :func:`order_keys`) must come in the same
    sequence; rows that tie on them may come in any order, as SPARQL allows. SPARQL does not order blank
    nodes or language-tagged literals among themselves (§15.1), so keys from the first that holds one are
    not checked; ``STR(?x)`` keys compare as ``?x`` (its string is what is ordered).
    """
    problems: list[str] = []
    if expected.boolean is not None or got.boolean is not None:
        return [] if expected.boolean == got.boolean else [f"ASK answered {got.boolean}, expected {expected.boolean}"]
    if list(expected.variables) != list(got.variables):
        return [f"variables {got.variables}, expected {expected.variables}"]
    want, have = normalised_rows(expected), normalised_rows(got)
    want_masked, have_masked = Counter(map(_masked, want)), Counter(map(_masked, have))
    if want_masked != have_masked:
        missing = list((want_masked - have_masked).elements())
        extra = list((have_masked - want_masked).elements())
        problems.append(f"{len(have)} rows, expected {len(want)}: {len(missing)} missing, {len(extra)} extra")
        problems += [f"  missing {_show(row)}" for row in missing[:limit]]
        problems += [f"  extra   {_show(row)}" for row in extra[:limit]]
        return problems
    if _bnode_shape(want) != _bnode_shape(have):
        problems.append("the same rows, but blank nodes are shared between other cells")
    positions: list[tuple[int, bool]] = []
    for key in ordered_by:  # keys from the first whose values SPARQL does not order (see _unordered) are free
        as_string = key.startswith("str:")
        column = list(expected.variables).index(key.removeprefix("str:"))
        if any(_unordered(row[column], as_string) for row in want):
            break
        positions.append((column, as_string))
    if positions:
        ordered_by = [expected.variables[i] for i, _ in positions]

        def sort_key(row: tuple[Term | None, ...]) -> tuple[object, ...]:
            return tuple(
                (row[i].value if row[i] is not None else None) if as_string else row[i]  # type: ignore[union-attr]
                for i, as_string in positions
            )

        want_keys = [sort_key(row) for row in want]
        have_keys = [sort_key(row) for row in have]
        if want_keys != have_keys:
            first = next(i for i, (a, b) in enumerate(zip(want_keys, have_keys, strict=True)) if a != b)
            problems.append(
                f"order by {', '.join(ordered_by)} differs from row {first + 1}: "
                f"{_show(have_keys[first])} where {_show(want_keys[first])} was expected"
            )
    return problems


def _unordered(cell: Term | None, as_string: bool = False) -> bool:
    """True for values whose relative order SPARQL leaves to the store: blank nodes, and language-tagged
    literals unless ordered by their string (``STR(?x)``)."""
    return cell is not None and (cell.kind == "bnode" or (cell.kind == "literal" and cell.lang is not None and not as_string))


def _show(row: Iterable[object]) -> str:
    def one(cell: object) -> str:
        if cell is None:
            return "-"
        if not isinstance(cell, Term):
            return repr(cell)
        if cell.kind == "uri":
            return "<" + cell.value.replace("https://w3id.org/gluteonto/GLUTEONTO_", "GLUTEONTO:") + ">"
        if cell.kind == "bnode":
            return "_:b"
        suffix = f"@{cell.lang}" if cell.lang else (f"^^<{cell.datatype}>" if cell.datatype else "")
        return f'"{cell.value[:60]}"{suffix}'

    return "(" + ", ".join(one(c) for c in row) + ")"


# -- Virtuoso --------------------------------------------------------------------------------------
_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = ., {root}, {load}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {root}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


class Virtuoso:
    """A private Virtuoso server (Debian's virtuoso-opensource 7): its own ini, database folder and ports."""

    START_TIMEOUT = 120.0

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.binary = os.environ.get("VIRTUOSO_T") or shutil.which("virtuoso-t")
        self.isql_binary = os.environ.get("VIRTUOSO_ISQL") or shutil.which("isql-vt")
        self.process: subprocess.Popen[bytes] | None = None
        self.sql_port = self.http_port = 0
        self._loads = 0

    @staticmethod
    def missing() -> str | None:
        """Why Virtuoso cannot run here, or None."""
        if not (os.environ.get("VIRTUOSO_T") or shutil.which("virtuoso-t")) or not (os.environ.get("VIRTUOSO_ISQL") or shutil.which("isql-vt")):
            return "Virtuoso is not installed (apt-get install virtuoso-opensource: virtuoso-t and isql-vt)"
        return None

    @property
    def url(self) -> str:
        """The SPARQL protocol endpoint."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def gsp_url(self) -> str:
        """The Graph Store Protocol endpoint that takes a user name and password (HTTP digest)."""
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud-auth"

    @property
    def log(self) -> Path:
        return self.workdir / "virtuoso.out"

    def start(self) -> None:
        """Write a fresh ini and start the server; RuntimeError with its log if it does not come up."""
        for folder in ("db", "load", "root"):
            (self.workdir / folder).mkdir(parents=True, exist_ok=True)
        for attempt in range(2):  # a port taken between choosing and binding: try once more with others
            self.sql_port, self.http_port = free_port(), free_port()
            ini = self.workdir / "virtuoso.ini"
            ini.write_text(
                _VIRTUOSO_INI.format(
                    db=self.workdir / "db", load=self.workdir / "load", root=self.workdir, sql_port=self.sql_port, http_port=self.http_port
                ),
                encoding="utf-8",
            )
            try:
                self._launch()
                return
            except RuntimeError:
                if attempt:
                    raise

    def _launch(self) -> None:
        assert self.binary is not None
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [self.binary, "+foreground", "+configfile", str(self.workdir / "virtuoso.ini")],
                cwd=self.workdir,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            _wait_http(f"{self.url}?query=ASK%7B%7D", self.process, self.START_TIMEOUT, self.log, "Virtuoso")
        except RuntimeError:
            _stop(self.process)
            raise

    def isql(self, *statements: str) -> str:
        """Run SQL statements through isql-vt as dba; RuntimeError on any error line."""
        assert self.isql_binary is not None
        script = "\n".join(s.rstrip(";") + ";" for s in statements)
        result = subprocess.run(
            [self.isql_binary, f"127.0.0.1:{self.sql_port}", "dba", "dba", "errors=stdout", f"exec={script}"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        output = result.stdout + result.stderr
        if result.returncode != 0 or "*** Error" in output:
            raise RuntimeError(f"isql-vt failed on {script!r}:\n{output[-_LOG_TAIL:]}")
        return output

    def load(self, path: Path, graph: str) -> int:
        """Bulk-load one RDF file into ``graph`` (replacing it) and return the triples the graph then holds."""
        self._loads += 1
        folder = self.workdir / "load" / str(self._loads)
        folder.mkdir(parents=True)
        shutil.copy(path, folder / path.name)
        quoted = graph.replace("'", "''")
        self.isql(f"SPARQL CLEAR GRAPH <{graph}>", f"ld_dir('{folder}', '{path.name}', '{quoted}')", "rdf_loader_run()", "checkpoint")
        errors = self.isql(f"SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_file LIKE '{folder}/%' AND ll_error IS NOT NULL")
        if "0 Rows." not in errors:
            raise RuntimeError(f"Virtuoso's bulk loader refused {path}:\n{errors[-_LOG_TAIL:]}")
        return self.count(graph)

    def count(self, graph: str) -> int:
        """Triples in ``graph``, asked over the SPARQL protocol."""
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        data = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(self.url, data=data, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return int(str(results_from_json(response.read(), "Virtuoso").cells[0][0].value))  # type: ignore[union-attr]

    def restart(self) -> None:
        """Stop the server cleanly (a checkpoint first) and start it again on the same database and ports."""
        self.isql("checkpoint")
        assert self.isql_binary is not None
        subprocess.run([self.isql_binary, f"127.0.0.1:{self.sql_port}", "dba", "dba", "exec=shutdown;"], capture_output=True, timeout=120)
        if self.process is not None:
            self.process.wait(timeout=60)
        self._launch()

    def stop(self) -> None:
        """Stop the server (its files stay in the work folder)."""
        _stop(self.process, timeout=30)


# -- Oxigraph server -------------------------------------------------------------------------------
class OxigraphServer:
    """The Oxigraph server (``oxigraph`` from PyPI) on loopback: read-only on a loaded location, or in memory read-write."""

    START_TIMEOUT = 30.0

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        sibling = Path(sys.executable).with_name("oxigraph")
        self.binary = str(sibling) if sibling.is_file() else shutil.which("oxigraph")
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0

    @staticmethod
    def missing() -> str | None:
        """Why the Oxigraph server cannot run here, or None."""
        sibling = Path(sys.executable).with_name("oxigraph")
        if not sibling.is_file() and not shutil.which("oxigraph"):
            return "the 'oxigraph' server command is not installed (pip install oxigraph; it is in the test extra)"
        return None

    @property
    def location(self) -> Path:
        return self.workdir / "db"

    @property
    def url(self) -> str:
        """The SPARQL query endpoint."""
        return f"http://127.0.0.1:{self.port}/query"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol endpoint (read-write server only)."""
        return f"http://127.0.0.1:{self.port}/store"

    def load(self, path: Path, graph: str | None = None) -> None:
        """``oxigraph load`` a file into the location (the default graph, or ``graph``); before :meth:`serve`."""
        assert self.binary is not None
        command = [self.binary, "load", "--location", str(self.location), "--file", str(path)]
        subprocess.run(command + (["--graph", graph] if graph else []), check=True, capture_output=True, timeout=300)

    def serve(self, read_only: bool = True) -> None:
        """Serve the location read-only (``serve-read-only``), or an empty in-memory store read-write (``serve``)."""
        assert self.binary is not None
        self.port = free_port()
        command = [self.binary, "serve-read-only", "--location", str(self.location)] if read_only else [self.binary, "serve"]
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = self.workdir / "oxigraph.out"
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [*command, "--bind", f"127.0.0.1:{self.port}"], stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        try:
            _wait_http(f"{self.url}?query=ASK%7B%7D", self.process, self.START_TIMEOUT, log, "The Oxigraph server")
        except RuntimeError:
            _stop(self.process)
            raise

    def stop(self) -> None:
        """Stop the server."""
        _stop(self.process)


# -- Jena ARQ --------------------------------------------------------------------------------------
#: Debian's libapache-jena-java jars and the libraries they need (its package dependencies); slf4j-nop
#: keeps ARQ quiet. Putting all of /usr/share/java on the class path instead makes slf4j refuse to start.
_JENA_LIBS = (
    "commons-cli",
    "commons-codec",
    "commons-compress",
    "commons-csv",
    "commons-io",
    "commons-lang3",
    "dexx.collection",
    "gson",
    "guava",
    "httpclient",
    "httpcore",
    "jackson-core",
    "jackson-databind",
    "jackson-annotations",
    "jsonld-java",
    "jakarta.json-api",
    "protobuf",
    "slf4j-api",
    "slf4j-nop",
    "thrift",
    "titanium-json-ld",
)


class JenaArq:
    """Apache Jena ARQ (Debian's jars, or ``JENA_CLASSPATH``) answering a batch of queries over one RDF file."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.classpath = os.environ.get("JENA_CLASSPATH") or self._debian_classpath()

    @staticmethod
    def _debian_classpath() -> str | None:
        jars = sorted(glob.glob("/usr/share/java/jena-*.jar"))
        if not any(Path(j).name == "jena-arq.jar" for j in jars):
            return None
        return os.pathsep.join(
            [j for j in jars if re.search(r"jena-[a-z0-9-]+\.jar$", j) and not re.search(r"-\d", Path(j).name)]
            + [f"/usr/share/java/{name}.jar" for name in _JENA_LIBS if Path(f"/usr/share/java/{name}.jar").is_file()]
        )

    def missing(self) -> str | None:
        """Why ARQ cannot run here, or None."""
        if self.classpath is None:
            return "Jena ARQ is not installed (apt-get install libapache-jena-java, or set JENA_CLASSPATH)"
        if not shutil.which("javac") or not shutil.which("java"):
            return "Jena ARQ needs a JDK (javac and java)"
        return None

    def prepare(self) -> None:
        """Compile the batch runner; add the message files that Debian's jena-core misplaces.

        Debian's jena-core moves Jena's private copy of Xerces to the package ``xerces`` but leaves its
        message files under ``org/apache/jena/ext/xerces``; without them the XSD datatypes fail to
        initialise ("internal error" in ``XSSimpleTypeDecl``) and ARQ cannot start. The files are copied,
        unchanged, to where the moved classes look for them.
        """
        assert self.classpath is not None
        classes = self.workdir / "classes"
        classes.mkdir(parents=True, exist_ok=True)
        core = next((p for p in self.classpath.split(os.pathsep) if Path(p).name == "jena-core.jar"), None)
        if core:
            with zipfile.ZipFile(core) as jar:
                names = jar.namelist()
                if "xerces/impl/dv/SchemaDVFactory.class" in names:
                    for name in names:
                        if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                            target = classes / name.replace("org/apache/jena/ext/", "", 1)
                            target.parent.mkdir(parents=True, exist_ok=True)
                            target.write_bytes(jar.read(name))
        subprocess.run(
            ["javac", "-nowarn", "-cp", self.classpath, "-d", str(classes), str(JENA_RUNNER)], check=True, capture_output=True, timeout=300
        )
        self.command = ["java", "-cp", f"{classes}{os.pathsep}{self.classpath}", "RunQueries"]

    def run(self, data: Path, queries: dict[str, str]) -> dict[str, QueryResult | str]:
        """Answer each named query text over ``data``: its result, or ARQ's error message."""
        folder = self.workdir / f"batch-{len(list(self.workdir.glob('batch-*')))}"
        folder.mkdir(parents=True)
        stems = {f"q{i:04d}": name for i, name in enumerate(queries)}
        for stem, name in stems.items():
            (folder / f"{stem}.rq").write_text(queries[name], encoding="utf-8")
        done = subprocess.run([*self.command, str(data), str(folder)], capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or not done.stdout.startswith("OK"):
            raise RuntimeError(f"Jena ARQ failed:\n{(done.stdout + done.stderr)[-_LOG_TAIL:]}")
        answers: dict[str, QueryResult | str] = {}
        for stem, name in stems.items():
            error = folder / f"{stem}.error"
            if error.exists():
                answers[name] = "ARQ: " + error.read_text(encoding="utf-8")
            else:
                answers[name] = results_from_json((folder / f"{stem}.json").read_bytes(), "Jena ARQ")
        return answers
