"""Extract the Uberon classes gluteonto maps, with their neighbourhood, from a real Uberon release.

Source: the Uberon release v2026-04-01 as shipped by the PyPI package ``cellxgene-ontology-guide``
(``cellxgene_ontology_guide/data/UBERON-ontology-v2026-04-01.json.zst``), which holds for every
Uberon class its label, definition, exact synonyms, obsolete flag (with replaced-by) and its is_a +
part_of ancestors with their distance. Distance-1 ancestors are the class's direct links in the
release; the package does not say which of them are is_a and which part_of, so each link's type is
taken from ``uberon-link-evidence.tsv`` (real Uberon source text, one source named per row). A link
no source types is left out of the extract (never guessed); README.md lists how many.

The extract holds every Uberon class of the SSSOM mapping set, every class they link to directly,
the classes Uberon files directly under *gluteal muscle* (what Uberon counts as a gluteal muscle),
and one real obsolete class (UBERON:0002003, for the obsolete-class check). It is written in the
four shapes Uberon releases it in (see README.md): ``uberon-extract.owl`` (RDF/XML like
``uberon.owl``), ``uberon-extract.obo`` (like ``uberon.obo``), ``uberon-extract.json`` (obographs,
like ``uberon.json``) and ``uberon-basic-extract.obo`` (like ``uberon-basic.obo``).

    pip install cellxgene-ontology-guide==1.11.1
    python tests/data/uberon/make_uberon_extract.py

The functions are shared with ``benchmarks/bench_uberon_link.py``, which writes the whole release.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
PACKAGE = "cellxgene-ontology-guide"
RELEASE = "2026-04-01"
RESOURCE = f"data/UBERON-ontology-v{RELEASE}.json.zst"
OBO = "http://purl.obolibrary.org/obo/"
PART_OF = OBO + "BFO_0000050"
GLUTEAL_MUSCLE = "UBERON:0002000"
OBSOLETE_EXAMPLE = "UBERON:0002003"


@dataclass
class Term:
    """One Uberon class as the release states it."""

    id: str
    label: str
    definition: str = ""
    synonyms: list[str] = field(default_factory=list)
    obsolete: bool = False
    replaced_by: str = ""
    is_a: list[str] = field(default_factory=list)
    part_of: list[str] = field(default_factory=list)


def read_release() -> dict[str, dict[str, object]]:
    """The package's Uberon release: CURIE → the package's record."""
    from importlib.resources import files

    import zstandard

    data = files("cellxgene_ontology_guide").joinpath(RESOURCE).read_bytes()
    return json.loads(zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read())  # type: ignore[no-any-return]


def direct_links(record: dict[str, object]) -> list[str]:
    """The class's direct links in the release (its distance-1 ancestors)."""
    ancestors = record.get("ancestors") or {}
    assert isinstance(ancestors, dict)
    return sorted(a for a, distance in ancestors.items() if distance == 1)


def read_evidence(path: Path = HERE / "uberon-link-evidence.tsv") -> dict[tuple[str, str], str]:
    """(child, parent) → ``is_a`` or ``part_of``, from real Uberon source text."""
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {(r["child"], r["parent"]): r["relation"] for r in csv.DictReader(rows, delimiter="\t")}


def mapped_uberon_ids(sssom: Path = ROOT / "mappings" / "gluteonto.sssom.tsv") -> list[str]:
    """Every Uberon id of gluteonto's SSSOM mapping set."""
    rows = [line for line in sssom.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return sorted({r["object_id"] for r in csv.DictReader(rows, delimiter="\t") if r["object_id"].startswith("UBERON:")})


def make_term(curie: str, record: dict[str, object], links: dict[str, str]) -> Term:
    """A Term from the package's record, with the typed links given."""
    synonyms = record.get("synonyms") or []
    assert isinstance(synonyms, list)
    return Term(
        id=curie,
        label=str(record.get("label", "")),
        definition=str(record.get("description", "")),
        synonyms=[str(s) for s in synonyms],
        obsolete=bool(record.get("deprecated")),
        replaced_by=str(record.get("replaced_by", "")),
        is_a=sorted(p for p, kind in links.items() if kind == "is_a"),
        part_of=sorted(p for p, kind in links.items() if kind == "part_of"),
    )


def extract(release: dict[str, dict[str, object]], evidence: dict[tuple[str, str], str]) -> tuple[list[Term], list[tuple[str, str]]]:
    """The extract's terms, and the links of its linked classes that no source types (left out)."""
    mapped = mapped_uberon_ids()
    members = [c for c, r in release.items() if GLUTEAL_MUSCLE in direct_links(r) and (c, GLUTEAL_MUSCLE) in evidence]
    linked = sorted(set(mapped) | set(members))
    untyped = [(c, p) for c in linked for p in direct_links(release[c]) if (c, p) not in evidence]
    terms: dict[str, Term] = {}
    for curie in linked:
        links = {p: evidence[(curie, p)] for p in direct_links(release[curie]) if (curie, p) in evidence}
        terms[curie] = make_term(curie, release[curie], links)
        for parent in links:
            terms.setdefault(parent, make_term(parent, release[parent], {}))
    terms[OBSOLETE_EXAMPLE] = make_term(OBSOLETE_EXAMPLE, release[OBSOLETE_EXAMPLE], {})
    return [terms[c] for c in sorted(terms)], untyped


def iri(curie: str) -> str:
    """The OBO PURL of a CURIE."""
    prefix, local = curie.split(":", 1)
    return f"{OBO}{prefix}_{local}"


# --- uberon.owl: RDF/XML as the OWL API writes Uberon's release -----------------------------------

def write_owl(terms: Iterable[Term], out: io.TextIOBase, *, ontology: str = "uberon.owl", comment: str = "") -> None:
    """Write terms as Uberon's RDF/XML release does (``uberon.owl`` or ``uberon-basic.owl``)."""
    version = f"{OBO}uberon/releases/{RELEASE}/{ontology.rsplit('/', 1)[-1]}"
    out.write('<?xml version="1.0"?>\n')
    if comment:
        out.write(f"<!-- {comment} -->\n")
    out.write(f'<rdf:RDF xmlns="{OBO}{ontology}#"\n     xml:base="{OBO}{ontology}"\n     xmlns:obo="{OBO}"\n'
              '     xmlns:owl="http://www.w3.org/2002/07/owl#"\n     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
              '     xmlns:xml="http://www.w3.org/XML/1998/namespace"\n     xmlns:xsd="http://www.w3.org/2001/XMLSchema#"\n'
              '     xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"\n'
              '     xmlns:oboInOwl="http://www.geneontology.org/formats/oboInOwl#">\n')
    out.write(f'    <owl:Ontology rdf:about="{OBO}{ontology}">\n        <owl:versionIRI rdf:resource="{version}"/>\n'
              f"        <owl:versionInfo>{RELEASE}</owl:versionInfo>\n    </owl:Ontology>\n\n")
    for prop in ("IAO_0000115", "IAO_0100001"):
        out.write(f'    <owl:AnnotationProperty rdf:about="{OBO}{prop}"/>\n')
    for prop in ("hasExactSynonym", "id"):
        out.write(f'    <owl:AnnotationProperty rdf:about="http://www.geneontology.org/formats/oboInOwl#{prop}"/>\n')
    out.write(f'\n    <!-- {PART_OF} -->\n\n    <owl:ObjectProperty rdf:about="{PART_OF}">\n'
              '        <rdf:type rdf:resource="http://www.w3.org/2002/07/owl#TransitiveProperty"/>\n'
              '        <rdfs:label>part of</rdfs:label>\n    </owl:ObjectProperty>\n')
    for term in terms:
        out.write(f"\n    <!-- {iri(term.id)} -->\n\n    <owl:Class rdf:about={quoteattr(iri(term.id))}>\n")
        for parent in term.is_a:
            out.write(f'        <rdfs:subClassOf rdf:resource="{iri(parent)}"/>\n')
        for whole in term.part_of:
            out.write("        <rdfs:subClassOf>\n            <owl:Restriction>\n"
                      f'                <owl:onProperty rdf:resource="{PART_OF}"/>\n'
                      f'                <owl:someValuesFrom rdf:resource="{iri(whole)}"/>\n'
                      "            </owl:Restriction>\n        </rdfs:subClassOf>\n")
        if term.definition:
            out.write(f"        <obo:IAO_0000115>{escape(term.definition)}</obo:IAO_0000115>\n")
        if term.replaced_by:
            out.write(f'        <obo:IAO_0100001 rdf:resource="{iri(term.replaced_by)}"/>\n')
        for synonym in term.synonyms:
            out.write(f"        <oboInOwl:hasExactSynonym>{escape(synonym)}</oboInOwl:hasExactSynonym>\n")
        out.write(f"        <oboInOwl:id>{term.id}</oboInOwl:id>\n")
        if term.label:
            out.write(f"        <rdfs:label>{escape(term.label)}</rdfs:label>\n")
        if term.obsolete:
            out.write('        <owl:deprecated rdf:datatype="http://www.w3.org/2001/XMLSchema#boolean">true</owl:deprecated>\n')
        out.write("    </owl:Class>\n")
    out.write("</rdf:RDF>\n")


# --- uberon.obo and uberon-basic.obo: OBO 1.4 as ROBOT writes Uberon's release --------------------

def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_obo(terms: Iterable[Term], out: io.TextIOBase, *, variant: str = "uberon", comment: str = "") -> None:
    """Write terms as Uberon's OBO release does (``variant`` ``uberon`` or ``uberon-basic``)."""
    by_id = list(terms)
    names = {t.id: t.label for t in by_id}
    ontology = "uberon" if variant == "uberon" else f"uberon/{variant}"
    out.write(f"format-version: 1.2\ndata-version: uberon/releases/{RELEASE}/{variant}.owl\nontology: {ontology}\n")
    if comment:
        out.write(f"remark: {comment}\n")
    for term in by_id:
        out.write(f"\n[Term]\nid: {term.id}\n")
        if term.label:
            out.write(f"name: {term.label}\n")
        if term.definition:
            out.write(f"def: {_quote(term.definition)} []\n")
        for synonym in term.synonyms:
            out.write(f"synonym: {_quote(synonym)} EXACT []\n")
        for parent in term.is_a:
            out.write(f"is_a: {parent} ! {names.get(parent, '')}".rstrip(" !") + "\n")
        for whole in term.part_of:
            out.write(f"relationship: part_of {whole} ! {names.get(whole, '')}".rstrip(" !") + "\n")
        if term.obsolete:
            out.write("is_obsolete: true\n")
        if term.replaced_by:
            out.write(f"replaced_by: {term.replaced_by}\n")
    out.write("\n[Typedef]\nid: part_of\nname: part of\nxref: BFO:0000050\nis_transitive: true\n")


# --- uberon.json: obographs as ROBOT writes Uberon's release --------------------------------------

def obographs(terms: Iterable[Term], *, comment: str = "") -> dict[str, object]:
    """Terms as an obographs document (``uberon.json``)."""
    nodes: list[dict[str, object]] = []
    edges: list[dict[str, str]] = []
    for term in terms:
        meta: dict[str, object] = {}
        if term.definition:
            meta["definition"] = {"val": term.definition, "xrefs": []}
        if term.synonyms:
            meta["synonyms"] = [{"pred": "hasExactSynonym", "val": s, "xrefs": []} for s in term.synonyms]
        values = [{"pred": "http://www.geneontology.org/formats/oboInOwl#id", "val": term.id}]
        if term.replaced_by:
            values.append({"pred": f"{OBO}IAO_0100001", "val": iri(term.replaced_by)})
        meta["basicPropertyValues"] = values
        if term.obsolete:
            meta["deprecated"] = True
        node: dict[str, object] = {"id": iri(term.id), "lbl": term.label, "type": "CLASS", "meta": meta}
        if not term.label:
            del node["lbl"]
        nodes.append(node)
        edges += [{"sub": iri(term.id), "pred": "is_a", "obj": iri(p)} for p in term.is_a]
        edges += [{"sub": iri(term.id), "pred": PART_OF, "obj": iri(w)} for w in term.part_of]
    nodes.append({"id": PART_OF, "lbl": "part of", "type": "PROPERTY"})
    graph_meta: dict[str, object] = {"version": f"{OBO}uberon/releases/{RELEASE}/uberon.owl",
                                     "basicPropertyValues": [{"pred": "http://www.w3.org/2002/07/owl#versionInfo", "val": RELEASE}]}
    if comment:
        graph_meta["comments"] = [comment]
    graph = {"id": f"{OBO}uberon.owl", "meta": graph_meta, "nodes": nodes, "edges": edges,
             "equivalentNodesSets": [], "logicalDefinitionAxioms": [], "domainRangeAxioms": [], "propertyChainAxioms": []}
    return {"graphs": [graph]}


def write_all(terms: list[Term], folder: Path, stem: str, comment: str) -> list[Path]:
    """Write the four shapes into ``folder``; return their paths."""
    paths = {"owl": folder / f"{stem}.owl", "obo": folder / f"{stem}.obo", "json": folder / f"{stem}.json",
             "basic": folder / (stem.replace("uberon", "uberon-basic", 1) + ".obo")}
    with paths["owl"].open("w", encoding="utf-8") as out:
        write_owl(terms, out, comment=comment)  # type: ignore[arg-type]
    with paths["obo"].open("w", encoding="utf-8") as out:
        write_obo(terms, out, comment=comment)  # type: ignore[arg-type]
    paths["json"].write_text(json.dumps(obographs(terms, comment=comment), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    with paths["basic"].open("w", encoding="utf-8") as out:
        write_obo(terms, out, variant="uberon-basic", comment=comment)  # type: ignore[arg-type]
    return list(paths.values())


def main() -> None:
    from importlib.metadata import version

    release = read_release()
    terms, untyped = extract(release, read_evidence())
    comment = (f"Extract of Uberon release v{RELEASE} (PyPI {PACKAGE} {version(PACKAGE)}, {RESOURCE}) for gluteonto's tests; "
               "made by tests/data/uberon/make_uberon_extract.py. Uberon is CC BY 3.0.")
    for path in write_all(terms, HERE, "uberon-extract", comment):
        print(f"wrote {path.relative_to(ROOT)}")
    print(f"{len(terms)} classes; {len(untyped)} direct links of the linked classes left out (no source types them):")
    for child, parent in untyped:
        print(f"  {child} {release[child]['label']} -> {parent} {release[parent]['label']}")


if __name__ == "__main__":
    main()
