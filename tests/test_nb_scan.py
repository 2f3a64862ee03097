"""The Norwegian scan: every command's help, click's usage errors, the error paths a user meets and the site's
Norwegian pages, with no English interface text (see :mod:`tests.nb_scan` for what counts and what is marked).

Everything runs in this process (click's CliRunner, the site generator without Graphviz), so the scan stays in
the quick run.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from gluteonto.cli import main

from .nb_scan import CLICK_WORDS, english_in_html, english_in_terminal, english_phrases, terminal_text

NB = {"GLUTEONTO_LANG": "nb", "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def _commands(group: click.Group) -> Iterator[tuple[str, click.Command]]:
    yield from sorted(group.commands.items())


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env=env or NB, catch_exceptions=False, prog_name="gluteonto")
    return result.exit_code, result.output


def _norwegian(output: str) -> None:
    assert "Traceback" not in output, output
    assert not english_in_terminal(output), (english_in_terminal(output), output)


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
    assert "editorial note" in english_in_html('<p lang="nb">Definisjon</p><p>editorial note</p>')
    assert not english_in_html('<p><span lang="en">editorial note</span> <code>SELECT ?s WHERE</code></p>')
    assert "This page in English" in english_in_html('<a title="This page in English" href="x">Engelsk</a>')
