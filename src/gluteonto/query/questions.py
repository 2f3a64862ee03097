"""Which catalog questions answer when a given term is their parameter.

A question "takes" a term when running it with the term bound to one of its IRI parameters (other
parameters at their defaults) gives at least one row. For many terms at once each question runs
once, with all the terms in a ``VALUES`` block and only the parameter projected; a question whose
text cannot be rewritten that way runs once per term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol

from rdflib import URIRef
from rdflib.term import Node

from ..errors import GluteontoError
from ..sparql.text import serialize_term

if TYPE_CHECKING:
    from ..engines import Engine
    from ..sparql.results import QueryResult
    from .catalog import QuerySpec

__all__ = ["QuestionRunner", "QuestionTable", "answering_questions", "question_params"]

#: term → the (question, parameter name) pairs that answer for it
QuestionTable = dict[URIRef, list[tuple["QuerySpec", str]]]


class QuestionRunner(Protocol):
    """What running the catalog's questions needs (a :class:`~gluteonto.query.session.Session` offers it)."""

    engine: Engine

    def queries(self) -> list[QuerySpec]:
        """Every packaged query, competency questions first."""
        ...

    def bind(self, spec: QuerySpec, params: Mapping[str, str] | None = None) -> dict[str, Node]:
        """Parameter values (defaults where not given) as rdflib terms."""
        ...

    def sparql(self, text: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run SPARQL text."""
        ...


_SELECT_HEAD = re.compile(r"^SELECT\b.*?\bWHERE\b", re.MULTILINE | re.DOTALL)


def question_params(session: QuestionRunner) -> list[tuple[QuerySpec, str]]:
    """(question, IRI parameter name) pairs of the competency questions, in catalog order."""
    pairs = []
    for spec in session.queries():
        if spec.group != "questions":
            continue
        for param in spec.params:
            if param.kind == "iri":
                pairs.append((spec, param.name))
    return pairs


def _batched_text(spec: QuerySpec, param: str, rows: list[dict[str, Node]]) -> str | None:
    """The question rewritten to return the distinct values of ``?param`` that answer; None if not possible."""
    head = _SELECT_HEAD.search(spec.text)
    if head is None:
        return None
    body = spec.text[head.end() :]
    close = body.rfind("}")
    if close < 0:
        return None
    names = list(rows[0])
    values = " ".join("(" + " ".join(serialize_term(row[n]) for n in names) + ")" for row in rows)
    brace = body.find("{")
    if brace < 0:
        return None
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ {values} }}\n"
    return spec.text[: head.start()] + f"SELECT DISTINCT ?{param} WHERE" + body[: brace + 1] + block + body[brace + 1 : close + 1] + "\n"


def answering_questions(session: QuestionRunner, terms: Iterable[URIRef], only: Iterable[tuple[QuerySpec, str]] | None = None) -> QuestionTable:
    """For each term, the (question, parameter) pairs that give an answer with the term bound.

    ``only`` limits the search to the given (question, parameter) pairs.
    """
    terms = sorted(set(terms), key=str)
    found: QuestionTable = {t: [] for t in terms}
    if not terms:
        return found
    for spec, param in question_params(session) if only is None else only:
        try:
            defaults = session.bind(spec, {})
        except GluteontoError:
            continue
        rows = [{**defaults, param: term} for term in terms]
        text = _batched_text(spec, param, rows)
        answered: set[URIRef] = set()
        try:
            if text is None:
                raise ValueError("not rewritable")
            result = session.sparql(text)
            answered = {URIRef(str(row[0])) for row in result.rows if row and row[0] is not None}
        except (GluteontoError, ValueError):
            for term in terms:
                if session.engine.query(spec.text, {**defaults, param: term}).rows:
                    answered.add(term)
        for term in terms:
            if term in answered:
                found[term].append((spec, param))
    return found
