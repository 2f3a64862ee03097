"""Compile the editable ontology source (``ontology/source/gluteonto-edit.yaml``) into OWL 2 RDF graphs.

The source keys every term by a readable key; this module turns it into OWL 2 DL axioms:
``is_a`` into ``rdfs:subClassOf``, ``rel`` into existential restrictions, ``equiv`` into
defined classes, each logical axiom and each definition carrying ``dcterms:source`` provenance
as an OWL axiom annotation. Blank-node ids are derived from the source order, so the same source
always yields the same serialisation.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef

from ..vocab import (
    DCTERMS,
    GLUT,
    IAO_DEFINITION,
    OBOINOWL,
    ONTOLOGY_IRI,
    OWL,
    PREFIXES,
    RDF,
    RDFS,
    SKOS,
    XSD,
    expand_curie,
)
from .source import OntologySource, SourceError

__all__ = ["compile_ontology", "bind_prefixes"]

LANGS_REQUIRED = ("en", "nb")
MATCH_PREDICATES = {
    "exact": SKOS.exactMatch,
    "close": SKOS.closeMatch,
    "broad": SKOS.broadMatch,
    "narrow": SKOS.narrowMatch,
    "related": SKOS.relatedMatch,
}
#: Prefixes whose identifiers have a resolvable IRI form (others stay xref strings only).
IRI_FORM_PREFIXES = ("UBERON", "FMA", "HP", "MONDO")
TRAITS = {
    "transitive": OWL.TransitiveProperty,
    "symmetric": OWL.SymmetricProperty,
}
EXTRA_ANNOTATIONS = {
    "purpose": GLUT["0000990"],
    "execution": GLUT["0000991"],
    "evidence": GLUT["0000992"],
    "variation": GLUT["0000994"],
    "comment": RDFS.comment,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (used for every serialisation)."""
    for prefix, namespace in PREFIXES.items():
        if prefix in ("glut", "sh", "obo"):
            continue
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


class _Compiler:
    def __init__(self, source: OntologySource) -> None:
        self.src = source
        self.g = bind_prefixes(Graph())
        self._bnodes = 0

    # -- helpers -------------------------------------------------------------------------
    def bnode(self) -> BNode:
        self._bnodes += 1
        return BNode(f"n{self._bnodes:05d}")

    def sources(self, keys: Iterable[str]) -> list[URIRef]:
        out = []
        for key in keys:
            if self.src.kinds.get(key) != "individual":
                raise SourceError(f"{key!r} is not a declared source")
            out.append(self.src.iri(key))
        return out

    def rdf_list(self, items: Sequence[Any]) -> BNode:
        """Write an rdf:List with deterministic blank nodes; return its head."""
        head = cell = self.bnode()
        for index, item in enumerate(items):
            self.g.add((cell, RDF.first, item))
            nxt = self.bnode() if index < len(items) - 1 else RDF.nil
            self.g.add((cell, RDF.rest, nxt))
            cell = nxt
        return head

    def annotate(self, s: URIRef, p: URIRef, o: Any, source_keys: Sequence[str]) -> None:
        """Assert ``s p o`` and reify it as an owl:Axiom carrying dcterms:source."""
        if not source_keys:
            raise SourceError(f"axiom {s} {p} {o} has no source")
        self.g.add((s, p, o))
        ax = self.bnode()
        self.g.add((ax, RDF.type, OWL.Axiom))
        self.g.add((ax, OWL.annotatedSource, s))
        self.g.add((ax, OWL.annotatedProperty, p))
        self.g.add((ax, OWL.annotatedTarget, o))
        for src in self.sources(source_keys):
            self.g.add((ax, DCTERMS.source, src))

    def class_expression(self, spec: Any) -> URIRef | BNode:
        """A class key, ``{or: [spec…]}`` (ObjectUnionOf) or ``{some: [property, spec]}``."""
        if isinstance(spec, str):
            if self.src.kinds.get(spec) != "class":
                raise SourceError(f"{spec!r} is not a declared class")
            return self.src.iri(spec)
        if isinstance(spec, Mapping) and set(spec) == {"or"} and len(spec["or"]) >= 2:
            node = self.bnode()
            self.g.add((node, RDF.type, OWL.Class))
            self.g.add((node, OWL.unionOf, self.rdf_list([self.class_expression(m) for m in spec["or"]])))
            return node
        if isinstance(spec, Mapping) and set(spec) == {"some"} and len(spec["some"]) == 2:
            return self.restriction(*spec["some"])
        raise SourceError(f"malformed class expression {spec!r}: use a class key, {{or: [...]}} or {{some: [property, filler]}}")

    def restriction(self, prop_key: str, filler: Any, quantifier: URIRef = OWL.someValuesFrom) -> BNode:
        if self.src.kinds.get(prop_key) != "property":
            raise SourceError(f"{prop_key!r} is not a declared property")
        target = self.class_expression(filler)
        node = self.bnode()
        self.g.add((node, RDF.type, OWL.Restriction))
        self.g.add((node, OWL.onProperty, self.src.iri(prop_key)))
        self.g.add((node, quantifier, target))
        return node

    def lang_literals(self, subject: URIRef, predicate: URIRef, values: Mapping[str, Any] | None) -> None:
        for lang, texts in (values or {}).items():
            for text in [texts] if isinstance(texts, str) else texts:
                self.g.add((subject, predicate, Literal(str(text).strip(), lang=lang)))

    # -- sections ------------------------------------------------------------------------
    def header(self) -> None:
        meta = self.src.data["ontology"]
        ont = URIRef(ONTOLOGY_IRI)
        version = self.src.version
        g = self.g
        g.add((ont, RDF.type, OWL.Ontology))
        g.add((ont, OWL.versionIRI, URIRef(f"https://w3id.org/gluteonto/releases/{version}/gluteonto.owl")))
        g.add((ont, OWL.versionInfo, Literal(version)))
        self.lang_literals(ont, DCTERMS.title, meta["title"])
        self.lang_literals(ont, DCTERMS.description, meta["description"])
        self.lang_literals(ont, RDFS.comment, meta.get("comment"))
        g.add((ont, DCTERMS.license, URIRef(meta["license"])))
        for creator in meta["creators"]:
            g.add((ont, DCTERMS.creator, Literal(creator)))
        g.add((ont, DCTERMS.created, Literal(_dt.date.fromisoformat(str(meta["created"])), datatype=XSD.date)))
        g.add((ont, DCTERMS.modified, Literal(_dt.date.fromisoformat(version), datatype=XSD.date)))
        for key in meta.get("sources", []):
            g.add((ont, DCTERMS.source, self.src.iri(key)))
        # Annotation properties from outside vocabularies are declared so that OWL 2 DL parsers
        # (OWL API / Protégé) need not guess their type.
        for prop, label in (
            (DCTERMS.title, "title"), (DCTERMS.description, "description"), (DCTERMS.license, "license"),
            (DCTERMS.creator, "creator"), (DCTERMS.created, "created"), (DCTERMS.modified, "modified"),
            (DCTERMS.source, "source"), (DCTERMS.isPartOf, "is part of"),
            (DCTERMS.bibliographicCitation, "bibliographic citation"),
            (IAO_DEFINITION, "definition"), (OBOINOWL.hasDbXref, "database cross reference"),
            (OBOINOWL.hasExactSynonym, "has exact synonym"), (OBOINOWL.hasRelatedSynonym, "has related synonym"),
            (SKOS.exactMatch, "has exact match"),
            (SKOS.closeMatch, "has close match"), (SKOS.broadMatch, "has broader match"),
            (SKOS.narrowMatch, "has narrower match"), (SKOS.relatedMatch, "has related match"),
            (SKOS.editorialNote, "editorial note"), (SKOS.definition, "definition (SKOS)"),
        ):
            g.add((prop, RDF.type, OWL.AnnotationProperty))
            g.add((prop, RDFS.label, Literal(label, lang="en")))

    def entity_annotations(self, iri: URIRef, entry: Mapping[str, Any]) -> None:
        g = self.g
        labels = entry.get("label") or {}
        for lang in LANGS_REQUIRED:
            if lang not in labels:
                raise SourceError(f"{entry['key']!r} lacks a {lang} label")
        self.lang_literals(iri, RDFS.label, labels)
        self.lang_literals(iri, OBOINOWL.hasExactSynonym, entry.get("syn"))
        self.lang_literals(iri, OBOINOWL.hasRelatedSynonym, entry.get("rsyn"))
        if "iri" in entry:  # reused RO/BFO term: its own ontology defines it
            if any(k in entry for k in ("def", "src", "comment", "fma")):
                raise SourceError(f"{entry['key']!r} is reused from {entry['iri']}: give it labels and "
                                  "defined_by only; put definitions and notes on project terms")
            if "defined_by" not in entry:
                raise SourceError(f"{entry['key']!r} is reused: name its source ontology in defined_by")
            g.add((iri, RDFS.isDefinedBy, URIRef(entry["defined_by"])))
            return
        src_keys = entry.get("src") or []
        if not src_keys:
            raise SourceError(f"{entry['key']!r} has no src")
        for src in self.sources(src_keys):
            g.add((iri, DCTERMS.source, src))
        definition = entry.get("def") or {}
        for lang in LANGS_REQUIRED:
            if lang not in definition:
                raise SourceError(f"{entry['key']!r} lacks a {lang} definition")
        for lang, text in definition.items():
            text_literal = Literal(" ".join(str(text).split()), lang=lang)
            self.annotate(iri, IAO_DEFINITION, text_literal, src_keys)
            # the same text as skos:definition, which documentation tools (pyLODE, Widoco) show
            g.add((iri, SKOS.definition, text_literal))
        for xref in entry.get("xref", []):
            g.add((iri, OBOINOWL.hasDbXref, Literal(xref)))
        for kind, curies in (entry.get("map") or {}).items():
            for curie in curies:
                if curie.split(":")[0] in IRI_FORM_PREFIXES:
                    g.add((iri, MATCH_PREDICATES[kind], URIRef(expand_curie(curie))))
        if entry.get("none_found"):
            g.add((iri, SKOS.editorialNote, Literal(" ".join(entry["none_found"].split()), lang="en")))
        for name, prop in EXTRA_ANNOTATIONS.items():
            if name not in entry:
                continue
            ev_src = entry.get("evidence_src") if name == "evidence" else None
            for lang, text in entry[name].items():
                lit = Literal(" ".join(str(text).split()), lang=lang)
                if ev_src:
                    self.annotate(iri, prop, lit, ev_src)
                else:
                    g.add((iri, prop, lit))
        if "segment" in entry:
            g.add((iri, GLUT["0000993"], Literal(entry["segment"])))

    def individuals(self) -> None:
        g = self.g
        for entry in self.src.data.get("sources", []):
            iri = self.src.iri(entry["key"])
            g.add((iri, RDF.type, OWL.NamedIndividual))
            g.add((iri, RDF.type, self.src.iri(entry["type"])))
            self.lang_literals(iri, RDFS.label, entry["label"])
            self.lang_literals(iri, RDFS.comment, entry.get("comment"))
            if "part_of" in entry:
                g.add((iri, DCTERMS.isPartOf, self.src.iri(entry["part_of"])))
            if "citation" in entry:
                g.add((iri, DCTERMS.bibliographicCitation, Literal(entry["citation"])))

    def properties(self) -> None:
        g = self.g
        for entry in self.src.data.get("properties", []):
            iri = self.src.iri(entry["key"])
            kind = entry.get("kind", "object")
            g.add((iri, RDF.type, {"object": OWL.ObjectProperty, "annotation": OWL.AnnotationProperty,
                                   "datatype": OWL.DatatypeProperty}[kind]))
            self.entity_annotations(iri, entry)
            for trait in entry.get("traits", []):
                g.add((iri, RDF.type, TRAITS[trait]))
            for parent in entry.get("super", []):
                g.add((iri, RDFS.subPropertyOf, self.src.iri(parent)))
            if "inverse" in entry:
                g.add((iri, OWL.inverseOf, self.src.iri(entry["inverse"])))
            if "fma" in entry:
                g.add((iri, SKOS.closeMatch, URIRef(entry["fma"])))
            if "range" in entry:
                g.add((iri, RDFS.range, URIRef(expand_curie(entry["range"]))))
            for chain in entry.get("chain", []):
                if len(chain) < 2 or any(self.src.kinds.get(k) != "property" for k in chain):
                    raise SourceError(f"{entry['key']!r}: a property chain needs two or more declared properties")
                g.add((iri, OWL.propertyChainAxiom, self.rdf_list([self.src.iri(k) for k in chain])))

    def classes(self) -> None:
        g = self.g
        for entry in self.src.data.get("classes", []):
            iri = self.src.iri(entry["key"])
            g.add((iri, RDF.type, OWL.Class))
            self.entity_annotations(iri, entry)
            default_src = entry["src"]
            for parent in entry.get("is_a", []):
                pkey, *psrc = parent if isinstance(parent, list) else [parent]
                self.annotate(iri, RDFS.subClassOf, self.src.iri(pkey), psrc or default_src)
            for section, quantifier in (("rel", OWL.someValuesFrom), ("only", OWL.allValuesFrom)):
                for rel in entry.get(section, []):
                    prop_key, filler, *rsrc = rel
                    node = self.restriction(prop_key, filler, quantifier)
                    self.annotate(iri, RDFS.subClassOf, node, rsrc or default_src)
            if "equiv" in entry:
                spec = entry["equiv"]
                members = ([self.src.iri(spec["genus"])] if "genus" in spec else []) + [
                    self.restriction(p, f) for p, f in spec["rel"]]
                if len(members) == 1:
                    expr = members[0]
                else:
                    expr = self.bnode()
                    g.add((expr, RDF.type, OWL.Class))
                    g.add((expr, OWL.intersectionOf, self.rdf_list(members)))
                self.annotate(iri, OWL.equivalentClass, expr, spec.get("src") or default_src)

    def disjoint(self) -> None:
        g = self.g
        for group in self.src.data.get("disjoint", []):
            node = self.bnode()
            g.add((node, RDF.type, OWL.AllDisjointClasses))
            g.add((node, OWL.members, self.rdf_list([self.src.iri(k) for k in group["members"]])))
            for src in self.sources(group["src"]):
                g.add((node, DCTERMS.source, src))

    def run(self) -> Graph:
        self.header()
        self.individuals()
        self.properties()
        self.classes()
        self.disjoint()
        return self.g


def compile_ontology(source: OntologySource) -> Graph:
    """Return the OWL graph of the whole ontology compiled from ``source``."""
    return _Compiler(source).run()
