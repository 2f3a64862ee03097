"""The packaged ontology conforms; each seeded, realistic defect is caught by the expected shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from gluteonto.resources import shapes_file
from gluteonto.tools.validate import SHACL_ENGINES, ValidationReport, validate
from gluteonto.vocab import DCTERMS, IAO_DEFINITION, OBOINOWL, OWL, RDF, RDFS, SKOS

from ..helpers import restrictions, term

RO = "http://purl.obolibrary.org/obo/"
GM, GMED, SGN, SGA, L4, ANASTOMOSIS = term(4), term(5), term(62), term(77), term(70), term(84)
ONTOLOGY = URIRef("https://w3id.org/gluteonto/gluteonto-international.owl")  # the edition the shapes check


def drop_restriction(cls: URIRef, prop: str | URIRef, filler: URIRef | None = None) -> Callable[[Graph], object]:
    def mutate(g: Graph) -> object:
        found = restrictions(g, cls, URIRef(prop), filler)
        assert found, (cls, prop, filler)
        for node in found:
            g.remove((cls, RDFS.subClassOf, node))
            for axiom in g.subjects(OWL.annotatedTarget, node):
                g.remove((axiom, None, None))
        return found[0]

    return mutate


def drop_supply_of(muscle: URIRef) -> Callable[[Graph], object]:
    def mutate(g: Graph) -> None:
        for node in list(g.subjects(OWL.someValuesFrom, muscle)):
            if (node, OWL.onProperty, URIRef(RO + "RO_0020101")) in g:
                for owner in list(g.subjects(RDFS.subClassOf, node)):
                    g.remove((owner, RDFS.subClassOf, node))

    return mutate


def drop_agent_of(muscle: URIRef) -> Callable[[Graph], object]:
    def mutate(g: Graph) -> None:
        for node in list(g.subjects(OWL.someValuesFrom, muscle)):
            if (node, OWL.onProperty, term(909)) in g:
                for owner in list(g.subjects(RDFS.subClassOf, node)):
                    g.remove((owner, RDFS.subClassOf, node))

    return mutate


def axiom_of(g: Graph, cls: URIRef, prop: str) -> BNode:
    node = restrictions(g, cls, URIRef(prop))[0]
    axiom = next(g.subjects(OWL.annotatedTarget, node))
    assert isinstance(axiom, BNode)
    return axiom


def strip_source_of_innervation(g: Graph) -> BNode:
    axiom = axiom_of(g, GM, RO + "RO_0002005")
    g.remove((axiom, DCTERMS.source, None))
    return axiom


def source_is_not_a_source(g: Graph) -> BNode:
    axiom = axiom_of(g, GM, RO + "RO_0002005")
    g.remove((axiom, DCTERMS.source, None))
    g.add((axiom, DCTERMS.source, GMED))
    return axiom


def unannotated_restriction(g: Graph) -> BNode:
    node = restrictions(g, GM, URIRef(RO + "RO_0002005"))[0]
    for axiom in list(g.subjects(OWL.annotatedTarget, node)):
        g.remove((axiom, None, None))
    return node


def drop_footnote_marker(g: Graph) -> BNode:
    """The single-leg squat's indication after hip surgery loses its marker ³ but keeps its reading as Standring."""
    node = restrictions(g, term(665), term(931), term(457))[0]
    axiom = next(g.subjects(OWL.annotatedTarget, node))
    assert isinstance(axiom, BNode)
    g.remove((axiom, term(996), None))
    return axiom


def replace(s: URIRef, p: URIRef, old: Node, new: Node) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        assert (s, p, old) in g, (s, p, old)
        g.remove((s, p, old))
        g.add((s, p, new))

    return mutate


def remove(s: URIRef, p: URIRef, o: Node | None = None) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        assert (s, p, o) in g or o is None
        g.remove((s, p, o))

    return mutate


def add(s: URIRef, p: URIRef, o: Node) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        g.add((s, p, o))

    return mutate


def add_restriction(cls: URIRef, prop: URIRef, filler: URIRef) -> Callable[[Graph], None]:
    """SubClassOf(cls, prop some filler), annotated with a source so only the intended shape fires."""

    def mutate(g: Graph) -> None:
        node, axiom = BNode(), BNode()
        g.add((node, RDF.type, OWL.Restriction))
        g.add((node, OWL.onProperty, prop))
        g.add((node, OWL.someValuesFrom, filler))
        g.add((cls, RDFS.subClassOf, node))
        for triple in (
            (RDF.type, OWL.Axiom),
            (OWL.annotatedSource, cls),
            (OWL.annotatedProperty, RDFS.subClassOf),
            (OWL.annotatedTarget, node),
            (DCTERMS.source, term(858)),
        ):
            g.add((axiom, *triple))

    return mutate


def remove_lang(s: URIRef, p: URIRef, lang: str) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        for value in [v for v in g.objects(s, p) if getattr(v, "language", None) == lang]:
            g.remove((s, p, value))

    return mutate


# name: (mutation, expected focus (None: the mutation returns it), expected shape)
MUTATIONS: dict[str, tuple[Callable[[Graph], object], URIRef | None, str]] = {
    "drop innervation of gluteus minimus": (drop_restriction(GM, RO + "RO_0002005"), GM, "MuscleInnervationShape"),
    "drop insertion of gluteus minimus": (drop_restriction(GM, RO + "RO_0002373"), GM, "MuscleInsertionShape"),
    "drop origin of gluteus minimus": (drop_restriction(GM, RO + "RO_0002372"), GM, "MuscleOriginShape"),
    "no artery supplies gluteus minimus": (drop_supply_of(GM), GM, "MuscleArterialSupplyShape"),
    "gluteus medius agent of no action": (drop_agent_of(GMED), GMED, "MuscleActionShape"),
    "root L9 instead of L4": (replace(L4, term(993), Literal("L4"), Literal("L9")), L4, "SpinalSegmentCodeShape"),
    "nerve root pointing at a segment L9": (replace(L4, term(993), Literal("L4"), Literal("L9")), SGN, "NerveRootCodeShape"),
    "superior gluteal nerve without plexus": (drop_restriction(SGN, RO + "RO_0002380"), SGN, "NervePlexusShape"),
    "superior gluteal nerve without roots": (drop_restriction(SGN, term(907)), SGN, "NerveRootShape"),
    "duplicate English label": (add(GM, RDFS.label, Literal("gluteus minimus muscle", lang="en")), GM, "EnglishLabelShape"),
    "remove Norwegian label": (remove_lang(GM, RDFS.label, "nb"), GM, "NorwegianLabelShape"),
    "second Latin label": (add(GM, RDFS.label, Literal("glutaeus minimus", lang="la")), GM, "LatinLabelShape"),
    "label with trailing space": (
        replace(SGN, RDFS.label, Literal("superior gluteal nerve", lang="en"), Literal("superior gluteal nerve ", lang="en")),
        SGN,
        "LabelWhitespaceShape",
    ),
    "label with double space": (
        replace(SGA, RDFS.label, Literal("superior gluteal artery", lang="en"), Literal("superior  gluteal artery", lang="en")),
        SGA,
        "LabelWhitespaceShape",
    ),
    "remove English definition": (remove_lang(ANASTOMOSIS, IAO_DEFINITION, "en"), ANASTOMOSIS, "EnglishDefinitionShape"),
    "remove Norwegian definition": (remove_lang(ANASTOMOSIS, IAO_DEFINITION, "nb"), ANASTOMOSIS, "NorwegianDefinitionShape"),
    "property without Norwegian definition": (remove_lang(term(909), IAO_DEFINITION, "nb"), term(909), "NorwegianDefinitionShape"),
    "editorial note in English only": (remove_lang(ANASTOMOSIS, SKOS.editorialNote, "nb"), ANASTOMOSIS, "NorwegianEditorialNoteShape"),
    "reused RO property given a project definition": (
        add(URIRef(RO + "RO_0002005"), IAO_DEFINITION, Literal("Relates a muscle to its nerve.", lang="en")),
        URIRef(RO + "RO_0002005"),
        "ReusedPropertyShape",
    ),
    "reused RO property given an article source": (
        add(URIRef(RO + "RO_0002005"), DCTERMS.source, term(854)),
        URIRef(RO + "RO_0002005"),
        "ReusedPropertyShape",
    ),
    "reused RO property without English label": (
        remove_lang(URIRef(RO + "RO_0002005"), RDFS.label, "en"),
        URIRef(RO + "RO_0002005"),
        "ReusedPropertyShape",
    ),
    "reused BFO property without isDefinedBy": (
        remove(URIRef(RO + "BFO_0000050"), RDFS.isDefinedBy),
        URIRef(RO + "BFO_0000050"),
        "ReusedPropertyShape",
    ),
    "procedure said to affect a structure": (add_restriction(term(641), term(918), term(44)), term(641), "AffectsDomainShape"),
    "associated with a population group": (add_restriction(term(404), term(924), term(721)), term(404), "ClinicalAssociationShape"),
    "population at risk that is a finding": (add_restriction(term(404), term(941), term(431)), term(404), "PopulationAtRiskShape"),
    "broken FMA xref": (replace(GM, OBOINOWL.hasDbXref, Literal("FMA:22317"), Literal("FMA 22317")), GM, "XrefShape"),
    "UBERON xref with six digits": (replace(GM, OBOINOWL.hasDbXref, Literal("UBERON:0008521"), Literal("UBERON:008521")), GM, "XrefShape"),
    "mapping given as a string": (
        replace(GM, SKOS.exactMatch, URIRef("http://purl.org/sig/ont/fma/fma22317"), Literal("FMA:22317")),
        GM,
        "MappingShape",
    ),
    "term without source": (remove(ANASTOMOSIS, DCTERMS.source), ANASTOMOSIS, "TermSourceShape"),
    "exercise with no target": (drop_restriction(term(662), term(928)), term(662), "ExerciseTargetShape"),
    "exercise with no caution": (drop_restriction(term(666), term(930)), term(666), "ExerciseCautionShape"),
    "exercise without Norwegian purpose": (remove_lang(term(664), term(990), "nb"), term(664), "NorwegianExercisePurposeShape"),
    "exercise without English purpose": (remove_lang(term(664), term(990), "en"), term(664), "ExercisePurposeShape"),
    "anastomosis with one artery": (
        lambda g: [drop_restriction(ANASTOMOSIS, term(908), term(a))(g) for a in (79, 80)],
        ANASTOMOSIS,
        "AnastomosisShape",
    ),
    "artery without parent vessel": (drop_restriction(SGA, RO + "RO_0002252"), SGA, "ArteryParentShape"),
    "action without joint or moved bone": (
        lambda g: [drop_restriction(term(212), term(910))(g), drop_restriction(term(212), term(911))(g)],
        term(212),
        "ActionJointShape",
    ),
    "action without movement type": (remove(term(212), RDFS.subClassOf, term(202)), term(212), "ActionMovementShape"),
    "action without agent": (drop_restriction(term(213), term(909)), term(213), "ActionAgentShape"),
    "disorder without affected structure": (drop_restriction(term(407), term(918)), term(407), "DisorderAffectsShape"),
    "axiom without source": (strip_source_of_innervation, None, "AxiomSourceShape"),
    "axiom source that is not an information resource": (source_is_not_a_source, None, "AxiomSourceShape"),
    "restriction without provenance annotation": (unannotated_restriction, None, "RestrictionProvenanceShape"),
    "textbook given as the source of a footnoted statement": (
        lambda g: [g.add((a, DCTERMS.source, term(872))) for a in list(g.subjects(term(997), term(872)))[:1]],
        term(872),
        "TextbookSourceShape",
    ),
    "footnote read as a textbook without the footnote marker": (drop_footnote_marker, None, "FootnoteReadingShape"),
    "ontology without licence": (remove(ONTOLOGY, DCTERMS.license), ONTOLOGY, "OntologyLicenseShape"),
    "ontology without English title": (remove_lang(ONTOLOGY, DCTERMS.title, "en"), ONTOLOGY, "OntologyTitleShape"),
    "ontology without description": (remove(ONTOLOGY, DCTERMS.description), ONTOLOGY, "OntologyDescriptionShape"),
    "ontology without version IRI": (remove(ONTOLOGY, OWL.versionIRI), ONTOLOGY, "OntologyVersionShape"),
}

#: the pure-Python engine takes seconds per validation: its runs are left out of the quick run
ENGINES = [pytest.param(name, marks=pytest.mark.slow) if name == "pyshacl" else name for name in SHACL_ENGINES]


@pytest.mark.parametrize("engine", ENGINES)
def test_packaged_ontology_conforms(engine: str) -> None:
    report = validate(engine=engine)
    assert report.conforms and report.engine == engine, report.render()


def _validate_graph(graph: Graph, tmp_path: Path, engine: str = "rudof", lang: str = "en") -> ValidationReport:
    path = tmp_path / "mutant.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    return validate([path], engine=engine, lang=lang)


def _expected_hits(report: ValidationReport, name: str) -> list[str]:
    """Why ``report`` does not show mutation ``name`` as caught by its expected shape (empty: it does)."""
    _mutate, focus, shape = MUTATIONS[name]
    hits = [v for v in report.violations if v.shape.split("#")[-1] == shape]
    if not hits:
        return [f"{name}: no result from {shape} (shapes: {sorted({v.shape for v in report.violations})})"]
    if focus is not None and not any(v.focus == focus for v in hits):
        return [f"{name}: {shape} names {[v.focus_name for v in hits]}, not {focus}"]
    if focus is None and not any(v.focus_name.startswith(("axiom:", "gluteus minimus")) for v in hits):
        return [f"{name}: {shape} names {[v.focus_name for v in hits]}"]
    return []


@pytest.mark.slow  # validates the whole ontology once per seeded defect
@pytest.mark.parametrize("name", list(MUTATIONS))
def test_mutation_is_caught(fresh_graph: Graph, tmp_path: Path, name: str) -> None:
    """Each seeded defect alone, with the default engine: caught by the expected shape, named readably."""
    MUTATIONS[name][0](fresh_graph)  # blank-node foci are renamed by the round trip through a file
    report = _validate_graph(fresh_graph, tmp_path)
    assert not report.conforms, f"{name}: not caught"
    assert not _expected_hits(report, name)
    assert all(not v.focus_name.startswith("_:") for v in report.violations)
    assert all(v.message != "constraint violated" for v in report.violations), "every shape says what is wrong"


def _changes(graph: Graph, name: str) -> set[tuple[object, object, object]]:
    """The triples mutation ``name`` adds or removes, applied to a copy of ``graph``."""
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    MUTATIONS[name][0](copy)
    return set(graph) ^ set(copy)


def _mutation_groups(graph: Graph) -> list[list[str]]:
    """The mutations in a few groups in which no two expect the same shape or change the same triple, so none
    can hide or undo another (the per-group test fails loudly if one still did)."""
    groups: list[tuple[list[str], set[str], set[tuple[object, object, object]]]] = []
    for name in MUTATIONS:
        shape, changes = MUTATIONS[name][2], _changes(graph, name)
        home = next((g for g in groups if shape not in g[1] and not changes & g[2]), None)
        if home is None:
            groups.append(([name], {shape}, changes))
        else:
            home[0].append(name)
            home[1].add(shape)
            home[2].update(changes)
    return [names for names, _shapes, _changes in groups]


def _targeted_shapes() -> set[str]:
    """Local names of the shapes that select focus nodes themselves (helper shapes are reported differently
    by different engines when they are nested)."""
    shapes = Graph().parse(shapes_file(), format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    return {
        str(s).split("#")[-1]
        for p in ("targetClass", "target", "targetSubjectsOf", "targetObjectsOf", "targetNode")
        for s in shapes.subjects(URIRef(sh + p), None)
        if isinstance(s, URIRef)
    }


@pytest.mark.slow  # every engine on every group of seeded defects
def test_every_engine_catches_every_mutation_alike(ontology_graph: Graph, tmp_path: Path) -> None:
    """The seeded defects, a few groups at once, through every engine: each engine reports every defect by
    its expected shape, and all engines report exactly the same problems (term, shape, message, path, value)."""
    groups, targeted = _mutation_groups(ontology_graph), _targeted_shapes()
    assert sorted(name for group in groups for name in group) == sorted(MUTATIONS)
    for group in groups:
        mutant = Graph()
        for triple in ontology_graph:
            mutant.add(triple)
        for name in group:
            MUTATIONS[name][0](mutant)
        reports = {engine: _validate_graph(mutant, tmp_path, engine) for engine in SHACL_ENGINES}
        for engine, report in reports.items():
            assert not [problem for name in group for problem in _expected_hits(report, name)], engine
        found = {engine: {(v.focus_name, v.shape, v.message) for v in report.violations if v.shape in targeted} for engine, report in reports.items()}
        for engine, problems in found.items():
            assert problems == found["rudof"], (engine, sorted(problems ^ found["rudof"]))


@pytest.mark.parametrize("engine", ENGINES)
def test_report_names_blank_nodes_by_their_axiom(fresh_graph: Graph, tmp_path: Path, engine: str) -> None:
    unannotated_restriction(fresh_graph)
    text = _validate_graph(fresh_graph, tmp_path, engine).render("text")
    assert "gluteus minimus (GLUTEONTO:0000004): SubClassOf innervated by some superior gluteal nerve" in text
    assert "_:" not in text


@pytest.mark.parametrize("engine", ENGINES)
def test_report_in_norwegian(fresh_graph: Graph, tmp_path: Path, engine: str) -> None:
    remove_lang(GM, RDFS.label, "nb")(fresh_graph)
    text = _validate_graph(fresh_graph, tmp_path, engine, lang="nb").render()
    assert "Trenger nøyaktig én bokmålsetikett" in text
    assert text.startswith("Ikke godkjent: 1 problem i 1 begrep.") and "Does not" not in text


@pytest.mark.parametrize("engine", ENGINES)
def test_turtle_report_is_a_shacl_report(fresh_graph: Graph, tmp_path: Path, engine: str) -> None:
    MUTATIONS["label with trailing space"][0](fresh_graph)
    report = Graph().parse(data=_validate_graph(fresh_graph, tmp_path, engine).render("turtle"), format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    assert (None, URIRef(sh + "conforms"), Literal(False)) in report
    assert (None, URIRef(sh + "focusNode"), SGN) in report
    assert (None, URIRef(sh + "resultPath"), RDFS.label) in report


def test_unknown_engine_is_a_clear_error() -> None:
    from gluteonto.errors import InputError

    with pytest.raises(InputError, match="choose one of rudof, pyshacl"):
        validate(engine="jena")
