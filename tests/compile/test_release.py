"""The release files are built from the editable source and match the reference data."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDFS

from gluteonto.compile.release import REFERENCE_IDS, render_release
from gluteonto.resources import ontology_file

from ..helpers import EDIT_FILE, ROOT, SHARED_REFERENCE

pytest.importorskip("yaml")


def committed_inferences() -> list[tuple[URIRef, URIRef]]:
    """The (subclass, superclass) pairs the committed full variant asserts beyond the main release: the
    reasoner's inferences as last built (test_variants checks them against HermiT, a slow test), so the
    drift tests need no Java."""

    def pairs(name: str) -> set[tuple[URIRef, URIRef]]:
        graph = Graph().parse(ROOT / "ontology" / name, format="xml")
        return {(s, o) for s, o in graph.subject_objects(RDFS.subClassOf) if isinstance(s, URIRef) and isinstance(o, URIRef)}

    return sorted(pairs("gluteonto-full.owl") - pairs("gluteonto.owl"))


def _bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


@pytest.mark.slow  # builds every release file
def test_release_files_do_not_drift_from_the_source() -> None:
    """The releases, the term constants module and the compiled message catalogues match their sources."""
    rendered = render_release(ROOT, inferred=committed_inferences())
    assert {"src/gluteonto/iris.py", "src/gluteonto/locale/en/LC_MESSAGES/gluteonto.mo", "src/gluteonto/locale/nb/LC_MESSAGES/gluteonto.mo"} <= set(
        rendered
    )
    stale = [rel for rel, content in rendered.items() if (ROOT / rel).read_bytes() != _bytes(content)]
    assert not stale, f"generated files differ from their sources: {stale}; run 'python -m gluteonto.compile'"


@pytest.mark.slow
def test_release_is_reproducible_across_processes() -> None:
    inferred = [(str(s), str(o)) for s, o in committed_inferences()]
    code = (
        "from pathlib import Path; from gluteonto.compile.release import REFERENCE_IDS, render_release; import hashlib, json; "
        "from rdflib import URIRef; "
        f"inferred = [(URIRef(s), URIRef(o)) for s, o in {inferred!r}]; "
        "print(json.dumps({k: hashlib.sha256(v if isinstance(v, bytes) else v.encode()).hexdigest() "
        f"for k, v in render_release(Path({str(ROOT)!r}), inferred).items()}}))"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def _shape(graph: Graph) -> Counter[tuple[str, str, str]]:
    """Triples with every blank node written as '_' (a fast, blank-node-blind fingerprint)."""

    def show(node: object) -> str:
        return "_" if isinstance(node, BNode) else node.n3()  # type: ignore[attr-defined]

    return Counter((show(s), show(p), show(o)) for s, p, o in graph)


@pytest.mark.slow  # parses three whole serialisations
def test_all_three_serialisations_hold_the_same_graph() -> None:
    turtle = Graph().parse(ontology_file("ttl"), format="turtle")
    rdfxml = Graph().parse(ontology_file("owl"), format="xml")
    jsonld = Graph().parse(ontology_file("jsonld"), format="json-ld")
    assert len(turtle) == len(rdfxml) == len(jsonld) > 9000
    assert _shape(turtle) == _shape(rdfxml) == _shape(jsonld)


def test_catalog_maps_ontology_iris_to_local_files() -> None:
    catalog = (ROOT / "ontology" / "catalog-v001.xml").read_text()
    for _name, uri in re.findall(r'name="([^"]+)" uri="([^"]+)"', catalog):
        assert (ROOT / "ontology" / uri).is_file(), uri
    assert 'name="https://w3id.org/gluteonto/gluteonto.owl"' in catalog


def _reference_text() -> str:
    if not SHARED_REFERENCE.is_dir():
        pytest.skip("shared/reference is not beside the checkout")
    return "\n".join(p.read_text(encoding="utf-8") for p in SHARED_REFERENCE.rglob("*") if p.is_file())


def test_vendored_reference_table_is_the_shared_one() -> None:
    if not (SHARED_REFERENCE / "ids.tsv").is_file():
        pytest.skip("shared/reference is not beside the checkout")
    assert (ROOT / REFERENCE_IDS).read_bytes() == (SHARED_REFERENCE / "ids.tsv").read_bytes()


def test_every_external_identifier_comes_from_the_reference_data(ontology_graph: Graph) -> None:
    text = _reference_text()
    from gluteonto.vocab import OBOINOWL, SKOS, compact_iri

    used = {str(o) for o in ontology_graph.objects(None, OBOINOWL.hasDbXref)}
    for predicate in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch):
        for o in ontology_graph.objects(None, predicate):
            curie = compact_iri(str(o))
            if ":" in curie and not curie.startswith("fma:"):
                used.add(curie)
    missing = sorted(c for c in used if not re.search(re.escape(c) + r"(?![0-9])", text))
    assert not missing, f"identifiers not found in shared/reference: {missing}"


def test_exact_fma_and_uberon_matches_agree_with_the_reference_rows() -> None:
    import csv

    rows = {r["key"]: r for r in csv.DictReader((ROOT / REFERENCE_IDS).open(encoding="utf-8"), delimiter="\t")}
    import yaml

    source = yaml.safe_load((EDIT_FILE).read_text(encoding="utf-8"))
    checked = 0
    for entry in source["classes"]:
        ref = entry.get("ref")
        if not ref or ref not in rows:
            continue
        exact = set((entry.get("map") or {}).get("exact", []))
        row = rows[ref]
        for curie in exact:
            if curie.startswith("FMA:"):
                assert curie in row["fma_id"].split(";"), (entry["key"], curie, row["fma_id"])
                checked += 1
            if curie.startswith("UBERON:"):
                assert curie == row["uberon_id"], (entry["key"], curie, row["uberon_id"])
                checked += 1
    assert checked > 60


def test_classes_without_an_fma_or_uberon_term_are_listed_outside_the_mapping_set() -> None:
    mapping_set = (ROOT / "mappings" / "gluteonto.sssom.tsv").read_text(encoding="utf-8")
    assert "NoTermFound" not in mapping_set.split("mapping_set_description")[0] + "\n".join(
        line for line in mapping_set.splitlines() if not line.startswith("#")
    )
    lines = (ROOT / "mappings" / "gluteonto-unmapped.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert rows[0] == ["subject_id", "subject_label", "target_source", "reason"]
    # the trochanteric anastomosis has no FMA or Uberon id in the reference data
    anastomosis = [r for r in rows if r[0] == "GLUTEONTO:0000084"]
    assert {r[2] for r in anastomosis} == {"obo:fma", "obo:uberon"} and all(r[3] for r in anastomosis)
    mapped = {line.split("\t")[0] for line in mapping_set.splitlines() if "\tskos:exactMatch\tFMA:" in line}
    assert not [r for r in rows[1:] if r[2] == "obo:fma" and r[0] in mapped]  # listed only where there is no mapping
    assert "GLUTEONTO:0000004\tgluteus minimus\tskos:exactMatch\tFMA:22317" in mapping_set
