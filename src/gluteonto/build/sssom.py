"""The SSSOM mapping set: every class against FMA, Uberon, HPO and MONDO, with explicit gaps."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .source import OntologySource

__all__ = ["SSSOM_COLUMNS", "render_sssom"]

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


def render_sssom(source: OntologySource, reference_ids: Path) -> str:
    """The SSSOM mapping set (TSV with its YAML header) of every class's external mappings."""
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
    header = [
        "# curie_map:",
        "#   GLUTEONTO: https://w3id.org/gluteonto/GLUTEONTO_",
        "#   FMA: http://purl.org/sig/ont/fma/fma",
        "#   UBERON: http://purl.obolibrary.org/obo/UBERON_",
        "#   HP: http://purl.obolibrary.org/obo/HP_",
        "#   MONDO: http://purl.obolibrary.org/obo/MONDO_",
        "#   obo: http://purl.obolibrary.org/obo/",
        "#   semapv: https://w3id.org/semapv/vocab/",
        "#   skos: http://www.w3.org/2004/02/skos/core#",
        "#   sssom: https://w3id.org/sssom/",
        "# mapping_set_id: https://w3id.org/gluteonto/mappings/gluteonto.sssom.tsv",
        f"# mapping_set_version: {source.version}",
        f"# mapping_date: {source.version}",
        "# license: https://creativecommons.org/licenses/by/4.0/",
        "# subject_source: https://w3id.org/gluteonto/gluteonto.owl",
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
