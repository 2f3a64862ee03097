"""Link gluteonto with the FMA or Uberon file a user has, in any of the forms they are distributed in.

:func:`link` reads the file once as a stream (Oxigraph's parser; OBO and obographs through
:mod:`gluteonto.formats.ontology_read`) and keeps only what linking needs: which distribution the
file is (recognised by the IRIs of its classes, :data:`DISTRIBUTIONS`), every triple of the classes
gluteonto maps to (with their restrictions), the names of the classes those mention and the
declarations of the properties they use. It does not build a store of the whole file, so a
five-million-triple FMA costs little more than parsing it. Those triples go into a small Oxigraph
store with gluteonto and the bridge; every mapping is checked there with SPARQL (does the class
exist, is it obsolete, does its name match ours); and the merged graph can be written atomically
(``subset``: the mapped classes and their neighbourhood; otherwise the whole file, streamed a
second time into the output). The returned :class:`LinkOutcome` holds a session on the merged
store, so packaged queries run on it.
"""

from __future__ import annotations

import csv
import errno
import functools
import gzip
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pyoxigraph import BlankNode
from pyoxigraph import Literal as OxLiteral

from .. import limits
from ..errors import first_line
from ..fileio import atomic_output
from ..formats.ontology_read import read_ontology_quads
from ..formats.reading import syntax_for
from ..formats.safe_read import check_regular_file
from ..i18n import MessageError, msg
from ..isolate import run_isolated, tell
from ..query.lookup import normalize
from ..query.session import Session
from ..resources import bridge_file, mappings_file, ontology_file
from ..safe_write import check_output, is_stdout
from ..vocab import BASE, INTERNATIONAL_ONTOLOGY_IRI, OBO_REPLACED_BY, expand_curie, version_iri

__all__ = [
    "DISTRIBUTIONS",
    "Distribution",
    "LinkOutcome",
    "LinkReport",
    "Mapping",
    "MappingCheck",
    "MappingStatus",
    "link",
    "merged_iri",
    "query_needs",
    "read_mappings",
    "unmet_needs",
]

Progress = Callable[[str], None]
#: The outcome of checking one mapping against the file.
MappingStatus = Literal["ok", "missing", "name differs", "no name", "obsolete", "ambiguous"]
#: How a mapping found its class: by the id in the class IRI, or by the class's name.
MatchedBy = Literal["id", "name"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"
_OBO = "http://purl.obolibrary.org/obo/"
_TYPE = _RDF + "type"
_LABEL = _RDFS + "label"
_SUBCLASS = _RDFS + "subClassOf"
_ON_PROPERTY = _OWL + "onProperty"
_OWL_CLASS = _OWL + "Class"
_OWL_ONTOLOGY = _OWL + "Ontology"
_PROPERTY_KINDS = frozenset(_OWL + k for k in ("ObjectProperty", "AnnotationProperty", "DatatypeProperty", "TransitiveProperty"))
#: Predicates that give a class's own name (its label or preferred name), not a synonym.
PRIMARY_NAME_PREDICATES = (_LABEL, "http://purl.org/sig/ont/fma/preferred_name", "http://www.w3.org/2004/02/skos/core#prefLabel")
#: Predicates that name a class: rdfs:label, FMA's own names, OBO synonyms.
NAME_PREDICATES = (
    *PRIMARY_NAME_PREDICATES,
    "http://purl.org/sig/ont/fma/synonym",
    "http://www.geneontology.org/formats/oboInOwl#hasExactSynonym",
    "http://www.w3.org/2004/02/skos/core#altLabel",
)
_PRIMARY = frozenset(PRIMARY_NAME_PREDICATES)
_NAMES = frozenset(NAME_PREDICATES)
#: Objects of these are used as classes (their declaration is kept with them).
_CLASS_POSITIONS = frozenset({_SUBCLASS, _OWL + "equivalentClass", _OWL + "someValuesFrom", _OWL + "allValuesFrom", _RDF + "first"})
#: Vocabulary that is never declared in an ontology file.
_BUILT_IN = (_RDF, _RDFS, _OWL, "http://www.w3.org/2001/XMLSchema#")
_PROGRESS_EVERY = 500_000


@dataclass(frozen=True)
class Distribution:
    """One way an ontology is distributed, told apart by the IRIs of its classes."""

    key: str
    ontology: Literal["FMA", "UBERON"]
    namespace: str
    by_id: bool  # the class IRI carries the identifier; otherwise classes are found by name

    def iri(self, curie: str) -> str | None:
        """The class IRI for a CURIE (``FMA:22317``) in this distribution; None where IRIs carry no id."""
        return self.namespace + curie.split(":", 1)[1] if self.by_id else None

    def name(self, lang: str = "en") -> str:
        """The distribution's name for the user."""
        return msg(f"distribution {self.key}", lang)


#: The distributions recognised, by the namespace of their class IRIs.
DISTRIBUTIONS: tuple[Distribution, ...] = (
    Distribution("fma-sig", "FMA", "http://purl.org/sig/ont/fma/fma", True),
    Distribution("fma-obo", "FMA", _OBO + "FMA_", True),
    Distribution("fma-oaei", "FMA", "http://bioontology.org/projects/ontologies/fma/fmaOwlDlComponent_2_0#", False),
    Distribution("uberon", "UBERON", _OBO + "UBERON_", True),
)


@dataclass(frozen=True)
class Mapping:
    """One exact gluteonto → FMA or Uberon mapping of the SSSOM set."""

    subject: str
    subject_label: str
    object: str  # CURIE, e.g. FMA:22317
    object_label: str


@dataclass(frozen=True)
class MappingCheck:
    """The result of checking one mapping against the file."""

    mapping: Mapping
    status: MappingStatus
    names: tuple[str, ...] = ()
    iri: str = ""
    matched_by: MatchedBy = "id"
    replaced_by: str = ""
    #: by name: the other classes carrying the name (passed over by the rule, or tied when ``ambiguous``)
    others: tuple[str, ...] = ()


@dataclass
class LinkReport:
    """The distribution read, every mapping check, and load figures."""

    distribution: Distribution
    checks: list[MappingCheck] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    properties: frozenset[str] = frozenset()
    output: Path | None = None
    output_triples: int = 0
    #: the output asked for and not written, because the link failed (mapping problems, no ``keep_going``)
    withheld: Path | None = None

    @property
    def problems(self) -> list[MappingCheck]:
        """The checks that did not match (a class without a name is not a match)."""
        return [c for c in self.checks if c.status != "ok"]

    @property
    def ok(self) -> bool:
        """True when every mapping matched."""
        return not self.problems

    def count(self, status: MappingStatus) -> int:
        """How many checks have ``status``."""
        return sum(1 for c in self.checks if c.status == status)

    def render(self, lang: str = "en") -> str:
        """The report as text in the user's language."""
        d = self.distribution
        matched = "link by id" if d.by_id else "link by name"
        lines = [
            msg("link read", lang, name=d.name(lang), triples=f"{self.triples:,}", seconds=f"{self.seconds:.1f}"),
            msg(matched, lang),
            msg(
                "link summary",
                lang,
                n=len(self.checks),
                ok=self.count("ok"),
                unnamed=self.count("no name"),
                problems=len(self.problems) - self.count("no name"),
            ),
        ]
        for check in self.problems:
            lines.append("  " + _problem_line(check, lang))
        for check in self.checks:
            if check.status != "ambiguous" and check.others:
                lines.append(
                    "  " + msg("link chose", lang, curie=check.mapping.object, chosen=_local(check.iri), others=", ".join(map(_local, check.others)))
                )
        if self.withheld is not None:
            lines.append(msg("link not written", lang, path=self.withheld, problems=len(self.problems)))
        elif self.output is not None:
            key = "link written" if self.ok else "link written with problems"
            lines.append(msg(key, lang, path=self.output, triples=f"{self.output_triples:,}", problems=len(self.problems)))
        return "\n".join(lines)


def _local(iri: str) -> str:
    """An IRI shortened to its last part for a report line (``…#Gluteus_minimus``).

    >>> _local("http://example.org/fma#Gluteus_minimus")
    '…#Gluteus_minimus'
    """
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return "…" + iri[cut:] if cut > 0 else iri


def _problem_line(check: MappingCheck, lang: str) -> str:
    m = check.mapping
    names = "; ".join(check.names)
    key = {
        "missing": "link missing",
        "name differs": "link name differs",
        "no name": "link no name",
        "obsolete": "link obsolete",
        "ambiguous": "link ambiguous",
    }[check.status]
    return msg(
        key,
        lang,
        curie=m.object,
        ours=m.subject_label,
        theirs=names,
        replaced=check.replaced_by or "-",
        n=len(check.others),
        candidates=", ".join(map(_local, check.others)),
    )


@dataclass
class LinkOutcome:
    """A link report and a session on the merged store."""

    report: LinkReport
    session: Session


def read_mappings(ontology: Literal["FMA", "UBERON"], path: Path | None = None) -> list[Mapping]:
    """The exact mappings to ``ontology`` of the SSSOM set (the packaged one unless ``path``)."""
    lines = (path or mappings_file()).read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader([line for line in lines if not line.startswith("#")], delimiter="\t")
    return [
        Mapping(expand_curie(r["subject_id"]), r["subject_label"], r["object_id"], r["object_label"])
        for r in rows
        if r["predicate_id"] == "skos:exactMatch" and r["object_id"].startswith(ontology + ":")
    ]


# --- the streaming pass -----------------------------------------------------------------------------


class _Collector:
    """Keeps, from a stream of quads, what linking needs; see the module docstring."""

    def __init__(self, wanted: set[str], wanted_names: set[str], name_space: str) -> None:
        self.wanted, self.wanted_names, self.name_space = wanted, wanted_names, name_space
        self.classes: Counter[str] = Counter()
        self.other: Counter[str] = Counter()
        self.ontologies: set[str] = set()
        self.properties: set[str] = set()
        self.declarations: dict[str, list[Any]] = {}
        self.labels: dict[str, list[Any]] = {}
        self.kept: dict[str, list[Any]] = {}
        self.children: dict[str, list[Any]] = {}
        #: class IRI → the wanted names it carries, each True when it is the class's own name (not a synonym)
        self.name_hits: dict[str, dict[str, bool]] = {}
        self.blank_kept: list[Any] = []
        self._pending: dict[str, list[Any]] = {}
        self._fate: dict[str, bool] = {}
        self._subject: str | None = None
        self._run: list[Any] = []
        self.count = 0

    def add(self, quad: Any) -> None:
        """Take one quad of the stream."""
        self.count += 1
        subject = quad.subject
        predicate = quad.predicate.value
        obj = quad.object
        if predicate == _ON_PROPERTY:
            self.properties.add(obj.value)
        if type(subject) is BlankNode:
            fate = self._fate.get(subject.value)
            if fate is None:
                self._pending.setdefault(subject.value, []).append(quad)
            else:
                if fate:
                    self.blank_kept.append(quad)
                if type(obj) is BlankNode:
                    self._resolve(obj.value, fate)
            return
        iri = subject.value
        if iri != self._subject:
            self._close_run()
            self._subject = iri
        self._run.append(quad)
        if predicate == _TYPE:
            kind = obj.value
            if kind == _OWL_CLASS:
                self._count_class(iri)
            elif kind == _OWL_ONTOLOGY:
                self.ontologies.add(iri)
            elif kind in _PROPERTY_KINDS:
                self.declarations.setdefault(iri, []).append(quad)
        elif predicate == _LABEL and type(obj) is OxLiteral:
            self.labels.setdefault(iri, []).append(quad)

    def _count_class(self, iri: str) -> None:
        for d in DISTRIBUTIONS:
            if iri.startswith(d.namespace):
                self.classes[d.key] += 1
                return
        if len(self.other) < 1000 or iri in self.other:
            self.other[_namespace(iri)] += 1

    def _close_run(self) -> None:
        if self._subject is None:
            return
        iri, run = self._subject, self._run
        keep = iri in self.wanted
        if not keep and iri.startswith(self.name_space) and self.wanted_names:
            hits = self.name_hits.get(iri, {})
            for quad in run:
                predicate = quad.predicate.value
                if predicate in _NAMES and type(quad.object) is OxLiteral:
                    name = normalize(quad.object.value)
                    if name in self.wanted_names:
                        hits[name] = hits.get(name, False) or predicate in _PRIMARY
            if hits:
                self.name_hits[iri] = hits
                keep = True
        if keep:
            self.kept.setdefault(iri, []).extend(run)
        else:
            self._keep_child(iri, run)
        for quad in run:
            if type(quad.object) is BlankNode:
                self._resolve(quad.object.value, keep)
        self._subject, self._run = None, []

    def _keep_child(self, iri: str, run: list[Any]) -> None:
        """A class filed directly under a wanted one: that link (its names are in :attr:`labels`)."""
        links = [q for q in run if q.predicate.value == _SUBCLASS and q.object.value in self.wanted]
        if links:
            self.children.setdefault(iri, []).extend(links)

    def _resolve(self, blank: str, keep: bool) -> None:
        todo = [blank]
        while todo:
            node = todo.pop()
            self._fate[node] = keep
            for quad in self._pending.pop(node, ()):
                if keep:
                    self.blank_kept.append(quad)
                if type(quad.object) is BlankNode:
                    todo.append(quad.object.value)

    def finish(self) -> None:
        self._close_run()


def _namespace(iri: str) -> str:
    """The namespace of an IRI: up to its last ``#`` or ``/``."""
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > 0 else iri


def _stream(path: Path, collector: _Collector, say: Progress, lang: str) -> None:
    for quad in read_ontology_quads(path):
        collector.add(quad)
        if collector.count % _PROGRESS_EVERY == 0:
            say(msg("link progress", lang, triples=f"{collector.count:,}"))
    collector.finish()


def _choose(path: Path, collector: _Collector) -> Distribution:
    """The distribution whose classes the file holds most of; InputError naming what was found otherwise."""
    if collector.classes:
        key = collector.classes.most_common(1)[0][0]
        return next(d for d in DISTRIBUTIONS if d.key == key)
    known = ", ".join(d.namespace + "…" for d in DISTRIBUTIONS)
    if not collector.other:
        raise MessageError(("link no classes", {"path": path, "triples": f"{collector.count:,}", "known": known}))
    found = "; ".join(f"{ns}… ({n:,})" for ns, n in collector.other.most_common(3))
    raise MessageError(("link unknown classes", {"path": path, "found": found, "known": known}))


# --- after the pass: the neighbourhood, the checks, the merge ------------------------------------


def _wanted_names(mappings: list[Mapping], ours: dict[str, frozenset[str]]) -> set[str]:
    names = {normalize(m.object_label) for m in mappings if m.object_label}
    for m in mappings:
        names |= ours.get(m.subject, frozenset())
    return names - {""}


@functools.lru_cache(maxsize=1)
def _gluteonto() -> tuple[Session, dict[str, frozenset[str]], tuple[Any, ...]]:
    """gluteonto once per process: a session (for its label index), our names per term, its quads."""
    import pyoxigraph as ox

    session = Session("oxigraph")
    names: dict[str, set[str]] = {}
    for term, _text, lang, kind, norm in session.index.entries:
        if kind in ("label", "exact synonym") and lang in ("en", "la", ""):
            names.setdefault(str(term), set()).add(norm)
    quads = tuple(ox.parse(path=str(ontology_file("ttl", international=True)), format=ox.RdfFormat.TURTLE, rename_blank_nodes=False))
    return session, {k: frozenset(v) for k, v in names.items()}, quads


@dataclass
class _Targets:
    """Where each mapping's class is in the file, and the mappings whose name fits several classes."""

    found: dict[str, tuple[str, MatchedBy]] = field(default_factory=dict)  # CURIE → (class IRI, how found)
    passed_over: dict[str, tuple[str, ...]] = field(default_factory=dict)  # CURIE → the other candidates
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)  # CURIE → the tied candidates

    def iris(self) -> list[str]:
        """The class IRIs found, sorted."""
        return sorted({iri for iri, _how in self.found.values()})


def _name_rank(iri: str, hits: dict[str, bool], fma_name: str) -> tuple[int, int, int]:
    """How well a class found by name fits a mapping; lower is better (see :func:`_targets`).

    ``hits`` are the expected names the class carries (True: as its own name, not a synonym).
    """
    local = normalize(iri.rsplit("#", 1)[-1].replace("_", " "))
    return (
        0 if fma_name and local == fma_name else 1 if local in hits else 2,
        0 if fma_name and fma_name in hits else 1,
        0 if any(hits.values()) else 1,
    )


def _targets(d: Distribution, mappings: list[Mapping], collector: _Collector, ours: dict[str, frozenset[str]]) -> _Targets:
    """Find each mapping's class in the file: by the id in its IRI, or by name.

    By name, the candidates are the classes carrying the mapping's FMA name (when the SSSOM row gives
    one) or one of our English or Latin labels and exact synonyms, as a name or a synonym. When
    several do, the rule is, in this order: a class whose IRI is named after the FMA name, then one
    whose IRI is named after another of those names (the OAEI edition names each class after its
    FMA preferred name, spaces as underscores), beats one that is not; then one carrying the FMA name
    beats one carrying only ours; then one carrying it as its own name (label, preferred name)
    beats one carrying it as a synonym. Candidates still tied are ``ambiguous``: a problem,
    reported with every candidate, never resolved by taking the first.
    """
    targets = _Targets()
    for m in mappings:
        iri = d.iri(m.object)
        if iri is not None:
            if iri in collector.kept:
                targets.found[m.object] = (iri, "id")
            continue
        fma_name = normalize(m.object_label) if m.object_label else ""
        expected = ({fma_name} if fma_name else set()) | ours.get(m.subject, frozenset())
        candidates = sorted(c for c, hits in collector.name_hits.items() if expected & hits.keys())
        if not candidates:
            continue
        ranks = {c: _name_rank(c, {n: p for n, p in collector.name_hits[c].items() if n in expected}, fma_name) for c in candidates}
        best = min(ranks.values())
        winners = [c for c in candidates if ranks[c] == best]
        if len(winners) > 1:
            targets.ambiguous[m.object] = tuple(winners)
            continue
        targets.found[m.object] = (winners[0], "name")
        if len(candidates) > 1:
            targets.passed_over[m.object] = tuple(c for c in candidates if c != winners[0])
    return targets


def _neighbourhood(seeds: Iterable[str], collector: _Collector) -> list[Any]:
    """The seeds' triples with their restrictions, names and declarations of what they mention."""
    import pyoxigraph as ox

    blanks: dict[str, list[Any]] = {}
    for quad in collector.blank_kept:
        blanks.setdefault(quad.subject.value, []).append(quad)
    out: list[Any] = []
    seeds = list(seeds)
    todo = [q for s in seeds for q in collector.kept.get(s, ())]
    classes: set[str] = set()
    properties: set[str] = set()
    while todo:
        quad = todo.pop()
        out.append(quad)
        predicate, obj = quad.predicate.value, quad.object
        if not predicate.startswith(_BUILT_IN):
            properties.add(predicate)
        if predicate == _OWL + "onProperty":
            properties.add(obj.value)
        if isinstance(obj, ox.BlankNode):
            todo.extend(blanks.pop(obj.value, ()))
        elif isinstance(obj, ox.NamedNode) and predicate in _CLASS_POSITIONS:
            classes.add(obj.value)
    chosen = set(seeds)
    for child, quads in collector.children.items():
        if any(q.predicate.value == _SUBCLASS and q.object.value in chosen for q in quads):
            out.extend(q for q in quads if q.predicate.value == _SUBCLASS and q.object.value in chosen)
            out.append(ox.Quad(ox.NamedNode(child), ox.NamedNode(_TYPE), ox.NamedNode(_OWL + "Class")))
            out.extend(collector.labels.get(child, ()))
    own = {q.subject.value for q in out if isinstance(q.subject, ox.NamedNode)}
    for iri in sorted(classes - own):
        if not iri.startswith(_BUILT_IN):
            out.append(ox.Quad(ox.NamedNode(iri), ox.NamedNode(_TYPE), ox.NamedNode(_OWL + "Class")))
            out.extend(collector.labels.get(iri, ()))
    used_as_restriction = {q.object.value for q in out if q.predicate.value == _OWL + "onProperty"}
    for prop in sorted(properties):
        declared = collector.declarations.get(prop)
        if declared:
            out.extend(declared)
        else:  # the file uses it undeclared: declare it by its use, so the subset stays OWL 2 DL
            kind = "ObjectProperty" if prop in used_as_restriction else "AnnotationProperty"
            out.append(ox.Quad(ox.NamedNode(prop), ox.NamedNode(_TYPE), ox.NamedNode(_OWL + kind)))
        out.extend(collector.labels.get(prop, ()))
    return out


_CHECK_QUERY = """
SELECT ?c ?name ?deprecated ?replaced WHERE {
  VALUES ?c { %s }
  OPTIONAL { ?c ?p ?name FILTER(?p IN (%s) && isLiteral(?name)) }
  OPTIONAL { ?c <http://www.w3.org/2002/07/owl#deprecated> ?deprecated }
  OPTIONAL { ?c <%s> ?replaced }
}"""


def _check(mappings: list[Mapping], targets: _Targets, engine: Any, ours: dict[str, frozenset[str]]) -> list[MappingCheck]:
    """Every mapping checked with one SPARQL query on the store: exists, obsolete, name."""
    from ..vocab import compact_iri

    names: dict[str, set[str]] = {}
    obsolete: dict[str, str] = {}
    iris = targets.iris()
    if iris:
        sparql = _CHECK_QUERY % (" ".join(f"<{i}>" for i in iris), ", ".join(f"<{p}>" for p in NAME_PREDICATES), OBO_REPLACED_BY)
        for row in engine.store.query(sparql):
            c, name, deprecated, replaced = (row[v] for v in ("c", "name", "deprecated", "replaced"))
            names.setdefault(c.value, set())
            if name is not None:
                names[c.value].add(name.value)
            if deprecated is not None and deprecated.value.lower() in ("true", "1"):
                obsolete[c.value] = compact_iri(replaced.value) if replaced is not None else ""
    checks = []
    for m in mappings:
        if m.object in targets.ambiguous:
            checks.append(MappingCheck(m, "ambiguous", matched_by="name", others=targets.ambiguous[m.object]))
            continue
        if m.object not in targets.found:
            checks.append(MappingCheck(m, "missing"))
            continue
        iri, how = targets.found[m.object]
        found = tuple(sorted(names.get(iri, ())))
        expected = ours.get(m.subject, frozenset()) | ({normalize(m.object_label)} if m.object_label else set())
        if iri in obsolete:
            status: MappingStatus = "obsolete"
        elif not found:
            status = "no name"
        elif any(normalize(n) in expected for n in found):
            status = "ok"
        else:
            status = "name differs"
        checks.append(MappingCheck(m, status, found, iri, how, obsolete.get(iri, ""), targets.passed_over.get(m.object, ())))
    return checks


def _bridge_quads(d: Distribution, targets: dict[str, tuple[str, MatchedBy]]) -> list[Any]:
    """The gluteonto ↔ FMA equivalences for the distribution read (the packaged bridge uses SIG IRIs)."""
    import pyoxigraph as ox

    packaged = list(ox.parse(path=str(bridge_file()), format=ox.RdfFormat.RDF_XML))
    if d.key in ("fma-sig", "uberon"):
        return packaged
    sig = DISTRIBUTIONS[0].namespace
    by_sig = {sig + curie.split(":", 1)[1]: iri for curie, (iri, _how) in targets.items()}
    out = []
    for quad in packaged:
        if quad.predicate.value == _OWL + "equivalentClass":
            target = by_sig.get(quad.object.value)
            if target is None:
                continue
            quad = ox.Quad(quad.subject, quad.predicate, ox.NamedNode(target))
        out.append(quad)
    return out


def merged_iri(d: Distribution) -> str:
    """The ontology IRI of a graph merged with the distribution's ontology (``…/gluteonto-fma-merged.owl``)."""
    return f"{BASE}gluteonto-{d.ontology.lower()}-merged.owl"


def _header(d: Distribution, file_name: str, subset: bool) -> list[Any]:
    """One ontology header for the merged graph (the parts' own headers are dropped)."""
    import pyoxigraph as ox

    from ..vocab import DCTERMS, OWL, RDF, RDFS

    meta = {
        q.predicate.value: q.object
        for q in _gluteonto()[2]
        if q.subject == ox.NamedNode(INTERNATIONAL_ONTOLOGY_IRI) and q.predicate.value in (str(OWL.versionInfo), str(DCTERMS.license))
    }
    merged = ox.NamedNode(merged_iri(d))
    source = "FMA" if d.ontology == "FMA" else "Uberon"
    part = f"the mapped {source} classes and their neighbourhood from" if subset else "all of"
    statements = [
        (str(RDF.type), ox.NamedNode(str(OWL.Ontology))),
        (str(OWL.versionIRI), ox.NamedNode(str(version_iri(meta[str(OWL.versionInfo)].value, merged_iri(d).rsplit("/", 1)[1])))),
        (str(DCTERMS.title), ox.Literal(f"gluteonto merged with {source}", language="en")),
        (str(DCTERMS.title), ox.Literal(f"gluteonto slått sammen med {source}", language="nb")),
        (
            str(DCTERMS.description),
            ox.Literal(f"gluteonto, its FMA bridge and {part} {file_name} ({d.name('en')}), written by 'gluteonto link'.", language="en"),
        ),
        (
            str(DCTERMS.description),
            ox.Literal(f"gluteonto, FMA-broen og {source}-innhold fra {file_name} ({d.name('nb')}), skrevet av «gluteonto link».", language="nb"),
        ),
        (str(DCTERMS.license), meta[str(DCTERMS.license)]),
        (
            str(RDFS.comment),
            ox.Literal(f"The licence applies to the gluteonto part; {source} content keeps the licence given by its publisher.", language="en"),
        ),
    ]
    return [ox.Quad(merged, ox.NamedNode(p), o) for p, o in statements]


def _ours(d: Distribution, targets: dict[str, tuple[str, MatchedBy]], file_name: str, subset: bool) -> Any:
    """A store with gluteonto, the bridge for the distribution and the merged header."""
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(_gluteonto()[2])
    store.extend(_bridge_quads(d, targets))
    headers = [q.subject for q in store.quads_for_pattern(None, ox.NamedNode(_TYPE), ox.NamedNode(_OWL + "Ontology"))]
    for header in headers:
        for quad in list(store.quads_for_pattern(header, None, None)):
            store.remove(quad)
    store.extend(_header(d, file_name, subset))
    return store


def _write(quads: Iterable[Any], output: Path, inputs: list[Path]) -> int:
    """Serialise ``quads`` (default graph) to ``output`` atomically, in the format of its suffix; return the count."""
    import pyoxigraph as ox

    counted = _Counting(quads)
    if is_stdout(output):
        ox.serialize((q.triple for q in counted), sys.stdout.buffer, format=ox.RdfFormat.N_TRIPLES)
        sys.stdout.buffer.flush()
        return counted.n
    fmt = syntax_for(output).oxigraph
    try:
        with atomic_output(output, inputs) as handle:
            if output.suffix.lower() == ".gz":
                with gzip.GzipFile(fileobj=handle, mode="wb", mtime=0) as zipped:
                    ox.serialize((q.triple for q in counted), zipped, format=fmt)  # type: ignore[arg-type]
            else:
                ox.serialize((q.triple for q in counted), handle, format=fmt)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise MessageError(("link disk full", {"path": output})) from None
        raise MessageError(("link write failed", {"path": output, "reason": exc.strerror or first_line(exc)})) from None
    return counted.n


class _Counting:
    """An iterable that counts what passes through it."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.n += 1
            yield item


def link(
    path: Path,
    *,
    output: Path | None = None,
    subset: bool = False,
    progress: Progress | None = None,
    lang: str = "en",
    mappings_path: Path | None = None,
    keep_going: bool = False,
) -> LinkOutcome:
    """Check gluteonto's mappings against an FMA or Uberon file and merge the two.

    The file may be any FMA distribution (BioPortal/SIG, OBO Foundry, OAEI) or an Uberon release
    (``.owl``, ``.obo``, obographs ``.json``, ``-basic``), gzip'd or not; which one is recognised by
    its class IRIs. ``subset`` keeps only the mapped classes with their neighbourhood.

    ``output`` (format from its suffix, ``.gz`` allowed; ``-`` writes N-Triples to standard output)
    is written only when the link succeeded: the file was read and every mapping checked out. When
    a mapping has a problem nothing is written and the report says so (``report.withheld``), unless
    ``keep_going`` asks for the merge regardless. The file is written atomically: on any failure
    (a read error, Ctrl-C, a full disk) an existing output stays as it was and no partial file is left.
    """
    import pyoxigraph as ox

    from ..engines import OxigraphEngine

    path = check_regular_file(Path(path))
    inputs = [path, ontology_file("ttl", international=True), bridge_file()]
    if output is not None and not is_stdout(output):
        syntax_for(Path(output))  # fail on an unusable output name before the long read
        check_output(Path(output), inputs)
    say = progress or (lambda _message: None)

    ontology = _gluteonto()[0]  # loaded before the reading child is forked: both have it
    found = run_isolated(
        lambda: _read_and_check(path, mappings_path, lang, tell),
        timeout=None,
        what="work.link",
        memory=limits.LINK_MEMORY,
        quiet=True,  # a failed allocation's backtrace is not for the user: the crash is one line
        relay=say,
    )
    report, d = found.report, found.report.distribution
    mine = _ours(d, found.targets, path.name, subset)
    part = OxigraphEngine()
    part.store.extend(found.neighbourhood)
    part.store.extend(list(mine))
    session = Session(store=part, index=ontology.index)

    if output is not None and not report.ok and not keep_going:
        report.withheld = Path(output)
    elif output is not None:
        say(msg("link writing", lang, path=output))
        if subset:
            quads: Iterable[Any] = part.store
        else:
            skip = {ox.NamedNode(i) for i in found.ontologies}
            file_quads = (q for q in read_ontology_quads(path) if q.subject not in skip)
            in_file = {iri for iri, _how in found.targets.values()}  # the bridge's declarations of these are the file's own
            ours_quads = (q for q in mine if not (q.subject.value in in_file and q.predicate.value == _TYPE))
            quads = _chain(file_quads, ours_quads)
        report.output_triples = _write(quads, Path(output), inputs)
        report.output = Path(output)
    return LinkOutcome(report, session)


@dataclass
class _Read:
    """What the reading pass hands back: the report, where each mapping's class is, the classes' neighbourhood."""

    report: LinkReport
    targets: dict[str, tuple[str, MatchedBy]]
    ontologies: frozenset[str]
    neighbourhood: list[Any]


def _read_and_check(path: Path, mappings_path: Path | None, lang: str, say: Progress) -> _Read:
    """Read the file once and check every mapping against it (in a child process whose memory is capped)."""
    from ..engines import OxigraphEngine

    _ontology, ours, _quads = _gluteonto()
    all_mappings = {"FMA": read_mappings("FMA", mappings_path), "UBERON": read_mappings("UBERON", mappings_path)}
    wanted = {iri for d in DISTRIBUTIONS for m in all_mappings[d.ontology] if (iri := d.iri(m.object))}
    name_based = next(d for d in DISTRIBUTIONS if not d.by_id)
    collector = _Collector(wanted, _wanted_names(all_mappings["FMA"], ours), name_based.namespace)

    say(msg("link reading", lang, name=path.name))
    start = time.perf_counter()
    _stream(path, collector, say, lang)
    seconds = time.perf_counter() - start
    if collector.count == 0:
        raise MessageError(("file no triples", {"path": path}))
    d = _choose(path, collector)
    mappings = all_mappings[d.ontology]
    targets = _targets(d, mappings, collector, ours)
    say(msg("link recognised", lang, name=d.name(lang), triples=f"{collector.count:,}", seconds=f"{seconds:.1f}"))

    neighbourhood = _neighbourhood(targets.iris(), collector)
    part = OxigraphEngine()
    part.store.extend(neighbourhood)
    checks = _check(mappings, targets, part, ours)
    report = LinkReport(d, checks, collector.count, seconds, frozenset(collector.properties))
    return _Read(report, targets.found, frozenset(collector.ontologies), neighbourhood)


def _chain(*parts: Iterable[Any]) -> Iterator[Any]:
    for part in parts:
        yield from part


# --- what a comparison question needs -------------------------------------------------------------


def query_needs(spec_text: str) -> list[str]:
    """What a packaged query's ``# needs:`` header lines ask of the linked file.

    ``FMA`` or ``UBERON`` name the ontology; any other word is the local name of a property that
    restrictions must use (e.g. ``nerve_supply``).

    >>> query_needs("# needs: FMA, nerve_supply\\nSELECT * {}")
    ['FMA', 'nerve_supply']
    """
    needs: list[str] = []
    for line in spec_text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        key, _sep, value = stripped.lstrip("#").strip().partition(":")
        if key.strip() == "needs":
            needs += [v.strip() for v in value.split(",") if v.strip()]
    return needs


def unmet_needs(report: LinkReport, needs: list[str]) -> list[str]:
    """The needs the linked file does not meet (empty: the query can answer from it)."""
    unmet = []
    for need in needs:
        if need in ("FMA", "UBERON"):
            if report.distribution.ontology != need:
                unmet.append(need)
        elif not any(p.rsplit("/", 1)[-1].rsplit("#", 1)[-1] == need for p in report.properties):
            unmet.append(need)
    return unmet
