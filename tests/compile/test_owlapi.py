"""The release files load in the OWL API (the library Protégé uses): no unparsed triples, no guessed
declarations, no OWL 2 DL profile violation, imports resolved through the catalog.

Needs a JDK and the OWL API jars (Debian: ``apt-get install libowlapi-java``; or set
OWLAPI_CLASSPATH); skipped with a reason otherwise.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gluteonto.tools.link import link

from ..helpers import DATA, ROOT

pytestmark = pytest.mark.slow  # starts javac and Java

CHECKER = Path(__file__).parent / "owlapi" / "CheckOntology.java"


def _classpath() -> str | None:
    if os.environ.get("OWLAPI_CLASSPATH"):
        return os.environ["OWLAPI_CLASSPATH"]
    if not glob.glob("/usr/share/java/owlapi-distribution*.jar"):
        return None
    return os.pathsep.join(sorted(glob.glob("/usr/share/java/*.jar")))


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    classpath = _classpath()
    if classpath is None or not shutil.which("javac") or not shutil.which("java"):
        pytest.skip("OWL API check needs javac/java and the OWL API jars (apt-get install libowlapi-java)")
    out = tmp_path_factory.mktemp("owlapi")
    subprocess.run(["javac", "-nowarn", "-cp", classpath, "-d", str(out), str(CHECKER)], check=True, capture_output=True, timeout=300)
    return ["java", "-cp", f"{out}{os.pathsep}{classpath}", "CheckOntology"]


def _check(checker: list[str], path: Path) -> str:
    result = subprocess.run([*checker, str(path)], capture_output=True, text=True, timeout=300)
    warnings = [line for line in result.stderr.splitlines() if "WARN" in line or "ERROR" in line or "Exception" in line]
    assert result.returncode == 0 and not warnings, result.stdout + "\n".join(warnings)
    assert result.stdout.strip().splitlines()[-1].startswith("OK ")
    return result.stdout


@pytest.mark.parametrize(
    "name",
    [
        "gluteonto.owl",
        "gluteonto.ttl",
        "gluteonto.ofn",
        "gluteonto-fma-bridge.owl",
        "gluteonto-international.owl",
        "gluteonto-international.ttl",
        "gluteonto-base.owl",
        "gluteonto-full.owl",
        "gluteonto-simple.owl",
        "gluteonto-basic.owl",
    ],
)
def test_release_loads_cleanly_in_owlapi(checker: list[str], name: str) -> None:
    out = _check(checker, ROOT / "ontology" / name)
    if name.startswith(("gluteonto.", "gluteonto-international.", "gluteonto-full.")):
        from rdflib import Graph, URIRef
        from rdflib.namespace import OWL, RDF

        graph = Graph().parse(ROOT / "ontology" / "gluteonto.ttl", format="turtle")
        declared = {c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
        assert f"classes={len(declared)}" in out
    if name == "gluteonto.ofn":
        assert "FunctionalSyntaxDocumentFormat" in out or "OWL Functional Syntax" in out


def test_rdfxml_and_functional_syntax_give_the_owlapi_the_same_axioms(checker: list[str]) -> None:
    counts = {}
    for name in ("gluteonto.owl", "gluteonto.ofn"):
        last = _check(checker, ROOT / "ontology" / name).strip().splitlines()[-1]
        counts[name] = [part for part in last.split() if part.startswith(("axioms=", "logical=", "classes="))]
    assert counts["gluteonto.owl"] == counts["gluteonto.ofn"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "source, subset",
    [
        ("fma-fixture.ttl", False),
        ("fma-fixture.ttl", True),
        ("fma-obo-fixture.owl", True),
        ("fma-oaei-fixture.owl", True),
        ("uberon/uberon-extract.obo", True),
        ("uberon/uberon-extract.owl", False),
    ],
)
def test_merged_output_loads_cleanly_in_owlapi(checker: list[str], tmp_path: Path, source: str, subset: bool) -> None:
    """Regression: the --subset output lacked the declarations of the properties it used, so it was not OWL 2 DL."""
    merged = tmp_path / "merged.owl"
    link(DATA / source, output=merged, subset=subset)
    _check(checker, merged)


def test_checker_reports_an_undeclared_property(checker: list[str], tmp_path: Path) -> None:
    from rdflib import Graph, URIRef
    from rdflib.namespace import OWL, RDF

    from gluteonto.formats.rdfxml import to_rdfxml

    graph = Graph().parse(ROOT / "ontology" / "gluteonto.ttl", format="turtle")
    graph.remove((URIRef("https://w3id.org/gluteonto/GLUTEONTO_0000907"), RDF.type, OWL.ObjectProperty))
    path = tmp_path / "undeclared.owl"
    path.write_text(to_rdfxml(graph), encoding="utf-8")
    result = subprocess.run([*checker, str(path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Use of undeclared object property" in result.stdout
