"""Where Graphviz put things: boxes of node shapes, edge labels and arrowheads, from ``dot -Tjson``.

Used to check that a diagram is legible: no edge label lies on another label, on a node or on an
arrowhead. Coordinates are Graphviz points (1/72 inch), y upwards.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from typing import Any

from .diagrams import DiagramError, dot_available

__all__ = ["Box", "clashes", "layout_boxes"]


@dataclass(frozen=True)
class Box:
    """An axis-aligned box: what it is (``label``, ``node``, ``arrow``), its owner's name and its corners."""

    kind: str
    owner: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, margin: float = 0.0) -> bool:
        """True when the two boxes share area (touching edges do not count).

        >>> Box("label", "a", 0, 0, 10, 10).overlaps(Box("node", "b", 5, 5, 20, 20))
        True
        >>> Box("label", "a", 0, 0, 10, 10).overlaps(Box("node", "b", 10, 0, 20, 10))
        False
        """
        return self.x0 + margin < other.x1 and other.x0 + margin < self.x1 and self.y0 + margin < other.y1 and other.y0 + margin < self.y1


def _text_boxes(ops: list[dict[str, Any]], owner: str) -> list[Box]:
    """Boxes of the text drawing operations in an xdot op list (``T``: position, alignment, width)."""
    boxes, size = [], 14.0
    for op in ops:
        if op.get("op") == "F":
            size = float(op["size"])
        elif op.get("op") == "T":
            x, y = (float(v) for v in op["pt"])
            width = float(op["width"])
            left = {"l": x, "c": x - width / 2, "r": x - width}[op.get("align", "c")]
            boxes.append(Box("label", owner, left, y - 0.22 * size, left + width, y + 0.78 * size))
    return boxes


def _points_box(ops: list[dict[str, Any]], kind: str, owner: str) -> list[Box]:
    points = [(float(x), float(y)) for op in ops if op.get("op") in ("P", "p") for x, y in op["points"]]
    if not points:
        return []
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return [Box(kind, owner, min(xs), min(ys), max(xs), max(ys))]


def layout_boxes(dot_text: str, dot: str | None = None) -> list[Box]:
    """Lay ``dot_text`` out with Graphviz and return the boxes of nodes, edge labels and arrowheads."""
    dot = dot or dot_available()
    if dot is None:
        raise DiagramError(("dot missing", {}))
    done = subprocess.run([dot, "-Tjson"], input=dot_text.encode("utf-8"), capture_output=True, timeout=120, check=False)
    if done.returncode != 0:
        raise DiagramError(("dot failed", {"detail": done.stderr.decode("utf-8", "replace").strip()[:200]}))
    graph = json.loads(done.stdout)
    names = {obj["_gvid"]: obj.get("name", "") for obj in graph.get("objects", [])}
    boxes: list[Box] = []
    for obj in graph.get("objects", []):
        if "pos" not in obj or "width" not in obj:
            continue  # a subgraph
        x, y = (float(v) for v in obj["pos"].split(","))
        w, h = float(obj["width"]) * 72 / 2, float(obj["height"]) * 72 / 2
        boxes.append(Box("node", obj["name"], x - w, y - h, x + w, y + h))
    for edge in graph.get("edges", []):
        if edge.get("style") == "invis":
            continue
        owner = f"{names.get(edge['tail'], '?')}->{names.get(edge['head'], '?')}"
        for key in ("_ldraw_", "_hlldraw_", "_tldraw_", "_xldraw_"):
            boxes += _text_boxes(edge.get(key, []), owner)
        for key in ("_hdraw_", "_tdraw_"):
            boxes += _points_box(edge.get(key, []), "arrow", owner)
    return boxes


def clashes(boxes: list[Box], margin: float = 0.5) -> list[tuple[Box, Box]]:
    """Pairs that hide each other (by more than ``margin`` points).

    An edge label overlapping another label, a node or an arrowhead, or two arrowheads on top of
    each other.
    """
    labels = [b for b in boxes if b.kind == "label"]
    arrows = [b for b in boxes if b.kind == "arrow"]
    found = []
    for i, label in enumerate(labels):
        for other in [*labels[i + 1 :], *(b for b in boxes if b.kind != "label")]:
            if label.overlaps(other, margin):
                found.append((label, other))
    for i, arrow in enumerate(arrows):
        found += [(arrow, other) for other in arrows[i + 1 :] if arrow.overlaps(other, margin)]
    return found
