"""The question bank: every key is what its catalog question returns, every wrong option is shown wrong by the ontology."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.query import Result, ResultRow
from rdflib.term import Identifier, Node

from gluteonto import Session, iris
from gluteonto.cli import main
from gluteonto.quiz import Item, Option, build_bank, to_anki, to_gift, to_json, to_text
from gluteonto.quiz.export import QUIZ_FORMATS, carried, gift_escape

SUB = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
PREFIXES = """PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture(scope="module", params=["en", "nb"])
def bank(request: pytest.FixtureRequest, oxigraph_session: Session) -> list[Item]:
    return build_bank(oxigraph_session, request.param, diagrams=False)  # no Graphviz run: the label item is tested apart


@pytest.fixture(scope="module")
def drawn(oxigraph_session: Session) -> list[Item]:
    return build_bank(oxigraph_session, "nb")


def _rows(session: Session, item: Item) -> list[dict[str, Node]]:
    rows = []
    for params in [item.params, *item.also]:
        result = session.query(item.query, params)
        rows += [{v: c for v, c in zip(result.variables, row, strict=True) if c is not None} for row in result.rows]
    return rows


def _ask(graph: Graph, text: str, **bindings: str) -> bool:
    return bool(graph.query(PREFIXES + text, initBindings={k: URIRef(v) for k, v in bindings.items()}).askAnswer)


def _is_a(graph: Graph, cls: str, kind: str) -> bool:
    return _ask(graph, "ASK { ?c rdfs:subClassOf* ?k }", c=cls, k=kind)


PART_OF = "http://purl.obolibrary.org/obo/BFO_0000050"


def _part_of_chains(session: Session, site: str) -> dict[str, list[tuple[str, str, str]]]:
    """``site`` and every place the ontology states it to be part of (``part of some``, followed upwards), each
    with the chain of part-of statements that leads there."""
    chains: dict[str, list[tuple[str, str, str]]] = {site: []}
    queue = [site]
    while queue:
        part = queue.pop(0)
        result = session.sparql(
            PREFIXES + "SELECT ?whole WHERE { ?part rdfs:subClassOf [ owl:onProperty ?p ; owl:someValuesFrom ?whole ] FILTER(isIRI(?whole)) }",
            {"part": URIRef(part), "p": URIRef(PART_OF)},
        )
        for whole in sorted(str(row[0]) for row in result.rows):
            if whole not in chains:
                chains[whole] = [*chains[part], (part, PART_OF, whole)]
                queue.append(whole)
    return chains


def _attachment_places(session: Session, item: Item) -> dict[tuple[str, str], list[tuple[str, str, Node | str]]]:
    """(muscle|attachment, place) → the facts proving it: the stated site, or a place the site is part of."""
    props = {"origin": RO + "RO_0002372", "insertion": RO + "RO_0002373"}
    found: dict[tuple[str, str], list[tuple[str, str, Node | str]]] = {}
    for r in _rows(session, item):
        if "site" in r:
            left = f"{r['muscle']}|{r['attachment']}"
            for place, chain in _part_of_chains(session, str(r["site"])).items():
                found.setdefault((left, place), [(str(r["muscle"]), props[str(r["attachment"])], str(r["site"])), *chain])
    return found


def test_the_bank_has_the_item_types_the_facts_call_for(bank: list[Item]) -> None:
    queries = {(i.query, i.type) for i in bank}
    for expected in (
        ("innervation", "choice"),
        ("innervation", "short"),
        ("origin-insertion", "match"),
        ("structures-in-space", "choice"),
        ("muscle-actions", "choice"),
        ("muscle-actions", "match"),
        ("arterial-supply", "multi"),
        ("anastomosis-members", "multi"),
        ("anastomosis-members", "match"),
        ("labels", "match"),
    ):
        assert expected in queries, expected
    assert len({i.id for i in bank}) == len(bank)
    roots = next(i for i in bank if i.type == "short" and i.params == {"muscle": "GLUTEONTO:0000004"})
    assert roots.answers[0] == "L4, L5, S1"
    between = [i for i in bank if i.query == "structures-in-space" and i.params == {"space": "GLUTEONTO:0000060"}]
    assert {"0000062", "0000078"} <= {o.iri.rsplit("_", 1)[-1] for i in between for o in i.options if o.correct}


def test_spinal_segments_typed_as_a_range_like_the_article_are_accepted(bank: list[Item]) -> None:
    roots = next(i for i in bank if i.type == "short" and i.params == {"muscle": "GLUTEONTO:0000004"})
    assert {"L4–S1", "L4-S1", "L4, L5, S1"} <= set(roots.answers) and "L4–L5" not in roots.answers
    assert "=L4–S1" in to_gift([roots]) and "=L4-S1" in to_gift([roots])  # Moodle accepts it too


def test_the_artery_question_asks_for_what_the_ontology_states_supplies_the_muscle_or_its_parts(
    bank: list[Item], oxigraph_session: Session, ontology_graph: Graph
) -> None:
    """The trochanteric anastomosis supplies the distal part of gluteus minimus too: the stem may not claim that only
    the named arteries reach the muscle itself, and the key is every artery stated to supply it or any part of it."""
    item = next(i for i in bank if i.query == "arterial-supply")
    muscle = str(oxigraph_session.resolve_term(item.params["muscle"]))
    rows = _rows(oxigraph_session, item)
    assert any(str(r["supplied_part"]) != muscle and _is_a(ontology_graph, str(r["supplying_vessel"]), iris.ARTERIAL_ANASTOMOSIS) for r in rows)
    assert all(muscle in _part_of_chains(oxigraph_session, str(r["supplied_part"])) for r in rows)
    arteries = {str(r["supplying_vessel"]) for r in rows if _is_a(ontology_graph, str(r["supplying_vessel"]), iris.ARTERY)}
    assert not item.where and set(item.keys()) == arteries
    assert "tendon" not in item.stem and "senen" not in item.stem and "itself" not in item.stem and "selve" not in item.stem


def test_every_answer_key_is_what_its_catalog_question_returns(bank: list[Item], oxigraph_session: Session, ontology_graph: Graph) -> None:
    _check_keys(bank, oxigraph_session, ontology_graph)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed (apt-get install graphviz)")
def test_label_the_diagram_names_the_innervation_pathway(drawn: list[Item], oxigraph_session: Session, ontology_graph: Graph) -> None:
    labels = [i for i in drawn if i.type == "label"]
    assert len(labels) == 1 and labels[0].query == "innervation"
    _check_keys(labels, oxigraph_session, ontology_graph)
    _check_sources(labels, oxigraph_session, ontology_graph)
    assert "L4: fjerde lumbalnerve" in [right for _n, right in labels[0].pairs]
    assert labels[0].id not in to_gift(drawn) and labels[0].stem not in to_anki(drawn)  # they need their picture


def _check_keys(items: list[Item], oxigraph_session: Session, ontology_graph: Graph) -> None:
    for item in items:
        rows = [r for r in _rows(oxigraph_session, item) if all(str(r.get(k)) == v for k, v in item.where.items())]
        if item.type in ("choice", "multi"):
            derived = {str(r[item.column]) for r in rows if item.column in r}
            if item.kind:
                derived = {d for d in derived if _is_a(ontology_graph, d, item.kind)}
            assert derived and set(item.keys()) == derived, item.id
        elif item.type == "short":
            codes = sorted({str(r[item.column]) for r in rows if item.column in r}, key=lambda c: ("CTLS".index(c[0]), int(c[1:])))
            assert item.answers[0] == ", ".join(codes), item.id
        elif item.type == "label":
            derived = {str(r[c]) for r in rows for c in item.column.split("|") if c in r}
            derived.add(str(oxigraph_session.resolve_term(item.params["muscle"])))
            assert {iri for _n, iri in item.pair_iris} == derived and [n for n, _i in item.pair_iris] == [str(i) for i in range(1, len(derived) + 1)]
            assert all(f">{n}</text>" in item.svg for n, _i in item.pair_iris) and "<svg" in item.svg
        else:
            rights = item.right.split("|")
            found = set()
            for r in rows:
                for right in rights:
                    if right in r:
                        left = str(r[item.column])
                        found.add((left, str(r[right])) if item.query != "origin-insertion" else (left, str(r["site"])))
            wanted = {(a, b.split("|")[-1]) for a, b in item.pair_iris}
            if item.query == "origin-insertion":  # the stated site, or a place the ontology says it is part of
                wanted, found = set(item.pair_iris), set(_attachment_places(oxigraph_session, item))
            assert wanted and wanted <= found, item.id
            assert len(item.pairs) == len(item.pair_iris) >= 3


def _first_column(result: Result) -> list[str]:
    """The first value of every row of an rdflib SELECT result, as text."""
    return [str(row[0]) for row in result if isinstance(row, ResultRow)]


def _wrong_by_only(graph: Graph, session: Session, item: Item, option: Option) -> bool:
    subject, prop = option.why["subject"], option.why["property"]
    allowed = _first_column(
        graph.query(
            PREFIXES
            + """SELECT ?a WHERE {
        ?s rdfs:subClassOf [ owl:onProperty ?p ; owl:allValuesFrom/(owl:unionOf/rdf:rest*/rdf:first)? ?a ] FILTER(isIRI(?a)) }""",
            initBindings={"s": URIRef(subject), "p": URIRef(prop)},
        )
    )
    stated = {str(r["nerve"]) for r in _rows(session, item) if "nerve" in r}
    members = set(_first_column(graph.query(PREFIXES + "SELECT ?m WHERE { ?s a owl:AllDisjointClasses ; owl:members/rdf:rest*/rdf:first ?m }")))
    same_kind = all(_is_a(graph, key, m) == _is_a(graph, option.iri, m) for key in item.keys() for m in members)
    return (
        bool(allowed)
        and option.iri not in allowed
        and option.iri not in stated
        and same_kind
        and not any(_is_a(graph, option.iri, a) for a in allowed)
        and not any(
            _ask(
                graph,
                "ASK { ?o rdfs:subClassOf [ owl:onProperty <http://purl.obolibrary.org/obo/RO_0002380> ; owl:someValuesFrom ?a ] }",
                o=option.iri,
                a=a,
            )
            for a in allowed
        )
    )


def _wrong_by_disjointness(graph: Graph, item: Item, option: Option) -> bool:
    mine, asked = option.why["option_kind"], option.why["asked_kind"]
    return (
        _ask(graph, "ASK { ?set a owl:AllDisjointClasses ; owl:members/rdf:rest*/rdf:first ?a, ?b }", a=mine, b=asked)
        and mine != asked
        and _is_a(graph, option.iri, mine)
        and not _is_a(graph, option.iri, asked)
        and all(_is_a(graph, key, asked) for key in item.keys())
    )


def _wrong_by_contrast(graph: Graph, session: Session, item: Item, option: Option) -> bool:
    subject, sibling = option.why["subject"], option.why["sibling"]
    own = {str(r["movement"]) for r in _rows(session, item) if "movement" in r}
    theirs = session.query("muscle-actions", {"muscle": sibling})
    stated = {str(row[theirs.variables.index("movement")]) for row in theirs.rows if str(row[theirs.variables.index("acting_part")]) == sibling}
    siblings = _ask(graph, "ASK { ?a rdfs:subClassOf ?parent . ?b rdfs:subClassOf ?parent FILTER(isIRI(?parent)) }", a=subject, b=sibling)
    return option.iri not in own and option.iri in stated and siblings and subject != sibling


def _short(graph: Graph, source: str, lang: str) -> str:
    """A source's name as the user reads it: a section's title, a reference's name without its bracket."""
    label = next(str(o) for o in graph.objects(URIRef(source), URIRef(LABEL)) if getattr(o, "language", None) in (lang, None))
    return label.rsplit(": ", 1)[-1].split(" (")[0]


def _rule_sources(graph: Graph, session: Session, option: Option) -> set[str]:
    """The dcterms:source values of the axiom that shows ``option`` wrong."""
    dc = "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
    if option.why["rule"] == "only":
        query = """SELECT ?src WHERE { ?s rdfs:subClassOf ?r . ?r owl:onProperty ?p ; owl:allValuesFrom ?x .
            ?ax owl:annotatedSource ?s ; owl:annotatedProperty rdfs:subClassOf ; owl:annotatedTarget ?r ; dcterms:source ?src }"""
        bindings = {"s": URIRef(option.why["subject"]), "p": URIRef(option.why["property"])}
        return set(_first_column(graph.query(PREFIXES + dc + query, initBindings=bindings)))
    if option.why["rule"] == "disjoint":
        query = "SELECT ?src WHERE { ?set a owl:AllDisjointClasses ; owl:members/rdf:rest*/rdf:first ?a, ?b ; dcterms:source ?src }"
        bindings = {"a": URIRef(option.why["option_kind"]), "b": URIRef(option.why["asked_kind"])}
        return set(_first_column(graph.query(PREFIXES + dc + query, initBindings=bindings)))
    sibling = option.why["sibling"]
    theirs = session.query("muscle-actions", {"muscle": sibling})
    rows = [dict(zip(theirs.variables, row, strict=True)) for row in theirs.rows]
    actions = {str(r["action"]) for r in rows if str(r["movement"]) == option.iri and str(r["acting_part"]) == sibling}
    facts = [f for a in actions for f in ((a, GLUT + "GLUTEONTO_0000909", sibling), (a, SUB, option.iri))]
    return {src for fact in facts for src in _recorded_sources(graph, *fact)}


def test_every_wrong_option_is_shown_wrong_by_the_ontology(bank: list[Item], oxigraph_session: Session, ontology_graph: Graph) -> None:
    rules = set()
    for item in bank:
        for option in item.options:
            if option.correct:
                assert not option.why
                continue
            rule = option.why["rule"]
            rules.add(rule)
            checks = {
                "only": lambda: _wrong_by_only(ontology_graph, oxigraph_session, item, option),
                "disjoint": lambda: _wrong_by_disjointness(ontology_graph, item, option),
                "contrast": lambda: _wrong_by_contrast(ontology_graph, oxigraph_session, item, option),
            }
            assert checks[rule](), (item.id, option.iri, rule)
            assert option.feedback and option.text
            assert set(option.sources) == _rule_sources(ontology_graph, oxigraph_session, option), (item.id, option.iri)
            assert option.sources and all(_short(ontology_graph, src, item.lang) in option.feedback for src in option.sources)
        if item.type in ("choice", "multi"):
            assert any(not o.correct for o in item.options), item.id
        if item.type == "match":  # a matching item's wrong options are its other right sides, paired with each left side
            _check_one_provable(item, oxigraph_session)
    assert rules == {"only", "disjoint", "contrast"}


def _provable_pairs(session: Session, item: Item) -> set[tuple[str, str]]:
    """Every (left, right) pairing of a matching item's keys that its catalog question's rows prove."""
    rows = _rows(session, item)
    if item.query == "origin-insertion":  # a site stated as part of a larger place: the larger place is right too
        return set(_attachment_places(session, item))
    if item.query == "muscle-actions":
        return {(str(r["action"]), f"{col}|{r[col]}") for r in rows for col in item.right.split("|") if col in r}
    return {(str(r[item.column]), str(r[item.right])) for r in rows if item.right in r and item.column in r}


def _check_one_provable(item: Item, session: Session) -> None:
    provable = _provable_pairs(session, item)
    offered = {right for _left, right in item.pair_iris}
    texts = {right: text for (_l, text), (_k, right) in zip(item.pairs, item.pair_iris, strict=True)}
    assert len(set(texts.values())) == len(texts), item.id  # one text per right side, so a text names one answer
    for left, key in item.pair_iris:
        proved = {right for right in offered if (left, right) in provable}
        assert proved == {key}, (item.id, left, "proved right but marked wrong:", proved - {key})


def test_a_matching_pairing_the_ontology_proves_is_never_marked_wrong(bank: list[Item], oxigraph_session: Session) -> None:
    matches = [i for i in bank if i.type == "match"]
    assert {i.query for i in matches} == {"origin-insertion", "muscle-actions", "anastomosis-members", "labels"}
    for item in matches:
        _check_one_provable(item, oxigraph_session)
    # pelvic stabilisation is stated for stance phase and for single-leg stance: it is offered beside one of them
    # only (or left out), never marked wrong for the other
    actions = next(i for i in matches if i.query == "muscle-actions")
    provable = _provable_pairs(oxigraph_session, actions)
    rights = {left: {r for l2, r in provable if l2 == left} for left, _r in provable}
    assert any(len(found) > 1 for found in rights.values()), "no action has several stated conditions: the rule is untested"


def test_origin_and_insertion_on_the_ilium_and_greater_trochanter_are_not_marked_wrong(bank: list[Item], oxigraph_session: Session) -> None:
    """The origin area of gluteus minimus is part of the ilium and its facet part of the greater trochanter: the ilium
    and the greater trochanter are right for its origin and insertion, so they are never offered beside those parts."""
    item = next(i for i in bank if i.query == "origin-insertion")
    provable = _provable_pairs(oxigraph_session, item)
    minimus = "https://w3id.org/gluteonto/GLUTEONTO_0000004"
    ilium, trochanter = "https://w3id.org/gluteonto/GLUTEONTO_0000031", "https://w3id.org/gluteonto/GLUTEONTO_0000038"
    assert (minimus + "|origin", ilium) in provable and (minimus + "|insertion", trochanter) in provable
    _check_one_provable(item, oxigraph_session)
    offered = {right for _l, right in item.pair_iris}
    for left, _right in item.pair_iris:
        assert len({r for l2, r in provable if l2 == left} & offered) == 1, left


def test_an_origin_is_not_matched_to_a_site_named_after_the_origin(bank: list[Item]) -> None:
    item = next(i for i in bank if i.query == "origin-insertion")
    rights = {right for _l, right in item.pairs}
    for left, _right in item.pairs:
        word = left.rsplit(": ", 1)[-1]  # "origin" / "utspring", "insertion" / "feste"
        assert not any(word.casefold() in r.casefold() for r in rights), (left, rights)


def test_action_matching_pairs_do_not_give_their_condition_away(bank: list[Item], oxigraph_session: Session) -> None:
    """ "stabilisation … in single-leg stance → during: single-leg stance" answers itself: such pairs are left out."""
    item = next(i for i in bank if i.query == "muscle-actions" and i.type == "match")
    assert item.pairs and _provable_pairs(oxigraph_session, item)
    for left, right in item.pairs:
        condition = right.split(": ", 1)[1]
        words = {w for w in re.findall(r"\w+", condition.casefold()) if len(w) >= 3} - {"the", "and", "with", "through", "gjennom", "med"}
        assert condition.casefold() not in left.casefold(), (left, right)
        assert not any(re.search(rf"\b{re.escape(w[:4])}", left.casefold()) for w in words), (left, right)
    offered = {left for left, _r in item.pairs}
    stance = {
        "en": "stabilisation of the hip joint by gluteus minimus in single-leg stance",
        "nb": "stabilisering av hofteleddet ved gluteus minimus i enbensstående",
    }
    assert stance[item.lang] not in offered


def test_a_merely_unstated_option_would_be_caught(oxigraph_session: Session, ontology_graph: Graph) -> None:
    bank = build_bank(oxigraph_session, "en", diagrams=False)
    minimus = next(i for i in bank if i.query == "innervation" and i.type == "choice" and i.params == {"muscle": "GLUTEONTO:0000004"})
    medius = next(i for i in bank if i.query == "innervation" and i.type == "choice" and i.params == {"muscle": "GLUTEONTO:0000005"})
    sciatic = next(o for o in minimus.options if o.why.get("rule") == "only")
    assert _wrong_by_only(ontology_graph, oxigraph_session, minimus, sciatic)
    # gluteus medius has no 'only' axiom: the sciatic nerve is merely unstated for it, so not a wrong option
    unstated = Option(sciatic.iri, sciatic.text, False, "x", {**sciatic.why, "subject": "https://w3id.org/gluteonto/GLUTEONTO_0000005"})
    assert not _wrong_by_only(ontology_graph, oxigraph_session, medius, unstated)
    assert not any(o.iri == sciatic.iri for o in medius.options)
    plexus = Option("https://w3id.org/gluteonto/GLUTEONTO_0000065", "sacral plexus", False, "x", sciatic.why)  # another kind
    assert not _wrong_by_only(ontology_graph, oxigraph_session, minimus, plexus)
    right = next(o for o in minimus.options if o.correct)
    assert not _wrong_by_disjointness(
        ontology_graph,
        minimus,
        Option(
            right.iri,
            "",
            False,
            "",
            {"option_kind": "https://w3id.org/gluteonto/GLUTEONTO_0000074", "asked_kind": "https://w3id.org/gluteonto/GLUTEONTO_0000061"},
        ),
    )


RO = "http://purl.obolibrary.org/obo/"
GLUT = "https://w3id.org/gluteonto/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
#: catalog columns of the condition a muscle's action is tied to → the property that states it
CONDITION = {"requires": GLUT + "GLUTEONTO_0000913", "especially_when": GLUT + "GLUTEONTO_0000914", "during": GLUT + "GLUTEONTO_0000912"}


def _facts(session: Session, item: Item) -> list[tuple[str, str, Node | str]]:
    """The statements (subject, property, filler) an item's key rests on, read from its catalog question's rows."""
    rows = [r for r in _rows(session, item) if all(str(r.get(k)) == v for k, v in item.where.items())]
    keys = set(item.keys())
    agent = {str(r["action"]): (str(r["acting_part"]), str(r["muscle"])) for r in rows if "acting_part" in r}

    def acting(action: str) -> list[tuple[str, str, Node | str]]:
        part, muscle = agent[action]
        found: list[tuple[str, str, Node | str]] = [(action, GLUT + "GLUTEONTO_0000909", part)]
        return found + ([(part, RO + "BFO_0000050", muscle)] if part != muscle else [])

    if item.query == "innervation":
        muscle = str(session.resolve_term(item.params["muscle"]))
        nerves = keys if item.type != "short" else {str(r["nerve"]) for r in rows}
        facts: list[tuple[str, str, Node | str]] = [(muscle, RO + "RO_0002005", n) for n in nerves]
        if item.type != "choice" and item.type != "multi":
            facts += [(str(r["nerve"]), GLUT + "GLUTEONTO_0000907", str(r["root"])) for r in rows if "root" in r]
        if item.type == "label":
            facts += [(str(r["nerve"]), RO + "RO_0002380", str(r["plexus"])) for r in rows if "plexus" in r]
        return facts
    if item.query == "structures-in-space":
        space = str(session.resolve_term(item.params["space"]))
        return [(str(r["structure"]), str(r["how"]), space) for r in rows if str(r["structure"]) in keys]
    if item.query == "origin-insertion":
        places = _attachment_places(session, item)
        return [f for pair in item.pair_iris for f in places[pair]]
    if item.query == "muscle-actions" and item.type == "choice":
        action = item.where["action"]
        return [(action, SUB, m) for m in keys] + acting(action) + [(action, CONDITION["requires"], item.where["requires"])]
    if item.query == "muscle-actions":
        return [f for action, right in item.pair_iris for f in [*acting(action), (action, CONDITION[right.split("|")[0]], right.split("|")[1])]]
    if item.query == "arterial-supply":  # the muscle, or a part of it (its distal part, its tendon)
        muscle = str(session.resolve_term(item.params["muscle"]))
        facts = []
        for r in rows:
            if str(r["supplying_vessel"]) in keys:
                part = str(r["supplied_part"])
                facts += [(str(r["supplying_vessel"]), RO + "RO_0020101", part), *_part_of_chains(session, part)[muscle]]
        return facts
    if item.query == "anastomosis-members":
        anastomosis = str(session.resolve_term(item.params["anastomosis"]))
        if item.type == "multi":
            return [(anastomosis, GLUT + "GLUTEONTO_0000908", k) for k in keys]
        return [
            f
            for artery, origin in item.pair_iris
            for f in [(anastomosis, GLUT + "GLUTEONTO_0000908", artery), (artery, RO + "RO_0002380", origin), (artery, RO + "RO_0002252", origin)]
        ]
    if item.query == "labels":
        return [(term, LABEL, Literal(latin, lang="la")) for term, latin in item.pair_iris]
    raise AssertionError(f"no rule for the facts of {item.id}")


def _recorded_sources(graph: Graph, subject: str, prop: str, filler: Node | str) -> set[str]:
    """The dcterms:source values of the axiom stating (subject, prop, filler): an existential restriction (the filler
    named or in a union), a named superclass, or an annotation."""
    head = PREFIXES + "PREFIX dcterms: <http://purl.org/dc/terms/>\nSELECT ?src WHERE { ?ax owl:annotatedSource ?s ; dcterms:source ?src ; "
    if isinstance(filler, Literal):
        query = head + "owl:annotatedProperty ?p ; owl:annotatedTarget ?o }"
        bindings: dict[str, Identifier] = {"s": URIRef(subject), "p": URIRef(prop), "o": filler}
    elif prop == SUB:
        query = head + "owl:annotatedProperty rdfs:subClassOf ; owl:annotatedTarget ?o }"
        bindings = {"s": URIRef(subject), "o": URIRef(str(filler))}
    else:
        query = (
            head
            + """owl:annotatedProperty rdfs:subClassOf ; owl:annotatedTarget ?r .
            ?r owl:onProperty ?p ; owl:someValuesFrom ?f . FILTER(?f = ?o || EXISTS { ?f owl:unionOf/rdf:rest*/rdf:first ?o }) }"""
        )
        bindings = {"s": URIRef(subject), "p": URIRef(prop), "o": URIRef(str(filler))}
    return set(_first_column(graph.query(query, initBindings=bindings)))


def _check_sources(items: list[Item], session: Session, graph: Graph) -> None:
    for item in items:
        expected = {src for fact in _facts(session, item) for src in _recorded_sources(graph, *fact)}
        assert set(item.sources) == expected, (item.id, item.stem)
        for src in item.sources:  # each is named in the line the user reads
            assert _short(graph, src, item.lang) in item.source, (item.id, src, item.source)
        article = {"en": "the article", "nb": "artikkelen"}[item.lang]
        kinds = {str(t) for src in item.sources for t in graph.objects(URIRef(src), RDF.type)}
        assert (article in item.source) == bool(kinds & {iris.ONLINE_ARTICLE, iris.ARTICLE_SECTION}), (item.id, item.source)


def test_quiz_cites_the_sources_of_its_facts_not_the_article_by_default(bank: list[Item], oxigraph_session: Session, ontology_graph: Graph) -> None:
    _check_sources(bank, oxigraph_session, ontology_graph)
    origins = next(i for i in bank if i.query == "anastomosis-members" and i.type == "match")
    assert "Uberon" in origins.source
    attachments = next(i for i in bank if i.query == "origin-insertion")
    assert "Uberon" in attachments.source  # gluteus medius: the article says nothing of its origin and insertion


def test_every_export_shows_each_items_sources(bank: list[Item]) -> None:
    for writer in (to_gift, to_anki, to_text, to_json):
        out = writer(bank)
        for item in bank:
            if item.sources and (item.type != "label" or writer in (to_text, to_json)):
                text = item.source if writer is not to_gift else gift_escape(item.source)
                assert text and (text in out or text.replace("&", "&amp;") in out), (writer.__name__, item.id)
    assert [j["sources"] for j in json.loads(to_json(bank))] == [i.sources for i in bank]
    assert sum(bool(i.sources) for i in bank) >= len(bank) - 1  # only the names of the Latin matching item carry none


def test_norwegian_items_are_in_norwegian_with_latin_names(oxigraph_session: Session) -> None:
    nb = build_bank(oxigraph_session, "nb", diagrams=False)
    stems = " ".join(i.stem for i in nb)
    assert "Hvilken nerve innerverer gluteus minimus (musculus gluteus minimus)?" in stems and "Which" not in stems
    assert any("nervus gluteus superior" in o.text for i in nb for o in i.options)
    assert all(i.source.startswith("Kilde: ") for i in nb if i.sources)


def test_norwegian_space_questions_do_not_put_an_indefinite_name_after_a_preposition(oxigraph_session: Session) -> None:
    """ "Hvilken nerve passerer gjennom suprapiriformt rom?" needs the definite form, which the labels do not give:
    the stem names the space first, in the form its label has ("Suprapiriformt rom: hvilken nerve passerer gjennom?")."""
    from gluteonto.card import card_index

    ix = card_index(oxigraph_session)
    items = [i for i in build_bank(oxigraph_session, "nb", diagrams=False) if i.query == "structures-in-space"]
    assert len(items) >= 2
    for item in items:
        label = ix.name(oxigraph_session.resolve_term(item.params["space"]), "nb").text
        assert not re.search(rf"\b(gjennom|i|mellom) {re.escape(label)}", item.stem), item.stem
        assert item.stem.startswith(label[:1].upper() + label[1:]) and item.stem.endswith("?"), item.stem


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def test_gift_escapes_its_special_characters(bank: list[Item]) -> None:
    nasty = "a: b = {c} ~ #d \\ e -> f\nline"
    assert _unescape(gift_escape(nasty)) == nasty.replace("->", "→")
    item = Item(
        "x",
        "choice",
        "en",
        nasty,
        "innervation",
        {},
        "nerve",
        "Source: s",
        options=[Option("a", nasty, True, nasty), Option("b", "plain", False, "why: {x}")],
    )
    gift = to_gift([item, *bank])
    for line in gift.splitlines():
        if line.startswith("\t") and not line.startswith("\t####"):
            body = re.sub(r"^\t(=|~(%-?[\d.]+%)?)", "", line)
            if " -> " in body:
                left, _arrow, right = body.partition(" -> ")
                assert not re.search(r"(?<!\\)(?:\\\\)*[~=#{}]", left + right), line
            else:
                bare = re.findall(r"(?<!\\)(?:\\\\)*([~=#{}])", body)
                assert bare in ([], ["#"]), line  # at most the feedback separator
    assert gift.count("::") == 2 * (len([i for i in bank if i.type != "label"]) + 1)
    blocks = [b for b in gift.split("\n\n") if b.strip()]
    assert all(b.rstrip().endswith("}") for b in blocks)


def test_anki_file_has_three_fields_per_note(bank: list[Item]) -> None:
    lines = to_anki(bank).splitlines()
    assert lines[0] == "#separator:tab" and "#html:true" in lines
    notes = [line for line in lines if not line.startswith("#")]
    assert len(notes) == len([i for i in bank if i.type != "label"]) and all(len(n.split("\t")) == 3 for n in notes)


def test_anki_keeps_the_source_in_a_field_the_basic_note_type_has(bank: list[Item]) -> None:
    """Anki's Basic note type has the fields Front and Back only: a third text column would be dropped on import,
    so the source and catalog question go on the back, and the only other column is the tags."""
    lines = to_anki(bank).splitlines()
    header = dict(line[1:].split(":", 1) for line in lines if line.startswith("#"))
    assert header["notetype"] == "Basic" and header["columns"].split("\t") == ["Front", "Back", "Tags"]
    assert header["tags column"] == str(header["columns"].split("\t").index("Tags") + 1)
    notes = [line.split("\t") for line in lines if not line.startswith("#")]
    kept = [i for i in bank if i.type != "label"]
    for item, (_front, back, tags) in zip(kept, notes, strict=True):
        assert item.source.replace("&", "&amp;") in back and "<br>" in back and tags.startswith("gluteonto "), item.id


@pytest.mark.slow
def test_quiz_command_writes_gift_anki_and_text(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    runner = CliRunner()
    result = runner.invoke(main, ["quiz", "--lang", "nb", "--format", "gift", "-o", str(folder / "q.gift")])
    assert result.exit_code == 0, result.output
    assert "::" in (folder / "q.gift").read_text(encoding="utf-8") and "skrev" in result.output
    text = runner.invoke(main, ["quiz"])
    assert text.exit_code == 0 and "Answer from the catalog question 'innervation'" in text.output
    bad = runner.invoke(main, ["quiz", "-o", str(folder)])
    assert bad.exit_code == 2 and len(bad.output.strip().splitlines()) == 1 and "Traceback" not in bad.output


def _written(fmt: str, text: str) -> int:
    """How many questions a written bank holds, counted in the file itself."""
    if fmt == "gift":
        return sum(line.startswith("::") for line in text.splitlines())
    if fmt == "anki":
        return sum(bool(line) and not line.startswith("#") for line in text.splitlines())
    if fmt == "text":
        return len(re.findall(r"^(?:Question|Spørsmål) \d+ \[", text, re.M))
    return len(json.loads(text))


def test_each_format_holds_what_it_carries_and_only_json_keeps_the_diagram(bank: list[Item]) -> None:
    label = Item("x", "label", bank[0].lang, "Name the boxes", "innervation", {}, "nerve", "", pairs=[("1", "a")], svg="<svg/>")
    for fmt, writer in QUIZ_FORMATS.items():
        kept, left_out = carried([*bank, label], fmt)
        assert _written(fmt, writer(kept)) == _written(fmt, writer([*bank, label])) == len(kept)
        assert (left_out == [label]) == (fmt != "json") and len(kept) + len(left_out) == len(bank) + 1


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["gift", "anki", "text", "json"])
def test_quiz_says_how_many_questions_it_wrote_and_which_it_left_out(fmt: str, tmp_path: object, drawn: list[Item]) -> None:
    from pathlib import Path

    target = Path(str(tmp_path)) / f"quiz.{fmt}"
    result = CliRunner().invoke(main, ["quiz", "--lang", "nb", "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    written = _written(fmt, target.read_text(encoding="utf-8"))
    assert f"skrev {written} spørsmål til" in result.output
    labels = sum(i.type == "label" for i in drawn)
    if fmt == "json" or not labels:
        assert "utelatt" not in result.output and written == len(drawn)
    else:
        assert f"{labels} spørsmål er utelatt" in result.output and f"--format {fmt} kan ikke" in result.output
        assert written + labels == len(drawn)
    english = CliRunner().invoke(main, ["quiz", "--format", fmt])
    assert english.exit_code == 0 and ("question left out" in english.output) == (fmt != "json" and labels > 0)


@pytest.mark.slow
def test_quiz_under_latin_says_in_one_line_which_language_the_bank_is_in(tmp_path: object) -> None:
    from pathlib import Path

    target = Path(str(tmp_path)) / "quiz.txt"
    result = CliRunner().invoke(main, ["--lang", "la", "quiz", "-o", str(target)])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if "English or Norwegian only" in line]
    assert len(notes) == 1 and notes[0].endswith("this one is in English.") and "Question 1 " in target.read_text(encoding="utf-8")
    chosen = CliRunner().invoke(main, ["--lang", "la", "quiz", "--lang", "nb", "-o", str(target)])  # asked for: no note
    assert chosen.exit_code == 0 and "only" not in chosen.stderr and "Spørsmål 1 " in target.read_text(encoding="utf-8")
    english = CliRunner().invoke(main, ["quiz", "-o", str(target)])
    assert english.exit_code == 0 and "only" not in english.stderr
