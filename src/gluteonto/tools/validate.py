"""Validate the ontology (or a user's file, or a merged graph) against the packaged SHACL shapes."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ..engines import RdflibEngine
from ..errors import InputError
from ..resources import ontology_file, shapes_file
from ..vocab import OWL, RDF, RDFS, compact_iri

__all__ = ["Violation", "ValidationReport", "validate", "VALIDATION_FORMATS"]

SH = Namespace("http://www.w3.org/ns/shacl#")
VALIDATION_FORMATS = ("text", "turtle", "json")


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with a readable name for its focus node."""

    focus: Node
    focus_name: str
    shape: str
    message: str
    severity: str
    path: str = ""
    value: str = ""


@dataclass
class ValidationReport:
    """The outcome of a validation run."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    report_graph: Graph | None = None
    files: list[str] = field(default_factory=list)

    def by_focus(self) -> dict[str, list[Violation]]:
        grouped: dict[str, list[Violation]] = defaultdict(list)
        for violation in self.violations:
            grouped[violation.focus_name].append(violation)
        return dict(sorted(grouped.items()))

    def render(self, fmt: str = "text") -> str:
        if fmt == "turtle":
            assert self.report_graph is not None
            return self.report_graph.serialize(format="turtle")
        if fmt == "json":
            return json.dumps({
                "conforms": self.conforms,
                "files": self.files,
                "violations": [
                    {"focus": str(v.focus) if isinstance(v.focus, URIRef) else None, "focus_name": v.focus_name,
                     "shape": v.shape, "severity": v.severity, "message": v.message, "path": v.path, "value": v.value}
                    for v in self.violations
                ],
            }, indent=2, ensure_ascii=False)
        if self.conforms:
            return f"Conforms: {', '.join(self.files)} meets every gluteonto shape."
        lines = [f"Does not conform: {len(self.violations)} problem(s) in {len(self.by_focus())} term(s).", ""]
        for name, items in self.by_focus().items():
            lines.append(name)
            for v in items:
                detail = f" [{v.path}: {v.value}]" if v.value else ""
                lines.append(f"  - {v.message}{detail}  ({v.shape})")
            lines.append("")
        return "\n".join(lines).rstrip()


def _label(graph: Graph, node: Node, lang: str) -> str:
    labels = {getattr(o, "language", None): str(o) for o in graph.objects(node, RDFS.label)}
    return labels.get(lang) or labels.get("en") or next(iter(labels.values()), None) or compact_iri(str(node))


def _expression(graph: Graph, node: Node | None, lang: str) -> str:
    """Manchester-like text of a class expression: a label, ``(A or B)`` or ``p some/only X``."""
    if node is None:
        return "?"
    if not isinstance(node, BNode):
        return _label(graph, node, lang)
    members = graph.value(node, OWL.unionOf)
    if members is not None:
        return "(" + " or ".join(_expression(graph, m, lang) for m in Collection(graph, members)) + ")"
    prop = graph.value(node, OWL.onProperty)
    for quantifier, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only")):
        filler = graph.value(node, quantifier)
        if filler is not None:
            return f"{_label(graph, prop, lang) if prop else '?'} {word} {_expression(graph, filler, lang)}"
    return "?"


def _describe(graph: Graph, node: Node, lang: str) -> str:
    """A readable name for a focus node; blank nodes are described by the axiom they belong to."""
    if isinstance(node, URIRef):
        return f"{_label(graph, node, lang)} ({compact_iri(str(node))})"
    if isinstance(node, BNode):
        if (node, RDF.type, OWL.Axiom) in graph:
            source = graph.value(node, OWL.annotatedSource)
            prop = graph.value(node, OWL.annotatedProperty)
            target = graph.value(node, OWL.annotatedTarget)
            target_text = _describe(graph, target, lang) if target is not None else "?"
            if isinstance(target, Literal):
                target_text = f'"{str(target)[:40]}…"'
            return f"axiom: {_describe(graph, source, lang) if source else '?'} {_label(graph, prop, lang) if prop else '?'} {target_text}"
        if (node, OWL.onProperty, None) in graph:
            restriction = _expression(graph, node, lang)
            owner = graph.value(None, RDFS.subClassOf, node)
            return f"{_describe(graph, owner, lang)}: SubClassOf {restriction}" if owner else f"restriction {restriction}"
        return "(anonymous node)"
    return str(node)


def validate(files: Iterable[Path] | None = None, *, lang: str = "en", shapes: Path | None = None) -> ValidationReport:
    """Validate ``files`` (default: the packaged ontology) against the gluteonto shapes.

    Unreadable files raise :class:`~gluteonto.errors.InputError`.
    """
    import pyshacl

    paths = [Path(f) for f in files] if files else [ontology_file("ttl")]
    data = RdflibEngine.from_files(paths).graph
    if len(data) == 0:
        raise InputError(f"{', '.join(map(str, paths))}: contains no RDF triples")
    shapes_graph = Graph().parse(shapes or shapes_file(), format="turtle")
    conforms, report_graph, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=True, allow_warnings=True, inplace=True
    )
    violations = []
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(result, SH.focusNode)
        shape = report_graph.value(result, SH.sourceShape)
        messages = {getattr(m, "language", None): str(m) for m in report_graph.objects(result, SH.resultMessage)}
        parent = shapes_graph.value(None, SH.property, shape) if isinstance(shape, BNode) else None
        if parent is not None:  # an inline property shape: report its named node shape and message
            shape = parent
            own = {getattr(m, "language", None): str(m) for m in shapes_graph.objects(parent, SH.message)}
            messages = own or messages
        path = report_graph.value(result, SH.resultPath)
        value = report_graph.value(result, SH.value)
        violations.append(Violation(
            focus=focus,
            focus_name=_describe(data, focus, lang),
            shape=compact_iri(str(shape)).replace("https://w3id.org/gluteonto/shapes#", "") if isinstance(shape, URIRef) else "(inline shape)",
            message=messages.get(lang) or messages.get("en") or next(iter(messages.values()), "constraint violated"),
            severity=compact_iri(str(report_graph.value(result, SH.resultSeverity))).split("#")[-1],
            path=compact_iri(str(path)) if isinstance(path, URIRef) else "",
            value=str(value) if value is not None and not isinstance(value, BNode) else "",
        ))
    violations.sort(key=lambda v: (v.focus_name, v.shape))
    return ValidationReport(conforms=bool(conforms), violations=violations, report_graph=report_graph,
                            files=[p.name for p in paths])
