"""The editable source (``ontology/source/gluteonto-edit.yaml``) as typed entries, read once.

:func:`parse_source` checks the whole document before anything is compiled: unknown fields,
missing labels or definitions, duplicate keys or ids and references to undeclared terms are
reported with the entry and field they concern ("class 'gm_tendon' has no nb label").
:func:`load_source` adds the YAML reading; it needs PyYAML (the ``build`` extra).

>>> header = {"version": "2026-01-01", "created": "2026-01-01", "license": "https://x/l",
...           "creators": ["c"], "title": {"en": "t"}, "description": {"en": "d"}}
>>> src = parse_source({
...     "ontology": header,
...     "sources": [{"key": "art", "id": 850, "type": "article", "label": {"en": "a"}}],
...     "classes": [{"key": "article", "id": 1, "label": {"en": "article", "nb": "artikkel"},
...                  "def": {"en": "A text.", "nb": "En tekst."}, "src": ["art"]}],
... })
>>> str(src.iri("article"))
'https://w3id.org/gluteonto/GLUTEONTO_0000001'
>>> parse_source({"ontology": header, "classes": [{"key": "x", "id": 2, "label": {"en": "x"}}]})
Traceback (most recent call last):
...
gluteonto.compile.source.SourceError: class 'x' has no nb label
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar, Union, cast, get_args

from rdflib import URIRef

from ..vocab import GLUT, expand_curie

__all__ = [
    "SourceError",
    "EntryKind",
    "PropertyKind",
    "Trait",
    "MatchKind",
    "Quantifier",
    "LANGS_REQUIRED",
    "ANNOTATION_FIELDS",
    "LangText",
    "LangTexts",
    "UnionOf",
    "IntersectionOf",
    "ComplementOf",
    "Some",
    "AxiomNotes",
    "AXIOM_NOTE_FIELDS",
    "ClassExpression",
    "Header",
    "SourceEntry",
    "Parent",
    "Relation",
    "Equivalence",
    "PropertyEntry",
    "ClassEntry",
    "DisjointGroup",
    "OntologySource",
    "parse_source",
    "load_source",
]

EntryKind = Literal["source", "property", "class"]
PropertyKind = Literal["object", "annotation", "datatype"]
Trait = Literal["transitive", "symmetric"]
MatchKind = Literal["exact", "close", "broad", "narrow", "related"]
Quantifier = Literal["some", "only"]

#: Languages every label and definition must have.
LANGS_REQUIRED = ("en", "nb")
#: Entry field → key of the annotation property (declared in the source) that carries it.
ANNOTATION_FIELDS: dict[str, str] = {
    "purpose": "purpose",
    "execution": "execution",
    "evidence": "evidence",
    "variation": "variation",
    "latin_non_ta": "latin_non_ta",
    "segment": "spinal_segment",
}

#: Field of an axiom's notes → key of the annotation property (declared in the source) that carries it
#: on the axiom's owl:Axiom reification: a qualifier of the source's wording that the axiom itself does
#: not carry ("mainly"), the article's footnote marker, the reference-list entry that marker is read as
#: pointing to (an interpretation), and the compensating muscle a comparison of exercises is about.
AXIOM_NOTE_FIELDS: dict[str, str] = {
    "qualifier": "qualifier",
    "footnote": "footnote_marker",
    "read_as": "footnote_read_as",
    "compensating": "compensating_muscle",
}

#: language → text (one per language)
LangText = dict[str, str]
#: language → texts (synonyms: several per language)
LangTexts = dict[str, tuple[str, ...]]

_T = TypeVar("_T")


class SourceError(ValueError):
    """The editable source is malformed; the message names the entry and the field."""


# -- the typed document ------------------------------------------------------------------------
@dataclass(frozen=True)
class UnionOf:
    """``{or: [expression, …]}``: ObjectUnionOf of two or more class expressions."""

    members: tuple[ClassExpression, ...]


@dataclass(frozen=True)
class IntersectionOf:
    """``{and: [expression, …]}``: ObjectIntersectionOf of two or more class expressions."""

    members: tuple[ClassExpression, ...]


@dataclass(frozen=True)
class ComplementOf:
    """``{not: expression}``: ObjectComplementOf of a class expression."""

    operand: ClassExpression


@dataclass(frozen=True)
class Some:
    """``{some: [property, expression]}``: an existential restriction used as a filler."""

    prop: str
    filler: ClassExpression


#: A class key, a union, an intersection, a complement or a nested existential restriction.
ClassExpression = Union[str, UnionOf, IntersectionOf, ComplementOf, Some]


@dataclass(frozen=True)
class AxiomNotes:
    """Annotations on one axiom besides its sources (see :data:`AXIOM_NOTE_FIELDS`)."""

    qualifier: LangText = field(default_factory=dict)
    footnote: str | None = None
    read_as: tuple[str, ...] = ()
    compensating: tuple[str, ...] = ()


@dataclass(frozen=True)
class Header:
    """The ``ontology:`` block: version, dates, licence, creators, titles."""

    version: str
    created: str
    license: str
    creators: tuple[str, ...]
    sources: tuple[str, ...]
    title: LangText
    description: LangText
    comment: LangText
    homepage: str | None = None


@dataclass(frozen=True)
class SourceEntry:
    """A named source individual (the article, a section, a textbook, a reference resource)."""

    key: str
    id: int
    type: str
    label: LangText
    comment: LangText = field(default_factory=dict)
    part_of: str | None = None
    citation: str | None = None


@dataclass(frozen=True)
class Parent:
    """One ``is_a`` parent with the sources of that axiom (empty: the entry's own sources)."""

    key: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """``[property, filler, source…]``: SubClassOf(entry, property some|only filler)."""

    prop: str
    filler: ClassExpression
    sources: tuple[str, ...] = ()
    quantifier: Quantifier = "some"
    notes: AxiomNotes = field(default_factory=AxiomNotes)


@dataclass(frozen=True)
class Equivalence:
    """``equiv``: the entry is equivalent to genus and (property some filler)…"""

    genus: str | None
    relations: tuple[tuple[str, ClassExpression], ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class PropertyEntry:
    """A property: a project property (``id``) or one reused from RO/BFO (``iri``)."""

    key: str
    iri: URIRef
    kind: PropertyKind
    label: LangText
    definition: LangText
    sources: tuple[str, ...]
    reused: bool = False
    defined_by: str | None = None
    synonyms: LangTexts = field(default_factory=dict)
    related_synonyms: LangTexts = field(default_factory=dict)
    comment: LangText = field(default_factory=dict)
    traits: tuple[Trait, ...] = ()
    super: tuple[str, ...] = ()
    inverse: str | None = None
    fma: str | None = None
    range: str | None = None
    chains: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class ClassEntry:
    """A class with its annotations, mappings and axioms."""

    key: str
    id: int
    iri: URIRef
    label: LangText
    definition: LangText
    sources: tuple[str, ...]
    synonyms: LangTexts = field(default_factory=dict)
    related_synonyms: LangTexts = field(default_factory=dict)
    comment: LangText = field(default_factory=dict)
    xrefs: tuple[str, ...] = ()
    mappings: dict[MatchKind, tuple[str, ...]] = field(default_factory=dict)
    #: the note saying no FMA/Uberon identifier was found, in en and nb (empty: the class needs none)
    none_found: LangText = field(default_factory=dict)
    ref: str | None = None
    parents: tuple[Parent, ...] = ()
    relations: tuple[Relation, ...] = ()
    equivalence: Equivalence | None = None
    annotations: dict[str, LangText] = field(default_factory=dict)
    evidence_sources: tuple[str, ...] = ()
    evidence_notes: AxiomNotes = field(default_factory=AxiomNotes)
    segment: str | None = None


@dataclass(frozen=True)
class DisjointGroup:
    """Classes declared pairwise disjoint, with the sources of that axiom."""

    members: tuple[str, ...]
    sources: tuple[str, ...]
    notes: AxiomNotes = field(default_factory=AxiomNotes)


@dataclass(frozen=True)
class OntologySource:
    """The whole parsed source, with every key's IRI and kind."""

    header: Header
    sources: tuple[SourceEntry, ...]
    properties: tuple[PropertyEntry, ...]
    classes: tuple[ClassEntry, ...]
    disjoint: tuple[DisjointGroup, ...]
    iris: Mapping[str, URIRef]
    kinds: Mapping[str, EntryKind]

    @property
    def version(self) -> str:
        """The release version (an ISO date)."""
        return self.header.version

    def iri(self, key: str) -> URIRef:
        """IRI of a declared key; SourceError for an unknown one."""
        try:
            return self.iris[key]
        except KeyError:
            raise SourceError(f"unknown term key {key!r}") from None


# -- reading one entry ----------------------------------------------------------------------------
_FIELD_NAMES = {"def": "definition", "src": "src", "syn": "synonyms", "rsyn": "related synonyms", "none_found": "none_found note"}


class _Entry:
    """Typed access to one YAML mapping, with errors that name the entry and the field."""

    def __init__(self, what: str, raw: object, allowed: Iterable[str]) -> None:
        if not isinstance(raw, Mapping):
            raise SourceError(f"{what} is not a mapping of fields")
        self.what = what
        self.raw: Mapping[str, object] = raw
        unknown = sorted(str(k) for k in raw if k not in set(allowed))
        if unknown:
            raise SourceError(f"{what} has unknown field {unknown[0]!r}")

    def fail(self, name: str, problem: str) -> SourceError:
        return SourceError(f"{self.what}: field {name!r} {problem}")

    def has(self, name: str) -> bool:
        return name in self.raw

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.raw.get(name)
        if value is None:
            if required:
                raise SourceError(f"{self.what} has no {_FIELD_NAMES.get(name, name)}")
            return None
        if isinstance(value, _dt.date):
            return value.isoformat()
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise self.fail(name, f"must be a text, not {type(value).__name__}")
        return str(value)

    def required_text(self, name: str) -> str:
        return cast(str, self.text(name, required=True))

    def number(self, name: str) -> int:
        value = self.raw.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            if value is None:
                raise SourceError(f"{self.what} has no {name}")
            raise self.fail(name, f"must be a positive whole number, not {value!r}")
        return value

    def keys(self, name: str) -> tuple[str, ...]:
        value = self.raw.get(name, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(name, "must be a list of keys")
        return tuple(value)

    def choice(self, name: str, allowed: tuple[_T, ...], default: _T) -> _T:
        value = self.raw.get(name, default)
        if value not in allowed:
            raise self.fail(name, f"must be one of {', '.join(map(str, allowed))}, not {value!r}")
        return value

    def lang_text(self, name: str, *, required: tuple[str, ...] = ()) -> LangText:
        value = self.raw.get(name) or {}
        if not isinstance(value, Mapping) or not all(isinstance(v, (str, int, float)) for v in value.values()):
            raise self.fail(name, "must map languages to texts")
        for lang in required:
            if not value.get(lang):
                raise SourceError(f"{self.what} has no {lang} {_FIELD_NAMES.get(name, name)}")
        return {str(lang): str(text) for lang, text in value.items()}

    def lang_texts(self, name: str) -> LangTexts:
        value = self.raw.get(name) or {}
        if not isinstance(value, Mapping):
            raise self.fail(name, "must map languages to lists of texts")
        out: LangTexts = {}
        for lang, texts in value.items():
            items = [texts] if isinstance(texts, str) else texts
            if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
                raise self.fail(name, f"must give a list of texts for {lang!r}")
            out[str(lang)] = tuple(items)
        return out


def _expression(owner: _Entry, name: str, spec: object) -> ClassExpression:
    if isinstance(spec, str):
        return spec
    if isinstance(spec, Mapping) and set(spec) == {"or"} and isinstance(spec["or"], list) and len(spec["or"]) >= 2:
        return UnionOf(tuple(_expression(owner, name, member) for member in spec["or"]))
    if isinstance(spec, Mapping) and set(spec) == {"and"} and isinstance(spec["and"], list) and len(spec["and"]) >= 2:
        return IntersectionOf(tuple(_expression(owner, name, member) for member in spec["and"]))
    if isinstance(spec, Mapping) and set(spec) == {"not"}:
        return ComplementOf(_expression(owner, name, spec["not"]))
    if isinstance(spec, Mapping) and set(spec) == {"some"} and isinstance(spec["some"], list) and len(spec["some"]) == 2:
        prop, filler = spec["some"]
        if isinstance(prop, str):
            return Some(prop, _expression(owner, name, filler))
    raise owner.fail(
        name,
        f"has a malformed class expression {spec!r}: use a class key, {{or: [...]}}, "
        "{and: [...]}, {not: expression} or {some: [property, filler]}",
    )


def _notes(owner: _Entry, name: str, raw: object) -> AxiomNotes:
    """``{qualifier: {en, nb}, footnote: "¹", read_as: [source…], compensating: [class…]}`` on one axiom."""
    entry = _Entry(f"{owner.what}, field {name!r}, axiom notes", raw, AXIOM_NOTE_FIELDS)
    return AxiomNotes(
        qualifier=entry.lang_text("qualifier", required=LANGS_REQUIRED if entry.has("qualifier") else ()),
        footnote=entry.text("footnote"),
        read_as=entry.keys("read_as"),
        compensating=entry.keys("compensating"),
    )


def _relations(entry: _Entry, name: str, quantifier: Quantifier) -> tuple[Relation, ...]:
    raw = entry.raw.get(name, [])
    if not isinstance(raw, list):
        raise entry.fail(name, "must be a list of [property, filler, source…]")
    out = []
    for item in raw:
        notes = AxiomNotes()
        if isinstance(item, list) and len(item) > 2 and isinstance(item[-1], Mapping):
            notes = _notes(entry, name, item[-1])
            item = item[:-1]
        if not isinstance(item, list) or len(item) < 2 or not isinstance(item[0], str) or not all(isinstance(s, str) for s in item[2:]):
            raise entry.fail(name, f"has {item!r}; expected [property, filler, source…, {{notes}}]")
        out.append(Relation(item[0], _expression(entry, name, item[1]), tuple(item[2:]), quantifier, notes))
    return tuple(out)


def _parents(entry: _Entry) -> tuple[Parent, ...]:
    raw = entry.raw.get("is_a", [])
    if not isinstance(raw, list):
        raise entry.fail("is_a", "must be a list of class keys")
    out = []
    for item in raw:
        parts = item if isinstance(item, list) else [item]
        if not parts or not all(isinstance(p, str) for p in parts):
            raise entry.fail("is_a", f"has {item!r}; expected a class key or [class, source…]")
        out.append(Parent(parts[0], tuple(parts[1:])))
    return tuple(out)


def _equivalence(entry: _Entry) -> Equivalence | None:
    raw = entry.raw.get("equiv")
    if raw is None:
        return None
    spec = _Entry(f"{entry.what}, field 'equiv',", raw, ("genus", "rel", "src"))
    rels = spec.raw.get("rel", [])
    if not isinstance(rels, list) or not all(isinstance(r, list) and len(r) == 2 and isinstance(r[0], str) for r in rels):
        raise entry.fail("equiv", "needs rel: a list of [property, filler]")
    relations = tuple((str(p), _expression(entry, "equiv", f)) for p, f in rels)
    genus = spec.text("genus")
    if genus is None and not relations:
        raise entry.fail("equiv", "needs a genus or at least one rel")
    return Equivalence(genus, relations, spec.keys("src"))


def _header(raw: object) -> Header:
    entry = _Entry(
        "the ontology header", raw, ("version", "created", "license", "creators", "sources", "title", "description", "comment", "homepage")
    )
    version = entry.required_text("version")
    created = entry.required_text("created")
    for name, value in (("version", version), ("created", created)):
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise entry.fail(name, f"must be an ISO date (YYYY-MM-DD), not {value!r}") from None
    return Header(
        version=version,
        created=created,
        license=entry.required_text("license"),
        creators=entry.keys("creators"),
        sources=entry.keys("sources"),
        title=entry.lang_text("title", required=("en",)),
        description=entry.lang_text("description", required=("en",)),
        comment=entry.lang_text("comment"),
        homepage=entry.text("homepage"),
    )


def _key(section: str, index: int, raw: object) -> str:
    key = raw.get("key") if isinstance(raw, Mapping) else None
    if not isinstance(key, str) or not key:
        raise SourceError(f"{section} entry #{index + 1} has no key")
    return key


def _source(raw: Mapping[str, object], key: str) -> SourceEntry:
    entry = _Entry(f"source {key!r}", raw, ("key", "id", "type", "label", "comment", "part_of", "citation"))
    return SourceEntry(
        key=key,
        id=entry.number("id"),
        type=entry.required_text("type"),
        label=entry.lang_text("label", required=("en",)),
        comment=entry.lang_text("comment"),
        part_of=entry.text("part_of"),
        citation=entry.text("citation"),
    )


def _term_iri(entry: _Entry) -> URIRef:
    if entry.has("iri"):
        value = entry.required_text("iri")
        if "://" in value:
            return URIRef(value)
        try:
            return URIRef(expand_curie(value))
        except ValueError:
            raise entry.fail("iri", f"{value!r} is neither an IRI nor a known CURIE") from None
    return GLUT[f"{entry.number('id'):07d}"]


_PROPERTY_FIELDS = (
    "key",
    "id",
    "iri",
    "defined_by",
    "kind",
    "label",
    "def",
    "src",
    "syn",
    "rsyn",
    "comment",
    "traits",
    "super",
    "inverse",
    "fma",
    "range",
    "chain",
)


def _property(raw: Mapping[str, object], key: str) -> PropertyEntry:
    entry = _Entry(f"property {key!r}", raw, _PROPERTY_FIELDS)
    reused = entry.has("iri")
    if reused and entry.has("id"):
        raise SourceError(f"property {key!r} has both id and iri; a reused property keeps its own IRI")
    defined_by = entry.text("defined_by")
    if defined_by is not None and not reused:
        raise entry.fail("defined_by", "is only for properties reused by iri")
    if reused and any(entry.has(k) for k in ("def", "src", "comment", "fma")):
        raise SourceError(
            f"property {key!r} is reused from {entry.raw['iri']}: give it labels and defined_by only; put definitions and notes on project terms"
        )
    if reused and defined_by is None:
        raise SourceError(f"property {key!r} is reused from {entry.raw['iri']}: name its source ontology in defined_by")
    plain = not reused
    chains = entry.raw.get("chain", [])
    if not isinstance(chains, list) or not all(isinstance(c, list) and len(c) >= 2 and all(isinstance(k, str) for k in c) for c in chains):
        raise entry.fail("chain", "must be a list of chains, each two or more property keys")
    traits = entry.keys("traits")
    for trait in traits:
        if trait not in get_args(Trait):
            raise entry.fail("traits", f"has {trait!r}; use {', '.join(get_args(Trait))}")
    return PropertyEntry(
        key=key,
        iri=_term_iri(entry),
        kind=entry.choice("kind", get_args(PropertyKind), "object"),
        label=entry.lang_text("label", required=LANGS_REQUIRED),
        definition=entry.lang_text("def", required=LANGS_REQUIRED if plain else ()),
        sources=entry.keys("src"),
        reused=reused,
        defined_by=defined_by,
        synonyms=entry.lang_texts("syn"),
        related_synonyms=entry.lang_texts("rsyn"),
        comment=entry.lang_text("comment"),
        traits=cast("tuple[Trait, ...]", traits),
        super=entry.keys("super"),
        inverse=entry.text("inverse"),
        fma=entry.text("fma"),
        range=entry.text("range"),
        chains=tuple(tuple(chain) for chain in chains),
    )


_CLASS_FIELDS = (
    "key",
    "id",
    "label",
    "def",
    "src",
    "syn",
    "rsyn",
    "comment",
    "xref",
    "map",
    "none_found",
    "ref",
    "is_a",
    "rel",
    "only",
    "equiv",
    "evidence_src",
    "evidence_notes",
    *ANNOTATION_FIELDS,
)


def _class(raw: Mapping[str, object], key: str) -> ClassEntry:
    entry = _Entry(f"class {key!r}", raw, _CLASS_FIELDS)
    mappings_raw = entry.raw.get("map") or {}
    if not isinstance(mappings_raw, Mapping):
        raise entry.fail("map", "must map exact/close/broad/narrow/related to lists of CURIEs")
    mappings: dict[MatchKind, tuple[str, ...]] = {}
    for kind, curies in mappings_raw.items():
        if kind not in get_args(MatchKind):
            raise entry.fail("map", f"has {kind!r}; use {', '.join(get_args(MatchKind))}")
        if not isinstance(curies, list) or not all(isinstance(c, str) and ":" in c for c in curies):
            raise entry.fail("map", f"{kind}: must be a list of CURIEs")
        mappings[cast(MatchKind, kind)] = tuple(curies)
    annotations = {name: entry.lang_text(name) for name in ANNOTATION_FIELDS if name != "segment" and entry.has(name)}
    for name in ("evidence_src", "evidence_notes"):
        if entry.has(name) and "evidence" not in annotations:
            raise entry.fail(name, "needs an evidence annotation to apply to")
    return ClassEntry(
        key=key,
        id=entry.number("id"),
        iri=_term_iri(entry),
        label=entry.lang_text("label", required=LANGS_REQUIRED),
        definition=entry.lang_text("def", required=LANGS_REQUIRED),
        sources=entry.keys("src"),
        synonyms=entry.lang_texts("syn"),
        related_synonyms=entry.lang_texts("rsyn"),
        comment=entry.lang_text("comment"),
        xrefs=entry.keys("xref"),
        mappings=mappings,
        none_found=entry.lang_text("none_found", required=LANGS_REQUIRED if entry.has("none_found") else ()),
        ref=entry.text("ref"),
        parents=_parents(entry),
        relations=_relations(entry, "rel", "some") + _relations(entry, "only", "only"),
        equivalence=_equivalence(entry),
        annotations=annotations,
        evidence_sources=entry.keys("evidence_src"),
        evidence_notes=_notes(entry, "evidence_notes", entry.raw["evidence_notes"]) if entry.has("evidence_notes") else AxiomNotes(),
        segment=entry.text("segment"),
    )


def _disjoint(index: int, raw: object) -> DisjointGroup:
    entry = _Entry(f"disjoint group #{index + 1}", raw, ("members", "src", "notes"))
    members = entry.keys("members")
    if len(members) < 2:
        raise entry.fail("members", "needs two or more classes")
    notes = _notes(entry, "notes", entry.raw["notes"]) if entry.has("notes") else AxiomNotes()
    return DisjointGroup(members, entry.keys("src"), notes)


def _section(data: Mapping[str, object], name: str) -> list[object]:
    value = data.get(name) or []
    if not isinstance(value, list):
        raise SourceError(f"section {name!r} must be a list of entries")
    return value


# -- references -----------------------------------------------------------------------------------
class _Checker:
    """Checks that every key an entry mentions is declared, and of the right kind."""

    def __init__(self, kinds: Mapping[str, EntryKind]) -> None:
        self.kinds = kinds

    def expect(self, what: str, name: str, key: str, kind: EntryKind) -> None:
        if key not in self.kinds:
            raise SourceError(f"{what}: field {name!r} names {key!r}, which is not declared")
        if self.kinds[key] != kind:
            raise SourceError(f"{what}: field {name!r} names {key!r}, a {self.kinds[key]}, where a {kind} is needed")

    def all(self, what: str, name: str, keys: Iterable[str], kind: EntryKind) -> None:
        for key in keys:
            self.expect(what, name, key, kind)

    def notes(self, what: str, name: str, notes: AxiomNotes) -> None:
        self.all(what, name, notes.read_as, "source")
        self.all(what, name, notes.compensating, "class")
        used = [
            f
            for f, value in (
                ("qualifier", notes.qualifier),
                ("footnote", notes.footnote),
                ("read_as", notes.read_as),
                ("compensating", notes.compensating),
            )
            if value
        ]
        for field_name in used:
            if self.kinds.get(AXIOM_NOTE_FIELDS[field_name]) != "property":
                raise SourceError(
                    f"{what}: field {name!r} uses {field_name!r}, but its annotation property {AXIOM_NOTE_FIELDS[field_name]!r} is not declared"
                )
        if notes.read_as and not notes.footnote:
            raise SourceError(f"{what}: field {name!r} reads a footnote as a reference without giving the footnote marker")

    def expression(self, what: str, name: str, expr: ClassExpression) -> None:
        if isinstance(expr, str):
            self.expect(what, name, expr, "class")
        elif isinstance(expr, (UnionOf, IntersectionOf)):
            for member in expr.members:
                self.expression(what, name, member)
        elif isinstance(expr, ComplementOf):
            self.expression(what, name, expr.operand)
        else:
            self.expect(what, name, expr.prop, "property")
            self.expression(what, name, expr.filler)


def _check_references(source: OntologySource) -> None:
    check = _Checker(source.kinds)
    check.all("the ontology header", "sources", source.header.sources, "source")
    for s in source.sources:
        what = f"source {s.key!r}"
        check.expect(what, "type", s.type, "class")
        if s.part_of is not None:
            check.expect(what, "part_of", s.part_of, "source")
    for p in source.properties:
        what = f"property {p.key!r}"
        if not p.reused and not p.sources:
            raise SourceError(f"{what} has no src")
        check.all(what, "src", p.sources, "source")
        check.all(what, "super", p.super, "property")
        if p.inverse is not None:
            check.expect(what, "inverse", p.inverse, "property")
        for chain in p.chains:
            check.all(what, "chain", chain, "property")
    for c in source.classes:
        what = f"class {c.key!r}"
        if not c.sources:
            raise SourceError(f"{what} has no src")
        check.all(what, "src", c.sources, "source")
        check.all(what, "evidence_src", c.evidence_sources, "source")
        check.notes(what, "evidence_notes", c.evidence_notes)
        for parent in c.parents:
            check.expect(what, "is_a", parent.key, "class")
            check.all(what, "is_a", parent.sources, "source")
        for rel in c.relations:
            name = "rel" if rel.quantifier == "some" else "only"
            check.expect(what, name, rel.prop, "property")
            check.expression(what, name, rel.filler)
            check.all(what, name, rel.sources, "source")
            check.notes(what, name, rel.notes)
        if c.equivalence is not None:
            if c.equivalence.genus is not None:
                check.expect(what, "equiv", c.equivalence.genus, "class")
            for prop, filler in c.equivalence.relations:
                check.expect(what, "equiv", prop, "property")
                check.expression(what, "equiv", filler)
            check.all(what, "equiv", c.equivalence.sources, "source")
    for index, group in enumerate(source.disjoint):
        what = f"disjoint group #{index + 1}"
        check.all(what, "members", group.members, "class")
        check.all(what, "src", group.sources, "source")
        check.notes(what, "notes", group.notes)
    used = {name for c in source.classes for name in c.annotations} | {"segment" for c in source.classes if c.segment}
    for name in sorted(used):
        if source.kinds.get(ANNOTATION_FIELDS[name]) != "property":
            raise SourceError(f"field {name!r} is used, but its annotation property {ANNOTATION_FIELDS[name]!r} is not declared")


# -- the document -------------------------------------------------------------------------------
def parse_source(data: object) -> OntologySource:
    """Check and type a parsed YAML document; raise :class:`SourceError` naming entry and field."""
    if not isinstance(data, Mapping):
        raise SourceError("the source is not a YAML mapping with ontology, sources, properties and classes")
    unknown = sorted(set(data) - {"ontology", "sources", "properties", "classes", "disjoint"})
    if unknown:
        raise SourceError(f"the source has unknown section {unknown[0]!r}")
    if "ontology" not in data:
        raise SourceError("the source has no ontology header")
    header = _header(data["ontology"])
    iris: dict[str, URIRef] = {}
    kinds: dict[str, EntryKind] = {}
    owners: dict[URIRef, str] = {}

    def declare(kind: EntryKind, key: str, iri: URIRef) -> None:
        if key in kinds:
            raise SourceError(f"{kind} {key!r}: duplicate key (already a {kinds[key]})")
        if iri in owners:
            raise SourceError(f"{kind} {key!r}: duplicate IRI {iri} (already used by {owners[iri]!r})")
        iris[key], kinds[key], owners[iri] = iri, kind, key

    def read(name: str, kind: EntryKind, parse: Callable[[Mapping[str, object], str], _T]) -> list[_T]:
        out = []
        for index, raw in enumerate(_section(data, name)):
            key = _key(name, index, raw)
            out.append(parse(cast(Mapping[str, object], raw), key))
        return out

    sources = read("sources", "source", _source)
    for s in sources:
        declare("source", s.key, GLUT[f"{s.id:07d}"])
    properties = read("properties", "property", _property)
    for p in properties:
        declare("property", p.key, p.iri)
    classes = read("classes", "class", _class)
    for c in classes:
        declare("class", c.key, c.iri)
    disjoint = [_disjoint(i, raw) for i, raw in enumerate(_section(data, "disjoint"))]
    source = OntologySource(header, tuple(sources), tuple(properties), tuple(classes), tuple(disjoint), iris, kinds)
    _check_references(source)
    return source


def load_source(path: Path) -> OntologySource:
    """Read ``path`` (YAML) and :func:`parse_source` it; unreadable YAML is a :class:`SourceError` too."""
    import yaml  # build-time dependency only

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not valid YAML: {' '.join(str(exc).split())}") from None
    return parse_source(data)
