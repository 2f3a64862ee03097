"""Every engine runs a query the same way: guarded against SERVICE, with each binding as a VALUES block of its own."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal

from gluteonto.engines import EndpointEngine, Engine, OxigraphEngine, RdflibEngine
from gluteonto.engines.base import checked_query
from gluteonto.errors import InputError

SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"


def test_each_binding_becomes_a_values_block() -> None:
    text = checked_query("SELECT ?x WHERE { ?x ?p ?o }", {"x": Literal("a")}, allow_federation=False)
    assert 'VALUES ?x { "a" }' in text
    assert checked_query("SELECT ?x WHERE { ?x ?p ?o }", None, allow_federation=False) == "SELECT ?x WHERE { ?x ?p ?o }"


def test_service_is_refused_unless_federation_is_allowed() -> None:
    with pytest.raises(InputError, match="--allow-federation"):
        checked_query(SERVICE, None, allow_federation=False)
    assert checked_query(SERVICE, None, allow_federation=True) == SERVICE


@pytest.mark.parametrize(
    "engine", [OxigraphEngine(), RdflibEngine(Graph()), EndpointEngine("http://127.0.0.1:9/sparql")], ids=["oxigraph", "rdflib", "endpoint"]
)
def test_every_engine_refuses_service_before_running_anything(engine: Engine) -> None:
    with pytest.raises(InputError, match="--allow-federation"):
        engine.query(SERVICE)


@pytest.mark.parametrize("engine", [OxigraphEngine(), RdflibEngine(Graph())], ids=["oxigraph", "rdflib"])
def test_embedded_engines_answer_with_the_bound_value(engine: Engine) -> None:
    result = engine.query("SELECT ?x WHERE { }", {"x": Literal("bound")})
    assert [str(row[0]) for row in result.rows] == ["bound"]
