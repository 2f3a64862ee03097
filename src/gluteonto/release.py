"""Build every release artefact from the editable source: ``python -m gluteonto.release``.

Writes, from ``ontology/gluteonto-edit.yaml``:

* ``ontology/gluteonto.owl`` (RDF/XML, what Protégé opens), ``gluteonto.ttl``, ``gluteonto.jsonld``;
* ``ontology/gluteonto-fma-bridge.owl`` / ``.ttl``: OWL equivalences to FMA classes;
* ``ontology/catalog-v001.xml``: the Protégé/OWL API catalog for the files above;
* ``mappings/gluteonto.sssom.tsv``: the SSSOM mapping set (FMA, Uberon, HPO, MONDO).

:func:`render_release` is pure (returns path → text), so tests can check that the committed
files do not drift from the source.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .build import OntologySource, bind_prefixes, compile_ontology, load_source
from .fileio import atomic_write_text
from .rdfxml import to_jsonld, to_rdfxml
from .vocab import BRIDGE_IRI, DCTERMS, ONTOLOGY_IRI, OWL, RDF, XSD, expand_curie

__all__ = ["REPO_ROOT", "EDIT_FILE", "render_release", "write_release", "main"]

REPO_ROOT = Path(__file__).resolve().parents[2]
EDIT_FILE = REPO_ROOT / "ontology" / "gluteonto-edit.yaml"

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


def _reference_labels(root: Path) -> dict[str, str]:
    """CURIE → label as recorded in the vendored reference table (Uberon, FMA, HPO, MONDO)."""
    labels: dict[str, str] = {}
    with (root / "mappings" / "reference-ids.tsv").open(encoding="utf-8") as handle:
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


def _sssom(source: OntologySource, root: Path) -> str:
    labels = _reference_labels(root)
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


def _bridge(source: OntologySource) -> Graph:
    g = bind_prefixes(Graph())
    ont = URIRef(BRIDGE_IRI)
    version = source.version
    g.add((ont, RDF.type, OWL.Ontology))
    g.add((ont, OWL.versionIRI, URIRef(f"https://w3id.org/gluteonto/releases/{version}/gluteonto-fma-bridge.owl")))
    g.add((ont, OWL.imports, URIRef(ONTOLOGY_IRI)))
    g.add((ont, DCTERMS.title, Literal("gluteonto–FMA bridge", lang="en")))
    g.add((ont, DCTERMS.title, Literal("gluteonto–FMA-bro", lang="nb")))
    g.add((ont, DCTERMS.description, Literal(
        "Equivalence axioms between gluteonto classes and FMA classes (exact matches of the SSSOM mapping set). "
        "Open it together with an FMA OWL file to see gluteonto inside FMA's hierarchy.", lang="en")))
    g.add((ont, DCTERMS.description, Literal(
        "Ekvivalensaksiomer mellom gluteonto-klasser og FMA-klasser (eksakte treff i SSSOM-koblingene). "
        "Åpne den sammen med en FMA OWL-fil for å se gluteonto i FMA-hierarkiet.", lang="nb")))
    g.add((ont, DCTERMS.license, URIRef(source.data["ontology"]["license"])))
    g.add((ont, DCTERMS.modified, Literal(version, datatype=XSD.date)))
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license, DCTERMS.modified):
        g.add((prop, RDF.type, OWL.AnnotationProperty))
    for entry in source.data["classes"]:
        for curie in (entry.get("map") or {}).get("exact", []):
            if not curie.startswith("FMA:"):
                continue
            ours = source.iri(entry["key"])
            fma = URIRef(expand_curie(curie))
            g.add((ours, RDF.type, OWL.Class))
            g.add((fma, RDF.type, OWL.Class))
            g.add((ours, OWL.equivalentClass, fma))
    return g


def _catalog() -> str:
    entries = [
        (ONTOLOGY_IRI, "gluteonto.owl"),
        ("https://w3id.org/gluteonto/releases/{v}/gluteonto.owl", "gluteonto.owl"),
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


def render_release(root: Path = REPO_ROOT) -> dict[str, str]:
    """Compile ``root``/ontology/gluteonto-edit.yaml; return every release file as repo-relative path → text."""
    source = load_source(root / "ontology" / "gluteonto-edit.yaml")
    graph = compile_ontology(source)
    bridge = _bridge(source)
    catalog = _catalog().replace("{v}", source.version)
    return {
        "ontology/gluteonto.ttl": graph.serialize(format="turtle"),
        "ontology/gluteonto.owl": to_rdfxml(graph),
        "ontology/gluteonto.jsonld": to_jsonld(graph),
        "ontology/gluteonto-fma-bridge.ttl": bridge.serialize(format="turtle"),
        "ontology/gluteonto-fma-bridge.owl": to_rdfxml(bridge),
        "ontology/catalog-v001.xml": catalog,
        "mappings/gluteonto.sssom.tsv": _sssom(source, root),
    }


def write_release(root: Path = REPO_ROOT) -> list[Path]:
    """Render and atomically write every release file under ``root``; return the paths."""
    written = []
    for rel, text in render_release(root).items():
        path = root / rel
        atomic_write_text(path, text)
        written.append(path)
    return written


def main(argv: Iterable[str] | None = None) -> int:
    if not EDIT_FILE.is_file():
        print("release: run this from a source checkout (ontology/gluteonto-edit.yaml not found)", file=sys.stderr)
        return 2
    try:
        for path in write_release():
            print(f"wrote {path.relative_to(REPO_ROOT)}")
    except (ValueError, KeyError, OSError) as exc:
        print(f"release failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
