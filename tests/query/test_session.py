"""Session: parameters given as label, CURIE, IRI or literal, bound safely, with clear errors."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal

from gluteonto import Session
from gluteonto.errors import InputError
from gluteonto.query.catalog import Param, QuerySpec, load_catalog
from gluteonto.sparql.results import QueryResult

CATALOG = load_catalog()


def test_parameters_accept_label_curie_and_iri(rdflib_session: Session) -> None:
    by_label = rdflib_session.query("innervation", {"muscle": "Gluteus Medius"})
    by_latin = rdflib_session.query("innervation", {"muscle": "m. gluteus medius"})
    by_curie = rdflib_session.query("innervation", {"muscle": "GLUTEONTO:0000005"})
    by_iri = rdflib_session.query("innervation", {"muscle": "<https://w3id.org/gluteonto/GLUTEONTO_0000005>"})
    assert by_label.as_set() == by_latin.as_set() == by_curie.as_set() == by_iri.as_set() != set()


def test_literal_parameter_with_language(rdflib_session: Session) -> None:
    assert rdflib_session.bind(CATALOG["exercise-programme"], {"lang": "NB"})["lang"] == Literal("nb")
    free = QuerySpec("x", Path("x.rq"), "SELECT * WHERE { }", "questions", params=[Param("note", "literal", "", "Free text.")])
    assert rdflib_session.bind(free, {"note": "tekst@nb"})["note"] == Literal("tekst", lang="nb")
    with pytest.raises(InputError, match="not a valid value for lang"):
        rdflib_session.bind(CATALOG["exercise-programme"], {"lang": "tekst@nb"})


@pytest.mark.parametrize(
    "params, message",
    [
        ({"nerve": "x"}, "has no parameter 'nerve'"),
        ({"muscle": "no such muscle anywhere"}, "is not a term in gluteonto"),
        ({"muscle": "<http://x/a b>"}, "not a valid IRI"),
    ],
)
def test_bad_parameters_get_clear_errors(rdflib_session: Session, params: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        rdflib_session.query("innervation", params)


def test_unknown_query_name_suggests_close_names(rdflib_session: Session) -> None:
    with pytest.raises(InputError, match="innervation"):
        rdflib_session.query("innervat")


def test_injection_attempt_is_bound_as_a_plain_literal(rdflib_session: Session) -> None:
    evil = 'L5" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("1'
    with pytest.raises(InputError, match="not a valid value for segment"):
        rdflib_session.query("muscles-by-segment", {"segment": evil})
    assert rdflib_session.engine.query(CATALOG["muscles-by-segment"].text, {"segment": Literal(evil)}).rows == []


class _Remote:
    """A stand-in remote engine: no local store, stops queries itself; answers from a local copy."""

    name = "stand-in"
    allow_federation = False

    def __init__(self, local: Session) -> None:
        from gluteonto.engines import Capabilities

        self.capabilities = Capabilities(local_store=False, own_timeout=True)
        self.timeout: float | None = None
        self.local = local
        self.queries = 0

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        self.queries += 1
        return self.local.engine.query(sparql, bindings)

    def triple_count(self) -> int:
        return self.local.engine.triple_count()


def test_session_uses_what_the_engine_declares(oxigraph_session: Session) -> None:
    """An engine without a local store is given the time limit and runs queries in this process; labels come
    from the packaged ontology, not from the engine."""
    remote = _Remote(oxigraph_session)
    session = Session(store=remote, timeout=7)
    assert remote.timeout == 7
    before = remote.queries
    assert session.index.label(session.resolve_term("gluteus minimus")) == "gluteus minimus"
    assert remote.queries == before  # the label index was built from the packaged ontology
    assert len(session.query("innervation")) == 3


def test_language_is_an_argument_not_session_state(oxigraph_session: Session) -> None:
    """Names in a message follow the language of the call (the session has no language of its own)."""
    assert not hasattr(oxigraph_session, "lang")
    with pytest.raises(InputError) as english:
        oxigraph_session.query("innervation", {"muscle": "superior gluteal nerve"})
    with pytest.raises(InputError) as norwegian:
        oxigraph_session.query("innervation", {"muscle": "superior gluteal nerve"}, lang="nb")
    assert str(english.value).startswith("superior gluteal nerve is a kind of nerve")
    assert norwegian.value.render("nb").startswith("n. gluteus superior er en type nerve")  # type: ignore[attr-defined]


def test_session_parts_are_apart(oxigraph_session: Session) -> None:
    from gluteonto.query.catalog import Catalog
    from gluteonto.query.resolve import TermResolver

    assert isinstance(oxigraph_session.catalog, Catalog) and isinstance(oxigraph_session.terms, TermResolver)
    assert oxigraph_session.terms.engine is oxigraph_session.engine
    assert oxigraph_session.find_query("innervasjon").name == "innervation"


def test_a_silent_answer_looks_for_other_questions_in_one_child_not_one_per_question(
    oxigraph_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: explaining a silent answer forked once per catalog question (37 children, about a second)."""
    from gluteonto import isolate
    from gluteonto.query.answers import ask

    session = Session(store=oxigraph_session.engine, index=oxigraph_session.index, timeout=20)
    children: list[object] = []
    real = isolate.run_isolated

    def counting(work: Any, **kwargs: Any) -> Any:
        children.append(work)
        return real(work, **kwargs)

    monkeypatch.setattr(isolate, "run_isolated", counting)
    answer = ask(session, "innervation", {"muscle": "TFL"})
    assert answer.outcome == "silent" and len(children) == 1
    explained = answer.explain(session)
    assert "gluteonto query muscle-actions -p muscle=GLUTEONTO:0000007" in explained
    assert len(children) == 2  # the question, then every suggestion at once


def test_a_batch_is_stopped_at_the_time_limit(oxigraph_session: Session) -> None:
    import time

    from gluteonto.isolate import QueryTimeout

    session = Session(store=oxigraph_session.engine, index=oxigraph_session.index, timeout=0.3)
    with pytest.raises(QueryTimeout):
        session.batch(lambda: time.sleep(30))
    assert session.batch(lambda: len(session.sparql("SELECT * WHERE { ?s ?p ?o } LIMIT 3"))) == 3
