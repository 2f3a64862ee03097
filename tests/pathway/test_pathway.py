"""Clinical pathways: each acceptance walk a Norwegian physiotherapist takes, checked against the article's words,
and the pathway following the axioms (change one in a copy of the graph and the pathway changes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDFS

from gluteonto import Session, iris
from gluteonto.pathway import Pathway, build_pathway
from gluteonto.pathway.build import RESULTS_IN, STATE_AFTER
from gluteonto.pathway.render_html import render_html
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


def test_hip_osteoarthritis_pathway_missed_atrophy_stated_on_its_superclass_as_a_risk_factor(session: Session) -> None:
    """The article's main statement on coxarthrosis: atrophy of gluteus minimus has degenerative hip conditions as a
    risk factor. The pathway read "X has risk factor this term" backwards only when stated on the term itself."""
    for name in ("hofteartrose", "coxartrose"):
        pathway = build_pathway(session, name, "nb")
        atrophy = [chain for chain in pathway.leads_to if chain.end.name.text == "atrofi av gluteus minimus"]
        assert len(atrophy) == 1, [chain.end.name.text for chain in pathway.leads_to]
        link = atrophy[0].links[0]
        # read as stated: a risk factor (population level), on the broader class, which is named
        assert link.strength == "risk" and link.relation.iri.endswith("GLUTEONTO_0000923")
        assert link.as_kind is not None and link.as_kind.name.text == "degenerativ hoftelidelse"
        assert link.target.name.text == "hofteartrose" and link.sources
        ends = {chain.end.name.text for chain in pathway.leads_to}
        assert {"fremre fibersegment i gluteus minimus", "redusert balanse", "økt fallrisiko"} <= ends
        text = " ".join(render_text(pathway, 100).split())
        leads = text.split("Hva det kan føre til eller ses sammen med")[1].split("Hva det gir og hvor")[0]
        assert "Atrofi av gluteus minimus har hofteartrose som risikofaktor [risikofaktor] (som en type degenerativ hoftelidelse)" in leads
        _all_sourced(pathway)
    # only the risk-factor relation is read backwards through the hierarchy: nothing is said of every degenerative
    # hip condition's subclasses that is not stated, and the broader class's own pathway shows the stated link plainly
    broader = build_pathway(session, "degenerativ hoftelidelse", "nb")
    plain = [c.links[0] for c in broader.leads_to if c.end.name.text == "atrofi av gluteus minimus"]
    assert plain and plain[0].as_kind is None
    english = " ".join(render_text(build_pathway(session, "hip osteoarthritis", "en"), 100).split())
    assert "(as a kind of degenerative hip condition)" in english
    assert "(som en type degenerativ hoftelidelse)" in render_html(build_pathway(session, "hofteartrose", "nb"))


def test_trigger_point_pathway_missed_what_its_subclass_states_and_marks_it_as_holding_for_that_kind(session: Session) -> None:
    pathway = build_pathway(session, "triggerpunkter", "nb")
    narrower = "vedvarende triggerpunktsmerte fra gluteus minimus"
    behind = {chain.end.name.text: chain for chain in pathway.behind}
    leads = {chain.end.name.text: chain for chain in pathway.leads_to}
    assert "kronisk overbelastning" in behind and "betydelig funksjonsnedsettelse" in leads
    for chain in (behind["kronisk overbelastning"], leads["betydelig funksjonsnedsettelse"]):
        # said of the narrower kind, never of every trigger point pain
        assert chain.narrower is not None and chain.narrower.name.text == narrower
        assert chain.links[0].subject.name.text == narrower
    assert leads["betydelig funksjonsnedsettelse"].links[0].strength == "can"
    # a narrower kind's statements lead to no exercise: they are not about the starting point
    assert all(not c.narrower for e in pathway.exercises for c in e.why)
    text = render_text(pathway, 100)
    flat = " ".join(text.split())
    assert f"Ved {narrower} (en type triggerpunktsmerte fra gluteus minimus):" in flat
    behind_part = text.split("Hva som kan ligge bak")[1].split("Hva det kan føre til")[0]
    assert "Kilden sier ingenting" not in behind_part
    english = " ".join(render_text(build_pathway(session, "gluteus minimus trigger point pain", "en"), 100).split())
    assert "In persistent gluteus minimus trigger point pain (a kind of gluteus minimus trigger point pain):" in english
    page = render_html(pathway)
    assert f"<strong>Ved {narrower} (en type triggerpunktsmerte fra gluteus minimus):</strong>" in page
    # the narrower kind's own pathway states it plainly
    own = build_pathway(session, narrower, "nb")
    assert any(c.end.name.text == "kronisk overbelastning" and c.narrower is None for c in own.behind)


def test_long_standing_complaint_assessment_missed_the_four_kinds_of_assessment(session: Session) -> None:
    pathway = build_pathway(session, "langvarige plager", "nb")
    ends = {chain.end.name.text for chain in pathway.assess}
    assert {"vurdering av gangmønster", "vurdering av skotøy", "vurdering av bekkenstilling", "vurdering av kjerneaktivering"} <= ends
    gait = next(chain for chain in pathway.assess if chain.end.name.text == "vurdering av gangmønster")
    assert gait.links[0].sentence == "Tilleggsvurdering ved langvarige hofteplager anbefales ved langvarig hofteplage"
    assert gait.links[-1].sentence == "Vurdering av gangmønster er en type tilleggsvurdering ved langvarige hofteplager"
    _all_sourced(pathway)
    assert "Vurdering av skotøy er en type tilleggsvurdering" in " ".join(render_text(pathway, 100).split())


def test_lateral_hip_pain_said_nothing_about_training_where_the_source_ties_it_to_the_underlying_condition(session: Session) -> None:
    pathway = build_pathway(session, "lateral hoftesmerte", "nb")
    assert pathway.exercises == () and pathway.programme == ()
    elsewhere = {chain.end.name.text: chain for chain in pathway.elsewhere}
    # the start and the tendon-sparing rule are stated for GTPS and for gluteal tendinopathy (of which the
    # gluteus minimus tendinopathy is a kind), not for the symptom
    assert {"greater trochanteric pain syndrome", "gluteus minimus-tendinopati"} <= set(elsewhere)
    assert elsewhere["gluteus minimus-tendinopati"].links[0].strength == "can"
    text = render_text(pathway, 100)
    exercises = " ".join(text.split("Øvelser som trener det som er involvert")[1].split())
    assert "Kilden sier ingenting" not in exercises
    assert "gluteonto --lang nb forløp 'greater trochanteric pain syndrome'" in exercises
    assert "Kilden knytter ikke trening til smerte på utsiden av hoften selv" in exercises
    page = render_html(pathway).split('<section class="pathway-exercises">')[1]
    assert "<code>gluteonto --lang nb forløp &#x27;greater trochanteric pain syndrome&#x27;</code>" in page
    assert 'class="silent"' not in page
    # on the site each of them links its pathway page instead of naming the command
    linked = render_html(pathway, pathway_href=lambda ref: f"{ref.curie}.html").split('<section class="pathway-exercises">')[1]
    assert '<a class="to-pathway" href="GLUTEONTO:0000404.html">se forløpet</a>' in linked and "<code>" not in linked
    english = render_text(build_pathway(session, "lateral hip pain", "en"), 100)
    assert "gluteonto pathway 'gluteus minimus tendinopathy'" in " ".join(english.split())
    # where nothing trains the condition either, the section still says that the source is silent
    silent = build_pathway(session, "Lasègues test", "nb")
    assert silent.elsewhere == () and "exercises" in silent.empty_sections()


def test_pelvic_drop_exercise_section_was_silent_though_an_action_that_prevents_it_is_trained(session: Session) -> None:
    """The actions that prevent a finding were followed only from a finding the starting point shows, not from the
    starting point itself, so the pathway from the drop of the pelvis said nothing about training."""
    pathway = build_pathway(session, "bekkenfall mot motsatt side", "nb")
    squat = next(e for e in pathway.exercises if e.exercise.name.text == "enbens knebøy med hoftekontroll")
    route = squat.why[0].links
    assert [link.relation.iri for link in route] == [iris.PREVENTS, iris.TRAINS_ACTION]
    assert route[0].target.name.text == "bekkenfall mot motsatt side" and "forhindrer" in route[0].sentence
    assert "trener bekkenstabilisering" in route[-1].sentence
    _all_sourced(pathway)
    assert "Kilden sier ingenting" not in render_text(pathway, 100).split("Øvelser som trener det som er involvert")[1]


def test_gluteal_tendinopathy_missed_what_gluteus_minimus_tendinopathy_shows_and_is_mistaken_for(session: Session) -> None:
    """The same gap as for trigger points, in what the term shows and how to tell it apart: the narrower kind's lateral
    hip pain and its look-alikes were stated but not shown from the broader tendinopathy."""
    pathway = build_pathway(session, "gluteal tendinopati", "nb")
    kind = "gluteus minimus-tendinopati"
    shown = {chain.end.name.text: chain for chain in pathway.shows_narrower}
    assert "smerte på utsiden av hoften" in shown and shown["smerte på utsiden av hoften"].links[0].strength == "can"
    assert all(chain.narrower is not None and chain.narrower.name.text == kind for chain in pathway.shows_narrower)
    assert "smerte på utsiden av hoften" not in {link.target.name.text for link in pathway.shows}
    differential = next(d for d in pathway.differentials if d.condition.name.text == kind)
    assert differential.presents is not None and differential.presents.sentence == "Gluteus minimus-tendinopati er en type gluteal tendinopati"
    assert {"trokanterbursitt", "lumbal referert smerte"} <= {link.target.name.text for link in differential.look_alikes}
    text = " ".join(render_text(pathway, 100).split())
    shows = text.split("Hva det gir og hvor")[1].split("Slik skiller du det fra andre tilstander")[0]
    under = shows.split("Ved gluteus minimus-tendinopati (en type gluteal tendinopati):")[1]
    assert "Gluteus minimus-tendinopati kan gi smerte på utsiden av hoften [kan]" in under
    _all_sourced(pathway)
    # a narrower kind that only inherits its look-alikes adds no differential of its own
    trigger = build_pathway(session, "triggerpunkter", "nb")
    assert [d.condition.name.text for d in trigger.differentials] == ["triggerpunktsmerte fra gluteus minimus"]


def test_negative_lasegue_said_nothing_on_telling_apart_though_it_tells_trigger_point_pain_from_sciatica(session: Session) -> None:
    for name in ("negativ Lasègues test", "fravær av nevrologiske utfall"):
        pathway = build_pathway(session, name, "nb")
        assert [d.condition.name.text for d in pathway.differentials] == ["triggerpunktsmerte fra gluteus minimus"]
        differential = pathway.differentials[0]
        assert differential.presents is not None and differential.presents.strength == "examination"
        assert differential.presents.target.name.text == name
        assert "isjias" in {link.target.name.text for link in differential.look_alikes}
        # the starting point heads the differential and is not repeated among the other distinguishing findings
        assert name not in {link.target.name.text for link in differential.distinguishing}
        assert "differentials" not in pathway.empty_sections()
        # a finding that tells a condition apart is no cause: it reaches no exercise
        assert pathway.exercises == ()


@pytest.mark.parametrize("width", [80, 60, 40])
def test_copy_paste_command_in_pathway_text_was_broken_across_lines(session: Session, width: int) -> None:
    """'se forløpet: gluteonto --lang nb forløp⏎ 'greater trochanteric pain syndrome'': each command to copy stays whole
    on one line (on its own line when the rest of the line has no room), at any width."""
    pathway = build_pathway(session, "smerte på utsiden av hoften", "nb")
    assert pathway.elsewhere
    lines = render_text(pathway, width).splitlines()
    for chain in pathway.elsewhere:
        command = f"gluteonto --lang nb forløp '{chain.end.name.text}'"
        assert any(command in line for line in lines), (command, width)
    if width >= 60:  # (at 40 a heading may be longer than the line)
        assert all(len(line) <= width for line in lines if "gluteonto" not in line)
