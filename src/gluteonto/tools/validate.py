"""Validate the ontology (or a user's file, or a merged graph) against the packaged SHACL shapes.

Report formats are registered in :data:`VALIDATION_FORMATS` (name → writer); the CLI offers those.

>>> list(VALIDATION_FORMATS)
['text', 'turtle', 'json']
>>> print(ValidationReport(conforms=True, files=["gluteonto.ttl"]).render())
Conforms: gluteonto.ttl meets every gluteonto shape.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import MessageError
from ..labels import by_language, choose
from ..resources import ontology_file
from ..shacl.engines import DEFAULT_SHACL_ENGINE, SHACL_ENGINES, EngineRun, ShaclResult
from ..vocab import compact_iri, expand_curie

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["Violation", "ValidationReport", "validate", "render_reports", "ReportWriter", "VALIDATION_FORMATS", "SHACL_ENGINES"]

_SHAPES_NS = "https://w3id.org/gluteonto/shapes#"


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
    files: list[str] = field(default_factory=list)
    engine: str = DEFAULT_SHACL_ENGINE
    lang: str = "en"
    graph_factory: Callable[[], Graph] | None = field(default=None, repr=False, compare=False)
    #: message keys of rules the run left out and why (e.g. the Norwegian rules on an English-only release)
    notes: tuple[str, ...] = ()
    #: the files state nothing about any gluteonto term, so the shapes had nothing to check (and the report
    #: claims no conformance)
    no_terms: bool = False

    @property
    def report_graph(self) -> Graph:
        """The SHACL validation report as an RDF graph: the engine's own, or one written from the violations."""
        return self.graph_factory() if self.graph_factory else _report_graph(self)

    def by_focus(self) -> dict[str, list[Violation]]:
        """Violations grouped by the readable name of their focus node, names sorted."""
        grouped: dict[str, list[Violation]] = defaultdict(list)
        for violation in self.violations:
            grouped[violation.focus_name].append(violation)
        return dict(sorted(grouped.items()))

    def render(self, fmt: str = "text") -> str:
        """The report in a registered format (:data:`VALIDATION_FORMATS`)."""
        if fmt not in VALIDATION_FORMATS:
            raise MessageError(("unknown report format", {"fmt": fmt, "known": ", ".join(VALIDATION_FORMATS)}))
        return VALIDATION_FORMATS[fmt](self)


def _to_turtle(report: ValidationReport) -> str:
    return report.report_graph.serialize(format="turtle")


def _to_json(report: ValidationReport) -> str:
    return json.dumps(_json_object(report), indent=2, ensure_ascii=False)


def _json_object(report: ValidationReport) -> dict[str, object]:
    from rdflib import URIRef

    from ..i18n import msg

    return {
        "conforms": report.conforms,
        "files": report.files,
        "engine": report.engine,
        "notes": [msg(note, report.lang) for note in report.notes]
        + ([msg("validate no terms", report.lang, files=", ".join(report.files))] if report.no_terms else []),
        "violations": [
            {
                "focus": str(v.focus) if isinstance(v.focus, URIRef) else None,
                "focus_name": v.focus_name,
                "shape": v.shape,
                "severity": v.severity,
                "message": v.message,
                "path": v.path or None,
                "value": v.value or None,
            }
            for v in report.violations
        ],
    }


def _to_text(report: ValidationReport) -> str:
    from ..i18n import msg, nmsg

    if report.no_terms:
        return msg("validate no terms", report.lang, files=", ".join(report.files))
    notes = [f"{msg('note', report.lang)}: {msg(note, report.lang)}" for note in report.notes]
    if report.conforms:
        return "\n".join([msg("validate conforms", report.lang, files=", ".join(report.files)), *notes])
    problems = nmsg("problems", len(report.violations), report.lang)
    terms = nmsg("terms", len(report.by_focus()), report.lang)
    lines = [msg("validate fails", report.lang, problems=problems, terms=terms), *notes, ""]
    for name, items in report.by_focus().items():
        lines.append(name)
        for v in items:
            detail = f" [{v.path}: {v.value}]" if v.path and v.value else ""
            lines.append(f"  - {v.message}{detail}  ({v.shape})")
        lines.append("")
    return "\n".join(lines).rstrip()


def render_reports(reports: list[ValidationReport], fmt: str = "text") -> str:
    """Several reports (one per file) in one output: text and Turtle one after another, JSON as a list."""
    if len(reports) == 1:
        return reports[0].render(fmt)
    if fmt == "json":
        return json.dumps([_json_object(report) for report in reports], indent=2, ensure_ascii=False)
    return "\n\n".join(report.render(fmt).rstrip() for report in reports)


#: Writes a validation report as text.
ReportWriter = Callable[[ValidationReport], str]

#: Report formats by the name ``gluteonto validate --format`` accepts.
VALIDATION_FORMATS: dict[str, ReportWriter] = {
    "text": _to_text,
    "turtle": _to_turtle,
    "json": _to_json,
}


def _label(graph: Graph, node: Node, lang: str) -> str:
    from ..vocab import RDFS

    return choose(by_language(graph.objects(node, RDFS.label)), lang) or compact_iri(str(node))


def _expression(graph: Graph, node: Node | None, lang: str) -> str:
    """Manchester-like text of a class expression: a label, ``(A or B)`` or ``p some/only X``."""
    from rdflib import BNode
    from rdflib.collection import Collection

    from ..vocab import OWL

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
    from rdflib import BNode, Literal, URIRef

    from ..vocab import OWL, RDF, RDFS

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


def _shape_name(shape: Node | None) -> str:
    """A shape's local name if it is one of the gluteonto shapes, else its compact IRI."""
    from rdflib import URIRef

    if not isinstance(shape, URIRef):
        return "(inline shape)"
    return str(shape)[len(_SHAPES_NS) :] if str(shape).startswith(_SHAPES_NS) else compact_iri(str(shape))


def _violation(run: EngineRun, result: ShaclResult, lang: str) -> Violation:
    from rdflib import BNode, URIRef

    from ..vocab import SH

    shape = result.shape
    if isinstance(shape, BNode):  # an inline property shape: report its named node shape and message
        shape = run.shapes().value(None, SH.property, shape) or shape
    own = by_language(run.shapes().objects(shape, SH.message)) if shape is not None else {}
    messages = own or by_language(result.messages)
    path, value = result.path, result.value
    if value == result.focus:  # an engine may repeat the focus node as the value of a missing property
        value = None
    return Violation(
        focus=result.focus,
        focus_name=_describe(run.data(), result.focus, lang),
        shape=_shape_name(shape),
        message=choose(messages, lang) or "constraint violated",
        severity=result.severity,
        path=compact_iri(str(path)) if isinstance(path, URIRef) else "",
        value=str(value) if value is not None and not isinstance(value, BNode) else "",
    )


def _full_iri(name: str) -> str:
    try:
        return expand_curie(name)
    except ValueError:  # compact_iri left it whole
        return name


def _report_graph(report: ValidationReport) -> Graph:
    """A SHACL validation report graph written from the violations (for engines that give none)."""
    from rdflib import BNode, Graph, Literal, URIRef

    from ..vocab import RDF, SH

    graph = Graph()
    graph.bind("sh", SH)
    root = BNode()
    graph.add((root, RDF.type, SH.ValidationReport))
    graph.add((root, SH.conforms, Literal(report.conforms)))
    for violation in report.violations:
        result = BNode()
        graph.add((root, SH.result, result))
        graph.add((result, RDF.type, SH.ValidationResult))
        graph.add((result, SH.focusNode, violation.focus))
        graph.add((result, SH.resultSeverity, SH[violation.severity]))
        graph.add((result, SH.resultMessage, Literal(violation.message)))
        if violation.shape != "(inline shape)" and ":" not in violation.shape:
            graph.add((result, SH.sourceShape, URIRef(_SHAPES_NS + violation.shape)))
        if violation.path:
            graph.add((result, SH.resultPath, URIRef(_full_iri(violation.path))))
    return graph


def validate(
    files: Iterable[Path] | None = None, *, lang: str = "en", shapes: Path | None = None, engine: str = DEFAULT_SHACL_ENGINE
) -> ValidationReport:
    """Validate ``files`` (default: the packaged ontology), read together as one graph, against the gluteonto shapes.

    ``gluteonto validate`` calls this once per file, so one file cannot supply what another lacks.

    ``engine`` names one of :data:`SHACL_ENGINES`; ``shapes`` replaces that engine's packaged shapes. Data that
    states nothing about a gluteonto term is not said to conform to the packaged shapes (``no_terms``).
    Unreadable files raise :class:`~gluteonto.errors.InputError`.
    """
    if engine not in SHACL_ENGINES:
        raise MessageError(("unknown shacl engine", {"engine": engine, "known": ", ".join(SHACL_ENGINES)}))
    paths = [Path(f) for f in files] if files else [ontology_file("ttl", international=True)]
    run = SHACL_ENGINES[engine](paths, shapes)
    violations = sorted((_violation(run, result, lang) for result in run.results), key=lambda v: (v.focus_name, v.shape))
    no_terms = shapes is None and not run.about_gluteonto
    return ValidationReport(
        conforms=run.conforms and not no_terms,
        no_terms=no_terms,
        violations=violations,
        files=[p.name for p in paths],
        engine=engine,
        lang=lang,
        graph_factory=run.report_graph,
        notes=run.notes,
    )
