"""Write the ontology (or ontology + bridge) in another RDF format, atomically."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ..errors import InputError
from ..fileio import atomic_write_text
from ..formats.rdfxml import to_rdfxml
from ..resources import bridge_file, ontology_file

__all__ = ["EXPORT_FORMATS", "export"]

#: CLI name → rdflib serializer (None: the project's deterministic RDF/XML writer)
EXPORT_FORMATS: dict[str, str | None] = {
    "turtle": "turtle",
    "rdfxml": None,
    "ntriples": "nt",
    "jsonld": "json-ld",
    "trig": "trig",
}


def export(fmt: str, output: Path | None = None, *, with_bridge: bool = False) -> str:
    """Serialise the packaged ontology as ``fmt``; write it to ``output`` if given, and return the text."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    graph = Graph().parse(ontology_file("ttl"), format="turtle")
    if with_bridge:
        graph.parse(bridge_file(), format="xml")
    serializer = EXPORT_FORMATS[fmt]
    text = to_rdfxml(graph) if serializer is None else graph.serialize(format=serializer)
    if output is not None:
        atomic_write_text(Path(output), text)
    return text
