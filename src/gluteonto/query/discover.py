"""Suggestions that answer: the questions that give rows for a term, and the commands that ask them.

A term's questions are the competency questions that answer with the term as their parameter
(:mod:`.questions`), and those that take its spinal segment code. Suggestions only name what would
answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import iris
from .questions import QuestionRunner, answering_questions

if TYPE_CHECKING:
    from rdflib import URIRef

    from .catalog import QuerySpec

__all__ = ["answering_terms", "asked_about", "suggested_commands"]


def answering_terms(session: QuestionRunner, spec: QuerySpec, param: str, candidates: Iterable[URIRef]) -> set[URIRef]:
    """The candidates for which ``spec`` gives rows with ``param`` bound to them (others at defaults)."""
    wanted = list(candidates)
    found = answering_questions(session, wanted, only=[(spec, param)])
    return {term for term, pairs in found.items() if pairs}


def _segment_questions(session: QuestionRunner, term: str) -> list[tuple[QuerySpec, str]]:
    """(question, segment code) for the questions that take ``term``'s spinal segment code."""
    from ..terms import iri

    codes = session.engine.query(f"SELECT ?code WHERE {{ ?term <{iris.SPINAL_SEGMENT}> ?code }}", {"term": iri(term)}).cells
    return [
        (spec, code.value)
        for (code,) in codes
        if code is not None
        for spec in session.queries()
        if spec.group == "questions" and any(p.name == "segment" and p.kind == "literal" for p in spec.params)
    ]


def asked_about(session: QuestionRunner, terms: Iterable[URIRef], lang: str = "en") -> dict[URIRef, list[str]]:
    """For each term, the names in ``lang`` of the questions that answer for it (by the term or by its segment code)."""
    table = answering_questions(session, terms)
    return {
        term: sorted({spec.name_in(lang) for spec, _code in _segment_questions(session, str(term))} | {spec.name_in(lang) for spec, _param in pairs})
        for term, pairs in table.items()
    }


def suggested_commands(session: QuestionRunner, term: str, limit: int = 4, lang: str = "en", leave_out: str = "") -> list[str]:
    """Commands of the questions that answer for ``term`` (its segment code first, then the term itself), with the
    question and parameter names of ``lang``; the question ``leave_out`` is not suggested."""
    from rdflib import URIRef

    from ..i18n import param_name
    from ..vocab import compact_iri

    commands = [
        f"gluteonto query {spec.name_in(lang)} -p {param_name('segment', lang)}={code}"
        for spec, code in _segment_questions(session, term)
        if spec.name != leave_out
    ]
    general = {"definition", "labels", "provenance", "fact-sources", leave_out}
    for spec, param in answering_questions(session, [URIRef(term)]).get(URIRef(term), []):
        if spec.name not in general:
            commands.append(f"gluteonto query {spec.name_in(lang)} -p {param_name(param, lang)}={compact_iri(term)}")
    return commands[:limit]
