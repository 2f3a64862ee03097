"""Build a :class:`~gluteonto.card.model.TermCard` from an ontology graph or session.

>>> from gluteonto import Session                              # doctest: +SKIP
>>> card = build_card(Session("oxigraph"), "gluteus minimus", "nb")   # doctest: +SKIP
>>> card.relations[0].sentence                                 # doctest: +SKIP
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, TypedDict, Union

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .. import iris
from ..i18n import MessageError, msg, param_name
from ..query.questions import QuestionTable, answering_questions
from ..vocab import DCTERMS, IAO_DEFINITION, OBOINOWL, OWL, RDF, RDFS, SKOS, compact_iri
from .coverage import coverage_notes
from .index import COMPENSATING, QUALIFIER, CardIndex
from .links import mapping_for
from .model import (
    LANGS,
    Annotation,
    Mapping,
    Name,
    Note,
    QuestionRef,
    Relation,
    Source,
    TermCard,
    TermRef,
    not_a_term,
    ui_lang,
)
from .phrases import RELATION_ORDER, capitalize, pieces, sentence, template_for, word

if TYPE_CHECKING:
    from ..query.session import Session

__all__ = ["CardSource", "build_card", "card_index"]

CardSource = Union["Session", Graph, CardIndex]

_HAS_ROOT = URIRef(iris.HAS_ROOT_SEGMENT)
_SEGMENT_CODE = URIRef(iris.SPINAL_SEGMENT)
_INNERVATED_BY = URIRef(iris.INNERVATED_BY)
_BRANCH_OF = URIRef(iris.BRANCHING_PART_OF)
#: annotation properties shown in their own card fields, not under "details"
_OWN_FIELDS = {
    RDFS.label,
    IAO_DEFINITION,
    OBOINOWL.hasExactSynonym,
    OBOINOWL.hasRelatedSynonym,
    OBOINOWL.hasDbXref,
    RDFS.comment,
    SKOS.editorialNote,
    DCTERMS.source,
    RDF.type,
    RDFS.subClassOf,
    OWL.equivalentClass,
    SKOS.exactMatch,
    SKOS.closeMatch,
    SKOS.broadMatch,
    SKOS.narrowMatch,
    SKOS.relatedMatch,
    RDFS.subPropertyOf,
    OWL.inverseOf,
    DCTERMS.isPartOf,
}
_ORDER = {iri: i for i, iri in enumerate(RELATION_ORDER)}
_INDEXES: weakref.WeakKeyDictionary[object, CardIndex] = weakref.WeakKeyDictionary()


def card_index(source: CardSource) -> CardIndex:
    """The (cached) index of a session or graph; pass it to :func:`build_card` to build many cards."""
    if isinstance(source, CardIndex):
        return source
    cached = _INDEXES.get(source)
    if cached is None:
        cached = CardIndex.from_graph(source) if isinstance(source, Graph) else CardIndex.from_session(source)
        _INDEXES[source] = cached
    return cached


def _resolve(index: CardIndex, term: str | URIRef, lang: str) -> URIRef:
    if isinstance(term, URIRef):
        iri = term
    else:
        assert index.session is not None
        iri = index.session.resolve_term(str(term), lang=lang)
    if not index.knows(iri):
        raise not_a_term(str(term))
    return iri


def build_card(source: CardSource, term: str | URIRef, lang: str = "en", *, questions: QuestionTable | None = None) -> TermCard:
    """Everything the ontology says about ``term`` (IRI, CURIE or label), in ``lang`` (en, nb or la).

    ``source`` is a :class:`~gluteonto.Session`, an rdflib ``Graph`` or a :func:`card_index`.
    ``questions`` may carry precomputed :func:`~gluteonto.query.questions.answering_questions`
    results (the site builds them once for all terms). Unknown terms raise ``InputError``.
    """
    if lang not in LANGS:
        raise MessageError(("unknown card language", {"value": lang, "known": ", ".join(LANGS)}))
    index = card_index(source)
    iri = _resolve(index, term, lang)
    return _Builder(index, iri, lang, questions).card()


class _Phrase(TypedDict):
    sentence: str
    pieces: tuple[str | TermRef, ...]


class _Builder:
    def __init__(self, index: CardIndex, iri: URIRef, lang: str, questions: QuestionTable | None) -> None:
        self.ix, self.iri, self.lang, self.ui = index, iri, lang, ui_lang(lang)
        self.questions = questions
        self.me = index.ref(iri, lang)

    # -- helpers ------------------------------------------------------------------------
    def ref(self, node: Node) -> TermRef:
        return self.ix.ref(node, self.lang)

    def say(self, prop: URIRef, subject: TermRef, filler: TermRef) -> str:
        label = self.ix.name(prop, self.ui).text
        return sentence(str(prop), label, subject.name.text, filler.name.text, self.ui)

    def phrase(self, template: str, subject: TermRef, filler: TermRef) -> _Phrase:
        """``sentence`` and ``pieces`` fields of a Relation for a template."""
        return _Phrase(sentence=capitalize(template.format(s=subject.name.text, o=filler.name.text)), pieces=pieces(template, subject, filler))

    def prop_phrase(self, prop: URIRef, subject: TermRef, filler: TermRef) -> _Phrase:
        """The phrase of ``subject PROP some filler``."""
        return self.phrase(template_for(str(prop), self.ix.name(prop, self.ui).text, self.ui), subject, filler)

    def detail(self, prop: URIRef, filler: URIRef) -> str:
        """Facts about the filler a clinician wants in the same line: a nerve's roots, a root's code."""
        if prop == _INNERVATED_BY:
            codes = self.root_codes(filler)
            return f"({word('roots', self.ui)} {', '.join(codes)})" if codes else ""
        if prop == _HAS_ROOT:
            code = self.ix.value(filler, _SEGMENT_CODE)
            return f"({code})" if code is not None else ""
        return ""

    def root_codes(self, nerve: URIRef) -> list[str]:
        """Segment codes of a nerve's roots, looking up through the nerves it branches from."""
        seen: set[Node] = set()
        frontier: list[Node] = [nerve]
        while frontier:
            codes = sorted(
                {
                    str(self.ix.value(f, _SEGMENT_CODE))
                    for n in frontier
                    for p, f, _ in self.ix.restrictions(n)
                    if p == _HAS_ROOT and self.ix.value(f, _SEGMENT_CODE) is not None
                },
                key=_segment_key,
            )
            if codes:
                return codes
            seen.update(frontier)
            frontier = [f for n in frontier for p, f, _ in self.ix.restrictions(n) if p == _BRANCH_OF and f not in seen]
        return []

    def relation(
        self, subject: URIRef, prop: URIRef, filler: URIRef, node: Node, inherited_from: URIRef | None = None, as_subject: TermRef | None = None
    ) -> Relation:
        subj, target, prop_ref = as_subject or self.ref(subject), self.ref(filler), self.ref(prop)
        details = [self.detail(prop, filler), *self.axiom_details(subject, node)]
        return Relation(
            subject=subj,
            property=prop_ref,
            target=target,
            **self.prop_phrase(prop, subj, target),
            sources=self.ix.sources_of(subject, RDFS.subClassOf, node, self.lang),
            inherited_from=self.ref(inherited_from) if inherited_from is not None else None,
            detail=" ".join(d for d in details if d),
        )

    def either_relation(self, subject: URIRef, prop: URIRef, members: list[URIRef], node: Node) -> Relation:
        """``subject SubClassOf prop some (A or B …)`` as one sentence naming the alternatives ("… during A or B");
        its target is the first alternative, and each alternative is linked."""
        subj, refs, prop_ref = self.ref(subject), [self.ref(m) for m in members], self.ref(prop)
        template = template_for(str(prop), self.ix.name(prop, self.ui).text, self.ui)
        joined = f" {msg('or', self.ui)} "
        text = capitalize(template.format(s=subj.name.text, o=joined.join(r.name.text for r in refs)))
        parts: list[str | TermRef] = []
        for piece in pieces(template, subj, refs[0]):
            if piece is refs[0]:
                for i, ref in enumerate(refs):
                    parts += [joined, ref] if i else [ref]
            else:
                parts.append(piece)
        return Relation(
            subject=subj,
            property=prop_ref,
            target=refs[0],
            sentence=text,
            pieces=tuple(parts),
            sources=self.ix.sources_of(subject, RDFS.subClassOf, node, self.lang),
            detail=" ".join(self.axiom_details(subject, node)),
        )

    def axiom_details(self, subject: URIRef, node: Node) -> list[str]:
        """What the axiom's reification adds to the statement: the compensating muscles a comparison is about and
        the source's qualifier ("mainly"), in the card's language."""
        out = []
        muscles = [self.ref(m).name.shown(self.lang) for m in self.ix.notes_of(subject, RDFS.subClassOf, node, COMPENSATING)]
        if muscles:
            out.append(f"({word('compensation by', self.ui)} {', '.join(muscles)})")
        qualifiers = [q for q in self.ix.notes_of(subject, RDFS.subClassOf, node, QUALIFIER) if isinstance(q, Literal)]
        chosen = [str(q) for q in qualifiers if q.language == self.ui] or [str(q) for q in qualifiers if q.language == "en"]
        out += [f"({text})" for text in chosen]
        return out

    def sorted_relations(self, relations: list[Relation]) -> tuple[Relation, ...]:
        return tuple(
            sorted(
                relations,
                key=lambda r: (
                    r.inherited_from is not None,
                    _ORDER.get(r.property.iri, len(_ORDER)),
                    r.property.name.text,
                    r.subject.name.text.casefold(),
                    r.detail,
                    r.target.name.text.casefold(),
                    r.target.iri,
                    r.sentence,
                ),
            )
        )

    # -- sections -----------------------------------------------------------------------
    def labels(self) -> tuple[Name, ...]:
        texts = self.ix.texts(self.iri, RDFS.label)
        return tuple(Name(texts[lang][0], lang) for lang in LANGS if lang in texts)

    def synonyms(self) -> tuple[Name, ...]:
        found = []
        for prop in (OBOINOWL.hasExactSynonym, OBOINOWL.hasRelatedSynonym):
            for lang, values in self.ix.texts(self.iri, prop).items():
                found += [Name(v, lang) for v in values]
        order: dict[str, int] = {lang: i for i, lang in enumerate(LANGS)}
        return tuple(sorted(set(found), key=lambda n: (n.lang != self.lang, order.get(n.lang, 3), n.text.casefold())))

    def definition(self) -> tuple[Name | None, tuple[Source, ...]]:
        texts = self.ix.texts(self.iri, IAO_DEFINITION)
        for lang in (self.ui, "en", "nb", ""):
            if lang in texts:
                text = texts[lang][0]
                literal = Literal(text, lang=lang or None)
                return Name(text, lang, fallback=lang != self.ui), self.ix.sources_of(self.iri, IAO_DEFINITION, literal, self.lang)
        return None, ()

    def parents(self) -> tuple[Relation, ...]:
        found = []
        for parent, child in self.ix.ancestors(self.iri):
            via = None if child == self.iri else child
            target = self.ref(parent)
            found.append(
                Relation(
                    subject=self.me,
                    property=TermRef(str(RDFS.subClassOf), "rdfs:subClassOf", Name(word("is a", self.ui), self.ui), "external", False),
                    target=target,
                    **self.phrase(msg("sentence.is a", self.ui), self.me, target),
                    sources=self.ix.sources_of(child, RDFS.subClassOf, parent, self.lang),
                    inherited_from=self.ref(via) if via is not None else None,
                    axiom="is_a",
                )
            )
        return tuple(found)

    def relations(self) -> tuple[Relation, ...]:
        found: list[Relation] = []
        seen: set[tuple[URIRef, URIRef]] = set()
        for prop, filler, node in self.ix.restrictions(self.iri):
            seen.add((prop, filler))
            found.append(self.relation(self.iri, prop, filler, node))
        found += [self.either_relation(self.iri, prop, members, node) for prop, members, node in self.ix.either_restrictions(self.iri)]
        found += self.equivalents()
        for ancestor, _child in self.ix.ancestors(self.iri):
            for prop, filler, node in self.ix.restrictions(ancestor):
                if (prop, filler) in seen:
                    continue
                seen.add((prop, filler))
                found.append(self.relation(ancestor, prop, filler, node, inherited_from=ancestor, as_subject=self.me))
        return self.sorted_relations(found)

    def equivalents(self) -> list[Relation]:
        """``C ≡ A and (R some D)`` as one sentence: 'C is by definition A that R D'."""
        found = []
        for node in self.ix.values(self.iri, OWL.equivalentClass):
            members = self.ix.intersection(node) if isinstance(node, BNode) else [node]
            named = [self.ref(m) for m in members if isinstance(m, URIRef)]
            parts = [" ".join(n.name.shown(self.lang) for n in named)] if named else []
            first_restriction = None
            for member in members:
                pair = self.ix.restriction(member)
                if pair:
                    first_restriction = first_restriction or pair
                    clause = self.say(pair[0], TermRef("", "", Name("", self.ui), "", False), self.ref(pair[1])).strip()
                    parts.append(f"{word('that', self.ui)} {clause}")
            if not parts:
                continue
            expression = " ".join(parts)
            prop = first_restriction[0] if first_restriction else OWL.equivalentClass
            target = self.ref(first_restriction[1]) if first_restriction else (named[0] if named else self.me)
            text = capitalize(msg("sentence.equivalent", self.ui).format(s=self.me.name.text, o=expression))
            found.append(
                Relation(
                    subject=self.me,
                    property=self.ref(prop),
                    target=target,
                    sentence=text,
                    pieces=(text,),
                    sources=self.ix.sources_of(self.iri, OWL.equivalentClass, node, self.lang),
                    axiom="equivalent",
                )
            )
        return found

    def incoming(self) -> tuple[Relation, ...]:
        found = [self.relation(cls, prop, self.iri, node) for cls, prop, node in self.ix.pointing_to(self.iri) if cls != self.iri]
        return self.sorted_relations(found)

    def annotations(self) -> tuple[Annotation, ...]:
        found = []
        for prop in sorted(self.ix.out.get(self.iri, {}), key=str):
            if prop in _OWN_FIELDS:
                continue
            for value in self.ix.values(self.iri, prop):
                if not isinstance(value, Literal) or (value.language and value.language != self.ui):
                    continue
                found.append(
                    Annotation(
                        property=self.ix.ref(prop, self.ui),
                        text=str(value),
                        lang=value.language or "",
                        sources=self.ix.sources_of(self.iri, prop, value, self.lang),
                    )
                )
        return tuple(found)

    def mappings(self) -> tuple[Mapping, ...]:
        found: dict[str, Mapping] = {}
        for predicate in ("exact", "close", "broad", "narrow", "related"):
            for target in self.ix.values(self.iri, SKOS[predicate + "Match"]):
                mapping = mapping_for(str(target), predicate)
                found.setdefault(mapping.curie, mapping)
        for xref in self.ix.values(self.iri, OBOINOWL.hasDbXref):
            mapping = mapping_for(str(xref), "xref")
            found.setdefault(mapping.curie, mapping)
        return tuple(sorted(found.values(), key=lambda m: (m.predicate == "xref", m.vocabulary, m.curie)))

    def notes(self, relations: tuple[Relation, ...], incoming: tuple[Relation, ...]) -> tuple[Note, ...]:
        notes = list(coverage_notes(self.ix, self.iri, relations, incoming, self.ui, self.me))
        for prop, kind in ((SKOS.editorialNote, "editorial"), (RDFS.comment, "comment")):
            texts = self.ix.texts(self.iri, prop)
            for lang in (self.ui, "en", ""):
                if lang in texts:
                    notes += [Note(kind, t, lang) for t in texts[lang]]
                    break
        return tuple(notes)

    def question_refs(self) -> tuple[QuestionRef, ...]:
        if self.ix.kind(self.iri) != "class" or self.ix.session is None:
            return ()
        table = self.questions if self.questions is not None else answering_questions(self.ix.session, [self.iri])
        curie = compact_iri(str(self.iri))
        return tuple(
            QuestionRef(spec.name, spec.title(self.ui), param, f"gluteonto query {spec.name_in(self.ui)} -p {param_name(param, self.ui)}={curie}")
            for spec, param in table.get(self.iri, [])
        )

    def uses(self) -> tuple[Relation, ...]:
        """For a property: every restriction using it. For a source: every statement citing it."""
        kind = self.ix.kind(self.iri)
        if kind == "object property":
            return self.sorted_relations([self.relation(cls, self.iri, filler, node) for cls, filler, node in self._uses_of_property()])
        if kind == "individual":
            return self.citing()
        return ()

    def _uses_of_property(self) -> list[tuple[URIRef, URIRef, Node]]:
        found = []
        for node in self.ix.subjects(OWL.onProperty, self.iri):
            pair = self.ix.restriction(node)
            if pair:
                found += [(c, pair[1], node) for c in self.ix.subjects(RDFS.subClassOf, node) if isinstance(c, URIRef)]
        return found

    def citing(self) -> tuple[Relation, ...]:
        found = []
        for (subject, prop, target), sources in self.ix.axiom_sources.items():
            if self.iri not in sources or not isinstance(subject, URIRef):
                continue
            pair = self.ix.restriction(target) if prop == RDFS.subClassOf else None
            if pair:
                found.append(self.relation(subject, pair[0], pair[1], target))
            elif prop == RDFS.subClassOf and isinstance(target, URIRef):
                subj, obj = self.ref(subject), self.ref(target)
                found.append(
                    Relation(
                        subject=subj,
                        property=self.ref(prop),
                        target=obj,
                        axiom="is_a",
                        **self.phrase(msg("sentence.is a", self.ui), subj, obj),
                        sources=self.ix.sources_of(subject, prop, target, self.lang),
                    )
                )
            elif isinstance(target, Literal) and (not target.language or target.language == self.ui):
                subj = self.ref(subject)
                label = self.ix.name(prop, self.ui).text
                found.append(
                    Relation(
                        subject=subj,
                        property=self.ref(prop),
                        target=subj,
                        axiom="annotation",
                        sentence=f"{capitalize(label)} — {subj.name.text}: {target}",
                        pieces=(f"{capitalize(label)} — ", subj, f": {target}"),
                        sources=self.ix.sources_of(subject, prop, target, self.lang),
                    )
                )
        return self.sorted_relations(found)

    def characteristics(self) -> tuple[str, ...]:
        found = []
        for rdf_type, key in ((OWL.TransitiveProperty, "transitive"), (OWL.SymmetricProperty, "symmetric")):
            if rdf_type in self.ix.values(self.iri, RDF.type):
                found.append(word(key, self.ui))
        for prop, key in ((OWL.inverseOf, "inverse of"), (RDFS.subPropertyOf, "sub-property of")):
            for other in self.ix.values(self.iri, prop) + (self.ix.subjects(prop, self.iri) if prop == OWL.inverseOf else []):
                if isinstance(other, URIRef):
                    found.append(f"{word(key, self.ui)} {self.ref(other).name.shown(self.lang)}")
        if self.ix.kind(self.iri) == "individual":
            for part in self.ix.values(self.iri, DCTERMS.isPartOf):
                found.append(f"{word('part of', self.ui)} {self.ref(part).name.shown(self.lang)}")
        return tuple(dict.fromkeys(found))

    def card(self) -> TermCard:
        relations = self.relations()
        incoming = self.incoming()
        definition, definition_sources = self.definition()
        return TermCard(
            term=self.me,
            lang=self.lang,
            kind=self.ix.kind(self.iri),
            labels=self.labels(),
            synonyms=self.synonyms(),
            definition=definition,
            definition_sources=definition_sources,
            parents=self.parents(),
            children=tuple(sorted((self.ref(c) for c in self.ix.children(self.iri)), key=lambda r: r.name.text.casefold())),
            relations=relations,
            incoming=incoming,
            annotations=self.annotations(),
            mappings=self.mappings(),
            questions=self.question_refs(),
            notes=self.notes(relations, incoming),
            term_sources=self.ix.source_list(self.ix.values(self.iri, DCTERMS.source), self.lang),
            uses=self.uses(),
            characteristics=self.characteristics(),
        )


def _segment_key(code: str) -> tuple[int, int]:
    region = {"C": 0, "T": 1, "L": 2, "S": 3}.get(code[:1].upper(), 4)
    return region, int(code[1:]) if code[1:].isdigit() else 0
