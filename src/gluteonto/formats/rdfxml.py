"""Deterministic RDF/XML writer in the typed-node style the OWL API (Protégé, ROBOT) writes.

Each named resource is one element named after its OWL type (``<owl:Class rdf:about=…>``), blank
nodes used once are nested where they are used (restrictions inside ``rdfs:subClassOf``, lists as
``rdf:parseType="Collection"``), a blank node used twice (a restriction and the ``owl:Axiom`` that
annotates it) keeps an ``rdf:nodeID``. Subjects and statements are sorted, so the same graph always
gives the same bytes. Parsers that expect this layout (pronto, many RDF/XML-only OWL readers) read
it, and it is the same RDF graph as the Turtle release.
"""

from __future__ import annotations

from collections import Counter
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from ..vocab import PREFIXES

__all__ = ["XML_NAMESPACES", "to_rdfxml"]

#: Namespace declarations of every RDF/XML file (prefix → namespace); GLUTEONTO is the project's
#: term prefix (its local names start with digits, so it names no element, but it registers the
#: CURIE prefix for tools that read the file's prefix map).
XML_NAMESPACES: dict[str, str] = {
    prefix: PREFIXES[prefix] for prefix in ("GLUTEONTO", "dcterms", "obo", "oboInOwl", "owl", "rdf", "rdfs", "skos", "xsd")
}
_PREFIX_OF = {ns: prefix for prefix, ns in XML_NAMESPACES.items() if prefix != "GLUTEONTO"}

#: Element names for typed nodes, in order of preference when a node has several types.
_TYPE_ORDER = [
    OWL.Ontology,
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
    OWL.Restriction,
    OWL.Axiom,
    OWL.AllDisjointClasses,
    RDFS.Datatype,
]
_TYPE_RANK = {t: i for i, t in enumerate(_TYPE_ORDER)}
#: Order of the top-level elements: ontology, annotation/object/data properties, classes, individuals.
_SECTION = {OWL.Ontology: 0, OWL.AnnotationProperty: 1, OWL.ObjectProperty: 2, OWL.DatatypeProperty: 3, OWL.Class: 4, OWL.NamedIndividual: 5}


def _split(iri: str) -> tuple[str, str]:
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    return iri[:cut], iri[cut:]


def _object_key(node: Node) -> tuple[int, str, str, str]:
    """IRIs, blank nodes, then literals; English literals first, since single-label readers keep the first."""
    if isinstance(node, Literal):
        lang = node.language or ""
        return (2, "" if lang == "en" else f"~{lang}", str(node), str(node.datatype or ""))
    return (1 if isinstance(node, BNode) else 0, str(node), "", "")


class _Writer:
    def __init__(self, graph: Graph) -> None:
        self.g = graph
        self.uses = Counter(o for o in graph.objects() if isinstance(o, BNode))
        self.written: set[BNode] = set()
        self.lines: list[str] = []

    def tag(self, iri: URIRef) -> tuple[str, str]:
        """Element name and any local namespace declaration it needs."""
        ns, local = _split(str(iri))
        if ns in _PREFIX_OF and local:
            return f"{_PREFIX_OF[ns]}:{local}", ""
        if not local:
            raise ValueError(f"cannot write {iri} as an RDF/XML property element")
        return local, f" xmlns={quoteattr(ns)}"

    def element_type(self, node: Node) -> URIRef | None:
        types = [URIRef(str(t)) for t in self.g.objects(node, RDF.type) if t in _TYPE_RANK]
        return min(types, key=lambda t: _TYPE_RANK[t]) if types else None

    def is_list(self, node: Node) -> bool:
        """A well-formed rdf:List whose cells are used only by the list itself."""
        while node != RDF.nil:
            if not isinstance(node, BNode) or self.uses[node] != 1 or node in self.written:
                return False
            if set(self.g.predicates(node)) != {RDF.first, RDF.rest}:
                return False
            if len(list(self.g.objects(node, RDF.first))) != 1 or len(list(self.g.objects(node, RDF.rest))) != 1:
                return False
            node = self.g.value(node, RDF.rest) or RDF.nil
        return True

    def node(self, subject: Node, indent: str, nested: bool) -> None:
        """Write ``subject`` as a (typed) node element with its statements."""
        kind = self.element_type(subject)
        name = self.tag(kind)[0] if kind is not None else "rdf:Description"
        if isinstance(subject, URIRef):
            ident = f" rdf:about={quoteattr(str(subject))}"
        elif not nested or self.uses[BNode(str(subject))] > 1:
            ident = f" rdf:nodeID={quoteattr(str(subject))}"
        else:
            ident = ""
        if isinstance(subject, BNode):
            self.written.add(subject)
        statements = sorted(
            ((p, o) for p, o in self.g.predicate_objects(subject) if not (p == RDF.type and o == kind)),
            key=lambda po: (str(po[0]), _object_key(po[1])),
        )
        if not statements:
            self.lines.append(f"{indent}<{name}{ident}/>")
            return
        self.lines.append(f"{indent}<{name}{ident}>")
        for predicate, obj in statements:
            self.statement(URIRef(str(predicate)), obj, indent + "    ")
        self.lines.append(f"{indent}</{name}>")

    def statement(self, predicate: URIRef, obj: Node, indent: str) -> None:
        name, xmlns = self.tag(predicate)
        if isinstance(obj, URIRef):
            self.lines.append(f"{indent}<{name}{xmlns} rdf:resource={quoteattr(str(obj))}/>")
        elif isinstance(obj, Literal):
            attr = ""
            if obj.language:
                attr = f" xml:lang={quoteattr(obj.language)}"
            elif obj.datatype:
                attr = f" rdf:datatype={quoteattr(str(obj.datatype))}"
            self.lines.append(f"{indent}<{name}{xmlns}{attr}>{escape(str(obj))}</{name}>")
        elif isinstance(obj, BNode) and obj not in self.written and self.uses[obj] == 1 and self.is_list(obj):
            self.lines.append(f'{indent}<{name}{xmlns} rdf:parseType="Collection">')
            cell: Node = obj
            while cell != RDF.nil:
                self.written.add(cell)  # type: ignore[arg-type]
                item = self.g.value(cell, RDF.first)
                if isinstance(item, BNode) and item not in self.written:
                    self.node(item, indent + "    ", nested=True)
                elif isinstance(item, (URIRef, BNode)):
                    attr = "rdf:about" if isinstance(item, URIRef) else "rdf:nodeID"
                    self.lines.append(f"{indent}    <rdf:Description {attr}={quoteattr(str(item))}/>")
                else:
                    raise ValueError(f"RDF/XML collections cannot hold the literal {item!r}")
                cell = self.g.value(cell, RDF.rest) or RDF.nil
            self.lines.append(f"{indent}</{name}>")
        elif isinstance(obj, BNode) and obj not in self.written:
            self.lines.append(f"{indent}<{name}{xmlns}>")
            self.node(obj, indent + "    ", nested=True)
            self.lines.append(f"{indent}</{name}>")
        else:
            self.lines.append(f"{indent}<{name}{xmlns} rdf:nodeID={quoteattr(str(obj))}/>")

    def root_key(self, node: BNode) -> tuple[int, str, str, tuple[int, str, str, str], str]:
        """Order of unreferenced blank nodes: by type, then annotated axioms by what they annotate,
        English targets last among the axioms on one statement (readers that keep the last
        annotated definition, such as pronto, then show the English one)."""
        kind = self.element_type(node)
        rank = _TYPE_RANK.get(kind, 99) if kind is not None else 99
        source, prop, target = (self.g.value(node, p) for p in (OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget))
        target_key: tuple[int, str, str, str] = (0, "", "", "")
        if isinstance(target, Literal):
            lang = target.language or ""
            target_key = (2, "~" if lang == "en" else lang, str(target), str(target.datatype or ""))
        elif target is not None:
            target_key = (1 if isinstance(target, BNode) else 0, str(target), "", "")
        return (rank, str(source or ""), str(prop or ""), target_key, str(node))

    def run(self) -> str:
        g = self.g
        named = {s for s in g.subjects() if isinstance(s, URIRef)}

        def section(subject: URIRef) -> tuple[int, str]:
            kind = self.element_type(subject)
            return (_SECTION.get(kind, 6) if kind is not None else 6, str(subject))

        self.lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
        for prefix, ns in XML_NAMESPACES.items():
            self.lines.append(f"     xmlns:{prefix}={quoteattr(ns)}")
        self.lines[-1] += ">"
        for subject in sorted(named, key=section):
            self.lines.append("")
            self.node(subject, "    ", nested=False)
        # Blank nodes nobody points to (axiom annotations, AllDisjointClasses); then any left over.
        roots = sorted((s for s in set(g.subjects()) if isinstance(s, BNode) and self.uses[s] == 0), key=self.root_key)
        for root in roots:
            self.lines.append("")
            self.node(root, "    ", nested=False)
        rest = sorted((s for s in set(g.subjects()) if isinstance(s, BNode) and s not in self.written), key=str)
        for leftover in rest:
            self.lines.append("")
            self.node(leftover, "    ", nested=False)
        self.lines.append("</rdf:RDF>")
        return "\n".join(self.lines) + "\n"


def to_rdfxml(graph: Graph) -> str:
    """Serialise ``graph`` as typed-node RDF/XML with a stable order of elements and statements."""
    return _Writer(graph).run()
