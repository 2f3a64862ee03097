"""The SSSOM mapping set: every class against FMA, Uberon, HPO and MONDO, with explicit gaps."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .source import OntologySource

__all__ = ["CURIE_MAP", "SSSOM_COLUMNS", "mapping_rows", "mapping_set_metadata", "render_sssom", "render_sssom_json"]

SSSOM_COLUMNS = [
    "subject_id", "subject_label", "predicate_id", "object_id", "object_label",
    "mapping_justification", "object_source", "author_label", "comment",
]


def _anatomical_keys(source: OntologySource) -> set[str]:
    """Keys of classes under 'anatomical entity' (by asserted is_a)."""
    parents: dict[str, list[str]] = {}
    for entry in source.data["classes"]:
        parents[entry["key"]] = [p if isinstance(p, str) else p[0] for p in entry.get("is_a", [])]
    out: set[str] = set()

    def reaches(key: str, seen: frozenset[str] = frozenset()) -> bool:
        if key == "anatomical_entity":
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


#: The curie_map of the mapping set (TSV header and JSON context).
CURIE_MAP: dict[str, str] = {
    "GLUTEONTO": "https://w3id.org/gluteonto/GLUTEONTO_",
    "FMA": "http://purl.org/sig/ont/fma/fma",
    "UBERON": "http://purl.obolibrary.org/obo/UBERON_",
    "HP": "http://purl.obolibrary.org/obo/HP_",
    "MONDO": "http://purl.obolibrary.org/obo/MONDO_",
    "obo": "http://purl.obolibrary.org/obo/",
    "semapv": "https://w3id.org/semapv/vocab/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "sssom": "https://w3id.org/sssom/",
    "w3id": "https://w3id.org/",
}
_DESCRIPTION = (
    "Mappings of gluteonto classes to FMA, Uberon, HPO and MONDO. Every anatomical class has a row for FMA "
    "and for Uberon; sssom:NoTermFound marks where the project's reference data holds no identifier."
)


def mapping_rows(source: OntologySource, reference_ids: Path) -> list[dict[str, str]]:
    """Every mapping of the set (one dict per row, SSSOM column → value), sorted."""
    labels = _reference_labels(reference_ids)
    anatomical = _anatomical_keys(source)
    rows: list[dict[str, str]] = []
    for entry in source.data["classes"]:
        subject = "GLUTEONTO:" + f"{int(entry['id']):07d}"
        label = entry["label"]["en"]
        ref = f"reference table row '{entry['ref']}'" if entry.get("ref") else "reference data"
        mapped_prefixes: set[str] = set()
        for kind, curies in (entry.get("map") or {}).items():
            for curie in curies:
                prefix = curie.split(":")[0]
                mapped_prefixes.add(prefix)
                rows.append({
                    "subject_id": subject, "subject_label": label,
                    "predicate_id": f"skos:{kind}Match", "object_id": curie,
                    "object_label": labels.get(curie, ""),
                    "mapping_justification": "semapv:ManualMappingCuration",
                    "object_source": f"obo:{prefix.lower()}",
                    "author_label": "gluteonto contributors",
                    "comment": f"Identifier taken from the project's {ref}.",
                })
        if entry["key"] in anatomical:
            for prefix in ("FMA", "UBERON"):
                if prefix in mapped_prefixes:
                    continue
                note = entry.get("none_found") or "No identifier was found in the reference data."
                rows.append({
                    "subject_id": subject, "subject_label": label,
                    "predicate_id": "skos:exactMatch", "object_id": "sssom:NoTermFound",
                    "object_label": "", "mapping_justification": "semapv:ManualMappingCuration",
                    "object_source": f"obo:{prefix.lower()}", "author_label": "gluteonto contributors",
                    "comment": f"No {prefix} identifier found. " + " ".join(note.split()),
                })
    rows.sort(key=lambda r: (r["subject_id"], r["object_source"], r["object_id"]))
    return rows


def mapping_set_metadata(source: OntologySource) -> dict[str, object]:
    """The mapping-set level slots (strings stay strings: the version is quoted in YAML)."""
    return {
        "mapping_set_id": "https://w3id.org/gluteonto/mappings/gluteonto.sssom.tsv",
        "mapping_set_version": source.version,
        "mapping_date": source.version,
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "subject_source": "w3id:gluteonto/gluteonto.owl",
        "creator_label": ["gluteonto contributors"],
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
        "#   - gluteonto contributors",
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
