"""Terms by name, not number: runtime code names the ontology's terms through the generated constants."""

from __future__ import annotations

import re

from rdflib import Graph, URIRef

from gluteonto import iris

from .helpers import ROOT

SRC = ROOT / "src" / "gluteonto"
#: the generated module itself, the tables generated with the release (data, not code: they hold IRIs as the
#: release does), and the build code that generates it from the numbered source
EXEMPT = {SRC / "iris.py", *(SRC / "prebuilt").glob("*.json")}
BUILD = SRC / "compile"
#: a numbered identifier: GLUTEONTO_0000004, GLUTEONTO:0000004, RO_0002005, BFO:0000050, "0000004", GLUT["…"]
NUMBERED = re.compile(r"\b[A-Z]+[_:]\d{7}\b|[\"']\d{7}[\"']|\bGLUT\[")
#: the numbered names allowed: IAO's definition and term-replaced-by properties, vocabulary constants like rdfs:label (vocab.py)
ALLOWED = {("vocab.py", "IAO_0000115"), ("vocab.py", "IAO_0100001")}


def test_no_numeric_term_identifier_in_runtime_code() -> None:
    found = []
    for path in sorted(SRC.rglob("*")):
        if path in EXEMPT or BUILD in path.parents or path.suffix in (".mo", ".pyc") or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in NUMBERED.finditer(line):
                if (path.name, match.group()) not in ALLOWED:
                    found.append(f"{path.relative_to(ROOT)}:{number}: {match.group()}")
    assert not found, "name terms through gluteonto.iris instead:\n" + "\n".join(found)


def test_the_check_finds_a_numbered_identifier() -> None:
    """The test above can fail: each form of a numbered identifier is recognised."""
    for text in ('GLUT["0000004"]', "GLUTEONTO_0000004", "GLUTEONTO:0000004", "RO_0002005", "x = '0000993'"):
        assert NUMBERED.search(text), text
    assert not NUMBERED.search("iris.GLUTEUS_MINIMUS, FMA:22317")


def test_every_constant_names_a_term_of_the_ontology(ontology_graph: Graph) -> None:
    subjects = set(ontology_graph.subjects())
    names = [name for name in vars(iris) if name.isupper() and isinstance(getattr(iris, name), str)]
    assert len(names) == len(iris.KEYS) > 300
    for name in names:
        value = getattr(iris, name)
        assert URIRef(value) in subjects, name
        assert iris.KEYS[value].upper() == name
    assert iris.GLUTEUS_MINIMUS.endswith("GLUTEONTO_0000004")
    assert set(iris.RELATIONS) <= set(iris.KEYS) and iris.RELATIONS[iris.REQUIRES_CONDITION] == "requires_condition"
