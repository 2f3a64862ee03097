"""Summary facts about the packaged ontology."""

from __future__ import annotations

from ..engines import open_engine
from ..vocab import sparql_prefixes

__all__ = ["ontology_info"]

_COUNTS = (
    sparql_prefixes("owl", "rdfs")
    + """
SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  {
    VALUES (?type ?kind) { (owl:Class "classes") (owl:ObjectProperty "object properties")
                           (owl:AnnotationProperty "annotation properties") (owl:NamedIndividual "sources") (owl:Axiom "annotated axioms") }
    ?x a ?type .
    FILTER(?type = owl:Axiom || isIRI(?x))
  } UNION {
    ?c rdfs:subClassOf ?x . ?x a owl:Restriction . BIND("existential restrictions" AS ?kind)
  }
}
GROUP BY ?kind
"""
)

_HEADER = (
    sparql_prefixes("owl", "dcterms")
    + """
SELECT ?ontology ?version ?title ?license WHERE {
  ?ontology a owl:Ontology ; owl:versionIRI ?version ; dcterms:license ?license ; dcterms:title ?title .
  FILTER(lang(?title) = ?lang)
}
"""
)


def ontology_info(engine: str = "oxigraph", lang: str = "en") -> dict[str, str]:
    """Version, IRIs and counts by kind, as an ordered mapping of display name → value (the title in ``lang``
    where the ontology has one, else in English)."""
    from ..terms import Term
    from ..version import package_version

    store = open_engine(engine)
    rows = store.query(_HEADER, {"lang": Term("literal", lang)}).cells or store.query(_HEADER, {"lang": Term("literal", "en")}).cells
    header = [cell.value if cell is not None else "" for cell in rows[0]]
    info = {
        "gluteonto package": package_version(),
        "title": header[2],
        "ontology IRI": header[0],
        "version IRI": header[1],
        "license": header[3],
        "triples": str(store.triple_count()),
    }
    counts = {kind.value: n.value for kind, n in store.query(_COUNTS).cells if kind is not None and n is not None}
    for kind in ("classes", "object properties", "annotation properties", "existential restrictions", "annotated axioms", "sources"):
        info[kind] = counts.get(kind, "0")
    return info
