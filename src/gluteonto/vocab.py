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

from typing import TYPE_CHECKING, Any, Literal

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
    RO: _RO

__all__ = [
    "BASE",
    "BRIDGE_IRI",
    "DCTERMS",
    "FMA",
    "GLUT",
    "IAO_DEFINITION",
    "INTERNATIONAL_ONTOLOGY_IRI",
    "LABEL_LANGS",
    "OBO",
    "OBOINOWL",
    "ONTOLOGY_IRI",
    "OWL",
    "PREFIXES",
    "RDF",
    "RDFS",
    "RO",
    "SH",
    "SKOS",
    "XSD",
    "Lang",
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
_OBOINOWL = "http://www.geneontology.org/formats/oboInOwl#"
_FMA = "http://purl.org/sig/ont/fma/"
_SH = "http://www.w3.org/ns/shacl#"

#: Languages that labels are offered in (``la``: Latin anatomy names, English where there is none).
Lang = Literal["en", "nb", "la"]
LABEL_LANGS: tuple[Lang, ...] = ("en", "nb", "la")

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


class _RO:
    """Relations Ontology / BFO properties reused by gluteonto (IRIs from the reference data)."""

    def __init__(self, obo: Namespace) -> None:
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


_LAZY = ("GLUT", "OBO", "OBOINOWL", "IAO_DEFINITION", "FMA", "SH", "RO", "DCTERMS", "OWL", "RDF", "RDFS", "SKOS",
         "XSD")


def _rdflib_names() -> dict[str, Any]:
    """The rdflib namespace objects (built on first use, so importing this module stays cheap)."""
    from rdflib import Namespace
    from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

    obo = Namespace(_OBO)
    return {"GLUT": Namespace(PREFIXES["GLUTEONTO"]), "OBO": obo, "OBOINOWL": Namespace(_OBOINOWL),
            "IAO_DEFINITION": obo["IAO_0000115"], "FMA": Namespace(_FMA), "SH": Namespace(_SH), "RO": _RO(obo),
            "DCTERMS": DCTERMS, "OWL": OWL, "RDF": RDF, "RDFS": RDFS, "SKOS": SKOS, "XSD": XSD}


def __getattr__(name: str) -> Any:
    """Build the rdflib-backed constants on first access."""
    if name in _LAZY:
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
