"""What the CLI offers beyond querying: SHACL validation, reasoning, export, FMA linking, the SPARQL
server and the summary facts. Each module has one job and its own heavy imports."""

from __future__ import annotations

__all__: list[str] = []
