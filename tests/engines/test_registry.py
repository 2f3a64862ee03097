"""The engine registry: every registered engine loads the same files and answers alike; bad names fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteonto.engines import ENGINES, open_engine
from gluteonto.errors import InputError
from gluteonto.formats.reading import syntax_for
from gluteonto.resources import ontology_file


def test_every_registered_engine_holds_the_same_triples() -> None:
    counts = {name: factory([ontology_file("owl")]).triple_count() for name, factory in ENGINES.items()}
    assert len(set(counts.values())) == 1 and min(counts.values()) > 9000, counts


def test_unknown_engine_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown engine 'jena'; choose one of oxigraph, rdflib"):
        open_engine("jena")


@pytest.mark.parametrize(
    "name, rdflib_name, media_type",
    [
        ("a.ttl", "turtle", "text/turtle"),
        ("a.owl", "xml", "application/rdf+xml"),
        ("a.nt.gz", "nt", "application/n-triples"),
        ("a.jsonld", "json-ld", "application/ld+json"),
    ],
)
def test_syntax_from_the_file_name(name: str, rdflib_name: str, media_type: str) -> None:
    syntax = syntax_for(Path(name))
    assert (syntax.rdflib, syntax.media_type) == (rdflib_name, media_type)


def test_unknown_suffix_is_an_input_error() -> None:
    with pytest.raises(InputError, match="cannot tell the RDF format"):
        syntax_for(Path("a.xyz"))


def test_every_engine_declares_what_it_can_do() -> None:
    """Code above the engines asks capabilities, never names: local data, own time limit, cheap label match."""
    from gluteonto.engines import Capabilities, EndpointEngine

    declared = {name: factory([]).capabilities for name, factory in ENGINES.items()}
    assert all(isinstance(c, Capabilities) and c.local_store and not c.own_timeout for c in declared.values())
    assert declared["oxigraph"].fast_label_match and not declared["rdflib"].fast_label_match
    remote = EndpointEngine("http://127.0.0.1:9/sparql").capabilities
    assert not remote.local_store and remote.own_timeout


def test_engines_are_told_apart_by_capabilities_not_by_name() -> None:
    """No module above the engines compares an engine's name (the four checks the Session had are gone)."""
    import re

    from ..helpers import ROOT

    found = [
        f"{path.relative_to(ROOT)}: {match.group()}"
        for path in sorted((ROOT / "src" / "gluteonto").rglob("*.py"))
        if "engines" not in path.parts
        for match in re.finditer(r"\.name\s*[!=]=\s*[\"'](endpoint|oxigraph|rdflib)[\"']", path.read_text(encoding="utf-8"))
    ]
    assert not found, found
