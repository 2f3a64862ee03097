"""The term card: everything the ontology says about one term, as plain immutable data.

A :class:`TermCard` is built by :func:`gluteonto.card.build_card` and shown by the renderers
(:func:`~gluteonto.card.render_text`, :func:`~gluteonto.card.render_html`). It holds text already
in the card's language, so renderers only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import LABEL_LANGS, MessageError, name_shown
from ..i18n import ui as ui_lang

__all__ = [
    "LANGS",
    "Annotation",
    "Mapping",
    "Name",
    "Note",
    "QuestionRef",
    "Relation",
    "Source",
    "TermCard",
    "TermRef",
    "not_a_term",
    "ui_lang",
]

#: Card languages. ``la`` shows Latin names for anatomy (English where there is none, marked)
#: and English for everything else.
LANGS = LABEL_LANGS


@dataclass(frozen=True)
class Name:
    """A label in some language; ``fallback`` is true when it is not in the language asked for."""

    text: str
    lang: str
    fallback: bool = False

    def shown(self, lang: str) -> str:
        """The name as text in an answer in ``lang``: a fallback marked with its language (``homepage (en)``).

        >>> Name("homepage", "en", fallback=True).shown("nb"), Name("setemuskel", "nb").shown("nb")
        ('homepage\xa0(en)', 'setemuskel')
        """
        return name_shown(self.text, self.lang, lang) if self.fallback else self.text


@dataclass(frozen=True)
class TermRef:
    """A reference to a term: IRI, CURIE, display name and kind (class, property, individual, external)."""

    iri: str
    curie: str
    name: Name
    kind: str
    local: bool

    def __str__(self) -> str:
        return self.name.text


@dataclass(frozen=True)
class Source:
    """Provenance of a statement: an article section, the article, a textbook or a reference resource; or the
    article's footnote marker on the statement, with the reference it is read as (an interpretation)."""

    ref: TermRef
    kind: str  # "section" | "article" | "textbook" | "reference" | "footnote"
    short: str  # e.g. "the article, section innervation" / "artikkelen, avsnitt Innervasjon"


@dataclass(frozen=True)
class Relation:
    """One statement as a readable sentence, with the terms it links and its provenance.

    ``subject`` and ``target`` are the two ends as the axiom states them (for an incoming relation the
    card's term is the target). ``inherited_from`` names the ancestor the axiom is asserted on.
    ``detail`` adds facts about the target that a reader needs at once (e.g. a nerve's roots).
    """

    subject: TermRef
    property: TermRef
    target: TermRef
    sentence: str
    sources: tuple[Source, ...] = ()
    inherited_from: TermRef | None = None
    detail: str = ""
    axiom: str = "some"  # "some" (SubClassOf R some D), "is_a", "equivalent", "annotation"
    #: the sentence as text pieces and TermRefs in reading order (for renderers that link terms)
    pieces: tuple[str | TermRef, ...] = ()


@dataclass(frozen=True)
class Mapping:
    """A link to an external vocabulary: SKOS predicate or database cross-reference."""

    vocabulary: str  # FMA, UBERON, HP, MONDO, SCTID, EMAPA, …
    curie: str
    predicate: str  # "exact", "close", "broad", "narrow", "related", "xref"
    url: str | None  # a page to open, None when no resolvable address is known


@dataclass(frozen=True)
class QuestionRef:
    """A catalog question that answers when this term is given as its parameter."""

    name: str
    title: str
    param: str
    #: the command that asks it, with the question's and the parameter's names in the card's language
    command: str = ""


@dataclass(frozen=True)
class Note:
    """A remark for the reader: what the source does not cover, an editorial note or a comment."""

    kind: str  # "coverage" | "editorial" | "comment"
    text: str
    #: the language of ``text`` ("" when it is the card's or has none); an editorial note or comment that exists
    #: only in English is not shown on a card in another language, which points to the English card instead
    lang: str = ""


@dataclass(frozen=True)
class Annotation:
    """A textual annotation other than label and definition (exercise purpose, evidence, citation…)."""

    property: TermRef
    text: str
    lang: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class TermCard:
    """Everything the ontology says about one term, in one language (``en``, ``nb`` or ``la``)."""

    term: TermRef
    lang: str
    kind: str  # "class" | "object property" | "annotation property" | "individual"
    labels: tuple[Name, ...] = ()  # one per language present, in the order en, nb, la
    synonyms: tuple[Name, ...] = ()
    definition: Name | None = None
    definition_sources: tuple[Source, ...] = ()
    parents: tuple[Relation, ...] = ()  # is-a (asserted and inherited ancestors)
    children: tuple[TermRef, ...] = ()
    relations: tuple[Relation, ...] = ()  # outgoing, asserted first then inherited
    incoming: tuple[Relation, ...] = ()  # statements on other terms that point here
    annotations: tuple[Annotation, ...] = ()
    mappings: tuple[Mapping, ...] = ()
    questions: tuple[QuestionRef, ...] = ()
    notes: tuple[Note, ...] = ()
    term_sources: tuple[Source, ...] = ()
    #: for properties: statements that use it; for sources: statements that cite it
    uses: tuple[Relation, ...] = ()
    characteristics: tuple[str, ...] = ()  # property traits and inverse, as phrases

    @property
    def ui_lang(self) -> str:
        """Language of the card's sentences and headings."""
        return ui_lang(self.lang)

    @property
    def asserted(self) -> tuple[Relation, ...]:
        """Relations stated on the term itself."""
        return tuple(r for r in self.relations if r.inherited_from is None)

    @property
    def inherited(self) -> tuple[Relation, ...]:
        """Relations the term inherits from an ancestor class."""
        return tuple(r for r in self.relations if r.inherited_from is not None)


def not_a_term(term: str) -> MessageError:
    """The error for a term the ontology does not describe (no card can be shown for it)."""
    return MessageError(("not in ontology", {"value": term}))
