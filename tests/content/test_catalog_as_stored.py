"""Every catalog query, pasted unchanged into a SPARQL 1.1 engine, answers with its defaults.

No parameter is bound by gluteonto here: the text is run exactly as stored, on pyoxigraph and on
rdflib directly, as someone pasting it into Protégé's SPARQL tab or a triple store would.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph

from gluteonto.query.catalog import load_catalog
from gluteonto.resources import ontology_file

pytestmark = pytest.mark.slow  # every catalog query on rdflib, row for row against Oxigraph

CATALOG = load_catalog()


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(ontology_file("ttl", international=True)), format=ox.RdfFormat.TURTLE)
    return store


@pytest.mark.parametrize("name", sorted(n for n, s in CATALOG.items() if s.group not in ("FMA comparison", "Uberon comparison")))
def test_query_text_as_stored_answers(name: str, store: ox.Store, ontology_graph: Graph) -> None:
    text = CATALOG[name].path.read_text(encoding="utf-8")
    solutions = store.query(text)
    assert isinstance(solutions, ox.QuerySolutions), name
    on_oxigraph = len(list(solutions))
    on_rdflib = len(list(ontology_graph.query(text)))
    assert on_oxigraph == on_rdflib, name
    if CATALOG[name].group == "questions":
        assert on_oxigraph > 0, f"{name} gives no answer when run unchanged"
    else:  # quality control: no rows means no problem
        assert on_oxigraph == 0, name
