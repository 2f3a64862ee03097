"""Build every release artefact from the editable source: ``python -m gluteonto.compile``.

Reads ``ontology/source/`` (the edit file and the vendored reference identifiers) and writes:

* ``ontology/gluteonto.owl`` (RDF/XML in the OWL API's typed-node style, what Protégé opens),
  ``gluteonto.ttl``, ``gluteonto.jsonld``, ``gluteonto.ofn`` (OWL functional syntax);
* ``ontology/gluteonto.obo`` (OBO 1.4) and ``gluteonto.json`` (obographs), English names with the
  Norwegian and Latin ones as typed synonyms; ``gluteonto-nb.babelon.tsv`` (Babelon translations);
* ``ontology/gluteonto-fma-bridge.owl`` / ``.ttl``: OWL equivalences to FMA classes;
* ``ontology/catalog-v001.xml``: the Protégé/OWL API catalog for the files above;
* ``mappings/gluteonto.sssom.tsv`` / ``.json``: the SSSOM mapping set (FMA, Uberon, HPO, MONDO);
* ``src/gluteonto/iris.py``: a named constant for the IRI of every term (:mod:`.constants`);
* ``src/gluteonto/locale/*/LC_MESSAGES/gluteonto.mo``: the message catalogues compiled (:mod:`.messages`).

:func:`render_release` is pure (returns path → text, or bytes for the compiled catalogues), so tests can check that the committed
files do not drift from the source. Both take the root of a source checkout explicitly: the
module also ships in the wheel, where no checkout surrounds it.
"""

from __future__ import annotations

from pathlib import Path

from ..fileio import atomic_write_bytes, atomic_write_text
from ..formats.jsonld import to_jsonld
from ..formats.obo import render_obo
from ..formats.obographs import render_obographs
from ..formats.ofn import render_ontology
from ..formats.owlmodel import read_ontology
from ..formats.rdfxml import to_rdfxml
from .babelon import render_babelon
from .bridge import bridge_graph, catalog_xml
from .compiler import compile_ontology
from .constants import CONSTANTS_FILE, render_constants
from .messages import render_catalogues
from .source import load_source
from .sssom import render_sssom, render_sssom_json

__all__ = ["SOURCE_DIR", "EDIT_FILE", "REFERENCE_IDS", "render_release", "write_release"]

#: Editable source and vendored inputs, relative to a checkout's root.
SOURCE_DIR = Path("ontology", "source")
EDIT_FILE = SOURCE_DIR / "gluteonto-edit.yaml"
REFERENCE_IDS = SOURCE_DIR / "reference-ids.tsv"


def render_release(root: Path) -> dict[str, str | bytes]:
    """Compile ``root``/ontology/source/ and the message catalogues; return every generated file as
    repo-relative path → text (bytes for the compiled catalogues)."""
    source = load_source(root / EDIT_FILE)
    graph = compile_ontology(source)
    model = read_ontology(graph)
    bridge = bridge_graph(source)
    return {
        "ontology/gluteonto.ttl": graph.serialize(format="turtle"),
        "ontology/gluteonto.owl": to_rdfxml(graph),
        "ontology/gluteonto.jsonld": to_jsonld(graph),
        "ontology/gluteonto.ofn": render_ontology(model),
        "ontology/gluteonto.obo": render_obo(model),
        "ontology/gluteonto.json": render_obographs(model),
        "ontology/gluteonto-nb.babelon.tsv": render_babelon(model, "nb"),
        "ontology/gluteonto-fma-bridge.ttl": bridge.serialize(format="turtle"),
        "ontology/gluteonto-fma-bridge.owl": to_rdfxml(bridge),
        "ontology/catalog-v001.xml": catalog_xml(source.version),
        "mappings/gluteonto.sssom.tsv": render_sssom(source, root / REFERENCE_IDS),
        "mappings/gluteonto.sssom.json": render_sssom_json(source, root / REFERENCE_IDS),
        CONSTANTS_FILE: render_constants(source),
        **render_catalogues(root),
    }


def write_release(root: Path) -> list[Path]:
    """Render every release file first, then write each atomically under ``root``; return the paths."""
    rendered = render_release(root)
    written = []
    for rel, content in rendered.items():
        path = root / rel
        if isinstance(content, bytes):
            atomic_write_bytes(path, content)
        else:
            atomic_write_text(path, content)
        written.append(path)
    return written
