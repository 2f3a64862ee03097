"""Deterministic JSON-LD writer: expanded JSON-LD with nodes and values in a stable order."""

from __future__ import annotations

import json
from typing import Any, cast

from rdflib import Graph

__all__ = ["to_jsonld"]


def _sort_value(value: object) -> object:
    if isinstance(value, list):
        return sorted((_sort_value(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    if isinstance(value, dict):
        return {k: (v if k == "@list" else _sort_value(v)) for k, v in value.items()}
    return value


def to_jsonld(graph: Graph) -> str:
    """Serialise ``graph`` as expanded JSON-LD with nodes and values in a stable order."""
    data = json.loads(graph.serialize(format="json-ld"))
    nodes = data if isinstance(data, list) else data.get("@graph", [data])
    ordered = sorted(
        (cast(dict[str, Any], _sort_value(node)) for node in nodes), key=lambda n: (str(n.get("@id", "")).startswith("_:"), str(n.get("@id", "")))
    )
    return json.dumps(ordered, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
