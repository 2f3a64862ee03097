"""Query results and their formats: readable tables, and W3C SPARQL results JSON/CSV/TSV.

Formats are registered in :data:`RESULT_FORMATS` (name → writer); the CLI offers exactly those.

>>> sorted(RESULT_FORMATS)
['csv', 'json', 'table', 'tsv']
>>> print(render(QueryResult(variables=["x"], rows=[(Literal("L5"),)]), "tsv"), end="")
?x
"L5"
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal as Choice

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import InputError
from ..vocab import compact_iri

__all__ = ["QueryResult", "ResultKind", "LabelOf", "ResultWriter", "RESULT_FORMATS", "render"]

ResultKind = Choice["solutions", "boolean", "graph"]
#: Gives the label to show for an IRI (None: show the compact IRI).
LabelOf = Callable[[URIRef], "str | None"]


@dataclass
class QueryResult:
    """The answer to a query: solutions (variables + rows), a boolean, or a graph."""

    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    @classmethod
    def from_boolean(cls, value: bool) -> QueryResult:
        """The answer to an ASK query."""
        return cls(boolean=value)

    @classmethod
    def from_graph(cls, graph: Graph) -> QueryResult:
        """The answer to a CONSTRUCT or DESCRIBE query."""
        return cls(graph=graph)

    @property
    def kind(self) -> ResultKind:
        """``solutions``, ``boolean`` or ``graph``."""
        if self.boolean is not None:
            return "boolean"
        if self.graph is not None:
            return "graph"
        return "solutions"

    def iris(self) -> set[URIRef]:
        """Every IRI in the rows."""
        return {cell for row in self.rows for cell in row if isinstance(cell, URIRef)}

    def column(self, name: str) -> list[Node | None]:
        """The values of one variable, row by row."""
        index = self.variables.index(name)
        return [row[index] for row in self.rows]

    def as_set(self) -> set[tuple[str, ...]]:
        """Rows as a set of N3 strings (engine-neutral, for comparing answers)."""
        return {tuple("" if c is None else _n3(c) for c in row) for row in self.rows}


#: Writes a solutions or boolean result as text.
ResultWriter = Callable[[QueryResult, LabelOf], str]


def _n3(term: Node) -> str:
    if isinstance(term, BNode):
        return "_:b"
    return term.n3()


def _json_cell(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    cell = {"type": "literal", "value": str(term)}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype:
        cell["datatype"] = str(term.datatype)
    return cell


def _to_json(result: QueryResult, _label_of: LabelOf) -> str:
    if result.kind == "boolean":
        return json.dumps({"head": {}, "boolean": result.boolean}, indent=2)
    bindings = [
        {var: _json_cell(cell) for var, cell in zip(result.variables, row, strict=False) if cell is not None} for row in result.rows
    ]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, indent=2, ensure_ascii=False)


def _to_csv(result: QueryResult, _label_of: LabelOf) -> str:
    if result.kind == "boolean":
        return "boolean\r\n" + ("true" if result.boolean else "false") + "\r\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if c is None else (f"_:{c}" if isinstance(c, BNode) else str(c)) for c in row])
    return buffer.getvalue()


def _tsv_cell(term: Node | None) -> str:
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else term.n3()


def _to_tsv(result: QueryResult, _label_of: LabelOf) -> str:
    if result.kind == "boolean":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_cell(c) for c in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _table(result: QueryResult, label_of: LabelOf) -> str:
    if result.kind == "boolean":
        return "yes" if result.boolean else "no"
    if not result.rows:
        return "(no answers)"

    def show(cell: Node | None) -> str:
        if cell is None:
            return ""
        if isinstance(cell, URIRef):
            return label_of(cell) or compact_iri(str(cell))
        if isinstance(cell, BNode):
            return "(anonymous)"
        return " ".join(str(cell).split())

    cells = [[show(c) for c in row] for row in result.rows]
    headers = [v.replace("_", " ") for v in result.variables]
    widths = [min(max(len(h), *(len(r[i]) for r in cells)), 60) for i, h in enumerate(headers)]

    def fmt(values: Sequence[str]) -> str:
        out = []
        for value, width in zip(values, widths, strict=False):
            text = value if len(value) <= width else value[: width - 1] + "…"
            out.append(text.ljust(width))
        return "  ".join(out).rstrip()

    lines = [fmt(headers), fmt(["-" * w for w in widths])]
    lines += [fmt(r) for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


#: Result formats by the name the CLI and :meth:`~gluteonto.query.session.Session.render` accept.
RESULT_FORMATS: dict[str, ResultWriter] = {
    "table": _table,
    "csv": _to_csv,
    "tsv": _to_tsv,
    "json": _to_json,
}


def _no_labels(_iri: URIRef) -> str | None:
    return None


def render(result: QueryResult, fmt: str = "table", label_of: LabelOf = _no_labels) -> str:
    """Render ``result`` in a registered format (tables label IRIs via ``label_of``); graphs as Turtle."""
    if result.kind == "graph":
        assert result.graph is not None
        return result.graph.serialize(format="turtle")
    if fmt not in RESULT_FORMATS:
        raise InputError(f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")
    return RESULT_FORMATS[fmt](result, label_of)
