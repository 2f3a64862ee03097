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

from typing import TYPE_CHECKING

from ..lazy import lazy_getattr

if TYPE_CHECKING:
    from .build import build_card, card_index
    from .html import render_html
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
    from .text import render_text

#: each name from its module on first use: showing a prebuilt card (``gluteonto about``) needs the model and
#: the text renderer, never the builder and rdflib
__getattr__ = lazy_getattr(
    globals(),
    {
        **dict.fromkeys(("build_card", "card_index"), ".build"),
        **dict.fromkeys(("LANGS", "Annotation", "Mapping", "Name", "Note", "QuestionRef", "Relation", "Source", "TermCard", "TermRef"), ".model"),
        "render_html": ".html",
        "render_text": ".text",
    },
)

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
