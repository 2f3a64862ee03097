"""The main release is English (one label, one definition per term) in every format; the international
edition carries the Norwegian and Latin labels and definitions; every release file ships in the wheel."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from gluteonto.compile.release import render_release
from gluteonto.resources import ontology_file, release_file
from gluteonto.vocab import IAO_DEFINITION, OBOINOWL, SKOS

from ..helpers import ROOT, lang_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = pytest.importorskip("tomli")

GLUT = "https://w3id.org/gluteonto/GLUTEONTO_"
GM = URIRef(GLUT + "0000004")
NORWEGIAN = URIRef("http://purl.obolibrary.org/obo/gluteonto#NORWEGIAN_BOKMAL")
LATIN = URIRef("http://purl.obolibrary.org/obo/gluteonto#LATIN")


@pytest.fixture(scope="module")
def main_graphs() -> dict[str, Graph]:
    return {
        "ttl": Graph().parse(ontology_file("ttl"), format="turtle"),
        "owl": Graph().parse(ontology_file("owl"), format="xml"),
        "jsonld": Graph().parse(ontology_file("jsonld"), format="json-ld"),
    }


@pytest.fixture(scope="module")
def international(ontology_graph: Graph) -> Graph:
    """The international edition (read once per test run; not changed by these tests)."""
    return ontology_graph


def _per_entity(graph: Graph, prop: URIRef) -> dict[URIRef, list[Literal]]:
    found: dict[URIRef, list[Literal]] = defaultdict(list)
    for s, o in graph.subject_objects(prop):
        if isinstance(s, URIRef) and isinstance(o, Literal):
            found[s].append(o)
    return found


@pytest.mark.parametrize("fmt", ["ttl", "owl", "jsonld"])
def test_main_release_has_one_english_label_and_one_english_definition_per_term(main_graphs: dict[str, Graph], fmt: str) -> None:
    graph = main_graphs[fmt]
    labels = _per_entity(graph, RDFS.label)
    definitions = _per_entity(graph, IAO_DEFINITION)
    assert len(labels) > 300 and len(definitions) > 250
    for prop, found in ((RDFS.label, labels), (IAO_DEFINITION, definitions)):
        bad = {str(s): [f"{v}@{lang_of(v)}" for v in values] for s, values in found.items() if len(values) != 1 or values[0].language != "en"}
        assert not bad, (prop, list(bad.items())[:5])
    skos = _per_entity(graph, SKOS.definition)
    assert all(len(v) == 1 and v[0].language == "en" for v in skos.values())
    # every named class of the project has both
    classes = {c for c in graph.subjects(RDF.type, OWL.Class) if str(c).startswith(GLUT)}
    assert classes <= set(labels) and classes <= set(definitions)


def _typed_synonyms(graph: Graph) -> set[tuple[Node | None, str, str | None, Node]]:
    typed = set()
    for ax in graph.subjects(OWL.annotatedProperty, OBOINOWL.hasExactSynonym):
        kind = graph.value(ax, OBOINOWL.hasSynonymType)
        if kind is not None:
            value = graph.value(ax, OWL.annotatedTarget)
            typed.add((graph.value(ax, OWL.annotatedSource), str(value), lang_of(value), kind))
    return typed


def test_main_release_keeps_the_norwegian_and_latin_names_as_typed_synonyms(main_graphs: dict[str, Graph], international: Graph) -> None:
    typed = _typed_synonyms(main_graphs["ttl"])
    assert (GM, "gluteus minimus", "nb", NORWEGIAN) in typed  # the Norwegian label
    assert (GM, "den lille setemuskelen", "nb", NORWEGIAN) in typed  # a Norwegian synonym
    assert (GM, "musculus gluteus minimus", "la", LATIN) in typed
    # each of them is the asserted synonym itself, and names exactly the international edition's labels
    graph = main_graphs["ttl"]
    assert all((s, OBOINOWL.hasExactSynonym, Literal(v, lang=lang)) in graph for s, v, lang, _k in typed)
    # (the outside vocabulary's annotation properties have Norwegian display labels in the international edition only)
    outside = {s for s in international.subjects(RDF.type, OWL.AnnotationProperty) if not str(s).startswith("https://w3id.org/gluteonto/")}
    labels = {
        (s, str(o), lang_of(o))
        for s, o in international.subject_objects(RDFS.label)
        if isinstance(s, URIRef) and lang_of(o) in ("nb", "la") and s not in outside
    }
    assert labels <= {(s, v, lang) for s, v, lang, _k in typed}
    # and every Norwegian or Latin synonym of the main release is typed
    untyped = {(s, str(o)) for s, o in graph.subject_objects(OBOINOWL.hasExactSynonym) if lang_of(o) in ("nb", "la")} - {
        (s, v) for s, v, _lang, _k in typed
    }
    assert not untyped
    for kind in (NORWEGIAN, LATIN):  # declared as OBO-to-OWL declares a synonymtypedef
        assert (kind, RDFS.subPropertyOf, OBOINOWL.SynonymTypeProperty) in graph
        assert (kind, RDF.type, OWL.AnnotationProperty) in graph


@pytest.mark.parametrize("fmt", ["ttl", "owl", "jsonld"])
def test_main_release_has_no_translated_text_but_the_typed_name_synonyms(main_graphs: dict[str, Graph], international: Graph, fmt: str) -> None:
    """Comments, notes, exercise texts and axiom qualifiers are English in the main release; their Norwegian
    texts are in the international edition. Left: the names (typed synonyms and their axioms, the Latin names
    outside Terminologia Anatomica) and the ontology's own title and description."""
    graph = main_graphs[fmt]
    header = set(graph.subjects(RDF.type, OWL.Ontology))
    latin_non_ta = URIRef(GLUT + "0000999")
    names = {OBOINOWL.hasExactSynonym, OBOINOWL.hasRelatedSynonym, OWL.annotatedTarget, latin_non_ta}
    translated = [
        (str(s), str(p), str(o)[:40])
        for s, p, o in graph
        if isinstance(o, Literal) and o.language not in (None, "en") and p not in names and s not in header
    ]
    assert not translated, translated[:5]
    # what was left out is in the international edition, with its English text in both
    for prop in (RDFS.comment, URIRef(GLUT + "0000990"), URIRef(GLUT + "0000995")):
        norwegian = [(s, o) for s, o in international.subject_objects(prop) if lang_of(o) == "nb"]
        english = [o for _s, o in graph.subject_objects(prop) if lang_of(o) == "en"]
        assert norwegian and len(english) == len([o for _s, o in international.subject_objects(prop) if lang_of(o) == "en"]), prop
    assert any(lang_of(o) == "la" for o in graph.objects(None, latin_non_ta))


def test_functional_syntax_release_has_one_english_label_and_definition_per_term() -> None:
    text = release_file("gluteonto.ofn").read_text(encoding="utf-8")
    for prop in ("rdfs:label", "IAO:0000115"):
        found = re.findall(
            r"^AnnotationAssertion\((?:Annotation\(.*?\) )*" + re.escape(prop) + r" (GLUTEONTO:\S+) \"(?:[^\"\\]|\\.)*\"(@\w+)?",
            text,
            flags=re.MULTILINE,
        )
        assert len(found) > 250, prop
        assert {lang for _s, lang in found} == {"@en"}, prop
        counts = Counter(subject for subject, _lang in found)
        assert max(counts.values()) == 1, (prop, counts.most_common(3))


def test_obo_release_has_one_english_name_and_definition_per_frame_and_typed_synonyms() -> None:
    text = release_file("gluteonto.obo").read_text(encoding="utf-8")
    frames = [f for f in text.split("\n\n") if f.startswith("[Term]")]
    assert len(frames) > 200
    for frame in frames:
        lines = frame.splitlines()
        assert sum(line.startswith("name: ") for line in lines) == 1, lines[1]
        assert sum(line.startswith("def: ") for line in lines) <= 1, lines[1]
    gm = next(f for f in frames if "id: GLUTEONTO:0000004\n" in f)
    assert 'synonym: "den lille setemuskelen" EXACT NORWEGIAN_BOKMAL []' in gm
    assert 'synonym: "musculus gluteus minimus" EXACT LATIN []' in gm


def test_obographs_release_has_english_labels_and_definitions_and_typed_synonyms(international: Graph) -> None:
    graph = json.loads(release_file("gluteonto.json").read_text(encoding="utf-8"))["graphs"][0]
    english = {str(s): str(o) for s, o in international.subject_objects(RDFS.label) if isinstance(s, URIRef) and lang_of(o) == "en"}
    definitions = {
        str(s): " ".join(str(o).split()) for s, o in international.subject_objects(IAO_DEFINITION) if isinstance(s, URIRef) and lang_of(o) == "en"
    }
    for node in graph["nodes"]:
        if node["id"] in english:
            assert node["lbl"] == english[node["id"]]
        if "definition" in node.get("meta", {}):
            assert node["meta"]["definition"]["val"] == definitions[node["id"]]
    gm = next(n for n in graph["nodes"] if n["id"] == str(GM))
    typed = {(s["pred"], s.get("synonymType"), s["val"]) for s in gm["meta"]["synonyms"]}
    assert ("hasExactSynonym", str(NORWEGIAN), "den lille setemuskelen") in typed
    assert ("hasExactSynonym", str(NORWEGIAN), "gluteus minimus") in typed  # the Norwegian label


def test_international_edition_has_norwegian_and_latin_labels_and_definitions(international: Graph) -> None:
    classes = {c for c in international.subjects(RDF.type, OWL.Class) if str(c).startswith(GLUT)}
    for prop in (RDFS.label, IAO_DEFINITION):
        found = _per_entity(international, prop)
        for lang in ("en", "nb"):
            missing = [c for c in classes if isinstance(c, URIRef) and sum(lang_of(v) == lang for v in found.get(c, [])) != 1]
            assert not missing, (prop, lang, missing[:5])
    latin = [s for s, o in international.subject_objects(RDFS.label) if lang_of(o) == "la"]
    assert len(latin) > 50 and Literal("musculus gluteus minimus", lang="la") in set(international.objects(GM, RDFS.label))
    ontology = next(international.subjects(RDF.type, OWL.Ontology))
    assert str(ontology) == "https://w3id.org/gluteonto/gluteonto-international.owl"
    assert str(international.value(ontology, OWL.versionIRI)).endswith("/gluteonto-international.owl")


def _ground(graph: Graph) -> set[tuple[object, object, object]]:
    return {(s, p, o) for s, p, o in graph if not isinstance(s, BNode) and not isinstance(o, BNode)}


def test_international_edition_has_everything_of_the_main_release_but_its_header_and_name_synonyms(
    main_graphs: dict[str, Graph], international: Graph
) -> None:
    main = main_graphs["ttl"]
    labels = {(s, OBOINOWL.hasExactSynonym, o) for s, o in international.subject_objects(RDFS.label) if lang_of(o) in ("nb", "la")}
    header = set(main.subjects(RDF.type, OWL.Ontology))
    assert _ground(main) - labels - {t for t in _ground(main) if t[0] in header} <= _ground(international)
    # the same logical axioms: as many subclass, equivalence and disjointness statements
    for prop in (RDFS.subClassOf, OWL.equivalentClass, OWL.members, OWL.propertyChainAxiom):
        assert len(list(main.triples((None, prop, None)))) == len(list(international.triples((None, prop, None)))), prop


@pytest.mark.slow  # builds the wheel
def test_every_release_file_is_in_the_wheel() -> None:
    """Each file the build writes under ontology/ or mappings/ is force-included in the wheel."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    for rel in render_release(ROOT, inferred=[]):
        if rel.endswith(".md"):  # the changelog and the release diff are documentation, not data
            continue
        if rel.startswith("src/gluteonto/"):  # generated into the package itself (term constants, catalogues)
            continue
        assert rel in included or rel.split("/")[0] in included, rel
        if rel in included:
            assert included[rel] == f"gluteonto/data/{rel}"


def test_readme_oak_relation_filters_use_the_ids_oak_reports_for_each_release(main_graphs: dict[str, Graph]) -> None:
    """OAK (0.7.4, by hand) reports an RO/BFO relation of the .obo by the CURIE its Typedef's xref gives, so
    `-p innervated_by` finds nothing there and `-p RO:0002005` works on the .obo as on the .owl; the project's
    own relations keep their OBO shorthand in OAK on the .obo (lies_deeper_than) and their CURIE in the .owl."""
    from gluteonto.vocab import expand_curie

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^runoak -i ontology/(gluteonto\.\w+) relationships -p (\S+) ", readme, flags=re.MULTILINE)
    assert {name for name, _rel in commands} == {"gluteonto.obo", "gluteonto.owl"}
    obo = release_file("gluteonto.obo").read_text(encoding="utf-8")
    typedefs = {frame.split("\n")[0].removeprefix("id: "): frame for frame in obo.split("[Typedef]\n")[1:]}
    for name, relation in commands:
        if name.endswith(".obo") and relation.startswith(("RO:", "BFO:")):
            assert any(f"\nxref: {relation}\n" in frame for frame in typedefs.values()), relation
        elif name.endswith(".obo"):
            assert relation in typedefs and "xref: RO:" not in typedefs[relation] and "xref: BFO:" not in typedefs[relation]
        else:
            assert (URIRef(expand_curie(relation)), RDF.type, OWL.ObjectProperty) in main_graphs["owl"]


def test_every_labelled_entity_of_the_international_edition_has_a_norwegian_label(international: Graph) -> None:
    """Regression: the outside vocabulary (IAO definition, dcterms, SKOS, oboInOwl) had English labels only, so
    Norwegian tables showed e.g. 'definition' in the property column."""
    english = {s for s, o in international.subject_objects(RDFS.label) if getattr(o, "language", None) == "en"}
    norwegian = {s for s, o in international.subject_objects(RDFS.label) if getattr(o, "language", None) == "nb"}
    assert english - norwegian == set()
