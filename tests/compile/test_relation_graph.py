"""The materialised relation graph: each closure rule on a small ontology, the release file, and its
edges against HermiT's entailments (a slow test)."""

from __future__ import annotations

import io

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from gluteonto.compile.relation_graph import materialise
from gluteonto.formats.rdfxml import to_rdfxml
from gluteonto.tools.reason import java_available

from ..helpers import ROOT

EX = "http://example.org/"
PART_OF = URIRef("http://purl.obolibrary.org/obo/BFO_0000050")


def _ex(name: str) -> URIRef:
    return URIRef(EX + name)


def _small() -> Graph:
    """finger ⊑ part_of some hand; hand ⊑ part_of some arm; arm ⊑ limb; index finger ⊑ finger;
    muscle ⊑ innervated_by some nerve; action ⊑ has_agent some muscle; has_agent ∘ part_of ⊑ has_agent;
    innervated_by ⊑ connected_to."""
    g = Graph()
    for c in ("finger", "index_finger", "hand", "arm", "limb", "muscle", "nerve", "action"):
        g.add((_ex(c), RDF.type, OWL.Class))
    for p in ("innervated_by", "connected_to", "has_agent"):
        g.add((_ex(p), RDF.type, OWL.ObjectProperty))
    g.add((PART_OF, RDF.type, OWL.ObjectProperty))
    g.add((PART_OF, RDF.type, OWL.TransitiveProperty))
    g.add((_ex("innervated_by"), RDFS.subPropertyOf, _ex("connected_to")))
    chain, rest = BNode(), BNode()
    g.add((_ex("has_agent"), OWL.propertyChainAxiom, chain))
    g.add((chain, RDF.first, _ex("has_agent")))
    g.add((chain, RDF.rest, rest))
    g.add((rest, RDF.first, PART_OF))
    g.add((rest, RDF.rest, RDF.nil))
    for sub, prop, filler in (
        ("finger", PART_OF, "hand"),
        ("hand", PART_OF, "arm"),
        ("muscle", _ex("innervated_by"), "nerve"),
        ("action", _ex("has_agent"), "finger"),
    ):
        node = BNode()
        g.add((_ex(sub), RDFS.subClassOf, node))
        g.add((node, RDF.type, OWL.Restriction))
        g.add((node, OWL.onProperty, prop))
        g.add((node, OWL.someValuesFrom, _ex(filler)))
    g.add((_ex("arm"), RDFS.subClassOf, _ex("limb")))
    g.add((_ex("index_finger"), RDFS.subClassOf, _ex("finger")))
    return g


def test_each_closure_rule_adds_its_edges() -> None:
    edges = materialise(_small())
    assert (_ex("finger"), PART_OF, _ex("hand")) in edges  # asserted
    assert (_ex("index_finger"), PART_OF, _ex("hand")) in edges  # inherited down the subclass hierarchy
    assert (_ex("hand"), PART_OF, _ex("limb")) in edges  # up the filler hierarchy
    assert (_ex("finger"), PART_OF, _ex("arm")) in edges  # transitivity
    assert (_ex("index_finger"), PART_OF, _ex("limb")) in edges  # all three
    assert (_ex("muscle"), _ex("connected_to"), _ex("nerve")) in edges  # sub-property
    assert (_ex("action"), _ex("has_agent"), _ex("hand")) in edges  # has agent ∘ part of
    assert (_ex("action"), _ex("has_agent"), _ex("limb")) in edges
    # and nothing unentailed: no inverse edges, no edge from a superclass
    assert (_ex("hand"), PART_OF, _ex("finger")) not in edges
    assert not [e for e in edges if e[0] == _ex("limb")]
    assert (_ex("nerve"), _ex("innervated_by"), _ex("muscle")) not in edges


def test_release_file_holds_plain_triples_between_named_classes() -> None:
    graph = Graph().parse(ROOT / "ontology" / "gluteonto-relation-graph.ttl", format="turtle")
    ontology = Graph().parse(ROOT / "ontology" / "gluteonto.ttl", format="turtle")
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty))
    assert len(graph) > 1000
    for s, p, o in graph:
        assert s in classes and o in classes and p in properties, (s, p, o)
    gm = URIRef("https://w3id.org/gluteonto/GLUTEONTO_0000004")
    sgn = URIRef("https://w3id.org/gluteonto/GLUTEONTO_0000062")
    assert (gm, URIRef("http://purl.obolibrary.org/obo/RO_0002005"), sgn) in graph  # innervated by (asserted)


def _el_view(graph: Graph) -> Graph:
    """The ontology without what relation-graph's rules do not read (universal restrictions, existentials
    on unions or nested expressions, disjointness) and without its equivalences: what HermiT entails
    from it, the rules must find."""
    out = Graph()
    for s, p, o in graph:
        out.add((s, p, o))
    dropped: set[tuple[Node, URIRef, Node]] = {
        (s, RDFS.subClassOf, o)
        for s, o in graph.subject_objects(RDFS.subClassOf)
        if isinstance(o, BNode) and not isinstance(graph.value(o, OWL.someValuesFrom), URIRef)
    }
    dropped |= {(s, OWL.equivalentClass, o) for s, o in graph.subject_objects(OWL.equivalentClass)}  # (fewer entailments)
    for triple in dropped:
        out.remove(triple)
    for ax in graph.subjects(RDF.type, OWL.Axiom):  # the axiom annotations would restate a dropped axiom
        if (graph.value(ax, OWL.annotatedSource), graph.value(ax, OWL.annotatedProperty), graph.value(ax, OWL.annotatedTarget)) in dropped:
            out.remove((ax, None, None))
    for node in list(graph.subjects(RDF.type, OWL.AllDisjointClasses)):
        out.remove((node, RDF.type, OWL.AllDisjointClasses))
    return out


def _hermit_edges(graph: Graph, subjects: list[URIRef], pairs: list[tuple[URIRef, URIRef]]) -> set[tuple[URIRef, URIRef, URIRef]]:
    """(C, R, D) for each subject C and (R, D) with C ⊑ R some D, asked of HermiT through defined query classes."""
    import owlready2

    query = Graph()
    for s, p, o in graph:
        query.add((s, p, o))
    names = {}
    for index, (prop, filler) in enumerate(pairs):
        name = URIRef(f"{EX}Q{index:05d}")
        restriction = BNode(f"q{index:05d}")
        query.add((name, RDF.type, OWL.Class))
        query.add((name, RDFS.label, Literal(f"Q{index}")))
        query.add((restriction, RDF.type, OWL.Restriction))
        query.add((restriction, OWL.onProperty, prop))
        query.add((restriction, OWL.someValuesFrom, filler))
        query.add((name, OWL.equivalentClass, restriction))
        names[str(name)] = (prop, filler)
    world = owlready2.World()
    onto = world.get_ontology("http://example.org/query.owl").load(fileobj=io.BytesIO(to_rdfxml(query).encode()), format="rdfxml")
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    found = set()
    for subject in subjects:
        cls = world[str(subject)]
        for ancestor in cls.ancestors():
            if ancestor.iri in names:
                found.add((subject, *names[ancestor.iri]))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not java_available(), reason="HermiT needs Java")
def test_relation_graph_edges_are_hermits_entailments() -> None:
    """For a sample of subjects and every (relation, filler) pair the graph uses: each edge is entailed by the
    ontology (sound), and every edge HermiT entails from the ontology's EL part is in the graph (complete)."""
    full = Graph().parse(ROOT / "ontology" / "gluteonto-full.owl", format="xml")
    edges = {
        (s, p, o)
        for s, p, o in Graph().parse(ROOT / "ontology" / "gluteonto-relation-graph.ttl", format="turtle")
        if isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef)
    }
    glut = "https://w3id.org/gluteonto/GLUTEONTO_"
    subjects = [URIRef(glut + n) for n in ("0000004", "0000005", "0000062", "0000212", "0000214", "0000084", "0000419")]
    pairs = sorted({(p, o) for s, p, o in edges if s in subjects})
    pairs += sorted({(p, o) for s, p, o in edges if s not in subjects} - set(pairs))[:150]  # relations these subjects lack
    sample = {e for e in edges if e[0] in subjects and (e[1], e[2]) in set(pairs)}
    assert len(sample) > 40
    entailed = _hermit_edges(full, subjects, pairs)
    assert sample <= entailed, sorted(sample - entailed)[:5]
    el_entailed = _hermit_edges(_el_view(full), subjects, pairs)
    assert el_entailed <= sample, sorted(el_entailed - sample)[:5]
