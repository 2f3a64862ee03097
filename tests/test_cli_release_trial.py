"""Regressions from a new user's trial of validate and export: each file checked on its own, files keep their
permissions, suffixes that promise something else are refused, the bridge export is one ontology."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from gluteonto.cli import main
from gluteonto.resources import ontology_file
from gluteonto.vocab import OWL, RDF, RDFS

from .helpers import ROOT


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "100"})


@pytest.fixture
def without_nb_label(tmp_path: Path) -> Path:
    graph = Graph().parse(ontology_file("ttl", international=True), format="turtle")
    label = Literal("n. gluteus superior", lang="nb")
    assert len(list(graph.triples((None, RDFS.label, label)))) == 1
    graph.remove((None, RDFS.label, label))
    path = tmp_path / "nolabel.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    return path


@pytest.mark.slow  # validates several whole releases
def test_each_file_is_validated_on_its_own(runner: CliRunner, without_nb_label: Path) -> None:
    """A defect in one file is not hidden by a second file that has what the first one lacks."""
    result = runner.invoke(main, ["validate", str(without_nb_label), str(ontology_file("ttl", international=True))])
    assert result.exit_code == 1, result.output
    first, second = result.output.split("\n\n", 1)[0], result.output.rstrip().splitlines()[-1]
    assert first.startswith("Does not conform: 1 problem in 1 term.")
    assert second == "Conforms: gluteonto-international.ttl meets every gluteonto shape."


@pytest.mark.slow  # validates several whole releases
def test_several_files_give_a_json_list(runner: CliRunner, without_nb_label: Path) -> None:
    result = runner.invoke(main, ["validate", str(without_nb_label), str(ontology_file("ttl", international=True)), "--format", "json"])
    payload = json.loads(result.output)
    assert [report["conforms"] for report in payload] == [False, True]
    assert payload[0]["violations"][0]["value"] is None or isinstance(payload[0]["violations"][0]["value"], str)
    assert all(v["path"] is None or v["path"] for v in payload[0]["violations"])


def test_an_empty_file_beside_another_is_still_an_error(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("@prefix a: <http://a/> .\n")
    result = runner.invoke(main, ["validate", str(ontology_file("ttl", international=True)), str(empty)])
    assert result.exit_code == 2 and "contains no RDF triples" in result.output


def test_norwegian_counts_are_inflected(runner: CliRunner, without_nb_label: Path) -> None:
    result = runner.invoke(main, ["validate", str(without_nb_label), "--lang", "nb"])
    assert result.output.startswith("Ikke godkjent: 1 problem i 1 begrep."), result.output


def test_export_keeps_the_permissions_of_the_file_it_replaces(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "private.ttl"
    target.write_text("old")
    target.chmod(0o600)
    assert runner.invoke(main, ["export", "--format", "turtle", "-o", str(target)]).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text() != "old"


def test_export_refuses_a_read_only_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "locked.ttl"
    target.write_text("keep me")
    target.chmod(0o444)
    result = runner.invoke(main, ["export", "--format", "turtle", "-o", str(target)])
    assert result.exit_code == 2 and "read-only" in result.output
    assert target.read_text() == "keep me"
    os.chmod(target, 0o644)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("x.ttl.gz", "gzip-compressed data, which export does not write; name the file with .ttl (compress it"),
        ("x.owx", "OWL/XML, which export does not write; name the file with .ttl"),
        ("x.owl", "means rdfxml, not turtle; use --format rdfxml, or a file name ending in .ttl"),
    ],
)
def test_export_refuses_a_suffix_that_promises_another_format(runner: CliRunner, tmp_path: Path, name: str, words: str) -> None:
    result = runner.invoke(main, ["export", "--format", "turtle", "-o", str(tmp_path / name)])
    assert result.exit_code == 2 and words in result.output, result.output
    assert not (tmp_path / name).exists()


def test_a_missing_option_is_one_line(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export"])
    lines = result.output.splitlines()
    assert result.exit_code == 2 and len(lines) == 2, result.output
    assert lines[0].startswith("error: Missing option '--format'. Choose from: turtle, rdfxml,")


@pytest.mark.slow  # exports and reparses the release with the bridge
def test_the_bridge_export_is_one_ontology_without_an_import_of_itself(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "with-bridge.ttl"
    assert runner.invoke(main, ["export", "--format", "turtle", "--with-bridge", "-o", str(target)]).exit_code == 0
    graph = Graph().parse(target, format="turtle")
    assert len(set(graph.subjects(RDF.type, OWL.Ontology))) == 1
    assert not list(graph.triples((None, OWL.imports, None)))
    assert len(list(graph.triples((None, OWL.equivalentClass, None)))) > 20


@pytest.mark.parametrize(
    ("make", "norwegian"),
    [
        (lambda tmp: tmp / "missing.ttl", "filen finnes ikke"),
        (lambda tmp: tmp, "RDF-formatet går ikke fram av filnavnet"),
        (lambda tmp: (tmp / "empty.ttl", (tmp / "empty.ttl").write_text("@prefix a: <http://a/> .\n"))[0], "inneholder ingen RDF-tripler"),
        (lambda tmp: (tmp / "bad.ttl", (tmp / "bad.ttl").write_text("garbage {{"))[0], "kan ikke leses som text/turtle"),
    ],
)
def test_file_errors_are_norwegian_with_lang_nb(runner: CliRunner, tmp_path: Path, make: object, norwegian: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    result = runner.invoke(main, ["validate", str(path), "--lang", "nb"])
    assert result.exit_code == 2 and result.output.startswith("feil: ") and norwegian in result.output, result.output
    english = runner.invoke(main, ["validate", str(path)])
    assert english.output.startswith("error: ") and norwegian not in english.output


@pytest.mark.parametrize(
    "name, kind",
    [("gluteonto.obo", "OBO"), ("gluteonto.ofn", "OWL functional syntax"), ("gluteonto.json", "OBO Graphs JSON")],
)
def test_a_release_that_is_not_rdf_is_named_as_what_it_is(runner: CliRunner, name: str, kind: str) -> None:
    """Regression: validate said 'cannot tell the RDF format' for the .obo and .ofn that export writes, and
    'contains no RDF triples' for the OBO Graphs JSON release."""
    from gluteonto.resources import release_file

    result = runner.invoke(main, ["validate", str(release_file(name))])
    assert result.exit_code == 2 and f"this is {kind}, not RDF" in result.output and len(result.output.splitlines()) == 1


def test_a_turtle_file_named_dot_turtle_is_read_back(runner: CliRunner, tmp_path: Path) -> None:
    """Regression: export accepted -o out.turtle but validate could not tell the format of that name."""
    from gluteonto.formats.reading import syntax_for

    assert syntax_for(tmp_path / "out.turtle").rdflib == "turtle" and syntax_for(tmp_path / "out.ntriples.gz").rdflib == "nt"


def test_an_output_in_a_missing_folder_is_refused_not_created(runner: CliRunner, tmp_path: Path) -> None:
    """Regression: export -o /nonexistentdir/x.ttl created the folder without a word."""
    result = runner.invoke(main, ["--lang", "nb", "export", "--format", "turtle", "-o", str(tmp_path / "missing" / "x.ttl")])
    assert result.exit_code == 2 and "finnes ikke" in result.output and not (tmp_path / "missing").exists()


def test_reason_names_the_file_as_typed(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: reason showed the absolute path of a bad file; the other commands show it as typed."""
    monkeypatch.chdir(tmp_path)
    Path("bad.owl").write_text("<rdf:RDF")
    result = runner.invoke(main, ["reason", "bad.owl"])
    assert result.exit_code == 2 and str(tmp_path) not in result.output and "bad.owl" in result.output


def test_readme_marks_english_stand_ins_in_latin_tables_as_the_tables_do(runner: CliRunner) -> None:
    """Regression: the README said a `*` marks an English stand-in in a Latin table, while the tables show "(en)"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    result = runner.invoke(main, ["query", "innervation", "--lang", "la"])
    assert result.exit_code == 0, result.output
    assert "(en)" in result.output and "*" not in result.output
    assert "the `*` marking a stand-in" not in readme
    assert "a stand-in is marked `(en)`" in readme


@pytest.mark.parametrize("engine", ["rudof", pytest.param("pyshacl", marks=pytest.mark.slow)])
@pytest.mark.parametrize("lang, words", [("en", "holds no gluteonto terms"), ("nb", "inneholder ingen gluteonto-begreper")])
def test_validate_says_a_file_without_gluteonto_terms_holds_none_instead_of_that_it_conforms(
    runner: CliRunner, engine: str, lang: str, words: str
) -> None:
    """Regression: `gluteonto validate shapes/gluteonto-shapes.ttl` said "Conforms: … meets every gluteonto shape."
    (exit 0) on a file that holds no gluteonto term at all."""
    result = runner.invoke(main, ["validate", str(ROOT / "shapes" / "gluteonto-shapes.ttl"), "--engine", engine, "--lang", lang])
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines() == [result.output.strip()] and words in result.output
    assert "Conforms" not in result.output and "Godkjent" not in result.output
    as_json = json.loads(runner.invoke(main, ["validate", str(ROOT / "shapes" / "gluteonto-shapes.ttl"), "--format", "json"]).output)
    assert as_json["conforms"] is False and any("holds no gluteonto terms" in note for note in as_json["notes"])
