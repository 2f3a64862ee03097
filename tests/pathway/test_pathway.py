"""Clinical pathways: each acceptance walk a Norwegian physiotherapist takes, checked against the article's words,
and the pathway following the axioms (change one in a copy of the graph and the pathway changes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDFS

from gluteonto import Session
from gluteonto.pathway import Pathway, build_pathway
from gluteonto.pathway.build import RESULTS_IN, STATE_AFTER
from gluteonto.pathway.render_text import render_text

from ..helpers import run_cli


@pytest.fixture(scope="module")
def session() -> Session:
    return Session("oxigraph")


def _names(chain_ends: object) -> set[str]:
    return {ref.name.text for ref in chain_ends}  # type: ignore[attr-defined]


def _all_sourced(pathway: Pathway) -> None:
    """Every step the pathway shows cites at least one source."""
    links = [link for chain in (*pathway.behind, *pathway.leads_to, *pathway.assess) for link in chain.links]
    links += list(pathway.shows) + [step.link for step in pathway.programme]
    links += [link for exercise in pathway.exercises for chain in exercise.why for link in chain.links]
    links += [link for d in pathway.differentials for link in (*d.look_alikes, *d.distinguishing)]
    assert links and all(link.sources for link in links), [link.sentence for link in links if not link.sources]


def test_trendelenburg_leads_to_its_causes_and_to_what_trains_the_weak_muscle(session: Session) -> None:
    pathway = build_pathway(session, "Trendelenburgs tegn", "nb")
    assert pathway.term.name.text == "Trendelenburgs tegn"
    first = {chain.links[0].sentence: chain.links[0] for chain in pathway.behind}
    weakness = first["Svakhet i gluteus minimus fører til Trendelenburgs tegn"]
    assert weakness.strength == "always"
    assert any("Funksjon" in source.short for source in weakness.sources)
    upstream = [chain for chain in pathway.behind if chain.end.name.text == "lesjon av n. gluteus superior"]
    assert upstream and all(chain.links[-1].strength == "can" for chain in upstream)
    # of gluteus medius the article says only that the sign expresses its weakness; of minimus, weak or inactive, "vil"
    assert first["Svakhet i gluteus medius kan føre til Trendelenburgs tegn"].strength == "can"
    assert first["Inaktivitet i gluteus minimus fører til Trendelenburgs tegn"].strength == "always"
    exercises = {e.exercise.name.text: e for e in pathway.exercises}
    squat = exercises["enbens knebøy med hoftekontroll"]
    routes = [" → ".join(link.sentence for link in chain.links) for chain in squat.why]
    assert any("forhindrer bekkenfall mot motsatt side" in r and "trener bekkenstabilisering" in r for r in routes)
    assert any(r.startswith("Svakhet i gluteus minimus fører til Trendelenburgs tegn") and "retter seg mot gluteus minimus" in r for r in routes)
    assert {
        "resistert hofteabduksjon i ekstensjon",
        "modifisert sideplanke med abduksjon",
        "sideveis step-up med kontroll av hofteadduksjon",
        "stående innadrotasjon med strikk",
    } <= set(exercises)
    assert "innfall av kne og hofte" in {link.target.name.text for link in squat.cautions}
    _all_sourced(pathway)
    text = render_text(pathway, 80)
    assert "ikke en anbefaling" in " ".join(text.split()) and "Hva som kan ligge bak" in text
    assert all(len(line) <= 80 for line in text.splitlines())


def test_gtps_says_where_to_start_what_to_avoid_and_that_the_stage_of_each_exercise_is_not_given(session: Session) -> None:
    pathway = build_pathway(session, "GTPS", "nb")
    stages = {(step.stage, step.link.subject.name.text if step.stage != "then" else step.link.target.name.text) for step in pathway.programme}
    assert ("start", "statisk øvelse med lav belastning") in stages
    assert {("then", "dynamisk øvelsesvariant"), ("then", "vektbærende øvelsesvariant")} <= stages
    assert ("avoid", "senebelastende øvelse") in stages
    assert any(step.stage == "move on when" and step.link.target.name.text == "smertefri progresjon" for step in pathway.programme)
    exercises = {e.exercise.name.text: e for e in pathway.exercises}
    assert "enbens knebøy med hoftekontroll" in exercises
    assert all(e.programme_known and not e.stage for e in pathway.exercises)
    text = render_text(pathway, 80)
    assert "kilden sier ikke hvilket trinn øvelsen hører til" in " ".join(text.split())
    assert any(link.target.name.text == "kvinner over 40 år" for chain in pathway.behind for link in chain.links)
    _all_sourced(pathway)


def test_after_hip_replacement_atrophy_what_it_means_and_what_to_train(session: Session) -> None:
    pathway = build_pathway(session, "tilstand etter hofteprotese", "nb")
    atrophy = [chain for chain in pathway.leads_to if chain.links[0].subject.name.text == "atrofi av gluteus minimus"]
    assert atrophy and atrophy[0].links[0].strength == "risk"
    meaning = {chain.end.name.text for chain in atrophy}
    assert {"redusert balanse", "økt fallrisiko", "endret muskelrekruttering"} <= meaning
    # what happens to gluteus minimus: atrophy, often of the anterior segment
    assert {"gluteus minimus", "fremre fibersegment i gluteus minimus"} <= meaning
    anterior = next(chain for chain in atrophy if chain.end.name.text == "fremre fibersegment i gluteus minimus")
    assert anterior.links[-1].strength == "often"
    assert all(chain.links[-1].strength in ("risk", "associated", "always", "often") for chain in atrophy)
    exercises = {e.exercise.name.text: e for e in pathway.exercises}
    assert "sideveis step-up med kontroll av hofteadduksjon" in exercises
    squat = exercises["enbens knebøy med hoftekontroll"]
    # stated for hip surgery in general: the chain says that this state is a kind of it
    assert any(link.sentence == "Tilstand etter hofteprotese er en type tilstand etter hofteoperasjon" for chain in squat.why for link in chain.links)
    assert any("atrofi av gluteus minimus" in link.sentence.lower() for e in pathway.exercises for chain in e.why for link in chain.links)
    _all_sourced(pathway)


def test_lateral_hip_pain_gives_differentials_and_how_to_tell_them_apart(session: Session) -> None:
    pathway = build_pathway(session, "smerte på utsiden av hoften", "nb")
    differentials = {d.condition.name.text: d for d in pathway.differentials}
    assert {"greater trochanteric pain syndrome", "gluteus minimus-tendinopati"} <= set(differentials)
    tendinopathy = differentials["gluteus minimus-tendinopati"]
    assert tendinopathy.presents is not None and tendinopathy.presents.strength == "can"
    mistaken = {link.target.name.text for link in tendinopathy.look_alikes} | {link.subject.name.text for link in tendinopathy.look_alikes}
    assert {"trokanterbursitt", "lumbal referert smerte"} <= mistaken
    assert differentials["greater trochanteric pain syndrome"].presents.strength == "always"  # type: ignore[union-attr]
    # a symptom is no cause: no exercise is reached through a disorder that merely presents with it
    assert pathway.exercises == ()
    trigger = build_pathway(session, "triggerpunkter", "nb")
    told = {link.target.name.text for d in trigger.differentials for link in d.distinguishing}
    assert {"fravær av nevrologiske utfall"} <= told and any("Lasègue" in name for name in told)
    # what examination finds, not a feature of every case ("Forskjellen er fravær av nevrologiske utfall …")
    assert {link.strength for d in trigger.differentials for link in d.distinguishing} == {"examination"}
    assert "[ved undersøkelse]" in " ".join(render_text(trigger, 100).split())
    assert "isjias" in {link.target.name.text for d in trigger.differentials for link in d.look_alikes}


def test_superior_gluteal_nerve_lesion_follows_the_weakness_to_its_consequences(session: Session) -> None:
    pathway = build_pathway(session, "lesjon av n. gluteus superior", "en")
    ends = {chain.end.name.text for chain in pathway.leads_to}
    assert {"weakness of gluteus minimus", "Trendelenburg sign", "gait disturbance"} <= ends
    sign = next(chain for chain in pathway.leads_to if chain.end.name.text == "Trendelenburg sign")
    assert [link.strength for link in sign.links] == ["can", "always"]


def test_silent_sections_say_that_the_source_says_nothing(session: Session) -> None:
    pathway = build_pathway(session, "Lasègues test", "nb")
    assert "exercises" in pathway.empty_sections()
    assert "Kilden sier ingenting om dette for Lasègues test." in render_text(pathway, 80)


def _restrictions(graph: Graph, subject: URIRef, prop: str, filler: URIRef) -> list[BNode]:
    return [
        node
        for node in graph.objects(subject, RDFS.subClassOf)
        if isinstance(node, BNode) and (node, OWL.onProperty, URIRef(prop)) in graph and (node, OWL.someValuesFrom, filler) in graph
    ]


def _loaded(graph: Graph, folder: Path) -> Session:
    """A session on exactly ``graph`` (written out and loaded into oxigraph, which answers the pathway's queries fast)."""
    path = folder / f"graph-{len(list(folder.iterdir()))}.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    return Session("oxigraph", [path], include_ontology=False)


@pytest.mark.slow  # a changed copy of the whole graph
def test_the_pathway_follows_the_axioms_in_a_changed_copy_of_the_graph(fresh_graph: Graph, tmp_path: Path) -> None:
    original = _loaded(fresh_graph, tmp_path)
    sign, weakness = original.resolve_term("Trendelenburg sign"), original.resolve_term("weakness of gluteus minimus")
    before = build_pathway(original, sign, "en")
    assert "weakness of gluteus minimus" in _names(chain.end for chain in before.behind)
    for node in _restrictions(fresh_graph, weakness, RESULTS_IN, sign):
        fresh_graph.remove((weakness, RDFS.subClassOf, node))
    changed = _loaded(fresh_graph, tmp_path)
    after = build_pathway(changed, sign, "en")
    assert "weakness of gluteus minimus" not in _names(chain.end for chain in after.behind)
    assert "weakness of gluteus medius" in _names(chain.end for chain in after.behind)
    # a history given as the procedure: stating that the state follows it joins the state's pathway
    procedure, state = changed.resolve_term("hip arthroplasty"), changed.resolve_term("status after hip arthroplasty")
    node = BNode()
    fresh_graph.add((node, OWL.onProperty, URIRef(STATE_AFTER)))
    fresh_graph.add((node, OWL.someValuesFrom, procedure))
    fresh_graph.add((state, RDFS.subClassOf, node))
    joined = build_pathway(_loaded(fresh_graph, tmp_path), procedure, "en")
    assert [link.subject.name.text for link in joined.aspects] == ["status after hip arthroplasty"]
    assert "increased risk of falling" in _names(chain.end for chain in joined.leads_to)


def test_pathway_command_in_norwegian_and_its_alias() -> None:
    runner = CliRunner()
    result = run_cli(runner, "forløp", "Trendelenburgs tegn", "--lang", "nb", "--no-pager", columns=80)
    assert result.exit_code == 0
    assert result.output.startswith("Trendelenburgs tegn — forløp")
    assert "Øvelser som trener det som er involvert" in result.output
    assert all(len(line) <= 80 for line in result.output.splitlines())
    english = run_cli(runner, "pathway", "GTPS", columns=60)
    assert english.exit_code == 0 and "Where to start and how to progress" in english.output
    assert all(len(line) <= 60 for line in english.output.splitlines())
    unknown = run_cli(runner, "pathway", "qqqqqq", "--lang", "nb")
    assert unknown.exit_code == 2 and "er ikke et begrep i gluteonto" in unknown.output
    assert "Traceback" not in unknown.output


def test_hip_replacement_as_typed_joins_the_state_after_it(session: Session) -> None:
    pathway = build_pathway(session, "hofteprotese", "nb")
    assert [link.strength for link in pathway.aspects] == ["always"]
    ends = {chain.end.name.text for chain in pathway.leads_to}
    assert {
        "atrofi av gluteus minimus",
        "fremre fibersegment i gluteus minimus",
        "redusert balanse",
        "økt fallrisiko",
        "endret muskelrekruttering",
    } <= ends
    assert "sideveis step-up med kontroll av hofteadduksjon" in {e.exercise.name.text for e in pathway.exercises}
