"""Read the editable source (``ontology/source/gluteonto-edit.yaml``) and index its terms by key.

Needs PyYAML (the ``build`` extra: ``pip install -e ".[build]"``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import URIRef

from ..vocab import GLUT, expand_curie

__all__ = ["SourceError", "OntologySource", "load_source"]


class SourceError(ValueError):
    """The editable source is malformed (unknown key, missing field, duplicate id…)."""


@dataclass
class OntologySource:
    """The parsed editable source with its key → IRI index."""

    data: dict[str, Any]
    iris: dict[str, URIRef] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return str(self.data["ontology"]["version"])

    def iri(self, key: str) -> URIRef:
        try:
            return self.iris[key]
        except KeyError:
            raise SourceError(f"unknown term key {key!r}") from None


def _term_iri(entry: Mapping[str, Any]) -> URIRef:
    if "iri" in entry:
        return URIRef(expand_curie(entry["iri"]) if "://" not in entry["iri"] else entry["iri"])
    if "id" not in entry:
        raise SourceError(f"term {entry.get('key')!r} has neither id nor iri")
    return GLUT[f"{int(entry['id']):07d}"]


def load_source(path: Path) -> OntologySource:
    """Read and index the YAML source; raise :class:`SourceError` on duplicate keys or ids."""
    import yaml  # build-time dependency only

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    source = OntologySource(data=data)
    for section, kind in (("sources", "individual"), ("properties", "property"), ("classes", "class")):
        for entry in data.get(section, []):
            key = entry["key"]
            if key in source.iris:
                raise SourceError(f"duplicate key {key!r}")
            iri = _term_iri(entry)
            if iri in source.iris.values():
                raise SourceError(f"duplicate IRI {iri} (key {key!r})")
            source.iris[key] = iri
            source.kinds[key] = kind
    return source
