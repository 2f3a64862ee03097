"""The catalog stays inside the part of SPARQL 1.1 that Virtuoso 7.2, Oxigraph, Jena ARQ and rdflib
evaluate alike (docs/design.md, "Queries that every store answers alike").

Each rule reads the query's algebra (rdflib's parser) and names the queries that break it; each rule is
also shown to catch a small query with the construct it forbids. The real stores themselves are compared
in tests/engines/test_stores.py; these checks keep the avoided constructs from coming back unnoticed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from rdflib import BNode, Literal, URIRef, Variable
from rdflib.paths import InvPath, MulPath, Path, SequencePath
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from gluteonto.query.catalog import QuerySpec, load_catalog

CATALOG = load_catalog()
LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")


@dataclass
class Parsed:
    """A query, its parameters and its algebra."""

    name: str
    text: str
    params: set[str]
    algebra: Any


def _parse(name: str, text: str, params: set[str]) -> Parsed:
    return Parsed(name, text, params, translateQuery(parseQuery(text)).algebra)


def _walk(node: Any) -> Iterator[Any]:
    """Every CompValue, path and term below ``node`` (the node itself first)."""
    yield node
    if isinstance(node, CompValue):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple, set)):
        for value in node:
            yield from _walk(value)
    elif isinstance(node, SequencePath):
        for arg in node.args:
            yield from _walk(arg)
    elif isinstance(node, (MulPath, InvPath)):
        yield from _walk(node.path if isinstance(node, MulPath) else node.arg)


def _named(parsed: Parsed, *names: str) -> Iterator[CompValue]:
    return (n for n in _walk(parsed.algebra) if isinstance(n, CompValue) and n.name in names)


def _triples(parsed: Parsed) -> Iterator[tuple[Any, Any, Any]]:
    for bgp in _named(parsed, "BGP"):
        yield from bgp["triples"]


def _closures(path: Any) -> bool:
    return any(isinstance(n, MulPath) and n.mod in "*+" for n in _walk(path))


def _variables(node: Any) -> set[Variable]:
    return {n for n in _walk(node) if isinstance(n, Variable)}


def _values_variables(parsed: Parsed) -> set[str]:
    return {str(var) for values in _named(parsed, "values") for row in values["res"] for var in row}


def _code(text: str) -> str:
    """``text`` without comments, strings and IRIs (what the keyword checks read)."""
    text = re.sub(r'"""(.|\n)*?"""|"(\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"<[^\s<>\"{}|^`\\]*>", "<>", text)
    return re.sub(r"#[^\n]*", "", text)


# -- the rules ---------------------------------------------------------------------------------------
def no_zero_or_one_path(parsed: Parsed) -> list[str]:
    """No ``(…)?`` path: Virtuoso drops its zero-length match (muscle-actions had no rows)."""
    return [
        f"optional path {p.n3()}"
        for _s, p, _o in _triples(parsed)
        if isinstance(p, Path) and any(isinstance(n, MulPath) and n.mod == "?" for n in _walk(p))
    ]


def anchored_closures(parsed: Parsed) -> list[str]:
    """A ``*``/``+`` step runs between two variables that also occur in plain triple patterns (or between
    plain steps of the same sequence path), and never ends at a given term: not at a constant, a parameter or
    a VALUES variable. Virtuoso answers ``?x rdfs:subClassOf+ C`` (or a bound ``?c``) joined with other
    patterns with missing, duplicated or unrelated rows, depending on the plan it picks."""
    problems = []
    plain = {term for s, p, o in _triples(parsed) if not (isinstance(p, Path) and _closures(p)) for term in (s, o)}
    given = parsed.params | _values_variables(parsed)
    for s, p, o in _triples(parsed):
        if not isinstance(p, Path) or not _closures(p):
            continue
        steps = list(p.args) if isinstance(p, SequencePath) else [p]
        for i, step in enumerate(steps):
            if not (isinstance(step, MulPath) and step.mod in "*+"):
                continue
            if isinstance(step.path, (SequencePath, MulPath)):
                problems.append(f"closure over a composite path {p.n3()}")
                continue
            before = None if i > 0 else s  # None: a plain step of the same sequence comes before
            after = None if i + 1 < len(steps) else o
            subject, target = (after, before) if isinstance(step.path, InvPath) else (before, after)
            for end in (subject, target):
                if isinstance(end, (URIRef, Literal)):
                    problems.append(f"{p.n3()} ends at the term {end.n3()}")
                elif isinstance(end, (Variable, BNode)) and end not in plain:
                    problems.append(f"{p.n3()}: {end.n3()} occurs in no plain triple pattern")
            if isinstance(target, Variable) and str(target) in given:
                problems.append(f"{p.n3()} ends at {target.n3()}, a parameter or VALUES variable")
    return problems


def distinct_with_closures(parsed: Parsed) -> list[str]:
    """A query with a ``*``/``+`` path is SELECT DISTINCT: Virtuoso returns a row per path, not per node."""
    uses = any(isinstance(p, Path) and _closures(p) for _s, p, _o in _triples(parsed))
    return ["a * or + path without SELECT DISTINCT"] if uses and parsed.algebra.p.name != "Distinct" else []


def optional_filters_see_their_own_variables(parsed: Parsed) -> list[str]:
    """A FILTER in an OPTIONAL uses only variables of that OPTIONAL: Virtuoso evaluates it in the OPTIONAL's
    own scope, where a variable bound outside (a parameter such as ?lang) is unbound."""
    problems = []
    for join in _named(parsed, "LeftJoin"):
        expr = join["expr"]
        if isinstance(expr, CompValue) and expr.name == "TrueFilter":
            continue
        outside = _variables(expr) - _variables(join["p2"])
        if outside:
            problems.append(f"FILTER in OPTIONAL uses {', '.join(sorted(v.n3() for v in outside))} from outside it")
    return problems


def exists_only_as_filter(parsed: Parsed) -> list[str]:
    """EXISTS and NOT EXISTS appear only as FILTER EXISTS / FILTER NOT EXISTS: as a value (BIND, IF, ||)
    Virtuoso answers 0/1 integers or fails to compile (SQ074)."""
    code = _code(parsed.text)
    return [
        f"EXISTS used as a value near {code[max(0, m.start() - 30) : m.end()]!r}"
        for m in re.finditer(r"\bEXISTS\b", code, re.I)
        if not re.search(r"\bFILTER\s*(\(\s*)?(NOT\s+)?$", code[: m.start()], re.I)
    ]


def one_row_values_bind_one_variable(parsed: Parsed) -> list[str]:
    """A VALUES block with one row binds one variable: Virtuoso cannot compile a one-row block of several
    (SP031 "ssg_print_rvr_fixed_val(): no SPART_VARR_FIXED"); gluteonto binds each parameter on its own."""
    return [
        f"one-row VALUES of {', '.join(sorted(values['res'][0]))}"
        for values in _named(parsed, "values")
        if len(values["res"]) == 1 and len(values["res"][0]) > 1
    ]


def no_filter_in_union_branch(parsed: Parsed) -> list[str]:
    """No FILTER directly in a UNION branch: filter the union in the enclosing group (Virtuoso fails to
    compile some, SP031 "sparp_gp_deprecate(): equiv replaces filter but under deprecation")."""
    return [
        f"FILTER in a UNION branch on {', '.join(sorted(v.n3() for v in _variables(branch['expr'])))}"
        for union in _named(parsed, "Union")
        for branch in (union["p1"], union["p2"])
        if isinstance(branch, CompValue) and branch.name == "Filter"
    ]


def _bound(node: Any, problems: list[str]) -> tuple[set[Variable], set[Variable]]:
    """(variables every solution of ``node`` binds, variables only some UNION branches bind); checks each
    FILTER on the way."""
    if not isinstance(node, CompValue):
        return set(), set()
    name = node.name
    if name == "BGP":
        return _variables(node["triples"]), set()
    if name == "values":
        rows = node["res"]
        return ({Variable(v) for v in set.intersection(*(set(map(str, row)) for row in rows))} if rows else set()), set()
    if name == "Union":
        (c1, u1), (c2, u2) = _bound(node["p1"], problems), _bound(node["p2"], problems)
        return c1 & c2, (c1 ^ c2) | u1 | u2
    if name == "Join":
        (c1, u1), (c2, u2) = _bound(node["p1"], problems), _bound(node["p2"], problems)
        return c1 | c2, (u1 | u2) - (c1 | c2)
    if name in ("LeftJoin", "Minus"):
        (c1, u1), _inner = _bound(node["p1"], problems), _bound(node["p2"], problems)
        return c1, u1
    if name == "Extend":
        certain, partial = _bound(node["p"], problems)
        return certain | {node["var"]}, partial - {node["var"]}
    if name == "Filter":
        certain, partial = _bound(node["p"], problems)
        used = _variables(node["expr"]) & partial
        if used:
            problems.append(f"FILTER on {', '.join(sorted(v.n3() for v in used))}, bound in only some branches of a UNION")
        return certain, partial
    children = [v for v in node.values() if isinstance(v, CompValue)]
    results = [_bound(child, problems) for child in children]
    return set().union(*(c for c, _u in results)), set().union(*(u for _c, u in results))


def filters_see_every_branch(parsed: Parsed) -> list[str]:
    """A FILTER over a UNION uses only variables that every branch binds: Virtuoso 7.2 crashes (segfault) on
    FILTER(BOUND(?x) || …) where ?x is bound in one branch and only mentioned in a MINUS of the other."""
    problems: list[str] = []
    _bound(parsed.algebra, problems)
    return problems


def no_sample(parsed: Parsed) -> list[str]:
    """No SAMPLE: every store may pick another value (read from the text: rdflib's algebra adds SAMPLE for
    grouped variables itself)."""
    return ["SAMPLE"] if re.search(r"\bSAMPLE\s*\(", _code(parsed.text), re.I) else []


def bind_never_sets_a_parameter(parsed: Parsed) -> list[str]:
    """BIND never assigns a parameter: rdflib evaluates a UNION or OPTIONAL with the outer row already bound
    and lets BIND overwrite it, instead of joining."""
    return [f"BIND(… AS ?{extend['var']})" for extend in _named(parsed, "Extend") if str(extend["var"]) in parsed.params]


RULES: list[Callable[[Parsed], list[str]]] = [
    no_zero_or_one_path,
    anchored_closures,
    distinct_with_closures,
    optional_filters_see_their_own_variables,
    exists_only_as_filter,
    one_row_values_bind_one_variable,
    no_filter_in_union_branch,
    filters_see_every_branch,
    no_sample,
    bind_never_sets_a_parameter,
]

_P = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX x: <http://x/>\n"
#: a small query breaking each rule (and its parameters)
BAD: dict[str, tuple[str, set[str]]] = {
    "no_zero_or_one_path": ("SELECT ?y WHERE { ?x owl:someValuesFrom/(owl:unionOf/x:rest*/x:first)? ?y }", set()),
    "anchored_closures": ("SELECT DISTINCT ?x WHERE { ?x rdfs:subClassOf+ x:C ; owl:equivalentClass ?e }", set()),
    "distinct_with_closures": ("SELECT ?x WHERE { ?x rdfs:subClassOf* ?k . ?k rdfs:subClassOf x:C }", set()),
    "optional_filters_see_their_own_variables": ("SELECT ?p WHERE { ?e a x:E OPTIONAL { ?e x:purpose ?p FILTER(lang(?p) = ?lang) } }", {"lang"}),
    "exists_only_as_filter": ("SELECT ?a ?b WHERE { ?a x:p ?c BIND(EXISTS { ?c x:q ?d } AS ?b) }", set()),
    "one_row_values_bind_one_variable": ("SELECT ?a WHERE { VALUES (?a ?b) { (x:a x:b) } ?a ?b ?c }", set()),
    "no_filter_in_union_branch": ("SELECT ?f WHERE { { ?s x:p ?f FILTER(isIRI(?f)) } UNION { ?s x:q ?f } }", set()),
    "filters_see_every_branch": (
        "SELECT ?c WHERE { { ?a a x:A ; x:s ?c MINUS { ?a x:t ?t } } UNION { ?c x:p ?t MINUS { ?a x:s ?c } } "
        "FILTER(BOUND(?a) || STRSTARTS(STR(?c), 'x')) }",
        set(),
    ),
    "no_sample": ("SELECT ?k (SAMPLE(?e) AS ?one) WHERE { ?e x:k ?k } GROUP BY ?k", set()),
    "bind_never_sets_a_parameter": ("SELECT ?t WHERE { { ?t a owl:Class } UNION { ?b a owl:Class BIND(?b AS ?t) } }", {"t"}),
}


def test_every_rule_has_a_query_it_catches() -> None:
    assert set(BAD) == {rule.__name__ for rule in RULES}
    for rule in RULES:
        text, params = BAD[rule.__name__]
        assert rule(_parse("bad", _P + text, params)), rule.__name__


def _spec_params(spec: QuerySpec) -> set[str]:
    return {p.name for p in spec.params}


@pytest.fixture(scope="module")
def parsed_catalog() -> dict[str, Parsed]:
    return {name: _parse(name, spec.text, _spec_params(spec)) for name, spec in sorted(CATALOG.items())}


@pytest.mark.parametrize("rule", RULES, ids=[r.__name__ for r in RULES])
def test_catalog_keeps_to_the_portable_part_of_sparql(rule: Callable[[Parsed], list[str]], parsed_catalog: dict[str, Parsed]) -> None:
    problems = [f"{name}: {problem}" for name, parsed in parsed_catalog.items() for problem in rule(parsed)]
    assert not problems, f"{rule.__doc__}\n" + "\n".join(problems)


#: parameters that are not terms a row is about: ``lang`` picks the language of a text, which the text's
#: own language tag shows
NOT_SELECTED = {"lang"}


def test_every_parameter_is_selected_with_its_label(parsed_catalog: dict[str, Parsed]) -> None:
    """Pasted unchanged (for all terms), an answer shows which term each row is about: every parameter is
    selected, and a term parameter with its English label ``?NAME_label`` read by ``?NAME rdfs:label``."""
    problems = []
    for name, spec in sorted(CATALOG.items()):
        parsed = parsed_catalog[name]
        selected = [str(v) for v in parsed.algebra["PV"]]
        labels = {(str(s), str(o)) for s, p, o in _triples(parsed) if p == LABEL and isinstance(s, Variable)}
        for param in spec.params:
            if param.name in NOT_SELECTED:
                continue
            if param.name not in selected:
                problems.append(f"{name}: ?{param.name} is not selected")
            if param.kind == "iri" and (f"{param.name}_label" not in selected or (param.name, f"{param.name}_label") not in labels):
                problems.append(f"{name}: ?{param.name}_label (?{param.name} rdfs:label ?{param.name}_label) is not selected")
            if param.name in selected and selected.index(param.name) > [p.name for p in spec.params].index(param.name) * 2:
                problems.append(f"{name}: ?{param.name} is not among the first columns")
    assert not problems, "\n".join(problems)
