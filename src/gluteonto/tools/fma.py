"""Link gluteonto with a user's copy of the Foundational Model of Anatomy (FMA).

:func:`link_fma` streams the FMA file into an embedded Oxigraph store (Rust, so FMA's million
triples load in seconds and little memory), checks every exact FMA mapping of the SSSOM set
(does the class exist, does its FMA name match ours), adds gluteonto and the bridge, and can
write the merged graph, or just the mapped classes with their FMA neighbourhood, atomically.
The returned :class:`LinkOutcome` holds a :class:`~gluteonto.session.Session` on the merged
store, so every packaged query runs on it.
"""

from __future__ import annotations

import csv
import gzip
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rdflib import URIRef

from ..engines import OxigraphEngine
from ..errors import InputError
from ..fileio import atomic_output
from ..formats.reading import open_rdf_stream, syntax_for
from ..formats.safe_read import check_regular_file
from ..i18n import MessageError
from ..query.lookup import normalize
from ..query.session import Session
from ..resources import bridge_file, mappings_file, ontology_file
from ..safe_write import check_output, is_stdout
from ..vocab import (
    BASE,
    DCTERMS,
    FMA,
    INTERNATIONAL_ONTOLOGY_IRI,
    OWL,
    PREFIXES,
    RDF,
    RDFS,
    compact_iri,
    expand_curie,
    version_iri,
)

__all__ = ["MERGED_IRI", "MERGED_FILE", "MappingStatus", "FmaMapping", "MappingCheck", "LinkReport", "LinkOutcome",
           "read_fma_mappings", "link_fma"]

Progress = Callable[[str], None]
#: The outcome of checking one mapping against the FMA file.
MappingStatus = Literal["ok", "missing", "name differs"]
_NAME_PREDICATES = (str(RDFS.label), str(FMA.preferred_name), str(FMA.synonym))
_NEIGHBOURHOOD_DEPTH = 2
MERGED_FILE = "gluteonto-fma-merged.owl"
MERGED_IRI = BASE + MERGED_FILE


@dataclass(frozen=True)
class FmaMapping:
    """One exact gluteonto → FMA mapping from the SSSOM set."""

    subject: URIRef
    subject_label: str
    fma: URIRef
    fma_label: str


@dataclass(frozen=True)
class MappingCheck:
    """The result of checking one mapping against the FMA file."""

    mapping: FmaMapping
    status: MappingStatus
    fma_names: tuple[str, ...] = ()


@dataclass
class LinkReport:
    """All mapping checks plus load figures."""

    checks: list[MappingCheck] = field(default_factory=list)
    fma_triples: int = 0
    load_seconds: float = 0.0
    output: Path | None = None
    output_triples: int = 0

    @property
    def problems(self) -> list[MappingCheck]:
        """The checks that did not match."""
        return [c for c in self.checks if c.status != "ok"]

    @property
    def ok(self) -> bool:
        """True when every mapping matched."""
        return not self.problems

    def render(self) -> str:
        """The report as text."""
        ok = len(self.checks) - len(self.problems)
        lines = [
            f"FMA file: {self.fma_triples} triples read in {self.load_seconds:.1f} s.",
            f"Mappings checked: {len(self.checks)}; {ok} match, {len(self.problems)} problem(s).",
        ]
        for check in self.problems:
            m = check.mapping
            curie = compact_iri(str(m.fma))
            if check.status == "missing":
                lines.append(f"  MISSING       {curie:<12} {m.subject_label}: no such class in the FMA file")
            else:
                names = "; ".join(check.fma_names) or "(no name)"
                lines.append(f"  NAME DIFFERS  {curie:<12} ours: {m.subject_label!r}; FMA: {names!r}")
        if self.output is not None:
            lines.append(f"Merged graph written to {self.output} ({self.output_triples} triples).")
        return "\n".join(lines)


@dataclass
class LinkOutcome:
    """A link report and a session on the merged store."""

    report: LinkReport
    session: Session


def read_fma_mappings(path: Path | None = None) -> list[FmaMapping]:
    """Exact FMA mappings of the packaged SSSOM mapping set."""
    rows = [line for line in (path or mappings_file()).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    mappings = []
    for row in csv.DictReader(rows, delimiter="\t"):
        if row["predicate_id"] == "skos:exactMatch" and row["object_id"].startswith("FMA:"):
            mappings.append(FmaMapping(
                subject=URIRef(expand_curie(row["subject_id"])),
                subject_label=row["subject_label"],
                fma=URIRef(expand_curie(row["object_id"])),
                fma_label=row["object_label"],
            ))
    return mappings


def _our_names(session: Session) -> dict[URIRef, set[str]]:
    """Normalised English/Latin labels and exact synonyms of every gluteonto term."""
    names: dict[URIRef, set[str]] = {}
    for term, _text, lang, kind, norm in session.index.entries:
        if kind in ("label", "exact synonym") and lang in ("en", "la", ""):
            names.setdefault(term, set()).add(norm)
    return names


def _check(store: Any, mappings: list[FmaMapping], session: Session) -> list[MappingCheck]:
    import pyoxigraph as ox

    ours = _our_names(session)
    checks = []
    for mapping in mappings:
        node = ox.NamedNode(str(mapping.fma))
        exists = next(iter(store.quads_for_pattern(node, None, None)), None) is not None
        if not exists:
            checks.append(MappingCheck(mapping, "missing"))
            continue
        names = tuple(sorted({q.object.value for p in _NAME_PREDICATES
                              for q in store.quads_for_pattern(node, ox.NamedNode(p), None)
                              if isinstance(q.object, ox.Literal)}))
        expected = ours.get(mapping.subject, set()) | ({normalize(mapping.fma_label)} if mapping.fma_label else set())
        matches = not names or any(normalize(n) in expected for n in names)
        checks.append(MappingCheck(mapping, "ok" if matches else "name differs", names))
    return checks


def _neighbourhood(store: Any, seeds: Iterable[URIRef]) -> list[Any]:
    """Quads about the seed classes, their restrictions, and the names of every class they mention."""
    import pyoxigraph as ox

    out: list[Any] = []
    seen: set[Any] = set()
    frontier: list[Any] = [ox.NamedNode(str(s)) for s in seeds]
    for depth in range(_NEIGHBOURHOOD_DEPTH + 1):
        mentioned: list[Any] = []
        for subject in frontier:
            if subject in seen:
                continue
            seen.add(subject)
            for quad in store.quads_for_pattern(subject, None, None):
                if depth < _NEIGHBOURHOOD_DEPTH or quad.predicate.value in _NAME_PREDICATES or isinstance(subject, ox.BlankNode):
                    out.append(quad)
                    if isinstance(quad.object, (ox.NamedNode, ox.BlankNode)):
                        mentioned.append(quad.object)
        frontier = mentioned
    return out



def _replace_headers(store: Any, fma_name: str, subset: bool) -> None:
    """Make the merged graph one self-contained ontology.

    The three parts each bring an ontology header, and the bridge imports gluteonto, which is now
    merged in; left as they are, OWL tools would fetch the import from the web. Their headers are
    replaced by one header for the merged graph.
    """
    import pyoxigraph as ox

    def node(iri: str) -> Any:
        return ox.NamedNode(str(iri))

    rdf_type, ontology_class = node(RDF.type), node(OWL.Ontology)
    headers = {q.subject for q in store.quads_for_pattern(None, rdf_type, ontology_class)}
    version = next(store.quads_for_pattern(node(INTERNATIONAL_ONTOLOGY_IRI), node(OWL.versionInfo), None)).object.value
    license_iri = next(store.quads_for_pattern(node(INTERNATIONAL_ONTOLOGY_IRI), node(DCTERMS.license), None)).object
    for header in headers:
        for quad in list(store.quads_for_pattern(header, None, None)):
            store.remove(quad)
    merged = node(MERGED_IRI)
    part = "the mapped FMA classes and their neighbourhood from" if subset else "all of"
    statements = [
        (rdf_type, ontology_class),
        (node(OWL.versionIRI), node(version_iri(version, MERGED_FILE))),
        (node(DCTERMS.title), ox.Literal("gluteonto merged with FMA", language="en")),
        (node(DCTERMS.title), ox.Literal("gluteonto slått sammen med FMA", language="nb")),
        (node(DCTERMS.description), ox.Literal(
            f"gluteonto, its FMA bridge and {part} {fma_name}, written by 'gluteonto link-fma'.", language="en")),
        (node(DCTERMS.description), ox.Literal(
            f"gluteonto, FMA-broen og FMA-innhold fra {fma_name}, skrevet av «gluteonto link-fma».", language="nb")),
        (node(DCTERMS.license), license_iri),
        (node(RDFS.comment), ox.Literal(
            "The licence applies to the gluteonto part; FMA content keeps the licence given by its publisher.", language="en")),
    ]
    for predicate, value in statements:
        store.add(ox.Quad(merged, predicate, value))


def _write(store: Any, output: Path, inputs: list[Path]) -> None:
    import pyoxigraph as ox

    if is_stdout(output):
        store.dump(sys.stdout.buffer, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        sys.stdout.buffer.flush()
        return
    fmt = syntax_for(output).oxigraph
    with atomic_output(output, inputs) as handle:
        if output.suffix.lower() == ".gz":
            with gzip.GzipFile(fileobj=handle, mode="wb") as zipped:
                store.dump(zipped, format=fmt, from_graph=ox.DefaultGraph())
        else:
            store.dump(handle, format=fmt, from_graph=ox.DefaultGraph())


def link_fma(
    fma_file: Path,
    *,
    output: Path | None = None,
    subset: bool = False,
    progress: Progress | None = None,
) -> LinkOutcome:
    """Check the FMA mappings against ``fma_file`` and merge it with gluteonto and the bridge.

    ``subset`` keeps only the mapped FMA classes with their neighbourhood (restrictions such as
    nerve_supply or arterial_supply, superclasses, regional parts and the names of what they
    point to). ``output`` (format from its suffix, ``.gz`` allowed) is written atomically; ``-`` writes
    N-Triples to standard output. An output that is one of the inputs is refused before the load.
    """
    fma_file = check_regular_file(Path(fma_file))
    inputs = [fma_file, ontology_file("ttl", international=True), bridge_file()]
    if output is not None and not is_stdout(output):
        syntax_for(output)  # fail on an unusable output name before the long load
        check_output(Path(output), inputs)
    say = progress or (lambda _message: None)
    with open_rdf_stream(fma_file) as probe:
        if not probe.read(1):
            raise InputError(f"{fma_file}: the file is empty")

    fma_engine = OxigraphEngine()
    say(f"reading {fma_file.name} …")
    start = time.perf_counter()
    triples = fma_engine.load(fma_file, progress=lambda n: say(f"  {n:,} triples read"))
    seconds = time.perf_counter() - start
    if triples == 0:
        raise MessageError(("file no triples", {"path": fma_file}))
    fma_classes = fma_engine.query(
        f"ASK {{ ?c a <{OWL.Class}> FILTER(STRSTARTS(STR(?c), \"{PREFIXES['FMA']}\")) }}"
    )
    if not fma_classes.boolean:
        raise InputError(f"{fma_file}: no FMA classes ({PREFIXES['FMA']}…) found; is this an FMA file?")
    say(f"read {triples:,} triples in {seconds:.1f} s; checking mappings …")

    ontology = Session("oxigraph")
    mappings = read_fma_mappings()
    report = LinkReport(checks=_check(fma_engine.store, mappings, ontology), fma_triples=triples, load_seconds=seconds)

    if subset:
        merged = OxigraphEngine()
        merged.store.bulk_extend(_neighbourhood(fma_engine.store, [m.fma for m in mappings]))
        del fma_engine
    else:
        merged = fma_engine
    merged.load(ontology_file("ttl", international=True))
    merged.load(bridge_file())
    _replace_headers(merged.store, fma_file.name, subset)
    session = Session(store=merged, index=ontology.index)  # parameters resolve against gluteonto's labels

    if output is not None:
        say(f"writing {output} …")
        _write(merged.store, Path(output), inputs)
        report.output = Path(output)
        report.output_triples = len(merged.store)
    return LinkOutcome(report=report, session=session)
