"""The ODK release variants written beside the main release: base, full, simple and basic.

Each variant is the main (English) release graph filtered (and, for ``full``, extended by the
reasoner), under its own ontology IRI ``…/gluteonto-<variant>.owl`` and dated version IRI
``…/releases/<version>/gluteonto-<variant>.owl``:

* **base**: the ontology's own axioms: everything about GLUTEONTO entities (and the information
  resources they cite); entities from other ontologies (RO/BFO relations, annotation properties of
  Dublin Core, SKOS, IAO, oboInOwl) keep only their declarations;
* **full**: the main release with the reasoner's inferred named subclass axioms asserted (HermiT
  through owlready2, direct superclasses only, sorted, so the file is the same every build);
* **simple**: from full, only ``A SubClassOf B`` and ``A SubClassOf R some B`` between named
  classes, the object property hierarchy, the classes of the named individuals (the information
  resources the sources cite), and every entity's annotations with their axiom annotations (as the
  ODK's simple variant keeps them: ROBOT's filter keeps an axiom whole);
* **basic**: from simple, only ``is_a`` and ``part of`` (BFO:0000050), for legacy OBO tools; also
  written as OBO 1.4 (``gluteonto-basic.obo``).

Every variant keeps the declaration of the ontology's synonym types (``rdfs:subPropertyOf
oboInOwl:SynonymTypeProperty``).

Blank nodes keep the compiler's labels; those only reachable from removed statements are removed
with them, so every variant is complete OWL 2 (no dangling restriction or list).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from ..vocab import BASE, ONTOLOGY_IRI, bind_prefixes, version_iri

__all__ = ["VARIANTS", "PART_OF", "variant_iri", "base_variant", "full_variant", "simple_variant", "basic_variant", "inferred_subclasses"]

VARIANTS = ("base", "full", "simple", "basic")
PART_OF = URIRef("http://purl.obolibrary.org/obo/BFO_0000050")
_OWN = BASE + "GLUTEONTO_"
_DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.AnnotationProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
#: the ontology's own synonym types (``…/obo/gluteonto#LATIN``), declared sub-properties of this one
_SYNONYM_TYPE_PROPERTY = URIRef("http://www.geneontology.org/formats/oboInOwl#SynonymTypeProperty")

#: is the triple ``(s, p, o)`` (IRI subject) kept?  Receives the graph for looking at blank-node objects.
Keep = Callable[[Graph, URIRef, URIRef, Node], bool]


def variant_iri(variant: str) -> URIRef:
    """The ontology IRI of a variant (``https://w3id.org/gluteonto/gluteonto-base.owl``)."""
    return URIRef(f"{BASE}gluteonto-{variant}.owl")


def _reachable(graph: Graph, roots: Iterable[Node]) -> set[BNode]:
    seen: set[BNode] = set()
    todo = [r for r in roots if isinstance(r, BNode)]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(o for o in graph.objects(node) if isinstance(o, BNode) and o not in seen)
    return seen


def _filtered(graph: Graph, variant: str, keep: Keep, version: str, *, disjointness: bool) -> Graph:
    """The statements of ``graph`` that ``keep`` accepts, their blank-node structures and the axiom
    annotations of the kept statements (and the disjointness axioms if ``disjointness``), under the
    variant's header."""
    out = bind_prefixes(Graph())
    headers = set(graph.subjects(RDF.type, OWL.Ontology))
    kept: set[tuple[Node, Node, Node]] = set()
    for s, p, o in graph:
        if s in headers:
            if p != OWL.versionIRI:
                out.add((variant_iri(variant), p, o))
            continue
        if isinstance(s, URIRef) and keep(graph, s, URIRef(str(p)), o):
            kept.add((s, p, o))
    roots: list[Node] = [o for _s, _p, o in kept]
    axioms = []
    for ax in graph.subjects(RDF.type, OWL.Axiom):
        target = (graph.value(ax, OWL.annotatedSource), graph.value(ax, OWL.annotatedProperty), graph.value(ax, OWL.annotatedTarget))
        if target in kept:
            axioms.append(ax)
    if disjointness:
        axioms.extend(graph.subjects(RDF.type, OWL.AllDisjointClasses))
    reachable = _reachable(graph, [*roots, *axioms])
    for triple in kept:
        out.add(triple)
    for node in reachable:
        for p, o in graph.predicate_objects(node):
            out.add((node, p, o))
    out.add((variant_iri(variant), OWL.versionIRI, version_iri(version, f"gluteonto-{variant}.owl")))
    return out


def _is_annotation(graph: Graph, p: URIRef, o: Node) -> bool:
    return not isinstance(o, BNode) and (
        p in (RDFS.label, RDFS.comment, RDFS.isDefinedBy, RDFS.seeAlso) or (p, RDF.type, OWL.AnnotationProperty) in graph
    )


def _own(s: URIRef) -> bool:
    return str(s).startswith(_OWN)


def _synonym_type_declaration(p: URIRef, o: Node) -> bool:
    """Is ``(s, p, o)`` the declaration of a synonym type (``rdfs:subPropertyOf oboInOwl:SynonymTypeProperty``)?
    Every variant keeps it, as OBO tools (and ROBOT's ``missing_synonymtype_declaration`` check) need it."""
    return p == RDFS.subPropertyOf and o == _SYNONYM_TYPE_PROPERTY


def _class_assertion(g: Graph, s: URIRef, p: URIRef, o: Node) -> bool:
    """Is ``(s, p, o)`` the class of a named individual (the information resources the sources point to)?"""
    return p == RDF.type and isinstance(o, URIRef) and o not in _DECLARATION_TYPES and (s, RDF.type, OWL.NamedIndividual) in g


def base_variant(graph: Graph, version: str) -> Graph:
    """The ontology's own axioms: external entities keep only their declarations."""

    def keep(g: Graph, s: URIRef, p: URIRef, o: Node) -> bool:
        if _own(s) or (s, RDF.type, OWL.NamedIndividual) in g or _synonym_type_declaration(p, o):
            return True
        return p == RDF.type and o in _DECLARATION_TYPES

    return _filtered(graph, "base", keep, version, disjointness=True)


def _some_named(graph: Graph, node: Node) -> tuple[URIRef, URIRef] | None:
    """(property, filler) of ``node`` when it is ``R some B`` with R and B named."""
    if not isinstance(node, BNode) or (node, RDF.type, OWL.Restriction) not in graph:
        return None
    prop, filler = graph.value(node, OWL.onProperty), graph.value(node, OWL.someValuesFrom)
    if isinstance(prop, URIRef) and isinstance(filler, URIRef) and set(graph.predicates(node)) == {RDF.type, OWL.onProperty, OWL.someValuesFrom}:
        return prop, filler
    return None


def inferred_subclasses(owl_text: str) -> list[tuple[URIRef, URIRef]]:
    """Named (subclass, direct superclass) pairs HermiT infers for the RDF/XML ontology ``owl_text`` that it does
    not assert, sorted. Needs owlready2 and Java."""
    import io

    import owlready2

    world = owlready2.World()
    onto = world.get_ontology(ONTOLOGY_IRI).load(fileobj=io.BytesIO(owl_text.encode("utf-8")), format="rdfxml")

    def named_parents() -> set[tuple[str, str]]:
        return {(c.iri, p.iri) for c in onto.classes() for p in c.is_a if isinstance(p, owlready2.ThingClass)}

    asserted = named_parents()
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return sorted((URIRef(c), URIRef(p)) for c, p in named_parents() - asserted if p != str(OWL.Thing))


def full_variant(graph: Graph, inferred: Iterable[tuple[URIRef, URIRef]], version: str) -> Graph:
    """The main release with the reasoner's inferred subclass axioms asserted."""
    out = _filtered(graph, "full", lambda g, s, p, o: True, version, disjointness=True)
    for sub, sup in inferred:
        out.add((sub, RDFS.subClassOf, sup))
    return out


def simple_variant(full: Graph, version: str) -> Graph:
    """Only named ``A SubClassOf B`` / ``A SubClassOf R some B``, the property hierarchy and the annotations."""

    def keep(g: Graph, s: URIRef, p: URIRef, o: Node) -> bool:
        if p == RDF.type:
            return o in _DECLARATION_TYPES or o in (OWL.TransitiveProperty, OWL.SymmetricProperty) or _class_assertion(g, s, p, o)
        if p == RDFS.subClassOf:
            return isinstance(o, URIRef) or _some_named(g, o) is not None
        if p in (RDFS.subPropertyOf, OWL.inverseOf):
            return isinstance(o, URIRef)
        return _is_annotation(g, p, o)

    return _filtered(full, "simple", keep, version, disjointness=False)


def basic_variant(simple: Graph, version: str) -> Graph:
    """Only ``is_a`` and ``part of`` between named classes (and the annotations), for legacy OBO tools."""

    def used_property(g: Graph, s: URIRef) -> bool:
        return (s, RDF.type, OWL.ObjectProperty) not in g or s == PART_OF

    def keep(g: Graph, s: URIRef, p: URIRef, o: Node) -> bool:
        if not used_property(g, s):
            return False
        if p == RDFS.subClassOf and isinstance(o, BNode):
            some = _some_named(g, o)
            return some is not None and some[0] == PART_OF
        if p in (RDFS.subPropertyOf, OWL.inverseOf):
            return _synonym_type_declaration(p, o)
        return True

    return _filtered(simple, "basic", keep, version, disjointness=False)
