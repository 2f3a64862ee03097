"""Locate the packaged data (ontology, shapes, queries, mappings).

In an installed wheel the data sits in ``gluteonto/data/``; in a source checkout (editable
install) the same files are read from the top-level folders, which stay the one source of truth.

>>> ontology_file("ttl").name
'gluteonto.ttl'
>>> ontology_file("ttl", international=True).name
'gluteonto-international.ttl'

The program itself (queries, term cards, site, server, validation) works from the international
edition, which holds every term's labels and definitions in nb, en and la; the main release files
hold one English label and definition per term, as OBO tools expect.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "data_root",
    "ontology_file",
    "release_file",
    "bridge_file",
    "shapes_file",
    "queries_dir",
    "mappings_file",
    "ONTOLOGY_FORMATS",
    "INTERNATIONAL_FORMATS",
]

#: release format name → (file name, rdflib format, pyoxigraph media type)
ONTOLOGY_FORMATS: dict[str, tuple[str, str, str]] = {
    "ttl": ("gluteonto.ttl", "turtle", "text/turtle"),
    "owl": ("gluteonto.owl", "xml", "application/rdf+xml"),
    "jsonld": ("gluteonto.jsonld", "json-ld", "application/ld+json"),
}
#: format name → file name of the international edition (labels and definitions in nb, en and la)
INTERNATIONAL_FORMATS: dict[str, str] = {
    "ttl": "gluteonto-international.ttl",
    "owl": "gluteonto-international.owl",
}


def data_root() -> Path:
    """Root folder holding ``ontology/``, ``shapes/``, ``queries/`` and ``mappings/``.

    A plain path beside this module (the package is installed as files, never imported from a zip):
    :mod:`importlib.resources` would cost every command its imports.
    """
    packaged = Path(__file__).with_name("data")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "ontology").is_dir():
        return checkout
    raise FileNotFoundError("gluteonto data files are missing from this installation")


def _path(*parts: str) -> Path:
    return data_root().joinpath(*parts)


def ontology_file(fmt: str = "ttl", *, international: bool = False) -> Path:
    """Path of the packaged ontology release in format ``ttl``, ``owl`` (RDF/XML) or ``jsonld``.

    ``international``: the international edition (``ttl`` or ``owl``), the one the program loads.
    """
    if international:
        return _path("ontology", INTERNATIONAL_FORMATS[fmt])
    return _path("ontology", ONTOLOGY_FORMATS[fmt][0])


def release_file(name: str) -> Path:
    """Path of any packaged release file by name (``gluteonto.obo``, ``gluteonto.json``, ``gluteonto.ofn``…)."""
    return _path("ontology", name)


def bridge_file() -> Path:
    """Path of the packaged gluteonto–FMA bridge (RDF/XML)."""
    return _path("ontology", "gluteonto-fma-bridge.owl")


def shapes_file(core: bool = False) -> Path:
    """Path of the packaged SHACL shapes (``core``: the same shapes with SHACL Core targets only)."""
    return _path("shapes", "gluteonto-shapes-core.ttl" if core else "gluteonto-shapes.ttl")


def queries_dir() -> Path:
    """Folder of the packaged SPARQL catalog (``qc/`` and ``fma/`` below it)."""
    return _path("queries")


def mappings_file(fmt: str = "tsv") -> Path:
    """Path of the packaged SSSOM mapping set (``tsv`` or ``json``)."""
    return _path("mappings", f"gluteonto.sssom.{fmt}")
