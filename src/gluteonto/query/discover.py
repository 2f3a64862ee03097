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

__all__ = ["NEEDS_FMA", "answering_terms", "find_query", "query_names", "search_queries"]

#: groups whose questions answer only when FMA data is loaded
NEEDS_FMA = ("FMA comparison",)


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
    """Questions whose name, aliases, titles or descriptions (nb and en) mention every word of ``word``."""
    wanted = normalize(word).split()
    if not wanted:
        return []
    hits = []
    for spec in catalog.values():
        haystack = normalize(" ".join([spec.name.replace("-", " "), *spec.aliases, *spec.titles.values(), spec.description,
                                       *spec.descriptions.values(), *(p.help for p in spec.params)]))
        words = haystack.split()
        if all(any(w.startswith(x) or x in w for w in words) for x in wanted):
            hits.append(spec)
    return sorted(hits, key=lambda q: (q.group != "questions", q.name))


def answering_terms(session: Session, spec: QuerySpec, param: str, candidates: Iterable[URIRef]) -> set[URIRef]:
    """The candidates for which ``spec`` gives rows with ``param`` bound to them (others at defaults)."""
    from ..card.questions import answering_questions

    wanted = list(candidates)
    found = answering_questions(session, wanted, only=[(spec, param)])
    return {term for term, pairs in found.items() if pairs}
