"""The clinical pathway: from a starting point (a sign, symptom, condition, history, lesion or structure)
to what lies behind it, what it leads to, how to tell it apart, what to assess and what trains it.

Plain immutable data built by :func:`gluteonto.pathway.build_pathway`; every step is a stated
:class:`Link` with its strength and sources. A step the source does not state itself (from a sign
through the weak muscle to an exercise that targets that muscle) is a :class:`Chain` of stated links,
never a recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..card.model import Name, Source, TermRef

__all__ = ["STRENGTHS", "Chain", "Differential", "ExerciseStep", "Link", "Pathway", "ProgrammeStep"]

#: how strongly a link holds, from the relation used (see docs/design.md, "Qualified statements")
STRENGTHS = ("always", "typically", "often", "can", "contributes", "risk", "population", "associated", "stated")


@dataclass(frozen=True)
class Link:
    """One stated fact: ``subject`` —relation→ ``target``, as a sentence in the pathway's language.

    ``strength`` comes from the relation (``always`` for every-case relations, ``can``/``often``/…
    for qualified ones). ``via`` names the broader term the statement is made on, when the subject
    inherits it. ``as_kind`` names the broader term a statement about the *target* is made on, when the
    target is reached as a kind of it (a risk factor stated as "degenerative hip condition", read for hip
    osteoarthritis). ``either_or`` marks one alternative of an either-or statement.
    """

    subject: TermRef
    relation: TermRef
    target: TermRef
    sentence: str
    strength: str
    sources: tuple[Source, ...] = ()
    via: TermRef | None = None
    either_or: bool = False
    qualifier: str = ""
    #: the sentence as text pieces and TermRefs in reading order (for renderers that link terms)
    pieces: tuple[str | TermRef, ...] = ()
    as_kind: TermRef | None = None


@dataclass(frozen=True)
class Chain:
    """Stated links read one after the other from the starting point outwards, and the term they arrive at.

    ``narrower`` names a narrower kind of the starting point when the chain is stated for that kind only
    (it holds in that kind, not in every case of the starting point).
    """

    links: tuple[Link, ...]
    end: TermRef
    narrower: TermRef | None = None


@dataclass(frozen=True)
class Differential:
    """A condition to consider: how it shows the starting point, what it is mistaken for, what tells them apart."""

    condition: TermRef
    presents: Link | None
    look_alikes: tuple[Link, ...] = ()
    distinguishing: tuple[Link, ...] = ()
    tests: tuple[Link, ...] = ()


@dataclass(frozen=True)
class ProgrammeStep:
    """A stage of an exercise programme stated for the starting point: start with, then, avoid."""

    stage: str  # "start" | "then" | "avoid" | "move on when"
    link: Link
    #: the is-a steps from the starting point to the broader term the stage is stated for (empty: stated for it)
    kind: tuple[Link, ...] = ()


@dataclass(frozen=True)
class ExerciseStep:
    """An exercise reached from the starting point, with the chain of stated facts that leads to it.

    ``stage`` and ``tendon`` hold the links that place the exercise in the programme or mark it as
    loading the tendon; empty when the source does not say (``programme_known`` tells whether the
    starting point has a programme at all).
    """

    exercise: TermRef
    why: tuple[Chain, ...]
    targets: tuple[Link, ...] = ()
    trains: tuple[Link, ...] = ()
    cautions: tuple[Link, ...] = ()
    compensation: tuple[Link, ...] = ()
    indicated: tuple[Link, ...] = ()
    stage: tuple[ProgrammeStep, ...] = ()
    programme_known: bool = False

    def facts(self) -> tuple[tuple[str, tuple[Link, ...]], ...]:
        """The stated facts about the exercise, in the order both renderers show them, each under its word key."""
        return (
            ("targets", self.targets),
            ("trains", self.trains),
            ("indicated", self.indicated),
            ("cautions", self.cautions),
            ("compensation", self.compensation),
        )


@dataclass(frozen=True)
class Pathway:
    """Everything the ontology states from one clinical starting point, in one language (en or nb)."""

    term: TermRef
    lang: str
    kind: TermRef | None
    definition: Name | None
    definition_sources: tuple[Source, ...] = ()
    aspects: tuple[Link, ...] = ()
    behind: tuple[Chain, ...] = ()
    leads_to: tuple[Chain, ...] = ()
    shows: tuple[Link, ...] = ()
    #: what narrower kinds of the starting point show or affect, each chain marked with its kind
    shows_narrower: tuple[Chain, ...] = ()
    differentials: tuple[Differential, ...] = ()
    assess: tuple[Chain, ...] = ()
    programme: tuple[ProgrammeStep, ...] = ()
    exercises: tuple[ExerciseStep, ...] = ()
    #: conditions the starting point is tied to (a cause, a condition presenting with it, a consequence) for which
    #: the source states a programme or an exercise: each chain ends at such a condition, whose pathway has them
    elsewhere: tuple[Chain, ...] = ()

    def empty_sections(self) -> tuple[str, ...]:
        """Sections the source says nothing about for this starting point."""
        filled = {
            "behind": self.behind,
            "leads to": self.leads_to,
            "shows": self.shows or self.shows_narrower,
            "differentials": self.differentials,
            "assess": self.assess,
            "programme": self.programme,
            "exercises": self.exercises,
        }
        return tuple(key for key, value in filled.items() if not value)
