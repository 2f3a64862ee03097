"""From what a user typed to the term it names: IRIs, CURIEs, mapped FMA/Uberon codes and labels.

A label or synonym may be in any language and misspelt within a few letters. Where a name fits
several terms, the one the question answers for (or the one of the kind the parameter expects) is
taken; a term of another kind than expected is named as such, with the questions that do answer
for it. What was read by spelling tolerance is recorded in :attr:`TermResolver.readings`, so the
user can be told.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..i18n import MessageError
from ..resources import ontology_file
from ..terms import iri, literal
from ..vocab import BASE as GLUTEONTO_BASE
from ..vocab import PREFIXES, compact_iri, expand_curie
from .kinds import expected_kinds, kind_members, kind_of
from .lookup import LabelIndex, Match, fetch_label_texts, fetch_tagged_labels, normalize

if TYPE_CHECKING:
    from rdflib import URIRef

    from ..engines import Engine
    from .catalog import Param, QuerySpec

__all__ = ["Answering", "Question", "Suggest", "TermResolver", "iri_text", "parse_iri_value"]

#: a catalog question and the name of the parameter a value is given for
Question = tuple["QuerySpec", str]
#: (question, parameter, candidate terms) → the candidates the question gives rows for
Answering = Callable[["QuerySpec", str, "list[URIRef]"], "set[URIRef]"]
#: a term (IRI) → commands of the questions that answer for it
Suggest = Callable[[str, str], "list[str]"]

_CURIE = re.compile(r"^(?P<prefix>[A-Za-z][\w.-]*):(?P<local>[^\s]+)$")

#: terms whose label or synonym is exactly the given text, ignoring case (the fast path before fuzzy search)
_EXACT = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oboInOwl: <http://www.geneontology.org/formats/oboInOwl#>
SELECT DISTINCT ?term WHERE {
  VALUES ?kind { rdfs:label oboInOwl:hasExactSynonym oboInOwl:hasRelatedSynonym }
  ?term ?kind ?text .
  FILTER(isIRI(?term) && LCASE(STR(?text)) = ?wanted)
}"""

#: whether an IRI occurs in the loaded data at all (as subject or object)
_KNOWN = "ASK { { ?term ?p ?o } UNION { ?s ?p ?term } }"

#: whether an IRI is described (a subject) in the loaded data
_DESCRIBED = "ASK { ?term ?p ?o }"

#: gluteonto terms mapped (exact or close match) to a given external IRI
_MAPPED = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?term WHERE { ?term skos:exactMatch|skos:closeMatch ?target FILTER(isIRI(?term)) }"""

#: every (external IRI, term mapped to it) pair
_MAPPINGS = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?target ?term WHERE { ?term skos:exactMatch|skos:closeMatch ?target FILTER(isIRI(?term) && isIRI(?target)) }"""


def iri_text(value: str) -> str | None:
    """``value`` as an IRI string (``<…>``, ``http…`` or a known CURIE); None if it is not one."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    if re.match(r"^https?://\S+$", value):
        return value
    match = _CURIE.match(value)
    if match and match.group("prefix") in PREFIXES:
        return expand_curie(value)
    return None


def parse_iri_value(value: str) -> URIRef | None:
    """Interpret ``value`` as an IRI (``<…>``, ``http…`` or a known CURIE); None if it is not one."""
    found = iri_text(value)
    if found is None:
        return None
    from rdflib import URIRef

    return URIRef(found)


def _no_answers(_spec: QuerySpec, _param: str, _candidates: list[URIRef]) -> set[URIRef]:
    return set()


def _no_suggestions(_term: str, _lang: str = "en") -> list[str]:
    return []


class TermResolver:
    """Resolves parameter values against the labels of an engine's data (the packaged ontology's, for an
    engine without a local store).

    ``answering`` tells which candidates a question answers for and ``suggest`` the commands that answer
    for a term; the session supplies both, as they run catalog questions.
    """

    def __init__(
        self,
        engine: Engine | None,
        index: LabelIndex | None = None,
        *,
        answering: Answering = _no_answers,
        suggest: Suggest = _no_suggestions,
        mappings: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """``engine`` None: a resolver over the labels of ``index`` alone (a prebuilt index, see
        :mod:`gluteonto.prebuilt`) and the external IRIs ``mappings`` maps to terms, for values given without a question."""
        self._engine = engine
        self._index = index
        self._mappings = mappings or {}
        self._answering = answering
        self._suggest = suggest
        #: (value as typed, IRI) for every value resolved by spelling tolerance or by a mapping, for telling the user
        self.readings: list[tuple[str, str]] = []

    @property
    def engine(self) -> Engine:
        """The engine whose data values are checked against."""
        if self._engine is None:
            raise RuntimeError("this resolver has labels only, no engine to check a question's parameter against")
        return self._engine

    @property
    def index(self) -> LabelIndex:
        """The label index values resolve against; an engine without a local store uses the packaged ontology."""
        if self._index is None:
            source = self.engine
            if not self.engine.capabilities.local_store:
                from ..engines import OxigraphEngine

                source = OxigraphEngine.from_files([ontology_file("ttl", international=True)])
            self._index = LabelIndex.from_engine(source)
        return self._index

    def lookup(self, text: str, limit: int = 10, lang: str = "en") -> list[Match]:
        """Terms whose label or synonym (nb/en/la) matches ``text``, best first; for an IRI or CURIE, the term
        it names or the terms mapped to it (each with its name in ``lang``)."""
        found = iri_text(text)
        if found is None:
            return self.index.search(text, limit)
        from ..labels import choose_tagged

        hits = []
        for term in [found] if self._labelled(found) is not None else self.mapped_terms(found):
            key = self._labelled(term)
            chosen = choose_tagged(self.index.labels[key], lang) if key is not None else None
            if key is not None and chosen is not None:
                hits.append(Match(key, chosen[1], chosen[0], "label", 100))
        return hits[:limit]

    def _labelled(self, term: str) -> URIRef | None:
        """``term`` as the index keys it (an IRI, or the plain string a packaged index holds), if it has a label."""
        from rdflib import URIRef

        for key in (URIRef(term), term):
            if key in self.index.labels:
                return key  # type: ignore[return-value]
        return None

    def mapped_terms(self, target: str) -> list[str]:
        """The terms mapped (exact or close match) to the external IRI ``target``, in IRI order."""
        if self._engine is None:
            return sorted(set(self._mappings.get(target, ())))
        return sorted({row[0].value for row in self.engine.query(_MAPPED, {"target": iri(target)}).cells if row[0] is not None})

    def resolve(self, value: str, question: Question | None = None, lang: str = "en", *, default: bool = False) -> str:
        """An IRI, CURIE or label (misspellings tolerated) → IRI string; ambiguous or unknown names raise
        :class:`~gluteonto.i18n.MessageError` (term names in ``lang``).

        With ``question`` (a catalog query and its parameter), "did you mean" names only terms that
        question answers for. A question's ``default`` (from its header) names a gluteonto term: where
        data loaded beside the ontology (FMA) has a term of the same name, gluteonto's is taken.
        """
        found = iri_text(value)
        if found is not None:
            return self._mapped(value, found, question, lang)
        # Exact names first, with one query and without the label index, where that query is cheap.
        if (
            self._index is None
            and self.engine.capabilities.fast_label_match
            and value.strip()
            and normalize(value) == " ".join(value.casefold().split())
        ):
            exact = self.engine.query(_EXACT, {"wanted": literal(" ".join(value.casefold().split()))}).cells
            if len(exact) == 1 and exact[0][0] is not None:
                return self._checked(value, exact[0][0].value, question, lang)
            own = [row[0].value for row in exact if row[0] is not None and row[0].value.startswith(GLUTEONTO_BASE)]
            if default and len(own) == 1:
                return own[0]
        hits = self.lookup(value, limit=8)
        if default:
            best = [h for h in hits if h.score == hits[0].score and str(h.iri).startswith(GLUTEONTO_BASE)]
            if len({h.iri for h in best}) == 1:
                return str(best[0].iri)
        kinds = expected_kinds(question[1]) if question is not None else ()
        members: set[str] = set()
        if kinds:
            members = kind_members(self.engine, kinds)
            if not any(str(h.iri) in members for h in hits):
                loose = self._loose(value, members)
                if loose is not None:
                    self.readings.append((value, loose))
                    return loose
        if not hits:
            raise self._not_a_term(value, lang)
        top = hits[0]
        rivals = [h for h in hits[1:] if h.score == top.score and h.iri != top.iri]
        if rivals and top.score < 100:
            candidates = [top, *rivals]
            if question is not None:
                answering = self._answering(question[0], question[1], [h.iri for h in candidates])
                useful = [h for h in candidates if h.iri in answering]
                if len(useful) == 1:
                    return self._chosen(value, useful[0])
                if kinds and len(useful) != 1:
                    fitting = [h for h in (useful or candidates) if str(h.iri) in members]
                    if len(fitting) == 1:
                        return self._chosen(value, fitting[0])
                candidates = useful or candidates
            names = "; ".join(f"{self.index.label(h.iri, lang) or h.text} ({compact_iri(str(h.iri))})" for h in candidates[:5])
            raise MessageError(("ambiguous", {"value": value, "names": names}))
        return self._checked(value, self._chosen(value, top), question, lang)

    def _not_a_term(self, value: str, lang: str) -> MessageError:
        """The error for a name no term has, with the terms whose names share most of its words (if any)."""
        near = self.index.nearby(value)
        if not near:
            return MessageError(("not a term", {"value": value}))
        return MessageError(("not a term", {"value": value}), ("did you mean", {"names": self.index.named(near, lang)}))

    def _loose(self, value: str, members: set[str]) -> str | None:
        """The one term of the expected kind whose name has a word spelt like each word of ``value`` (None if not one)."""
        from rapidfuzz import fuzz

        wanted = normalize(value).split()
        if not wanted:
            return None
        found: set[str] = set()
        for term, _text, _lang, _kind, norm in self.index.entries:
            if str(term) not in members:
                continue
            tokens = norm.split()
            if all(any(max(fuzz.ratio(w, t), fuzz.ratio(w, t[: len(w)]), fuzz.ratio(w, t[: len(w) + 1])) >= 80 for t in tokens) for w in wanted):
                found.add(str(term))
        return found.pop() if len(found) == 1 else None

    def _mapped(self, value: str, found: str, question: Question | None, lang: str) -> str:
        """An FMA/Uberon (or other mapped) IRI → the gluteonto term mapped to it, for the competency questions; a code
        nothing in the data has or is mapped to is not a term here."""
        if question is None:
            return self._outside(value, found, lang)
        if question[0].group == "questions" and not found.startswith(GLUTEONTO_BASE):
            mapped = [row[0].value for row in self.engine.query(_MAPPED, {"target": iri(found)}).cells if row[0] is not None]
            if len(set(mapped)) == 1:
                self.readings.append((value, mapped[0]))
                return self._checked(value, mapped[0], question, lang)
        if not self.engine.query(_KNOWN, {"term": iri(found)}).boolean:
            raise MessageError(("unknown code", {"value": value}))
        return found

    def mapping_table(self) -> dict[str, list[str]]:
        """Every external IRI a term is mapped to (exact or close match) → those terms, both in IRI order (the
        packaged table a resolver without an engine reads mappings from)."""
        table: dict[str, set[str]] = {}
        for target, term in self.engine.query(_MAPPINGS).cells:
            if target is not None and term is not None:
                table.setdefault(target.value, set()).add(term.value)
        return {target: sorted(table[target]) for target in sorted(table)}

    def _outside(self, value: str, found: str, lang: str) -> str:
        """An IRI given without a question: itself when the data describes it, else the one term mapped to it
        (remembered in :attr:`readings`); several mapped terms are named and none is taken."""
        from rdflib import URIRef

        if found.startswith(GLUTEONTO_BASE) or self._labelled(found) is not None:
            return found
        if self._engine is not None and self.engine.query(_DESCRIBED, {"term": iri(found)}).boolean:
            return found
        mapped = self.mapped_terms(found)
        if len(mapped) == 1:
            self.readings.append((value, mapped[0]))
            return mapped[0]
        if mapped:
            raise MessageError(("ambiguous", {"value": value, "names": self.index.named([URIRef(term) for term in mapped[:5]], lang)}))
        return found

    def _checked(self, value: str, term: str, question: Question | None, lang: str) -> str:
        """``term``, unless it is of another kind than the question's parameter expects and gives no answer there."""
        if question is None:
            return term
        kinds = expected_kinds(question[1])
        if not kinds or term in kind_members(self.engine, kinds):
            return term
        from rdflib import URIRef

        if self._answering(question[0], question[1], [URIRef(term)]):
            return term
        own = kind_of(self.engine, term)
        names = fetch_label_texts(self.engine, [term, *([own] if own else []), kinds[0]], lang)
        parts: list[tuple[str, dict[str, object]]] = [
            ("wrong kind", {"name": names.get(term, value), "kind": names.get(own or "", "?"), "expected": names.get(kinds[0], "")})
        ]
        commands = self._suggest(term, lang)
        if commands:
            parts.append(("questions for", {"name": names.get(term, value), "commands": "\n  ".join(["", *commands])}))
        raise MessageError(*parts)

    def _chosen(self, value: str, hit: Match) -> str:
        """The IRI of ``hit``; a spelling-tolerant hit is remembered in :attr:`readings`."""
        if hit.approximate:
            self.readings.append((value, str(hit.iri)))
        return str(hit.iri)

    @staticmethod
    def check_literal(param: Param, raw: str) -> str:
        """A literal parameter value in its canonical case (``l5`` → ``L5``); values outside the allowed set raise."""
        if not param.pattern:
            return raw
        compact = "".join(raw.split())
        for candidate in (raw, raw.upper(), raw.lower(), compact, compact.upper(), compact.lower()):
            if re.fullmatch(param.pattern, candidate):
                return candidate
        raise MessageError(("not a value", {"value": raw, "param": param.name, "hint": param.hint}))

    def label_texts(self, iris: Iterable[str], lang: str = "en") -> dict[str, str]:
        """Labels of IRIs (strings) in ``lang``, with fallbacks (see :func:`~gluteonto.query.lookup.fetch_labels`)."""
        return fetch_label_texts(self.engine, iris, lang)

    def tagged_labels(self, iris: Iterable[str], lang: str = "en") -> dict[str, tuple[str, str]]:
        """:meth:`label_texts` with each label's language tag (see :func:`~gluteonto.query.lookup.fetch_tagged_labels`)."""
        return fetch_tagged_labels(self.engine, iris, lang)
