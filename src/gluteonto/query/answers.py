"""An answer to a catalog question that says why it is empty.

Three outcomes besides rows (and their CLI exit codes, see :data:`EXIT_CODES`):

* ``not a term`` — a value names nothing in gluteonto (raised as an error before the query runs);
* ``silent`` — the terms exist, but the source says nothing about them for this question
  (e.g. the innervation of tensor fasciae latae: the article does not give it);
* ``none`` — nothing fits the question with these values (e.g. muscles with roots in S4).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from ..i18n import and_list, msg
from ..terms import Term

if TYPE_CHECKING:
    from ..sparql.results import QueryResult
    from .catalog import QuerySpec
    from .session import Session

__all__ = ["EXIT_CODES", "Answer", "ask"]

#: outcome → exit code of ``gluteonto query`` (``not a term`` is bad input: 2)
EXIT_CODES = {"rows": 0, "none": 1, "not a term": 2, "silent": 3}


class Answer:
    """A question's result with the terms the user named and the kind of outcome (a plain class, as
    :class:`~.catalog.QuerySpec` is)."""

    def __init__(
        self,
        spec: QuerySpec,
        result: QueryResult,
        named: dict[str, Term] | None = None,
        readings: list[tuple[str, str]] | None = None,
        bound: dict[str, Term] | None = None,
    ) -> None:
        self.spec, self.result = spec, result
        #: the terms the user named, by parameter
        self.named: dict[str, Term] = named if named is not None else {}
        #: (value as typed, IRI) for each value read by spelling tolerance or through a mapping
        self.readings: list[tuple[str, str]] = readings if readings is not None else []
        #: every parameter bound for this run (given or default): one value in every row, so tables leave the column out
        self.bound: dict[str, Term] = bound if bound is not None else {}

    def __repr__(self) -> str:
        return f"Answer({self.spec.name!r}, outcome={self.outcome!r})"

    @property
    def outcome(self) -> str:
        """``rows``, ``silent`` (the source says nothing about the named terms here) or ``none``."""
        if self.result.kind != "solutions" or len(self.result):
            return "rows"
        return "silent" if self.named else "none"

    @property
    def exit_code(self) -> int:
        """The exit code of this outcome (see :data:`EXIT_CODES`)."""
        return EXIT_CODES[self.outcome]

    def explain(self, session: Session, lang: str = "en") -> str:
        """Why the answer is empty, in the interface language of ``lang`` ("" when it has rows)."""
        if self.outcome == "rows":
            return ""
        if self.outcome == "none":
            missing = session.unlinked(self.spec)
            if missing:
                return msg("empty none", lang) + "\n" + msg("empty needs link", lang, ontology=missing, name=self.spec.name_in(lang))
            return msg("empty none", lang)
        iris = [term.value for term in self.named.values()]
        labels = session.label_texts(iris, lang)
        names = [labels.get(i) or i for i in iris]
        said = msg("empty silent", lang, terms=and_list(names, lang), question=self.spec.title(lang))
        from .discover import suggested_commands

        for iri in iris:
            commands = session.batch(partial(suggested_commands, session, iri, lang=lang, leave_out=self.spec.name))
            if commands:
                said += "\n" + msg("questions for", lang, name=labels.get(iri) or iri, commands="\n  ".join(["", *commands]))
        return said


def ask(session: Session, name: str, params: Mapping[str, str] | None = None, lang: str = "en") -> Answer:
    """Run the catalog question ``name`` (or alias) with ``params``, remembering the terms the user named and
    how values were read; messages name terms in ``lang``."""
    from .session import own_names, refuse_empty

    spec = session.find_query(name, lang)
    text = session.question_text(spec)  # refused before anything runs when the relation graph cannot answer it
    refuse_empty(params or {})
    params = own_names(spec, params or {})
    start = len(session.terms.readings)
    bindings = session.bind_terms(spec, params, lang)
    named = {p.name: bindings[p.name] for p in spec.params if p.kind == "iri" and p.name in params and p.name in bindings}
    result = session.run(text, bindings, packaged=True)
    return Answer(spec, result, named, session.terms.readings[start:], bindings)
