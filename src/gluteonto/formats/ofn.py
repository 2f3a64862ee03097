"""Deterministic OWL 2 functional-syntax writer (``.ofn``).

Written from the structural model (:mod:`.owlmodel`), so n-ary axioms stay n-ary
(``DisjointClasses`` with all members and its axiom annotations) for readers that handle the
RDF mapping of ``owl:AllDisjointClasses`` poorly. Layout: prefixes, ontology header, declarations,
then the axioms of each entity under a comment naming it, then axioms about no single entity.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..vocab import PREFIXES
from .owlmodel import (
    Annotation,
    Axiom,
    Complement,
    Inverse,
    Junction,
    OneOf,
    Ontology,
    Restriction,
    read_ontology,
)

__all__ = ["OFN_PREFIXES", "render_ontology", "to_ofn"]

#: Prefixes declared in the functional-syntax release (order kept): the project's prefixes but
#: ``glut`` and ``fma`` (IRIs outside the GLUTEONTO and FMA identifiers stay in full) and those the
#: ontology never uses, then ``xml``.
OFN_PREFIXES: dict[str, str] = {
    **{p: ns for p, ns in PREFIXES.items() if p not in {"glut", "fma", "sh", "semapv", "sssom"}},
    "xml": "http://www.w3.org/XML/1998/namespace",
}
_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?$")
_RESTRICTIONS = {
    "some": "ObjectSomeValuesFrom",
    "only": "ObjectAllValuesFrom",
    "value": "ObjectHasValue",
    "min": "ObjectMinCardinality",
    "max": "ObjectMaxCardinality",
    "exact": "ObjectExactCardinality",
    "self": "ObjectHasSelf",
}
_DECLARATION_ORDER = ("AnnotationProperty", "ObjectProperty", "DataProperty", "Datatype", "Class", "NamedIndividual")


class _Renderer:
    def __init__(self, prefixes: dict[str, str]) -> None:
        # longest namespace first, so GLUTEONTO: wins over any shorter one
        self.prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))

    def iri(self, iri: str) -> str:
        for prefix, ns in self.prefixes:
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :]):
                return f"{prefix}:{iri[len(ns) :]}"
        return f"<{iri}>"

    def literal(self, lit: Literal) -> str:
        text = '"' + str(lit).replace("\\", "\\\\").replace('"', '\\"') + '"'
        if lit.language:
            return f"{text}@{lit.language}"
        if lit.datatype and lit.datatype != XSD.string:
            return f"{text}^^{self.iri(str(lit.datatype))}"
        return text

    def value(self, node: object) -> str:
        if isinstance(node, Literal):
            return self.literal(node)
        if isinstance(node, URIRef):
            return self.iri(str(node))
        if isinstance(node, tuple):  # a property chain
            return "ObjectPropertyChain(" + " ".join(self.value(p) for p in node) + ")"
        if isinstance(node, Inverse):
            return f"ObjectInverseOf({self.iri(str(node.prop))})"
        if isinstance(node, Restriction):
            parts = [] if node.cardinality is None else [str(node.cardinality)]
            parts.append(self.value(node.prop))
            if node.filler is not None:
                parts.append(self.value(node.filler))
            return f"{_RESTRICTIONS[node.kind]}({' '.join(parts)})"
        if isinstance(node, Junction):
            name = "ObjectIntersectionOf" if node.kind == "and" else "ObjectUnionOf"
            return f"{name}({' '.join(self.value(o) for o in node.operands)})"
        if isinstance(node, Complement):
            return f"ObjectComplementOf({self.value(node.operand)})"
        if isinstance(node, OneOf):
            return f"ObjectOneOf({' '.join(self.value(i) for i in node.individuals)})"
        raise ValueError(f"cannot write {node!r} in functional syntax")

    def annotation(self, ann: Annotation) -> str:
        return f"Annotation({self.value(ann.prop)} {self.value(ann.value)})"

    def axiom(self, ax: Axiom) -> str:
        parts = [self.annotation(a) for a in ax.annotations] + [self.value(arg) for arg in ax.args]
        return f"{ax.kind}({' '.join(parts)})"


def _subject(ax: Axiom) -> Node | None:
    """The entity an axiom is filed under (None: a general axiom such as DisjointClasses)."""
    if ax.kind in ("AnnotationAssertion", "ClassAssertion", "ObjectPropertyAssertion", "DataPropertyAssertion"):
        return ax.args[1]  # type: ignore[return-value]
    if ax.kind == "SubObjectPropertyOf" and isinstance(ax.args[0], tuple):  # a chain: filed under its super-property
        return ax.args[1]  # type: ignore[return-value]
    first = ax.args[0]
    return first if isinstance(first, URIRef) and ax.kind != "DisjointClasses" else None


def render_ontology(ont: Ontology, prefixes: dict[str, str] | None = None) -> str:
    """Functional syntax of a structural ontology, sorted for byte-stable output."""
    r = _Renderer(prefixes or OFN_PREFIXES)
    lines = [f"Prefix({prefix}:=<{ns}>)" for prefix, ns in (prefixes or OFN_PREFIXES).items()]
    lines.append("")
    header = "Ontology("
    if ont.iri is not None:
        header += f"<{ont.iri}>"
        if ont.version_iri is not None:
            header += f"\n<{ont.version_iri}>"
    lines.append(header)
    lines.extend(f"Import(<{i}>)" for i in sorted(ont.imports))
    lines.extend(r.annotation(a) for a in ont.annotations)
    lines.append("")
    for kind in _DECLARATION_ORDER:
        for entity in ont.entities(kind):
            lines.append(f"Declaration({kind}({r.iri(str(entity))}))")
    by_subject: dict[Node, list[str]] = {}
    general: list[str] = []
    for ax in ont.axioms:
        subject = _subject(ax)
        (general if subject is None else by_subject.setdefault(subject, [])).append(r.axiom(ax))
    rank = {k: i for i, k in enumerate(_DECLARATION_ORDER)}

    def entity_key(entity: Node) -> tuple[int, str]:
        kinds = ont.declarations.get(entity, set())  # type: ignore[call-overload]
        return (min((rank[k] for k in kinds), default=len(rank)), str(entity))

    labels = {
        ax.args[1]: str(ax.args[2])
        for ax in ont.axioms
        if ax.kind == "AnnotationAssertion" and str(ax.args[0]).endswith("#label") and isinstance(ax.args[2], Literal) and ax.args[2].language == "en"
    }
    for filed in sorted(by_subject, key=entity_key):
        kinds = sorted(ont.declarations.get(filed, set()), key=lambda k: rank[k])  # type: ignore[call-overload]
        name = f" ({labels[filed]})" if filed in labels else ""
        lines.append("")
        lines.append(f"# {kinds[0] if kinds else 'Entity'}: <{filed}>{name}".replace("\n", " "))
        lines.append("")
        lines.extend(sorted(by_subject[filed]))
    if general:
        lines.append("")
        lines.extend(sorted(general))
    lines.append(")")
    return "\n".join(lines) + "\n"


def to_ofn(graph: Graph) -> str:
    """Serialise the OWL ontology in ``graph`` as deterministic OWL functional syntax."""
    return render_ontology(read_ontology(graph))


def render_axiom(ax: Axiom, prefixes: dict[str, str] | None = None) -> str:
    """One axiom in functional syntax, with the release's prefixes (for diffs and reports)."""
    return _Renderer(prefixes or OFN_PREFIXES).axiom(ax)
