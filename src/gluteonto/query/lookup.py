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
from dataclasses import dataclass
from typing import Literal

from rdflib import URIRef
from rdflib.term import Node

from ..engines.base import Engine
from ..labels import by_language, choose
from ..vocab import OBOINOWL, RDFS, sparql_prefixes
from .sparqltext import serialize_term

__all__ = ["Match", "LabelIndex", "LabelKind", "normalize", "fetch_labels"]

#: What kind of name a lookup entry is.
LabelKind = Literal["label", "exact synonym", "related synonym"]
_KINDS: dict[str, LabelKind] = {
    str(RDFS.label): "label",
    str(OBOINOWL.hasExactSynonym): "exact synonym",
    str(OBOINOWL.hasRelatedSynonym): "related synonym",
}

_ABBREVIATIONS = {
    "m": "musculus", "mm": "musculi", "n": "nervus", "nn": "nervi", "a": "arteria",
    "aa": "arteriae", "v": "vena", "r": "ramus", "lig": "ligamentum",
}
_SPLIT = re.compile(r"[^\w]+", re.UNICODE)

_LABEL_QUERY = sparql_prefixes("rdfs", "oboInOwl") + """
SELECT ?term ?kind ?text WHERE {
  VALUES ?kind { rdfs:label oboInOwl:hasExactSynonym oboInOwl:hasRelatedSynonym }
  ?term ?kind ?text .
  FILTER(isIRI(?term))
}
"""


def normalize(text: str) -> str:
    """Lower-case, strip diacritics and punctuation, expand Latin abbreviations (n., m., a.)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("ø", "o").replace("æ", "ae").replace("å", "a")
    tokens = [t for t in _SPLIT.split(plain) if t]
    return " ".join(_ABBREVIATIONS.get(t, t) for t in tokens)


@dataclass(frozen=True)
class Match:
    """One hit of a lookup."""

    iri: URIRef
    text: str
    lang: str
    kind: LabelKind
    score: int


class LabelIndex:
    """Labels and synonyms of every IRI in an engine, searchable with :meth:`search`."""

    def __init__(self, entries: Iterable[tuple[URIRef, str, str, LabelKind]]) -> None:
        """Index ``(iri, text, language, kind)`` entries."""
        self.entries = [(iri, text, lang, kind, normalize(text)) for iri, text, lang, kind in entries]
        self.labels: dict[URIRef, dict[str, str]] = {}
        for iri, text, lang, kind, _norm in self.entries:
            if kind == "label":
                self.labels.setdefault(iri, {}).setdefault(lang, text)

    @classmethod
    def from_engine(cls, engine: Engine) -> LabelIndex:
        """Index every label and synonym of the IRIs in ``engine``."""
        result = engine.query(_LABEL_QUERY)
        entries = []
        for term, kind, text in result.rows:
            lang = getattr(text, "language", None) or ""
            entries.append((URIRef(str(term)), str(text), lang, _KINDS[str(kind)]))
        return cls(entries)

    def label(self, iri: URIRef, lang: str = "en") -> str | None:
        """Label of ``iri`` in ``lang``, falling back to English, then to any label."""
        return choose(self.labels.get(iri, {}), lang)

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
        ranked = sorted(best.values(), key=lambda m: (-m.score, len(m.text), str(m.iri)))
        return ranked[:limit]


def fetch_labels(engine: Engine, iris: Iterable[URIRef], lang: str = "en") -> dict[URIRef, str]:
    """Labels of ``iris`` in ``lang`` (English, untagged such as FMA's preferred name, or any as fallback)."""
    iris = sorted(set(iris))
    if not iris:
        return {}
    values = " ".join(serialize_term(i) for i in iris)
    query = sparql_prefixes("rdfs", "fma") + f"""
    SELECT ?term ?text WHERE {{
      VALUES ?term {{ {values} }}
      {{ ?term rdfs:label ?text }} UNION {{ ?term fma:preferred_name ?text }}
    }}"""
    found: dict[URIRef, list[Node]] = {}
    for term, text in engine.query(query).rows:
        if text is not None:
            found.setdefault(URIRef(str(term)), []).append(text)
    labels = {iri: choose(by_language(texts), lang) for iri, texts in found.items()}
    return {iri: text for iri, text in labels.items() if text is not None}
