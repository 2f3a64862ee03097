"""Exports are deterministic: the release's own writers, the same bytes run after run and across hash seeds."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest
from rdflib import Graph

from gluteonto.formats import WRITERS
from gluteonto.resources import bridge_file, ontology_file, release_file
from gluteonto.tools.export import EXPORT_FORMATS, export, release_graph
from gluteonto.vocab import OWL, RDF

pytestmark = pytest.mark.slow  # writes and reparses every export format

#: export format → the release file it reproduces byte for byte (without the bridge)
_RELEASE_FILE = {
    "turtle": "gluteonto.ttl",
    "rdfxml": "gluteonto.owl",
    "jsonld": "gluteonto.jsonld",
    "ofn": "gluteonto.ofn",
    "obo": "gluteonto.obo",
    "obographs": "gluteonto.json",
}
_RDFLIB_NAME = {"turtle": "turtle", "rdfxml": "xml", "ntriples": "nt", "jsonld": "json-ld", "trig": "trig"}


def test_every_writer_is_an_export_format() -> None:
    assert (
        list(EXPORT_FORMATS)
        == list(WRITERS)
        == [
            "turtle",
            "rdfxml",
            "ntriples",
            "jsonld",
            "trig",
            "ofn",
            "obo",
            "obographs",
        ]
    )


@pytest.mark.parametrize("fmt", sorted(_RELEASE_FILE))
def test_export_without_bridge_is_the_release_file(fmt: str) -> None:
    assert export(fmt) == release_file(_RELEASE_FILE[fmt]).read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", sorted(set(_RELEASE_FILE) - {"turtle"}))
def test_writers_rewrite_the_release_graph_as_the_release(fmt: str) -> None:
    """The graph export reads back (release blank-node labels kept) gives the release bytes again; the Turtle
    writer names the list cells a parser invents, so its text differs there while the graph is the same."""
    assert WRITERS[fmt](release_graph()) == release_file(_RELEASE_FILE[fmt]).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def expected_size() -> int:
    """Triples in the ontology and the bridge's axioms together (the bridge's own header left out)."""
    bridge = Graph().parse(bridge_file(), format="xml")
    for header in list(bridge.subjects(RDF.type, OWL.Ontology)):
        bridge.remove((header, None, None))
    return len(Graph().parse(ontology_file("ttl"), format="turtle") + bridge)


@pytest.mark.parametrize("fmt", list(_RDFLIB_NAME))
def test_export_holds_the_ontology_and_the_bridge(fmt: str, expected_size: int) -> None:
    exported = Graph().parse(data=export(fmt, with_bridge=True), format=_RDFLIB_NAME[fmt])
    assert len(exported) == expected_size > 9000


@pytest.mark.slow
def test_export_is_byte_identical_across_processes_and_hash_seeds() -> None:
    code = (
        "import hashlib, json; from gluteonto.tools.export import EXPORT_FORMATS, export; "
        "print(json.dumps({f: hashlib.sha256(export(f, with_bridge=True).encode()).hexdigest() for f in EXPORT_FORMATS}))"
    )
    # the two processes run side by side
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONHASHSEED": seed}
        )
        for seed in ("1", "4242")
    ]
    digests = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        digests.append(json.loads(out))
    assert digests[0] == digests[1]
    here = {f: hashlib.sha256(export(f, with_bridge=True).encode()).hexdigest() for f in ("ntriples", "trig")}
    assert all(digests[0][key] == value for key, value in here.items())
