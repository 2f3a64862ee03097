"""Named IRI constants and prefixes used across gluteonto.

The ontology's own terms are named in :mod:`gluteonto.iris` (generated from the edit source).

>>> str(GLUT)
'https://w3id.org/gluteonto/GLUTEONTO_'
>>> expand_curie("FMA:22317")
'http://purl.org/sig/ont/fma/fma22317'
>>> from gluteonto import iris
>>> compact_iri(iris.INNERVATED_BY) == "RO:" + iris.INNERVATED_BY.rsplit("_", 1)[1]
True
>>> str(version_iri("2026-11-24"))
'https://w3id.org/gluteonto/releases/2026-11-24/gluteonto.owl'
>>> print(sparql_prefixes("rdfs", "owl"))
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # built on first use by __getattr__, so importing this module needs no rdflib
    from rdflib import Graph, Namespace
    from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD
    from rdflib.term import URIRef

    GLUT: Namespace
    OBO: Namespace
    OBOINOWL: Namespace
    FMA: Namespace
    SH: Namespace
    IAO_DEFINITION: URIRef

__all__ = [
    "BASE",
    "BRIDGE_IRI",
    "DCTERMS",
    "FMA",
    "GLUT",
    "IAO_DEFINITION",
    "INTERNATIONAL_ONTOLOGY_IRI",
    "OBO_DEFINITION",
    "OBO_REPLACED_BY",
    "OBO",
    "OBOINOWL",
    "ONTOLOGY_IRI",
    "OWL",
    "PREFIXES",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "XSD",
    "bind_prefixes",
    "compact_iri",
    "expand_curie",
    "sparql_prefixes",
    "version_iri",
]

BASE = "https://w3id.org/gluteonto/"
ONTOLOGY_IRI = BASE + "gluteonto.owl"
#: The international edition: the same ontology with its labels and definitions in nb, en and la.
INTERNATIONAL_ONTOLOGY_IRI = BASE + "gluteonto-international.owl"
BRIDGE_IRI = BASE + "gluteonto-fma-bridge.owl"
_OBO = "http://purl.obolibrary.org/obo/"
#: IAO's annotation properties every OBO ontology uses: a term's definition, and the term that replaces an obsolete one.
OBO_DEFINITION = _OBO + "IAO_0000115"
OBO_REPLACED_BY = _OBO + "IAO_0100001"
_OBOINOWL = "http://www.geneontology.org/formats/oboInOwl#"
_FMA = "http://purl.org/sig/ont/fma/"
_SH = "http://www.w3.org/ns/shacl#"

#: Prefix map used by queries, serialisations and CURIE handling (order matters for compaction).
PREFIXES: dict[str, str] = {
    "GLUTEONTO": BASE + "GLUTEONTO_",
    "glut": BASE,
    "BFO": _OBO + "BFO_",
    "RO": _OBO + "RO_",
    "IAO": _OBO + "IAO_",
    "UBERON": _OBO + "UBERON_",
    "HP": _OBO + "HP_",
    "MONDO": _OBO + "MONDO_",
    "FMA": _FMA + "fma",
    "fma": _FMA,
    "obo": _OBO,
    "oboInOwl": _OBOINOWL,
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": _SH,
    "semapv": "https://w3id.org/semapv/vocab/",
    "sssom": "https://w3id.org/sssom/",
}
#: Prefixes not bound in written graphs: ``glut`` and ``obo`` would compete with the term prefixes
#: (GLUTEONTO, RO, …) when rdflib compacts IRIs; the others never occur in the ontology.
_UNBOUND = frozenset({"glut", "obo", "sh", "semapv", "sssom"})


_LAZY = ("GLUT", "OBO", "OBOINOWL", "IAO_DEFINITION", "FMA", "SH", "DCTERMS", "OWL", "RDF", "RDFS", "SKOS", "XSD")


def _rdflib_names() -> dict[str, Any]:
    """The rdflib namespace objects (built on first use, so importing this module stays cheap)."""
    from rdflib import Namespace, URIRef
    from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

    obo = Namespace(_OBO)
    return {
        "GLUT": Namespace(PREFIXES["GLUTEONTO"]),
        "OBO": obo,
        "OBOINOWL": Namespace(_OBOINOWL),
        "IAO_DEFINITION": URIRef(OBO_DEFINITION),
        "FMA": Namespace(_FMA),
        "SH": Namespace(_SH),
        "DCTERMS": DCTERMS,
        "OWL": OWL,
        "RDF": RDF,
        "RDFS": RDFS,
        "SKOS": SKOS,
        "XSD": XSD,
    }


def __getattr__(name: str) -> Any:
    """Build the rdflib-backed constants on first access."""
    if name in _LAZY:
        names = _rdflib_names()
        globals().update(names)
        return names[name]
    raise AttributeError(f"module 'gluteonto.vocab' has no attribute {name!r}")


def expand_curie(curie: str) -> str:
    """Expand a CURIE such as ``UBERON:NNNNNNN`` to a full IRI; raise ``ValueError`` if unknown."""
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
    return f"{best_prefix}:{iri[len(best) :]}"


def version_iri(version: str, file: str = "gluteonto.owl") -> URIRef:
    """The version IRI of a release file: ``<BASE>releases/<version>/<file>``."""
    from rdflib.term import URIRef

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
