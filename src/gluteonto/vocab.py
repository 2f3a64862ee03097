"""Named IRI constants and prefixes used across gluteonto.

>>> str(GLUT["0000004"])
'https://w3id.org/gluteonto/GLUTEONTO_0000004'
>>> expand_curie("FMA:22317")
'http://purl.org/sig/ont/fma/fma22317'
>>> compact_iri("http://purl.obolibrary.org/obo/RO_0002005")
'RO:0002005'
>>> str(version_iri("2026-11-24"))
'https://w3id.org/gluteonto/releases/2026-11-24/gluteonto.owl'
>>> print(sparql_prefixes("rdfs", "owl"))
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

from __future__ import annotations

from typing import Literal

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

__all__ = [
    "BASE",
    "GLUT",
    "ONTOLOGY_IRI",
    "BRIDGE_IRI",
    "OBO",
    "OBOINOWL",
    "IAO_DEFINITION",
    "FMA",
    "PREFIXES",
    "RO",
    "SH",
    "Lang",
    "LABEL_LANGS",
    "expand_curie",
    "compact_iri",
    "version_iri",
    "bind_prefixes",
    "sparql_prefixes",
    "DCTERMS",
    "OWL",
    "RDF",
    "RDFS",
    "SKOS",
    "XSD",
]

BASE = "https://w3id.org/gluteonto/"
GLUT = Namespace(BASE + "GLUTEONTO_")
ONTOLOGY_IRI = BASE + "gluteonto.owl"
BRIDGE_IRI = BASE + "gluteonto-fma-bridge.owl"
OBO = Namespace("http://purl.obolibrary.org/obo/")
OBOINOWL = Namespace("http://www.geneontology.org/formats/oboInOwl#")
IAO_DEFINITION = OBO["IAO_0000115"]
FMA = Namespace("http://purl.org/sig/ont/fma/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: Languages that labels, definitions and reports are offered in.
Lang = Literal["en", "nb"]
LABEL_LANGS: tuple[Lang, ...] = ("en", "nb")


class _RO:
    """Relations Ontology / BFO properties reused by gluteonto (IRIs from the reference data)."""

    part_of = OBO["BFO_0000050"]
    has_part = OBO["BFO_0000051"]
    innervated_by = OBO["RO_0002005"]
    innervates = OBO["RO_0002134"]
    has_muscle_origin = OBO["RO_0002372"]
    has_muscle_insertion = OBO["RO_0002373"]
    attached_to = OBO["RO_0002371"]
    branching_part_of = OBO["RO_0002380"]
    connecting_branch_of = OBO["RO_0002252"]
    vessel_supplies_blood_to = OBO["RO_0020101"]
    adjacent_to = OBO["RO_0002220"]
    continuous_with = OBO["RO_0002150"]
    located_in = OBO["RO_0001025"]


RO = _RO()

#: Prefix map used by queries, serialisations and CURIE handling (order matters for compaction).
PREFIXES: dict[str, str] = {
    "GLUTEONTO": str(GLUT),
    "glut": BASE,
    "BFO": str(OBO) + "BFO_",
    "RO": str(OBO) + "RO_",
    "IAO": str(OBO) + "IAO_",
    "UBERON": str(OBO) + "UBERON_",
    "HP": str(OBO) + "HP_",
    "MONDO": str(OBO) + "MONDO_",
    "FMA": str(FMA) + "fma",
    "fma": str(FMA),
    "obo": str(OBO),
    "oboInOwl": str(OBOINOWL),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sh": str(SH),
    "semapv": "https://w3id.org/semapv/vocab/",
    "sssom": "https://w3id.org/sssom/",
}
#: Prefixes not bound in written graphs: ``glut`` and ``obo`` would compete with the term prefixes
#: (GLUTEONTO, RO, …) when rdflib compacts IRIs; the others never occur in the ontology.
_UNBOUND = frozenset({"glut", "obo", "sh", "semapv", "sssom"})


def expand_curie(curie: str) -> str:
    """Expand a CURIE such as ``UBERON:0008521`` to a full IRI; raise ``ValueError`` if unknown."""
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES or not local:
        raise ValueError(f"not a known CURIE: {curie!r}")
    return PREFIXES[prefix] + local


def compact_iri(iri: str) -> str:
    """Compact an IRI with the longest matching known prefix; return it unchanged if none fits."""
    best = ""
    best_prefix = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            best, best_prefix = namespace, prefix
    if not best:
        return iri
    return f"{best_prefix}:{iri[len(best):]}"


def version_iri(version: str, file: str = "gluteonto.owl") -> URIRef:
    """The version IRI of a release file: ``<BASE>releases/<version>/<file>``."""
    return URIRef(f"{BASE}releases/{version}/{file}")


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (used for every serialisation); return it."""
    for prefix, namespace in PREFIXES.items():
        if prefix not in _UNBOUND:
            graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def sparql_prefixes(*names: str) -> str:
    """SPARQL ``PREFIX`` lines for the named prefixes of :data:`PREFIXES`."""
    return "\n".join(f"PREFIX {name}: <{PREFIXES[name]}>" for name in names)
