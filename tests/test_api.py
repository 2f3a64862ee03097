"""Library helpers: doctests, lookup, SPARQL text handling, result formats, atomic writes."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

import gluteonto
from gluteonto import Session, lookup, rdfxml, resources, sparqltext, vocab
from gluteonto.errors import InputError
from gluteonto.fileio import atomic_output
from gluteonto.results import QueryResult, render


@pytest.mark.parametrize("module", [vocab, sparqltext, lookup, resources])
def test_doctests(module: object) -> None:
    failures, _tests = doctest.testmod(module)  # type: ignore[arg-type]
    assert failures == 0


@pytest.mark.parametrize("text, expected", [
    ("bekkenstabilisering", "0000208"),
    ("Trendelenburgs tegn", "0000444"),
    ("n. gluteus superior", "0000062"),
    ("a. glutea superior", "0000077"),
    ("LASEGUE", "0000643"),
    ("hofteartrose", "0000406"),
    ("os ilium", "0000031"),
])
def test_lookup_finds_terms_in_any_language(rdflib_session: Session, text: str, expected: str) -> None:
    assert str(rdflib_session.lookup(text)[0].iri).endswith(expected)


def test_ambiguous_label_is_refused(rdflib_session: Session) -> None:
    with pytest.raises(InputError, match="fits several terms"):
        rdflib_session.resolve_term("gluteus")


def test_inject_values_skips_comments_strings_and_iris() -> None:
    query = '# WHERE { fake }\nSELECT ?x WHERE { ?x <http://x/{y}> "WHERE {" }'
    bound = sparqltext.inject_values(query, {"x": URIRef("http://x/a")})
    assert bound.endswith('WHERE { VALUES (?x) { (<http://x/a>) }\n ?x <http://x/{y}> "WHERE {" }')
    with pytest.raises(InputError):
        sparqltext.inject_values("SELECT * WHERE { ?s ?p ?o }", {"bad name": Literal("x")})
    with pytest.raises(InputError):
        sparqltext.serialize_term(URIRef("http://x/> } DROP ALL"))


def test_result_formats_follow_the_w3c_layouts() -> None:
    result = QueryResult(variables=["a", "b"], rows=[(URIRef("http://x/1"), Literal("é", lang="nb")), (None, Literal(3))])
    payload = json.loads(render(result, "json"))
    assert payload["head"]["vars"] == ["a", "b"]
    assert payload["results"]["bindings"][0]["b"] == {"type": "literal", "value": "é", "xml:lang": "nb"}
    assert "a" not in payload["results"]["bindings"][1]
    assert render(result, "csv").split("\r\n")[1] == "http://x/1,é"
    assert render(result, "tsv").splitlines()[1] == '<http://x/1>\t"é"@nb'
    assert render(QueryResult.from_boolean(True), "json") == json.dumps({"head": {}, "boolean": True}, indent=2)


def test_atomic_output_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as handle:
            handle.write(b"partial")
            raise RuntimeError("boom")
    assert target.read_text() == "old" and list(tmp_path.iterdir()) == [target]


def test_public_api_is_explicit() -> None:
    for name in gluteonto.__all__:
        assert hasattr(gluteonto, name)
    assert callable(rdfxml.to_rdfxml)
