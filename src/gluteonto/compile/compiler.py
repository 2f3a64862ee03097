"""Compile the typed editable source into the OWL 2 graph of the ontology.

``is_a`` becomes ``rdfs:subClassOf``, ``rel``/``only`` existential/universal restrictions (fillers
may be unions or nested restrictions), ``equiv`` defined classes, ``chain`` property chains; each
logical axiom and each definition carries ``dcterms:source`` provenance as an OWL axiom
annotation. Blank-node ids are numbered in source order, so the same source always yields the
same serialisation. Every reference was checked by :func:`~gluteonto.compile.source.parse_source`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import TypeVar

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..formats.obo import SYNONYM_TYPES
from ..formats.obographs import SYNONYM_TYPE_IRI
from ..vocab import (
    DCTERMS,
    IAO_DEFINITION,
    INTERNATIONAL_ONTOLOGY_IRI,
    OBOINOWL,
    ONTOLOGY_IRI,
    OWL,
    RDF,
    RDFS,
    SKOS,
    XSD,
    bind_prefixes,
    expand_curie,
    version_iri,
)
from .source import (
    ANNOTATION_FIELDS,
    AXIOM_NOTE_FIELDS,
    AxiomNotes,
    ClassEntry,
    ClassExpression,
    ComplementOf,
    LangText,
    LangTexts,
    MatchKind,
    OntologySource,
    PropertyEntry,
    PropertyKind,
    Quantifier,
    Some,
    Trait,
    UnionOf,
)

_T = TypeVar("_T")

__all__ = ["compile_ontology", "MATCH_PREDICATES", "IRI_FORM_PREFIXES", "SYNONYM_TYPE_PROPERTIES", "INTERNATIONAL_IRI"]

MATCH_PREDICATES: dict[MatchKind, URIRef] = {
    "exact": SKOS.exactMatch,
    "close": SKOS.closeMatch,
    "broad": SKOS.broadMatch,
    "narrow": SKOS.narrowMatch,
    "related": SKOS.relatedMatch,
}
FOAF_HOMEPAGE = URIRef("http://xmlns.com/foaf/0.1/homepage")
#: Prefixes whose identifiers have a resolvable IRI form (others stay xref strings only).
IRI_FORM_PREFIXES = ("UBERON", "FMA", "HP", "MONDO")
_TRAITS: dict[Trait, URIRef] = {"transitive": OWL.TransitiveProperty, "symmetric": OWL.SymmetricProperty}
_PROPERTY_TYPES: dict[PropertyKind, URIRef] = {
    "object": OWL.ObjectProperty,
    "annotation": OWL.AnnotationProperty,
    "datatype": OWL.DatatypeProperty,
}
_QUANTIFIERS: dict[Quantifier, URIRef] = {"some": OWL.someValuesFrom, "only": OWL.allValuesFrom}
#: Annotation properties from outside vocabularies, declared so that OWL 2 DL parsers
#: (OWL API / Protégé) need not guess their type.
_DECLARED_ANNOTATIONS = (
    (DCTERMS.title, "title"),
    (DCTERMS.description, "description"),
    (DCTERMS.license, "license"),
    (DCTERMS.creator, "creator"),
    (DCTERMS.created, "created"),
    (DCTERMS.modified, "modified"),
    (DCTERMS.source, "source"),
    (DCTERMS.isPartOf, "is part of"),
    (DCTERMS.bibliographicCitation, "bibliographic citation"),
    (IAO_DEFINITION, "definition"),
    (OBOINOWL.hasDbXref, "database cross reference"),
    (OBOINOWL.hasExactSynonym, "has exact synonym"),
    (OBOINOWL.hasRelatedSynonym, "has related synonym"),
    (SKOS.exactMatch, "has exact match"),
    (SKOS.closeMatch, "has close match"),
    (SKOS.broadMatch, "has broader match"),
    (SKOS.narrowMatch, "has narrower match"),
    (SKOS.relatedMatch, "has related match"),
    (SKOS.editorialNote, "editorial note"),
    (SKOS.definition, "definition (SKOS)"),
    (FOAF_HOMEPAGE, "homepage"),
)

#: Norwegian labels of the outside vocabulary the international edition declares (English label → Bokmål),
#: so that tables, cards and pages in Norwegian name these properties in Norwegian too
_NORWEGIAN_VOCABULARY = {
    "title": "tittel",
    "description": "beskrivelse",
    "license": "lisens",
    "creator": "opphav",
    "created": "opprettet",
    "modified": "endret",
    "source": "kilde",
    "is part of": "er del av",
    "bibliographic citation": "bibliografisk henvisning",
    "definition": "definisjon",
    "database cross reference": "kryssreferanse til database",
    "has exact synonym": "har eksakt synonym",
    "has related synonym": "har beslektet synonym",
    "has exact match": "har eksakt samsvar",
    "has close match": "har nært samsvar",
    "has broader match": "har bredere samsvar",
    "has narrower match": "har smalere samsvar",
    "has related match": "har beslektet samsvar",
    "editorial note": "redaksjonell merknad",
    "definition (SKOS)": "definisjon (SKOS)",
    "homepage": "hjemmeside",
    "has synonym type": "har synonymtype",
    "synonym type property": "synonymtype",
    "Norwegian Bokmål name": "bokmålsnavn",
    "Latin name": "latinsk navn",
}


#: The international edition's own ontology IRI (the main release is :data:`~gluteonto.vocab.ONTOLOGY_IRI`).
INTERNATIONAL_IRI = INTERNATIONAL_ONTOLOGY_IRI
#: Language of a non-English name → the synonym type it gets in the main (English) release, as
#: OBO-to-OWL writes a ``synonymtypedef`` of the ``.obo`` (annotation sub-property of
#: oboInOwl:SynonymTypeProperty, named on the synonym's axiom with oboInOwl:hasSynonymType).
SYNONYM_TYPE_PROPERTIES: dict[str, tuple[URIRef, str]] = {
    lang: (URIRef(SYNONYM_TYPE_IRI.format(code)), text) for lang, (code, text) in SYNONYM_TYPES.items()
}


def _squeeze(text: str) -> str:
    """Collapse runs of whitespace (YAML folded text) to single spaces."""
    return " ".join(text.split())


class _Compiler:
    def __init__(self, source: OntologySource, international: bool) -> None:
        self.src = source
        self.international = international
        self.g = bind_prefixes(Graph())
        self._bnodes = 0

    # -- helpers -------------------------------------------------------------------------
    def bnode(self) -> BNode:
        self._bnodes += 1
        return BNode(f"n{self._bnodes:05d}")

    def rdf_list(self, items: Sequence[Node]) -> BNode:
        """Write an rdf:List with deterministic blank nodes; return its head."""
        head = cell = self.bnode()
        for index, item in enumerate(items):
            self.g.add((cell, RDF.first, item))
            nxt: Node = self.bnode() if index < len(items) - 1 else RDF.nil
            self.g.add((cell, RDF.rest, nxt))
            if isinstance(nxt, BNode):
                cell = nxt
        return head

    def annotate(self, s: URIRef, p: URIRef, o: Node, source_keys: Iterable[str], notes: AxiomNotes | None = None) -> BNode:
        """Assert ``s p o`` and reify it as an owl:Axiom carrying dcterms:source (and the axiom's notes); return the axiom."""
        self.g.add((s, p, o))
        ax = self.bnode()
        self.g.add((ax, RDF.type, OWL.Axiom))
        self.g.add((ax, OWL.annotatedSource, s))
        self.g.add((ax, OWL.annotatedProperty, p))
        self.g.add((ax, OWL.annotatedTarget, o))
        for key in source_keys:
            self.g.add((ax, DCTERMS.source, self.src.iri(key)))
        if notes is not None:
            self.axiom_notes(ax, notes)
        return ax

    def axiom_notes(self, ax: Node, notes: AxiomNotes) -> None:
        """The qualifier, footnote marker, footnote reading and compensating muscles of one axiom."""
        prop = {name: self.src.iri(key) for name, key in AXIOM_NOTE_FIELDS.items() if key in self.src.iris}
        if notes.qualifier:
            self.lang_literals(ax, prop["qualifier"], self.in_release(notes.qualifier))
        if notes.footnote is not None:
            self.g.add((ax, prop["footnote"], Literal(notes.footnote)))
        for key in notes.read_as:
            self.g.add((ax, prop["read_as"], self.src.iri(key)))
        for key in notes.compensating:
            self.g.add((ax, prop["compensating"], self.src.iri(key)))

    def expression(self, expr: ClassExpression) -> Node:
        """A class IRI, an ObjectUnionOf/IntersectionOf/ComplementOf or a nested restriction."""
        if isinstance(expr, str):
            return self.src.iri(expr)
        if isinstance(expr, Some):
            return self.restriction(expr.prop, expr.filler)
        node = self.bnode()
        self.g.add((node, RDF.type, OWL.Class))
        if isinstance(expr, ComplementOf):
            self.g.add((node, OWL.complementOf, self.expression(expr.operand)))
        else:
            junction = OWL.unionOf if isinstance(expr, UnionOf) else OWL.intersectionOf
            self.g.add((node, junction, self.rdf_list([self.expression(m) for m in expr.members])))
        return node

    def restriction(self, prop: str, filler: ClassExpression, quantifier: Quantifier = "some") -> BNode:
        target = self.expression(filler)
        node = self.bnode()
        self.g.add((node, RDF.type, OWL.Restriction))
        self.g.add((node, OWL.onProperty, self.src.iri(prop)))
        self.g.add((node, _QUANTIFIERS[quantifier], target))
        return node

    def in_release(self, values: dict[str, _T]) -> dict[str, _T]:
        """The texts of a term this release carries: every language in the international edition, English
        in the main release (translations of definitions, comments and notes are the international edition's)."""
        return values if self.international else {lang: text for lang, text in values.items() if lang == "en"}

    def lang_literals(self, subject: Node, predicate: URIRef, values: LangText | LangTexts) -> None:
        for lang, texts in values.items():
            for text in [texts] if isinstance(texts, str) else texts:
                self.g.add((subject, predicate, Literal(text.strip(), lang=lang)))

    # -- sections ------------------------------------------------------------------------
    def header(self) -> None:
        meta = self.src.header
        ont = URIRef(INTERNATIONAL_IRI if self.international else ONTOLOGY_IRI)
        g = self.g
        g.add((ont, RDF.type, OWL.Ontology))
        g.add((ont, OWL.versionIRI, version_iri(meta.version, ont.split("/")[-1])))
        g.add((ont, OWL.versionInfo, Literal(meta.version)))
        self.lang_literals(ont, DCTERMS.title, meta.title)
        self.lang_literals(ont, DCTERMS.description, meta.description)
        self.lang_literals(ont, RDFS.comment, meta.comment)
        g.add((ont, DCTERMS.license, URIRef(meta.license)))
        if meta.homepage is not None:
            g.add((ont, FOAF_HOMEPAGE, URIRef(meta.homepage)))
        for creator in meta.creators:
            g.add((ont, DCTERMS.creator, Literal(creator)))
        g.add((ont, DCTERMS.created, Literal(_dt.date.fromisoformat(meta.created), datatype=XSD.date)))
        g.add((ont, DCTERMS.modified, Literal(_dt.date.fromisoformat(meta.version), datatype=XSD.date)))
        for key in meta.sources:
            g.add((ont, DCTERMS.source, self.src.iri(key)))
        for prop, label in (
            *_DECLARED_ANNOTATIONS,
            *SYNONYM_TYPE_PROPERTIES.values(),
            (OBOINOWL.hasSynonymType, "has synonym type"),
            (OBOINOWL.SynonymTypeProperty, "synonym type property"),
        ):
            g.add((prop, RDF.type, OWL.AnnotationProperty))
            g.add((prop, RDFS.label, Literal(label, lang="en")))
            if self.international:  # the main release keeps one English label per term
                g.add((prop, RDFS.label, Literal(_NORWEGIAN_VOCABULARY[label], lang="nb")))
        for prop, _label in SYNONYM_TYPE_PROPERTIES.values():
            g.add((prop, RDFS.subPropertyOf, OBOINOWL.SynonymTypeProperty))

    def labels(self, subject: URIRef, values: LangText, sources: Sequence[str]) -> None:
        """The labels of an entity: every language in the international edition; in the main release
        the English one, and the others as exact synonyms typed by language (as the ``.obo`` has them)."""
        for lang, text in values.items():
            literal = Literal(text.strip(), lang=lang)
            if self.international or lang == "en":
                self.g.add((subject, RDFS.label, literal))
            else:
                self.synonym(subject, OBOINOWL.hasExactSynonym, literal, sources)

    def synonym(self, subject: URIRef, prop: URIRef, literal: Literal, sources: Sequence[str]) -> None:
        """A synonym; a Norwegian or Latin one is typed by its language (oboInOwl:hasSynonymType) on an
        axiom annotation that also carries the entity's sources (the header's for reused terms)."""
        if literal.language not in SYNONYM_TYPE_PROPERTIES:
            self.g.add((subject, prop, literal))
            return
        ax = self.annotate(subject, prop, literal, sources or self.src.header.sources)
        self.g.add((ax, OBOINOWL.hasSynonymType, SYNONYM_TYPE_PROPERTIES[literal.language][0]))

    def synonyms(self, subject: URIRef, prop: URIRef, values: LangTexts, sources: Sequence[str]) -> None:
        for lang, texts in values.items():
            for text in texts:
                self.synonym(subject, prop, Literal(text.strip(), lang=lang), sources)

    def entity_annotations(self, iri: URIRef, entry: PropertyEntry | ClassEntry) -> None:
        g = self.g
        self.labels(iri, entry.label, entry.sources)
        self.synonyms(iri, OBOINOWL.hasExactSynonym, entry.synonyms, entry.sources)
        self.synonyms(iri, OBOINOWL.hasRelatedSynonym, entry.related_synonyms, entry.sources)
        if isinstance(entry, PropertyEntry) and entry.reused:
            # a reused RO/BFO property: its own ontology defines it
            g.add((iri, RDFS.isDefinedBy, URIRef(str(entry.defined_by))))
            return
        for key in entry.sources:
            g.add((iri, DCTERMS.source, self.src.iri(key)))
        for lang, text in self.in_release(entry.definition).items():
            text_literal = Literal(_squeeze(text), lang=lang)
            self.annotate(iri, IAO_DEFINITION, text_literal, entry.sources)
            # the same text as skos:definition, which documentation tools (pyLODE, Widoco) show
            g.add((iri, SKOS.definition, text_literal))
        if isinstance(entry, ClassEntry):
            self.class_annotations(iri, entry)
        for lang, text in self.in_release(entry.comment).items():
            g.add((iri, RDFS.comment, Literal(_squeeze(text), lang=lang)))
        if isinstance(entry, ClassEntry) and entry.segment is not None:
            g.add((iri, self.src.iri(ANNOTATION_FIELDS["segment"]), Literal(entry.segment)))

    def class_annotations(self, iri: URIRef, entry: ClassEntry) -> None:
        g = self.g
        for xref in entry.xrefs:
            g.add((iri, OBOINOWL.hasDbXref, Literal(xref)))
        for kind, curies in entry.mappings.items():
            for curie in curies:
                if curie.split(":")[0] in IRI_FORM_PREFIXES:
                    g.add((iri, MATCH_PREDICATES[kind], URIRef(expand_curie(curie))))
        for lang, text in self.in_release(entry.none_found).items():
            g.add((iri, SKOS.editorialNote, Literal(_squeeze(text), lang=lang)))
        for name in ANNOTATION_FIELDS:  # source order of the fields, so blank nodes stay numbered alike
            if name not in entry.annotations:
                continue
            prop = self.src.iri(ANNOTATION_FIELDS[name])
            texts = entry.annotations[name]
            for lang, text in (texts if name == "latin_non_ta" else self.in_release(texts)).items():  # a name, not a translation
                literal = Literal(_squeeze(text), lang=lang)
                if name == "evidence" and entry.evidence_sources:
                    self.annotate(iri, prop, literal, entry.evidence_sources, entry.evidence_notes)
                else:
                    g.add((iri, prop, literal))

    def individuals(self) -> None:
        g = self.g
        for entry in self.src.sources:
            iri = self.src.iri(entry.key)
            g.add((iri, RDF.type, OWL.NamedIndividual))
            g.add((iri, RDF.type, self.src.iri(entry.type)))
            self.labels(iri, entry.label, ())
            self.lang_literals(iri, RDFS.comment, self.in_release(entry.comment))
            if entry.part_of is not None:
                g.add((iri, DCTERMS.isPartOf, self.src.iri(entry.part_of)))
            if entry.citation is not None:
                g.add((iri, DCTERMS.bibliographicCitation, Literal(entry.citation)))

    def properties(self) -> None:
        g = self.g
        for entry in self.src.properties:
            iri = entry.iri
            g.add((iri, RDF.type, _PROPERTY_TYPES[entry.kind]))
            self.entity_annotations(iri, entry)
            for trait in entry.traits:
                g.add((iri, RDF.type, _TRAITS[trait]))
            for parent in entry.super:
                g.add((iri, RDFS.subPropertyOf, self.src.iri(parent)))
            if entry.inverse is not None:
                g.add((iri, OWL.inverseOf, self.src.iri(entry.inverse)))
            if entry.fma is not None:
                g.add((iri, SKOS.closeMatch, URIRef(entry.fma)))
            if entry.range is not None:
                g.add((iri, RDFS.range, URIRef(expand_curie(entry.range))))
            for chain in entry.chains:
                g.add((iri, OWL.propertyChainAxiom, self.rdf_list([self.src.iri(k) for k in chain])))

    def classes(self) -> None:
        g = self.g
        for entry in self.src.classes:
            iri = entry.iri
            g.add((iri, RDF.type, OWL.Class))
            self.entity_annotations(iri, entry)
            for parent in entry.parents:
                self.annotate(iri, RDFS.subClassOf, self.src.iri(parent.key), parent.sources or entry.sources)
            for rel in entry.relations:
                node = self.restriction(rel.prop, rel.filler, rel.quantifier)
                self.annotate(iri, RDFS.subClassOf, node, rel.sources or entry.sources, rel.notes)
            spec = entry.equivalence
            if spec is not None:
                members: list[Node] = [self.src.iri(spec.genus)] if spec.genus is not None else []
                members += [self.restriction(p, f) for p, f in spec.relations]
                if len(members) == 1:
                    expr = members[0]
                else:
                    expr = self.bnode()
                    g.add((expr, RDF.type, OWL.Class))
                    g.add((expr, OWL.intersectionOf, self.rdf_list(members)))
                self.annotate(iri, OWL.equivalentClass, expr, spec.sources or entry.sources)

    def disjoint(self) -> None:
        g = self.g
        for group in self.src.disjoint:
            node = self.bnode()
            g.add((node, RDF.type, OWL.AllDisjointClasses))
            g.add((node, OWL.members, self.rdf_list([self.src.iri(k) for k in group.members])))
            for key in group.sources:
                g.add((node, DCTERMS.source, self.src.iri(key)))
            self.axiom_notes(node, group.notes)

    def run(self) -> Graph:
        self.header()
        self.individuals()
        self.properties()
        self.classes()
        self.disjoint()
        return self.g


def compile_ontology(source: OntologySource, *, international: bool = False) -> Graph:
    """Return the OWL graph of the whole ontology compiled from ``source``.

    The main release (default) has one English label and definition per entity, the Norwegian
    and Latin names as typed exact synonyms; the ``international`` edition has the labels and
    definitions in every language, tagged, under its own ontology IRI.
    """
    return _Compiler(source, international).run()
