"""Notes on what the source does not cover, where a reader would expect an answer.

The rules are stated per kind of term and read the card's own relations, so a note appears
exactly when the ontology lacks the fact (a muscle without a stated nerve) or lists only what the
source names (the muscles a nerve supplies).
"""

from __future__ import annotations

from rdflib import URIRef

from ..i18n import in_lang
from ..vocab import GLUT, RO
from .index import CardIndex
from .model import Note, Relation, TermRef

__all__ = ["MESSAGES", "coverage_notes"]

MUSCLE, NERVE, ARTERY = GLUT["0000002"], GLUT["0000061"], GLUT["0000074"]
_INNERVATED_BY, _INNERVATES = str(RO.innervated_by), str(RO.innervates)
_ORIGIN, _INSERTION = str(RO.has_muscle_origin), str(RO.has_muscle_insertion)
_BLOOD = str(RO.vessel_supplies_blood_to)
_BRANCH_OF = RO.branching_part_of

#: message key → (English, Norwegian); {s} the term, {list} named structures
MESSAGES: dict[str, tuple[str, str]] = {
    "no nerve": ("The source does not state the nerve supply of {s}.",
                 "Kilden oppgir ikke nerveforsyningen til {s}."),
    "no attachment": ("The source does not state where {s} originates and inserts.",
                      "Kilden oppgir ikke utspring og feste for {s}."),
    "no blood": ("The source does not state the arterial supply of {s}.",
                 "Kilden oppgir ikke den arterielle forsyningen til {s}."),
    "nerve list": (("The source names only {list} as supplied by {s} (directly or through its branches); "
                   "other structures it may supply are not covered."),
                   ("Kilden nevner bare {list} som forsynt av {s} (direkte eller gjennom greinene); "
                   "andre strukturer nerven kan forsyne, er ikke dekket.")),
    "nerve none": ("The source does not say which structures {s} supplies.",
                   "Kilden sier ikke hvilke strukturer {s} forsyner."),
    "artery list": (("The source names only {list} as supplied with blood by {s} (directly or through its branches); "
                    "other structures it may supply are not covered."),
                    ("Kilden nevner bare {list} som forsynt med blod av {s} (direkte eller gjennom greinene); "
                    "andre strukturer arterien kan forsyne, er ikke dekket.")),
    "artery none": ("The source does not say which structures {s} supplies with blood.",
                    "Kilden sier ikke hvilke strukturer {s} forsyner med blod."),
}


def _message(key: str, lang: str, **values: str) -> Note:
    return Note("coverage", in_lang(MESSAGES[key], lang).format(**values))


def _join(names: list[str], lang: str) -> str:
    names = sorted(set(names), key=str.casefold)
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + (" og " if lang == "nb" else " and ") + names[-1]


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


def coverage_notes(index: CardIndex, term: URIRef, relations: tuple[Relation, ...], incoming: tuple[Relation, ...],
                   lang: str, me: TermRef) -> list[Note]:
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
        notes.append(_message("nerve list", lang, s=name, list=_join(supplied, lang)) if supplied
                     else _message("nerve none", lang, s=name))
    if ARTERY in kinds:
        supplied = _supplied(index, term, _BLOOD, None, lang)
        notes.append(_message("artery list", lang, s=name, list=_join(supplied, lang)) if supplied
                     else _message("artery none", lang, s=name))
    return notes
