"""Result formats follow the W3C SPARQL results layouts."""

from __future__ import annotations

import json

from rdflib import Literal, URIRef

from gluteonto.sparql.results import QueryResult, render


def test_result_formats_follow_the_w3c_layouts() -> None:
    result = QueryResult(variables=["a", "b"], rows=[(URIRef("http://x/1"), Literal("é", lang="nb")), (None, Literal(3))])
    payload = json.loads(render(result, "json"))
    assert payload["head"]["vars"] == ["a", "b"]
    assert payload["results"]["bindings"][0]["b"] == {"type": "literal", "value": "é", "xml:lang": "nb"}
    assert "a" not in payload["results"]["bindings"][1]
    assert render(result, "csv").split("\r\n")[1] == "http://x/1,é"
    assert render(result, "tsv").splitlines()[1] == '<http://x/1>\t"é"@nb'
    assert render(QueryResult.from_boolean(True), "json") == json.dumps({"head": {}, "boolean": True}, indent=2)


def test_an_english_text_among_norwegian_ones_was_shown_unmarked_in_a_norwegian_table() -> None:
    """The provenance question lists a term's definitions in both languages in one column: in a Norwegian table
    the English one is marked "(en)"; a column all in one language (the Latin names) is left as it is."""
    rows = [
        (Literal("Den minste setemuskelen.", lang="nb"), Literal("musculus gluteus minimus", lang="la")),
        (Literal("The smallest gluteal muscle.", lang="en"), Literal("musculus gluteus medius", lang="la")),
    ]
    table = render(QueryResult(["target", "latin"], rows), "table", lambda _iri: None, "nb", 200)
    assert "The smallest gluteal muscle.\u00a0(en)" in table and "Den minste setemuskelen. " in table + " "
    assert "(la)" not in table and "(nb)" not in table
    english = render(QueryResult(["target", "latin"], rows), "table", lambda _iri: None, "en", 200)
    assert "Den minste setemuskelen.\u00a0(nb)" in english and "The smallest gluteal muscle.\u00a0(en)" not in english
