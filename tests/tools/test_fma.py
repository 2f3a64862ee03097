"""Linking with FMA: mapping checks, merge, subset, formats and bad input, on a labelled fixture."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from gluteonto.cli import main
from gluteonto.errors import InputError
from gluteonto.tools.fma import MERGED_IRI, link_fma, read_fma_mappings

from ..helpers import DATA, term

FIXTURE = DATA / "fma-fixture.ttl"


def test_fixture_is_labelled_as_a_fixture() -> None:
    assert FIXTURE.read_text().startswith("# FIXTURE FOR TESTS - NOT FMA DATA")


def test_every_exact_fma_mapping_is_checked_and_matches_the_fixture() -> None:
    outcome = link_fma(FIXTURE)
    assert outcome.report.ok, outcome.report.render()
    assert len(outcome.report.checks) == len(read_fma_mappings()) > 40


def test_packaged_queries_run_on_the_merged_graph() -> None:
    session = link_fma(FIXTURE).session
    result = session.query("fma/nerve-supply-comparison")
    assert result.rows and all(str(same) == "yes" for same in result.column("same_nerve"))
    assert len(session.query("anastomosis-members").rows) == 3
    assert session.query("fma/fma-superclasses").rows


def test_missing_and_renamed_classes_are_reported(tmp_path: Path) -> None:
    text = FIXTURE.read_text()
    lines = [line for line in text.splitlines() if not line.startswith("fma:fma18868 a owl:Class")]
    modified = "\n".join(lines).replace('"Gluteus medius"', '"Musculus glutaeus medius (renamed)"')
    path = tmp_path / "fma.ttl"
    path.write_text(modified)
    report = link_fma(path).report
    statuses = {c.mapping.fma.rsplit("fma", 1)[-1]: c.status for c in report.checks}
    assert statuses["22315"] == "name differs"
    assert not report.ok
    rendered = report.render()
    assert "NAME DIFFERS" in rendered and "FMA:22315" in rendered
    result = CliRunner().invoke(main, ["link-fma", str(path), "--quiet"])
    assert result.exit_code == 1 and "problem(s)" in result.output


def test_missing_class_is_reported(tmp_path: Path) -> None:
    lines = [line for line in FIXTURE.read_text().splitlines() if not line.startswith("fma:fma21440 a owl:Class")]
    path = tmp_path / "fma.ttl"
    path.write_text("\n".join(lines))
    report = link_fma(path).report
    assert [c.status for c in report.checks if str(c.mapping.fma).endswith("fma21440")] == ["missing"]
    assert "MISSING" in report.render()


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".owl", ".ttl.gz"])
def test_reads_fma_in_each_distributed_form(tmp_path: Path, suffix: str) -> None:
    graph = Graph().parse(FIXTURE, format="turtle")
    fmt = {".ttl": "turtle", ".nt": "nt", ".owl": "xml", ".ttl.gz": "turtle"}[suffix]
    data = graph.serialize(format=fmt).encode()
    path = tmp_path / f"fma{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    assert link_fma(path).report.ok


def test_merged_output_is_one_ontology_without_imports(tmp_path: Path) -> None:
    from rdflib.namespace import OWL, RDF

    out = tmp_path / "merged.owl"
    link_fma(FIXTURE, output=out)
    merged = Graph().parse(out, format="xml")
    assert list(merged.subjects(RDF.type, OWL.Ontology)) == [URIRef(MERGED_IRI)]
    assert not list(merged.triples((None, OWL.imports, None)))
    assert str(merged.value(URIRef(MERGED_IRI), OWL.versionIRI)).endswith("/gluteonto-fma-merged.owl")


def test_merged_graph_passes_the_shapes(tmp_path: Path) -> None:
    from gluteonto.tools.validate import validate

    out = tmp_path / "merged.ttl"
    link_fma(FIXTURE, output=out)
    report = validate([out])
    assert report.conforms, report.render()


def test_merged_output_full_and_subset(tmp_path: Path) -> None:
    full = tmp_path / "merged.nt"
    subset = tmp_path / "subset.ttl.gz"
    full_report = link_fma(FIXTURE, output=full).report
    subset_report = link_fma(FIXTURE, output=subset, subset=True).report
    merged = Graph().parse(full, format="nt")
    assert len(merged) == full_report.output_triples > 9000
    with gzip.open(subset, "rt", encoding="utf-8") as handle:
        small = Graph().parse(data=handle.read(), format="turtle")
    assert len(small) == subset_report.output_triples
    assert any("fma22317" in str(s) for s in small.subjects())


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"\x00\x01\x02 binary garbage \xff\xfe", "not readable"),
    (b"@prefix ex: <http://example.org/> . ex:a ex:b ex:c .", "no FMA classes"),
])
def test_bad_fma_files_get_clear_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "fma.ttl"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        link_fma(path)


def test_wrong_format_for_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "fma.owl"
    path.write_bytes(FIXTURE.read_bytes())  # Turtle in a file named .owl (RDF/XML)
    with pytest.raises(InputError, match="not readable as application/rdf"):
        link_fma(path)


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot tell the RDF format"):
        link_fma(FIXTURE, output=tmp_path / "merged.xyz")
    with pytest.raises(InputError, match="no such file"):
        link_fma(tmp_path / "absent.owl")


def test_failed_link_leaves_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(b"not turtle at all {{")
    out = tmp_path / "merged.ttl"
    result = CliRunner().invoke(main, ["link-fma", str(bad), "--output", str(out)])
    assert result.exit_code == 2 and "not readable" in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_cli_link_writes_and_queries(tmp_path: Path) -> None:
    out = tmp_path / "merged.ttl"
    result = CliRunner().invoke(main, ["link-fma", str(FIXTURE), "-o", str(out), "--query", "fma/nerve-supply-comparison"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "superior gluteal nerve" in result.output


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_default_names_the_gluteonto_term_when_fma_has_one_of_the_same_name(engine: str, tmp_path: Path) -> None:
    """The header default "gluteus minimus" is gluteonto's muscle, not FMA's "Gluteus minimus" loaded beside it
    (the FMA comparisons with their defaults had no answer with FMA data given by --data)."""
    from gluteonto import Session

    merged = tmp_path / "merged.ttl"
    link_fma(FIXTURE, output=merged)
    session = Session(engine, [merged], include_ontology=False)
    spec = session.find_query("fma/nerve-supply-comparison")
    assert session.bind_terms(spec, {})["muscle"].value == str(term(4))
    assert len(session.query(spec.name).rows) >= 1
