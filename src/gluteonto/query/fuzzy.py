"""Spelling-tolerant matching of normalised names (typos, missing letters, swapped letters).

Used after exact, prefix and word matching have found nothing, so a misspelt name
("trendelenberg", "gluteus minumus") still finds its term.

>>> closest("gluteus minumus", ["gluteus minimus", "gluteus medius", "piriformis"])
[(0, 93)]
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CUTOFF", "closest"]

#: least similarity (0–100) a spelling must reach to count as meant
CUTOFF = 85


def closest(query: str, choices: Sequence[str], limit: int = 10, cutoff: int = CUTOFF) -> list[tuple[int, int]]:
    """(index into ``choices``, similarity 0–100) of the choices spelt most like ``query``, best first.

    Both sides are expected normalised (:func:`gluteonto.lookup.normalize`). A choice counts when
    the whole name, or a run of its words as long as the query, is within a few edits of it.
    """
    if not query or not choices:
        return []
    from rapidfuzz import fuzz, process

    width = len(query.split())
    scored: dict[int, int] = {}

    def spans(choice: str) -> list[str]:
        words = choice.split()
        if len(words) <= width:
            return [choice]
        return [" ".join(words[i : i + width]) for i in range(len(words) - width + 1)]

    flat: list[str] = []
    owner: list[int] = []
    for index, choice in enumerate(choices):
        for span in spans(choice):
            flat.append(span)
            owner.append(index)
    for _text, score, position in process.extract(query, flat, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
        index = owner[position]
        # a whole-name match ranks above a match of some of its words
        bonus = 0 if flat[position] == choices[index] else -3
        scored[index] = max(scored.get(index, 0), round(score) + bonus)
    ranked = sorted(scored.items(), key=lambda item: (-item[1], len(choices[item[0]]), item[0]))
    return ranked[:limit]
