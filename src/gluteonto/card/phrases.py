"""The card's sentences and words, from the message catalogues.

Every relation of the edit source has a sentence template in every catalogue, keyed by the relation's
key (``relation.has_muscle_origin``: ``{s} originates from {o}``), so a relation without one fails a
test; templates take ``{s}`` (the subject) and ``{o}`` (the filler) and read as a clinician would say
them. A property from outside the ontology (one a user's data brings) is shown as
"subject — property label — filler".
"""

from __future__ import annotations

import re
from typing import TypeVar

from .. import iris
from ..i18n import msg

__all__ = ["RELATION_ORDER", "capitalize", "pieces", "sentence", "template_for", "verb_phrase", "word"]

T = TypeVar("T")

#: The relations in the order a card lists them; any other relation follows, by its label.
RELATION_ORDER: tuple[str, ...] = (
    iris.HAS_MUSCLE_ORIGIN,
    iris.HAS_MUSCLE_INSERTION,
    iris.PART_OF,
    iris.HAS_PART,
    iris.LOCATED_IN,
    iris.DEEP_TO,
    iris.DEEPER_THAN,
    iris.SUPERFICIAL_TO,
    iris.ANTERIOR_TO,
    iris.POSTERIOR_TO,
    iris.ADJACENT_TO,
    iris.BOUNDED_BY,
    iris.CONTINUOUS_WITH,
    iris.ATTACHED_TO,
    iris.INNERVATED_BY,
    iris.INNERVATES,
    iris.BRANCHING_PART_OF,
    iris.CONNECTING_BRANCH_OF,
    iris.HAS_ROOT_SEGMENT,
    iris.PASSES_THROUGH,
    iris.RUNS_WITH,
    iris.VESSEL_SUPPLIES_BLOOD_TO,
    iris.HAS_CONTRIBUTING_ARTERY,
    iris.HAS_AGENT,
    iris.ACTS_ON_JOINT,
    iris.MOVES,
    iris.OCCURS_DURING,
    iris.REQUIRES_CONDITION,
    iris.ENHANCED_BY_CONDITION,
    iris.PREVENTS,
    iris.ACTS_SYNERGISTICALLY_WITH,
    iris.ACTIVE_DURING,
    iris.AFFECTS,
    iris.COMMONLY_AFFECTS,
    iris.HAS_FEATURE,
    iris.MAY_HAVE_FEATURE,
    iris.HAS_DISTINGUISHING_FEATURE,
    iris.HAS_RISK_FACTOR,
    iris.ASSOCIATED_WITH,
    iris.RESULTS_IN,
    iris.CONTRIBUTES_TO,
    iris.MAY_BE_MISTAKEN_FOR,
    iris.TARGETS,
    iris.AVOIDS_COMPENSATION_BY,
    iris.HAS_CAUTION,
    iris.INDICATED_FOR,
    iris.TRAINS_ACTION,
    iris.RECOMMENDED_START_FOR,
    iris.PROGRESSES_TO,
    iris.CONTRAINDICATED_IN,
    iris.PRODUCES_HIGHER_ACTIVATION_THAN,
    iris.RECOMMENDED_IN,
    iris.MAY_RESULT_IN,
    iris.PROGRESSES_WHEN,
    iris.IS_RISK_FACTOR_OF,
    iris.HAS_POPULATION_AT_INCREASED_RISK,
    iris.TYPICALLY_HAS_FEATURE,
    iris.LESS_COMPENSATION_THAN,
    iris.KEPT_APART_FROM,
    iris.RESULT_OF_TEST,
    iris.STATE_AFTER,
    iris.REPORTED_ESPECIALLY_IN,
    iris.MOST_ACTIVE_DURING,
)


def word(key: str, lang: str) -> str:
    """A heading or word of the card (``card.KEY`` in the catalogues) in ``lang`` (``la`` uses English)."""
    return msg("card." + key, lang)


def capitalize(text: str) -> str:
    """Upper-case the first letter only (labels stay as written: 'gluteus minimus' → 'Gluteus minimus')."""
    return text[:1].upper() + text[1:]


def pieces(template: str, subject: T, filler: T) -> tuple[str | T, ...]:
    """Split a template into text and the two term objects, in reading order (empty text dropped)."""
    out: list[str | T] = []
    for part in re.split(r"(\{s\}|\{o\})", template):
        if part == "{s}":
            out.append(subject)
        elif part == "{o}":
            out.append(filler)
        elif part:
            out.append(part)
    return tuple(out)


def template_for(prop_iri: str, prop_label: str, lang: str) -> str:
    """The sentence template of a property in ``lang`` ("{s} — label — {o}" for a property from outside the source)."""
    key = iris.RELATIONS.get(prop_iri)
    return msg("relation." + key, lang) if key is not None else f"{{s}} — {prop_label} — {{o}}"


def sentence(prop_iri: str, prop_label: str, subject: str, filler: str, lang: str) -> str:
    """A sentence for ``subject PROPERTY some filler`` in ``lang``."""
    return capitalize(template_for(prop_iri, prop_label, lang).format(s=subject, o=filler))


def verb_phrase(prop_iri: str, prop_label: str, lang: str) -> str:
    """The words between subject and filler of a property's sentence ("is performed by"); the label if there are none."""
    text = template_for(prop_iri, prop_label, lang)
    if text.startswith("{s} ") and text.endswith(" {o}") and text.count("{") == 2:
        middle = text[4:-4]
        return middle[2:-2] if middle.startswith("— ") and middle.endswith(" —") else middle
    return prop_label
