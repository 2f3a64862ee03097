"""SHACL engines behind one interface, registered by the name ``gluteonto validate --engine`` accepts.

``rudof`` (the default, Rust) reads the SHACL Core form of the shapes; ``pyshacl`` (pure Python,
SHACL-AF) reads the packaged shapes with SPARQL targets. Both say the same rules and both are
checked on the same seeded defects. An engine returns an :class:`EngineRun`: its results as
rdflib terms, and the data and shapes graphs built only when a report needs to name something.

>>> list(SHACL_ENGINES)
['rudof', 'pyshacl']
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import first_line
from ..i18n import EngineMessageError, MessageError
from ..resources import shapes_file

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["left_out_rules", "ShaclResult", "EngineRun", "ShaclEngine", "SHACL_ENGINES", "DEFAULT_SHACL_ENGINE"]


@dataclass(frozen=True)
class ShaclResult:
    """One validation result, its terms as rdflib nodes of the data graph and the shapes graph."""

    focus: Node
    shape: Node
    severity: str
    path: Node | None = None
    value: Node | None = None
    messages: tuple[Node, ...] = ()


@dataclass
class EngineRun:
    """What an engine found; ``data()`` and ``shapes()`` build the rdflib graphs on first use."""

    conforms: bool
    results: list[ShaclResult]
    data: Callable[[], Graph]
    shapes: Callable[[], Graph]
    report_graph: Callable[[], Graph] | None = None
    #: message keys of what the run left out, for the report to say (see :func:`english_only_rules`)
    notes: tuple[str, ...] = ()
    #: whether the data states anything about a gluteonto term (a triple whose subject is a GLUTEONTO_ IRI);
    #: a file without any (a shapes file, another ontology) has nothing the shapes could find conforming
    about_gluteonto: bool = True


#: shapes of the Norwegian label, definition, editorial note and exercise purpose a term needs in the international edition
_NORWEGIAN_SHAPES = ("NorwegianLabelShape", "NorwegianDefinitionShape", "NorwegianEditorialNoteShape", "NorwegianExercisePurposeShape")
_SHAPES_NS = "https://w3id.org/gluteonto/shapes#"
_OWN_EDITIONS = "https://w3id.org/gluteonto/gluteonto"
_INTERNATIONAL = "https://w3id.org/gluteonto/gluteonto-international.owl"


def english_only_rules(ontologies: Iterable[str]) -> tuple[str, ...]:
    """The shapes to leave out for data whose ontology headers are ``ontologies``: the Norwegian label,
    definition, editorial note and exercise purpose rules when the data is one of gluteonto's English-only releases (the main file and its base,
    full, simple and basic variants carry one English label per term; the translations are in the
    international edition, where the rules apply).

    >>> english_only_rules(["https://w3id.org/gluteonto/gluteonto.owl"])
    ('NorwegianLabelShape', 'NorwegianDefinitionShape', 'NorwegianEditorialNoteShape', 'NorwegianExercisePurposeShape')
    >>> english_only_rules(["https://w3id.org/gluteonto/gluteonto-international.owl"])
    ()
    """
    found = list(ontologies)
    own = [iri for iri in found if iri.startswith(_OWN_EDITIONS) and "bridge" not in iri]
    if own and _INTERNATIONAL not in found:
        return _NORWEGIAN_SHAPES
    return ()


#: the ODK release variants, by the end of their ontology IRI
_VARIANTS = ("base", "full", "simple", "basic")

#: shapes requiring a class to state a restriction (a muscle's origin, an action's agent, a disorder's affected
#: structure, …): they read equivalence axioms, unions and other class expressions that simple and basic leave out
_STATED_AXIOM_SHAPES = (
    "MuscleOriginShape", "MuscleInsertionShape", "MuscleInnervationShape", "MuscleArterialSupplyShape", "MuscleActionShape",
    "NervePlexusShape", "NerveRootShape", "ArteryParentShape", "AnastomosisShape",
    "ActionJointShape", "ActionMovementShape", "ActionAgentShape",
    "ExerciseTargetShape", "ExerciseCautionShape", "DisorderAffectsShape",
)  # fmt: skip

#: what each variant leaves out by design, as the shapes that would look for it
_VARIANT_RULES: dict[str, tuple[str, ...]] = {
    "base": ("ReusedPropertyShape",),  # reused RO/BFO properties only declared: no label, no rdfs:isDefinedBy
    "full": (),
    "simple": _STATED_AXIOM_SHAPES,
    "basic": _STATED_AXIOM_SHAPES,
}


def left_out_rules(ontologies: Iterable[str]) -> tuple[str, ...]:
    """The shapes to leave out for data whose ontology headers are ``ontologies``: the Norwegian rules on an
    English-only release (:func:`english_only_rules`) and what a release variant leaves out by design.

    >>> left_out_rules(["https://w3id.org/gluteonto/gluteonto-base.owl"])[-1]
    'ReusedPropertyShape'
    >>> "ActionAgentShape" in left_out_rules(["https://w3id.org/gluteonto/gluteonto-full.owl"])
    False
    """
    found = list(ontologies)
    rules = list(english_only_rules(found))
    for variant in _VARIANTS:
        if f"{_OWN_EDITIONS}-{variant}.owl" in found:
            rules += [name for name in _VARIANT_RULES[variant] if name not in rules]
    return tuple(rules)


def edition_notes(ontologies: Iterable[str]) -> tuple[str, ...]:
    """Message keys the report adds for data whose ontology headers are ``ontologies``: that the Norwegian rules
    were left out (see :func:`english_only_rules`), and, for a release variant, what the variant leaves out or
    adds by design.

    >>> edition_notes(["https://w3id.org/gluteonto/gluteonto-basic.owl"])
    ('validate english only', 'validate variant basic')
    """
    found = list(ontologies)
    notes = ["validate english only"] if english_only_rules(found) else []
    notes += [f"validate variant {v}" for v in _VARIANTS if f"{_OWN_EDITIONS}-{v}.owl" in found]
    return tuple(notes)


_OWN_TERM = "https://w3id.org/gluteonto/GLUTEONTO_"


def _store_about_gluteonto(store: Any) -> bool:
    """Does the oxigraph ``store`` hold a statement about a gluteonto term?"""
    return bool(store.query(f'ASK {{ ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{_OWN_TERM}")) }}'))


def _ontology_iris(store: Any) -> list[str]:
    result = store.query("SELECT ?o WHERE { ?o a <http://www.w3.org/2002/07/owl#Ontology> }")
    return [solution["o"].value for solution in result]


def _deactivate(store: Any, shapes: Sequence[str]) -> None:
    """Switch the named shapes off (``sh:deactivated true``) in a store holding shapes."""
    import pyoxigraph as ox

    on = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    for name in shapes:
        store.add(ox.Quad(ox.NamedNode(_SHAPES_NS + name), ox.NamedNode("http://www.w3.org/ns/shacl#deactivated"), on))


#: Validates files (or the packaged ontology) against shapes (``None``: the engine's packaged shapes).
ShaclEngine = Callable[[Sequence[Path], "Path | None"], EngineRun]


def _store(paths: Sequence[Path]) -> Any:
    from ..engines.oxigraph_engine import OxigraphEngine

    store = OxigraphEngine.from_files(paths).store
    if len(store) == 0:
        raise MessageError(("file no triples", {"path": ", ".join(map(str, paths))}))
    return store


def _ntriples(store: Any) -> str:
    """The default graph as N-Triples, blank nodes keeping the store's labels."""
    import pyoxigraph as ox

    return str(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode("utf-8"))


def _as_rdflib(store: Any) -> Graph:
    """The store's default graph as an rdflib graph with the same blank node labels."""
    import pyoxigraph as ox

    return _rdflib_graph(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def _rdflib_graph(quads: Iterable[Any]) -> Graph:
    from rdflib import Graph

    from ..terms import from_oxigraph, to_rdflib

    graph = Graph()
    for quad in quads:
        graph.add((to_rdflib(from_oxigraph(quad.subject)), to_rdflib(from_oxigraph(quad.predicate)), to_rdflib(from_oxigraph(quad.object))))
    return graph


def _around(store: Any, results: Sequence[ShaclResult]) -> Graph:
    """What a report needs to name the focus nodes of ``results``: labels of the named nodes met, and for
    blank nodes (axioms, restrictions, lists) their whole description and the class a restriction is on."""
    import pyoxigraph as ox
    from rdflib import BNode, URIRef

    from ..vocab import RDFS

    default, label, subclass = ox.DefaultGraph(), ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(RDFS.subClassOf))
    todo: list[Any] = [
        ox.BlankNode(str(r.focus)) if isinstance(r.focus, BNode) else ox.NamedNode(str(r.focus))
        for r in results
        if isinstance(r.focus, (BNode, URIRef))
    ]
    seen: set[Any] = set()
    quads: list[Any] = []
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        if isinstance(node, ox.NamedNode):
            found = list(store.quads_for_pattern(node, label, None, default))
        else:
            found = [*store.quads_for_pattern(node, None, None, default), *store.quads_for_pattern(None, subclass, node, default)]
        quads.extend(found)
        todo.extend(
            term
            for quad in found
            for term in (quad.subject, quad.predicate, quad.object)
            if isinstance(term, (ox.NamedNode, ox.BlankNode)) and term not in seen
        )
    return _rdflib_graph(quads)


def _rudof_term(text: object) -> Node | None:
    """A term as rudof prints it (``_:b1``, ``<iri>`` or a bare IRI, ``"text"@en``) as an rdflib node."""
    from rdflib import BNode, Literal, URIRef

    value = "" if text is None else str(text).strip()
    if not value:
        return None
    if value.startswith("_:"):
        return BNode(value[2:])
    if not value.startswith('"'):
        return URIRef(value.strip("<>"))
    import pyoxigraph as ox

    from ..terms import from_oxigraph, to_rdflib

    try:
        parsed = next(iter(ox.parse(f"<urn:s> <urn:p> {value} .".encode(), format=ox.RdfFormat.N_TRIPLES)))
    except (SyntaxError, StopIteration):  # rudof prints its own messages without escaping inner quotes
        return Literal(value[1:-1] if value.endswith('"') else value[1:])
    return to_rdflib(from_oxigraph(parsed.object))  # type: ignore[no-any-return]


def run_rudof(paths: Sequence[Path], shapes: Path | None) -> EngineRun:
    """rudof (Rust, SHACL Core) on the Core form of the shapes."""
    try:
        import pyrudof
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise EngineMessageError(("rudof missing", {})) from exc
    data_store = _store(paths)
    shapes_store = _store([shapes or shapes_file(core=True)])
    ontologies = _ontology_iris(data_store) if shapes is None else []
    left_out = left_out_rules(ontologies)
    _deactivate(shapes_store, left_out)
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    try:
        rudof.read_data(_ntriples(data_store), format=pyrudof.RDFFormat.NTriples)
        rudof.read_shacl(_ntriples(shapes_store), format=pyrudof.ShaclFormat.NTriples)
        report = rudof.validate_shacl()
    except Exception as exc:  # rudof raises its own exception types for malformed shapes or data
        raise EngineMessageError(("rudof failed", {"detail": first_line(exc)})) from exc
    results = [
        ShaclResult(
            focus=_rudof_term(entry.focus_node),  # type: ignore[arg-type]
            shape=_rudof_term(entry.source_shape),  # type: ignore[arg-type]
            severity=str(entry.severity).rsplit("#", 1)[-1].strip("<>"),
            path=_rudof_term(entry.path),
            value=_rudof_term(entry.value),
            messages=tuple(m for m in (_rudof_term(entry.message),) if m is not None),
        )
        for entry in report.violations
    ]
    return EngineRun(
        conforms=bool(report.conforms),
        results=results,
        data=functools.cache(lambda: _around(data_store, results)),
        shapes=functools.cache(lambda: _as_rdflib(shapes_store)),
        notes=edition_notes(ontologies),
        about_gluteonto=_store_about_gluteonto(data_store),
    )


def run_pyshacl(paths: Sequence[Path], shapes: Path | None) -> EngineRun:
    """pyshacl (pure Python, SHACL-AF) on the packaged shapes with SPARQL targets."""
    import pyshacl
    from rdflib import Graph, Literal, URIRef

    from ..engines import RdflibEngine
    from ..vocab import OWL, RDF, SH

    data = RdflibEngine.from_files(paths).graph
    if len(data) == 0:
        raise MessageError(("file no triples", {"path": ", ".join(map(str, paths))}))
    shapes_graph = RdflibEngine.from_files([shapes or shapes_file()]).graph
    ontologies = [str(o) for o in data.subjects(RDF.type, OWL.Ontology)] if shapes is None else []
    left_out = left_out_rules(ontologies)
    for name in left_out:
        shapes_graph.add((URIRef(_SHAPES_NS + name), SH.deactivated, Literal(True)))
    conforms, report_graph, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=True, allow_warnings=True, inplace=True
    )
    assert isinstance(report_graph, Graph)
    results = []
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        severity = report_graph.value(result, SH.resultSeverity)
        results.append(
            ShaclResult(
                focus=report_graph.value(result, SH.focusNode),  # type: ignore[arg-type]
                shape=report_graph.value(result, SH.sourceShape),  # type: ignore[arg-type]
                severity=str(severity).rsplit("#", 1)[-1],
                path=report_graph.value(result, SH.resultPath),
                value=report_graph.value(result, SH.value),
                messages=tuple(report_graph.objects(result, SH.resultMessage)),
            )
        )
    return EngineRun(
        conforms=bool(conforms),
        results=results,
        data=lambda: data,
        shapes=lambda: shapes_graph,
        report_graph=lambda: report_graph,
        notes=edition_notes(ontologies),
        about_gluteonto=any(str(s).startswith(_OWN_TERM) for s in data.subjects(unique=True) if isinstance(s, URIRef)),
    )


#: SHACL engines by the name ``gluteonto validate --engine`` accepts; the first is the default.
SHACL_ENGINES: dict[str, ShaclEngine] = {"rudof": run_rudof, "pyshacl": run_pyshacl}

DEFAULT_SHACL_ENGINE = "rudof"
