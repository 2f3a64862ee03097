"""Follow ``owl:imports`` without the network: through XML catalogs and local files only.

An import is resolved by the packaged catalog (gluteonto and its bridge), by a
``catalog-v001.xml`` next to the importing file (as Protégé does), or, for a ``file:`` IRI, by
that local file. Anything else — an ``http(s)`` IRI no catalog maps — is *not* fetched; it is
listed in :attr:`ImportClosure.unresolved` so the caller can say so.
"""

from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import limits
from ..errors import first_line
from ..i18n import MessageError, Phrase
from ..resources import ontology_file
from .reading import syntax_for
from .safe_read import check_regular_file, read_quads
from .structure import StructureCheck

__all__ = ["OWL_IMPORTS", "ImportClosure", "import_closure", "read_catalog"]

OWL_IMPORTS = "http://www.w3.org/2002/07/owl#imports"
_CATALOG_NAME = "catalog-v001.xml"
_CATALOG_NS = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"


@dataclass
class ImportClosure:
    """A file with everything it imports: the quads (imports statements removed), files read, imports not resolved."""

    quads: list[Any] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)


def read_catalog(path: Path) -> dict[str, Path]:
    """IRI → local file mappings of an OASIS XML catalog (``<uri name=… uri=…/>``); relative paths from its folder."""
    path = check_regular_file(path)
    if path.stat().st_size > limits.MAX_CATALOG_BYTES:
        raise MessageError(("catalog too large", {"path": path, "limit": limits.MAX_CATALOG_BYTES}))
    data = path.read_bytes()
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise MessageError(("catalog doctype", {"path": path}))
    check = StructureCheck(path, "xml", what=Phrase("what xml catalog"))  # the same tokenizer as for RDF/XML: any encoding, any place in the file
    check.feed(data)
    check.close()
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise MessageError(("catalog unreadable", {"path": path, "detail": first_line(exc)})) from None
    mappings = {}
    for entry in root.iter(f"{_CATALOG_NS}uri"):
        name, target = entry.get("name"), entry.get("uri")
        if name and target and not urllib.parse.urlparse(target).scheme:
            mappings[name] = (path.parent / target).resolve()
    return mappings


def _catalog_for(path: Path) -> dict[str, Path]:
    mappings = read_catalog(ontology_file("owl").parent / _CATALOG_NAME)
    local = path.parent / _CATALOG_NAME
    if local.is_file():
        mappings.update(read_catalog(local))
    return mappings


def _local_file(iri: str, catalog: dict[str, Path]) -> Path | None:
    for candidate in (iri, iri.rstrip("/")):
        if candidate in catalog:
            return catalog[candidate]
    parsed = urllib.parse.urlparse(iri)
    if parsed.scheme == "file" and parsed.netloc in ("", "localhost"):
        return Path(urllib.parse.unquote(parsed.path))
    return None


def import_closure(path: Path) -> ImportClosure:
    """Read ``path`` and, recursively, every import a catalog or a ``file:`` IRI maps to a local file."""
    path = check_regular_file(Path(path))
    catalog = _catalog_for(path)
    closure = ImportClosure()
    queue, seen = [path], set()  # the file as the user named it, so that messages name it so too
    while queue:
        current = queue.pop(0)
        if current.resolve() in seen:
            continue
        seen.add(current.resolve())
        closure.files.append(current.resolve())
        for quad in read_quads(current, syntax_for(current)):
            if quad.predicate.value != OWL_IMPORTS:
                closure.quads.append(quad)
                continue
            iri = quad.object.value
            local = _local_file(iri, catalog)
            if local is None:
                if iri not in closure.unresolved:
                    closure.unresolved.append(iri)
            elif local.resolve() not in seen:
                queue.append(check_regular_file(local).resolve())
    return closure
