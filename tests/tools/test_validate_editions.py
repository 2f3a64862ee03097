"""`gluteonto validate` on each release: the English-only files are not held to the Norwegian rules, and say so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from gluteonto.cli import main
from gluteonto.resources import ontology_file, release_file
from gluteonto.tools.validate import validate

GM = URIRef("https://w3id.org/gluteonto/GLUTEONTO_0000004")


@pytest.mark.parametrize("engine", ["rudof", pytest.param("pyshacl", marks=pytest.mark.slow)])  # pyshacl: the whole release in Python
def test_the_main_release_conforms_and_says_the_norwegian_rules_are_for_the_international_edition(engine: str) -> None:
    """Regression: `validate ontology/gluteonto.ttl` reported 613 missing Norwegian labels and definitions in the
    English-only main release (one English label per term, by the OBO convention the release follows)."""
    report = validate([ontology_file("ttl")], engine=engine, lang="nb")
    assert report.conforms, report.render()
    assert report.notes == ("validate english only",)
    assert "gjelder den internasjonale utgaven" in report.render()


@pytest.mark.slow  # a changed copy of the whole release
def test_the_international_edition_is_still_held_to_the_norwegian_rules(tmp_path: Path, ontology_graph: Graph) -> None:
    copy = Graph()
    for triple in ontology_graph:
        copy.add(triple)
    copy.remove((GM, RDFS.label, Literal("gluteus minimus", lang="nb")))
    path = tmp_path / "international-without-one-label.ttl"
    copy.serialize(path, format="turtle")
    report = validate([path])
    assert not report.conforms and report.notes == ()
    assert {v.shape for v in report.violations} == {"NorwegianLabelShape"}


@pytest.mark.slow  # a changed copy of the whole release
def test_the_main_release_is_still_held_to_the_english_rules(tmp_path: Path) -> None:
    graph = Graph().parse(ontology_file("ttl"), format="turtle")
    graph.remove((GM, RDFS.label, None))
    path = tmp_path / "main-without-a-label.ttl"
    graph.serialize(path, format="turtle")
    report = validate([path])
    assert not report.conforms and "EnglishLabelShape" in {v.shape for v in report.violations}
    assert "NorwegianLabelShape" not in {v.shape for v in report.violations}


@pytest.mark.slow  # validates a whole variant
def test_a_release_variant_says_what_it_leaves_out() -> None:
    result = CliRunner().invoke(main, ["validate", str(release_file("gluteonto-basic.owl")), "--format", "json"])
    notes = json.loads(result.output)["notes"]
    assert len(notes) == 2 and "basic variant" in notes[1]
