"""Catalog questions answered from the materialised relation graph (``gluteonto query NAME --relation-graph``).

The relation graph release (``gluteonto-relation-graph.ttl``) holds every entailed ``C R D`` edge between
named classes as one plain triple. In this mode a question's text reads each existential pattern
``?c rdfs:subClassOf [ owl:onProperty R ; owl:someValuesFrom ?d ]`` as the plain triple ``?c R ?d``
(a variable ``R`` limited to object properties), and the store holds the ontology (labels, annotations,
the named hierarchy) and, beside it, the graph's non-redundant edges instead of nothing.

Non-redundant, as in Ubergraph: an edge is left out when other edges of the graph imply it: a
superclass of its subject has it (inherited), its relation reaches a subclass of its filler (filler
hierarchy), a sub-property links the same classes, or two edges compose to it (transitivity, a
property chain). The subclass hierarchy is the full release variant's (asserted plus the reasoner's).

>>> edges = {("a", "part_of", "b"), ("b", "part_of", "c"), ("a", "part_of", "c")}
>>> sorted(nonredundant(edges, set(), set(), {"part_of"}, {}))
[('a', 'part_of', 'b'), ('b', 'part_of', 'c')]

A question the graph cannot answer with the same rows is refused with the reason
(:func:`graph_text`): its text still reads OWL structure after the rewriting (the sources annotated on
axioms, either-or fillers, "only" restrictions, class definitions), or its header says
``relation-graph: stated`` (it reads which relations a class states itself; where the ontology
repeats on a class what its superclass states, the graph keeps the superclass's edge only) or
``relation-graph: expressions`` (it reads fillers that are class expressions, which the graph leaves out).

>>> rewrite("SELECT ?n WHERE { ?m rdfs:subClassOf [ owl:onProperty ex:innervated_by ; owl:someValuesFrom ?n ] }")
'SELECT ?n WHERE { ?m ex:innervated_by ?n }'
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..hierarchy import below, closure
from ..i18n import MessageError
from ..resources import release_file
from .catalog import GRAPH_REASONS

if TYPE_CHECKING:
    from typing import Any

    from .catalog import QuerySpec

__all__ = ["RELATION_GRAPH", "FULL_VARIANT", "rewrite", "graph_text", "nonredundant", "edges_file"]

#: The packaged release files this mode reads.
RELATION_GRAPH = "gluteonto-relation-graph.ttl"
FULL_VARIANT = "gluteonto-full.owl"

_TERM = r"(\?\w+|[A-Za-z][\w-]*:[\w-]*|<[^<>\s]+>)"
_BRACKET = r"\[\s*owl:onProperty\s+" + _TERM + r"\s*;\s*owl:someValuesFrom\s+" + _TERM + r"\s*\]"
_ONE = re.compile(_BRACKET)
#: ``rdfs:subClassOf [ owl:onProperty R ; owl:someValuesFrom D ]``, or several such objects separated by commas
_EXISTENTIAL = re.compile(r"rdfs:subClassOf\s*(" + _BRACKET.replace("(", "(?:") + r"(?:\s*,\s*" + _BRACKET.replace("(", "(?:") + r")*)")
#: OWL structure left in a rewritten text → the reason the graph cannot answer it (first match wins)
_LEFT = (
    ("annotations", re.compile(r"owl:(annotatedSource|annotatedTarget|annotatedProperty|Axiom)\b")),
    ("definitions", re.compile(r"owl:equivalentClass\b")),
    ("only", re.compile(r"owl:allValuesFrom\b")),
    ("union", re.compile(r"owl:unionOf\b")),
    ("expressions", re.compile(r"owl:(onProperty|someValuesFrom|Restriction|hasValue|intersectionOf|complementOf|oneOf|\w*[cC]ardinality)\b")),
)

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_SUBPROPERTY = "http://www.w3.org/2000/01/rdf-schema#subPropertyOf"
_TRANSITIVE = "http://www.w3.org/2002/07/owl#TransitiveProperty"
_CHAIN = "http://www.w3.org/2002/07/owl#propertyChainAxiom"
_FIRST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
_REST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"

Edge = tuple[str, str, str]


def _group_start(text: str, position: int) -> int:
    """Just after the ``{`` opening the innermost group around ``position`` (where a FILTER for it may go)."""
    depth = 0
    for index in range(position - 1, -1, -1):
        if text[index] == "}":
            depth += 1
        elif text[index] == "{":
            if depth == 0:
                return index + 1
            depth -= 1
    return 0


def rewrite(text: str) -> str:
    """``text`` with each existential pattern read as a plain triple; a variable relation is limited to
    object properties by a FILTER in the pattern's group."""
    groups = sorted(
        {
            (_group_start(text, m.start()), one.group(1))
            for m in _EXISTENTIAL.finditer(text)
            for one in _ONE.finditer(m.group(1))
            if one.group(1).startswith("?")
        },
        reverse=True,
    )
    for position, variable in groups:
        text = text[:position] + f" FILTER EXISTS {{ {variable} a owl:ObjectProperty }}" + text[position:]
    return _EXISTENTIAL.sub(lambda m: " ; ".join(f"{one.group(1)} {one.group(2)}" for one in _ONE.finditer(m.group(1))), text)


def graph_text(spec: QuerySpec) -> str:
    """The question's text as the relation graph answers it; a :class:`MessageError` naming the reason when
    the graph cannot answer it with the same rows."""
    reasons = [reason for reason in GRAPH_REASONS if reason in spec.relation_graph]
    body = rewrite(spec.text)
    where = body[body.find("SELECT") :] if "SELECT" in body else body
    reasons += [reason for reason, pattern in _LEFT if pattern.search(where)]
    if reasons:
        first = next(reason for reason in ("annotations", "definitions", "only", "union", "expressions", "stated") if reason in reasons)
        raise MessageError((f"relation graph.{first}", {"question": spec.named()}))
    return body


def nonredundant(
    edges: set[Edge], subclass: set[tuple[str, str]], subproperty: set[tuple[str, str]], transitive: set[str], chains: dict[tuple[str, str], set[str]]
) -> set[Edge]:
    """The edges no other edges imply (see the module's rules); ``subclass`` and ``subproperty`` are
    (lower, upper) pairs, ``chains`` maps ``(R1, R2)`` to the properties ``R1 ∘ R2`` implies."""
    above = closure(subclass)
    under = below(above)
    sub_props = below(closure(subproperty))
    by_subject: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c, r, d in edges:
        by_subject[c].add((r, d))

    def strictly(low: str, high: str) -> bool:
        return high in above.get(low, ()) and low not in above.get(high, ())

    def implied(c: str, r: str, d: str) -> bool:
        if any(strictly(c, sup) and (sup, r, d) in edges for sup in above.get(c, ())):
            return True
        if any(strictly(sub, d) and (c, r, sub) in edges for sub in under.get(d, ())):
            return True
        if any(sub != r and (c, sub, d) in edges for sub in sub_props.get(r, ())):
            return True
        for r1, x in by_subject[c]:
            if x in (c, d):
                continue
            for r2, y in by_subject.get(x, ()):
                if y == d and ((r1 == r2 == r and r in transitive) or r in chains.get((r1, r2), ())):
                    return True
        return False

    return {edge for edge in edges if not implied(*edge)}


def _text(term: Any) -> str:
    import pyoxigraph as ox

    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else f"_:{term.value}"


def _triples(path: Path, syntax: str) -> list[tuple[str, str, str]]:
    """The file's triples as (subject, predicate, object) texts; blank nodes as ``_:id``."""
    import pyoxigraph as ox

    fmt = ox.RdfFormat.TURTLE if syntax == "turtle" else ox.RdfFormat.RDF_XML
    return [(_text(t.subject), t.predicate.value, _text(t.object)) for t in ox.parse(path=str(path), format=fmt)]


def edges_file(directory: Path) -> Path:
    """Write the relation graph's non-redundant edges as N-Triples into ``directory`` and return the file,
    to be loaded beside the ontology."""
    ontology = _triples(release_file(FULL_VARIANT), "xml")
    subclass = {(s, o) for s, p, o in ontology if p == _SUBCLASS and not s.startswith("_:") and not o.startswith("_:")}
    subproperty = {(s, o) for s, p, o in ontology if p == _SUBPROPERTY}
    transitive = {s for s, p, o in ontology if p == _RDF_TYPE and o == _TRANSITIVE}
    first = {s: o for s, p, o in ontology if p == _FIRST}
    rest = {s: o for s, p, o in ontology if p == _REST}
    chains: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, p, head in ontology:
        if p == _CHAIN and head in first and rest.get(head) in first and rest.get(rest[head], "").endswith("#nil"):
            chains[(first[head], first[rest[head]])].add(s)
    edges = {(s, p, o) for s, p, o in _triples(release_file(RELATION_GRAPH), "turtle")}
    kept = nonredundant(edges, subclass, subproperty, transitive, chains)
    path = directory / "relation-graph-nonredundant.nt"
    path.write_text("".join(f"<{c}> <{r}> <{d}> .\n" for c, r, d in sorted(kept)), encoding="utf-8")
    return path
