"""A question bank generated from the ontology's axioms.

Every item records the catalog question it comes from (``query``, ``params``) and which result
column and filter give its answer key, so the key can be recomputed by running that question.
Every wrong option records why the ontology shows it to be wrong (``why``):

* ``only``: the subject has a universal restriction on the property (``innervated by only …``)
  and the option is a named class of the same kind that is neither one of the allowed classes
  nor stated to be a branch of one of them;
* ``disjoint``: the option belongs to a kind that a disjointness axiom separates from the kind the
  question asks for (an artery offered where a nerve is asked for);
* ``contrast``: a sibling (another gluteal muscle) is stated to perform the movement, and no action
  of the subject or its parts has that movement.

An option that is merely not stated is never used as a wrong answer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from .. import iris
from ..card import card_index
from ..card.index import CardIndex
from ..i18n import ui
from ..vocab import OWL, RDF, RDFS, compact_iri
from .words import w

if TYPE_CHECKING:
    from ..query.session import Session

__all__ = ["Item", "Option", "build_bank", "disjoint_kinds", "kind_of"]

INNERVATED_BY, BRANCH_OF = URIRef(iris.INNERVATED_BY), URIRef(iris.BRANCHING_PART_OF)
PART_OF, CONNECTING_BRANCH_OF = URIRef(iris.PART_OF), URIRef(iris.CONNECTING_BRANCH_OF)
HAS_ROOT, HAS_CONTRIBUTING_ARTERY = URIRef(iris.HAS_ROOT_SEGMENT), URIRef(iris.HAS_CONTRIBUTING_ARTERY)
HAS_AGENT = URIRef(iris.HAS_AGENT)
SUPPLIES, ORIGIN, INSERTION = URIRef(iris.VESSEL_SUPPLIES_BLOOD_TO), URIRef(iris.HAS_MUSCLE_ORIGIN), URIRef(iris.HAS_MUSCLE_INSERTION)
LOCATED_IN, PASSES_THROUGH, RUNS_WITH = URIRef(iris.LOCATED_IN), URIRef(iris.PASSES_THROUGH), URIRef(iris.RUNS_WITH)
REQUIRES, ENHANCED_BY, OCCURS_DURING = URIRef(iris.REQUIRES_CONDITION), URIRef(iris.ENHANCED_BY_CONDITION), URIRef(iris.OCCURS_DURING)
GLUTEAL_MUSCLE, NERVE, ARTERY = URIRef(iris.GLUTEAL_MUSCLE), URIRef(iris.NERVE), URIRef(iris.ARTERY)
GLUTEUS_MINIMUS, ANASTOMOSIS, SPACE = URIRef(iris.GLUTEUS_MINIMUS), URIRef(iris.ARTERIAL_ANASTOMOSIS), URIRef(iris.ANATOMICAL_SPACE)


@dataclass
class Option:
    """One option of a choice item: ``why`` is empty for a right option, else the rule and terms showing it wrong."""

    iri: str
    text: str
    correct: bool
    feedback: str = ""
    why: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)  # IRIs of the sources of the axiom that shows it wrong


@dataclass
class Item:
    """One question: ``choice`` (one right), ``multi`` (several right), ``match`` (pairs), ``label`` (name the
    numbered boxes of a diagram) or ``short`` (typed answer).

    ``query`` and ``params`` name the catalog question whose answer is the key; ``column`` is the
    result column the key is read from, ``where`` the columns (and values) rows must have, and
    ``kind`` the kind (a class) the keys must belong to; ``also`` lists further parameter sets whose
    answers make up the key too. For ``match`` items ``column`` names the left column and ``right``
    the right one.
    """

    id: str
    type: str
    lang: str
    stem: str
    query: str
    params: dict[str, str]
    column: str
    source: str
    sources: list[str] = field(default_factory=list)  # IRIs of the sources the axioms behind the key cite
    options: list[Option] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    pair_iris: list[tuple[str, str]] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    right: str = ""
    where: dict[str, str] = field(default_factory=dict)
    kind: str = ""
    also: list[dict[str, str]] = field(default_factory=list)  # further parameter sets the key also comes from
    svg: str = ""  # the diagram of a ``label`` item (numbered boxes to name)

    def keys(self) -> list[str]:
        """IRIs (or, for short items, the texts) of the right answers."""
        if self.type == "short":
            return self.answers[:1]
        return [o.iri for o in self.options if o.correct]

    def to_json(self) -> dict[str, Any]:
        """The item as plain data (for the practice page and JSON export)."""
        return asdict(self)


def disjoint_kinds(session: Session) -> list[set[URIRef]]:
    """The member sets of the ontology's disjointness axioms (``owl:AllDisjointClasses`` and pairwise)."""
    result = session.sparql("""PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?set ?member WHERE {
  { ?set a owl:AllDisjointClasses ; owl:members/rdf:rest*/rdf:first ?member }
  UNION { ?member owl:disjointWith ?other BIND(?member AS ?set) } UNION { ?other owl:disjointWith ?member BIND(?other AS ?set) }
}""")
    sets: dict[Node, set[URIRef]] = {}
    for group, member in result.rows:
        if group is not None and isinstance(member, URIRef):
            sets.setdefault(group, set()).add(member)
    return [members for _g, members in sorted(sets.items(), key=lambda item: str(item[0])) if len(members) > 1]


def kind_of(ix: CardIndex, iri: URIRef, kinds: list[set[URIRef]]) -> URIRef | None:
    """The most specific member of a disjointness axiom that ``iri`` is (or is a subclass of)."""
    lineage = [iri] + [a for a, _c in sorted(ix.ancestors(iri), key=lambda pair: str(pair[0]))]
    members = set().union(*kinds) if kinds else set()
    depth = {a: len(ix.ancestors(a)) for a in lineage if a in members}
    return max(depth, key=lambda a: (depth[a], str(a))) if depth else None


class _Builder:
    def __init__(self, session: Session, lang: str) -> None:
        self.session = session
        self.lang = lang
        self.ix = card_index(session)
        self.kinds = disjoint_kinds(session)
        self.items: list[Item] = []

    # -- helpers ----------------------------------------------------------------------------
    def name(self, iri: Node, latin: bool = True) -> str:
        """Name in the bank's language, with the Latin name in brackets where the ontology has one."""
        text = self.ix.name(iri, self.lang).text
        found = self.ix.texts(iri, RDFS.label).get("la") if latin else None
        return f"{text} ({found[0]})" if found and found[0].casefold() != text.casefold() else text

    def plain(self, iri: Node) -> str:
        return self.ix.name(iri, self.lang).text

    def run(self, query: str, params: dict[str, str]) -> list[dict[str, Node]]:
        result = self.session.query(query, params)
        return [{v: c for v, c in zip(result.variables, row, strict=True) if c is not None} for row in result.rows]

    def source(self, *statements: tuple[Node, Node | None, Node]) -> tuple[str, list[str]]:
        """What the axioms behind ``statements`` cite: the line "Source: …" and the sources' IRIs.

        A statement ``(subject, prop, filler)`` is the axiom ``subject SubClassOf prop some filler`` (the filler
        named or one member of a union), or ``subject SubClassOf filler`` when ``prop`` is ``rdfs:subClassOf``;
        every ``dcterms:source`` on those axioms is cited (article sections, reference data, design notes),
        never a default.
        """
        found: dict[Node, None] = {}
        for subject, prop, filler in statements:
            if isinstance(filler, Literal) and prop is not None:  # an annotation: the label (subject, prop, filler) itself
                found.update(dict.fromkeys(self.ix.axiom_sources.get((subject, prop, filler), [])))
            for target in self.axiom_targets(subject, prop, filler):
                found.update(dict.fromkeys(self.ix.axiom_sources.get((subject, RDFS.subClassOf, target), [])))
        return self.cite(found)

    def cite(self, sources: Iterable[Node]) -> tuple[str, list[str]]:
        """The line "Source: …" naming ``sources`` (source individuals) in a stable order, and their IRIs."""
        cited = self.ix.source_list(sources, self.lang)
        text = w("source", self.lang, source="; ".join(dict.fromkeys(s.short for s in cited))) if cited else ""
        return text, [s.ref.iri for s in cited]

    def wrong(self, iri: URIRef, feedback: str, why: dict[str, str], sources: Iterable[Node]) -> Option:
        """A wrong option: ``feedback`` says why, followed by the sources of the axiom that shows it."""
        text, cited = self.cite(sources)
        return Option(str(iri), self.name(iri), False, f"{feedback} {text}".strip(), why, cited)

    def axiom_targets(self, subject: Node, prop: Node | None, filler: Node) -> list[Node]:
        """The superclass expressions of ``subject`` that state ``prop some filler`` (or ``filler`` itself)."""
        if prop == RDFS.subClassOf:
            return [filler] if filler in self.ix.values(subject, RDFS.subClassOf) else []
        if isinstance(filler, Literal):
            return []
        found = []
        for node in self.ix.values(subject, RDFS.subClassOf):
            if self.ix.value(node, OWL.onProperty) != prop:
                continue
            some = self.ix.value(node, OWL.someValuesFrom)
            if some == filler or (some is not None and filler in self.members(some)):
                found.append(node)
        return found

    def members(self, node: Node) -> list[Node]:
        """Members of an ``owl:unionOf`` list on ``node`` (empty if it has none)."""
        head, members = self.ix.value(node, OWL.unionOf), []
        while head is not None and head != RDF.nil:
            first = self.ix.value(head, RDF.first)
            if first is not None:
                members.append(first)
            head = self.ix.value(head, RDF.rest)
        return members

    def kind(self, iri: URIRef) -> URIRef | None:
        return kind_of(self.ix, iri, self.kinds)

    def disjoint(self, a: URIRef | None, b: URIRef | None) -> bool:
        return a is not None and b is not None and a != b and any(a in s and b in s for s in self.kinds)

    def agent_statements(self, action: Node, agent: Node, muscle: Node) -> list[tuple[Node, Node | None, Node]]:
        """The facts tying an action to a muscle: its agent, and the agent being part of the muscle if it is a part."""
        facts: list[tuple[Node, Node | None, Node]] = [(action, HAS_AGENT, agent)]
        return facts + ([(agent, PART_OF, muscle)] if agent != muscle else [])

    def add(self, item: Item) -> None:
        digest = hashlib.sha1(
            f"{item.query}|{sorted(item.params.items())}|{item.type}|{item.column}|{sorted(item.where.items())}|{item.kind}".encode()
        ).hexdigest()[:8]
        item.id = f"{item.query}-{digest}"
        self.items.append(item)

    def key_option(self, iri: URIRef) -> Option:
        return Option(str(iri), self.name(iri), True, w("right", self.lang))

    def disjoint_option(self, iri: URIRef, asked: URIRef | None) -> Option:
        mine = self.kind(iri)
        assert mine is not None and asked is not None, "offered only for kinds a disjointness axiom separates"
        result = self.session.sparql(
            """PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?source WHERE { ?set a owl:AllDisjointClasses ; owl:members/rdf:rest*/rdf:first ?a, ?b ; dcterms:source ?source }""",
            {"a": mine, "b": asked},
        )
        return self.wrong(
            iri,
            w("why disjoint", self.lang, option=self.plain(iri), option_kind=self.plain(mine), asked_kind=self.plain(asked)),
            {"rule": "disjoint", "option_kind": str(mine), "asked_kind": str(asked)},
            (r[0] for r in result.rows if r[0] is not None),
        )

    # -- items ------------------------------------------------------------------------------
    def subjects(self, prop: URIRef) -> list[URIRef]:
        return sorted({c for c in self.ix.terms("class") for p, _f, _n in self.ix.restrictions(c) if p == prop}, key=str)

    def nerve_items(self) -> None:
        for muscle in self.subjects(INNERVATED_BY):
            params = {"muscle": compact_iri(str(muscle))}
            rows = self.run("innervation", params)
            nerves = sorted({n for r in rows for n in [r.get("nerve")] if isinstance(n, URIRef)}, key=str)
            if not nerves:
                continue
            asked = self.kind(nerves[0])
            options = [self.key_option(n) for n in nerves]
            options += self.only_options(muscle, nerves, asked)
            for nerve in nerves:
                for row in self.run("course", {"structure": compact_iri(str(nerve))}):
                    other = row.get("structure_or_space")
                    if row.get("relation") == RUNS_WITH and isinstance(other, URIRef) and self.disjoint(self.kind(other), asked):
                        options.append(self.disjoint_option(other, asked))
            if len(options) > len(nerves):
                self.add(
                    Item(
                        "",
                        "choice" if len(nerves) == 1 else "multi",
                        self.lang,
                        w("which nerve", self.lang, muscle=self.name(muscle)),
                        "innervation",
                        params,
                        "nerve",
                        *self.source(*((muscle, INNERVATED_BY, n) for n in nerves)),
                        options=_unique(options),
                    )
                )
            codes = [str(r["segment"]) for r in rows if isinstance(r.get("segment"), Literal)]
            codes = sorted(set(codes), key=_segment_key)
            if codes and len(nerves) == 1:
                roots = [r["root"] for r in rows if "root" in r]
                self.add(
                    Item(
                        "",
                        "short",
                        self.lang,
                        w("which roots", self.lang, nerve=self.name(nerves[0]), muscle=self.name(muscle)),
                        "innervation",
                        params,
                        "segment",
                        *self.source((muscle, INNERVATED_BY, nerves[0]), *((nerves[0], HAS_ROOT, r) for r in roots)),
                        answers=[", ".join(codes), " ".join(codes), ",".join(codes), *_segment_range(codes)],
                    )
                )

    def only_options(self, subject: URIRef, keys: list[URIRef], asked: URIRef | None) -> list[Option]:
        """Named classes of the asked kind that the subject's ``innervated by only`` restriction rules out."""
        allowed = self.only_allowed(subject)
        if not allowed or asked is None:
            return []
        excluded = set(keys) | set(allowed)
        for key in keys:  # the key's own roots, the plexus it leaves and its ancestors are not offered
            excluded |= {f for p, f, _n in self.ix.restrictions(key) if p in (HAS_ROOT, BRANCH_OF, PART_OF)}
            excluded |= {a for a, _c in self.ix.ancestors(key)}
        options = []
        for cls in sorted(self.ix.descendants(asked), key=str):
            if not isinstance(cls, URIRef) or cls in excluded or self.ix.children(cls):
                continue
            lineage = {cls} | {a for a, _c in self.ix.ancestors(cls)}
            branches = {f for p, f, _n in self.ix.restrictions(cls) if p == BRANCH_OF}
            if lineage & set(allowed) or branches & set(allowed) or self.kind(cls) != asked:
                continue
            texts = " " + w("or", self.lang) + " "
            allowed_text = texts.join([self.plain(a) for a in allowed] + [w("a branch of", self.lang, name=self.plain(a)) for a in allowed])
            options.append(
                self.wrong(
                    cls,
                    w("why only", self.lang, subject=self.plain(subject), allowed=allowed_text),
                    {"rule": "only", "subject": str(subject), "property": str(INNERVATED_BY)},
                    self.only_sources(subject),
                )
            )
        return options

    def only_sources(self, subject: URIRef) -> list[Node]:
        """The sources of the axioms ``subject SubClassOf innervated_by only …``."""
        found: list[Node] = []
        for node in self.ix.values(subject, RDFS.subClassOf):
            if self.ix.value(node, OWL.onProperty) == INNERVATED_BY and self.ix.value(node, OWL.allValuesFrom) is not None:
                found += self.ix.axiom_sources.get((subject, RDFS.subClassOf, node), [])
        return found

    def only_allowed(self, subject: URIRef) -> list[URIRef]:
        """Named classes in ``subject SubClassOf innervated_by only (A or B or …)``."""
        result = self.session.sparql(
            """PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?allowed WHERE {
  ?subject rdfs:subClassOf [ owl:onProperty ?prop ; owl:allValuesFrom/(owl:unionOf/rdf:rest*/rdf:first)? ?allowed ] .
  FILTER(isIRI(?allowed))
}""",
            {"subject": subject, "prop": INNERVATED_BY},
        )
        return sorted((r[0] for r in result.rows if isinstance(r[0], URIRef)), key=str)

    def part_of_places(self, site: URIRef) -> list[tuple[URIRef, tuple[tuple[Node, Node | None, Node], ...]]]:
        """``site`` and every place it is stated to be part of (through ``part of`` restrictions, nearest first),
        each with the chain of ``part of`` facts that leads there."""
        found: dict[URIRef, tuple[tuple[Node, Node | None, Node], ...]] = {site: ()}
        queue = [site]
        while queue:
            here = queue.pop(0)
            for prop, whole, _n in sorted(self.ix.restrictions(here), key=lambda r: str(r[1])):
                if prop == PART_OF and isinstance(whole, URIRef) and whole not in found:
                    found[whole] = (*found[here], (here, PART_OF, whole))
                    queue.append(whole)
        return list(found.items())

    def attachment_item(self) -> None:
        """Match muscle attachments to sites: the stated site, or a place the ontology says it is part of.

        A site stated as part of a larger one (the origin area of gluteus minimus, part of the ilium) makes the
        larger one a right answer too, so both are provable for that attachment; a site whose name shares a word
        with the attachment's key word ("gluteus minimus origin area" for the origin) is provable but never offered.
        """
        candidates: list[_Candidate] = []
        runs = []
        for muscle in self.subjects(INSERTION):
            params = {"muscle": compact_iri(str(muscle))}
            runs.append(params)
            sites: dict[tuple[URIRef, str], None] = {}
            for row in self.run("origin-insertion", params):
                site, which = row.get("site"), str(row.get("attachment", ""))
                if isinstance(site, URIRef) and which in ("origin", "insertion"):
                    sites[(site, which)] = None
            for site, which in sites:
                attachment = w(which, self.lang)
                left = w("attachment", self.lang, muscle=self.plain(muscle), attachment=attachment)
                stated = (muscle, ORIGIN if which == "origin" else INSERTION, site)
                for place, path in self.part_of_places(site):
                    right = self.name(place)
                    offer = not _gives_away(attachment, right)  # the muscle's name is in every left side: not a clue
                    candidates.append(_Candidate(f"{muscle}|{which}", str(place), left, right, (stated, *path), offer))
        pairs, iris, statements = _one_provable(candidates)
        if len(pairs) >= 3:
            self.add(
                Item(
                    "",
                    "match",
                    self.lang,
                    w("attachments", self.lang),
                    "origin-insertion",
                    runs[0],
                    "attachment",
                    *self.source(*statements),
                    pairs=pairs,
                    pair_iris=iris,
                    right="site",
                    also=runs[1:],
                )
            )

    def space_items(self) -> None:
        spaces = sorted(
            {
                f
                for c in self.ix.terms("class")
                for p, f, _n in self.ix.restrictions(c)
                if p in (LOCATED_IN, PASSES_THROUGH) and isinstance(f, URIRef) and self.kind(f) == SPACE
            },
            key=str,
        )
        for space in spaces:
            params = {"space": compact_iri(str(space))}
            rows = [r for r in self.run("structures-in-space", params) if isinstance(r.get("structure"), URIRef)]
            found = {st: r.get("how") for r in rows for st in [r.get("structure")] if isinstance(st, URIRef)}
            by_kind: dict[URIRef, list[URIRef]] = {}
            for structure in found:
                kind = self.kind(structure)
                if kind is not None:
                    by_kind.setdefault(kind, []).append(structure)
            for asked in sorted(by_kind, key=str):
                keys = sorted(by_kind[asked], key=str)
                others = [s for k, ss in sorted(by_kind.items(), key=lambda i: str(i[0])) if self.disjoint(k, asked) for s in ss]
                if not others or asked not in (NERVE, ARTERY):
                    continue
                how = {found[k] for k in keys}
                stem_key = "which through" if how == {PASSES_THROUGH} else "which in space"
                kind_word = w(f"kind {'nerve' if asked == NERVE else 'artery'}", self.lang)
                options = [self.key_option(k) for k in keys] + [self.disjoint_option(o, asked) for o in sorted(others, key=str)]
                self.add(
                    Item(
                        "",
                        "choice" if len(keys) == 1 else "multi",
                        self.lang,
                        _sentence(w(stem_key, self.lang, kind=kind_word, space=self.name(space))),
                        "structures-in-space",
                        params,
                        "structure",
                        *self.source(*((k, found[k], space) for k in keys)),
                        options=options,
                        kind=str(asked),
                    )
                )

    def movement_items(self) -> None:
        muscle = GLUTEUS_MINIMUS
        params = {"muscle": compact_iri(str(muscle))}
        rows = self.run("muscle-actions", params)
        own = {r["movement"] for r in rows if "movement" in r}
        siblings = [m for m in sorted(self.ix.children(GLUTEAL_MUSCLE), key=str) if m != muscle]
        contrast: dict[URIRef, URIRef] = {}  # movement → the sibling stated to perform it
        stated: dict[URIRef, list[tuple[Node, Node | None, Node]]] = {}  # movement → the facts that say so
        for sibling in siblings:
            for row in self.run("muscle-actions", {"muscle": compact_iri(str(sibling))}):
                movement, act = row.get("movement"), row.get("action")
                if isinstance(movement, URIRef) and movement not in own and row.get("acting_part") == sibling and act is not None:
                    if contrast.setdefault(movement, sibling) == sibling:
                        stated.setdefault(movement, []).extend([(act, HAS_AGENT, sibling), (act, RDFS.subClassOf, movement)])
        for row in rows:
            movement, agent, needs = row.get("movement"), row.get("acting_part"), row.get("requires")
            if not (isinstance(movement, URIRef) and isinstance(agent, URIRef) and isinstance(needs, URIRef)) or not contrast:
                continue
            options = [self.key_option(movement)]
            for other, sibling in sorted(contrast.items(), key=str):
                options.append(
                    self.wrong(
                        other,
                        w("why contrast", self.lang, other=self.plain(sibling), subject=self.plain(muscle)),
                        {"rule": "contrast", "subject": str(muscle), "sibling": str(sibling)},
                        [URIRef(i) for i in self.source(*stated[other])[1]],
                    )
                )
            action = row["action"]
            self.add(
                Item(
                    "",
                    "choice",
                    self.lang,
                    w("which movement", self.lang, agent=self.name(agent), condition=self.plain(needs)),
                    "muscle-actions",
                    params,
                    "movement",
                    *self.source((action, RDFS.subClassOf, movement), *self.agent_statements(action, agent, muscle), (action, REQUIRES, needs)),
                    options=_unique(options),
                    where={"action": str(action), "requires": str(needs)},
                )
            )
        candidates: list[_Candidate] = []
        for row in rows:
            act, agent = row.get("action"), row.get("acting_part")
            for column, word, prop in (
                ("requires", "requires", REQUIRES),
                ("especially_when", "especially", ENHANCED_BY),
                ("during", "during", OCCURS_DURING),
            ):
                value = row.get(column)
                if isinstance(act, URIRef) and isinstance(agent, URIRef) and isinstance(value, URIRef):
                    text = w(word, self.lang, condition=self.plain(value))
                    facts = (*self.agent_statements(act, agent, muscle), (act, prop, value))
                    offer = not _gives_away(self.plain(act), self.plain(value))  # "… in single-leg stance" → "single-leg stance"
                    candidates.append(_Candidate(str(act), f"{column}|{value}", self.plain(act), text, facts, offer))
        pairs, iris, statements = _one_provable(candidates)
        if len(pairs) >= 3:
            self.add(
                Item(
                    "",
                    "match",
                    self.lang,
                    w("action conditions", self.lang, muscle=self.name(muscle)),
                    "muscle-actions",
                    params,
                    "action",
                    *self.source(*statements),
                    pairs=pairs,
                    pair_iris=iris,
                    right="requires|especially_when|during",
                )
            )

    def artery_items(self) -> None:
        muscle = GLUTEUS_MINIMUS
        params = {"muscle": compact_iri(str(muscle))}
        rows = self.run("arterial-supply", params)
        supplied: list[tuple[Node, Node | None, Node]] = []  # arteries supplying the muscle or a part of it (its distal part, its tendon)
        for r in rows:
            vessel, part = r.get("supplying_vessel"), r.get("supplied_part")
            if isinstance(vessel, URIRef) and isinstance(part, URIRef) and ARTERY in {vessel, *(a for a, _c in self.ix.ancestors(vessel))}:
                chain = dict(self.part_of_places(part)).get(muscle)
                if chain is not None:
                    supplied += [(vessel, SUPPLIES, part), *chain]
        keys = sorted({URIRef(str(s)) for s, p, _o in supplied if p == SUPPLIES}, key=str)
        if keys:
            self.vessel_item(w("which artery", self.lang, muscle=self.name(muscle)), "arterial-supply", params, "supplying_vessel", keys, supplied)
        for anastomosis in sorted(self.ix.descendants(ANASTOMOSIS), key=str):
            if not isinstance(anastomosis, URIRef):
                continue
            params = {"anastomosis": compact_iri(str(anastomosis))}
            rows = self.run("anastomosis-members", params)
            members = sorted({a for r in rows for a in [r.get("artery")] if isinstance(a, URIRef)}, key=str)
            if not members:
                continue
            statements = [(anastomosis, HAS_CONTRIBUTING_ARTERY, m) for m in members]
            self.vessel_item(
                w("anastomosis members", self.lang, anastomosis=self.name(anastomosis)), "anastomosis-members", params, "artery", members, statements
            )
            candidates = [
                _Candidate(
                    str(r["artery"]),
                    str(r["arises_from"]),
                    self.name(r["artery"]),
                    self.name(r["arises_from"]),
                    (
                        (anastomosis, HAS_CONTRIBUTING_ARTERY, r["artery"]),
                        (r["artery"], BRANCH_OF, r["arises_from"]),
                        (r["artery"], CONNECTING_BRANCH_OF, r["arises_from"]),
                    ),
                )
                for r in rows
                if "arises_from" in r
            ]
            pairs, pair_iris, origins = _one_provable(candidates)
            if len(pairs) >= 3:
                self.add(
                    Item(
                        "",
                        "match",
                        self.lang,
                        w("anastomosis origins", self.lang, anastomosis=self.name(anastomosis)),
                        "anastomosis-members",
                        params,
                        "artery",
                        *self.source(*origins),
                        pairs=pairs,
                        pair_iris=pair_iris,
                        right="arises_from",
                    )
                )

    def vessel_item(
        self,
        stem: str,
        query: str,
        params: dict[str, str],
        column: str,
        keys: list[URIRef],
        statements: Iterable[tuple[Node, Node | None, Node]],
        where: dict[str, str] | None = None,
    ) -> None:
        asked = self.kind(keys[0])
        options = [self.key_option(k) for k in keys]
        for key in keys:
            for row in self.run("course", {"structure": compact_iri(str(key))}):
                other = row.get("structure_or_space")
                if row.get("relation") == RUNS_WITH and isinstance(other, URIRef) and self.disjoint(self.kind(other), asked):
                    options.append(self.disjoint_option(other, asked))
        if asked is not None and len(_unique(options)) > len(keys):
            self.add(
                Item(
                    "",
                    "choice" if len(keys) == 1 else "multi",
                    self.lang,
                    stem,
                    query,
                    params,
                    column,
                    *self.source(*statements),
                    options=_unique(options),
                    where=where or {},
                    kind=str(asked),
                )
            )

    def label_item(self) -> None:
        """Name the numbered boxes of the innervation pathway of gluteus minimus: roots, plexus, nerve, muscle."""
        from ..site.diagrams import DiagramError, dot_available, inline_svg, render_svgs

        muscle = GLUTEUS_MINIMUS
        params = {"muscle": compact_iri(str(muscle))}
        rows = self.run("innervation", params)
        edges: dict[tuple[URIRef, URIRef], None] = {}
        place: dict[URIRef, tuple[int, str]] = {}  # roots first (by segment), then plexus, nerve, muscle
        for row in rows:
            chain = [row.get("root"), row.get("plexus"), row.get("nerve"), muscle]
            steps = [node for node in chain if isinstance(node, URIRef)]
            edges.update(dict.fromkeys(zip(steps, steps[1:], strict=False)))
            for depth, node in enumerate(chain):
                if isinstance(node, URIRef):
                    place.setdefault(node, (depth, str(row.get("segment", "")) if depth == 0 else str(node)))
        nodes = sorted(place, key=lambda node: place[node])
        if len(nodes) < 3 or dot_available() is None:
            return
        number = {node: str(i) for i, node in enumerate(nodes, 1)}
        lines = [
            'digraph "label" {',
            '  graph [rankdir=LR, bgcolor="transparent", nodesep=0.3, ranksep=0.5];',
            '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica,Arial,sans-serif", fontsize=14, width=0.6];',
        ]
        lines += [f'  n{number[n]} [label="{number[n]}"];' for n in nodes]
        lines += [f"  n{number[a]} -> n{number[b]};" for a, b in edges]
        try:
            svg = render_svgs(["\n".join(lines) + "\n}\n"])[0]
        except DiagramError:
            return
        stem = w("label diagram", self.lang, muscle=self.name(muscle))
        statements: list[tuple[Node, Node | None, Node]] = []
        for row in rows:
            nerve, root, plexus = row.get("nerve"), row.get("root"), row.get("plexus")
            if nerve is not None:
                statements.append((muscle, INNERVATED_BY, nerve))
                if plexus is not None:
                    statements.append((nerve, BRANCH_OF, plexus))
                if root is not None:
                    statements.append((nerve, HAS_ROOT, root))
        codes = {r.get("root"): str(r["segment"]) for r in rows if "segment" in r}
        pairs = [(number[n], f"{codes[n]}: {self.name(n)}" if n in codes else self.name(n)) for n in nodes]
        self.add(
            Item(
                "",
                "label",
                self.lang,
                stem,
                "innervation",
                params,
                "root|plexus|nerve",
                *self.source(*statements),
                pairs=pairs,
                pair_iris=[(number[n], str(n)) for n in nodes],
                right="name",
                svg=inline_svg(svg, "label", stem, stem),
            )
        )

    def latin_item(self) -> None:
        named = {URIRef(o.iri) for item in self.items for o in item.options}
        named |= {URIRef(i) for item in self.items for pair in item.pair_iris for i in pair if i.startswith("http") and "|" not in i}
        named |= {
            URIRef(v)
            for item in self.items
            for k, v in [*item.params.items(), *(i for p in item.also for i in p.items())]
            if k in ("muscle", "space", "anastomosis")
            for v in [str(self.session.resolve_term(v))]
        }
        params = {"branch": compact_iri(iris.ANATOMICAL_ENTITY)}
        rows = self.run("labels", params)
        column = {"en": "english", "nb": "norwegian"}.get(self.lang, "english")
        candidates = []
        for row in rows:
            term, latin, own = row.get("term"), row.get("latin"), row.get(column)
            if not (isinstance(term, URIRef) and term in named and isinstance(latin, Literal) and own is not None):
                continue
            if str(latin).casefold() != str(own).casefold():
                candidates.append(_Candidate(str(term), str(latin), str(own), str(latin), ((term, RDFS.label, latin),)))
        pairs, pair_iris, statements = _one_provable(candidates, 8)
        if len(pairs) >= 3:  # a matching task of at most eight pairs
            self.add(
                Item(
                    "",
                    "match",
                    self.lang,
                    w("latin names", self.lang),
                    "labels",
                    params,
                    "term",
                    *self.source(*statements),
                    pairs=pairs,
                    pair_iris=pair_iris,
                    right="latin",
                )
            )


@dataclass(frozen=True)
class _Candidate:
    """One provable pair of a matching item: its keys (IRIs), texts and the facts it rests on; ``offer`` is false
    for a pair whose right side would give itself away (provable all the same, but never offered)."""

    left: str
    right: str
    left_text: str
    right_text: str
    facts: tuple[tuple[Node, Node | None, Node], ...]
    offer: bool = True


def _one_provable(
    candidates: list[_Candidate], most: int = 0
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[Node, Node | None, Node]]]:
    """Pairs for a matching item in which each left side has exactly one provable right side among those offered.

    ``candidates`` holds every pair the ontology proves, those it may offer first for each left side; one offered
    pair is kept per left side, then left sides that the ontology pairs with more than one offered right side are
    left out (again, until none is), so that no offered pairing marked wrong is in fact right. A left side left out
    comes back with another of its right sides when that one is the only provable one among those offered and
    adds no second answer to any other left side (the ilium for an origin area that is part of the ilium).
    ``most`` caps the number of pairs (0: no cap). Returns the pairs' texts, their keys and the facts the kept
    pairs rest on.
    """
    provable: dict[str, set[str]] = {}
    offerable: dict[str, list[_Candidate]] = {}
    for c in candidates:
        provable.setdefault(c.left, set()).add(c.right)
        if c.offer:
            offerable.setdefault(c.left, []).append(c)
    chosen = [options[0] for options in offerable.values()]
    while True:
        kept = chosen[:most] if most else chosen
        offered = {c.right for c in kept}
        ambiguous = [c for c in kept if len(provable[c.left] & offered) > 1]
        if not ambiguous:
            break
        chosen = [c for c in chosen if c not in ambiguous]
    for left, options in offerable.items():
        if (most and len(kept) >= most) or any(c.left == left for c in kept):
            continue
        for c in options:
            offered = {k.right for k in kept} | {c.right}
            if all(len(provable[k.left] & offered) == 1 for k in (*kept, c)):
                kept.append(c)
                break
    order = list(provable)
    kept.sort(key=lambda c: order.index(c.left))
    facts = [f for c in kept for f in c.facts]
    return [(c.left_text, c.right_text) for c in kept], [(c.left, c.right) for c in kept], list(dict.fromkeys(facts))


#: words that say nothing of what a name means (English and Norwegian)
_LINKING_WORDS = frozenset("the and with through from for ved med gjennom fra til den det under".split())


def _gives_away(left: str, right: str) -> bool:
    """Whether the text ``left`` already holds a meaning-bearing word of ``right`` (the same word, or one sharing
    its first four letters: "stance"/"stance", "hoften"/"hofteledd"), so that a matching task would answer itself.

    >>> _gives_away("stabilisation of the hip joint in single-leg stance", "single-leg stance")
    True
    >>> _gives_away("gluteus minimus: origin", "gluteus minimus origin area"), _gives_away("gluteus minimus: origin", "ilium (os ilium)")
    (True, False)
    >>> _gives_away("counteraction of frontal-plane pelvic drop", "gait")
    False
    """
    words = [wd for wd in re.findall(r"\w+", left.casefold()) if wd not in _LINKING_WORDS]
    for word in re.findall(r"\w+", right.casefold()):
        if len(word) < 3 or word in _LINKING_WORDS:
            continue
        if any(other == word or (len(other) >= 4 and len(word) >= 4 and other[:4] == word[:4]) for other in words):
            return True
    return False


def _sentence(text: str) -> str:
    """``text`` with a capital first letter: a stem may begin with a name (in Norwegian the space is named first,
    in its dictionary form, "Suprapiriformt rom: …", since "gjennom suprapiriformt rom" would need the definite form).

    >>> _sentence("suprapiriformt rom: hvilken nerve passerer gjennom?")
    'Suprapiriformt rom: hvilken nerve passerer gjennom?'
    """
    return text[:1].upper() + text[1:]


def _unique(options: list[Option]) -> list[Option]:
    seen: dict[str, Option] = {}
    for option in options:
        seen.setdefault(option.iri, option)
    return list(seen.values())


#: the spinal cord segments from the top down (cervical 8, thoracic 12, lumbar 5, sacral 5, coccygeal 1)
_SEGMENTS = [f"{letters}{n}" for letters, count in (("C", 8), ("T", 12), ("L", 5), ("S", 5), ("Co", 1)) for n in range(1, count + 1)]


def _segment_range(codes: list[str]) -> list[str]:
    """``codes`` written as a range ("L4–S1", with an en dash or a hyphen) when they are consecutive segments.

    >>> _segment_range(["L4", "L5", "S1"]), _segment_range(["L4", "S1"]), _segment_range(["L5"])
    (['L4–S1', 'L4-S1'], [], [])
    """
    places = [_SEGMENTS.index(c) if c in _SEGMENTS else -1 for c in codes]
    if len(codes) < 2 or -1 in places or places != list(range(places[0], places[0] + len(codes))):
        return []
    return [f"{codes[0]}–{codes[-1]}", f"{codes[0]}-{codes[-1]}"]


def _segment_key(code: str) -> tuple[int, int]:
    order = {"C": 0, "T": 1, "L": 2, "S": 3, "Co": 4}
    letters = code.rstrip("0123456789")
    number = code[len(letters) :]
    return order.get(letters, 9), int(number) if number.isdigit() else 0


def build_bank(session: Session, lang: str = "en", *, diagrams: bool = True) -> list[Item]:
    """The question bank in ``lang`` (``en`` or ``nb``; Latin names in brackets where the ontology has them).

    ``diagrams`` adds the label-the-diagram item, drawn by Graphviz when it is installed.
    """
    builder = _Builder(session, ui(lang))
    builder.nerve_items()
    builder.space_items()
    builder.attachment_item()
    builder.movement_items()
    builder.artery_items()
    if diagrams:
        builder.label_item()
    builder.latin_item()
    for item in builder.items:
        item.options.sort(key=lambda o: hashlib.sha1(f"{item.id}{o.iri}".encode()).hexdigest())  # mixed, but stable
    return builder.items
