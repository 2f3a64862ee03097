"""ROBOT's standard report, as the project's own SPARQL checks (ontology/report/), on the main release.

Each of the 33 checks of ROBOT's report (32 in its default profile, plus multiple_asserted_superclasses)
is one query returning ``?entity ?property ?value`` rows. On the main release no ERROR check returns a
row, and every WARN or INFO row that remains is allowed and justified in ontology/robot-report-profile.tsv.
Each check is mutation-tested: a seeded defect makes it return a row it did not return before.
"""

from __future__ import annotations

import csv
import re
from typing import Any

import pytest

from gluteonto.resources import ontology_file

from ..helpers import ROOT

ox = pytest.importorskip("pyoxigraph")

REPORT = ROOT / "ontology" / "report"
PROFILE = ROOT / "ontology" / "robot-report-profile.tsv"
#: ROBOT's default levels (its report_profile.txt, read from its documentation)
ROBOT_LEVELS = {
    "ERROR": {
        "deprecated_boolean_datatype",
        "deprecated_class_reference",
        "deprecated_property_reference",
        "duplicate_definition",
        "duplicate_label",
        "illegal_use_of_built_in_vocabulary",
        "label_formatting",
        "label_whitespace",
        "missing_label",
        "missing_ontology_description",
        "missing_ontology_license",
        "missing_ontology_title",
        "misused_obsolete_label",
        "misused_replaced_by",
        "multiple_definitions",
        "multiple_equivalent_class_definitions",
        "multiple_labels",
    },
    "WARN": {
        "annotation_whitespace",
        "duplicate_exact_synonym",
        "duplicate_label_synonym",
        "duplicate_scoped_synonym",
        "equivalent_pair",
        "equivalent_class_axiom_no_genus",
        "invalid_xref",
        "missing_definition",
        "missing_obsolete_label",
        "missing_subset_declaration",
        "missing_synonymtype_declaration",
        "multiple_equivalent_classes",
        "invalid_entity_uri",
    },
    "INFO": {"lowercase_definition", "missing_superclass", "multiple_asserted_superclasses"},
}
LEVEL = {name: level for level, names in ROBOT_LEVELS.items() for name in names}


def _profile() -> dict[str, dict[str, str]]:
    lines = [line for line in PROFILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["check"]: row for row in csv.DictReader(lines, delimiter="\t")}


PROFILE_ROWS = _profile()
CHECKS = sorted(p.stem for p in REPORT.glob("*.rq"))


@pytest.fixture(scope="module")
def quads() -> list[Any]:
    store = ox.Store()
    store.load(path=str(ontology_file("ttl")), format=ox.RdfFormat.TURTLE)
    return list(store)


def _store(quads: list[Any]) -> Any:
    store = ox.Store()
    store.extend(quads)
    return store


def _rows(store: Any, check: str) -> set[tuple[str, ...]]:
    return {tuple(str(cell) if cell is not None else "" for cell in row) for row in store.query((REPORT / f"{check}.rq").read_text(encoding="utf-8"))}


def test_there_is_one_check_per_robot_report_query_with_robots_level() -> None:
    assert len(CHECKS) == 33 and set(CHECKS) == set(LEVEL) == set(PROFILE_ROWS)
    for check in CHECKS:
        header = (REPORT / f"{check}.rq").read_text(encoding="utf-8").splitlines()[:2]
        assert header == [f"# check: {check}", f"# level: {LEVEL[check]}"], check
        assert PROFILE_ROWS[check]["level"] == LEVEL[check], check


@pytest.mark.parametrize("check", CHECKS)
def test_report_check_on_the_main_release(quads: list[Any], check: str) -> None:
    rows = _rows(_store(quads), check)
    allowed = PROFILE_ROWS[check]["allowed"]
    if LEVEL[check] == "ERROR" or allowed == "-":
        assert allowed == "-", f"{check}: an ERROR check cannot be allowed rows"
        assert not rows, sorted(rows)[:5]
        return
    # a WARN/INFO that remains is justified, and the justification still describes what the check finds
    assert PROFILE_ROWS[check]["justification"].strip()
    assert rows, f"{check} returns no rows any more: set its allowed column to '-'"
    pattern = re.compile(allowed)
    unjustified = sorted(r for r in rows if not pattern.search(r[0].strip("<>")))
    assert not unjustified, unjustified[:5]


GM = "<https://w3id.org/gluteonto/GLUTEONTO_0000004>"
MEDIUS = "<https://w3id.org/gluteonto/GLUTEONTO_0000005>"
PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX obo: <http://purl.obolibrary.org/obo/>
PREFIX oboInOwl: <http://www.geneontology.org/formats/oboInOwl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX glut: <https://w3id.org/gluteonto/GLUTEONTO_>
"""
#: check → a SPARQL update seeding the defect it reports
MUTATIONS = {
    "annotation_whitespace": f'INSERT DATA {{ {GM} skos:editorialNote "checked by hand " }}',
    "deprecated_boolean_datatype": f'INSERT DATA {{ {MEDIUS} owl:deprecated "yes" }}',
    "deprecated_class_reference": "INSERT DATA { glut:0000003 owl:deprecated true }",  # gluteal muscle still has subclasses
    "deprecated_property_reference": "INSERT DATA { obo:RO_0002005 owl:deprecated true }",  # innervated by, still in use
    "duplicate_definition": f"INSERT {{ {MEDIUS} obo:IAO_0000115 ?d }} WHERE {{ {GM} obo:IAO_0000115 ?d }}",
    "duplicate_exact_synonym": f'INSERT DATA {{ {GM} oboInOwl:hasExactSynonym "Gluteal Fold"@en . {MEDIUS} oboInOwl:hasExactSynonym "gluteal fold"@en }}',
    "duplicate_label": f"DELETE {{ {MEDIUS} rdfs:label ?old }} INSERT {{ {MEDIUS} rdfs:label ?l }} "
    f"WHERE {{ {GM} rdfs:label ?l . {MEDIUS} rdfs:label ?old }}",
    "duplicate_label_synonym": f"INSERT {{ {MEDIUS} oboInOwl:hasExactSynonym ?l }} WHERE {{ {GM} rdfs:label ?l }}",
    "duplicate_scoped_synonym": f'INSERT DATA {{ {GM} oboInOwl:hasExactSynonym "gm"@en ; oboInOwl:hasRelatedSynonym "gm"@en }}',
    "equivalent_class_axiom_no_genus": f"INSERT DATA {{ {GM} owl:equivalentClass [ a owl:Restriction ; owl:onProperty obo:RO_0002005 ; "
    "owl:someValuesFrom glut:0000062 ] }",
    "equivalent_pair": f"INSERT DATA {{ {GM} owl:equivalentClass {MEDIUS} }}",
    "illegal_use_of_built_in_vocabulary": 'INSERT DATA { rdf:type rdfs:comment "is a" }',
    "invalid_entity_uri": "INSERT DATA { <https://purl.obolibrary.org/obo/UBERON_0008521> a owl:Class }",
    "invalid_xref": f'INSERT DATA {{ {GM} oboInOwl:hasDbXref "FMA 22317" }}',
    "label_formatting": 'INSERT DATA { <https://w3id.org/gluteonto/GLUTEONTO_0999999> rdfs:label "gluteus\\tminimus"@en }',
    "label_whitespace": f"DELETE {{ {GM} rdfs:label ?l }} INSERT {{ {GM} rdfs:label ?padded }} "
    f'WHERE {{ {GM} rdfs:label ?l BIND(STRLANG(CONCAT(STR(?l), " "), LANG(?l)) AS ?padded) }}',
    "lowercase_definition": f"DELETE {{ {GM} obo:IAO_0000115 ?d }} INSERT {{ {GM} obo:IAO_0000115 ?low }} "
    f"WHERE {{ {GM} obo:IAO_0000115 ?d BIND(STRLANG(LCASE(STR(?d)), LANG(?d)) AS ?low) }}",
    "missing_definition": "DELETE WHERE { glut:0000084 obo:IAO_0000115 ?d }",
    "missing_label": "DELETE WHERE { glut:0000062 rdfs:label ?l }",
    "missing_obsolete_label": "INSERT DATA { glut:0000084 owl:deprecated true }",
    "missing_ontology_description": "DELETE WHERE { ?o dcterms:description ?d }",
    "missing_ontology_license": "DELETE WHERE { ?o dcterms:license ?l }",
    "missing_ontology_title": "DELETE WHERE { ?o dcterms:title ?t }",
    "missing_subset_declaration": f"INSERT DATA {{ {GM} oboInOwl:inSubset <https://w3id.org/gluteonto/teaching_subset> }}",
    "missing_superclass": f"DELETE WHERE {{ {GM} rdfs:subClassOf ?parent }}",
    "missing_synonymtype_declaration": "DELETE WHERE { <http://purl.obolibrary.org/obo/gluteonto#LATIN> rdfs:subPropertyOf ?p }",
    "misused_obsolete_label": f"DELETE {{ {GM} rdfs:label ?l }} INSERT {{ {GM} rdfs:label ?old }} "
    f'WHERE {{ {GM} rdfs:label ?l BIND(STRLANG(CONCAT("obsolete ", STR(?l)), LANG(?l)) AS ?old) }}',
    "misused_replaced_by": f"INSERT DATA {{ {GM} obo:IAO_0100001 {MEDIUS} }}",
    "multiple_asserted_superclasses": f"INSERT DATA {{ {GM} rdfs:subClassOf glut:0000001 }}",
    "multiple_definitions": f'INSERT DATA {{ {GM} obo:IAO_0000115 "A second definition."@en }}',
    "multiple_equivalent_class_definitions": f"INSERT DATA {{ {GM} owl:equivalentClass [ owl:intersectionOf ( glut:0000003 glut:0000001 ) ] , "
    "[ owl:intersectionOf ( glut:0000003 glut:0000002 ) ] }",
    "multiple_equivalent_classes": f"INSERT DATA {{ {GM} owl:equivalentClass {MEDIUS} , glut:0000006 }}",
    "multiple_labels": f'INSERT DATA {{ {GM} rdfs:label "little gluteal"@en }}',
}


def test_every_report_check_has_a_mutation() -> None:
    assert set(MUTATIONS) == set(CHECKS)


@pytest.mark.slow  # a mutated copy of the whole release per check
@pytest.mark.parametrize("check", sorted(MUTATIONS))
def test_report_check_catches_its_seeded_defect(quads: list[Any], check: str) -> None:
    store = _store(quads)
    before = _rows(store, check)
    store.update(PREFIXES + MUTATIONS[check])
    assert _rows(store, check) - before, f"{check} did not report the seeded defect"


def test_international_edition_fails_the_label_and_definition_checks_the_main_release_passes() -> None:
    """The reason for two editions: the language-tagged labels are multiple labels to ROBOT."""
    store = ox.Store()
    store.load(path=str(ontology_file("ttl", international=True)), format=ox.RdfFormat.TURTLE)
    assert len({r[0] for r in _rows(store, "multiple_labels")}) > 250
    assert len({r[0] for r in _rows(store, "multiple_definitions")}) > 250


def test_diagonal_abduction_in_extension_names_only_the_exercise(quads: list[Any]) -> None:
    """'Diagonal abduksjon i ekstensjon' is the article's name of the exercise (resisted hip abduction in
    extension, GLUTEONTO:0000662); the movement it trains (GLUTEONTO:0000240) no longer carries it."""
    rows = _rows(_store(quads), "duplicate_exact_synonym")
    assert not rows, sorted(rows)
    holders = {
        s.value
        for s, _p, o, _g in quads
        if isinstance(s, ox.NamedNode) and isinstance(o, ox.Literal) and o.value == "diagonal abduksjon i ekstensjon"
    }
    assert holders == {"https://w3id.org/gluteonto/GLUTEONTO_0000662"}
