"""Write the ontology (or ontology + bridge) in another RDF or ontology format, atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from ..errors import InputError
from ..fileio import atomic_write_text
from ..formats.jsonld import to_jsonld
from ..formats.obo import to_obo
from ..formats.obographs import to_obographs
from ..formats.ofn import to_ofn
from ..formats.owlmodel import OwlModelError
from ..formats.rdfxml import to_rdfxml
from ..resources import bridge_file, ontology_file

__all__ = ["EXPORT_FORMATS", "export"]


def _rdflib(name: str) -> Callable[[Graph], str]:
    return lambda graph: graph.serialize(format=name)


#: CLI name → writer (the releases' deterministic writers where the project has one, else rdflib's).
EXPORT_FORMATS: dict[str, Callable[[Graph], str]] = {
    "turtle": _rdflib("turtle"),
    "rdfxml": to_rdfxml,
    "ntriples": _rdflib("nt"),
    "jsonld": to_jsonld,
    "trig": _rdflib("trig"),
    "ofn": to_ofn,
    "obo": to_obo,
    "obographs": to_obographs,
}


def export(fmt: str, output: Path | None = None, *, with_bridge: bool = False) -> str:
    """Serialise the packaged ontology as ``fmt``; write it to ``output`` if given, and return the text."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    graph = Graph().parse(ontology_file("ttl"), format="turtle")
    if with_bridge:
        graph.parse(bridge_file(), format="xml")
    try:
        text = EXPORT_FORMATS[fmt](graph)
    except OwlModelError as exc:
        raise InputError(f"cannot write {fmt}: {exc}") from None
    if output is not None:
        atomic_write_text(Path(output), text)
    return text
