"""`gluteonto validate` on each release: the English-only files are not held to the Norwegian rules, and say so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

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


def _shapes_failed_without_the_label_of_gluteus_minimus(release: Path, tmp_path: Path) -> set[str]:
    """The shapes a copy of ``release`` without gluteus minimus's labels fails."""
    graph = Graph().parse(release, format="turtle" if release.suffix == ".ttl" else "xml")
    graph.remove((GM, RDFS.label, None))
    path = tmp_path / f"{release.stem}-without-a-label.ttl"
    graph.serialize(path, format="turtle")
    return {v.shape for v in validate([path]).violations}


@pytest.mark.slow  # a changed copy of the whole release
def test_the_main_release_is_still_held_to_the_english_rules(tmp_path: Path) -> None:
    failed = _shapes_failed_without_the_label_of_gluteus_minimus(ontology_file("ttl"), tmp_path)
    assert "EnglishLabelShape" in failed and "NorwegianLabelShape" not in failed


@pytest.mark.slow  # validates a whole variant
def test_a_release_variant_says_what_it_leaves_out() -> None:
    result = CliRunner().invoke(main, ["validate", str(release_file("gluteonto-basic.owl")), "--format", "json"])
    notes = json.loads(result.output)["notes"]
    assert len(notes) == 2 and "basic variant" in notes[1]


VARIANTS = ("base", "full", "simple", "basic")


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_release_variant_conforms_to_the_shapes_that_apply_to_it(variant: str) -> None:
    """Regression: the shipped variants failed the project's own validator (base 26 problems on the reused RO/BFO
    properties it only declares, full 3 on the defined class "muscle action of gluteus minimus", simple 1686 and
    basic 1314, most of them the sources' information resources, whose classes the variants had dropped)."""
    report = validate([release_file(f"gluteonto-{variant}.owl")])
    assert report.conforms, report.render()[:3000]
    assert report.notes == ("validate english only", f"validate variant {variant}")


def test_a_variant_leaves_out_only_the_rules_for_what_it_leaves_out_by_design() -> None:
    from gluteonto.shacl.engines import left_out_rules

    def rules(variant: str) -> set[str]:
        return set(left_out_rules([f"https://w3id.org/gluteonto/gluteonto-{variant}.owl"])) - set(
            left_out_rules(["https://w3id.org/gluteonto/gluteonto.owl"])
        )

    assert rules("full") == set()
    assert rules("base") == {"ReusedPropertyShape"}
    assert rules("simple") == rules("basic")
    # what the simple and basic variants keep is still checked: labels, definitions, sources, provenance
    kept = {"EnglishLabelShape", "EnglishDefinitionShape", "TermSourceShape", "AxiomSourceShape", "XrefShape", "AffectsDomainShape"}
    assert not kept & rules("simple")


@pytest.mark.slow  # a changed copy of a whole variant
def test_the_base_variant_is_still_held_to_the_english_label_rule_for_its_own_terms(tmp_path: Path) -> None:
    assert _shapes_failed_without_the_label_of_gluteus_minimus(release_file("gluteonto-base.owl"), tmp_path) == {"EnglishLabelShape"}


def test_the_simple_variant_keeps_the_axiom_annotations_its_note_says_it_keeps() -> None:
    """Regression: the note said simple is without axiom annotations while the file held 1383 of them (the ODK's
    simple variant keeps them: ROBOT's filter keeps an annotated axiom whole); file and note now agree."""
    from gluteonto.i18n import msg

    simple = Graph().parse(release_file("gluteonto-simple.owl"), format="xml")
    axioms = list(simple.subjects(RDF.type, OWL.Axiom))
    assert len(axioms) > 1000
    for ax in axioms:  # each annotates a statement the variant keeps
        triple = (simple.value(ax, OWL.annotatedSource), simple.value(ax, OWL.annotatedProperty), simple.value(ax, OWL.annotatedTarget))
        assert triple in simple, triple
    assert "with the annotations and their axiom annotations" in msg("validate variant simple", "en")
    assert "without" not in msg("validate variant simple", "en")


@pytest.mark.parametrize("variant", ["base", "basic", "simple", "full"])
def test_every_variant_declares_the_synonym_types_it_uses(variant: str) -> None:
    """Regression: base and basic used the synonym types gluteonto#LATIN and gluteonto#NORWEGIAN_BOKMAL without
    declaring them sub-properties of oboInOwl:SynonymTypeProperty (ROBOT's missing_synonymtype_declaration)."""
    graph = Graph().parse(release_file(f"gluteonto-{variant}.owl"), format="xml")
    used = set(graph.objects(None, URIRef("http://www.geneontology.org/formats/oboInOwl#hasSynonymType")))
    assert {str(t).rsplit("#", 1)[-1] for t in used} == {"LATIN", "NORWEGIAN_BOKMAL"}
    for synonym_type in used:
        assert (synonym_type, RDFS.subPropertyOf, URIRef("http://www.geneontology.org/formats/oboInOwl#SynonymTypeProperty")) in graph
