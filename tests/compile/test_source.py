"""The typed edit source and the compiler: errors name the entry and the field; the axioms come out as written."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, URIRef

from gluteonto import iris
from gluteonto.compile.compiler import compile_ontology
from gluteonto.compile.source import SourceError, UnionOf, parse_source
from gluteonto.vocab import DCTERMS, GLUT, OWL, RDF, RDFS, SKOS

from ..helpers import ROOT, lang_of

pytest.importorskip("yaml")


def _labels(en: str) -> dict[str, str]:
    return {"en": en, "nb": en + " (nb)"}


def minimal() -> dict[str, Any]:
    """A small valid source: one article, three classes, one property, a union filler."""
    return {
        "ontology": {
            "version": "2026-01-02",
            "created": "2026-01-01",
            "license": "https://creativecommons.org/licenses/by/4.0/",
            "creators": ["gluteonto contributors"],
            "sources": ["art"],
            "title": {"en": "t", "nb": "t"},
            "description": {"en": "d"},
        },
        "sources": [{"key": "art", "id": 850, "type": "article", "label": {"en": "the article"}}],
        "properties": [{"key": "has_agent", "id": 909, "label": _labels("has agent"), "def": _labels("Agent."), "src": ["art"]}],
        "classes": [
            {"key": "article", "id": 1, "label": _labels("article"), "def": _labels("A text."), "src": ["art"]},
            {"key": "muscle", "id": 2, "label": _labels("muscle"), "def": _labels("A muscle."), "src": ["art"]},
            {"key": "tendon", "id": 3, "label": _labels("tendon"), "def": _labels("A tendon."), "src": ["art"]},
            {
                "key": "action",
                "id": 4,
                "label": _labels("action"),
                "def": _labels("An action."),
                "src": ["art"],
                "is_a": ["article"],
                "rel": [["has_agent", {"or": ["muscle", "tendon"]}, "art"]],
            },
        ],
        "disjoint": [{"members": ["muscle", "tendon"], "src": ["art"]}],
    }


def test_reused_property_keeps_its_iri_and_names_its_ontology() -> None:
    data = minimal()
    data["properties"].append(
        {
            "key": "part_of",
            "iri": "BFO:0000050",
            "defined_by": "http://purl.obolibrary.org/obo/bfo.owl",
            "label": _labels("part of"),
            "traits": ["transitive"],
        }
    )
    graph = compile_ontology(parse_source(data))
    assert (URIRef(iris.PART_OF), RDFS.isDefinedBy, URIRef("http://purl.obolibrary.org/obo/bfo.owl")) in graph
    assert (URIRef(iris.PART_OF), RDF.type, OWL.TransitiveProperty) in graph
    assert graph.value(URIRef(iris.PART_OF), DCTERMS.source) is None


def test_minimal_source_compiles_to_annotated_axioms() -> None:
    source = parse_source(minimal())
    action = source.classes[-1]
    assert action.relations[0].filler == UnionOf(("muscle", "tendon"))
    graph = compile_ontology(source)
    restriction = next(o for o in graph.objects(GLUT["0000004"], RDFS.subClassOf) if isinstance(o, BNode))
    assert (restriction, OWL.onProperty, GLUT["0000909"]) in graph
    union = graph.value(restriction, OWL.someValuesFrom)
    assert (union, RDF.type, OWL.Class) in graph and graph.value(union, OWL.unionOf) is not None
    axiom = next(graph.subjects(OWL.annotatedTarget, restriction))
    assert graph.value(axiom, DCTERMS.source) == GLUT["0000850"]
    assert graph.value(URIRef("https://w3id.org/gluteonto/gluteonto.owl"), OWL.versionIRI) == URIRef(
        "https://w3id.org/gluteonto/releases/2026-01-02/gluteonto.owl"
    )


def _broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(minimal())
    change(data)
    return data


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d["classes"][1].update(id=1),
            "class 'muscle': duplicate IRI https://w3id.org/gluteonto/GLUTEONTO_0000001 (already used by 'article')",
        ),
        (lambda d: d["classes"][1].update(key="article"), "class 'article': duplicate key (already a class)"),
        (lambda d: d["classes"][2].update(lable=_labels("x")), "class 'tendon' has unknown field 'lable'"),
        (lambda d: d.update(extra=[]), "the source has unknown section 'extra'"),
        (lambda d: d["classes"][2]["label"].pop("nb"), "class 'tendon' has no nb label"),
        (lambda d: d["classes"][2]["def"].pop("en"), "class 'tendon' has no en definition"),
        (lambda d: d["classes"][2].pop("src"), "class 'tendon' has no src"),
        (lambda d: d["classes"][2].update(none_found={"en": "No FMA class."}), "class 'tendon' has no nb none_found note"),
        (lambda d: d["classes"][2].update(none_found="No FMA class."), "class 'tendon': field 'none_found' must map languages to texts"),
        (lambda d: d["classes"][3].update(is_a=["articel"]), "class 'action': field 'is_a' names 'articel', which is not declared"),
        (
            lambda d: d["classes"][3].update(rel=[["muscle", "tendon"]]),
            "class 'action': field 'rel' names 'muscle', a class, where a property is needed",
        ),
        (
            lambda d: d["classes"][3].update(rel=[["has_agent", {"or": ["muscle", "bone"]}]]),
            "class 'action': field 'rel' names 'bone', which is not declared",
        ),
        (lambda d: d["classes"][3].update(rel=[["has_agent", {"and": ["muscle"]}]]), "malformed class expression"),
        (
            lambda d: d["classes"][3].update(rel=[["has_agent", "muscle", "moore"]]),
            "class 'action': field 'rel' names 'moore', which is not declared",
        ),
        (lambda d: d["classes"][0].update(id="one"), "class 'article': field 'id' must be a positive whole number, not 'one'"),
        (lambda d: d["ontology"].update(version="soon"), "the ontology header: field 'version' must be an ISO date"),
        (lambda d: d["properties"][0].update(traits=["reflexive"]), "property 'has_agent': field 'traits' has 'reflexive'"),
        (lambda d: d["classes"][0].update(purpose={"en": "p"}), "its annotation property 'purpose' is not declared"),
        (lambda d: d["disjoint"][0].update(members=["muscle"]), "disjoint group #1: field 'members' needs two or more classes"),
        (
            lambda d: d["properties"].append({"key": "part_of", "iri": "BFO:0000050", "label": _labels("part of")}),
            "property 'part_of' is reused from BFO:0000050: name its source ontology in defined_by",
        ),
        (
            lambda d: d["properties"].append(
                {
                    "key": "part_of",
                    "iri": "BFO:0000050",
                    "defined_by": "http://purl.obolibrary.org/obo/bfo.owl",
                    "label": _labels("part of"),
                    "src": ["art"],
                }
            ),
            "give it labels and defined_by only",
        ),
    ],
)
def test_errors_name_the_entry_and_field(change: Any, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse_source(_broken(change))
    assert message in str(caught.value)


@pytest.mark.slow
def test_build_command_reports_a_bad_source_in_one_line(tmp_path: Path) -> None:
    import yaml

    data = minimal()
    data["classes"][2]["label"].pop("nb")
    (tmp_path / "ontology" / "source").mkdir(parents=True)
    (tmp_path / "ontology" / "source" / "gluteonto-edit.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "gluteonto.compile", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip() == "build failed: class 'tendon' has no nb label"
    assert not (tmp_path / "ontology" / "gluteonto.owl").exists()


def test_the_note_on_a_missing_identifier_is_english_in_the_main_release_and_bilingual_in_the_international() -> None:
    data = minimal()
    data["classes"][2]["none_found"] = {"en": "No FMA class.", "nb": "Ingen FMA-klasse."}
    source = parse_source(data)
    tendon = source.iri("tendon")
    notes = {(str(o), lang_of(o)) for o in compile_ontology(source).objects(tendon, SKOS.editorialNote)}
    international = {(str(o), lang_of(o)) for o in compile_ontology(source, international=True).objects(tendon, SKOS.editorialNote)}
    assert notes == {("No FMA class.", "en")}
    assert international == {("No FMA class.", "en"), ("Ingen FMA-klasse.", "nb")}


def test_every_note_on_a_missing_identifier_in_the_edit_source_is_in_english_and_norwegian() -> None:
    """The notes on missing FMA/Uberon identifiers were English only, so Norwegian answers showed English."""
    import yaml

    from gluteonto.compile.release import EDIT_FILE

    raw = yaml.safe_load((ROOT / EDIT_FILE).read_text(encoding="utf-8"))
    notes = {entry["key"]: entry["none_found"] for entry in raw["classes"] if "none_found" in entry}
    assert len(notes) >= 116
    missing = [key for key, note in notes.items() if not isinstance(note, dict) or set(note) != {"en", "nb"} or not all(note.values())]
    assert not missing
    same = [key for key, note in notes.items() if " ".join(note["en"].split()) == " ".join(note["nb"].split())]
    assert not same, "a Norwegian note is the English one copied"
