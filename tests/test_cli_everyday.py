"""The command line as a clinician uses it: fitting tables, Norwegian throughout, forgiving input,
honest empty answers, question discovery and the term card."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from gluteonto import Session
from gluteonto.card.phrases import word
from gluteonto.i18n import interface_words
from gluteonto.query.answers import EXIT_CODES
from gluteonto.query.catalog import load_catalog, load_query, query_names
from gluteonto.query.lookup import normalize

from .helpers import run_cli

CATALOG = load_catalog()


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def session() -> Session:
    return Session("oxigraph")


run = run_cli


# -- tables that fit --------------------------------------------------------------------------
WIDE_QUESTIONS = ["exercise-programme", "exercise-evidence", "muscle-actions", "arterial-supply", "definition", "labels"]


@pytest.mark.parametrize("name", WIDE_QUESTIONS)
def test_tables_fit_60_columns_and_nothing_is_cut(runner: CliRunner, name: str) -> None:
    table = run(runner, "query", name, "--lang", "nb", columns=60)
    assert table.exit_code == 0, table.output
    assert max(len(line) for line in table.output.splitlines()) <= 60
    assert "…" not in table.output
    # every word of every label and text in the answer is on screen
    payload = json.loads(run(runner, "query", name, "--lang", "nb", "--format", "json").output)
    spec = load_query(name)
    assert spec is not None, name
    asked = {p.name for p in spec.params}  # one value in every row: the table leaves it out
    variables = [v for v in payload["head"]["vars"] if not v.endswith("_label") and v not in asked]
    columns = _column_texts(table.output, len(variables))
    for binding in payload["results"]["bindings"]:
        for index, var in enumerate(variables):
            cell = binding.get(var + "_label") or binding.get(var)
            if cell is not None and cell["type"] == "literal":
                assert "".join(cell["value"].split()) in columns[index], (var, cell["value"])


def _column_texts(table: str, count: int) -> list[str]:
    """Each column's text read top to bottom with spaces removed (wrapped cells joined again).

    A table too wide even for wrapped columns is shown as "header: value" blocks; then every
    column is the whole text.
    """
    lines = table.splitlines()
    rule = next((i for i, line in enumerate(lines) if re.fullmatch(r"[- ]+", line)), None)
    if rule is None:
        return ["".join(table.split())] * count
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[rule])]
    body = [line for line in lines[rule + 1 :] if not re.fullmatch(r"\(\d+ \w+\)", line)]
    return ["".join("".join(line[start:end].split()) for line in body) for start, end in spans]


def test_wide_keeps_one_line_per_row(runner: CliRunner) -> None:
    narrow = run(runner, "query", "exercise-programme", columns=60).output.splitlines()
    wide = run(runner, "query", "exercise-programme", "--wide", columns=60).output.splitlines()
    rows = len(json.loads(run(runner, "query", "exercise-programme", "--format", "json").output)["results"]["bindings"])
    assert len(wide) == rows + 3 < len(narrow)
    assert max(len(line) for line in wide) > 60


def test_machine_formats_carry_iri_and_label(runner: CliRunner) -> None:
    payload = json.loads(run(runner, "query", "innervation", "--lang", "nb", "--format", "json").output)
    assert {"nerve", "nerve_label", "root", "root_label"} <= set(payload["head"]["vars"])
    first = payload["results"]["bindings"][0]
    assert first["nerve"]["type"] == "uri" and first["nerve_label"]["xml:lang"] == "nb"


# -- Norwegian throughout ---------------------------------------------------------------------
NB_COMMANDS = [
    ["query", "innervation"],
    ["query", "exercise-programme"],
    ["query", "muscles-by-segment", "-p", "segment=l5"],
    ["query", "innervation", "-p", "muscle=TFL"],
    ["query", "muscles-by-segment", "-p", "segment=S5"],
    ["query", "innervation", "-p", "muscle=qqqq"],
    ["query", "innervasjon", "-p", "nerve=x"],
    ["query", "no-such-question"],
    ["queries"],
    ["queries", "--search", "nerve"],
    ["lookup", "trendelenberg"],
    ["about", "tensor fasciae latae"],
    ["about", "gluteus minimus"],
]


@pytest.fixture(scope="module")
def content_words(session: Session) -> set[str]:
    """Words of the ontology's Norwegian and language-neutral texts: content, not interface."""
    rows = session.sparql("SELECT ?t WHERE { ?s ?p ?t FILTER(isLiteral(?t) && lang(?t) IN ('nb', '')) }").cells
    return {w.casefold() for (t,) in rows if t is not None for w in re.findall(r"[A-Za-zÆØÅæøå]+", t.value)}


def _interface_text(output: str) -> str:
    """The output without identifiers (question names, ``-p NAME=``, commands, quoted input, parameter lists) and
    without names the term card shows on purpose in another language (marked ``(en)``)."""
    names = sorted({*CATALOG, *(a for s in CATALOG.values() for a in s.aliases)}, key=len, reverse=True)
    for name in names:
        output = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", output)
    output = re.sub(r"-p\s+\w+=", " ", output)
    output = re.sub(r"https?://\S+", " ", output)  # links are addresses, not interface words
    output = re.sub(r"gluteonto [a-z-]+", " ", output)  # command lines the output suggests
    output = re.sub(r"[^;:\n]*\(en\)", " ", " ".join(output.split()))
    output = re.sub(r"'[^']*'", " ", output)
    output = re.sub(r"«[^»]*»", " ", output)  # a name quoted as matched in another language
    return re.sub(r"\(parameterne: [^)]*\)", " ", output)


@pytest.mark.parametrize("args", NB_COMMANDS, ids=lambda a: " ".join(a))
def test_norwegian_output_has_no_english_interface_words(runner: CliRunner, content_words: set[str], args: list[str]) -> None:
    result = run(runner, *args, "--lang", "nb")
    words = {w.casefold() for w in re.findall(r"[A-Za-zÆØÅæøå]+", _interface_text(result.output))}
    english = (words & interface_words()) - content_words
    assert not english, (sorted(english), result.output)


def test_norwegian_footer_and_headers(runner: CliRunner) -> None:
    output = run(runner, "query", "innervation", "--lang", "nb").output
    assert "nerverot" in output and re.search(r"\(\d+ rader\)", output)


def test_latin_labels_fall_back_to_english_marked(runner: CliRunner, session: Session) -> None:
    output = run(runner, "query", "innervation", "--lang", "la", "--wide").output
    nerve = session.resolve_term("superior gluteal nerve")
    latin = session.index.labels[nerve]["la"]
    assert latin in output
    assert "fourth lumbar nerve\u00a0(en)" in output and "(en): no Latin name; shown in English." in output


@pytest.mark.parametrize("columns", [60, 70, 80, 100])
def test_a_language_mark_never_wraps_onto_a_line_of_its_own(runner: CliRunner, columns: int) -> None:
    """In a narrow cell the mark stays with the last word of the name it marks."""
    from .helpers import run_cli

    output = run_cli(runner, "query", "innervation", "--lang", "la", columns=columns).output
    assert "(en)" in output
    assert not re.search(r"(^|\s{2})\(en\)(\s{2}|$)", output, re.MULTILINE), output


def test_lookup_marks_a_name_in_another_language_once(runner: CliRunner) -> None:
    """A name with no Latin label is marked "(en)"; lookup no longer adds that it was found by that same name."""
    first = run(runner, "lookup", "Trendelenburg sign", "--lang", "la").output.splitlines()[0]
    assert first.split(None, 1)[1] == "Trendelenburg sign\u00a0(en)", first


# -- forgiving input --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed, meant",
    [
        ("trendelenberg", "Trendelenburg sign"),
        ("gluteus minumus", "gluteus minimus"),
        ("trokanterbursitt", "trokanterbursitt"),
        ("GLUTEUS MEDIUS", "gluteus medius"),
        ("Lasegue test", "Lasègue test"),
    ],
)
def test_lookup_forgives_case_accents_and_typos(runner: CliRunner, session: Session, typed: str, meant: str) -> None:
    expected = session.lookup(meant)[0].iri
    assert any(hit.iri == expected for hit in session.lookup(typed, limit=3))
    result = run(runner, "lookup", typed)
    label = session.index.label(expected)
    assert result.exit_code == 0 and label is not None and label in result.output


def test_lookup_says_which_questions_take_the_term(runner: CliRunner) -> None:
    output = run(runner, "lookup", "gluteus minimus", "--limit", "1").output
    assert "questions:" in output and "innervation" in output


def test_parameters_forgive_typos_and_segment_case(runner: CliRunner) -> None:
    typo = run(runner, "query", "innervation", "-p", "muscle=gluteus minumus", "--lang", "nb")
    assert typo.exit_code == 0 and typo.stdout == run(runner, "query", "innervation", "--lang", "nb").stdout
    assert "tolket 'gluteus minumus' som gluteus minimus" in typo.stderr
    assert (
        run(runner, "query", "muscles-by-segment", "-p", "segment=l5").output == run(runner, "query", "muscles-by-segment", "-p", "segment=L5").output
    )


def test_did_you_mean_offers_only_questions_that_can_answer(runner: CliRunner) -> None:
    result = run(runner, "query", "innervatoin")
    assert result.exit_code == 2 and "innervation" in result.output
    fma_only = run(runner, "query", "nerve-supply-comparisn")
    assert fma_only.exit_code == 2 and "fma/" not in fma_only.output


# -- honest empty answers ---------------------------------------------------------------------
def _segment_without_muscles(session: Session) -> str:
    for code in [f"{r}{n}" for r in "LS" for n in range(1, 6)]:
        if not session.query("muscles-by-segment", {"segment": code}).rows:
            return code
    pytest.skip("every segment code has muscles")


def test_three_kinds_of_empty_answer(runner: CliRunner, session: Session) -> None:
    silent = run(runner, "query", "innervation", "-p", "muscle=TFL", "--lang", "nb")
    assert silent.exit_code == EXIT_CODES["silent"] == 3
    assert "kilden sier ingenting om tensor fasciae latae" in silent.output
    none = run(runner, "query", "muscles-by-segment", "-p", f"segment={_segment_without_muscles(session)}")
    assert none.exit_code == EXIT_CODES["none"] == 1 and "nothing in the ontology fits" in none.output
    unknown = run(runner, "query", "innervation", "-p", "muscle=qqqq", "--lang", "nb")
    assert unknown.exit_code == EXIT_CODES["not a term"] == 2 and "er ikke et begrep i gluteonto" in unknown.output
    bad_code = run(runner, "query", "muscles-by-segment", "-p", "segment=X9")
    assert bad_code.exit_code == 2 and "not a valid value for segment" in bad_code.output


def test_empty_machine_output_keeps_headers(runner: CliRunner) -> None:
    result = run(runner, "query", "innervation", "-p", "muscle=TFL", "--format", "csv")
    assert result.exit_code == 3 and result.output.startswith("muscle,nerve,plexus")


# -- finding questions ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "word_, expected",
    [("nerve", "innervation"), ("nerveforsyning", "innervation"), ("øvelse", "exercise-programme"), ("rotaffeksjon", "muscles-by-segment")],
)
def test_queries_search_in_both_languages(runner: CliRunner, word_: str, expected: str) -> None:
    result = run(runner, "queries", "--search", word_)
    assert result.exit_code == 0 and expected in result.output


def test_queries_search_without_hit(runner: CliRunner) -> None:
    result = run(runner, "queries", "--search", "zzzzqq", "--lang", "nb")
    assert result.exit_code == 1 and "ingen spørsmål nevner" in result.output


def test_norwegian_aliases_run_the_same_question(runner: CliRunner) -> None:
    assert run(runner, "query", "innervasjon").output == run(runner, "query", "innervation").output
    assert run(runner, "query", "Nerveforsyning", "--lang", "nb").exit_code == 0


def test_aliases_are_unambiguous() -> None:
    seen: dict[str, str] = {}
    names = {normalize(n) for n in CATALOG}
    for spec in CATALOG.values():
        for alias in spec.aliases:
            key = normalize(alias)
            assert key not in names, alias
            assert seen.setdefault(key, spec.name) == spec.name, alias
    assert query_names(CATALOG)[normalize("innervasjon")] == "innervation"


# -- the term card ----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "nb", "la"])
def test_about_in_three_languages(runner: CliRunner, session: Session, lang: str) -> None:
    result = run(runner, "about", "gluteus minimus", "--lang", lang, columns=80)
    assert result.exit_code == 0, result.output
    # only a link or a command, each whole on a line of its own, may be wider
    wide = [line for line in result.output.splitlines() if len(line) > 80]
    assert all(len(line.split()) == 1 or line.strip().startswith("gluteonto query ") for line in wide), wide
    iri = session.resolve_term("gluteus minimus")
    assert result.output.splitlines()[0] == session.index.labels[iri][lang]
    ui = "nb" if lang == "nb" else "en"
    assert word("definition", ui) in result.output and word("questions", ui) in result.output
    command = "gluteonto query innervasjon -p muskel=" if ui == "nb" else "gluteonto query innervation -p muscle="
    assert command in " ".join(result.output.split())


def test_about_unknown_term_is_one_line(runner: CliRunner) -> None:
    result = run(runner, "about", "qqqq", "--lang", "nb")
    assert result.exit_code == 2 and "er ikke et begrep" in result.output and len(result.output.splitlines()) == 1


# -- Norwegian parameter names and unknown codes ------------------------------------------------
@pytest.mark.parametrize("question", ["innervasjon", "utspring", "blodforsyning"])
def test_norwegian_parameter_name_gives_the_same_silent_answer_as_the_english_one(runner: CliRunner, question: str) -> None:
    english = run(runner, "query", question, "-p", "muscle=TFL", "--lang", "nb")
    norwegian = run(runner, "query", question, "-p", "muskel=TFL", "--lang", "nb")
    assert norwegian.exit_code == english.exit_code == EXIT_CODES["silent"]
    assert norwegian.output == english.output
    assert "kilden sier ingenting om tensor fasciae latae" in norwegian.output
    assert "gluteonto query funksjon -p muskel=GLUTEONTO:0000007" in norwegian.output  # names in Norwegian


def test_norwegian_parameter_names_behave_like_english_ones_on_every_question(session: Session) -> None:
    from gluteonto.i18n import param_name
    from gluteonto.query.answers import ask

    checked = 0
    for spec in CATALOG.values():
        if spec.group != "questions":
            continue
        for param in spec.params:
            norwegian = param_name(param.name, "nb")
            if param.kind != "iri" or norwegian == param.name:
                continue
            english = ask(session, spec.name, {param.name: param.default})
            translated = ask(session, spec.name, {norwegian: param.default})
            assert (translated.outcome, translated.named) == (english.outcome, english.named), (spec.name, norwegian)
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("code", ["UBERON:0001377", "GLUTEONTO:9999999", "FMA:1"])
@pytest.mark.parametrize("name", ["muscle", "muskel"])
def test_unknown_code_is_not_a_term_here_rather_than_silence(runner: CliRunner, code: str, name: str) -> None:
    result = run(runner, "query", "innervasjon", "-p", f"{name}={code}", "--lang", "nb")
    assert result.exit_code == EXIT_CODES["not a term"] == 2
    assert f"'{code}' er ikke et begrep her" in result.output
    assert "Traceback" not in result.output
    english = run(runner, "query", "innervation", "-p", f"{name}={code}")
    assert english.exit_code == 2 and "is not a term here" in english.output


# -- the terminal: lookup lines fitted, no English noise in Norwegian, a pager, 80 columns when piped --
@pytest.mark.parametrize("columns", [60, 80])
def test_lookup_lines_fit_the_terminal_and_never_break_inside_a_word(runner: CliRunner, columns: int) -> None:
    result = run(runner, "lookup", "superior gluteal", "--lang", "nb", columns=columns)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines and all(len(line) <= columns for line in lines)
    words = set(" ".join(lines).split())
    assert {"n.", "gluteus", "superior", "«superior", "nerve»)"} <= words


def test_norwegian_lookup_shows_the_norwegian_name_and_says_in_words_what_matched(runner: CliRunner) -> None:
    output = run(runner, "lookup", "trendelenberg", "--lang", "nb", columns=200).output
    assert "[navn@en" not in output and "@en" not in output
    assert "GLUTEONTO:0000444    Trendelenburgs tegn (funnet via engelsk navn: «Trendelenburg sign»)" in output
    same = run(runner, "lookup", "Trendelenburgs tegn", "--lang", "nb", columns=200).output
    assert "GLUTEONTO:0000444    Trendelenburgs tegn\n" in same  # matched on the name shown: nothing to add


def test_piped_output_is_fitted_to_80_columns_without_columns_set() -> None:
    import os

    from gluteonto.sparql.tablefmt import terminal_width

    saved = os.environ.pop("COLUMNS", None)
    try:
        assert terminal_width() == 80  # stdout is not a terminal under pytest
    finally:
        if saved is not None:
            os.environ["COLUMNS"] = saved


def test_long_output_goes_through_the_pager_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    import io
    import shutil
    import subprocess

    from gluteonto import pager

    calls: list[list[str]] = []
    monkeypatch.setattr(subprocess, "run", lambda command, **_kw: calls.append(command))
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setenv("PAGER", "less")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    long_text = "\n".join(f"line {i}" for i in range(300))
    terminal = Terminal()
    pager.show(long_text, stream=terminal)
    assert calls == [["less"]] and terminal.getvalue() == ""
    pager.show(long_text, stream=terminal, use_pager=False)  # --no-pager
    assert calls == [["less"]] and terminal.getvalue().count("\n") == 300
    piped = io.StringIO()
    pager.show(long_text, stream=piped)
    assert calls == [["less"]] and piped.getvalue().count("\n") == 300
    short = Terminal()
    pager.show("one line", stream=short)
    assert calls == [["less"]] and short.getvalue() == "one line\n"


@pytest.mark.parametrize(
    "lang, typed, suggested", [("nb", "differensialdiagnose", "'differensialdiagnoser'"), ("en", "differential-diagnose", "'differential-diagnosis'")]
)
def test_a_misspelt_question_name_is_suggested_in_the_users_language(runner: CliRunner, lang: str, typed: str, suggested: str) -> None:
    """Regression: a Norwegian typo got the English identifier as its suggestion."""
    result = run(runner, "--lang", lang, "query", typed)
    assert result.exit_code == 2 and suggested in result.output and len(result.output.splitlines()) == 1
    if lang == "nb":
        assert "differential-diagnosis" not in result.output


@pytest.mark.parametrize(
    "lang, question, said",
    [("en", "fma/nerve-supply-comparison", "compares gluteonto with FMA"), ("nb", "uberon/muscle-placement", "sammenligner gluteonto med Uberon")],
)
def test_a_comparison_question_without_the_linked_ontology_says_how_to_link_it(runner: CliRunner, lang: str, question: str, said: str) -> None:
    """Regression: an FMA or Uberon comparison asked of the ontology alone answered 'nothing fits' without a hint."""
    result = run(runner, "--lang", lang, "query", question)
    assert result.exit_code == EXIT_CODES["none"] and said in result.output
    assert "--data" in result.output and "gluteonto link" in result.output


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_an_empty_data_file_is_refused_as_validate_refuses_it(runner: CliRunner, tmp_path: Path, engine: str) -> None:
    """Regression: `query --data empty.ttl` answered as if the file had been read, where validate, link and reason refuse it."""
    empty = tmp_path / "empty.ttl"
    empty.write_text("@prefix a: <http://a/> .\n")
    result = run(runner, "--lang", "nb", "query", "innervation", "--engine", engine, "--data", str(empty))
    assert result.exit_code == 2 and "inneholder ingen RDF-tripler" in result.output and len(result.output.splitlines()) == 1


@pytest.mark.parametrize("vocabulary", ["FMA", "UBERON"])
def test_mapped_fma_uberon_code_was_refused_by_pathway_about_and_lookup(runner: CliRunner, session: Session, vocabulary: str) -> None:
    """``forløp FMA:…``, ``about FMA:…`` said the code was not a term and ``lookup`` found nothing, though ``query``
    reads a code mapped to a term as that term: every command now reads it so, and says how it read it."""
    from gluteonto.card import build_card

    muscle = session.resolve_term("gluteus minimus")
    card = build_card(session, muscle, "nb")
    codes = [m.curie for m in card.mappings if m.vocabulary == vocabulary and m.predicate == "exact"]
    assert codes, card.mappings
    code = codes[0]
    said = f"(tolket '{code}' som gluteus minimus)"
    query = run(runner, "query", "innervasjon", "-p", f"muskel={code}", "--lang", "nb")
    assert query.exit_code == 0 and said in query.output
    pathway = run(runner, "forløp", code, "--lang", "nb", "--no-pager", columns=80)
    assert pathway.exit_code == 0, pathway.output
    assert said in pathway.output and "Gluteus minimus — forløp" in pathway.output
    about = run(runner, "about", code, "--lang", "nb", "--no-pager", columns=80)
    assert about.exit_code == 0, about.output
    assert said in about.output and card.term.curie in about.output
    lookup = run(runner, "lookup", code, "--lang", "nb")
    assert lookup.exit_code == 0 and card.term.curie in lookup.output and said in lookup.output
    # the term's own code is not "read as" anything, and a code nothing maps to is still refused
    own = run(runner, "about", card.term.curie, "--lang", "nb", "--no-pager")
    assert own.exit_code == 0 and "(tolket '" not in own.output
    unknown = run(runner, "forløp", "FMA:1", "--lang", "nb", "--no-pager")
    assert unknown.exit_code == 2 and len(unknown.output.splitlines()) == 1


def test_parameter_help_example_named_a_norwegian_term_that_does_not_exist(session: Session) -> None:
    """The ``navn`` help said "f.eks. anatomisk entitet" where the term is "anatomisk enhet": every term a
    parameter's help gives as an example (e.g. / f.eks.) is a name or synonym of a term, as written."""
    names = {norm for _iri, _text, _lang, _kind, norm in session.index.entries}
    checked = 0
    for spec in CATALOG.values():
        for param in spec.params:
            if param.kind != "iri":
                continue
            for lang, text in (("en", param.help), *param.helps):
                found = re.search(r"(?:e\.g\.|f\.eks\.) ([^)]*)", text)
                if found is None:
                    continue
                for example in re.split(r", | or | eller ", found.group(1).rstrip(".")):
                    assert normalize(example) in names, (spec.name, param.name, lang, example)
                    checked += 1
    assert checked >= 6


def test_norwegian_empty_parameter_message_named_the_english_parameter(runner: CliRunner) -> None:
    """``query innervasjon -p muskel=`` said "parameteren 'muscle' har ingen verdi": the parameter is named as typed."""
    result = run(runner, "--lang", "nb", "query", "innervasjon", "-p", "muskel=")
    assert result.exit_code == 2 and "parameteren 'muskel' har ingen verdi" in result.output and "'muscle'" not in result.output
    english = run(runner, "query", "innervation", "-p", "muscle=")
    assert english.exit_code == 2 and "the parameter 'muscle' has no value" in english.output


def test_pathway_help_named_its_own_spelling_as_the_other_one(runner: CliRunner) -> None:
    """``forløp -h`` said "Kan også skrives 'forløp'": in Norwegian the other spelling is 'pathway'."""
    for command in ("forløp", "pathway"):
        result = run(runner, "--lang", "nb", command, "-h")
        text = " ".join(result.output.split())
        assert result.exit_code == 0 and "Kan også skrives 'pathway'" in text and "skrives 'forløp'" not in text
    assert "Norwegian: 'forløp'" in " ".join(run(runner, "--lang", "en", "pathway", "-h").output.split())


@pytest.mark.parametrize(("lang", "page"), [("nb", "index.nb.html"), ("en", "index.html")])
def test_site_message_pointed_a_norwegian_user_to_the_english_home_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str, page: str
) -> None:
    """``gluteonto --lang nb site`` said "(åpne index.html)", the English page: it names the page in the user's language."""
    import gluteonto.site
    from gluteonto.cli import main
    from gluteonto.site.layout import suffix

    assert "index" + suffix(lang) == page

    class Report:
        notes: tuple[str, ...] = ()
        pages, diagrams, output = 3, 1, tmp_path

    monkeypatch.setattr(gluteonto.site, "build_site", lambda output, require_diagrams=False: Report())
    result = CliRunner().invoke(main, ["--lang", lang, "site", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"({'åpne' if lang == 'nb' else 'open'} {page})" in result.output


def test_term_card_never_mentioned_the_pathway_that_starts_from_the_term(runner: CliRunner, session: Session) -> None:
    """``about "Trendelenburgs tegn"`` said nothing of the pathway from it (the site's card links it): the card ends
    with the command that shows it, whole on a line of its own, in the user's language; a term no pathway starts
    from gets no such hint."""
    import shlex

    from gluteonto.pathway import starting_points

    starts = set(starting_points(session))
    assert session.resolve_term("Trendelenburgs tegn") in starts
    result = run(runner, "about", "Trendelenburgs tegn", "--lang", "nb", "--no-pager", columns=60)
    assert result.exit_code == 0, result.output
    assert "Klinisk forløp herfra" in result.output
    command = "gluteonto --lang nb forløp 'Trendelenburgs tegn'"
    assert command in [line.strip() for line in result.output.splitlines()]
    followed = run(runner, *shlex.split(command)[1:], "--no-pager")
    assert followed.exit_code == 0 and followed.output.startswith("Trendelenburgs tegn — forløp")
    english = run(runner, "about", "Trendelenburg sign", "--no-pager")
    assert "Clinical pathway from here" in english.output and "gluteonto pathway 'Trendelenburg sign'" in english.output
    artery = session.resolve_term("superior gluteal artery")
    assert artery not in starts
    none = run(runner, "about", "superior gluteal artery", "--lang", "nb", "--no-pager")
    assert none.exit_code == 0 and "Klinisk forløp herfra" not in none.output


@pytest.mark.parametrize("command", ["forløp", "about"])
def test_unquoted_extra_words_were_silently_merged_into_one_name(runner: CliRunner, command: str) -> None:
    """``forløp GTPS Trendelenburgs tegn`` showed the Trendelenburg pathway without a word: several unquoted words
    read as one name, by spelling tolerance, get one line saying so and how to ask for one name at a time; a
    name of several words that is written as the term is named gets none."""
    merged = run(runner, command, "GTPS", "Trendelenburgs", "tegn", "--lang", "nb", "--no-pager")
    assert merged.exit_code == 0
    said = [line for line in merged.output.splitlines() if "ble lest som ett navn" in line]
    assert said == [
        "(de 3 ordene ble lest som ett navn, 'GTPS Trendelenburgs tegn', og tolket som Trendelenburgs tegn; "
        "gi ett navn om gangen, i anførselstegn når det har flere ord)"
    ]
    exact = run(runner, command, "Trendelenburgs", "tegn", "--lang", "nb", "--no-pager")
    assert exact.exit_code == 0 and "ble lest som ett navn" not in exact.output and "(tolket " not in exact.output
    english = run(runner, command, "GTPS", "Trendelenburg", "sign", "--no-pager")
    assert "(the 3 words were read as one name, 'GTPS Trendelenburg sign'" in english.output


@pytest.mark.parametrize("command", ["forløp", "about", "lookup"])
def test_everyday_phrase_found_nothing_and_gave_no_hint(runner: CliRunner, session: Session, command: str) -> None:
    """``forløp "svakhet etter hofteoperasjon"`` gave a bare error: a phrase no term is named by gets, on its one
    line, the terms whose names share the most of its words; nonsense still gets the bare line."""
    from gluteonto.vocab import compact_iri

    meant = session.resolve_term("tilstand etter hofteoperasjon")
    extra = ("--no-pager",) if command != "lookup" else ()
    result = run(runner, command, "svakhet etter hofteoperasjon", "--lang", "nb", *extra)
    assert result.exit_code == (1 if command == "lookup" else 2)
    assert len(result.output.splitlines()) == 1 and "Traceback" not in result.output
    assert f"Mente du: tilstand etter hofteoperasjon ({compact_iri(str(meant))})?" in result.output
    nonsense = run(runner, command, "qqqq", "--lang", "nb", *extra)
    assert len(nonsense.output.splitlines()) == 1 and "Mente du" not in nonsense.output
