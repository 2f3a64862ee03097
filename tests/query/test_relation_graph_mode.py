"""Catalog questions answered from the materialised relation graph (``gluteonto query NAME --relation-graph``):
every question the graph can answer gives the same rows as on the OWL axioms, with its defaults and with its
term parameters left open (all terms at once); every other question is refused with one line in the user's
language, and a question whose header declares a reason really does answer differently from the graph."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from click.testing import CliRunner

from gluteonto.cli import main
from gluteonto.i18n import MessageError, interface_words
from gluteonto.query.catalog import Catalog, QuerySpec
from gluteonto.query.relation_graph import graph_text, nonredundant, rewrite
from gluteonto.query.session import Session

CATALOG = Catalog()
SPECS = sorted(CATALOG.values(), key=lambda spec: spec.name)


def _answers(spec: QuerySpec) -> bool:
    try:
        graph_text(spec)
    except MessageError:
        return False
    return True


ANSWERED = [spec.name for spec in SPECS if _answers(spec)]
REFUSED = [spec.name for spec in SPECS if not _answers(spec)]
DECLARED = [spec.name for spec in SPECS if spec.relation_graph]


@pytest.fixture(scope="module")
def owl() -> Session:
    return Session()


@pytest.fixture(scope="module")
def graph(owl: Session) -> Session:
    return Session(relation_graph=True, index=owl.index)


def _rows(session: Session, text: str, bindings: dict[str, Any]) -> Counter[tuple[str, ...]]:
    return Counter(tuple("" if cell is None else str(cell) for cell in row) for row in session.run(text, bindings).rows)


def _bindings(owl: Session, spec: QuerySpec, open_terms: bool) -> dict[str, Any]:
    bound = owl.bind_terms(spec, {})
    return {name: term for name, term in bound.items() if not (open_terms and spec.param(name).kind == "iri")}


def test_the_graph_answers_most_questions_and_refuses_the_rest() -> None:
    questions = [spec.name for spec in SPECS if spec.group == "questions"]
    assert len([name for name in ANSWERED if name in questions]) >= 20
    assert REFUSED and set(DECLARED) <= set(REFUSED)


@pytest.mark.parametrize("name", ANSWERED)
def test_a_question_answered_from_the_relation_graph_gives_the_same_rows(owl: Session, graph: Session, name: str) -> None:
    spec = CATALOG[name]
    text = graph.question_text(spec)
    for open_terms in (False, True):
        bindings = _bindings(owl, spec, open_terms)
        assert _rows(graph, text, bindings) == _rows(owl, spec.text, bindings), (name, "terms open" if open_terms else "defaults")


@pytest.mark.parametrize("name", DECLARED)
def test_a_declared_reason_is_true_the_graph_would_answer_differently(owl: Session, graph: Session, name: str) -> None:
    """The header's ``relation-graph:`` line is not a way to hide a question: read over the graph anyway, it
    gives other rows for some terms."""
    spec = CATALOG[name]
    bindings = _bindings(owl, spec, open_terms=True)
    assert _rows(graph, rewrite(spec.text), bindings) != _rows(owl, spec.text, bindings)


def test_a_question_the_graph_cannot_answer_is_one_line_in_the_users_language() -> None:
    runner = CliRunner()
    for lang in ("en", "nb"):
        result = runner.invoke(main, ["query", "innervation", "--relation-graph", "--lang", lang, "--no-pager"])
        assert result.exit_code == 2 and not result.stdout
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "--relation-graph" in lines[0], lines
        if lang == "nb":
            assert lines[0].startswith("feil: Spørsmålet «innervasjon»")  # its Norwegian name
            assert not [w for w in interface_words("nb") if f" {w} " in lines[0]]
        else:
            assert lines[0].startswith("error: The question 'innervation' cannot be answered from the relation graph: it reads ")


def test_the_cli_answers_from_the_relation_graph() -> None:
    result = CliRunner().invoke(main, ["query", "origin-insertion", "--relation-graph", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert "gluteal surface of ilium" in result.stdout and "greater trochanter" in result.stdout


def test_relation_graph_with_an_endpoint_is_refused_before_any_request() -> None:
    with pytest.raises(MessageError) as caught:
        Session(endpoint="http://127.0.0.1:9/sparql", relation_graph=True)
    assert caught.value.parts[0][0] == "relation graph.endpoint"


def test_a_variable_relation_reads_only_object_property_edges() -> None:
    text = "SELECT * WHERE { ?a rdfs:subClassOf [ owl:onProperty ?r ; owl:someValuesFrom ?b ] OPTIONAL { ?b rdfs:subClassOf [ owl:onProperty ?q ; owl:someValuesFrom ?c ] } }"
    assert rewrite(text) == (
        "SELECT * WHERE { FILTER EXISTS { ?r a owl:ObjectProperty } ?a ?r ?b OPTIONAL { FILTER EXISTS { ?q a owl:ObjectProperty } ?b ?q ?c } }"
    )


def test_nonredundant_keeps_what_a_class_states_and_drops_what_other_edges_imply() -> None:
    edges = {
        ("hand", "part_of", "arm"),
        ("finger", "part_of", "hand"),
        ("finger", "part_of", "arm"),  # transitivity
        ("index", "part_of", "hand"),  # inherited from finger
        ("hand", "part_of", "limb"),
        ("finger", "part_of", "limb"),  # filler hierarchy: arm ⊑ limb
        ("muscle", "innervated_by", "nerve"),
        ("muscle", "connected_to", "nerve"),  # sub-property
        ("act", "has_agent", "finger"),
        ("act", "has_agent", "hand"),  # has_agent ∘ part_of
    }
    kept = nonredundant(
        edges, {("index", "finger"), ("arm", "limb")}, {("innervated_by", "connected_to")}, {"part_of"}, {("has_agent", "part_of"): {"has_agent"}}
    )
    assert kept == {("hand", "part_of", "arm"), ("finger", "part_of", "hand"), ("muscle", "innervated_by", "nerve"), ("act", "has_agent", "finger")}
