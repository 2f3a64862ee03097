"""Deterministic obographs JSON writer (``.json``), the graph form OLS, OAK and OBO tools read.

One graph with a node per class, property and individual (``lbl`` is the English label; the
Norwegian Bokmål and Latin labels are synonyms with a synonym type, as in the OBO release;
``meta.definition`` the English definition with its sources as xrefs), an edge per named
superclass (``is_a``) and per existential restriction on a named filler (the property's IRI),
sub-property and inverse edges, ``logicalDefinitionAxioms`` for defined classes of the form
genus and restrictions, ``equivalentNodesSets`` for named equivalences and
``propertyChainAxioms``. Identifiers are full IRIs, as the OWL API's obographs writer gives them;
the ``GLUTEONTO`` prefix is declared in the document's ``prefixes``.
"""

from __future__ import annotations

import json
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Node

from ..vocab import IAO_DEFINITION
from .obo import OBOINOWL, SYNONYM_TYPES, curie
from .owlmodel import (
    Annotation,
    AnnotationIndex,
    Junction,
    Ontology,
    Restriction,
    read_ontology,
)

__all__ = ["SYNONYM_TYPE_IRI", "render_obographs", "to_obographs"]

_SOURCE = "http://purl.org/dc/terms/source"
#: The project's CURIE prefix, declared in the document's prefix list (obographs ``PrefixDeclaration``).
GLUTEONTO_NAMESPACE = "https://w3id.org/gluteonto/GLUTEONTO_"
#: IRI of a synonym type declared as ``synonymtypedef: X`` in the OBO release (as OBO-to-OWL makes it).
SYNONYM_TYPE_IRI = "http://purl.obolibrary.org/obo/gluteonto#{}"
_SYNONYM_PREDS = {
    OBOINOWL + "hasExactSynonym": "hasExactSynonym",
    OBOINOWL + "hasRelatedSynonym": "hasRelatedSynonym",
    OBOINOWL + "hasBroadSynonym": "hasBroadSynonym",
    OBOINOWL + "hasNarrowSynonym": "hasNarrowSynonym",
}
_OWN = {str(RDFS.label), str(IAO_DEFINITION), str(SKOS.definition), str(RDFS.comment), OBOINOWL + "hasDbXref", *_SYNONYM_PREDS}
_NODE_TYPES = (
    ("Class", "CLASS", None),
    ("ObjectProperty", "PROPERTY", "OBJECT"),
    ("DataProperty", "PROPERTY", "DATA"),
    ("AnnotationProperty", "PROPERTY", "ANNOTATION"),
    ("NamedIndividual", "INDIVIDUAL", None),
)


def _sources(notes: tuple[Annotation, ...]) -> list[str]:
    return sorted(curie(str(n.value)) for n in notes if str(n.prop) == _SOURCE)


def _edge_meta(notes: tuple[Annotation, ...]) -> dict[str, Any]:
    values = [{"pred": str(n.prop), "val": str(n.value)} for n in notes]
    return {"meta": {"basicPropertyValues": sorted(values, key=lambda v: (v["pred"], v["val"]))}} if values else {}


class _GraphWriter:
    def __init__(self, ont: Ontology) -> None:
        self.ont = ont
        self.idx = AnnotationIndex(ont)

    def meta(self, entity: Node) -> dict[str, Any]:
        meta: dict[str, Any] = {}
        definition = self.idx.text(entity, str(IAO_DEFINITION))
        if definition:
            meta["definition"] = {"val": " ".join(definition[0].split()), "xrefs": _sources(definition[1])}
        comments = [str(v) for v, _ in self.idx.get(entity, str(RDFS.comment)) if isinstance(v, Literal) and (v.language or "en") == "en"]
        if comments:
            meta["comments"] = sorted(comments)
        synonyms: list[dict[str, Any]] = []
        for value, _ in self.idx.get(entity, str(RDFS.label)):
            lang = getattr(value, "language", None) or "en"
            if lang in SYNONYM_TYPES:
                synonyms.append(
                    {"pred": "hasExactSynonym", "synonymType": SYNONYM_TYPE_IRI.format(SYNONYM_TYPES[lang][0]), "val": str(value), "xrefs": []}
                )
        for prop, pred in _SYNONYM_PREDS.items():
            for value, notes in self.idx.get(entity, prop):
                lang = getattr(value, "language", None) or "en"
                if lang != "en" and lang not in SYNONYM_TYPES:
                    continue
                synonym: dict[str, Any] = {"pred": pred}
                if lang in SYNONYM_TYPES:
                    synonym["synonymType"] = SYNONYM_TYPE_IRI.format(SYNONYM_TYPES[lang][0])
                synonyms.append({**synonym, "val": str(value), "xrefs": _sources(notes)})
        if synonyms:
            meta["synonyms"] = sorted(synonyms, key=lambda s: json.dumps(s, sort_keys=True, ensure_ascii=False))
        xrefs = sorted(str(v) for v, _ in self.idx.get(entity, OBOINOWL + "hasDbXref"))
        if xrefs:
            meta["xrefs"] = [{"val": x} for x in xrefs]
        values = []
        for prop, entries in self.idx.values.get(entity, {}).items():
            if prop in _OWN:
                continue
            for value, _ in entries:
                if isinstance(value, Literal) and value.language not in (None, "en"):
                    continue
                values.append({"pred": prop, "val": str(value)})
        if values:
            meta["basicPropertyValues"] = sorted(values, key=lambda v: (v["pred"], v["val"]))
        return meta

    def nodes(self) -> list[dict[str, Any]]:
        nodes: dict[str, dict[str, Any]] = {}
        for kind, node_type, property_type in _NODE_TYPES:
            for entity in self.ont.entities(kind):
                if str(entity) in nodes:
                    continue
                node: dict[str, Any] = {"id": str(entity)}
                label = self.idx.label(entity)
                if label:
                    node["lbl"] = label
                node["type"] = node_type
                if property_type:
                    node["propertyType"] = property_type
                meta = self.meta(entity)
                if meta:
                    node["meta"] = meta
                nodes[str(entity)] = node
        return [nodes[k] for k in sorted(nodes)]

    def edges(self) -> list[dict[str, Any]]:
        edges: list[dict[str, Any]] = []
        for ax in self.ont.axioms:
            sub = ax.args[0]
            if ax.kind == "SubClassOf" and isinstance(sub, URIRef):
                sup = ax.args[1]
                if isinstance(sup, URIRef):
                    edges.append({"sub": str(sub), "pred": "is_a", "obj": str(sup), **_edge_meta(ax.annotations)})
                elif isinstance(sup, Restriction) and sup.kind == "some" and isinstance(sup.prop, URIRef) and isinstance(sup.filler, URIRef):
                    edges.append({"sub": str(sub), "pred": str(sup.prop), "obj": str(sup.filler), **_edge_meta(ax.annotations)})
            elif ax.kind == "SubObjectPropertyOf" and isinstance(sub, URIRef) and isinstance(ax.args[1], URIRef):
                edges.append({"sub": str(sub), "pred": "subPropertyOf", "obj": str(ax.args[1])})
            elif ax.kind == "InverseObjectProperties":
                edges.append({"sub": str(sub), "pred": "inverseOf", "obj": str(ax.args[1])})
            elif ax.kind == "ClassAssertion" and isinstance(sub, URIRef):
                edges.append({"sub": str(ax.args[1]), "pred": "type", "obj": str(sub)})
        return sorted(edges, key=lambda e: (e["sub"], e["pred"], e["obj"]))

    def class_axioms(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        logical: list[dict[str, Any]] = []
        equivalent: list[dict[str, Any]] = []
        for ax in self.ont.axioms_of("EquivalentClasses"):
            defined, expr = ax.args
            if isinstance(expr, URIRef):
                equivalent.append({"nodeIds": sorted([str(defined), str(expr)])})
            elif isinstance(expr, Junction) and expr.kind == "and":
                genus = [str(o) for o in expr.operands if isinstance(o, URIRef)]
                restrictions = [
                    {"propertyId": str(o.prop), "fillerId": str(o.filler)}
                    for o in expr.operands
                    if isinstance(o, Restriction) and o.kind == "some" and isinstance(o.prop, URIRef) and isinstance(o.filler, URIRef)
                ]
                if len(genus) + len(restrictions) == len(expr.operands):
                    logical.append({"definedClassId": str(defined), "genusIds": genus, "restrictions": restrictions, **_edge_meta(ax.annotations)})
        return (sorted(logical, key=lambda a: a["definedClassId"]), sorted(equivalent, key=lambda s: s["nodeIds"]))

    def chains(self) -> list[dict[str, Any]]:
        chains = []
        for ax in self.ont.axioms_of("SubObjectPropertyOf"):
            sub, sup = ax.args
            if isinstance(sub, tuple) and all(isinstance(p, URIRef) for p in sub):
                chains.append({"predicateId": str(sup), "chainPredicateIds": [str(p) for p in sub]})
        return sorted(chains, key=lambda c: (c["predicateId"], c["chainPredicateIds"]))

    def run(self) -> dict[str, Any]:
        ont = self.ont
        header_values = [
            {"pred": str(a.prop), "val": str(a.value)}
            for a in ont.annotations
            if not isinstance(a.value, Literal) or a.value.language in (None, "en")
        ]
        graph_meta: dict[str, Any] = {"basicPropertyValues": sorted(header_values, key=lambda v: (v["pred"], v["val"]))}
        if ont.version_iri is not None:
            graph_meta["version"] = str(ont.version_iri)
        logical, equivalent = self.class_axioms()
        graph: dict[str, Any] = {
            "id": str(ont.iri),
            "meta": graph_meta,
            "nodes": self.nodes(),
            "edges": self.edges(),
            "equivalentNodesSets": equivalent,
            "logicalDefinitionAxioms": logical,
            "domainRangeAxioms": [],
            "propertyChainAxioms": self.chains(),
        }
        prefixes = [{"prefix": "GLUTEONTO", "namespace": GLUTEONTO_NAMESPACE}]
        return {"graphs": [graph], "prefixes": prefixes}


def render_obographs(ont: Ontology) -> str:
    """The obographs JSON document of a structural ontology."""
    return json.dumps(_GraphWriter(ont).run(), indent=2, ensure_ascii=False) + "\n"


def to_obographs(graph: Graph) -> str:
    """Serialise the OWL ontology in ``graph`` as a deterministic obographs JSON document."""
    return render_obographs(read_ontology(graph))
