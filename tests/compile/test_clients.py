"""The releases open in the tools their users have (pronto, fastobo, py-horned-owl, owlready2,
sssom-py, Oxigraph), each showing gluteus minimus with its English label and definition; the
commands are the ones the README's "Use it from your tools" section gives."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import warnings
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from gluteonto.resources import mappings_file, ontology_file, release_file
from gluteonto.vocab import expand_curie

from ..helpers import lang_of

pytestmark = pytest.mark.slow  # the real clients (pronto, fastobo, sssom-py, …) read whole releases

GM = "GLUTEONTO:0000004"
GM_IRI = "https://w3id.org/gluteonto/GLUTEONTO_0000004"
SGN = "GLUTEONTO:0000062"


@pytest.fixture(scope="module")
def turtle() -> Graph:
    return Graph().parse(ontology_file("ttl"), format="turtle")


@cache
def english_definition() -> str:
    """The English definition of gluteus minimus as the Turtle release states it (first 60 characters)."""
    graph = Graph().parse(ontology_file("ttl"), format="turtle")
    texts = [
        str(o) for o in graph.objects(URIRef(GM_IRI), URIRef("http://purl.obolibrary.org/obo/IAO_0000115")) if getattr(o, "language", None) == "en"
    ]
    assert len(texts) == 1
    return texts[0][:60]


# -- pronto --------------------------------------------------------------------------------------
def _pronto(path: Path) -> tuple[object, list[str]]:
    pronto = pytest.importorskip("pronto")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ontology = pronto.Ontology(str(path))
    return ontology, [str(w.message) for w in caught]


def test_pronto_reads_the_obo_release_in_english_with_typed_norwegian_and_latin_synonyms() -> None:
    ontology, messages = _pronto(release_file("gluteonto.obo"))
    assert not [m for m in messages if "encoding" not in m], messages  # pronto guesses the encoding; nothing else
    gm = ontology[GM]  # type: ignore[index]
    assert gm.name == "gluteus minimus" and gm.definition.startswith(english_definition())
    assert {x.id for x in gm.definition.xrefs} >= {"GLUTEONTO:0000852"}
    typed = {(s.description, s.type.id if s.type else None) for s in gm.synonyms}
    assert ("den lille setemuskelen", "NORWEGIAN_BOKMAL") in typed
    assert ("musculus gluteus minimus", "LATIN") in typed
    assert {x.id for x in gm.xrefs} >= {"FMA:22317", "UBERON:0008521"}
    relations = {rel.id: {t.id for t in targets} for rel, targets in gm.relationships.items()}
    assert SGN in relations["innervated_by"]
    assert ontology.get_relationship("innervated_by").name == "innervated by"  # type: ignore[attr-defined]
    assert "GLUTEONTO:0000003" in {t.id for t in gm.superclasses(distance=1)}


def test_pronto_reads_the_owl_release_with_english_labels_and_definitions(turtle: Graph) -> None:
    ontology, _messages = _pronto(ontology_file("owl"))
    gm = ontology[GM_IRI]  # type: ignore[index]
    assert gm.name == "gluteus minimus" and gm.definition.startswith(english_definition())
    assert ontology[GM_IRI.replace("0000004", "0000018")].name == "musculature of pelvic girdle"  # type: ignore[index]
    classes = {c for c in turtle.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    assert len(list(ontology.terms())) == len(classes)  # type: ignore[attr-defined]


# -- fastobo -------------------------------------------------------------------------------------
def test_obo_release_is_valid_obo_1_4_under_fastobo(turtle: Graph) -> None:
    fastobo = pytest.importorskip("fastobo")
    doc = fastobo.load(str(release_file("gluteonto.obo")))
    header = {clause.raw_tag(): clause.raw_value() for clause in doc.header}
    assert header["format-version"] == "1.4" and header["ontology"] == "gluteonto"
    assert header["default-namespace"] == "gluteonto"
    assert "GLUTEONTO https://w3id.org/gluteonto/GLUTEONTO_" in release_file("gluteonto.obo").read_text(encoding="utf-8")
    kinds = Counter(type(frame).__name__ for frame in doc)
    classes = {s for s in turtle.subjects(RDF.type, OWL.Class) if str(s).startswith("https://w3id.org/gluteonto/")}
    assert kinds["TermFrame"] == len(classes)
    assert kinds["TypedefFrame"] >= len(set(turtle.subjects(RDF.type, OWL.ObjectProperty)))
    frame = next(f for f in doc if str(f.id) == GM)
    clauses = {c.raw_tag(): c for c in frame}
    assert clauses["name"].raw_value() == "gluteus minimus"
    typedef_ids = {str(f.id) for f in doc if type(f).__name__ == "TypedefFrame"}
    used = {str(c.typedef) for f in doc if type(f).__name__ == "TermFrame" for c in f if c.raw_tag() == "relationship"}
    assert used and used <= typedef_ids


def test_obo_typedefs_point_to_their_ro_bfo_and_gluteonto_ids() -> None:
    text = release_file("gluteonto.obo").read_text(encoding="utf-8")
    assert "[Typedef]\nid: innervated_by\nname: innervated by\n" in text
    assert "xref: RO:0002005" in text and "xref: BFO:0000050" in text and "xref: GLUTEONTO:0000907" in text
    assert "intersection_of: continuous_with GLUTEONTO:0000008" in text


def test_fastobo_reads_the_obographs_release() -> None:
    fastobo = pytest.importorskip("fastobo")
    doc = fastobo.load_graph(str(release_file("gluteonto.json")))
    frame = next(f for f in doc if str(f.id) == GM_IRI)
    text = str(frame)
    assert "name: gluteus minimus\n" in text and english_definition() in text


def test_obographs_release_has_english_nodes_typed_synonyms_and_edges() -> None:
    graph = json.loads(release_file("gluteonto.json").read_text(encoding="utf-8"))["graphs"][0]
    nodes = {n["id"]: n for n in graph["nodes"]}
    gm = nodes[GM_IRI]
    assert gm["lbl"] == "gluteus minimus" and gm["type"] == "CLASS"
    assert gm["meta"]["definition"]["val"].startswith(english_definition())
    assert "GLUTEONTO:0000852" in gm["meta"]["definition"]["xrefs"]
    assert {"val": "FMA:22317"} in gm["meta"]["xrefs"]
    assert any(s["val"] == "den lille setemuskelen" and s["synonymType"].endswith("#NORWEGIAN_BOKMAL") for s in gm["meta"]["synonyms"])
    edges = {(e["sub"], e["pred"], e["obj"]) for e in graph["edges"]}
    assert (GM_IRI, "is_a", GM_IRI.replace("0000004", "0000003")) in edges
    assert (GM_IRI, "http://purl.obolibrary.org/obo/RO_0002005", GM_IRI.replace("0000004", "0000062")) in edges
    assert {a["definedClassId"] for a in graph["logicalDefinitionAxioms"]} >= {GM_IRI.replace("0000004", "0000025")}
    assert nodes["http://purl.obolibrary.org/obo/RO_0002005"]["propertyType"] == "OBJECT"


# -- py-horned-owl -------------------------------------------------------------------------------
def test_py_horned_owl_reads_every_disjointness_axiom_from_the_functional_syntax(turtle: Graph) -> None:
    pyhornedowl = pytest.importorskip("pyhornedowl")
    ontology = pyhornedowl.open_ontology(str(release_file("gluteonto.ofn")))
    counts = Counter(type(axiom.component).__name__ for axiom in ontology.get_axioms())
    stated = len(set(turtle.subjects(RDF.type, OWL.AllDisjointClasses)))
    assert stated >= 4 and counts["DisjointClasses"] == stated
    assert counts["SubClassOf"] == len(list(turtle.triples((None, RDFS.subClassOf, None))))
    assert counts["EquivalentClasses"] == len(list(turtle.triples((None, OWL.equivalentClass, None))))
    assert counts["DeclareClass"] == len({s for s in turtle.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef)})


# -- owlready2 -----------------------------------------------------------------------------------
@pytest.mark.slow
def test_owlready2_loads_the_bridge_through_onto_path_and_finds_terms_in_the_namespace(tmp_path: Path) -> None:
    code = f"""
import owlready2
owlready2.onto_path.append({str(ontology_file("owl").parent)!r})
bridge = owlready2.get_ontology({str(release_file("gluteonto-fma-bridge.owl"))!r}).load()
onto = bridge.imported_ontologies[0]
ns = onto.get_namespace("https://w3id.org/gluteonto/")
gm = ns.GLUTEONTO_0000004
print(len(gm.label)); print(gm.label.en[0]); print(len(gm.IAO_0000115)); print(onto.base_iri)
print("den lille setemuskelen" in gm.hasExactSynonym.nb)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["1", "gluteus minimus", "1", "https://w3id.org/gluteonto/gluteonto.owl#", "True"]


@pytest.mark.slow  # a fresh interpreter
def test_owlready2_reads_the_norwegian_label_from_the_international_edition(tmp_path: Path) -> None:
    code = f"""
import owlready2
onto = owlready2.get_ontology({str(ontology_file("owl", international=True))!r}).load()
gm = onto.get_namespace("https://w3id.org/gluteonto/").GLUTEONTO_0000004
print(gm.label.en[0]); print(gm.label.nb[0]); print(onto.base_iri)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["gluteus minimus", "gluteus minimus", "https://w3id.org/gluteonto/gluteonto-international.owl#"]


# -- Oxigraph ------------------------------------------------------------------------------------
def test_oxigraph_answers_the_readme_query_on_the_international_turtle_release() -> None:
    import pyoxigraph as ox

    store = ox.Store()
    with ontology_file("ttl", international=True).open("rb") as handle:
        store.load(handle, ox.RdfFormat.TURTLE)
    result = store.query(f'SELECT ?label WHERE {{ <{GM_IRI}> <{RDFS.label}> ?label FILTER(LANG(?label) = "nb") }}')
    assert isinstance(result, ox.QuerySolutions)
    rows = list(result)
    assert [r["label"].value for r in rows] == ["gluteus minimus"]


# -- Babelon -------------------------------------------------------------------------------------
def test_babelon_table_pairs_every_label_and_definition_with_its_norwegian_translation() -> None:
    turtle = Graph().parse(ontology_file("ttl", international=True), format="turtle")
    with release_file("gluteonto-nb.babelon.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert {r["source_language"] for r in rows} == {"en"} and {r["translation_language"] for r in rows} == {"nb"}
    by_key = {(r["subject_id"], r["predicate_id"]): r for r in rows}
    assert by_key[(GM, "rdfs:label")]["translation_value"] == "gluteus minimus"
    assert by_key[(GM, "IAO:0000115")]["source_value"].startswith(english_definition())
    assert by_key[(SGN, "rdfs:label")]["source_value"] == "superior gluteal nerve"
    predicates = {"rdfs:label": RDFS.label, "IAO:0000115": URIRef("http://purl.obolibrary.org/obo/IAO_0000115")}
    for row in rows:  # every pair is what the ontology states
        subject = URIRef(expand_curie(row["subject_id"]))
        values = {(lang_of(o), " ".join(str(o).split())) for o in turtle.objects(subject, predicates[row["predicate_id"]])}
        assert {("en", row["source_value"]), ("nb", row["translation_value"])} <= values, row["subject_id"]
    classes = {s for s in turtle.subjects(RDF.type, OWL.Class) if str(s).startswith("https://w3id.org/gluteonto/")}
    assert len({r["subject_id"] for r in rows if r["predicate_id"] == "rdfs:label"}) >= len(classes)


# -- sssom-py ------------------------------------------------------------------------------------
def test_sssom_py_validates_the_mapping_set_and_writes_every_format_it_offers(tmp_path: Path) -> None:
    pytest.importorskip("sssom")
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate
    from sssom.writers import WRITER_FUNCTIONS, get_writer_function

    msdf = parse_sssom_table(mappings_file())
    validate(msdf)  # raises on a schema violation
    assert len(WRITER_FUNCTIONS) >= 9
    for fmt in WRITER_FUNCTIONS:
        out = tmp_path / f"mappings.{fmt}"
        with out.open("w", encoding="utf-8") as handle:
            writer, _tag = get_writer_function(output_format=fmt, output=handle)
            writer(msdf, handle)
        text = out.read_text(encoding="utf-8")
        assert "GLUTEONTO" in text or "gluteonto" in text, fmt
        # the absence of a term is not in the set, so no converter turns it into a mapping target
        assert "sssom:NoTermFound" not in text and "sssom/NoTermFound" not in text, fmt  # (JSON-LD contexts name the term)


def test_sssom_convert_to_fhir_and_owl_gives_no_notermfound_target(tmp_path: Path) -> None:
    """The README's `sssom convert … -O fhir_json` (and OWL) on the released set: every target is a real term."""
    pytest.importorskip("sssom")
    from sssom.parsers import parse_sssom_table
    from sssom.writers import get_writer_function

    msdf = parse_sssom_table(mappings_file())
    for fmt in ("fhir_json", "owl"):
        out = tmp_path / f"mappings.{fmt}"
        with out.open("w", encoding="utf-8") as handle:
            writer, _tag = get_writer_function(output_format=fmt, output=handle)
            writer(msdf, handle)
        text = out.read_text(encoding="utf-8")
        assert "sssom:NoTermFound" not in text and "sssom/NoTermFound" not in text and "0008521" in text, fmt
    targets: list[str] = []

    def walk(node: object) -> None:  # every mapping target, whatever the writer's layout (SSSOM or FHIR ConceptMap)
        if isinstance(node, dict):
            targets.extend(str(v) for k, v in node.items() if k in ("object_id", "code") and isinstance(v, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((tmp_path / "mappings.fhir_json").read_text(encoding="utf-8")))
    assert len(targets) > 100 and not [t for t in targets if "NoTermFound" in t]


def test_sssom_rows_carry_versions_creator_confidence_and_justification() -> None:
    with mappings_file().open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    assert len(rows) > 100
    for row in rows:
        assert row["subject_source_version"].startswith("https://w3id.org/gluteonto/releases/")
        assert row["creator_label"] and row["mapping_justification"] == "semapv:ManualMappingCuration"
        assert 0 < float(row["confidence"]) <= 1
        if row["object_id"].startswith("ICD10WHO:"):  # WHO's 2019 edition of ICD-10
            assert row["object_source_version"] == "https://icd.who.int/browse10/2019/en", row
        elif not row["object_id"].startswith("FMA:"):
            assert row["object_source_version"].startswith("http://purl.obolibrary.org/obo/"), row
        assert row["object_id"] != "sssom:NoTermFound"


def test_sssom_metadata_stays_strings_and_the_json_release_round_trips(turtle: Graph) -> None:
    pytest.importorskip("sssom")
    from sssom.parsers import parse_sssom_json, parse_sssom_table

    version = str(next(turtle.objects(None, OWL.versionInfo)))
    table = parse_sssom_table(mappings_file())
    assert table.metadata["mapping_set_version"] == version  # a string, not a date
    sources = set(table.df["subject_source"]) if "subject_source" in table.df else {table.metadata["subject_source"]}
    assert sources == {"w3id:gluteonto/gluteonto.owl"}  # a CURIE the set's curie_map expands
    assert table.converter.expand("GLUTEONTO:0000004") == GM_IRI
    released = parse_sssom_json(str(mappings_file("json")))
    columns = ["subject_id", "predicate_id", "object_id", "object_source"]
    ours = sorted(map(tuple, released.df[columns].values.tolist()))
    assert ours == sorted(map(tuple, table.df[columns].values.tolist())) and len(ours) > 100
    assert released.metadata["mapping_set_version"] == version
