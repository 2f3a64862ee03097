"""Clinical pathways: from a sign, symptom, condition, history, lesion or structure to what lies behind it,
what it leads to, how to tell it apart, what to assess and which exercises train what is involved.

Small API::

    from gluteonto.pathway import build_pathway, render_text, render_html
    pathway = build_pathway(session, "Trendelenburgs tegn", "nb")   # -> Pathway (frozen dataclasses)
    print(render_text(pathway, width=80))
"""

from __future__ import annotations

from .build import RELATIONS, build_pathway, starting_points
from .model import STRENGTHS, Chain, Differential, ExerciseStep, Link, Pathway, ProgrammeStep
from .render_html import render_html
from .render_text import render_text

__all__ = [
    "RELATIONS",
    "STRENGTHS",
    "Chain",
    "Differential",
    "ExerciseStep",
    "Link",
    "Pathway",
    "ProgrammeStep",
    "build_pathway",
    "render_html",
    "render_text",
    "starting_points",
]
