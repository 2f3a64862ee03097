"""The query layer: the packaged SPARQL catalog, parameter binding, label lookup and result formats.

Modules: :mod:`.catalog` (the ``queries/`` files and their headers), :mod:`.sparqltext` (safe
edits of query text), :mod:`.results` (answers and their formats), :mod:`.lookup` (labels and
synonyms), :mod:`.session` (a loaded ontology to query). The package itself imports nothing, so
the engines can use the result and query-text modules without a cycle.
"""

from __future__ import annotations

__all__: list[str] = []
