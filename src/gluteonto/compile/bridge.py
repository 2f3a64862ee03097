"""The gluteonto–FMA bridge ontology and the Protégé catalog of the release files."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from ..vocab import (
    BASE,
    BRIDGE_IRI,
    DCTERMS,
    INTERNATIONAL_ONTOLOGY_IRI,
    ONTOLOGY_IRI,
    OWL,
    RDF,
    XSD,
    bind_prefixes,
    expand_curie,
    version_iri,
)
from .source import OntologySource

__all__ = ["bridge_graph", "catalog_xml"]


def bridge_graph(source: OntologySource) -> Graph:
    """The gluteonto–FMA bridge: ``owl:equivalentClass`` for every exact FMA match."""
    g = bind_prefixes(Graph())
    ont = URIRef(BRIDGE_IRI)
    version = source.version
    g.add((ont, RDF.type, OWL.Ontology))
    g.add((ont, OWL.versionIRI, version_iri(version, "gluteonto-fma-bridge.owl")))
    g.add((ont, OWL.imports, URIRef(ONTOLOGY_IRI)))
    g.add((ont, DCTERMS.title, Literal("gluteonto–FMA bridge", lang="en")))
    g.add((ont, DCTERMS.title, Literal("gluteonto–FMA-bro", lang="nb")))
    g.add(
        (
            ont,
            DCTERMS.description,
            Literal(
                "Equivalence axioms between gluteonto classes and FMA classes (exact matches of the SSSOM mapping set). "
                "Open it together with an FMA OWL file to see gluteonto inside FMA's hierarchy.",
                lang="en",
            ),
        )
    )
    g.add(
        (
            ont,
            DCTERMS.description,
            Literal(
                "Ekvivalensaksiomer mellom gluteonto-klasser og FMA-klasser (eksakte treff i SSSOM-koblingene). "
                "Åpne den sammen med en FMA OWL-fil for å se gluteonto i FMA-hierarkiet.",
                lang="nb",
            ),
        )
    )
    g.add((ont, DCTERMS.license, URIRef(source.header.license)))
    g.add((ont, DCTERMS.modified, Literal(version, datatype=XSD.date)))
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license, DCTERMS.modified):
        g.add((prop, RDF.type, OWL.AnnotationProperty))
    for entry in source.classes:
        for curie in entry.mappings.get("exact", ()):
            if not curie.startswith("FMA:"):
                continue
            ours = entry.iri
            fma = URIRef(expand_curie(curie))
            g.add((ours, RDF.type, OWL.Class))
            g.add((fma, RDF.type, OWL.Class))
            g.add((ours, OWL.equivalentClass, fma))
    return g


def catalog_xml(version: str) -> str:
    """The Protégé/OWL API catalog mapping the ontology and bridge IRIs to the release files."""
    entries = [
        (ONTOLOGY_IRI, "gluteonto.owl"),
        (str(version_iri(version)), "gluteonto.owl"),
        (INTERNATIONAL_ONTOLOGY_IRI, "gluteonto-international.owl"),
        (str(version_iri(version, "gluteonto-international.owl")), "gluteonto-international.owl"),
        *[
            (iri, f"gluteonto-{variant}.owl")
            for variant in ("base", "full", "simple", "basic")
            for iri in (f"{BASE}gluteonto-{variant}.owl", str(version_iri(version, f"gluteonto-{variant}.owl")))
        ],
        (BRIDGE_IRI, "gluteonto-fma-bridge.owl"),
    ]
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        '<catalog prefer="public" xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">',
    ]
    for name, uri in entries:
        lines.append(f'  <uri id="gluteonto" name="{name}" uri="{uri}"/>')
    lines.append("</catalog>")
    return "\n".join(lines) + "\n"
