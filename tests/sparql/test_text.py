"""SPARQL text handling: parameters bound as inline VALUES data, never breaking out of it."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from gluteonto.errors import InputError
from gluteonto.sparql import text as sparqltext


def test_inject_values_skips_comments_strings_and_iris() -> None:
    query = '# WHERE { fake }\nSELECT ?x WHERE { ?x <http://x/{y}> "WHERE {" }'
    bound = sparqltext.inject_values(query, {"x": URIRef("http://x/a")})
    assert bound.endswith('WHERE { VALUES ?x { <http://x/a> }\n ?x <http://x/{y}> "WHERE {" }')
    with pytest.raises(InputError):
        sparqltext.inject_values("SELECT * WHERE { ?s ?p ?o }", {"bad name": Literal("x")})
    with pytest.raises(InputError):
        sparqltext.serialize_term(URIRef("http://x/> } DROP ALL"))
