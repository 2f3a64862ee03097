"""The lowest query layer: SPARQL text and parameter binding, the SERVICE guard, results and their formats.

Modules: :mod:`.text` (careful edits of query text: the query form, one inline ``VALUES`` row for the
parameters), :mod:`.guard` (no federation unless asked for; query text as UTF-8 within limits),
:mod:`.results` (answers and the formats they are written in), :mod:`.tablefmt` (tables fitted to a
width). Nothing here knows the question catalog, the engines or the session; they all build on it.
"""

from __future__ import annotations

__all__: list[str] = []
