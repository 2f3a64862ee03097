"""The command line, with click's runner: every command, its formats and its error paths."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from gluteonto.cli import main
from gluteonto.tools.reason import java_available

from .helpers import DATA


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "100"})  # tables at a fixed width, whatever terminal the suite runs in


def run(runner: CliRunner, *args: str, input: str | None = None) -> Result:
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


def test_info_names_the_loaded_edition_and_its_counts(runner: CliRunner) -> None:
    result = run(runner, "info")
    assert result.exit_code == 0
    assert "https://w3id.org/gluteonto/gluteonto-international.owl" in result.output and "classes" in result.output  # the loaded edition


def test_lookup_norwegian_latin_and_accents(runner: CliRunner) -> None:
    assert "GLUTEONTO:0000208" in run(runner, "lookup", "bekkenstabilisering").output
    assert "GLUTEONTO:0000444" in run(runner, "lookup", "Trendelenburgs", "tegn").output
    assert "GLUTEONTO:0000062" in run(runner, "lookup", "n.", "gluteus", "superior").output
    assert "GLUTEONTO:0000643" in run(runner, "lookup", "lasegue").output
    missing = run(runner, "lookup", "zzzzqqq")
    assert missing.exit_code == 1


def test_queries_lists_the_catalog(runner: CliRunner) -> None:
    result = run(runner, "queries", "--lang", "nb")
    assert result.exit_code == 0 and "innervation" in result.output and "Nerveforsyning" in result.output
    assert "qc/missing-label" not in result.output
    assert "qc/missing-label" in run(runner, "queries", "--all").output


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_query_table_in_norwegian(runner: CliRunner, engine: str) -> None:
    result = run(runner, "query", "innervation", "--lang", "nb", "--engine", engine, "--wide")
    assert result.exit_code == 0
    assert "n. gluteus superior" in result.output and "L5" in result.output


def test_query_answers_in_the_w3c_json_csv_and_tsv_formats(runner: CliRunner) -> None:
    payload = json.loads(run(runner, "query", "anastomosis-members", "--format", "json").output)
    assert len(payload["results"]["bindings"]) == 3
    csv_out = run(runner, "query", "anastomosis-members", "--format", "csv").output
    assert csv_out.splitlines()[0] == "anastomosis,anastomosis_label,artery,artery_label,arises_from,arises_from_label"
    assert len(csv_out.splitlines()) == 4
    assert ",superior gluteal artery," in csv_out and "https://w3id.org/gluteonto/" in csv_out
    tsv_out = run(runner, "query", "anastomosis-members", "--format", "tsv", "--lang", "nb").output
    assert tsv_out.splitlines()[0] == "?anastomosis\t?anastomosis_label\t?artery\t?artery_label\t?arises_from\t?arises_from_label"
    assert "<https://w3id.org/gluteonto/" in tsv_out and '"a. glutea superior"@nb' in tsv_out


def test_query_with_parameters(runner: CliRunner) -> None:
    result = run(runner, "query", "muscles-by-segment", "--param", "segment=S1")
    assert "gluteus medius" in result.output
    result = run(runner, "query", "innervation", "-p", "muscle=gluteus medius")
    assert "superior gluteal nerve" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["query", "no-such-query"], "no question named"),
        (["query", "innervation", "--param", "muscle=qqqq"], "is not a term in gluteonto"),
        (["query", "innervation", "--param", "nerve=x"], "has no parameter"),
        (["query", "innervation", "--endpoint", "http://127.0.0.1:9/sparql"], "cannot reach SPARQL endpoint"),
        (["query", "innervation", "--endpoint", "ftp://x"], "not an http(s) SPARQL endpoint"),
        (["query", "innervation", "--data", "missing.ttl"], "no such file"),
        (["validate", "missing.ttl"], "no such file"),
        pytest.param(["reason", "missing.owl"], "no such file", marks=pytest.mark.slow),  # asks whether Java runs
        (["export", "--format", "turtle", "--output", "/proc/forbidden/x.ttl"], "error"),
    ],
)
def test_errors_are_one_line_with_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_bad_param_syntax_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["query", "innervation", "--param", "muscle"])
    assert result.exit_code == 2 and "NAME=VALUE" in result.output


def test_sparql_from_stdin_and_file(runner: CliRunner, tmp_path: Path) -> None:
    text = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l WHERE { <https://w3id.org/gluteonto/GLUTEONTO_0000004> rdfs:label ?l FILTER(lang(?l)='la') }"
    assert "musculus gluteus minimus" in run(runner, "sparql", "-", input=text).output
    path = tmp_path / "q.rq"
    path.write_text("ASK { ?s ?p ?o }")
    assert run(runner, "sparql", str(path)).output.strip() == "yes"
    bad = runner.invoke(main, ["sparql", "-"], input="SELECT WHERE {")
    assert bad.exit_code == 2 and "SPARQL query failed" in bad.output


def test_sparql_construct_prints_turtle(runner: CliRunner) -> None:
    """Both conditions hold: the command succeeds and what it prints is the constructed graph as Turtle
    (an ``and … or`` once let a failed command pass when its message happened to contain " a ")."""
    from rdflib import Graph

    text = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 2"
    result = run(runner, "sparql", "-", "--engine", "oxigraph", input=text)
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(data=result.output, format="turtle")) == 2


def test_validate_packaged_and_broken_files(runner: CliRunner, tmp_path: Path) -> None:
    assert run(runner, "validate").exit_code == 0
    broken = tmp_path / "broken.ttl"
    broken.write_text((DATA.parent.parent / "ontology" / "gluteonto-international.ttl").read_text().replace('"FMA:22317"', '"FMA 22317"'))
    result = runner.invoke(main, ["validate", str(broken), "--format", "json"])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert not payload["conforms"] and payload["violations"][0]["shape"].endswith("XrefShape")
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle {{{")
    result = runner.invoke(main, ["validate", str(garbage)])
    assert result.exit_code == 2 and "not readable" in result.output


@pytest.mark.slow
@pytest.mark.skipif(not java_available(), reason="HermiT needs Java")
def test_reason_finds_the_packaged_ontology_consistent(runner: CliRunner) -> None:
    result = run(runner, "reason")
    assert result.exit_code == 0 and "Consistent" in result.output


def test_qc_passes_every_check_on_the_release(runner: CliRunner) -> None:
    result = run(runner, "qc")
    assert result.exit_code == 0 and "qc/missing-label" in result.output


@pytest.mark.parametrize(
    "fmt, marker",
    [
        ("turtle", "@prefix"),
        ("rdfxml", "<rdf:RDF"),
        ("ntriples", "<https://w3id.org/gluteonto/"),
        ("jsonld", "@id"),
        ("ofn", "Ontology(<https://w3id.org/gluteonto/gluteonto.owl>"),
        ("obo", "ontology: gluteonto"),
        ("obographs", '"graphs"'),
    ],
)
def test_export_writes_each_format_to_a_file(runner: CliRunner, tmp_path: Path, fmt: str, marker: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = run(runner, "export", "--format", fmt, "--output", str(out))
    assert result.exit_code == 0
    assert marker in out.read_text(encoding="utf-8")


def test_export_with_bridge_to_stdout(runner: CliRunner) -> None:
    result = run(runner, "export", "--format", "ntriples", "--with-bridge")
    assert "<http://purl.org/sig/ont/fma/fma22317>" in result.output


@pytest.mark.slow
def test_module_entry_point() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "gluteonto", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "gluteonto" in result.stdout


def test_cli_choices_are_the_registries() -> None:
    from gluteonto.engines import ENGINES
    from gluteonto.i18n import LABEL_LANGS
    from gluteonto.sparql.results import RESULT_FORMATS
    from gluteonto.tools.export import EXPORT_FORMATS
    from gluteonto.tools.validate import VALIDATION_FORMATS

    def choices(command: str, option: str) -> list[str]:
        param = next(p for p in main.commands[command].params if p.name == option)
        assert isinstance(param.type, click.Choice)
        return list(param.type.choices)

    assert choices("query", "engine") == choices("qc", "engine") == list(ENGINES)
    assert choices("query", "fmt") == choices("sparql", "fmt") == list(RESULT_FORMATS)
    assert choices("export", "fmt") == list(EXPORT_FORMATS)
    assert choices("validate", "fmt") == list(VALIDATION_FORMATS)
    assert choices("query", "lang") == list(LABEL_LANGS)
