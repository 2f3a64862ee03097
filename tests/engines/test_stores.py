"""The whole catalog gives the same rows on the triple stores people run as on the embedded engine.

Every catalog query runs in each of its forms — as stored (pasted unchanged: "for all terms"), with
the defaults of its header, and with several other parameter values bound the way ``gluteonto query
-p`` binds them (and one value that has no answer) — on the embedded Oxigraph (the reference),
rdflib, the Oxigraph server, ``gluteonto serve``, Virtuoso just after a bulk load, a restarted
Virtuoso queried without a graph (its default graph is then the union of all graphs), and Jena ARQ.
FMA and Uberon comparisons run on the release merged with the FMA fixture and the Uberon extract;
quality-control queries also run on the
release with a seeded defect for each of them, so that they have rows to compare. Answers are compared
with :func:`tests.triplestores.differences` (multisets of rows; order where the query orders).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from gluteonto import Session
from gluteonto.engines import EndpointEngine, Engine
from gluteonto.engines.base import checked_query
from gluteonto.errors import GluteontoError
from gluteonto.query.catalog import QuerySpec, load_catalog
from gluteonto.query.kinds import expected_kinds, kind_members
from gluteonto.resources import ontology_file
from gluteonto.sparql.results import QueryResult
from gluteonto.terms import Term

from ..conftest import DEFECTS_GRAPH, FMA_GRAPH, RELEASE_GRAPH, UBERON_GRAPH
from ..triplestores import JenaArq, Virtuoso, differences, order_keys

pytestmark = pytest.mark.slow

CATALOG = load_catalog()
NAMES = sorted(CATALOG)
#: values bound to a literal parameter besides its default
LITERAL_VALUES = {"segment": ["L4", "S1", "S5"], "lang": ["nb"]}
#: the datasets the stores hold in named graphs beside the release
NAMED_GRAPHS = (("fma", FMA_GRAPH), ("uberon", UBERON_GRAPH), ("defects", DEFECTS_GRAPH))
#: how many of the terms a question answers for (as stored) are also asked about one at a time
TERMS_PER_QUESTION = 3


#: The data a case runs on: the release, the release merged with the FMA fixture or the Uberon extract, the
#: release with QC defects.
Dataset = str
#: the merged data a comparison group runs on (every other query runs on the release)
GROUP_DATASETS: dict[str, Dataset] = {"FMA comparison": "fma", "Uberon comparison": "uberon"}


def _dataset(spec: QuerySpec) -> Dataset:
    return GROUP_DATASETS.get(spec.group, "release")


@dataclass(frozen=True)
class Case:
    """One form of a catalog query: the text a store receives, and on which data."""

    label: str
    text: str
    dataset: Dataset


@dataclass
class Reference:
    """The embedded Oxigraph sessions that every store is compared with, one per dataset."""

    sessions: dict[Dataset, Session]

    def session(self, spec: QuerySpec) -> Session:
        return self.sessions[_dataset(spec)]


def _spread(values: list[str], count: int) -> list[str]:
    """``count`` values spread over the sorted ``values`` (first, last, between)."""
    ordered = sorted(set(values))
    if len(ordered) <= count:
        return ordered
    return [ordered[round(i * (len(ordered) - 1) / (count - 1))] for i in range(count)]


def _is_iri(term: Term | None) -> bool:
    return term is not None and term.kind == "uri"


def _text(term: Term | None) -> str:
    return "" if term is None else term.value


def _parameter_sets(session: Session, spec: QuerySpec, as_stored: QueryResult) -> list[dict[str, str]]:
    """Parameter values to bind besides the defaults: terms the question answers for (read from the
    parameter's column of the answer as stored), one term of the expected kind that has no answer,
    and other values of literal parameters."""
    sets: list[dict[str, str]] = []
    iri_params = [p.name for p in spec.params if p.kind == "iri"]
    if iri_params and all(name in as_stored.variables for name in iri_params):
        columns = [as_stored.variables.index(name) for name in iri_params]
        combos = {"\t".join(_text(row[i]) for i in columns) for row in as_stored.cells if all(_is_iri(row[i]) for i in columns)}
        sets += [dict(zip(iri_params, combo.split("\t"), strict=True)) for combo in _spread(sorted(combos), TERMS_PER_QUESTION)]
        answered = {combo.split("\t")[0] for combo in combos}
        kinds = expected_kinds(iri_params[0])
        if kinds:
            unanswered = sorted(kind_members(session.engine, kinds) - answered)
            if unanswered:
                sets.append({iri_params[0]: unanswered[0]})
    for param in spec.params:
        for value in LITERAL_VALUES.get(param.name, []) if param.kind == "literal" else []:
            sets.append({param.name: value})
    return sets


def _cases(reference: Reference, spec: QuerySpec) -> list[Case]:
    session = reference.session(spec)
    dataset = _dataset(spec)
    cases = [Case("as stored", spec.text, dataset)]
    if spec.group == "quality control":
        cases.append(Case("as stored, on seeded defects", spec.text, "defects"))
    if spec.params:
        cases.append(Case("defaults", checked_query(spec.text, session.bind_terms(spec, {}), False), dataset))
        as_stored = session.engine.query(spec.text)
        for params in _parameter_sets(session, spec, as_stored):
            bound = session.bind_terms(spec, params)
            label = ", ".join(f"{k}={v.replace('https://w3id.org/gluteonto/GLUTEONTO_', 'GLUTEONTO:')}" for k, v in params.items())
            cases.append(Case(label, checked_query(spec.text, bound, False), dataset))
    return cases


@pytest.fixture(scope="session")
def reference(oxigraph_session: Session, fma_merged: Path, uberon_merged: Path, qc_defects: Path) -> Reference:
    return Reference(
        {
            "release": oxigraph_session,
            **{
                dataset: Session("oxigraph", [path], include_ontology=False)
                for dataset, path in (("fma", fma_merged), ("uberon", uberon_merged), ("defects", qc_defects))
            },
        }
    )


@pytest.fixture(scope="session")
def catalog_cases(reference: Reference) -> dict[str, list[Case]]:
    """Every form of every catalog query."""
    return {name: _cases(reference, CATALOG[name]) for name in NAMES}


@pytest.fixture(scope="session")
def expected(reference: Reference, catalog_cases: dict[str, list[Case]]) -> dict[tuple[str, str], QueryResult]:
    """The reference answer (embedded Oxigraph) of every case."""
    return {(name, case.label): reference.sessions[case.dataset].engine.query(case.text) for name, cases in catalog_cases.items() for case in cases}


Runner = Callable[[str, Case], "QueryResult | str"]


def _engine_runner(engines: dict[Dataset, Engine]) -> Runner:
    """Runs a case on the engine for its dataset ("skip" where the store does not hold that dataset)."""

    def run(name: str, case: Case) -> QueryResult | str:
        engine = engines.get(case.dataset)
        if engine is None:
            return "skip"
        try:
            return engine.query(case.text)
        except GluteontoError as exc:
            return f"error: {exc}"

    return run


def _check(name: str, catalog_cases: dict[str, list[Case]], expected: dict[tuple[str, str], QueryResult], run: Runner) -> None:
    spec = CATALOG[name]
    problems = []
    for case in catalog_cases[name]:
        got = run(name, case)
        if got == "skip":
            continue
        want = expected[(name, case.label)]
        if isinstance(got, str):
            problems.append(f"[{case.label}] {got}")
            continue
        found = differences(want, got, order_keys(spec.text, want.variables))
        problems += [f"[{case.label}] {line}" for line in found]
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.fixture(scope="session")
def rdflib_runner(rdflib_session: Session, fma_merged: Path, uberon_merged: Path, qc_defects: Path) -> Runner:
    return _engine_runner(
        {
            "release": rdflib_session.engine,
            **{
                dataset: Session("rdflib", [path], include_ontology=False).engine
                for dataset, path in (("fma", fma_merged), ("uberon", uberon_merged), ("defects", qc_defects))
            },
        }
    )


@pytest.fixture(scope="session")
def oxigraph_server_runner(oxigraph_server: str) -> Runner:
    return _engine_runner(
        {
            "release": EndpointEngine(oxigraph_server),
            **{dataset: EndpointEngine(oxigraph_server, default_graphs=[graph]) for dataset, graph in NAMED_GRAPHS},
        }
    )


@pytest.fixture(scope="session")
def gluteonto_serve_runner(gluteonto_endpoint: str) -> Runner:
    return _engine_runner({"release": EndpointEngine(gluteonto_endpoint)})


@pytest.fixture(scope="session")
def virtuoso_runner(virtuoso: Virtuoso) -> Runner:
    return _engine_runner(
        {dataset: EndpointEngine(virtuoso.url, default_graphs=[graph]) for dataset, graph in (("release", RELEASE_GRAPH), *NAMED_GRAPHS)}
    )


@pytest.fixture(scope="session")
def virtuoso_union_runner(virtuoso_restarted: Virtuoso) -> Runner:
    """Questions without a graph (Virtuoso's union of all graphs); quality control names the release graph,
    since Virtuoso's own system graphs are part of that union."""
    union = _engine_runner({"release": EndpointEngine(virtuoso_restarted.url)})
    named = _engine_runner({"release": EndpointEngine(virtuoso_restarted.url, default_graphs=[RELEASE_GRAPH])})
    return lambda name, case: (named if CATALOG[name].group == "quality control" else union)(name, case)


@pytest.fixture(scope="session")
def jena_answers(
    jena: JenaArq, catalog_cases: dict[str, list[Case]], fma_merged: Path, uberon_merged: Path, qc_defects: Path
) -> dict[tuple[str, str], QueryResult | str]:
    """Every case answered by Jena ARQ, one batch per dataset."""
    answers: dict[tuple[str, str], QueryResult | str] = {}
    for dataset, data in (
        ("release", ontology_file("ttl", international=True)),
        ("fma", fma_merged),
        ("uberon", uberon_merged),
        ("defects", qc_defects),
    ):
        batch = {f"{name}\t{case.label}": case.text for name, cases in catalog_cases.items() for case in cases if case.dataset == dataset}
        for key, answer in jena.run(data, batch).items():
            name, label = key.split("\t")
            answers[(name, label)] = answer
    return answers


#: The servers: one test each, so that under pytest-xdist each server starts once, in the worker that runs
#: its test (a store's problems are listed query by query in its test's failure).
SERVERS = ["oxigraph-server", "gluteonto-serve", "virtuoso", "virtuoso-restarted-union", "jena-arq"]
_RUNNERS = {
    "oxigraph-server": "oxigraph_server_runner",
    "gluteonto-serve": "gluteonto_serve_runner",
    "virtuoso": "virtuoso_runner",
    "virtuoso-restarted-union": "virtuoso_union_runner",
}


@pytest.mark.parametrize("name", NAMES)
def test_catalog_query_gives_the_same_rows_on_rdflib(
    name: str, rdflib_runner: Runner, catalog_cases: dict[str, list[Case]], expected: dict[tuple[str, str], QueryResult]
) -> None:
    _check(name, catalog_cases, expected, rdflib_runner)


@pytest.mark.parametrize("store", SERVERS)
def test_whole_catalog_gives_the_same_rows_on_the_server(
    store: str, request: pytest.FixtureRequest, catalog_cases: dict[str, list[Case]], expected: dict[tuple[str, str], QueryResult]
) -> None:
    if store == "jena-arq":
        answers = request.getfixturevalue("jena_answers")
        run: Runner = lambda n, case: answers[(n, case.label)]  # noqa: E731
    else:
        run = request.getfixturevalue(_RUNNERS[store])
    problems = []
    for name in NAMES:
        try:
            _check(name, catalog_cases, expected, run)
        except AssertionError as exc:
            problems.append(str(exc))
    if store == "virtuoso":
        problems += _command_line_problems(request.getfixturevalue("virtuoso"))
    assert not problems, "\n".join(problems)


def test_every_quality_control_query_has_rows_to_compare_on_the_seeded_defects(expected: dict[tuple[str, str], QueryResult]) -> None:
    empty = [name for name, spec in CATALOG.items() if spec.group == "quality control" and not len(expected[(name, "as stored, on seeded defects")])]
    assert not empty, f"quality-control queries with no rows on the seeded defects: {empty}"


def test_every_question_is_asked_with_several_parameter_values(reference: Reference, catalog_cases: dict[str, list[Case]]) -> None:
    """The comparison is not only about defaults: each question with a term parameter is bound to up to three
    terms it answers for (as many as it has), and to one term of the expected kind it has no answer for."""
    thin = []
    for name, spec in CATALOG.items():
        iri_params = [p.name for p in spec.params if p.kind == "iri"]
        if not iri_params:
            continue
        as_stored = reference.session(spec).engine.query(spec.text)
        answered = {row[as_stored.variables.index(iri_params[0])] for row in as_stored.cells}
        wanted = min(TERMS_PER_QUESTION, len(answered)) + (1 if expected_kinds(iri_params[0]) else 0)
        if len(catalog_cases[name]) < 2 + wanted:  # as stored, defaults, then the terms
            thin.append(name)
    assert not thin, f"questions bound to fewer terms than they answer for: {thin}"


def _cli(*args: str) -> tuple[int, list[str]]:
    from click.testing import CliRunner

    from ..helpers import run_cli

    result = run_cli(CliRunner(), *args, "--format", "csv", "--timeout", "0")
    return result.exit_code, [_BLANK_NODE.sub("_:", line) for line in result.output.splitlines()]


#: a blank node's label, which each store makes up (``_:b0``, ``_:nodeID://b10307``)
_BLANK_NODE = re.compile(r"_:[^,\s]+")


def _command_line_problems(virtuoso: Virtuoso) -> list[str]:
    """What a user types: `gluteonto query NAME --endpoint URL --graph IRI` prints what `gluteonto query NAME`
    does (parameters resolved, kinds checked and labels added the same way; rows compared as a set of lines,
    since rows that tie on the query's sort keys may come in another order; blank nodes by their place, as
    each store labels them its own way)."""
    problems = []
    for name in NAMES:
        if CATALOG[name].group != "questions":
            continue
        code, lines = _cli("query", name)
        remote_code, remote = _cli("query", name, "--endpoint", virtuoso.url, "--graph", RELEASE_GRAPH)
        if (remote_code, remote[:1], sorted(remote[1:])) != (code, lines[:1], sorted(lines[1:])):
            problems.append(f"command line, {name}: exit {remote_code} (expected {code}), {len(remote) - 1} rows (expected {len(lines) - 1})")
    return problems
