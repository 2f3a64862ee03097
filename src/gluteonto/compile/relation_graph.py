"""The materialised relation graph (relation-graph / Ubergraph semantics): every entailed ``C R D`` edge
between named classes as one plain triple ``C R D``.

An edge ``C R D`` means ``C SubClassOf R some D``. The asserted edges (``SubClassOf(C, R some D)``
and the ``R some D`` conjuncts of a class's equivalent intersection) are closed under:

* the subclass hierarchy: ``C ⊑ C'`` and ``C' R D`` give ``C R D`` (edges are inherited downwards);
* the filler hierarchy: ``C R D`` and ``D ⊑ D'`` give ``C R D'``;
* sub-properties: ``C R D`` and ``R ⊑ S`` give ``C S D``;
* transitivity: ``C R D`` and ``D R E`` give ``C R E`` for a transitive ``R``;
* property chains: ``C R1 D``, ``D R2 E`` and ``R1 ∘ R2 ⊑ S`` give ``C S E``.

The subclass hierarchy is the asserted one plus the reasoner's inferences (the full variant's named
subclass axioms). Restrictions on unions or nested expressions, and universal restrictions, add no
edge, as in relation-graph. Named superclass links themselves are not repeated (they are in the
ontology); owl:Thing is left out.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from ..hierarchy import below as _below
from ..hierarchy import closure as _closure
from ..vocab import bind_prefixes

__all__ = ["relation_graph", "materialise"]

Edge = tuple[URIRef, URIRef, URIRef]


def _some(graph: Graph, node: Node) -> tuple[URIRef, URIRef] | None:
    prop, filler = graph.value(node, OWL.onProperty), graph.value(node, OWL.someValuesFrom)
    if isinstance(node, BNode) and isinstance(prop, URIRef) and isinstance(filler, URIRef):
        return prop, filler
    return None


def _rdf_list(graph: Graph, head: Node | None) -> list[Node]:
    items: list[Node] = []
    while head is not None and head != RDF.nil:
        first = graph.value(head, RDF.first)
        if first is not None:
            items.append(first)
        head = graph.value(head, RDF.rest)
    return items


def materialise(graph: Graph) -> set[Edge]:
    """Every entailed named ``C R D`` edge of the ontology in ``graph`` (see the module's rules)."""
    classes = {c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    properties = {p for p in graph.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef)}
    subclass = {(s, o) for s, o in graph.subject_objects(RDFS.subClassOf) if isinstance(s, URIRef) and isinstance(o, URIRef)}
    edges: set[Edge] = set()
    for cls in classes:
        for sup in graph.objects(cls, RDFS.subClassOf):
            some = _some(graph, sup)
            if some is not None:
                edges.add((cls, *some))
        for expr in graph.objects(cls, OWL.equivalentClass):
            some = _some(graph, expr)
            members = [some] if some is not None else [_some(graph, m) for m in _rdf_list(graph, graph.value(expr, OWL.intersectionOf))]
            for member in members:
                if member is not None:
                    edges.add((cls, *member))
            named = [m for m in _rdf_list(graph, graph.value(expr, OWL.intersectionOf)) if isinstance(m, URIRef)]
            subclass.update((cls, m) for m in named)
            if isinstance(expr, URIRef):
                subclass.update({(cls, expr), (expr, cls)})
    above = _closure(subclass, classes)
    below = _below(above)
    super_props = _closure(
        {(s, o) for s, o in graph.subject_objects(RDFS.subPropertyOf) if isinstance(s, URIRef) and isinstance(o, URIRef)}, properties
    )
    transitive = set(graph.subjects(RDF.type, OWL.TransitiveProperty))
    chains: dict[tuple[URIRef, URIRef], set[URIRef]] = defaultdict(set)
    for sup, head in graph.subject_objects(OWL.propertyChainAxiom):
        links = _rdf_list(graph, head)
        if len(links) == 2 and all(isinstance(p, URIRef) for p in links) and isinstance(sup, URIRef):
            chains[(links[0], links[1])].add(sup)  # type: ignore[index]

    def expand(edge: Edge) -> set[Edge]:
        c, r, d = edge
        return {(c2, r2, d2) for c2 in below.get(c, {c}) | {c} for r2 in super_props.get(r, {r}) | {r} for d2 in above.get(d, {d}) | {d}}

    closed: set[Edge] = set()
    todo = list(edges)
    by_subject: dict[URIRef, set[tuple[URIRef, URIRef]]] = defaultdict(set)
    by_object: dict[URIRef, set[tuple[URIRef, URIRef]]] = defaultdict(set)
    while todo:
        for new in expand(todo.pop()):
            if new in closed:
                continue
            closed.add(new)
            c, r, d = new
            by_subject[c].add((r, d))
            by_object[d].add((c, r))
            for r2, e in list(by_subject[d]):  # c r d, d r2 e
                if r == r2 and r in transitive:
                    todo.append((c, r, e))
                for s in chains.get((r, r2), ()):
                    todo.append((c, s, e))
            for b, r0 in list(by_object[c]):  # b r0 c, c r d
                if r0 == r and r in transitive:
                    todo.append((b, r, d))
                for s in chains.get((r0, r), ()):
                    todo.append((b, s, d))
    return {(c, r, d) for c, r, d in closed if d != OWL.Thing and c != OWL.Nothing}


def relation_graph(graph: Graph) -> Graph:
    """The materialised edges as a graph of plain triples (prefixes bound; no header, no blank nodes)."""
    out = bind_prefixes(Graph())
    for edge in materialise(graph):
        out.add(edge)
    return out
