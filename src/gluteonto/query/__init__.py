"""The question layer: the packaged SPARQL catalog, term look-up and resolution, and the Session.

Modules: :mod:`.catalog` (the ``queries/`` files, their headers, finding a question by name, alias or
word), :mod:`.lookup` (labels and synonyms), :mod:`.fuzzy` (spelling tolerance), :mod:`.kinds` (what
kind of term a parameter expects), :mod:`.resolve` (a parameter's value → the term it names),
:mod:`.questions` (which questions answer for a term), :mod:`.discover` (suggestions that answer),
:mod:`.session` (a loaded ontology to query), :mod:`.answers` (an answer that says why it is empty),
:mod:`.listing` (the catalog as terminal text). It builds on :mod:`gluteonto.sparql` and
:mod:`gluteonto.engines`; the card and the site build on it.
"""

from __future__ import annotations

__all__: list[str] = []
