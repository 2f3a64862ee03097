"""Closures over a hierarchy given as (lower, upper) pairs: the one helper the build's relation graph and
the runtime's relation-graph questions share.

>>> above = closure({("index finger", "finger"), ("finger", "digit")})
>>> sorted(above["index finger"])
['digit', 'finger', 'index finger']
>>> sorted(below(above)["digit"])
['digit', 'finger', 'index finger']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import TypeVar

__all__ = ["closure", "below"]

N = TypeVar("N", bound=Hashable)


def closure(pairs: Iterable[tuple[N, N]], nodes: Iterable[N] = ()) -> dict[N, set[N]]:
    """Reflexive-transitive closure: each node of ``pairs`` (either side) and of ``nodes`` → every node above it, itself included."""
    up: dict[N, set[N]] = defaultdict(set)
    every = set(nodes)
    for low, high in pairs:
        up[low].add(high)
        every.update((low, high))
    result: dict[N, set[N]] = {}
    for start in every:
        seen = {start}
        todo = [start]
        while todo:
            for nxt in up.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        result[start] = seen
    return result


def below(above: dict[N, set[N]]) -> dict[N, set[N]]:
    """The inverse of a :func:`closure`: each node → every node below it, itself included."""
    down: dict[N, set[N]] = defaultdict(set)
    for low, highs in above.items():
        for high in highs:
            down[high].add(low)
    return dict(down)
