"""The term card: everything the ontology says about one term, for the terminal and the site.

Small API::

    from gluteonto.card import build_card, render_text, render_html
    card = build_card(session_or_graph, "gluteus minimus", "nb")   # -> TermCard (frozen dataclasses)
    print(render_text(card, width=100))
    html = render_html(card, href=lambda ref: ...)                # an <article> fragment

``build_card`` takes a :class:`~gluteonto.Session`, an rdflib ``Graph`` or a prebuilt
:func:`card_index` (reuse it to build many cards), a term (IRI, CURIE or label in nb/en/la) and a
language (``en``, ``nb``, or ``la``: Latin names for anatomy, English where there is none, marked).
"""

from __future__ import annotations

from .build import build_card, card_index
from .model import (
    LANGS,
    Annotation,
    Mapping,
    Name,
    Note,
    QuestionRef,
    Relation,
    Source,
    TermCard,
    TermRef,
)
from .render_html import render_html
from .render_text import render_text

__all__ = [
    "LANGS",
    "Annotation",
    "Mapping",
    "Name",
    "Note",
    "QuestionRef",
    "Relation",
    "Source",
    "TermCard",
    "TermRef",
    "build_card",
    "card_index",
    "render_html",
    "render_text",
]
