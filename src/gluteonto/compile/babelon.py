"""The Norwegian Bokmål translation table in Babelon form (``gluteonto-nb.babelon.tsv``).

One row per term and translated property (label, definition): the English value, the Norwegian
value, both taken from the compiled ontology, so the table can never disagree with the release.
"""

from __future__ import annotations

import csv
import io

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from ..formats.obo import curie
from ..formats.owlmodel import AnnotationIndex, Ontology
from ..vocab import IAO_DEFINITION

__all__ = ["BABELON_COLUMNS", "render_babelon"]

BABELON_COLUMNS = [
    "source",
    "source_version",
    "source_language",
    "translation_language",
    "subject_id",
    "predicate_id",
    "source_value",
    "translation_value",
    "translation_status",
    "translation_type",
]
_PREDICATES = ((RDFS.label, "rdfs:label"), (IAO_DEFINITION, "IAO:0000115"))


def _value(index: AnnotationIndex, entity: URIRef, prop: URIRef, lang: str) -> str | None:
    values = [" ".join(str(v).split()) for v, _ in index.get(entity, str(prop)) if isinstance(v, Literal) and v.language == lang]
    return values[0] if len(values) == 1 else None


def render_babelon(ont: Ontology, lang: str = "nb", source: Ontology | None = None) -> str:
    """The translation table (English → ``lang``) of every label and definition of the ontology.

    ``ont`` holds both languages (the international edition); ``source`` is the ontology whose English
    texts are translated (the main release; default ``ont``), named in the ``source`` columns.
    """
    index = AnnotationIndex(ont)
    source = source or ont
    rows = []
    entities = {iri for iri, kinds in ont.declarations.items() if kinds & {"Class", "ObjectProperty", "AnnotationProperty", "NamedIndividual"}}
    for entity in sorted(entities, key=lambda e: curie(str(e))):
        if "://" in curie(str(entity)):  # no prefix to name it by (the synonym types' OBO-style IRIs): not a table row
            continue
        for prop, name in _PREDICATES:
            english, translated = _value(index, entity, prop, "en"), _value(index, entity, prop, lang)
            if english is None or translated is None:
                continue
            rows.append(
                {
                    "source": str(source.iri),
                    "source_version": str(source.version_iri),
                    "source_language": "en",
                    "translation_language": lang,
                    "subject_id": curie(str(entity)),
                    "predicate_id": name,
                    "source_value": english,
                    "translation_value": translated,
                    "translation_status": "OFFICIAL",
                    "translation_type": "TRANSLATION",
                }
            )
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=BABELON_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
