"""The Norwegian scan: every command's help, click's usage errors, the error paths a user meets and the site's
Norwegian pages, with no English interface text (see :mod:`tests.nb_scan` for what counts and what is marked).

Everything runs in this process (click's CliRunner, the site generator without Graphviz), so the scan stays in
the quick run.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from gluteonto.cli import main

from .helpers import ROOT
from .nb_scan import CLICK_WORDS, english_in_html, english_in_terminal, english_numbers, english_phrases, terminal_text

NB = {"GLUTEONTO_LANG": "nb", "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def _commands(group: click.Group) -> Iterator[tuple[str, click.Command]]:
    yield from sorted(group.commands.items())


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env=env or NB, catch_exceptions=False, prog_name="gluteonto")
    return result.exit_code, result.output


def _norwegian(output: str) -> None:
    assert "Traceback" not in output, output
    assert not english_in_terminal(output), (english_in_terminal(output), output)
    assert not english_numbers(output), (english_numbers(output), output)


# -- help ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", [name for name, _command in _commands(main)])
def test_every_command_help_is_norwegian(name: str) -> None:
    code, output = _run(name, "--help", "--lang", "nb", env={"LANG": "C.UTF-8"})
    assert code == 0 and output.startswith(f"Bruk: gluteonto {name} [VALG]"), output
    _norwegian(output)
    english = _run(name, "--help", env={"GLUTEONTO_LANG": "en", "LANG": "C.UTF-8"})[1]
    assert english.startswith("Usage:") and english_in_terminal(english), "the English help is what the scan looks for"


def test_every_help_text_is_a_catalogue_key() -> None:
    """A help text written into the code would be English in every language: each is a key of every catalogue."""
    from gluteonto.i18n import UI_LANGS, has_msg

    context = click.Context(main)
    for name, command in [("gluteonto", main), *_commands(main)]:
        key = "command." + (command.callback.__name__ if command.callback and name != "gluteonto" else "group")
        assert all(has_msg(key, lang) for lang in UI_LANGS), f"{name}: no {key}"
        for param in click.Command.get_params(command, context):
            if isinstance(param, click.Option):
                assert param.help and (has_msg(param.help) or has_msg("click:" + param.help)), (name, param.name, param.help)
                if isinstance(param.show_default, str):
                    assert has_msg(param.show_default), (name, param.name, param.show_default)


@pytest.mark.parametrize(
    "env", [{"GLUTEONTO_LANG": "nb"}, {"LANG": "nb_NO.UTF-8"}, {"LC_ALL": "no_NO.UTF-8"}], ids=["GLUTEONTO_LANG", "LANG", "LC_ALL"]
)
def test_the_language_of_the_help_comes_from_the_environment_too(env: dict[str, str]) -> None:
    code, output = _run("--help", env={"LANG": "C.UTF-8", "LC_ALL": "", "GLUTEONTO_LANG": "", **env})
    assert code == 0 and "Kommandoer:" in output and "Vis versjonen og avslutt." in output, output
    _norwegian(output)


def test_the_group_lang_option_sets_the_language_of_help_and_answers() -> None:
    code, output = _run("--lang", "nb", "--help", env={"LANG": "C.UTF-8"})
    assert code == 0 and "Kommandoer:" in output
    _norwegian(output)
    code, output = _run("--lang", "nb", "query", "innervation", env={"LANG": "C.UTF-8"})
    assert code == 0 and "nerverot" in output


# -- click's usage errors -------------------------------------------------------------------------
USAGE_ERRORS = [
    ["query"],
    ["query", "innervation", "--nope"],
    ["nope"],
    ["query", "innervation", "--format", "xml"],
    ["serve", "--port", "99999"],
    ["lookup", "--limit", "x", "a"],
    ["query", "innervation", "--timeout"],
    ["about"],
    ["info", "extra"],
    ["site"],
    ["export", "--format", "x"],
    ["query", "x", "--lang", "xx"],
    ["sparql", "/no/such/file.rq"],
    ["validate", "--engine", "x"],
    ["serve", "--timeout", "0"],
    ["--nope"],
    ["lookup", "--limit"],
    ["queries", "--search"],
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=" ".join)
def test_usage_errors_are_one_norwegian_line(args: list[str]) -> None:
    code, output = _run(*args)
    assert code == 2, output
    lines = output.splitlines()
    assert lines[0].startswith("feil: ") and len(lines) <= 2, output
    assert len(lines) == 1 or lines[1].startswith("bruk: gluteonto"), output
    _norwegian(output)


# -- numbers --------------------------------------------------------------------------------------
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["query", "innervation", "--timeout", "abc"], f"fra 0 til 604{NBSP}800 (0: ingen grense)"),
        (["serve", "--timeout", "0"], f"fra 0,1 til 604{NBSP}800"),
        (["push", "--help"], "[standard: 600]"),
    ],
    ids=["timeout range", "serve timeout range", "help default"],
)
def test_norwegian_numbers_have_a_decimal_comma_and_a_space_between_thousands(args: list[str], written: str) -> None:
    """Numbers in Norwegian output were written the English way (``0.1``, ``604,800``, ``600.0``)."""
    output = _run(*args)[1]
    assert written in output, output
    _norwegian(output)


def test_link_counts_and_seconds_are_written_the_norwegian_way(tmp_path: Path) -> None:
    """The link report wrote ``12,242 triples`` and ``0.1 s`` in Norwegian too."""
    code, output = _run("link", str(ROOT / "tests" / "data" / "fma-obo-fixture.owl"), "-o", str(tmp_path / "merged.owl"))
    assert code == 0, output
    assert re.search(r"\d+ tripler på \d+,\d s\.", output) and re.search(rf"\(\d+{NBSP}\d{{3}} tripler\)", output), output
    _norwegian(output)


def test_the_reasoners_time_is_written_the_norwegian_way() -> None:
    """The reasoner's status line said ``1.2 s with HermiT`` in Norwegian too."""
    from gluteonto.tools.reason import ReasonerReport

    report = ReasonerReport(consistent=True, class_count=239, inferred_subclasses=56, seconds=3.46)
    assert "3,5 s med HermiT" in report.render("nb") and "3.5 s with HermiT" in report.render("en")
    assert not english_numbers(report.render("nb"))


# -- names with no Norwegian label ----------------------------------------------------------------------
UBERON_EXTRACT = ROOT / "tests" / "data" / "uberon" / "uberon-extract.obo"


def test_an_uberon_name_in_a_norwegian_table_is_marked_english() -> None:
    """Uberon's classes have English names only; a Norwegian table showed them unmarked (``gluteal muscle``)."""
    code, output = _run("link", str(UBERON_EXTRACT), "--query", "uberon/muscle-placement")
    assert code == 0, output
    assert "gluteal muscle\u00a0(en)" in output and "muscle of pelvic girdle\u00a0(en)" in output, output
    assert output.rstrip().endswith("(en): ikke noe norsk navn; vist på engelsk."), output
    assert "setemuskel\u00a0(en)" not in output and re.search(r"^setemuskel\s", output, re.MULTILINE), "a Norwegian name is not marked"
    _norwegian(output)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_machine_formats_tag_a_fallback_name_with_its_language_and_leave_it_unmarked(fmt: str) -> None:
    """The label column of an Uberon class was tagged ``nb`` in a Norwegian JSON answer though it is English."""
    code, output = _run("link", str(UBERON_EXTRACT), "--query", "uberon/muscle-placement", "--format", fmt, "--quiet")
    assert code == 0 and "(en)" not in output and "ikke noe norsk navn" not in output, output
    if fmt == "json":
        import json

        rows = json.loads(output[output.index("{") :])["results"]["bindings"]
        tags = {(row["muscle_label"]["xml:lang"], row["uberon_class_label"]["xml:lang"]) for row in rows}
        assert tags == {("nb", "en")}, tags


def test_a_reused_vocabulary_term_is_named_by_the_catalogue_in_tables_as_on_the_card() -> None:
    """The definition question's table named IAO's definition property ``definition`` (English, unmarked) where
    the card says ``definisjon``."""
    code, output = _run("query", "definisjon")
    assert code == 0 and re.search(r"^definisjon\s+en\s", output, re.MULTILINE) and "definition" not in output, output


# -- question names -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["query", "innervation", "--relation-graph"], "Spørsmålet «innervasjon» kan ikke besvares fra relasjonsgrafen"),
        (["query", "innervasjon", "--relation-graph"], "Spørsmålet «innervasjon» kan ikke besvares fra relasjonsgrafen"),
        (["query", "innervasjon", "-p", "nosuch=1"], "spørsmålet 'innervasjon' har ingen parameter 'nosuch'"),
    ],
    ids=["relation graph by id", "relation graph by name", "unknown parameter"],
)
def test_a_refused_question_is_named_by_its_norwegian_name(args: list[str], named: str) -> None:
    """A refusal named the question by its English identifier (``innervation``) in Norwegian output."""
    code, output = _run(*args)
    assert code == 2 and named in output and "innervation" not in output, output
    _norwegian(output)


# -- error paths ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("nb-scan")
    (folder / "empty.ttl").write_bytes(b"")
    (folder / "empty.owl").write_bytes(b"")
    (folder / "hello.rq").write_text("hello", encoding="utf-8")
    (folder / "broken.rq").write_text("SELECT * WHERE {", encoding="utf-8")
    (folder / "blank.rq").write_text("", encoding="utf-8")
    (folder / "service.rq").write_text("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", encoding="utf-8")
    (folder / "notes.xyz").write_text("text", encoding="utf-8")
    (folder / "broken.ttl").write_text("<a> <b> .", encoding="utf-8")
    (folder / "broken.ttl.gz").write_bytes(gzip.compress(b"x")[:-8])
    (folder / "a-file").write_text("x", encoding="utf-8")
    (folder / "mismatched.owl").write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description>\n</rdf:RDF>\n', encoding="utf-8"
    )
    (folder / "used").mkdir()
    (folder / "used" / "mine.txt").write_text("x", encoding="utf-8")
    return folder


ERROR_PATHS = [
    ["query", "no-such-question"],
    ["query", "innervation", "-p", "x"],
    ["query", "innervation", "-p", "muskel=qqqq"],
    ["query", "muscles-by-segment", "-p", "segment=X9"],
    ["query", "innervation", "-p", "nosuch=1"],
    ["query", "innervation", "-p", "muskel=TFL"],
    ["query", "innervatoin"],
    ["lookup", "qqqqzzzzxx"],
    ["about", "qqqq"],
    ["pathway", "qqqq"],
    ["queries", "--search", "qqqzzzxx"],
    ["sparql", "{files}/hello.rq"],
    ["sparql", "{files}/broken.rq"],
    ["sparql", "{files}/blank.rq"],
    ["sparql", "{files}/service.rq"],
    ["sparql", "--engine", "rdflib", "{files}/broken.rq"],
    ["query", "innervation", "--endpoint", "ftp://example.org/sparql"],
    ["query", "innervation", "--data", "{files}/broken.ttl"],
    ["query", "innervation", "--data", "{files}/notes.xyz"],
    ["query", "innervation", "--data", "{files}/no-such.ttl"],
    ["query", "innervation", "--data", "{files}/broken.ttl.gz"],
    ["validate", "{files}/no-such.ttl"],
    ["validate", "{files}/empty.ttl"],
    ["validate", "{files}/notes.xyz"],
    ["validate", "{files}/used"],
    ["validate", "{files}/mismatched.owl"],
    ["export", "--format", "turtle", "-o", "{files}/out.owl"],
    ["export", "--format", "turtle", "-o", "{files}/used"],
    ["link", "{files}/empty.owl"],
    ["link", "{files}/no-such.owl"],
    ["quiz", "-o", "{files}/used"],
    ["site", "-o", "{files}/a-file"],
    ["site", "-o", "{files}/used"],
    ["serve", "--site", "{files}/a-file", "--port", "0"],
]


@pytest.mark.parametrize("args", ERROR_PATHS, ids=" ".join)
def test_error_paths_are_norwegian(files: Path, args: list[str]) -> None:
    code, output = _run(*(arg.replace("{files}", str(files)) for arg in args))
    assert code in (1, 2, 3), output
    assert output.strip(), "an error says something"
    _norwegian(output)


# -- messages moved into the catalogues ------------------------------------------------------------------
def test_site_without_graphviz_says_so_in_norwegian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``site --require-diagrams`` without Graphviz said "Graphviz 'dot' was not found …" in English."""
    monkeypatch.setattr("gluteonto.site.diagrams.dot_available", lambda: None)
    code, output = _run("site", "-o", str(tmp_path / "site"), "--require-diagrams")
    assert code == 2 and "fant ikke Graphviz-programmet dot (installer pakken graphviz), og diagrammene er påkrevd" in output, output
    _norwegian(output)


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ("# relation-graph: maybe", "relation-graph-linjen må oppgi"),
        ("# param: muscle | nonsense | x | y", "feil i param-linjen"),
        ("# param: muscle | iri | gluteus minimus | The muscle.\n# param@nb: nerve | Nerven.", "feil i param@nb-linjen"),
    ],
    ids=["relation-graph", "param", "param@nb"],
)
def test_a_malformed_query_header_is_told_in_norwegian(tmp_path: Path, header: str, said: str) -> None:
    """A catalog folder's malformed query header (``Catalog(root)``) was told in English only."""
    from gluteonto.i18n import MessageError
    from gluteonto.query.catalog import load_catalog

    (tmp_path / "mine.rq").write_text(f"{header}\nSELECT * WHERE {{ ?s ?p ?o }}\n", encoding="utf-8")
    with pytest.raises(MessageError) as caught:
        load_catalog(tmp_path)
    output = "feil: " + caught.value.render("nb")
    assert output.startswith("feil: mine.rq: ") and said in output, output
    _norwegian(output)


def test_a_query_outside_the_catalog_folders_is_told_in_norwegian(tmp_path: Path) -> None:
    from gluteonto.i18n import MessageError
    from gluteonto.query.catalog import load_catalog

    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "mine.rq").write_text("SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(MessageError) as caught:
        load_catalog(tmp_path)
    output = "feil: " + caught.value.render("nb")
    assert "spørringer ligger i katalogmappen eller i qc/, fma/, uberon/" in output, output
    _norwegian(output)


def test_a_parser_error_is_quoted_and_says_where_in_norwegian(files: Path) -> None:
    """An RDF/XML file the parser stopped in said "(line 4, column 3)" in Norwegian output; a Turtle parser's
    message had Python's own "(line 2)" after it."""
    code, output = _run("validate", str(files / "mismatched.owl"))
    assert code == 2 and output.rstrip().endswith("application/rdf+xml: «mismatched tag» (linje 4, kolonne 3)"), output
    code, output = _run("validate", str(files / "broken.ttl"))
    assert code == 2 and re.search(r"text/turtle: «Parser error at line 1 [^»]*»$", output.rstrip()) and "(line" not in output, output


# -- the site ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def nb_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A sample of the site's Norwegian pages, generated without diagrams (no Graphviz): the front page, browse,
    search, practice, editor and question pages, one in eight terms
    (and every term with an editorial note, a property or a source), and every question page."""
    from gluteonto import Session
    from gluteonto.card import build_card
    from gluteonto.query.questions import answering_questions
    from gluteonto.site.generate import _Site
    from gluteonto.vocab import SKOS

    out = tmp_path_factory.mktemp("nb-site")
    site = _Site(Session("oxigraph"), out, None)
    site.home({})
    site.browse()
    site.search()
    with pytest.MonkeyPatch.context() as patch:  # the question bank draws no diagrams without Graphviz
        patch.setattr("gluteonto.site.diagrams.dot_available", lambda: None)
        site.practice()
    site.editor()
    site.question_pages()
    noted = {iri for iri in site.terms if site.ix.texts(iri, SKOS.editorialNote)}
    sample = [iri for index, iri in enumerate(site.terms) if index % 8 == 0 or iri in noted or site.ix.kind(iri) != "class"]
    questions = answering_questions(site.session, [iri for iri in sample if site.ix.kind(iri) == "class"])
    for iri in sample:
        site.term_page(build_card(site.ix, iri, "nb", questions=questions), iri, "nb", None)
    return {str(path.relative_to(out)): path.read_text(encoding="utf-8") for path in out.rglob("*.nb.html")}


@pytest.mark.slow  # renders site pages
def test_the_norwegian_pages_have_no_english_interface_words(nb_pages: dict[str, str]) -> None:
    assert len(nb_pages) > 60
    found = {name: english for name, page in nb_pages.items() if (english := english_in_html(page))}
    assert not found, found


@pytest.mark.slow  # renders site pages
def test_the_norwegian_pages_give_the_norwegian_editorial_note(nb_pages: dict[str, str]) -> None:
    """The notes on missing FMA/Uberon identifiers were English only, so the Norwegian pages pointed to the
    English page instead: every note now exists in Norwegian and stands on the Norwegian page."""
    from html import escape

    from gluteonto.compile.release import EDIT_FILE
    from gluteonto.compile.source import load_source

    from .helpers import ROOT

    notes = {escape(" ".join(entry.none_found["nb"].split())) for entry in load_source(ROOT / EDIT_FILE).classes if entry.none_found}
    noted = [page for page in nb_pages.values() if "note-editorial" in page]
    assert noted, "the sample holds terms with an editorial note"
    assert not [page for page in noted if "note-elsewhere" in page]
    assert all(any(note in page for note in notes) for page in noted)


def test_cross_references_in_norwegian_give_no_english_note() -> None:
    """`GLUTEONTO_LANG=nb gluteonto query kryssreferanser` showed the notes on missing identifiers in English."""
    import json

    from gluteonto.compile.release import EDIT_FILE
    from gluteonto.compile.source import load_source

    from .helpers import ROOT

    english = {" ".join(entry.none_found["en"].split()) for entry in load_source(ROOT / EDIT_FILE).classes if entry.none_found}
    code, output = _run("query", "kryssreferanser", "--format", "json")
    assert code == 0, output
    notes = [row["note"] for row in json.loads(output)["results"]["bindings"] if "note" in row]
    assert len(notes) > 30
    assert all(note["xml:lang"] == "nb" and note["value"] not in english for note in notes), notes
    code, output = _run("query", "cross-references", "--lang", "en", "--format", "json", env={"GLUTEONTO_LANG": "en", "LANG": "C.UTF-8"})
    english_notes = [row["note"]["value"] for row in json.loads(output)["results"]["bindings"] if "note" in row]
    assert len(english_notes) == len(notes) and set(english_notes) <= english


# -- the scan itself can fail -------------------------------------------------------------------------
def test_the_scan_finds_english_and_passes_over_what_is_marked() -> None:
    from gluteonto.i18n import msg

    assert len(english_phrases()) > 500
    assert english_in_terminal("feil: " + msg("sparql empty", "en"))  # an English message
    assert english_in_terminal("Usage: gluteonto query [OPTIONS] NAME")  # click's own words
    assert not english_in_terminal("feil: " + msg("sparql failed", "nb", detail="Parser error: expected WHERE"))
    assert "Parser error" not in terminal_text("«Parser error»") and "Try '" in CLICK_WORDS
    assert english_numbers("innen 0.5 s, fra 0 til 604,800") == ["0.5", "604,800"]
    assert not english_numbers("innen 0,5 s, fra 0 til 604\u00a0800, versjon 1.0.0, SPARQL 1.1, 12 rader")
    assert "editorial note" in english_in_html('<p lang="nb">Definisjon</p><p>editorial note</p>')
    assert not english_in_html('<p><span lang="en">editorial note</span> <code>SELECT ?s WHERE</code></p>')
    assert "This page in English" in english_in_html('<a title="This page in English" href="x">Engelsk</a>')
