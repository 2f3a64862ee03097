"""A question bank generated from the ontology, with exports for Moodle (GIFT), Anki and plain text."""

from __future__ import annotations

from .bank import Item, Option, build_bank
from .export import QUIZ_FORMATS, to_anki, to_gift, to_json, to_text

__all__ = ["QUIZ_FORMATS", "Item", "Option", "build_bank", "to_anki", "to_gift", "to_json", "to_text"]
