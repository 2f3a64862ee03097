"""Build a :class:`~gluteonto.pathway.model.Pathway` with SPARQL over the loaded ontology.

Two queries read every stated clinical, exercise and action link (with its sources, either-or
flag and qualifier) and the class hierarchy; the pathway is then walked over those links by
relation kind, never by particular terms, so any change to the axioms changes the pathway.

>>> from gluteonto import Session                                   # doctest: +SKIP
>>> build_pathway(Session(), "Trendelenburg sign", "nb").behind[0]   # doctest: +SKIP
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from rdflib import URIRef

from .. import iris
from ..card.build import card_index
from ..card.index import CardIndex
from ..card.model import Name, Source, TermRef
from ..card.phrases import capitalize, pieces, template_for
from ..i18n import MessageError, msg, ui
from ..terms import literal
from ..vocab import IAO_DEFINITION, RDFS
from .model import Chain, Differential, ExerciseStep, Link, Pathway, ProgrammeStep

if TYPE_CHECKING:
    from ..query.session import Session

__all__ = ["RELATIONS", "build_pathway", "starting_points"]

AFFECTS, COMMONLY_AFFECTS = iris.AFFECTS, iris.COMMONLY_AFFECTS
HAS_FEATURE, TYPICALLY_HAS_FEATURE, MAY_HAVE_FEATURE = iris.HAS_FEATURE, iris.TYPICALLY_HAS_FEATURE, iris.MAY_HAVE_FEATURE
DISTINGUISHING = iris.HAS_DISTINGUISHING_FEATURE
HAS_RISK_FACTOR, IS_RISK_FACTOR_OF = iris.HAS_RISK_FACTOR, iris.IS_RISK_FACTOR_OF
POPULATION, ASSOCIATED = iris.HAS_POPULATION_AT_INCREASED_RISK, iris.ASSOCIATED_WITH
RESULTS_IN, MAY_RESULT_IN, CONTRIBUTES_TO = iris.RESULTS_IN, iris.MAY_RESULT_IN, iris.CONTRIBUTES_TO
MISTAKEN_FOR = iris.MAY_BE_MISTAKEN_FOR
TARGETS, AVOIDS_COMPENSATION, HAS_CAUTION = iris.TARGETS, iris.AVOIDS_COMPENSATION_BY, iris.HAS_CAUTION
INDICATED_FOR, TRAINS = iris.INDICATED_FOR, iris.TRAINS_ACTION
START_FOR, PROGRESSES_TO, AVOID_IN = iris.RECOMMENDED_START_FOR, iris.PROGRESSES_TO, iris.CONTRAINDICATED_IN
PROGRESS_WHEN, RECOMMENDED_IN = iris.PROGRESSES_WHEN, iris.RECOMMENDED_IN
HAS_AGENT, PREVENTS = iris.HAS_AGENT, iris.PREVENTS
RESULT_OF_TEST, STATE_AFTER = iris.RESULT_OF_TEST, iris.STATE_AFTER
PART_OF = iris.PART_OF
_T = TypeVar("_T")
_QUALIFIER = iris.QUALIFIER

#: relation IRI → strength of the link (see docs/design.md, "Qualified statements")
RELATIONS: dict[str, str] = {
    RESULTS_IN: "always",
    HAS_FEATURE: "always",
    AFFECTS: "always",
    DISTINGUISHING: "examination",
    STATE_AFTER: "always",
    RESULT_OF_TEST: "always",
    TYPICALLY_HAS_FEATURE: "typically",
    COMMONLY_AFFECTS: "often",
    MAY_RESULT_IN: "can",
    MAY_HAVE_FEATURE: "can",
    MISTAKEN_FOR: "can",
    CONTRIBUTES_TO: "contributes",
    HAS_RISK_FACTOR: "risk",
    IS_RISK_FACTOR_OF: "risk",
    POPULATION: "population",
    ASSOCIATED: "associated",
    TARGETS: "stated",
    AVOIDS_COMPENSATION: "stated",
    HAS_CAUTION: "stated",
    INDICATED_FOR: "stated",
    TRAINS: "stated",
    START_FOR: "stated",
    PROGRESSES_TO: "stated",
    AVOID_IN: "stated",
    PROGRESS_WHEN: "stated",
    RECOMMENDED_IN: "stated",
    HAS_AGENT: "stated",
    PREVENTS: "stated",
    PART_OF: "always",
}
CAUSES = (RESULTS_IN, MAY_RESULT_IN, CONTRIBUTES_TO)
FEATURES = (HAS_FEATURE, TYPICALLY_HAS_FEATURE, MAY_HAVE_FEATURE)
STRUCTURES = (AFFECTS, COMMONLY_AFFECTS)
#: how far chains of causes and consequences are followed
DEPTH = 3

_LINKS = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?subject ?relation ?object ?alternative ?source ?qualifier WHERE {
  VALUES ?relation { RELATIONS }
  ?subject rdfs:subClassOf ?restriction .
  ?restriction owl:onProperty ?relation ; owl:someValuesFrom/(owl:unionOf/rdf:rest*/rdf:first)? ?object .
  FILTER(isIRI(?subject) && isIRI(?object))
  OPTIONAL { ?restriction owl:someValuesFrom/owl:unionOf ?alternatives . BIND(true AS ?alternative) }
  OPTIONAL { ?axiom owl:annotatedSource ?subject ; owl:annotatedProperty rdfs:subClassOf ; owl:annotatedTarget ?restriction ;
                    dcterms:source ?source . }
  OPTIONAL { ?said owl:annotatedSource ?subject ; owl:annotatedProperty rdfs:subClassOf ; owl:annotatedTarget ?restriction ;
                   <QUALIFIER> ?qualifier . FILTER(lang(?qualifier) = ?lang) }
}""".replace("RELATIONS", " ".join(f"<{iri}>" for iri in RELATIONS)).replace("QUALIFIER", _QUALIFIER)

_HIERARCHY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?child ?parent WHERE { ?child rdfs:subClassOf ?parent . FILTER(isIRI(?child) && isIRI(?parent)) }"""


@dataclass(frozen=True)
class _Edge:
    subject: str
    relation: str
    object: str
    alternative: bool
    sources: tuple[str, ...]
    qualifier: str


class _Links:
    """Every stated link by subject and by object, and the class hierarchy, read with two SPARQL queries."""

    def __init__(self, session: Session, lang: str) -> None:
        grouped: dict[tuple[str, str, str], tuple[bool, set[str], str]] = {}
        rows = session.engine.query(_LINKS, {"lang": literal(lang)}).cells
        for subject, relation, obj, alternative, source, qualifier in rows:
            if subject is None or relation is None or obj is None:
                continue
            key = (subject.value, relation.value, obj.value)
            alt, sources, said = grouped.get(key, (False, set(), ""))
            if source is not None:
                sources.add(source.value)
            grouped[key] = (alt or alternative is not None, sources, said or (qualifier.value if qualifier else ""))
        self.out: dict[str, list[_Edge]] = defaultdict(list)
        self.into: dict[str, list[_Edge]] = defaultdict(list)
        for (subject_iri, relation_iri, object_iri), (alt, sources, said) in sorted(grouped.items()):
            edge = _Edge(subject_iri, relation_iri, object_iri, alt, tuple(sorted(sources)), said)
            self.out[subject_iri].append(edge)
            self.into[object_iri].append(edge)
        self.parents: dict[str, list[str]] = defaultdict(list)
        self.children: dict[str, list[str]] = defaultdict(list)
        for child, parent in session.engine.query(_HIERARCHY).cells:
            if child is not None and parent is not None and child.value != parent.value:
                self.parents[child.value].append(parent.value)
                self.children[parent.value].append(child.value)

    def ancestors(self, term: str) -> list[str]:
        """Named ancestors, nearest first."""
        seen, order, frontier = {term}, [], [term]
        while frontier:
            frontier = [p for t in frontier for p in sorted(self.parents.get(t, [])) if p not in seen and not seen.add(p)]  # type: ignore[func-returns-value]
            order += frontier
        return order

    def descendants(self, term: str) -> list[str]:
        """Named descendants, nearest first."""
        seen, order, frontier = {term}, [], [term]
        while frontier:
            frontier = [c for t in frontier for c in sorted(self.children.get(t, [])) if c not in seen and not seen.add(c)]  # type: ignore[func-returns-value]
            order += frontier
        return order

    def stated(self, term: str, relations: Iterable[str]) -> list[tuple[_Edge, str | None]]:
        """Links from ``term`` or inherited from its ancestors: (edge, ancestor it is stated on or None)."""
        wanted = set(relations)
        found: list[tuple[_Edge, str | None]] = []
        seen: set[tuple[str, str]] = set()
        for holder in [term, *self.ancestors(term)]:
            for edge in self.out.get(holder, []):
                if edge.relation in wanted and (edge.relation, edge.object) not in seen:
                    seen.add((edge.relation, edge.object))
                    found.append((edge, None if holder == term else holder))
        return found

    def pointing(self, term: str, relations: Iterable[str]) -> list[_Edge]:
        """Links stated towards ``term``."""
        wanted = set(relations)
        return [edge for edge in self.into.get(term, []) if edge.relation in wanted]

    def pointing_kinds(self, term: str, relations: Iterable[str]) -> list[tuple[_Edge, str]]:
        """Links stated towards a broader kind of ``term``: (edge, the ancestor it points to), nearest first."""
        wanted = tuple(relations)
        return [(edge, holder) for holder in self.ancestors(term) for edge in self.pointing(holder, wanted)]


class _Builder:
    def __init__(self, session: Session, index: CardIndex, links: _Links, iri: str, lang: str) -> None:
        self.session, self.ix, self.g, self.iri, self.lang = session, index, links, iri, lang
        self.refs: dict[str, TermRef] = {}

    # -- pieces ---------------------------------------------------------------------------
    def ref(self, iri: str) -> TermRef:
        if iri not in self.refs:
            self.refs[iri] = self.ix.ref(URIRef(iri), self.lang)
        return self.refs[iri]

    def sources(self, iris: Iterable[str]) -> tuple[Source, ...]:
        return self.ix.source_list((URIRef(i) for i in iris), self.lang)

    def link(self, edge: _Edge, subject: str | None = None, via: str | None = None, *, target_kind: str | None = None) -> Link:
        """``edge`` as a sentence; ``subject`` replaces the stated subject when it inherits the statement from ``via``;
        ``target_kind`` replaces the stated object, which is a broader kind of it (named in ``as_kind``)."""
        obj = target_kind or edge.object
        subj, target, prop = self.ref(subject or edge.subject), self.ref(obj), self.ref(edge.relation)
        template = template_for(edge.relation, prop.name.text, self.lang)
        text = capitalize(template.format(s=subj.name.text, o=target.name.text))
        return Link(
            subject=subj,
            relation=prop,
            target=target,
            sentence=text,
            strength=RELATIONS.get(edge.relation, "stated"),
            sources=self.sources(edge.sources),
            via=self.ref(via) if via else None,
            either_or=edge.alternative,
            qualifier=edge.qualifier,
            pieces=pieces(template, subj, target),
            as_kind=self.ref(edge.object) if target_kind else None,
        )

    def kind_of(self, term: str, ancestor: str) -> tuple[Link, ...]:
        """The stated is-a steps from ``term`` up to ``ancestor`` (empty when they are the same)."""
        path = [term]
        while path[-1] != ancestor:
            step = next((p for p in sorted(self.g.parents.get(path[-1], [])) if p == ancestor or ancestor in self.g.ancestors(p)), None)
            if step is None:
                return ()
            path.append(step)
        links = []
        for child, parent in zip(path, path[1:], strict=False):
            subj, target = self.ref(child), self.ref(parent)
            template = msg("sentence.is a", self.lang)
            links.append(
                Link(
                    subject=subj,
                    relation=TermRef(str(RDFS.subClassOf), "rdfs:subClassOf", Name(template, self.lang), "external", False),
                    target=target,
                    sentence=capitalize(template.format(s=subj.name.text, o=target.name.text)),
                    strength="always",
                    sources=self.ix.sources_of(URIRef(child), RDFS.subClassOf, URIRef(parent), self.lang),
                    pieces=pieces(template, subj, target),
                )
            )
        return tuple(links)

    def own(self, term: str, relations: Iterable[str]) -> list[Link]:
        """Links stated on ``term`` or inherited by it (the inherited ones read with ``term`` as subject)."""
        return [self.link(edge, term if via else None, via) for edge, via in self.g.stated(term, relations)]

    # -- sections -------------------------------------------------------------------------
    def aspects(self) -> list[tuple[str, tuple[Link, ...]]]:
        """The starting point and what stands for it: the state after a procedure, the result of a test,
        a disorder or finding of a structure. Each with the link that ties it to the starting point."""
        found: list[tuple[str, tuple[Link, ...]]] = [(self.iri, ())]
        for edge in self.g.pointing(self.iri, (STATE_AFTER, RESULT_OF_TEST)):
            found.append((edge.subject, (self.link(edge),)))
        if self.ix.is_anatomy(URIRef(self.iri)):
            parts = [self.iri, *(e.subject for e in self.g.pointing(self.iri, (PART_OF,)))]
            for part in parts:
                for edge in self.g.pointing(part, STRUCTURES):
                    if all(edge.subject != seen for seen, _chain in found):
                        found.append((edge.subject, (self.link(edge),)))
        return found

    def causes(self, term: str, prefix: tuple[Link, ...], depth: int, seen: frozenset[str]) -> list[Chain]:
        """What leads to ``term``: chains of stated cause links, each from ``term`` back to a cause."""
        chains: list[Chain] = []
        for edge in self.g.pointing(term, CAUSES):
            if edge.subject in seen:
                continue
            chain = (*prefix, self.link(edge))
            chains.append(Chain(chain, self.ref(edge.subject)))
            if depth > 1:
                chains += self.causes(edge.subject, chain, depth - 1, seen | {edge.subject})
        return chains

    def narrower(self, chains_of: Callable[[list[tuple[str, tuple[Link, ...]]]], list[Chain]]) -> list[Chain]:
        """What narrower kinds of the starting point state of their own, each chain marked with the kind it holds for.
        Statements a kind inherits from the starting point, its ancestors or a kind in between are left out."""
        found: list[Chain] = []
        for kind in self.g.descendants(self.iri):
            inherited = set(self.g.ancestors(kind))
            for chain in chains_of([(kind, ())]):
                first = chain.links[0]
                said_of = first.via or first.as_kind
                if said_of is None or said_of.iri not in inherited:
                    found.append(Chain(chain.links, chain.end, self.ref(kind)))
        return found

    def behind(self, aspects: list[tuple[str, tuple[Link, ...]]]) -> list[Chain]:
        return _unique([*self.behind_of(aspects), *self.narrower(self.behind_of)])

    def behind_of(self, aspects: list[tuple[str, tuple[Link, ...]]]) -> list[Chain]:
        chains: list[Chain] = []
        for term, prefix in aspects:
            chains += self.causes(term, prefix, DEPTH, frozenset({term}))
            for edge in self.g.pointing(term, FEATURES):
                chains.append(Chain((*prefix, self.link(edge)), self.ref(edge.subject)))
            for link in self.own(term, (HAS_RISK_FACTOR, POPULATION)):
                chain = (*prefix, link)
                chains.append(Chain(chain, link.target))
                chains += self.causes(link.target.iri, chain, DEPTH - 1, frozenset({term, link.target.iri}))
            for edge in self.g.pointing(term, (IS_RISK_FACTOR_OF,)):
                chains.append(Chain((*prefix, self.link(edge)), self.ref(edge.subject)))
        return _unique(chains)

    def consequences(self, term: str, prefix: tuple[Link, ...], depth: int, seen: frozenset[str]) -> list[Chain]:
        """What ``term`` leads to, is a risk factor of, or is seen together with: chains outwards."""
        chains: list[Chain] = []
        steps = [(link, link.target.iri) for link in self.own(term, (*CAUSES, ASSOCIATED, IS_RISK_FACTOR_OF))]
        steps += [(self.link(edge), edge.subject) for edge in self.g.pointing(term, (HAS_RISK_FACTOR, ASSOCIATED))]
        # "X has risk factor D" read backwards for a kind of D, which is a risk factor as a D (said so in as_kind)
        steps += [(self.link(edge, target_kind=term), edge.subject) for edge, _kind in self.g.pointing_kinds(term, (HAS_RISK_FACTOR,))]
        for link, far in steps:
            if far in seen:
                continue
            chain = (*prefix, link)
            chains.append(Chain(chain, self.ref(far)))
            if link.relation.iri == ASSOCIATED:
                continue
            # what the consequence does to the body (e.g. atrophy often affects the anterior segment)
            chains += [Chain((*chain, where), where.target) for where in self.own(far, STRUCTURES) if where.via is None]
            if depth > 1:
                chains += self.consequences(far, chain, depth - 1, seen | {far})
        return chains

    def leads_to(self, aspects: list[tuple[str, tuple[Link, ...]]]) -> list[Chain]:
        return _unique([*self.leads_to_of(aspects), *self.narrower(self.leads_to_of)])

    def leads_to_of(self, aspects: list[tuple[str, tuple[Link, ...]]]) -> list[Chain]:
        chains: list[Chain] = []
        for term, prefix in aspects:
            chains += self.consequences(term, prefix, DEPTH, frozenset({term}))
        return chains

    def shows(self, aspects: list[tuple[str, tuple[Link, ...]]]) -> list[Link]:
        found: list[Link] = []
        for term, _prefix in aspects:
            links = self.own(term, (*FEATURES, *STRUCTURES, RESULT_OF_TEST))
            direct = {link.relation.iri for link in links if link.via is None}
            # a broader kind's structure ("affects some muscle") says less than the term's own
            found += [link for link in links if link.via is None or link.relation.iri not in STRUCTURES or not direct & set(STRUCTURES)]
        return _unique(found)

    def shows_narrower(self) -> list[Chain]:
        """What narrower kinds of the starting point show or affect, stated on them (each marked with its kind)."""
        found = []
        for kind in self.g.descendants(self.iri):
            for link in self.own(kind, (*FEATURES, *STRUCTURES, RESULT_OF_TEST)):
                if link.via is None:
                    found.append(Chain((link,), link.target, self.ref(kind)))
        return found

    def differential(self, condition: str, presents: Link | None) -> Differential:
        look_alikes = self.own(condition, (MISTAKEN_FOR,))
        look_alikes += [self.link(edge) for edge in self.g.pointing(condition, (MISTAKEN_FOR,))]
        look_alikes = _unique_by(look_alikes, lambda link: frozenset((link.subject.iri, link.target.iri)))
        distinguishing = self.own(condition, (DISTINGUISHING,))
        for other in look_alikes:
            far = other.target.iri if other.subject.iri == condition else other.subject.iri
            distinguishing += self.own(far, (DISTINGUISHING,))
        if presents is not None:  # told apart by the starting point: it heads the differential, once
            distinguishing = [d for d in distinguishing if (d.subject.iri, d.target.iri) != (presents.subject.iri, presents.target.iri)]
        tests = [t for d in distinguishing for t in self.own(d.target.iri, (RESULT_OF_TEST,))]
        return Differential(self.ref(condition), presents, tuple(_unique(look_alikes)), tuple(_unique(distinguishing)), tuple(_unique(tests)))

    def differentials(self, aspects: list[tuple[str, tuple[Link, ...]]]) -> list[Differential]:
        found: list[Differential] = []
        for term, _prefix in aspects:
            own = self.differential(term, None)
            if own.look_alikes or own.distinguishing:
                found.append(own)
            for edge in self.g.pointing(term, FEATURES):
                found.append(self.differential(edge.subject, self.link(edge)))
            # a finding that tells a condition apart from its look-alikes (a negative Lasègue test)
            for edge in self.g.pointing(term, (DISTINGUISHING,)):
                found.append(self.differential(edge.subject, self.link(edge)))
        # a narrower kind's own look-alikes and distinguishing findings, introduced by the is-a step to it
        for kind in self.g.descendants(self.iri):
            stated = self.differential(kind, self.kind_of(kind, self.iri)[0])
            look_alikes = tuple(link for link in stated.look_alikes if link.via is None)
            distinguishing = tuple(link for link in stated.distinguishing if link.via is None)
            if look_alikes or distinguishing:
                tests = tuple(t for t in stated.tests if any(t.subject.iri == d.target.iri for d in distinguishing))
                found.append(Differential(stated.condition, stated.presents, look_alikes, distinguishing, tests))
        seen: set[str] = set()
        return [d for d in found if not (d.condition.iri in seen or seen.add(d.condition.iri))]  # type: ignore[func-returns-value]

    def assess(self, aspects: list[tuple[str, tuple[Link, ...]]]) -> list[Chain]:
        found: list[Chain] = []
        for term, prefix in aspects:
            for holder in [term, *self.g.ancestors(term)]:
                for edge in self.g.pointing(holder, (RECOMMENDED_IN,)):
                    chain = (*prefix, *self.kind_of(term, holder), self.link(edge))
                    found.append(Chain(chain, self.ref(edge.subject)))
                    # its kinds (gait, footwear …) are what is assessed; each inherits the recommendation
                    for kind in self.g.descendants(edge.subject):
                        found.append(Chain((*chain, *reversed(self.kind_of(kind, edge.subject))), self.ref(kind)))
        return _unique(found)

    def programme(self, aspects: list[tuple[str, tuple[Link, ...]]]) -> list[ProgrammeStep]:
        steps: list[ProgrammeStep] = []
        for term, _prefix in aspects:
            for holder in [term, *self.g.ancestors(term)]:
                kind = self.kind_of(term, holder)
                for edge in self.g.pointing(holder, (START_FOR,)):
                    steps.append(ProgrammeStep("start", self.link(edge), kind))
                    steps += [ProgrammeStep("then", link) for link in self.own(edge.subject, (PROGRESSES_TO,))]
                    steps += [ProgrammeStep("move on when", link) for link in self.own(edge.subject, (PROGRESS_WHEN,))]
                for edge in self.g.pointing(holder, (AVOID_IN,)):
                    steps.append(ProgrammeStep("avoid", self.link(edge), kind))
        order = {"start": 0, "then": 1, "move on when": 2, "avoid": 3}
        unique = _unique_by(steps, lambda s: (s.stage, s.link.subject.iri + s.link.target.iri))
        return sorted(unique, key=lambda s: order[s.stage])

    # -- exercises ------------------------------------------------------------------------
    def concrete(self, kind: str) -> list[str]:
        """``kind`` itself when it has no subclasses, else its leaf subclasses."""
        leaves = [d for d in self.g.descendants(kind) if not self.g.children.get(d)]
        return leaves or [kind]

    def exercises_for(self, relations: tuple[str, ...], focus: str) -> list[tuple[str, Link]]:
        """(concrete exercise, the link from it or its kind to ``focus``) for exercises linked to ``focus``."""
        found: list[tuple[str, Link]] = []
        for edge in self.g.pointing(focus, relations):
            for exercise in self.concrete(edge.subject):
                via = edge.subject if exercise != edge.subject else None
                found.append((exercise, self.link(edge, exercise if via else None, via)))
        return found

    def exercises(
        self, aspects: list[tuple[str, tuple[Link, ...]]], behind: list[Chain], leads_to: list[Chain], programme: list[ProgrammeStep]
    ) -> list[ExerciseStep]:
        why: dict[str, list[Chain]] = defaultdict(list)
        keys: dict[str, set[tuple[tuple[str, str, str], ...]]] = defaultdict(set)
        order: list[str] = []

        def add(exercise: str, chain: tuple[Link, ...]) -> None:
            if exercise not in why:
                order.append(exercise)
            key = tuple((link.subject.iri, link.relation.iri, link.target.iri) for link in chain)
            if key not in keys[exercise]:
                keys[exercise].add(key)
                why[exercise].append(Chain(chain, self.ref(exercise)))

        for term, prefix in aspects:
            for holder in [term, *self.g.ancestors(term)]:
                for exercise, link in self.exercises_for((INDICATED_FOR,), holder):
                    add(exercise, (*prefix, *self.kind_of(term, holder), link))
        # the structures involved: those the starting point, its causes and its consequences affect
        reached: list[tuple[str, tuple[Link, ...]]] = list(aspects)
        reached += [
            (chain.end.iri, chain.links) for chain in (*behind, *leads_to) if chain.narrower is None and chain.links[-1].relation.iri not in FEATURES
        ]
        for term, prefix in reached:
            for link in self.own(term, STRUCTURES):
                structure = link.target.iri
                for focus, step in [(structure, ()), *((e.subject, (self.link(e),)) for e in self.g.pointing(structure, (PART_OF,)))]:
                    for exercise, target in self.exercises_for((TARGETS,), focus):
                        add(exercise, (*prefix, link, *step, target))
            # the actions that prevent what the starting point is or shows
            for finding, step in [(term, ()), *((feature.target.iri, (feature,)) for feature in self.own(term, FEATURES))]:
                for edge in self.g.pointing(finding, (PREVENTS,)):
                    for action in [edge.subject, *self.g.descendants(edge.subject)]:
                        prevents = self.link(edge, action if action != edge.subject else None, edge.subject if action != edge.subject else None)
                        for exercise, trains in self.exercises_for((TRAINS,), action):
                            add(exercise, (*prefix, *step, prevents, trains))
        kinds = {s.link.subject.iri: s for s in programme if s.stage in ("start", "avoid")}
        kinds.update({s.link.target.iri: s for s in programme if s.stage == "then"})
        steps = []
        for exercise in order:
            lineage = {exercise, *self.g.ancestors(exercise)}
            steps.append(
                ExerciseStep(
                    exercise=self.ref(exercise),
                    why=tuple(why[exercise]),
                    targets=tuple(self.own(exercise, (TARGETS,))),
                    trains=tuple(self.own(exercise, (TRAINS,))),
                    cautions=tuple(self.own(exercise, (HAS_CAUTION,))),
                    compensation=tuple(self.own(exercise, (AVOIDS_COMPENSATION,))),
                    indicated=tuple(self.own(exercise, (INDICATED_FOR,))),
                    stage=tuple(step for kind, step in kinds.items() if kind in lineage),
                    programme_known=bool(programme),
                )
            )
        return steps

    def pathway(self) -> Pathway:
        aspects = self.aspects()
        behind, leads_to = self.behind(aspects), self.leads_to(aspects)
        programme = self.programme(aspects)
        exercises = self.exercises(aspects, behind, leads_to, programme)
        differentials = self.differentials(aspects)
        definition = self.definition()
        parents = self.g.parents.get(self.iri, [])
        return Pathway(
            term=self.ref(self.iri),
            lang=self.lang,
            kind=self.ref(sorted(parents)[0]) if parents else None,
            definition=definition[0],
            definition_sources=definition[1],
            aspects=tuple(link for _term, chain in aspects for link in chain),
            behind=tuple(behind),
            leads_to=tuple(leads_to),
            shows=tuple(self.shows(aspects)),
            shows_narrower=tuple(self.shows_narrower()),
            differentials=tuple(differentials),
            assess=tuple(self.assess(aspects)),
            programme=tuple(programme),
            exercises=tuple(exercises),
            elsewhere=tuple(self.elsewhere(behind, leads_to, differentials)) if not exercises else (),
        )

    def trained(self, condition: str) -> bool:
        """Whether the source states a programme stage or an indicated exercise for ``condition`` or a broader kind of it."""
        holders = [condition, *self.g.ancestors(condition)]
        return any(self.g.pointing(holder, (START_FOR, AVOID_IN, INDICATED_FOR)) for holder in holders)

    def elsewhere(self, behind: list[Chain], leads_to: list[Chain], differentials: list[Differential]) -> list[Chain]:
        """The conditions behind the starting point, presenting with it or following from it that the source ties
        training to: each with the chain that reaches it (the starting point's own pathway holds none of it)."""
        reached = [chain for chain in (*behind, *leads_to) if chain.narrower is None]
        reached += [Chain((d.presents,), d.condition) for d in differentials if d.presents is not None]
        found = [chain for chain in reached if chain.end.iri != self.iri and self.trained(chain.end.iri)]
        return _unique_by(sorted(found, key=lambda chain: len(chain.links)), lambda chain: chain.end.iri)

    def definition(self) -> tuple[Name | None, tuple[Source, ...]]:
        texts = self.ix.texts(URIRef(self.iri), IAO_DEFINITION)
        for lang in (self.lang, "en"):
            if lang in texts:
                from rdflib import Literal

                value = Literal(texts[lang][0], lang=lang)
                return (
                    Name(texts[lang][0], lang, fallback=lang != self.lang),
                    self.ix.sources_of(URIRef(self.iri), IAO_DEFINITION, value, self.lang),
                )
        return None, ()


def _unique(items: list[_T]) -> list[_T]:
    return list(dict.fromkeys(items))


def _unique_by(items: list[_T], key: Callable[[_T], Hashable]) -> list[_T]:
    """The first of ``items`` for each ``key``, in their order."""
    firsts: dict[Hashable, _T] = {}
    for item in items:
        firsts.setdefault(key(item), item)
    return list(firsts.values())


def build_pathway(session: Session, term: str | URIRef, lang: str = "en") -> Pathway:
    """The pathway from ``term`` (a label in nb/en/la, a CURIE or an IRI) in ``lang`` (``en`` or ``nb``).

    Unknown terms raise ``InputError`` (a :class:`~gluteonto.i18n.MessageError` with the lookup's words).
    """
    lang = ui(lang)
    iri = term if isinstance(term, URIRef) else session.resolve_term(str(term), lang=lang)
    index = card_index(session)
    if not index.knows(iri):
        raise MessageError(("not in ontology", {"value": str(term)}))
    return _Builder(session, index, _Links(session, lang), str(iri), lang).pathway()


#: relations whose ends are clinical starting points (a cause, a finding, a look-alike, a history, a stage's condition)
_CLINICAL = (
    *CAUSES,
    *FEATURES,
    HAS_RISK_FACTOR,
    IS_RISK_FACTOR_OF,
    ASSOCIATED,
    MISTAKEN_FOR,
    DISTINGUISHING,
    STATE_AFTER,
    RESULT_OF_TEST,
    INDICATED_FOR,
    START_FOR,
    AVOID_IN,
    RECOMMENDED_IN,
)


def starting_points(session: Session) -> list[URIRef]:
    """Classes a clinical pathway can start from: the clinical ends of the stated links (never anatomy or an exercise
    kind that is the subject of a training link), in IRI order."""
    links = _Links(session, "en")
    index = card_index(session)
    subjects_only = {RECOMMENDED_IN, INDICATED_FOR, START_FOR, AVOID_IN}
    found: set[str] = set()
    for edges in links.out.values():
        for edge in edges:
            if edge.relation not in _CLINICAL:
                continue
            found.add(edge.object)
            if edge.relation not in subjects_only:
                found.add(edge.subject)
    return sorted((URIRef(iri) for iri in found if not index.is_anatomy(URIRef(iri)) and index.kind(URIRef(iri)) == "class"), key=str)
