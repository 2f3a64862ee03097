"""The question bank: every key is what its catalog question returns, every wrong option is shown wrong by the ontology."""

from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.query import Result, ResultRow
from rdflib.term import Node

from gluteonto import Session
from gluteonto.cli import main
from gluteonto.quiz import Item, Option, build_bank, to_anki, to_gift
from gluteonto.quiz.export import gift_escape

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


def test_every_answer_key_is_what_its_catalog_question_returns(bank: list[Item], oxigraph_session: Session, ontology_graph: Graph) -> None:
    _check_keys(bank, oxigraph_session, ontology_graph)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed (apt-get install graphviz)")
def test_label_the_diagram_names_the_innervation_pathway(drawn: list[Item], oxigraph_session: Session, ontology_graph: Graph) -> None:
    labels = [i for i in drawn if i.type == "label"]
    assert len(labels) == 1 and labels[0].query == "innervation"
    _check_keys(labels, oxigraph_session, ontology_graph)
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
            if item.query == "origin-insertion":
                wanted = {(a.split("|")[1], b) for a, b in item.pair_iris}
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
        if item.type in ("choice", "multi"):
            assert any(not o.correct for o in item.options), item.id
    assert rules == {"only", "disjoint", "contrast"}


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


def test_every_item_shows_its_source_section(bank: list[Item]) -> None:
    for item in bank:
        if item.query != "labels":  # names carry no article section
            assert re.search(r"(section|avsnitt) \w", item.source), item.id


def test_norwegian_items_are_in_norwegian_with_latin_names(oxigraph_session: Session) -> None:
    nb = build_bank(oxigraph_session, "nb", diagrams=False)
    stems = " ".join(i.stem for i in nb)
    assert "Hvilken nerve innerverer gluteus minimus (musculus gluteus minimus)?" in stems and "Which" not in stems
    assert any("nervus gluteus superior" in o.text for i in nb for o in i.options)
    assert all("Kilde: artikkelen, avsnitt" in i.source for i in nb if i.query != "labels")


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


def test_anki_file_has_four_fields_per_note(bank: list[Item]) -> None:
    lines = to_anki(bank).splitlines()
    assert lines[0] == "#separator:tab" and "#html:true" in lines
    notes = [line for line in lines if not line.startswith("#")]
    assert len(notes) == len([i for i in bank if i.type != "label"]) and all(len(n.split("\t")) == 4 for n in notes)


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
