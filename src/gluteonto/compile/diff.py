"""What changed since the previous release: the release diff, the changelog, and the rule that no term vanishes.

The previous release is vendored as ``ontology/source/previous-release.ttl`` (the main Turtle release
as it was published), so the diff is a pure function of the checkout. Terms are the GLUTEONTO classes
and properties; axioms are the logical axioms in functional syntax, compared without their
annotations (provenance changes are not axiom changes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from ..formats.ofn import render_axiom
from ..formats.owlmodel import Axiom, read_ontology
from ..vocab import BASE

__all__ = ["ReleaseDiff", "release_diff", "lost_terms", "render_diff", "render_changelog", "REPLACED_BY", "CONSIDER"]

_OWN = BASE + "GLUTEONTO_"
REPLACED_BY = URIRef("http://purl.obolibrary.org/obo/IAO_0100001")
CONSIDER = URIRef("http://www.geneontology.org/formats/oboInOwl#consider")
_TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.AnnotationProperty, OWL.DatatypeProperty)
_NOT_LOGICAL = {
    "AnnotationAssertion",
    "SubAnnotationPropertyOf",
    "AnnotationPropertyDomain",
    "AnnotationPropertyRange",
    "ClassAssertion",
    "ObjectPropertyAssertion",
    "DataPropertyAssertion",
}


@dataclass
class ReleaseDiff:
    """Terms and logical axioms added, removed or changed between two releases."""

    previous: str
    current: str
    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    relabelled: list[tuple[str, str, str]] = field(default_factory=list)
    deprecated: list[tuple[str, str]] = field(default_factory=list)
    axioms_added: list[str] = field(default_factory=list)
    axioms_removed: list[str] = field(default_factory=list)


def _terms(graph: Graph) -> set[URIRef]:
    return {s for t in _TERM_TYPES for s in graph.subjects(RDF.type, t) if isinstance(s, URIRef) and str(s).startswith(_OWN)}


def _english(graph: Graph, term: URIRef) -> str:
    labels = sorted(str(o) for o in graph.objects(term, RDFS.label) if isinstance(o, Literal) and o.language in ("en", None))
    return labels[0] if labels else ""


def _version(graph: Graph) -> str:
    return next((str(o) for o in graph.objects(None, OWL.versionInfo)), "?")


def _logical_axioms(graph: Graph) -> set[str]:
    return {render_axiom(Axiom(ax.kind, ax.args)) for ax in read_ontology(graph).axioms if ax.kind not in _NOT_LOGICAL}


def _curie(term: URIRef) -> str:
    return "GLUTEONTO:" + str(term).removeprefix(_OWN)


def release_diff(previous: Graph, current: Graph) -> ReleaseDiff:
    """The diff from the ``previous`` release graph to the ``current`` one."""
    before, after = _terms(previous), _terms(current)
    diff = ReleaseDiff(previous=_version(previous), current=_version(current))
    diff.added = [(_curie(t), _english(current, t)) for t in sorted(after - before)]
    diff.removed = [(_curie(t), _english(previous, t)) for t in sorted(before - after)]
    diff.relabelled = [
        (_curie(t), _english(previous, t), _english(current, t)) for t in sorted(before & after) if _english(previous, t) != _english(current, t)
    ]
    newly = [t for t in sorted(after) if (t, OWL.deprecated, Literal(True)) in current and (t, OWL.deprecated, Literal(True)) not in previous]
    diff.deprecated = [(_curie(t), _english(current, t)) for t in newly]
    old_axioms, new_axioms = _logical_axioms(previous), _logical_axioms(current)
    diff.axioms_added = sorted(new_axioms - old_axioms)
    diff.axioms_removed = sorted(old_axioms - new_axioms)
    return diff


def lost_terms(previous: Graph, current: Graph) -> list[str]:
    """Terms of the previous release that the current one drops, or deprecates without a replacement
    (IAO:0100001 'term replaced by', or oboInOwl:consider); empty when none is lost."""
    problems = []
    current_terms = _terms(current)
    for term in sorted(_terms(previous)):
        if term not in current_terms:
            problems.append(f"{_curie(term)} ({_english(previous, term)}) was removed; keep it, deprecated, with a replacement")
        elif (term, OWL.deprecated, Literal(True)) in current and not ((term, REPLACED_BY, None) in current or (term, CONSIDER, None) in current):
            problems.append(f"{_curie(term)} ({_english(current, term)}) is deprecated without a replacement (IAO:0100001)")
    return problems


def _section(title: str, items: list[str]) -> list[str]:
    return [f"### {title} ({len(items)})", "", *(f"- {item}" for item in items or ["none"]), ""]


def render_diff(diff: ReleaseDiff) -> str:
    """The release diff as Markdown: every term and logical axiom added or removed."""
    lines = [
        f"# gluteonto {diff.current}: changes since {diff.previous}",
        "",
        "Written by `python -m gluteonto.compile` from the previous release (`ontology/source/previous-release.ttl`)",
        "and the current main release. Axioms are the logical axioms in OWL functional syntax, without their",
        "annotations.",
        "",
    ]
    lines += _section("Terms added", [f"{c} {label}" for c, label in diff.added])
    lines += _section("Terms removed", [f"{c} {label}" for c, label in diff.removed])
    lines += _section("Terms relabelled", [f"{c}: {old} → {new}" for c, old, new in diff.relabelled])
    lines += _section("Terms deprecated", [f"{c} {label}" for c, label in diff.deprecated])
    lines += _section("Logical axioms added", [f"`{a}`" for a in diff.axioms_added])
    lines += _section("Logical axioms removed", [f"`{a}`" for a in diff.axioms_removed])
    return "\n".join(lines).rstrip("\n") + "\n"


def render_changelog(diff: ReleaseDiff, notes: str, earlier: str) -> str:
    """CHANGELOG.md: this release's ``notes`` (written by hand) and summary from the diff, then the ``earlier`` entries."""
    counts = (
        f"{len(diff.added)} terms added, {len(diff.removed)} removed, {len(diff.relabelled)} relabelled, "
        f"{len(diff.deprecated)} deprecated; {len(diff.axioms_added)} logical axioms added, "
        f"{len(diff.axioms_removed)} removed."
    )
    lines = [
        "# Changelog",
        "",
        "Release entries are written by `python -m gluteonto.compile`; the full list of term and axiom",
        "changes of the current release is in `ontology/gluteonto-diff.md`.",
        "",
        f"## {diff.current}",
        "",
        notes.strip("\n"),
        "",
        f"Compared with {diff.previous}: {counts}",
        "",
    ]
    for title, items in (
        ("Added", [f"{c} {label}" for c, label in diff.added]),
        ("Relabelled", [f"{c}: {old} → {new}" for c, old, new in diff.relabelled]),
        ("Deprecated", [f"{c} {label}" for c, label in diff.deprecated]),
    ):
        if items:
            lines += [f"{title}:", "", *(f"- {item}" for item in items), ""]
    return "\n".join(lines) + "\n" + earlier.strip("\n") + "\n"
