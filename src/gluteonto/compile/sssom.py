"""The SSSOM mapping set: every class against FMA, Uberon, HPO and MONDO, with explicit gaps."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..vocab import BASE, ONTOLOGY_IRI, PREFIXES, compact_iri
from .source import ClassEntry, OntologySource

_W3ID = "https://w3id.org/"

__all__ = ["CURIE_MAP", "SSSOM_COLUMNS", "mapping_rows", "mapping_set_metadata", "render_sssom", "render_sssom_json"]

SSSOM_COLUMNS = [
    "subject_id", "subject_label", "predicate_id", "object_id", "object_label",
    "mapping_justification", "object_source", "author_label", "comment",
]
#: The set's ``curie_map`` (TSV header and JSON-LD context): prefixes of
#: :data:`~gluteonto.vocab.PREFIXES`, plus ``w3id`` for the CURIE of the subject source.
CURIE_MAP: dict[str, str] = {
    **{prefix: PREFIXES[prefix] for prefix in ("GLUTEONTO", "FMA", "UBERON", "HP", "MONDO", "obo", "semapv", "skos",
                                               "sssom")},
    "w3id": _W3ID,
}
#: The class whose subclasses are anatomical (they get an explicit row when FMA/Uberon has no id).
ANATOMICAL_ROOT = "anatomical_entity"
_AUTHOR = "gluteonto contributors"
_JUSTIFICATION = "semapv:ManualMappingCuration"
_DESCRIPTION = (
    "Mappings of gluteonto classes to FMA, Uberon, HPO and MONDO. Every anatomical class has a row for FMA "
    "and for Uberon; sssom:NoTermFound marks where the project's reference data holds no identifier."
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


def _rows(entry: ClassEntry, anatomical: bool, labels: dict[str, str]) -> list[dict[str, str]]:
    subject = compact_iri(str(entry.iri))
    label = entry.label["en"]
    ref = f"reference table row '{entry.ref}'" if entry.ref else "reference data"
    rows = []
    mapped_prefixes: set[str] = set()
    for kind, curies in entry.mappings.items():
        for curie in curies:
            prefix = curie.split(":")[0]
            mapped_prefixes.add(prefix)
            rows.append({
                "subject_id": subject, "subject_label": label,
                "predicate_id": f"skos:{kind}Match", "object_id": curie,
                "object_label": labels.get(curie, ""),
                "mapping_justification": _JUSTIFICATION,
                "object_source": f"obo:{prefix.lower()}",
                "author_label": _AUTHOR,
                "comment": f"Identifier taken from the project's {ref}.",
            })
    if anatomical:
        for prefix in ("FMA", "UBERON"):
            if prefix in mapped_prefixes:
                continue
            note = entry.none_found or "No identifier was found in the reference data."
            rows.append({
                "subject_id": subject, "subject_label": label,
                "predicate_id": "skos:exactMatch", "object_id": "sssom:NoTermFound",
                "object_label": "", "mapping_justification": _JUSTIFICATION,
                "object_source": f"obo:{prefix.lower()}", "author_label": _AUTHOR,
                "comment": f"No {prefix} identifier found. " + " ".join(note.split()),
            })
    return rows


def mapping_rows(source: OntologySource, reference_ids: Path) -> list[dict[str, str]]:
    """Every mapping of the set (one dict per row, SSSOM column → value), sorted."""
    labels = _reference_labels(reference_ids)
    anatomical = _anatomical_keys(source)
    rows = [row for entry in source.classes for row in _rows(entry, entry.key in anatomical, labels)]
    rows.sort(key=lambda r: (r["subject_id"], r["object_source"], r["object_id"]))
    return rows


def mapping_set_metadata(source: OntologySource) -> dict[str, object]:
    """The mapping-set level slots (strings stay strings: the version is quoted in YAML)."""
    return {
        "mapping_set_id": f"{BASE}mappings/gluteonto.sssom.tsv",
        "mapping_set_version": source.version,
        "mapping_date": source.version,
        "license": source.header.license,
        "subject_source": "w3id:" + ONTOLOGY_IRI.removeprefix(_W3ID),
        "creator_label": [_AUTHOR],
        "mapping_set_description": _DESCRIPTION,
    }


def render_sssom(source: OntologySource, reference_ids: Path) -> str:
    """The SSSOM mapping set (TSV with its YAML header) of every class's external mappings."""
    rows = mapping_rows(source, reference_ids)
    meta = mapping_set_metadata(source)
    header = ["# curie_map:"] + [f"#   {prefix}: {ns}" for prefix, ns in CURIE_MAP.items()]
    header += [
        f"# mapping_set_id: {meta['mapping_set_id']}",
        f'# mapping_set_version: "{meta["mapping_set_version"]}"',
        f"# mapping_date: {meta['mapping_date']}",
        f"# license: {meta['license']}",
        f"# subject_source: {meta['subject_source']}",
        "# creator_label:",
        f"#   - {_AUTHOR}",
        "# mapping_set_description: Mappings of gluteonto classes to FMA, Uberon, HPO and MONDO. Every",
        "#   anatomical class has a row for FMA and for Uberon; sssom:NoTermFound marks where the",
        "#   project's reference data holds no identifier.",
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SSSOM_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\n".join(header) + "\n" + buffer.getvalue()


def render_sssom_json(source: OntologySource, reference_ids: Path) -> str:
    """The same mapping set as SSSOM JSON: the set's slots, its curie_map as the JSON-LD context, the mappings."""
    mappings = []
    for row in mapping_rows(source, reference_ids):
        mapping: dict[str, object] = {k: v for k, v in row.items() if v}
        mapping["author_label"] = [row["author_label"]]
        mappings.append(mapping)
    document: dict[str, object] = {"@context": {**CURIE_MAP, "@vocab": CURIE_MAP["sssom"]}, "@type": "MappingSet",
                                   **mapping_set_metadata(source), "mappings": mappings}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
