"""Deterministic RDF/XML writer, so release files diff cleanly between builds.

rdflib's own writers order subjects by hash, which changes from one process to the next.
This writer emits one ``rdf:Description`` per subject, subjects and statements sorted,
the ontology header first; the output is plain RDF/XML that OWL API (Protégé) reads.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF
from rdflib.term import Node

from ..vocab import PREFIXES

__all__ = ["to_rdfxml"]

#: Namespace → XML prefix, from the project's prefix map (namespaces ending in ``/`` or ``#``).
_KNOWN = {ns: prefix for prefix, ns in PREFIXES.items() if ns.endswith(("/", "#"))}


def _split(iri: str) -> tuple[str, str]:
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    return iri[:cut], iri[cut:]


def _subject_key(node: object) -> tuple[int, str]:
    return (1 if isinstance(node, BNode) else 0, str(node))


def _object_key(node: object) -> tuple[int, str, str]:
    if isinstance(node, Literal):
        return (2, str(node), f"{node.language or ''}|{node.datatype or ''}")
    return (*_subject_key(node), "")


def to_rdfxml(graph: Graph) -> str:
    """Serialise ``graph`` as RDF/XML with a stable order of subjects and statements."""
    used = {str(RDF): _KNOWN[str(RDF)]}  # rdf: is always needed; other namespaces only when used
    for predicate_iri in sorted({str(p) for p in graph.predicates()}):
        ns, _local = _split(predicate_iri)
        if ns not in used:
            used[ns] = _KNOWN.get(ns) or f"ns{len(used)}"

    def qname(predicate: Node) -> str:
        ns, local = _split(str(predicate))
        return f"{used[ns]}:{local}"

    ontologies = sorted(graph.subjects(RDF.type, OWL.Ontology), key=_subject_key)
    others = sorted(set(graph.subjects()) - set(ontologies), key=_subject_key)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    for ns, prefix in sorted(used.items(), key=lambda item: item[1]):
        lines.append(f"   xmlns:{prefix}={quoteattr(ns)}")
    lines[-1] += ">"
    for subject in [*ontologies, *others]:
        ident = f"rdf:nodeID={quoteattr(str(subject))}" if isinstance(subject, BNode) else f"rdf:about={quoteattr(str(subject))}"
        lines.append(f"  <rdf:Description {ident}>")
        for predicate, obj in sorted(graph.predicate_objects(subject), key=lambda po: (str(po[0]), _object_key(po[1]))):
            name = qname(predicate)
            if isinstance(obj, BNode):
                lines.append(f"    <{name} rdf:nodeID={quoteattr(str(obj))}/>")
            elif isinstance(obj, URIRef):
                lines.append(f"    <{name} rdf:resource={quoteattr(str(obj))}/>")
            else:
                assert isinstance(obj, Literal)
                attr = ""
                if obj.language:
                    attr = f" xml:lang={quoteattr(obj.language)}"
                elif obj.datatype:
                    attr = f" rdf:datatype={quoteattr(str(obj.datatype))}"
                lines.append(f"    <{name}{attr}>{escape(str(obj))}</{name}>")
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return "\n".join(lines) + "\n"
