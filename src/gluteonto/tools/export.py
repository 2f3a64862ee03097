"""Write the ontology (or ontology + bridge) in another RDF format, atomically."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ..errors import InputError
from ..fileio import atomic_output
from ..formats.rdfxml import to_rdfxml
from ..resources import ONTOLOGY_FORMATS, bridge_file, ontology_file
from ..safe_write import check_output, is_stdout

__all__ = ["EXPORT_FORMATS", "export"]

#: CLI name → rdflib serializer (None: the project's deterministic RDF/XML writer)
EXPORT_FORMATS: dict[str, str | None] = {
    "turtle": "turtle",
    "rdfxml": None,
    "ntriples": "nt",
    "jsonld": "json-ld",
    "trig": "trig",
}

#: file suffix → the export format it promises
_SUFFIX_FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".owl": "rdfxml", ".rdf": "rdfxml", ".xml": "rdfxml",
                   ".nt": "ntriples", ".ntriples": "ntriples", ".jsonld": "jsonld", ".json": "jsonld", ".trig": "trig"}


def _check_suffix(fmt: str, output: Path) -> None:
    promised = _SUFFIX_FORMATS.get(output.suffix.lower())
    if promised is not None and promised != fmt:
        raise InputError(f"{output}: the suffix {output.suffix} means {promised}, not {fmt}; "
                         f"use --format {promised} or a name ending in a {fmt} suffix")


def export(fmt: str, output: Path | None = None, *, with_bridge: bool = False) -> str:
    """Serialise the packaged ontology as ``fmt``; write it to ``output`` if given, and return the text.

    ``output`` ``-`` (or None) writes nothing; an output whose suffix names another format, or that is
    one of the packaged files, is refused.
    """
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    inputs = [ontology_file(name) for name in ONTOLOGY_FORMATS] + [bridge_file()]
    if not is_stdout(output):
        _check_suffix(fmt, Path(output))  # type: ignore[arg-type]
        check_output(Path(output), inputs)  # type: ignore[arg-type]
    graph = Graph().parse(ontology_file("ttl"), format="turtle")
    if with_bridge:
        graph.parse(bridge_file(), format="xml")
    serializer = EXPORT_FORMATS[fmt]
    text = to_rdfxml(graph) if serializer is None else graph.serialize(format=serializer)
    if not is_stdout(output):
        with atomic_output(Path(output), inputs) as handle:  # type: ignore[arg-type]
            handle.write(text.encode("utf-8"))
    return text
