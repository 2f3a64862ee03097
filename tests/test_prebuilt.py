"""The tables shipped for ``lookup`` and ``about`` (gluteonto.prebuilt): what the code builds, what the live
commands answer, never used once their inputs change, and an everyday command that loads no rdflib."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import gluteonto.prebuilt as prebuilt
from gluteonto.card import build_card
from gluteonto.cli import main
from gluteonto.prebuilt import TABLES, packaged_card, packaged_terms
from gluteonto.prebuilt.render import render_tables
from gluteonto.query.discover import asked_about
from gluteonto.query.session import Session
from gluteonto.resources import queries_dir


@pytest.fixture(scope="module")
def session() -> Session:
    return Session()


@pytest.fixture
def fresh_fingerprint() -> Iterator[None]:
    """The fingerprint computed anew in the test and after it (it is cached per process)."""
    prebuilt.fingerprint.cache_clear()
    yield
    prebuilt.fingerprint.cache_clear()


@pytest.mark.slow  # builds every table
def test_prebuilt_tables_do_not_drift_from_the_release() -> None:
    rendered = render_tables()
    assert set(rendered) == {"terms.json", "cards-en.json", "cards-nb.json", "cards-la.json"}
    stale = [name for name, content in rendered.items() if (TABLES / name).read_bytes() != content]
    assert not stale, f"prebuilt tables differ from what the code builds: {stale}; run 'python -m gluteonto.compile'"


@pytest.mark.parametrize(
    ("term", "lang"),
    [
        ("gluteus minimus", "nb"),  # a class, with questions, inherited and incoming relations
        ("GLUTEONTO:0000003", "la"),  # by CURIE, Latin names
        ("part of", "en"),  # an object property: the statements that use it
        ("Gluteus Minimus article, section: introduction", "en"),  # a source: the statements citing it
        ("definition", "nb"),  # an annotation property
    ],
)
def test_packaged_card_is_the_card_built_from_the_ontology(session: Session, term: str, lang: str) -> None:
    card = packaged_card(term, lang)
    assert card is not None
    assert card == build_card(session, term, lang)


@pytest.mark.parametrize("text", ["gluteus", "setemuskel", "n. gluteus superior", "glutues minimsu", "Lasègue"])
def test_packaged_lookup_is_the_lookup_of_a_session(session: Session, text: str) -> None:
    terms = packaged_terms()
    assert terms is not None
    packaged = terms.lookup(text)
    live = session.lookup(text)
    assert packaged, text
    assert [(str(m.iri), m.text, m.lang, m.kind, m.score) for m in packaged] == [(str(m.iri), m.text, m.lang, m.kind, m.score) for m in live]
    for lang in ("en", "nb"):
        asked = asked_about(session, [m.iri for m in live], lang)
        assert [terms.asked_about([m.iri], lang)[m.iri] for m in packaged] == [asked[m.iri] for m in live]
    assert [terms.index.label(m.iri, "nb") for m in packaged] == [session.index.label(m.iri, "nb") for m in live]


def test_unknown_term_is_refused_by_the_packaged_card_as_by_the_builder(session: Session) -> None:
    from gluteonto.errors import GluteontoError

    with pytest.raises(GluteontoError) as packaged:
        packaged_card("http://example.org/not-here", "en")
    with pytest.raises(GluteontoError) as live:
        build_card(session, "http://example.org/not-here", "en")
    assert str(packaged.value) == str(live.value)


def test_stale_tables_are_not_used_after_a_query_is_edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_fingerprint: None) -> None:
    """A question edited in a checkout and not rebuilt: the tables no longer fit, the commands answer live."""
    edited = tmp_path / "queries"
    shutil.copytree(queries_dir(), edited)
    query = edited / "innervation.rq"
    query.write_text(query.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert packaged_terms() is not None
    monkeypatch.setattr(prebuilt, "queries_dir", lambda: edited)
    prebuilt.fingerprint.cache_clear()
    assert packaged_terms() is None
    assert packaged_card("gluteus minimus", "en") is None
    result = CliRunner().invoke(main, ["about", "gluteus minimus", "--no-pager", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "gluteus minimus" in result.output and "superior gluteal nerve" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("args", [["about", "gluteus", "minimus", "--no-pager"], ["lookup", "setemuskel"], ["query", "innervation", "--no-pager"]])
def test_everyday_commands_load_no_rdflib_pyshacl_or_owlready2(args: list[str]) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('LOADED', *[m for m in ('rdflib', 'pyshacl', 'owlready2') if m in sys.modules], file=sys.stderr))\n"
        f"sys.argv = ['gluteonto', *{args!r}]\n"
        "from gluteonto.entry import main\n"
        "main()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().splitlines()[-1] == "LOADED"
