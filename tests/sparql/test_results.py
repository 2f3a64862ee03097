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
