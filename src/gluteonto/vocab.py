"""Named IRI constants and prefixes used across gluteonto.

>>> str(GLUT["0000004"])
'https://w3id.org/gluteonto/GLUTEONTO_0000004'
>>> expand_curie("FMA:22317")
'http://purl.org/sig/ont/fma/fma22317'
>>> compact_iri("http://purl.obolibrary.org/obo/RO_0002005")
'RO:0002005'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # built on first use by __getattr__, so importing this module needs no rdflib
    from rdflib import Namespace
    from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD
    from rdflib.term import URIRef

    GLUT: Namespace
    OBO: Namespace
    OBOINOWL: Namespace
    FMA: Namespace
    IAO_DEFINITION: URIRef
    RO: _RO

__all__ = [
    "BASE",
    "BRIDGE_IRI",
    "DCTERMS",
    "FMA",
    "GLUT",
    "IAO_DEFINITION",
    "OBO",
    "OBOINOWL",
    "ONTOLOGY_IRI",
    "OWL",
    "PREFIXES",
    "RDF",
    "RDFS",
    "RO",
    "SKOS",
    "XSD",
    "compact_iri",
    "expand_curie",
]

BASE = "https://w3id.org/gluteonto/"
ONTOLOGY_IRI = BASE + "gluteonto.owl"
BRIDGE_IRI = BASE + "gluteonto-fma-bridge.owl"
_OBO = "http://purl.obolibrary.org/obo/"
_OBOINOWL = "http://www.geneontology.org/formats/oboInOwl#"
_FMA = "http://purl.org/sig/ont/fma/"

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
    "sh": "http://www.w3.org/ns/shacl#",
}


class _RO:
    """Relations Ontology / BFO properties reused by gluteonto (IRIs from the reference data)."""

    def __init__(self, obo: Any) -> None:
        self.part_of = obo["BFO_0000050"]
        self.has_part = obo["BFO_0000051"]
        self.innervated_by = obo["RO_0002005"]
        self.innervates = obo["RO_0002134"]
        self.has_muscle_origin = obo["RO_0002372"]
        self.has_muscle_insertion = obo["RO_0002373"]
        self.attached_to = obo["RO_0002371"]
        self.branching_part_of = obo["RO_0002380"]
        self.connecting_branch_of = obo["RO_0002252"]
        self.vessel_supplies_blood_to = obo["RO_0020101"]
        self.adjacent_to = obo["RO_0002220"]
        self.continuous_with = obo["RO_0002150"]
        self.located_in = obo["RO_0001025"]


def _rdflib_names() -> dict[str, Any]:
    """The rdflib namespace objects (built on first use, so importing this module stays cheap)."""
    from rdflib import Namespace
    from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

    obo = Namespace(_OBO)
    return {"GLUT": Namespace(BASE + "GLUTEONTO_"), "OBO": obo, "OBOINOWL": Namespace(_OBOINOWL),
            "IAO_DEFINITION": obo["IAO_0000115"], "FMA": Namespace(_FMA), "RO": _RO(obo), "DCTERMS": DCTERMS,
            "OWL": OWL, "RDF": RDF, "RDFS": RDFS, "SKOS": SKOS, "XSD": XSD}


def __getattr__(name: str) -> Any:
    if name in ("GLUT", "OBO", "OBOINOWL", "IAO_DEFINITION", "FMA", "RO", "DCTERMS", "OWL", "RDF", "RDFS", "SKOS", "XSD"):
        names = _rdflib_names()
        globals().update(names)
        return names[name]
    raise AttributeError(f"module 'gluteonto.vocab' has no attribute {name!r}")


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
