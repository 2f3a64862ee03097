"""The ontology header and the OBO dashboard checks that apply to a w3id-hosted ontology; the release
diff and changelog against the previous release; no term of a release disappears."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from gluteonto.compile.diff import REPLACED_BY, lost_terms, release_diff, render_diff
from gluteonto.compile.release import PREVIOUS_RELEASE
from gluteonto.resources import ontology_file
from gluteonto.vocab import DCTERMS, IAO_DEFINITION

from ..helpers import ROOT, lang_of

FOAF_HOMEPAGE = URIRef("http://xmlns.com/foaf/0.1/homepage")
OPEN_LICENCES = {"https://creativecommons.org/licenses/by/4.0/", "https://creativecommons.org/publicdomain/zero/1.0/"}
OWN = "https://w3id.org/gluteonto/GLUTEONTO_"


@pytest.fixture(scope="module")
def main() -> Graph:
    return Graph().parse(ontology_file("ttl"), format="turtle")


@pytest.fixture(scope="module")
def previous() -> Graph:
    return Graph().parse(ROOT / PREVIOUS_RELEASE, format="turtle")


def _header(graph: Graph) -> URIRef:
    (ontology,) = set(graph.subjects(RDF.type, OWL.Ontology))
    return ontology  # type: ignore[return-value]


def test_header_has_title_description_licence_creator_homepage_and_version(main: Graph) -> None:
    ont = _header(main)
    assert {lang_of(o) for o in main.objects(ont, DCTERMS.title)} >= {"en"}
    assert [o for o in main.objects(ont, DCTERMS.description) if lang_of(o) == "en"]
    assert str(main.value(ont, DCTERMS.license)) in OPEN_LICENCES  # OBO principle 1: open, as an IRI
    assert isinstance(main.value(ont, DCTERMS.license), URIRef)
    assert [str(o) for o in main.objects(ont, DCTERMS.creator)]
    assert main.value(ont, FOAF_HOMEPAGE) == URIRef("https://w3id.org/gluteonto/")  # OBO principle 8: a homepage
    version = str(main.value(ont, OWL.versionInfo))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", version)
    # OBO principle 4: a dated version IRI, the same date as the version info
    assert str(main.value(ont, OWL.versionIRI)) == f"https://w3id.org/gluteonto/releases/{version}/gluteonto.owl"
    assert str(ont) == "https://w3id.org/gluteonto/gluteonto.owl"


#: every property the header uses, none of them a contact point (docs/design.md, "Header and contact")
HEADER_PROPERTIES = {
    RDF.type,
    DCTERMS.title,
    DCTERMS.description,
    DCTERMS.license,
    DCTERMS.creator,
    DCTERMS.created,
    DCTERMS.modified,
    DCTERMS.source,
    RDFS.comment,
    OWL.versionIRI,
    OWL.versionInfo,
    FOAF_HOMEPAGE,
}


def test_header_names_no_contact_the_project_does_not_have(main: Graph) -> None:
    """OBO's contact is a named person's e-mail address or the repository's issue tracker; the project has
    neither, so the header claims none (no invented person or address) and the design notes say so.
    Once pyproject.toml names an issue tracker this fails, so the header and the note change with it."""
    assert "[project.urls]" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    ont = _header(main)
    assert set(main.predicates(ont, None)) <= HEADER_PROPERTIES
    values = [str(o) for o in main.objects(ont, None)]
    assert not [
        v for v in values if v.startswith("mailto:") or re.search(r"[\w.+-]+@[\w-]+\.\w", v) or re.search(r"github\.com|gitlab\.com|/issues\b", v)
    ]
    assert [str(o) for o in main.objects(ont, DCTERMS.creator)] == ["gluteonto contributors"]
    design = re.sub(r"\s+", " ", (ROOT / "docs" / "design.md").read_text(encoding="utf-8"))
    assert "It names **no contact**" in design


def test_every_own_term_has_an_identifier_of_the_project_form(main: Graph) -> None:
    """OBO principle 3: one identifier space, stable seven-digit ids."""
    own = {
        s for s in main.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith("https://w3id.org/gluteonto/") and s != _header(main)
    }
    assert own and all(re.fullmatch(re.escape(OWN) + r"\d{7}", str(s)) for s in own)


def test_relations_are_reused_from_ro_and_bfo_or_the_projects_own(main: Graph) -> None:
    """OBO principle 7: relations from RO/BFO where they exist; the project's own ones in its id space."""
    properties = {p for p in main.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef)}
    foreign = [p for p in properties if not str(p).startswith((OWN, "http://purl.obolibrary.org/obo/RO_", "http://purl.obolibrary.org/obo/BFO_"))]
    assert not foreign
    reused = [p for p in properties if not str(p).startswith(OWN)]
    assert reused and all((p, RDFS.isDefinedBy, None) in main for p in reused)


def test_every_own_class_has_a_textual_definition_and_one_english_label(main: Graph) -> None:
    """OBO principles 6 and 12 (the report checks ask the same of every entity)."""
    classes = {c for c in main.subjects(RDF.type, OWL.Class) if str(c).startswith(OWN)}
    for cls in classes:
        assert len([o for o in main.objects(cls, IAO_DEFINITION) if lang_of(o) == "en"]) == 1, cls
        assert len(list(main.objects(cls, RDFS.label))) == 1, cls


def test_no_term_of_the_previous_release_disappears(previous: Graph, main: Graph) -> None:
    assert lost_terms(previous, main) == []


def test_a_removed_or_unreplaced_deprecated_term_is_caught(previous: Graph, main: Graph) -> None:
    term = URIRef(OWN + "0000084")
    dropped = Graph()
    for triple in main:
        if triple[0] != term:
            dropped.add(triple)
    assert [p for p in lost_terms(previous, dropped) if p.startswith("GLUTEONTO:0000084")]
    deprecated = Graph()
    for triple in main:
        deprecated.add(triple)
    deprecated.add((term, OWL.deprecated, Literal(True)))
    assert [p for p in lost_terms(previous, deprecated) if "without a replacement" in p]
    deprecated.add((term, REPLACED_BY, URIRef(OWN + "0000004")))
    assert lost_terms(previous, deprecated) == []


@pytest.mark.slow  # diffs two whole releases
def test_release_diff_reports_added_relabelled_and_axiom_changes(previous: Graph, main: Graph) -> None:
    changed = Graph()
    for triple in main:
        changed.add(triple)
    gm, new = URIRef(OWN + "0000004"), URIRef(OWN + "0009999")
    changed.remove((gm, RDFS.label, None))
    changed.add((gm, RDFS.label, Literal("musculus gluteus minimus", lang="en")))
    changed.add((new, RDF.type, OWL.Class))
    changed.add((new, RDFS.label, Literal("new structure", lang="en")))
    changed.add((new, RDFS.subClassOf, URIRef(OWN + "0000001")))
    diff = release_diff(previous, changed)
    assert ("GLUTEONTO:0009999", "new structure") in diff.added
    assert ("GLUTEONTO:0000004", "gluteus minimus", "musculus gluteus minimus") in diff.relabelled
    assert "SubClassOf(GLUTEONTO:0009999 GLUTEONTO:0000001)" in diff.axioms_added
    assert "GLUTEONTO:0000004: gluteus minimus → musculus gluteus minimus" in render_diff(diff)


def test_changelog_names_this_release_and_the_previous_one(main: Graph, previous: Graph) -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    version, before = str(main.value(_header(main), OWL.versionInfo)), str(previous.value(_header(previous), OWL.versionInfo))
    assert f"## {version}\n" in text and f"Compared with {before}:" in text and f"## {before}\n" in text
    assert version > before
