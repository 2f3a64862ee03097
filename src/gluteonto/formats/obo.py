"""Deterministic OBO 1.4 writer (``.obo``), the OBO way of carrying an OWL ontology.

* one English ``name`` per term; the Norwegian Bokmål and Latin labels become synonyms typed
  ``NORWEGIAN_BOKMAL`` / ``LATIN`` (declared with ``synonymtypedef``), as do the other synonyms;
* ``def`` is the English definition (IAO's definition annotation), with the axiom's sources as xrefs;
* ``is_a`` and ``relationship`` lines for named superclasses and existential restrictions on a
  named filler, each with its sources as ``source`` qualifiers; ``intersection_of`` /
  ``union_of`` for defined classes whose definition OBO can express; ``disjoint_from`` for every
  pair of a disjointness axiom;
* ``[Typedef]`` frames with a readable id (``part_of``) and an ``xref`` to the property's own
  identifier (BFO/RO or GLUTEONTO), so OBO-to-OWL conversion restores the IRIs;
* the information resources that definitions and axioms cite (article sections, textbooks) are
  referenced by their GLUTEONTO ids; they have no frames, since the OBO parser of the OWL API
  (ROBOT) stops at ``[Instance]`` frames.

What OBO cannot carry (universal restrictions, restrictions on class expressions, the Norwegian
definitions and notes) stays in the OWL releases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD

from ..vocab import IAO_DEFINITION
from .owlmodel import (
    Annotation,
    AnnotationIndex,
    Junction,
    Ontology,
    Restriction,
    read_ontology,
)

__all__ = ["OBO_IDSPACES", "SYNONYM_TYPES", "curie", "render_obo", "to_obo"]

DCTERMS = "http://purl.org/dc/terms/"
OBOINOWL = "http://www.geneontology.org/formats/oboInOwl#"
#: ID spaces declared in the header (prefix → IRI prefix); OBO library prefixes need none.
OBO_IDSPACES: dict[str, str] = {
    "GLUTEONTO": "https://w3id.org/gluteonto/GLUTEONTO_",
    "dcterms": DCTERMS,
    "skos": str(SKOS),
    "owl": "http://www.w3.org/2002/07/owl#",
}
#: Prefixes compacted to CURIEs (the OBO library ones resolve to purl.obolibrary.org by default).
_CURIE_PREFIXES = {**OBO_IDSPACES, **{p: f"http://purl.obolibrary.org/obo/{p}_" for p in ("BFO", "RO", "IAO", "UBERON", "HP", "MONDO")}}
#: Language → synonym type of the labels and synonyms that are not English.
SYNONYM_TYPES: dict[str, tuple[str, str]] = {
    "nb": ("NORWEGIAN_BOKMAL", "Norwegian Bokmål name"),
    "la": ("LATIN", "Latin name"),
}
_SCOPES = {
    OBOINOWL + "hasExactSynonym": "EXACT",
    OBOINOWL + "hasRelatedSynonym": "RELATED",
    OBOINOWL + "hasBroadSynonym": "BROAD",
    OBOINOWL + "hasNarrowSynonym": "NARROW",
}
_SOURCE = URIRef(DCTERMS + "source")
#: Annotations written as their own tags (everything else becomes property_value).
_OWN_TAGS = {str(RDFS.label), str(IAO_DEFINITION), str(SKOS.definition), str(RDFS.comment), OBOINOWL + "hasDbXref", *_SCOPES}


def curie(iri: str) -> str:
    """The OBO identifier of an IRI (``GLUTEONTO:NNNNNNN``, ``RO:NNNNNNN``), or the IRI itself."""
    for prefix, ns in sorted(_CURIE_PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_.\-]+", iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _unquoted(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("{", "\\{").replace("!", "\\!")


class _OboWriter:
    def __init__(self, ont: Ontology) -> None:
        self.ont = ont
        self.idx = AnnotationIndex(ont)
        self.relation_ids = self.shorthand_ids()

    # -- identifiers ---------------------------------------------------------------------
    def shorthand_ids(self) -> dict[URIRef, str]:
        """Readable Typedef ids from the English labels of the object properties (``part_of``)."""
        ids: dict[URIRef, str] = {}
        for prop in self.ont.entities("ObjectProperty"):
            label = self.idx.label(prop)
            short = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") if label else curie(str(prop))
            if short in ids.values():
                raise ValueError(f"two relations would get the OBO id {short!r}")
            ids[prop] = short
        return ids

    def ident(self, node: object) -> str:
        return self.relation_ids.get(node, curie(str(node))) if isinstance(node, URIRef) else str(node)

    def comment(self, node: object) -> str:
        label = self.idx.label(node) if isinstance(node, URIRef) else None
        return f" ! {_unquoted(label)}" if label else ""

    def qualifiers(self, notes: Iterable[Annotation]) -> str:
        sources = sorted(curie(str(n.value)) for n in notes if n.prop == _SOURCE)
        return " {" + ", ".join(f"source={_quoted(s)}" for s in sources) + "}" if sources else ""

    def xrefs(self, notes: Iterable[Annotation]) -> str:
        return "[" + ", ".join(sorted(curie(str(n.value)) for n in notes if n.prop == _SOURCE)) + "]"

    # -- clauses -------------------------------------------------------------------------
    def annotation_clauses(self, entity: URIRef) -> list[str]:
        lines: list[str] = []
        name = self.idx.label(entity)
        if name:
            lines.append(f"name: {_unquoted(name)}")
        definition = self.idx.text(entity, str(IAO_DEFINITION))
        if definition:
            lines.append(f"def: {_quoted(' '.join(definition[0].split()))} {self.xrefs(definition[1])}")
        comment = self.idx.text(entity, str(RDFS.comment))
        if comment:
            lines.append(f"comment: {_unquoted(comment[0])}")
        synonyms: list[str] = []
        for value, _notes in self.idx.get(entity, str(RDFS.label)):
            lang = getattr(value, "language", None) or "en"
            if lang in SYNONYM_TYPES:
                synonyms.append(f"synonym: {_quoted(str(value))} EXACT {SYNONYM_TYPES[lang][0]} []")
        for prop, scope in _SCOPES.items():
            for value, _notes in self.idx.get(entity, prop):
                lang = getattr(value, "language", None) or "en"
                kind = f" {SYNONYM_TYPES[lang][0]}" if lang in SYNONYM_TYPES else ""
                if lang == "en" or lang in SYNONYM_TYPES:
                    synonyms.append(f"synonym: {_quoted(str(value))} {scope}{kind} []")
        lines.extend(sorted(set(synonyms)))
        lines.extend(sorted(f"xref: {v}" for v, _n in self.idx.get(entity, OBOINOWL + "hasDbXref")))
        values: list[str] = []
        for prop, entries in self.idx.values.get(entity, {}).items():
            if prop in _OWN_TAGS:
                continue
            rel = curie(prop)
            for value, _notes in entries:
                if isinstance(value, Literal):
                    if value.language not in (None, "en"):
                        continue
                    datatype = curie(str(value.datatype)) if value.datatype else "xsd:string"
                    values.append(f"property_value: {rel} {_quoted(str(value))} {datatype.replace(str(XSD), 'xsd:')}")
                else:
                    values.append(f"property_value: {rel} {curie(str(value))}")
        lines.extend(sorted(values))
        return lines

    def class_frame(self, cls: URIRef) -> list[str]:
        lines = ["[Term]", f"id: {curie(str(cls))}", *self.annotation_clauses(cls)]
        is_a: list[str] = []
        relationships: list[str] = []
        for ax in self.ont.axioms_of("SubClassOf", cls):
            sup = ax.args[1]
            if isinstance(sup, URIRef):
                is_a.append(f"is_a: {curie(str(sup))}{self.qualifiers(ax.annotations)}{self.comment(sup)}")
            elif isinstance(sup, Restriction) and sup.kind == "some" and isinstance(sup.prop, URIRef) and isinstance(sup.filler, URIRef):
                relationships.append(
                    f"relationship: {self.ident(sup.prop)} {curie(str(sup.filler))}{self.qualifiers(ax.annotations)}{self.comment(sup.filler)}"
                )
        lines.extend(sorted(is_a))
        lines.extend(self.equivalence_clauses(cls))
        disjoint = {m for ax in self.ont.axioms_of("DisjointClasses") if cls in ax.args for m in ax.args if isinstance(m, URIRef) and m != cls}
        lines.extend(f"disjoint_from: {curie(str(m))}{self.comment(m)}" for m in sorted(disjoint, key=str))
        lines.extend(sorted(relationships))
        return lines

    def equivalence_clauses(self, cls: URIRef) -> list[str]:
        for ax in self.ont.axioms_of("EquivalentClasses", cls):
            expr = ax.args[1]
            if not isinstance(expr, Junction):
                continue
            if expr.kind == "or" and all(isinstance(o, URIRef) for o in expr.operands):
                return [f"union_of: {curie(str(o))}{self.comment(o)}" for o in expr.operands]
            if expr.kind == "and":
                genus = [o for o in expr.operands if isinstance(o, URIRef)]
                diffs = [
                    o
                    for o in expr.operands
                    if isinstance(o, Restriction) and o.kind == "some" and isinstance(o.prop, URIRef) and isinstance(o.filler, URIRef)
                ]
                if len(genus) + len(diffs) == len(expr.operands):
                    return [f"intersection_of: {curie(str(g))}{self.comment(g)}" for g in genus] + [
                        f"intersection_of: {self.ident(d.prop)} {curie(str(d.filler))}{self.comment(d.filler)}" for d in diffs
                    ]
        return []

    def typedef_frame(self, prop: URIRef) -> list[str]:
        lines = ["[Typedef]", f"id: {self.relation_ids[prop]}", *self.annotation_clauses(prop)]
        own = f"xref: {curie(str(prop))}"
        # the property's own identifier goes first among the xrefs: OBO-to-OWL takes its IRI from it
        xrefs = [line for line in lines if line.startswith("xref: ")]
        lines = [line for line in lines if not line.startswith("xref: ")]
        position = next((i for i, line in enumerate(lines) if line.startswith("property_value: ")), len(lines))
        lines[position:position] = [own, *[x for x in xrefs if x != own]]
        for kind, tag in (
            ("TransitiveObjectProperty", "is_transitive"),
            ("SymmetricObjectProperty", "is_symmetric"),
            ("FunctionalObjectProperty", "is_functional"),
            ("ReflexiveObjectProperty", "is_reflexive"),
        ):
            if any(True for _ in self.ont.axioms_of(kind, prop)):
                lines.append(f"{tag}: true")
        chains: list[str] = []
        supers: list[str] = []
        for ax in self.ont.axioms_of("SubObjectPropertyOf"):
            sub, sup = ax.args
            if isinstance(sub, tuple) and sup == prop and all(isinstance(p, URIRef) for p in sub):
                chains.append("holds_over_chain: " + " ".join(self.ident(p) for p in sub))
            elif sub == prop and isinstance(sup, URIRef):
                supers.append(f"is_a: {self.ident(sup)}{self.comment(sup)}")
        lines.extend(sorted(chains))
        lines.extend(sorted(supers))
        inverses = sorted(
            {self.ident(a.args[1] if a.args[0] == prop else a.args[0]) for a in self.ont.axioms_of("InverseObjectProperties") if prop in a.args}
        )
        lines.extend(f"inverse_of: {i}" for i in inverses)
        return lines

    def metadata_typedef(self, prop: URIRef) -> list[str]:
        return ["[Typedef]", f"id: {curie(str(prop))}", *self.annotation_clauses(prop), "is_metadata_tag: true"]

    # -- document ------------------------------------------------------------------------
    def header(self) -> list[str]:
        ont = self.ont
        lines = ["format-version: 1.4"]
        # a variant (gluteonto-basic.owl) is "gluteonto/basic" in OBO, as Uberon's uberon/basic
        variant = str(ont.iri or "").rsplit("/", 1)[-1].removesuffix(".owl").removeprefix("gluteonto").lstrip("-")
        if ont.version_iri is not None:
            version = str(ont.version_iri).split("/releases/")[-1].split("/")[0]
            lines.append(f"data-version: gluteonto/releases/{version}/gluteonto{'-' + variant if variant else ''}.obo")
        lines += [f"synonymtypedef: {code} {_quoted(text)}" for code, text in SYNONYM_TYPES.values()]
        lines.append("default-namespace: gluteonto")
        lines += [f"idspace: {prefix} {ns}" for prefix, ns in OBO_IDSPACES.items()]
        lines.append(f"ontology: gluteonto{'/' + variant if variant else ''}")
        for ann in ont.annotations:
            if ann.prop == RDFS.comment:
                if isinstance(ann.value, Literal) and ann.value.language in (None, "en"):
                    lines.append(f"remark: {_unquoted(str(ann.value))}")
                continue
            if isinstance(ann.value, Literal):
                if ann.value.language not in (None, "en"):
                    continue
                # OBO's datatypes are OWL 2's: xsd:date is not one of them, so dates are written as strings
                datatype = str(ann.value.datatype).replace(str(XSD), "xsd:") if ann.value.datatype else "xsd:string"
                datatype = "xsd:string" if datatype == "xsd:date" else datatype
                lines.append(f"property_value: {curie(str(ann.prop))} {_quoted(str(ann.value))} {datatype}")
            else:
                lines.append(f"property_value: {curie(str(ann.prop))} {curie(str(ann.value))}")
        return lines

    def run(self) -> str:
        frames = [self.class_frame(c) for c in self.ont.entities("Class") if str(c).startswith(OBO_IDSPACES["GLUTEONTO"])]
        frames += [self.typedef_frame(p) for p in sorted(self.relation_ids, key=lambda p: self.relation_ids[p])]
        frames += [self.metadata_typedef(p) for p in self.ont.entities("AnnotationProperty") if str(p).startswith(OBO_IDSPACES["GLUTEONTO"])]
        blocks = ["\n".join(self.header())] + ["\n".join(frame) for frame in frames]
        return "\n\n".join(blocks) + "\n"


def render_obo(ont: Ontology) -> str:
    """OBO 1.4 text of a structural ontology."""
    return _OboWriter(ont).run()


def to_obo(graph: Graph) -> str:
    """Serialise the OWL ontology in ``graph`` as deterministic OBO 1.4."""
    return render_obo(read_ontology(graph))
