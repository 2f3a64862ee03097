"""Session: parameters given as label, CURIE, IRI or literal, bound safely, with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

from gluteonto import Session
from gluteonto.errors import InputError
from gluteonto.query.catalog import Param, QuerySpec, load_catalog

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


@pytest.mark.parametrize("params, message", [
    ({"nerve": "x"}, "has no parameter 'nerve'"),
    ({"muscle": "no such muscle anywhere"}, "is not a term in gluteonto"),
    ({"muscle": "<http://x/a b>"}, "not a valid IRI"),
])
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
