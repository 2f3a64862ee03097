"""SERVICE detection: found however it is written, not confused by variables, strings, comments or IRIs."""

from __future__ import annotations

import pytest

from gluteonto.errors import InputError
from gluteonto.sparql.guard import check_query, decode_query, find_service


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://x/s> { ?s ?p ?o } }",
        "select * { service silent <http://x/s> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * WHERE { \\u0053ERVICE <http://x/s> { ?s ?p ?o } }",
        "SELECT * WHERE { # comment\nSERVICE <http://x/s> { ?s ?p ?o } }",
        "PREFIX s: <http://x/> SELECT * WHERE { SERVICE s:endpoint { ?s ?p ?o } }",
        # escapes a text scanner reads differently from the engines
        r"SELECT * WHERE { BIND('''a\'''' AS ?q) SERVICE <http://x/s> { ?x ?y ?z } }",
        r'SELECT * WHERE { BIND("""a\"""" AS ?q) SERVICE <http://x/s> { ?x ?y ?z } }',
        r"PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:a\' ?o . SERVICE <http://x/s> { ?x ?y ?z } }",
        r"PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:a\# ?o . SERVICE <http://x/s> { ?x ?y ?z } }",
        "SELECT * WHERE { ?s ?p ?o # a comment that ends at a carriage return\r SERVICE <http://x/s> { ?x ?y ?z }\n}",
        "SELECT * WHERE { FILTER EXISTS { SERVICE <http://x/s> { ?x ?y ?z } } }",
        "SELECT * WHERE { { SELECT * WHERE { SERVICE <http://x/s> { ?x ?y ?z } } } }",
    ],
)
def test_service_is_found(query: str) -> None:
    assert find_service(query) is not None
    with pytest.raises(InputError, match="--allow-federation"):
        check_query(query)
    check_query(query, allow_federation=True)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service WHERE { ?service ?p ?o }",
        "SELECT $service WHERE { $service ?p ?o }",
        "SELECT * WHERE { ?s ?p 'SERVICE <http://x/s>' }",
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/s>",
        "SELECT * WHERE { ?s <http://x/SERVICE> ?o }",
        "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:SERVICE ?o }",
    ],
)
def test_no_false_alarm(query: str) -> None:
    assert find_service(query) is None


def test_query_text_must_be_utf8_and_bounded() -> None:
    assert decode_query("ASK {}".encode("utf-8-sig"), "q.rq") == "ASK {}"
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode_query(b"ASK { \xff }", "q.rq")
    with pytest.raises(InputError, match="larger than"):
        decode_query(b" " * (5 * 1024 * 1024), "q.rq")


def test_lone_surrogate_is_refused() -> None:
    with pytest.raises(InputError, match="not a Unicode character"):
        check_query('SELECT * WHERE { BIND("\\uD800" AS ?x) }')
    check_query('SELECT * WHERE { BIND("\\u00E6" AS ?x) }')


@pytest.mark.parametrize(
    "text, escape",
    [
        ('ASK { BIND("\\u00E6\\uDC00\\uD800" AS ?x) }', "\\uDC00"),  # the first one is named
        ('ASK { BIND("a\ud83d" AS ?x) }', "\\uD83D"),  # written as itself, not escaped
        ('ASK { BIND("\\U0000DFFF" AS ?x) }', "\\uDFFF"),
    ],
)
def test_the_lone_surrogate_named_is_the_first(text: str, escape: str) -> None:
    with pytest.raises(InputError) as refused:
        check_query(text)
    assert escape in str(refused.value)
    check_query("ASK { BIND('\\U0001F600' AS ?x) }")  # a character beyond the BMP, escaped whole, is fine
