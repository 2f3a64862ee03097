"""Finding the right question and the right term: aliases, keyword search, suggestions that answer.

A question is found by its name, by one of its aliases (Norwegian names such as ``innervasjon``)
or, for a misspelt name, suggested from the closest names. Suggestions only name what would
answer: FMA comparisons only when FMA data is loaded, terms only when the question gives rows
for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..i18n import MessageError
from .lookup import normalize

if TYPE_CHECKING:
    from rdflib import URIRef

    from .catalog import QuerySpec
    from .session import Session

__all__ = ["NEEDS_FMA", "answering_terms", "asked_about", "find_query", "query_names", "search_queries",
           "suggested_commands"]

#: groups whose questions answer only when FMA data is loaded
NEEDS_FMA = ("FMA comparison", "Uberon comparison")


def query_names(catalog: Mapping[str, QuerySpec]) -> dict[str, str]:
    """Normalised name or alias → query name (names win over aliases)."""
    names: dict[str, str] = {}
    for spec in catalog.values():
        for alias in spec.aliases:
            names.setdefault(normalize(alias), spec.name)
    for spec in catalog.values():
        names[normalize(spec.name)] = spec.name
    return names


def find_query(name: str, catalog: Mapping[str, QuerySpec], *, fma_loaded: bool = False) -> QuerySpec:
    """The question called ``name`` (or one of its aliases); unknown names get suggestions that answer."""
    if name in catalog:
        return catalog[name]
    names = query_names(catalog)
    key = normalize(name)
    if key in names:
        return catalog[names[key]]
    usable = {k: v for k, v in names.items() if fma_loaded or catalog[v].group not in NEEDS_FMA}
    close = _close_names(key, usable)
    if close:
        raise MessageError(("unknown query", {"name": name}), ("did you mean", {"names": ", ".join(close)}))
    raise MessageError(("unknown query", {"name": name}), ("list queries", {}))


def _close_names(key: str, names: Mapping[str, str]) -> list[str]:
    from .fuzzy import closest

    keys = list(names)
    found: list[str] = []
    spaced = key.replace("-", " ")
    prefixed = [names[k] for k in keys if k.startswith(spaced) or (len(spaced) >= 4 and spaced in k)]
    fuzzy = [names[keys[i]] for i, _s in closest(spaced, [k.replace("-", " ") for k in keys], limit=5, cutoff=75)]
    for query in [*prefixed, *fuzzy]:
        if query not in found:
            found.append(query)
    return found[:5]


def search_queries(word: str, catalog: Mapping[str, QuerySpec]) -> list[QuerySpec]:
    """Questions whose name, aliases, titles or descriptions (nb and en) mention every word of ``word``.

    A misspelt word ("trendelenberg") counts when it is within a few edits of a word of the text.
    """
    from rapidfuzz import fuzz

    wanted = normalize(word).split()
    if not wanted:
        return []
    texts = {name: normalize(" ".join([spec.name.replace("-", " "), *spec.aliases, *spec.titles.values(), spec.description,
                                       *spec.descriptions.values(), *(p.help for p in spec.params),
                                       *(h for p in spec.params for _l, h in p.helps)])).split()
             for name, spec in catalog.items()}

    def found(exact: bool) -> list[QuerySpec]:
        hits = [catalog[name] for name, words in texts.items()
                if all(any((w.startswith(x) or x in w) if exact else fuzz.ratio(x, w) >= 85 for w in words) for x in wanted)]
        return sorted(hits, key=lambda q: (q.group != "questions", q.name))

    return found(True) or found(False)


def answering_terms(session: Session, spec: QuerySpec, param: str, candidates: Iterable[URIRef]) -> set[URIRef]:
    """The candidates for which ``spec`` gives rows with ``param`` bound to them (others at defaults)."""
    from ..card.questions import answering_questions

    wanted = list(candidates)
    found = answering_questions(session, wanted, only=[(spec, param)])
    return {term for term, pairs in found.items() if pairs}


_SEGMENT_CODE = "https://w3id.org/gluteonto/GLUTEONTO_0000993"


def _segment_questions(session: Session, term: str) -> list[tuple[str, str]]:
    """(question name, segment code) for the questions that take ``term``'s spinal segment code."""
    from ..terms import iri

    codes = session.engine.query(f"SELECT ?code WHERE {{ ?term <{_SEGMENT_CODE}> ?code }}", {"term": iri(term)}).cells
    return [(spec.name, code.value) for (code,) in codes if code is not None for spec in session.queries()
            if spec.group == "questions" and any(p.name == "segment" and p.kind == "literal" for p in spec.params)]


def asked_about(session: Session, terms: Iterable[URIRef]) -> dict[URIRef, list[str]]:
    """For each term, the names of the questions that answer for it (by the term or by its segment code)."""
    from ..card.questions import answering_questions

    table = answering_questions(session, terms)
    return {term: sorted({name for name, _code in _segment_questions(session, str(term))}
                         | {spec.name for spec, _param in pairs}) for term, pairs in table.items()}


def suggested_commands(session: Session, term: str, limit: int = 4) -> list[str]:
    """Commands of the questions that answer for ``term``: its segment code first, then the term itself."""
    from rdflib import URIRef

    from ..card.questions import answering_questions
    from ..vocab import compact_iri

    commands = [f"gluteonto query {name} -p segment={code}" for name, code in _segment_questions(session, term)]
    general = {"definition", "labels", "provenance", "fact-sources"}
    for spec, param in answering_questions(session, [URIRef(term)]).get(URIRef(term), []):
        if spec.name not in general:
            commands.append(f"gluteonto query {spec.name} -p {param}={compact_iri(term)}")
    return commands[:limit]
