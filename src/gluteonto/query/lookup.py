"""Find terms by label or synonym in Norwegian, English or Latin, ignoring case and diacritics.

>>> normalize("Lasègue-test")
'lasegue test'
>>> normalize("n. gluteus superior")
'nervus gluteus superior'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, NamedTuple

from ..i18n import name_shown, vocabulary_name
from ..labels import choose_tagged
from ..sparql.text import serialize_term
from ..vocab import PREFIXES, compact_iri, sparql_prefixes

if TYPE_CHECKING:
    from rdflib import URIRef

    from ..engines import Engine

__all__ = ["APPROXIMATE", "LabelIndex", "LabelKind", "Match", "fetch_label_texts", "fetch_labels", "fetch_tagged_labels", "normalize"]

#: What kind of name a lookup entry is.
LabelKind = Literal["label", "exact synonym", "related synonym"]
_KINDS: dict[str, LabelKind] = {
    PREFIXES["rdfs"] + "label": "label",
    PREFIXES["oboInOwl"] + "hasExactSynonym": "exact synonym",
    PREFIXES["oboInOwl"] + "hasRelatedSynonym": "related synonym",
}

_ABBREVIATIONS = {
    "m": "musculus",
    "mm": "musculi",
    "n": "nervus",
    "nn": "nervi",
    "a": "arteria",
    "aa": "arteriae",
    "v": "vena",
    "r": "ramus",
    "lig": "ligamentum",
}
#: scores below this are spelling-tolerant hits (see :mod:`gluteonto.fuzzy`)
APPROXIMATE = 40
_SPLIT = re.compile(r"[^\w]+", re.UNICODE)

_LABEL_QUERY = (
    sparql_prefixes("rdfs", "oboInOwl")
    + """
SELECT ?term ?kind ?text WHERE {
  VALUES ?kind { rdfs:label oboInOwl:hasExactSynonym oboInOwl:hasRelatedSynonym }
  ?term ?kind ?text .
  FILTER(isIRI(?term))
}
"""
)


def normalize(text: str) -> str:
    """Lower-case, strip diacritics and punctuation, expand Latin abbreviations (n., m., a.)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("ø", "o").replace("æ", "ae").replace("å", "a")
    tokens = [t for t in _SPLIT.split(plain) if t]
    return " ".join(_ABBREVIATIONS.get(t, t) for t in tokens)


class Match(NamedTuple):
    """One hit of a lookup (a named tuple: see :class:`~.catalog.Param`)."""

    iri: URIRef
    text: str
    lang: str
    kind: LabelKind
    score: int

    @property
    def approximate(self) -> bool:
        """True when the hit was found by spelling tolerance, not by the words as typed."""
        return self.score < APPROXIMATE


class LabelIndex:
    """Labels and synonyms of every IRI in an engine, searchable with :meth:`search`."""

    def __init__(self, entries: Iterable[tuple[URIRef, str, str, LabelKind]]) -> None:
        """Index ``(iri, text, language, kind)`` entries."""
        self._fill([(iri, text, lang, kind, normalize(text)) for iri, text, lang, kind in entries])

    @classmethod
    def normalized(cls, entries: Iterable[tuple[URIRef, str, str, LabelKind, str]]) -> LabelIndex:
        """An index of ``(iri, text, language, kind, normalised text)`` entries, the last as :func:`normalize` gives it
        (a prebuilt table, see :mod:`gluteonto.prebuilt`)."""
        index = cls.__new__(cls)
        index._fill(list(entries))
        return index

    def _fill(self, entries: list[tuple[URIRef, str, str, LabelKind, str]]) -> None:
        self.entries = entries
        self.labels: dict[URIRef, dict[str, str]] = {}
        for iri, text, lang, kind, _norm in self.entries:
            if kind == "label":
                self.labels.setdefault(iri, {}).setdefault(lang, text)

    @classmethod
    def from_engine(cls, engine: Engine) -> LabelIndex:
        """Index every label and synonym of the IRIs in ``engine``."""
        from rdflib import URIRef

        result = engine.query(_LABEL_QUERY)
        entries = []
        for term, kind, text in result.rows:
            lang = getattr(text, "language", None) or ""
            entries.append((URIRef(str(term)), str(text), lang, _KINDS[str(kind)]))
        return cls(entries)

    def label(self, iri: URIRef, lang: str = "en") -> str | None:
        """The name of ``iri`` as an answer in ``lang`` shows it: the catalogue's name of a reused vocabulary
        term (:func:`~gluteonto.i18n.vocabulary_name`), else its label in ``lang``, else in English, else any,
        marked with its language (``homepage (en)``, :func:`~gluteonto.i18n.name_shown`)."""
        named = vocabulary_name(str(iri), lang)
        if named is not None:
            return named
        chosen = choose_tagged(self.labels.get(iri, {}), lang)
        return name_shown(chosen[1], chosen[0], lang) if chosen else None

    def search(self, text: str, limit: int = 10) -> list[Match]:
        """Rank terms whose label or synonym matches ``text``: exact, then prefix, then all words, then substring."""
        query = normalize(text)
        if not query:
            return []
        words = query.split()
        best: dict[URIRef, Match] = {}
        for iri, original, lang, kind, norm in self.entries:
            if norm == query:
                score = 100
            elif norm.startswith(query):
                score = 80
            elif all(any(tok.startswith(w) for tok in norm.split()) for w in words):
                score = 60
            elif query in norm:
                score = 40
            else:
                continue
            if kind != "label":
                score -= 5
            previous = best.get(iri)
            if previous is None or score > previous.score:
                best[iri] = Match(iri, original, lang, kind, score)
        if not best:
            best = self._approximate(query, limit)
        ranked = sorted(best.values(), key=lambda m: (-m.score, len(m.text), str(m.iri)))
        return ranked[:limit]

    def named(self, iris: Iterable[URIRef], lang: str = "en") -> str:
        """Terms as a message names them: ``name (CURIE); …``, each name in ``lang``."""
        return "; ".join(f"{self.label(iri, lang) or iri} ({compact_iri(str(iri))})" for iri in iris)

    def nearby(self, text: str, limit: int = 5) -> list[URIRef]:
        """Terms to suggest when ``text`` names none: those whose names share the most of its words, each word
        compared by its stem (its first letters, at least four), so an everyday phrase finds the term it is
        close to. Empty when no word of four letters or more is shared.

        >>> index = LabelIndex([("http://x/a", "tilstand etter hofteoperasjon", "nb", "label"),
        ...                     ("http://x/b", "svakhet i gluteus minimus", "nb", "label")])
        >>> [str(iri) for iri in index.nearby("svakhet etter hofteoperasjon")]
        ['http://x/a']
        >>> index.nearby("qqqq zz")
        []
        """
        stems = {word[: max(4, len(word) - 3)] for word in normalize(text).split() if len(word) >= 4}
        shared: dict[URIRef, int] = {}
        for iri, _original, _lang, _kind, norm in self.entries:
            tokens = norm.split()
            count = sum(1 for stem in stems if any(token.startswith(stem) for token in tokens))
            if count > shared.get(iri, 0):
                shared[iri] = count
        if not shared:
            return []
        most = max(shared.values())
        return sorted((iri for iri, count in shared.items() if count == most), key=str)[:limit]

    def _approximate(self, query: str, limit: int) -> dict[URIRef, Match]:
        """Hits for a misspelt ``query``: names within a few edits, scored below :data:`APPROXIMATE`."""
        from .fuzzy import closest

        best: dict[URIRef, Match] = {}
        for position, similarity in closest(query, [e[4] for e in self.entries], limit=limit * 4):
            iri, original, lang, kind, _norm = self.entries[position]
            score = APPROXIMATE - 1 - (100 - similarity) - (1 if kind != "label" else 0)
            if iri not in best or score > best[iri].score:
                best[iri] = Match(iri, original, lang, kind, score)
        return best


def fetch_labels(engine: Engine, iris: Iterable[URIRef], lang: str = "en") -> dict[URIRef, str]:
    """Labels of ``iris`` in ``lang`` (English or FMA preferred name as fallback) from ``engine``.

    ``lang`` ending in ``-only`` (e.g. ``la-only``) gives only labels in that language, no fallback.
    """
    from rdflib import URIRef

    return {URIRef(i): text for i, text in fetch_label_texts(engine, (str(i) for i in iris), lang).items()}


def fetch_label_texts(engine: Engine, iris: Iterable[str], lang: str = "en") -> dict[str, str]:
    """:func:`fetch_labels` for IRIs given as strings, keyed by string (needs no rdflib)."""
    return {key: text for key, (text, _tag) in fetch_tagged_labels(engine, iris, lang).items()}


def fetch_tagged_labels(engine: Engine, iris: Iterable[str], lang: str = "en") -> dict[str, tuple[str, str]]:
    """:func:`fetch_label_texts` with the language tag of each label: IRI → ``(text, tag)`` (``""``: untagged),
    so an answer can mark a name that is not in ``lang``."""
    from ..terms import iri

    strict = lang.endswith("-only")
    lang = lang.removesuffix("-only")
    wanted = sorted(set(iris))
    if not wanted:
        return {}
    values = " ".join(serialize_term(iri(i)) for i in wanted)
    query = (
        sparql_prefixes("rdfs", "fma")
        + f"""
    SELECT ?term ?text WHERE {{
      VALUES ?term {{ {values} }}
      {{ ?term rdfs:label ?text }} UNION {{ ?term fma:preferred_name ?text }}
    }}"""
    )
    ranked: dict[str, tuple[int, str, str]] = {}
    for term, text in engine.query(query).cells:
        if term is None or text is None:
            continue
        language = text.lang or ""
        rank = 0 if language == lang else 1 if language == "en" else 2 if language == "" else 3
        if strict and rank:
            continue
        if term.value not in ranked or rank < ranked[term.value][0]:
            ranked[term.value] = (rank, text.value, language)
    return {key: (text, language) for key, (_rank, text, language) in ranked.items()}
