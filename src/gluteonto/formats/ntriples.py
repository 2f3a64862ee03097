"""Deterministic N-Triples writer: one statement a line, lines sorted."""

from __future__ import annotations

from rdflib import Graph

__all__ = ["to_ntriples"]


def to_ntriples(graph: Graph) -> str:
    """Serialise ``graph`` as N-Triples with the lines in sorted order (blank-node labels kept)."""
    lines = graph.serialize(format="nt").splitlines(keepends=True)
    return "".join(sorted(line for line in lines if line.strip()))
