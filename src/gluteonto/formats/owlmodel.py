"""Read an OWL 2 ontology written as RDF (the mapping to RDF graphs) back into structural axioms.

The non-RDF writers (OWL functional syntax, OBO, obographs) start from this model, so every
release and ``gluteonto export`` derive them from the same graph. The reader covers the OWL 2
constructs the project uses and the common neighbours (class expressions with ``some``, ``only``,
``value``, cardinalities, ``and``, ``or``, ``not``, ``oneOf``; property hierarchies, inverses,
characteristics, domains, ranges and chains; ``AllDisjointClasses``; class assertions; axiom
annotations through ``owl:Axiom``). A triple it cannot place raises :class:`OwlModelError`
instead of being dropped silently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

__all__ = [
    "KINDS",
    "Annotation",
    "AnnotationIndex",
    "Axiom",
    "ClassExpression",
    "Complement",
    "Inverse",
    "Junction",
    "OneOf",
    "Ontology",
    "OwlModelError",
    "Restriction",
    "iter_named",
    "read_ontology",
]


class OwlModelError(ValueError):
    """The graph holds a construct the structural reader does not understand."""


@dataclass(frozen=True)
class Annotation:
    """An annotation (on an entity, an axiom or the ontology): property and value."""

    prop: URIRef
    value: Node


@dataclass(frozen=True)
class Inverse:
    """``ObjectInverseOf(prop)``."""

    prop: URIRef


@dataclass(frozen=True)
class Restriction:
    """A property restriction; ``kind`` is some|only|value|min|max|exact|self."""

    kind: str
    prop: URIRef | Inverse
    filler: ClassExpression | Node | None = None
    cardinality: int | None = None


@dataclass(frozen=True)
class Junction:
    """``ObjectIntersectionOf`` (kind ``and``) or ``ObjectUnionOf`` (kind ``or``)."""

    kind: str
    operands: tuple[ClassExpression, ...]


@dataclass(frozen=True)
class Complement:
    """``ObjectComplementOf(operand)``."""

    operand: ClassExpression


@dataclass(frozen=True)
class OneOf:
    """``ObjectOneOf(individuals…)``."""

    individuals: tuple[URIRef, ...]


ClassExpression = URIRef | Restriction | Junction | Complement | OneOf


@dataclass(frozen=True)
class Axiom:
    """One OWL axiom in structural form.

    ``kind`` is the functional-syntax name (SubClassOf, EquivalentClasses, DisjointClasses,
    AnnotationAssertion, ClassAssertion, SubObjectPropertyOf, …); ``args`` its arguments in order;
    ``annotations`` the axiom annotations.
    """

    kind: str
    args: tuple[object, ...]
    annotations: tuple[Annotation, ...] = ()


#: rdf:type → declaration kind in functional syntax
KINDS: dict[URIRef, str] = {
    OWL.Class: "Class",
    OWL.ObjectProperty: "ObjectProperty",
    OWL.DatatypeProperty: "DataProperty",
    OWL.AnnotationProperty: "AnnotationProperty",
    OWL.NamedIndividual: "NamedIndividual",
    RDFS.Datatype: "Datatype",
}
_CHARACTERISTICS = {
    OWL.TransitiveProperty: "TransitiveObjectProperty",
    OWL.SymmetricProperty: "SymmetricObjectProperty",
    OWL.AsymmetricProperty: "AsymmetricObjectProperty",
    OWL.ReflexiveProperty: "ReflexiveObjectProperty",
    OWL.IrreflexiveProperty: "IrreflexiveObjectProperty",
    OWL.FunctionalProperty: "FunctionalObjectProperty",
    OWL.InverseFunctionalProperty: "InverseFunctionalObjectProperty",
}
_RESTRICTION_KINDS = {
    OWL.someValuesFrom: "some",
    OWL.allValuesFrom: "only",
    OWL.hasValue: "value",
}
_CARDINALITIES = {
    OWL.minQualifiedCardinality: "min",
    OWL.maxQualifiedCardinality: "max",
    OWL.qualifiedCardinality: "exact",
    OWL.minCardinality: "min",
    OWL.maxCardinality: "max",
    OWL.cardinality: "exact",
}
_AXIOM_VOCAB = {RDF.type, OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget}


@dataclass
class Ontology:
    """An ontology as IRI, version IRI, imports, annotations, declarations and axioms."""

    iri: URIRef | None
    version_iri: URIRef | None = None
    imports: list[URIRef] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    declarations: dict[URIRef, set[str]] = field(default_factory=lambda: defaultdict(set))
    axioms: list[Axiom] = field(default_factory=list)

    def entities(self, kind: str) -> list[URIRef]:
        """The entities declared as ``kind`` (Class, ObjectProperty, …), sorted by IRI."""
        return sorted(iri for iri, kinds in self.declarations.items() if kind in kinds)

    def axioms_of(self, kind: str, first: Node | None = None) -> Iterator[Axiom]:
        """Axioms of ``kind``, optionally only those whose first argument is ``first``."""
        return (a for a in self.axioms if a.kind == kind and (first is None or a.args[0] == first))


def _sort_key(node: object) -> tuple[int, str]:
    return (1 if isinstance(node, BNode) else 0, str(node))


class _Reader:
    def __init__(self, graph: Graph) -> None:
        self.g = graph
        self.axiom_annotations: dict[tuple[Node, Node, Node], list[Annotation]] = defaultdict(list)
        self.consumed: set[BNode] = set()

    # -- expressions -----------------------------------------------------------------------
    def rdf_list(self, head: Node | None) -> list[Node]:
        items: list[Node] = []
        while head != RDF.nil:
            if not isinstance(head, BNode):
                raise OwlModelError(f"malformed rdf:List at {head}")
            self.consumed.add(head)
            first = self.g.value(head, RDF.first)
            rest = self.g.value(head, RDF.rest)
            if first is None or rest is None:
                raise OwlModelError(f"malformed rdf:List at {head}")
            items.append(first)
            head = rest
        return items

    def prop(self, node: Node) -> URIRef | Inverse:
        if isinstance(node, URIRef):
            return node
        inverse = self.g.value(node, OWL.inverseOf)
        if isinstance(node, BNode) and isinstance(inverse, URIRef):
            self.consumed.add(node)
            return Inverse(inverse)
        raise OwlModelError(f"unsupported property expression {node}")

    def expr(self, node: Node) -> ClassExpression:
        if isinstance(node, URIRef):
            return node
        if not isinstance(node, BNode):
            raise OwlModelError(f"not a class expression: {node!r}")
        self.consumed.add(node)
        g = self.g
        on_property = g.value(node, OWL.onProperty)
        if on_property is not None:
            prop = self.prop(on_property)
            for predicate, kind in _RESTRICTION_KINDS.items():
                filler = g.value(node, predicate)
                if filler is not None:
                    return Restriction(kind, prop, filler if kind == "value" else self.expr(filler))
            for predicate, kind in _CARDINALITIES.items():
                number = g.value(node, predicate)
                if number is not None:
                    qualifier = g.value(node, OWL.onClass)
                    return Restriction(kind, prop, self.expr(qualifier) if qualifier is not None else None, int(str(number)))
            if g.value(node, OWL.hasSelf) is not None:
                return Restriction("self", prop)
            raise OwlModelError(f"unsupported restriction {node}")
        for predicate, kind in ((OWL.intersectionOf, "and"), (OWL.unionOf, "or")):
            head = g.value(node, predicate)
            if head is not None:
                return Junction(kind, tuple(self.expr(item) for item in self.rdf_list(head)))
        complement = g.value(node, OWL.complementOf)
        if complement is not None:
            return Complement(self.expr(complement))
        one_of = g.value(node, OWL.oneOf)
        if one_of is not None:
            return OneOf(tuple(URIRef(str(i)) for i in self.rdf_list(one_of)))
        raise OwlModelError(f"unsupported class expression {node}")

    # -- axioms ----------------------------------------------------------------------------
    def collect_axiom_annotations(self) -> None:
        for ax in self.g.subjects(RDF.type, OWL.Axiom):
            source = self.g.value(ax, OWL.annotatedSource)
            prop = self.g.value(ax, OWL.annotatedProperty)
            target = self.g.value(ax, OWL.annotatedTarget)
            if source is None or prop is None or target is None:
                raise OwlModelError(f"owl:Axiom {ax} lacks its annotated source, property or target")
            if isinstance(ax, BNode):
                self.consumed.add(ax)
            for p, o in sorted(self.g.predicate_objects(ax), key=lambda po: (str(po[0]), _sort_key(po[1]))):
                if p not in _AXIOM_VOCAB:
                    self.axiom_annotations[(source, prop, target)].append(Annotation(URIRef(str(p)), o))

    def annotations_on(self, s: Node, p: Node, o: Node) -> tuple[Annotation, ...]:
        return tuple(self.axiom_annotations.get((s, p, o), ()))

    def run(self) -> Ontology:
        g = self.g
        self.collect_axiom_annotations()
        ontologies = sorted(g.subjects(RDF.type, OWL.Ontology), key=_sort_key)
        ont = Ontology(iri=URIRef(str(ontologies[0])) if ontologies else None)
        declared: dict[URIRef, set[str]] = ont.declarations
        for s, o in g.subject_objects(RDF.type):
            if isinstance(s, URIRef) and o in KINDS:
                declared[s].add(KINDS[URIRef(str(o))])
        object_props = {p for p, kinds in declared.items() if "ObjectProperty" in kinds}
        data_props = {p for p, kinds in declared.items() if "DataProperty" in kinds}
        axioms: list[Axiom] = []

        def add(kind: str, s: Node, p: Node, o: Node, *args: object) -> None:
            axioms.append(Axiom(kind, args, self.annotations_on(s, p, o)))

        for s in sorted({s for s in g.subjects() if isinstance(s, URIRef)}, key=str):
            for p, o in sorted(g.predicate_objects(s), key=lambda po: (str(po[0]), _sort_key(po[1]))):
                if s in ontologies:
                    if p == RDF.type:
                        continue
                    if p == OWL.versionIRI:
                        ont.version_iri = URIRef(str(o))
                    elif p == OWL.imports:
                        ont.imports.append(URIRef(str(o)))
                    else:
                        ont.annotations.append(Annotation(URIRef(str(p)), o))
                    continue
                if p == RDF.type:
                    if o in KINDS:
                        continue
                    if o in _CHARACTERISTICS:
                        kind = "FunctionalDataProperty" if s in data_props else _CHARACTERISTICS[URIRef(str(o))]
                        add(kind, s, p, o, s)
                    else:
                        add("ClassAssertion", s, p, o, self.expr(o), s)
                elif p == RDFS.subClassOf:
                    add("SubClassOf", s, p, o, s, self.expr(o))
                elif p == OWL.equivalentClass:
                    add("EquivalentClasses", s, p, o, s, self.expr(o))
                elif p == OWL.disjointWith:
                    add("DisjointClasses", s, p, o, s, self.expr(o))
                elif p == RDFS.subPropertyOf:
                    kind = "SubObjectPropertyOf" if s in object_props else "SubDataPropertyOf" if s in data_props else "SubAnnotationPropertyOf"
                    add(kind, s, p, o, s, o)
                elif p == OWL.inverseOf:
                    add("InverseObjectProperties", s, p, o, s, o)
                elif p == OWL.propertyChainAxiom:
                    add("SubObjectPropertyOf", s, p, o, tuple(self.prop(i) for i in self.rdf_list(o)), s)
                elif p in (RDFS.domain, RDFS.range):
                    side = "Domain" if p == RDFS.domain else "Range"
                    if s in object_props:
                        add(f"ObjectProperty{side}", s, p, o, s, self.expr(o))
                    elif s in data_props:
                        add(f"DataProperty{side}", s, p, o, s, o)
                    else:
                        add(f"AnnotationProperty{side}", s, p, o, s, o)
                elif p in object_props and isinstance(o, URIRef):
                    add("ObjectPropertyAssertion", s, p, o, p, s, o)
                elif p in data_props:
                    add("DataPropertyAssertion", s, p, o, p, s, o)
                elif isinstance(o, BNode):
                    raise OwlModelError(f"annotation {p} on {s} has a blank-node value")
                else:
                    add("AnnotationAssertion", s, p, o, p, s, o)
        for node in sorted(g.subjects(RDF.type, OWL.AllDisjointClasses), key=_sort_key):
            members = tuple(self.expr(m) for m in self.rdf_list(g.value(node, OWL.members)))
            notes = tuple(
                Annotation(URIRef(str(p)), o)
                for p, o in sorted(g.predicate_objects(node), key=lambda po: (str(po[0]), _sort_key(po[1])))
                if p not in (RDF.type, OWL.members)
            )
            if isinstance(node, BNode):
                self.consumed.add(node)
            axioms.append(Axiom("DisjointClasses", members, notes))
        leftover = sorted((s for s in g.subjects() if isinstance(s, BNode) and s not in self.consumed), key=str)
        if leftover:
            raise OwlModelError(f"blank node {leftover[0]} is not part of any OWL construct the reader knows")
        ont.axioms = axioms
        return ont


def read_ontology(graph: Graph) -> Ontology:
    """The ontology in ``graph`` as structural axioms; :class:`OwlModelError` on unknown constructs."""
    return _Reader(graph).run()


def iter_named(expr: object) -> Iterable[URIRef]:
    """Every named class, property or individual inside a class expression."""
    if isinstance(expr, URIRef):
        yield expr
    elif isinstance(expr, Restriction):
        yield from iter_named(expr.prop.prop if isinstance(expr.prop, Inverse) else expr.prop)
        if expr.filler is not None:
            yield from iter_named(expr.filler)
    elif isinstance(expr, Junction):
        for operand in expr.operands:
            yield from iter_named(operand)
    elif isinstance(expr, Complement):
        yield from iter_named(expr.operand)
    elif isinstance(expr, OneOf):
        yield from expr.individuals


class AnnotationIndex:
    """Annotation values per entity and property, with their axiom annotations."""

    def __init__(self, ont: Ontology) -> None:
        self.values: dict[Node, dict[str, list[tuple[Node, tuple[Annotation, ...]]]]] = defaultdict(lambda: defaultdict(list))
        for ax in ont.axioms:
            if ax.kind == "AnnotationAssertion":
                subject, value = cast(Node, ax.args[1]), cast(Node, ax.args[2])
                self.values[subject][str(ax.args[0])].append((value, ax.annotations))

    def get(self, entity: Node, prop: str) -> list[tuple[Node, tuple[Annotation, ...]]]:
        """Every value of ``prop`` on ``entity``, with its axiom annotations."""
        return self.values.get(entity, {}).get(prop, [])

    def text(self, entity: Node, prop: str, lang: str = "en") -> tuple[str, tuple[Annotation, ...]] | None:
        """The first ``lang`` literal of ``prop`` on ``entity`` (untagged counts as English)."""
        for value, notes in self.get(entity, prop):
            if isinstance(value, Literal) and (value.language or "en") == lang:
                return str(value), notes
        return None

    def label(self, entity: Node) -> str | None:
        """The English label of ``entity``, if any."""
        found = self.text(entity, str(RDFS.label))
        return found[0] if found else None
