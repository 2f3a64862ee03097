"""Write the ontology (or ontology + bridge) in another RDF or ontology format, atomically."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from ..errors import InputError
from ..fileio import atomic_write_text
from ..resources import bridge_file, ontology_file

__all__ = ["EXPORT_FORMATS", "export"]

#: CLI name → writer as "module:function" (None: rdflib's serializer of that name), imported only when
#: used, so that the CLI can list the formats without loading rdflib.
EXPORT_FORMATS: dict[str, str] = {
    "turtle": "rdflib:turtle",
    "rdfxml": "gluteonto.formats.rdfxml:to_rdfxml",
    "ntriples": "rdflib:nt",
    "jsonld": "gluteonto.formats.jsonld:to_jsonld",
    "trig": "rdflib:trig",
    "ofn": "gluteonto.formats.ofn:to_ofn",
    "obo": "gluteonto.formats.obo:to_obo",
    "obographs": "gluteonto.formats.obographs:to_obographs",
}


def export(fmt: str, output: Path | None = None, *, with_bridge: bool = False) -> str:
    """Serialise the packaged ontology as ``fmt``; write it to ``output`` if given, and return the text."""
    from rdflib import Graph

    from ..formats.owlmodel import OwlModelError

    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    graph = Graph().parse(ontology_file("ttl"), format="turtle")
    if with_bridge:
        graph.parse(bridge_file(), format="xml")
    module, name = EXPORT_FORMATS[fmt].split(":")
    try:
        if module == "rdflib":
            text = graph.serialize(format=name)
        else:
            text = getattr(import_module(module), name)(graph)
    except OwlModelError as exc:
        raise InputError(f"cannot write {fmt}: {exc}") from None
    if output is not None:
        atomic_write_text(Path(output), text)
    return text
