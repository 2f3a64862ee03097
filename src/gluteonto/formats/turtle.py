"""Turtle and TriG writers over rdflib's Turtle writer, which orders subjects and statements (stable
given stable blank-node labels, as the compiler and the release loader give)."""

from __future__ import annotations

from rdflib import Graph

from ..vocab import bind_prefixes

__all__ = ["to_turtle", "to_trig"]


def to_turtle(graph: Graph) -> str:
    """Serialise ``graph`` as Turtle with the project's prefixes (bound on ``graph``)."""
    return bind_prefixes(graph).serialize(format="turtle")


def to_trig(graph: Graph) -> str:
    """Serialise ``graph`` as TriG: the Turtle prefixes, then its statements in the default graph.

    >>> from rdflib import Literal, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://w3id.org/gluteonto/GLUTEONTO_example"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("gm")))
    >>> print(to_trig(g).replace("\\n\\n", "\\n"), end="")
    @prefix GLUTEONTO: <https://w3id.org/gluteonto/GLUTEONTO_> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    {
    GLUTEONTO:example rdfs:label "gm" .
    }
    """
    lines = to_turtle(graph).splitlines()
    cut = next((i for i, line in enumerate(lines) if line and not line.startswith("@prefix")), len(lines))
    body = "\n".join(lines[cut:]).strip("\n")
    return "\n".join(lines[:cut]).rstrip("\n") + "\n\n{\n" + body + ("\n" if body else "") + "}\n"
