"""What a Norwegian physiotherapist and an anatomy teacher ran into on first use, each fixed and kept fixed."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from gluteonto import Session
from gluteonto.cli import main
from gluteonto.i18n import message_keys
from gluteonto.query.catalog import load_catalog
from gluteonto.sparql.results import own_label_columns, without_columns

from .helpers import run_cli

CATALOG = load_catalog()


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def session() -> Session:
    return Session("oxigraph")


run = run_cli


def _answers(session: Session) -> dict[str, tuple[list[str], set[str]]]:
    """Question → (result variables, plain literals of its answer that the query text writes itself)."""
    found = {}
    for spec in CATALOG.values():
        params = {"lang": "nb"} if any(p.name == "lang" for p in spec.params) else {}
        result = session.query(spec.name, params)
        result = without_columns(result, own_label_columns(result))  # the query's own English labels: never shown
        text = re.sub(r'FILTER\(lang\(\?\w+_label\) = "en"\)', "", spec.text)  # the English label of a term asked about
        fixed = {c.value for row in result.cells for c in row if c is not None and c.kind == "literal" and not c.lang and f'"{c.value}"' in text}
        found[spec.name] = (result.variables, fixed)
    return found


# -- 1: Norwegian throughout ------------------------------------------------------------------
def test_every_column_and_fixed_value_has_a_norwegian_rendering(session: Session) -> None:
    for name, (variables, fixed) in _answers(session).items():
        assert variables or name.startswith(("qc/", "fma/", "uberon/")), name
        for variable in variables:
            assert "header." + variable in message_keys("nb"), (name, variable)
        if CATALOG[name].group == "questions":
            for value in fixed:
                assert "value." + value in message_keys("nb"), (name, value)


@pytest.mark.parametrize(
    "name, english, norwegian",
    [
        ("rehabilitation-start", "1 start with", "1 start med"),
        ("risk-factors", "either or", "enten–eller"),
        ("innervation", "sole supply", "eneste forsyning"),
        ("finding-causes", "upstream how", "tidligere årsak"),
        ("differential-diagnosis", "how often", "symptomet er"),
        ("exercise-comparisons", "compared with", "sammenlignet med"),
    ],
)
def test_norwegian_tables_show_no_english_headers_or_values(runner: CliRunner, name: str, english: str, norwegian: str) -> None:
    output = run(runner, "query", name, "--lang", "nb", "--wide").output
    assert norwegian in output and english not in output
    assert not re.search(r"\b(yes|no|then|avoid)\b", output), output


# -- 2, 3: codes and empty values -------------------------------------------------------------
def test_fma_and_uberon_codes_name_the_mapped_term(runner: CliRunner) -> None:
    by_name = run(runner, "query", "innervation", "-p", "muscle=gluteus minimus", "--format", "csv").output
    for code in ("FMA:22317", "UBERON:0008521"):
        result = run(runner, "query", "innervation", "-p", f"muscle={code}", "--format", "csv")
        assert result.exit_code == 0, result.output
        assert result.stdout == by_name


def test_an_empty_value_is_refused(runner: CliRunner) -> None:
    result = run(runner, "query", "innervation", "-p", "muscle=", "--lang", "nb")
    assert result.exit_code == 2 and "muscle" in result.stderr and "ingen verdi" in result.stderr
    assert not result.stdout


# -- 4: 'sole supply' --------------------------------------------------------------------------
def test_only_supply_is_stated_or_blank_never_no(runner: CliRunner) -> None:
    medius = run(runner, "query", "innervation", "-p", "muscle=gluteus medius", "--format", "json").output
    cells = [b.get("sole_supply") for b in json.loads(medius)["results"]["bindings"]]
    assert cells and all(c is None or c["value"] == "stated" for c in cells)
    minimus = run(runner, "query", "innervation", "--lang", "nb", "--wide").output
    assert "oppgitt" in minimus and "nei" not in minimus.split()


# -- 5: the kind of a term ---------------------------------------------------------------------
def test_a_term_of_another_kind_is_named_with_the_question_that_fits(runner: CliRunner) -> None:
    result = run(runner, "query", "innervation", "-p", "muscle=superior gluteal nerve", "--lang", "nb")
    assert result.exit_code == 2
    assert "n. gluteus superior er en type nerve, ikke muskel" in result.stderr
    assert "gluteonto query muskler-per-nerve -p nerve=GLUTEONTO:0000062" in result.stderr  # in Norwegian


def test_a_root_points_to_the_segment_question(runner: CliRunner) -> None:
    result = run(runner, "query", "muscles-by-nerve", "-p", "nerve=L5", "--lang", "nb")
    assert "gluteonto query muskler-per-segment -p segment=L5" in result.output  # in Norwegian


def test_ambiguous_names_prefer_the_expected_kind(runner: CliRunner) -> None:
    result = run(runner, "query", "exercises-for-target", "-p", "target=fremre fibre", "--lang", "nb")
    assert result.exit_code == 0, result.output
    assert "fremre fibersegment i gluteus minimus" in result.stderr


# -- 7: wrapping -------------------------------------------------------------------------------
def _words(text: str) -> set[str]:
    """Words of the text (a narrow table's "header:" lines count as the header's words)."""
    return {w.removesuffix(":") for w in text.split()}


@pytest.mark.parametrize("args", [["query", "innervation"], ["query", "muscle-actions"], ["queries"], ["about", "gluteus minimus"]])
@pytest.mark.parametrize("columns", [60, 100])
def test_wrapping_breaks_at_spaces_only(runner: CliRunner, args: list[str], columns: int) -> None:
    narrow = run(runner, *args, "--lang", "nb", columns=columns).output
    whole = run(runner, *args, "--lang", "nb", columns=10000).output
    assert _words(narrow) <= _words(whole) | {"•"}, sorted(_words(narrow) - _words(whole))
    assert all(line == line.rstrip() for line in narrow.splitlines())
    for line in narrow.splitlines():
        assert len(line) <= columns or len(line.split()) == 1 or line.lstrip().startswith("gluteonto query "), line


# -- 8: Latin in machine formats ----------------------------------------------------------------
def test_latin_labels_are_tagged_la_and_fallbacks_en_without_marker(runner: CliRunner) -> None:
    data = json.loads(run(runner, "query", "innervation", "--format", "json", "--lang", "la").output)
    labels = [(b["nerve_label"], b["root_label"]) for b in data["results"]["bindings"]]
    assert all(nerve == {"type": "literal", "value": "nervus gluteus superior", "xml:lang": "la"} for nerve, _ in labels)
    assert all(root["xml:lang"] == "en" and "*" not in root["value"] for _, root in labels)
    assert "*" not in run(runner, "query", "innervation", "--format", "csv", "--lang", "la").output


# -- 9, 10: Norwegian names and parameters ------------------------------------------------------
def test_choices_and_parameters_in_norwegian(runner: CliRunner) -> None:
    result = run(runner, "query", "finding-causes", "-p", "finding=trendelenberg", "--lang", "nb")
    assert "Trendelenburgs tegn" in result.stderr and "Trendelenburg sign" not in result.stderr
    medius = run(runner, "query", "innervasjon", "-p", "muskel=gluteus medius", "--lang", "nb", "--format", "csv")
    assert medius.exit_code == 0 and "gluteus medius" not in medius.stderr
    bad = run(runner, "query", "innervation", "-p", "muscle", "--lang", "nb")
    assert bad.exit_code == 2 and "Usage" not in bad.output and "er ikke NAVN=VERDI" in bad.stderr
    unknown = run(runner, "query", "innervation", "-p", "nerve=x", "--lang", "nb")
    assert "muscle (muskel)" in unknown.stderr


# -- 11: every question in Norwegian -----------------------------------------------------------
def test_every_question_has_norwegian_text_and_an_alias() -> None:
    for spec in CATALOG.values():
        if spec.group != "questions":
            continue
        assert spec.titles.get("nb") and spec.descriptions.get("nb") and spec.answers.get("nb"), spec.name
        assert spec.aliases, spec.name
        assert all(dict(p.helps).get("nb") for p in spec.params), spec.name


# -- 12: forgiving question search -------------------------------------------------------------
def test_question_search_forgives_typos_and_starts_without_a_blank_line(runner: CliRunner) -> None:
    result = run(runner, "queries", "--search", "trendelenberg")
    assert result.exit_code == 0 and "finding-causes" in result.output
    assert result.output.splitlines()[0].strip()


# -- 16, 17, 18 ----------------------------------------------------------------------------------
def test_lookup_of_a_root_offers_the_segment_question(runner: CliRunner) -> None:
    output = run(runner, "lookup", "L5").output
    assert "muscles-by-segment" in output and "exact synonym" not in output


def test_row_count_says_how_many_differ_in_the_first_column(runner: CliRunner) -> None:
    output = run(runner, "query", "muscles-by-segment", "-p", "segment=l5", "--lang", "nb").output
    assert "(3 rader; 2 ulike i første kolonne, muskel)" in output


def test_segment_codes_may_contain_spaces(runner: CliRunner) -> None:
    spaced = run(runner, "query", "muscles-by-segment", "-p", "segment=L 5", "--format", "csv")
    assert spaced.exit_code == 0
    assert spaced.output == run(runner, "query", "muscles-by-segment", "-p", "segment=L5", "--format", "csv").output


# -- 10, 20: the language by default, and info ---------------------------------------------------
@pytest.mark.parametrize("env", [{"GLUTEONTO_LANG": "nb"}, {"LANG": "nb_NO.UTF-8", "GLUTEONTO_LANG": ""}])
def test_norwegian_by_default_from_the_environment(runner: CliRunner, env: dict[str, str]) -> None:
    result = runner.invoke(main, ["query", "innervation"], env={"COLUMNS": "100", "LC_ALL": "", **env})
    assert "(3 rader)" in result.output


def test_info_in_norwegian_with_aligned_values(runner: CliRunner) -> None:
    lines = run(runner, "info", "--lang", "nb").output.splitlines()
    assert any(line.startswith("eksistensielle restriksjoner") for line in lines)
    starts = {len(line) - len(line.split()[-1]) for line in lines if line.split()[-1].isdigit()}
    assert len(starts) == 1, lines
