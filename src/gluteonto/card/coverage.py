"""Notes on what the source does not cover, where a reader would expect an answer.

The rules are stated per kind of term and read the card's own relations, so a note appears
exactly when the ontology lacks the fact (a muscle without a stated nerve) or lists only what the
source names (the muscles a nerve supplies).
"""

from __future__ import annotations

from rdflib import URIRef

from .. import iris
from ..i18n import and_list, msg
from .index import CardIndex
from .model import Note, Relation, TermRef

__all__ = ["coverage_notes"]

MUSCLE, NERVE, ARTERY = URIRef(iris.MUSCLE_ORGAN), URIRef(iris.NERVE), URIRef(iris.ARTERY)
_INNERVATED_BY, _INNERVATES = iris.INNERVATED_BY, iris.INNERVATES
_ORIGIN, _INSERTION = iris.HAS_MUSCLE_ORIGIN, iris.HAS_MUSCLE_INSERTION
_BLOOD = iris.VESSEL_SUPPLIES_BLOOD_TO
_BRANCH_OF = URIRef(iris.BRANCHING_PART_OF)


def _message(key: str, lang: str, **values: str) -> Note:
    """A coverage note (``coverage.KEY`` in the catalogues; ``{s}`` the term, ``{list}`` named structures)."""
    return Note("coverage", msg("coverage." + key, lang, **values))


def _join(names: list[str], lang: str) -> str:
    return and_list(sorted(set(names), key=str.casefold), lang)


def _supplied(index: CardIndex, term: URIRef, out_prop: str | None, in_prop: str | None, lang: str) -> list[str]:
    """Names of what ``term`` and its branches supply (outgoing ``out_prop``, incoming ``in_prop``)."""
    names: list[str] = []
    branches = [term, *(c for c, p, _n in index.pointing_to(term) if p == _BRANCH_OF)]
    for node in branches:
        if out_prop:
            names += [index.name(f, lang).text for p, f, _n in index.restrictions(node) if str(p) == out_prop]
        if in_prop:
            names += [index.name(c, lang).text for c, p, _n in index.pointing_to(node) if str(p) == in_prop]
    return names


def coverage_notes(
    index: CardIndex, term: URIRef, relations: tuple[Relation, ...], incoming: tuple[Relation, ...], lang: str, me: TermRef
) -> list[Note]:
    """Coverage notes for ``term`` in ``lang`` (en or nb)."""
    if index.kind(term) != "class":
        return []
    kinds = {a for a, _c in index.ancestors(term)}
    out = {r.property.iri for r in relations}
    into = {r.property.iri for r in incoming}
    name = me.name.text
    notes: list[Note] = []
    if MUSCLE in kinds:
        if _INNERVATED_BY not in out and _INNERVATES not in into:
            notes.append(_message("no nerve", lang, s=name))
        if _ORIGIN not in out and _INSERTION not in out:
            notes.append(_message("no attachment", lang, s=name))
        if _BLOOD not in into:
            notes.append(_message("no blood", lang, s=name))
    if NERVE in kinds:
        supplied = _supplied(index, term, _INNERVATES, _INNERVATED_BY, lang)
        notes.append(_message("nerve list", lang, s=name, list=_join(supplied, lang)) if supplied else _message("nerve none", lang, s=name))
    if ARTERY in kinds:
        supplied = _supplied(index, term, _BLOOD, None, lang)
        notes.append(_message("artery list", lang, s=name, list=_join(supplied, lang)) if supplied else _message("artery none", lang, s=name))
    return notes
