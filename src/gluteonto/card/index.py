"""An in-memory index of the ontology's triples that the term card reads from.

Built once per graph or session (all triples, one query), it answers the card's questions —
labels, restrictions, axiom provenance, ancestors, what points to a term — without further
queries, so a whole site of cards is cheap.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .. import iris
from ..i18n import ui as ui_lang
from ..i18n import vocabulary_name
from ..vocab import BASE, DCTERMS, OWL, PREFIXES, RDF, RDFS, compact_iri
from .model import Name, Source, TermRef

if TYPE_CHECKING:
    from ..query.session import Session

__all__ = ["ANATOMY", "AXIOM_NOTES", "SOURCE_KINDS", "CardIndex"]

ANATOMY = URIRef(iris.ANATOMICAL_ENTITY)
#: annotation properties an axiom's reification may carry besides dcterms:source: qualifier in the source,
#: footnote marker, footnote read as (an interpretation), compensating muscle compared
QUALIFIER, FOOTNOTE, READ_AS, COMPENSATING = (
    URIRef(iris.QUALIFIER),
    URIRef(iris.FOOTNOTE_MARKER),
    URIRef(iris.FOOTNOTE_READ_AS),
    URIRef(iris.COMPENSATING_MUSCLE),
)
AXIOM_NOTES = (QUALIFIER, FOOTNOTE, READ_AS, COMPENSATING)
#: rdf:type of a source individual → kind of source
SOURCE_KINDS = {
    URIRef(iris.ONLINE_ARTICLE): "article",
    URIRef(iris.ARTICLE_SECTION): "section",
    URIRef(iris.TEXTBOOK): "textbook",
    URIRef(iris.REFERENCE_RESOURCE): "reference",
}
_KINDS = {
    OWL.Class: "class",
    OWL.ObjectProperty: "object property",
    OWL.AnnotationProperty: "annotation property",
    OWL.NamedIndividual: "individual",
    OWL.DatatypeProperty: "datatype property",
}


class CardIndex:
    """Triples indexed by subject and object, with axiom provenance and label lookup."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]], session: Session | None = None) -> None:
        self.session = session
        self.out: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        self.inv: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            self.out[s][p].append(o)
            self.inv[o][p].append(s)
        for table in (self.out, self.inv):
            for per_node in table.values():
                for key, values in per_node.items():
                    per_node[key] = sorted(set(values), key=_sort_key)
        #: (annotated source, property, target) → sources named by the owl:Axiom
        self.axiom_sources: dict[tuple[Node, Node, Node], list[Node]] = {}
        #: (annotated source, property, target) → {note property: values} (qualifier, footnote …)
        self.axiom_notes: dict[tuple[Node, Node, Node], dict[Node, list[Node]]] = {}
        for axiom in self.inv[OWL.Axiom].get(RDF.type, []):
            props = self.out[axiom]
            ends = (_one(props, OWL.annotatedSource), _one(props, OWL.annotatedProperty), _one(props, OWL.annotatedTarget))
            if ends[0] is not None and ends[1] is not None and ends[2] is not None:
                ends3 = (ends[0], ends[1], ends[2])
                self.axiom_sources.setdefault(ends3, []).extend(props.get(DCTERMS.source, []))
                for note in AXIOM_NOTES:
                    if props.get(note):
                        self.axiom_notes.setdefault(ends3, {}).setdefault(note, []).extend(props[note])
        self._anatomy: set[Node] | None = None

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def from_graph(cls, graph: Graph) -> CardIndex:
        """Index an rdflib graph (queries for the card's question list run on it with rdflib)."""
        from ..engines import RdflibEngine
        from ..query.session import Session

        return cls(graph, Session(store=RdflibEngine(graph)))

    @classmethod
    def from_session(cls, session: Session) -> CardIndex:
        """Index everything a session's engine holds (one SELECT of all triples)."""
        result = session.sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
        return cls(((s, p, o) for s, p, o in result.rows if s is not None and p is not None and o is not None), session)

    # -- basic access ---------------------------------------------------------------------
    def values(self, node: Node, prop: Node) -> list[Node]:
        """All objects of ``node prop ?o``, sorted."""
        return self.out.get(node, {}).get(prop, [])

    def value(self, node: Node, prop: Node) -> Node | None:
        """The first object of ``node prop ?o``, or None."""
        values = self.values(node, prop)
        return values[0] if values else None

    def subjects(self, prop: Node, obj: Node) -> list[Node]:
        """All subjects of ``?s prop obj``, sorted."""
        return self.inv.get(obj, {}).get(prop, [])

    def knows(self, iri: Node) -> bool:
        """True if ``iri`` is described (is the subject of a triple) in the indexed data."""
        return iri in self.out

    def kind(self, iri: Node) -> str:
        """class, object property, annotation property, individual, datatype property, or external."""
        types = self.values(iri, RDF.type)
        for rdf_type, kind in _KINDS.items():
            if rdf_type in types:
                return kind
        return "external"

    def terms(self, kind: str | None = None) -> list[URIRef]:
        """The ontology's own terms (gluteonto namespace), optionally of one kind, in IRI order."""
        found = [s for s in self.out if isinstance(s, URIRef) and str(s).startswith(PREFIXES["GLUTEONTO"])]
        if kind:
            found = [s for s in found if self.kind(s) == kind]
        return sorted(found, key=str)

    def texts(self, iri: Node, prop: Node) -> dict[str, list[str]]:
        """Literal values of ``prop`` grouped by language tag ("" for none)."""
        grouped: dict[str, list[str]] = {}
        for value in self.values(iri, prop):
            if isinstance(value, Literal):
                grouped.setdefault(value.language or "", []).append(str(value))
        return grouped

    # -- names ----------------------------------------------------------------------------
    def is_anatomy(self, iri: Node) -> bool:
        """True for anatomical entity and its subclasses (the terms that have Latin names)."""
        if self._anatomy is None:
            self._anatomy = {ANATOMY, *self.descendants(ANATOMY)}
        return iri in self._anatomy

    def name(self, iri: Node, lang: str) -> Name:
        """Display name in ``lang``; Latin falls back to English (marked) for anatomy only."""
        labels = self.texts(iri, RDFS.label)
        if lang in labels:
            return Name(labels[lang][0], lang)
        # a reused vocabulary term named in the catalogue, not in the ontology (terms by name, not number)
        named = vocabulary_name(str(iri), lang)
        if named is not None:
            return Name(named, lang)
        if lang == "la" and not self.is_anatomy(iri):
            lang = "en"
            if "en" in labels:
                return Name(labels["en"][0], "en")
        for fallback in ("en", "nb", ""):
            if fallback in labels:
                return Name(labels[fallback][0], fallback or "en", fallback=True)
        return Name(compact_iri(str(iri)), "", fallback=False)

    def ref(self, iri: Node, lang: str) -> TermRef:
        """A :class:`TermRef` for ``iri`` with its name in ``lang``."""
        return TermRef(
            iri=str(iri),
            curie=compact_iri(str(iri)),
            name=self.name(iri, lang),
            kind=self.kind(iri),
            local=str(iri).startswith(BASE),
        )

    # -- hierarchy ------------------------------------------------------------------------
    def parents(self, cls: Node) -> list[URIRef]:
        """Named direct superclasses (owl:Thing left out)."""
        return [p for p in self.values(cls, RDFS.subClassOf) if isinstance(p, URIRef) and p != OWL.Thing]

    def ancestors(self, cls: Node) -> list[tuple[URIRef, URIRef]]:
        """Named ancestors breadth-first as (ancestor, the child it was reached from); no duplicates."""
        seen: set[Node] = {cls}
        found: list[tuple[URIRef, URIRef]] = []
        frontier: list[Node] = [cls]
        while frontier:
            nxt: list[Node] = []
            for child in frontier:
                for parent in self.parents(child):
                    if parent not in seen:
                        seen.add(parent)
                        found.append((parent, child))  # type: ignore[arg-type]
                        nxt.append(parent)
            frontier = nxt
        return found

    def children(self, cls: Node) -> list[URIRef]:
        """Named direct subclasses."""
        return [c for c in self.subjects(RDFS.subClassOf, cls) if isinstance(c, URIRef)]

    def descendants(self, cls: Node) -> set[Node]:
        """All named subclasses, transitively."""
        seen: set[Node] = set()
        stack = [cls]
        while stack:
            for child in self.children(stack.pop()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return seen

    # -- restrictions ---------------------------------------------------------------------
    def restriction(self, node: Node) -> tuple[URIRef, URIRef] | None:
        """(property, filler) of an existential restriction on a named class, else None."""
        if not isinstance(node, BNode):
            return None
        prop, filler = self.value(node, OWL.onProperty), self.value(node, OWL.someValuesFrom)
        if isinstance(prop, URIRef) and isinstance(filler, URIRef):
            return prop, filler
        return None

    def restrictions(self, cls: Node) -> list[tuple[URIRef, URIRef, BNode]]:
        """Existential restrictions ``cls SubClassOf prop some filler`` asserted on ``cls``."""
        found = []
        for sup in self.values(cls, RDFS.subClassOf):
            pair = self.restriction(sup)
            if pair:
                found.append((pair[0], pair[1], sup))
        return found  # type: ignore[return-value]

    def either_restrictions(self, cls: Node) -> list[tuple[URIRef, list[URIRef], BNode]]:
        """``cls SubClassOf prop some (A or B …)`` asserted on ``cls``, each with the named alternatives."""
        found = []
        for sup in self.values(cls, RDFS.subClassOf):
            if not isinstance(sup, BNode):
                continue
            prop, filler = self.value(sup, OWL.onProperty), self.value(sup, OWL.someValuesFrom)
            if not (isinstance(prop, URIRef) and isinstance(filler, BNode)):
                continue
            members = self.members(filler, OWL.unionOf)
            if len(members) > 1 and all(isinstance(m, URIRef) for m in members):
                found.append((prop, [m for m in members if isinstance(m, URIRef)], sup))
        return found

    def pointing_to(self, filler: Node) -> list[tuple[URIRef, URIRef, BNode]]:
        """(class, property, restriction) for every ``class SubClassOf property some filler``."""
        found = []
        for node in self.subjects(OWL.someValuesFrom, filler):
            pair = self.restriction(node)
            if not pair:
                continue
            for cls in self.subjects(RDFS.subClassOf, node):
                if isinstance(cls, URIRef):
                    found.append((cls, pair[0], node))
        return found  # type: ignore[return-value]

    def intersection(self, node: Node) -> list[Node]:
        """Members of an ``owl:intersectionOf`` list on ``node`` (empty if it has none)."""
        return self.members(node, OWL.intersectionOf)

    def members(self, node: Node, kind: URIRef) -> list[Node]:
        """Members of the ``kind`` list (``owl:intersectionOf``, ``owl:unionOf``) on ``node`` (empty if it has none)."""
        head = self.value(node, kind)
        members: list[Node] = []
        while head is not None and head != RDF.nil:
            first = self.value(head, RDF.first)
            if first is not None:
                members.append(first)
            head = self.value(head, RDF.rest)
        return members

    # -- provenance -----------------------------------------------------------------------
    def sources_of(self, subject: Node, prop: Node, target: Node, lang: str) -> tuple[Source, ...]:
        """The sources the owl:Axiom on (subject, prop, target) names, in a stable order, then its footnote
        marker with the reference it is read as (shown as an interpretation, never as a source)."""
        sources = self.source_list(self.axiom_sources.get((subject, prop, target), []), lang)
        notes = self.axiom_notes.get((subject, prop, target), {})
        return sources + tuple(self.footnote(marker, notes.get(READ_AS, []), lang) for marker in notes.get(FOOTNOTE, []))

    def notes_of(self, subject: Node, prop: Node, target: Node, note: Node) -> list[Node]:
        """Values of one note property (qualifier, compensating muscle …) on the axiom (subject, prop, target)."""
        return self.axiom_notes.get((subject, prop, target), {}).get(note, [])

    def footnote(self, marker: Node, read_as: list[Node], lang: str) -> Source:
        """The article's footnote marker as a :class:`Source` of kind ``footnote``: "footnote ¹ (read as Moore …: an
        interpretation, the article's reference list is unnumbered)"."""
        from .phrases import word

        ui = ui_lang(lang)
        short = f"{word('footnote', ui)} {marker}"
        books = [self.ref(b, ui).name.text for b in read_as if isinstance(b, URIRef)]
        if books:
            short += f" ({word('read as', ui)} {'; '.join(books)}: {word('interpretation', ui)})"
        target = read_as[0] if read_as and isinstance(read_as[0], URIRef) else None
        ref = self.ref(target, ui) if target is not None else TermRef("", "", Name(short, ui), "external", False)
        return Source(ref=ref, kind="footnote", short=short)

    def source_list(self, nodes: Iterable[Node], lang: str) -> tuple[Source, ...]:
        """Sources for source individuals: sections first, then article, textbooks, reference resources."""
        order = {"section": 0, "article": 1, "textbook": 2, "reference": 3}
        sources = [self.source(n, lang) for n in set(nodes) if isinstance(n, URIRef)]
        return tuple(sorted(sources, key=lambda s: (order.get(s.kind, 4), s.ref.iri)))

    def source(self, iri: URIRef, lang: str) -> Source:
        """A :class:`Source` with its short form ("the article, section innervation")."""
        from .phrases import word

        ui = ui_lang(lang)
        ref = self.ref(iri, ui)
        kind = next((k for t, k in SOURCE_KINDS.items() if t in self.values(iri, RDF.type)), "reference")
        label = ref.name.text
        if kind == "section":
            title = label.rsplit(": ", 1)[-1]
            short = f"{word('the article', ui)}, {word('section', ui)} {title}"
        elif kind == "article":
            short = word("the article", ui)
        elif kind == "reference":
            short = label.split(" (")[0]
        else:
            short = label
        return Source(ref=ref, kind=kind, short=short)


def _one(props: dict[Node, list[Node]], key: Node) -> Node | None:
    values = props.get(key) or []
    return values[0] if values else None


def _sort_key(node: Node) -> tuple[int, str]:
    return (0 if isinstance(node, URIRef) else 1 if isinstance(node, Literal) else 2, str(node))
