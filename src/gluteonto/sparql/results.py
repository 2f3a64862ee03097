"""Query results and their formats: readable tables, and W3C SPARQL results JSON/CSV/TSV.

A result holds its solutions either as rdflib terms (``rows``) or as light
:class:`~gluteonto.terms.Term` values (``cells``); each view is made from the other on first
use, so rendering an answer never needs rdflib.

Formats are registered in :data:`RESULT_FORMATS` (name → writer); the CLI offers exactly those.

>>> list(RESULT_FORMATS)
['table', 'csv', 'tsv', 'json']
>>> print(render(QueryResult(variables=["x"], cells=[(literal("L5"),)]), "tsv"), end="")
?x
"L5"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from ..i18n import LABEL_SUFFIX, MessageError, cell_text, header, msg, name_shown, nmsg
from ..terms import Term, as_term, literal, to_rdflib
from ..vocab import compact_iri
from .tablefmt import blank_repeats, layout

if TYPE_CHECKING:
    from rdflib import Graph, URIRef
    from rdflib.term import Node

__all__ = ["RESULT_FORMATS", "LabelOf", "QueryResult", "ResultKind", "ResultWriter", "own_label_columns", "render", "with_labels", "without_columns"]

#: IRI (as a string) → its label, or None (show the compact IRI)
LabelOf = Callable[[str], "str | None"]
#: What a query answered with.
ResultKind = Literal["solutions", "boolean", "graph"]

#: IRI (as a string) → language tag of its label (machine formats tag each label with its own language)
LangOf = Callable[[str], "str | None"]

Cells = list[tuple["Term | None", ...]]


class QueryResult:
    """The answer to a query: solutions (variables + rows), a boolean, or a graph."""

    def __init__(
        self,
        variables: Sequence[str] | None = None,
        rows: Sequence[tuple[Node | None, ...]] | None = None,
        boolean: bool | None = None,
        graph: Graph | None = None,
        *,
        cells: Cells | None = None,
    ) -> None:
        self.variables = list(variables or [])
        self._rows = list(rows) if rows is not None else None
        self._cells = cells
        self.boolean = boolean
        self.graph = graph

    @classmethod
    def from_boolean(cls, value: bool) -> QueryResult:
        """The answer to an ASK query."""
        return cls(boolean=value)

    @classmethod
    def from_graph(cls, graph: Graph) -> QueryResult:
        """The answer to a CONSTRUCT or DESCRIBE query."""
        return cls(graph=graph)

    @property
    def rows(self) -> list[tuple[Node | None, ...]]:
        """Solutions as tuples of rdflib terms (None where a variable is unbound)."""
        if self._rows is None:
            self._rows = [tuple(to_rdflib(c) for c in row) for row in (self._cells or [])]
        return self._rows

    @rows.setter
    def rows(self, value: Sequence[tuple[Node | None, ...]]) -> None:
        self._rows, self._cells = list(value), None

    @property
    def cells(self) -> Cells:
        """Solutions as tuples of light :class:`~gluteonto.terms.Term` values."""
        if self._cells is None:
            self._cells = [tuple(as_term(c) for c in row) for row in (self._rows or [])]
        return self._cells

    @property
    def kind(self) -> ResultKind:
        """``solutions``, ``boolean`` or ``graph``."""
        if self.boolean is not None:
            return "boolean"
        if self.graph is not None:
            return "graph"
        return "solutions"

    def __len__(self) -> int:
        return len(self._cells if self._cells is not None else self.rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QueryResult):
            return NotImplemented
        return (self.variables, self.cells, self.boolean, self.graph) == (other.variables, other.cells, other.boolean, other.graph)

    def __repr__(self) -> str:
        return f"QueryResult(variables={self.variables!r}, rows={len(self)}, boolean={self.boolean!r})"

    def iris(self) -> set[URIRef]:
        """The IRIs in the solutions, as rdflib terms."""
        from rdflib import URIRef

        return {URIRef(i) for i in self.iri_values()}

    def iri_values(self) -> set[str]:
        """The IRIs in the solutions, as strings."""
        return {c.value for row in self.cells for c in row if c is not None and c.kind == "uri"}

    def as_set(self) -> set[tuple[str, ...]]:
        """Rows as a set of N3 strings (engine-neutral, for comparing answers)."""
        return {tuple("" if c is None else _n3(c) for c in row) for row in self.cells}


def _n3(term: Term) -> str:
    if term.kind == "bnode":
        return "_:b"
    if term.kind == "uri":
        return f"<{term.value}>"
    from ..terms import n3

    return n3(term)


def _json_cell(term: Term) -> dict[str, str]:
    if term.kind == "uri":
        return {"type": "uri", "value": term.value}
    if term.kind == "bnode":
        return {"type": "bnode", "value": term.value}
    cell = {"type": "literal", "value": term.value}
    if term.lang:
        cell["xml:lang"] = term.lang
    elif term.datatype:
        cell["datatype"] = term.datatype
    return cell


def own_label_columns(result: QueryResult) -> list[str]:
    """The columns ``NAME_label`` a query selects next to a column ``NAME`` of IRIs (or of nothing at all).

    The catalog selects each term parameter with its English label, so that an answer read raw (in Protégé
    or a triple store) says which term each row is about. gluteonto shows names itself, in the asked
    language (tables in place of IRIs, machine formats in a ``NAME_label`` column of their own), so it
    leaves these out.

    >>> from ..terms import iri
    >>> own_label_columns(QueryResult(["muscle", "muscle_label", "x_label"], cells=[(iri("http://x/m"), literal("m"), literal("y"))]))
    ['muscle_label']
    """
    other = {
        var
        for i, var in enumerate(result.variables)  # columns holding something else than IRIs
        if any(cell is not None and cell.kind != "uri" for cell in (row[i] for row in result.cells))
    }
    return [
        var
        for var in result.variables
        if var.endswith(LABEL_SUFFIX) and var[: -len(LABEL_SUFFIX)] in result.variables and var[: -len(LABEL_SUFFIX)] not in other
    ]


def without_columns(result: QueryResult, names: Iterable[str]) -> QueryResult:
    """``result`` without the columns ``names`` (rows kept as they are, duplicates included)."""
    drop = set(names)
    if result.kind != "solutions" or not drop & set(result.variables):
        return result
    keep = [i for i, var in enumerate(result.variables) if var not in drop]
    return QueryResult([result.variables[i] for i in keep], cells=[tuple(row[i] for i in keep) for row in result.cells])


def with_labels(result: QueryResult, label_of: LabelOf, lang: str = "en", lang_of: LangOf | None = None) -> QueryResult:
    """The result with a ``NAME_label`` column after every column holding IRIs.

    Each label is a literal tagged ``lang_of(iri)`` (default: ``lang``), so a Latin name is tagged ``la``
    and its English stand-in ``en``.
    """
    cells = result.cells
    iri_columns = {i for i in range(len(result.variables)) if any(cell is not None and cell.kind == "uri" for cell in (r[i] for r in cells))}
    if not iri_columns:
        return result
    variables: list[str] = []
    for i, var in enumerate(result.variables):
        variables += [var, var + LABEL_SUFFIX] if i in iri_columns else [var]
    rows: Cells = []
    for row in cells:
        out: list[Term | None] = []
        for i, cell in enumerate(row):
            out.append(cell)
            if i in iri_columns:
                label = label_of(cell.value) if cell is not None and cell.kind == "uri" else None
                tag = (lang_of(cell.value) if lang_of and cell is not None else None) or lang
                out.append(literal(label, tag) if label else None)
        rows.append(tuple(out))
    return QueryResult(variables, cells=rows)


#: Writes a solutions or boolean result as text: (result, label_of, lang, width) → text.
ResultWriter = Callable[[QueryResult, LabelOf, str, "int | None"], str]


def _to_json(result: QueryResult, _label_of: LabelOf, _lang: str, _width: int | None) -> str:
    import json

    if result.kind == "boolean":
        return json.dumps({"head": {}, "boolean": result.boolean}, indent=2)
    bindings = [{var: _json_cell(cell) for var, cell in zip(result.variables, row, strict=False) if cell is not None} for row in result.cells]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, indent=2, ensure_ascii=False)


def _to_csv(result: QueryResult, _label_of: LabelOf, _lang: str, _width: int | None) -> str:
    if result.kind == "boolean":
        return "boolean\r\n" + ("true" if result.boolean else "false") + "\r\n"
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.cells:
        writer.writerow(["" if c is None else (f"_:{c.value}" if c.kind == "bnode" else c.value) for c in row])
    return buffer.getvalue()


def _tsv_cell(term: Term | None) -> str:
    if term is None:
        return ""
    if term.kind == "bnode":
        return f"_:{term.value}"
    return _n3(term)


def _to_tsv(result: QueryResult, _label_of: LabelOf, _lang: str, _width: int | None) -> str:
    if result.kind == "boolean":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_cell(c) for c in row) for row in result.cells]
    return "\n".join(lines) + "\n"


def _base(tag: str) -> str:
    """The primary language of a language tag (``nb`` of ``nb-NO``)."""
    return tag.split("-")[0].lower()


def _table(result: QueryResult, label_of: LabelOf, lang: str, width: int | None) -> str:
    if result.kind == "boolean":
        return msg("yes" if result.boolean else "no", lang)
    if not len(result):
        return msg("no answers", lang)

    # a column that mixes texts in the table's language with texts in others marks the others with their
    # language, as a name is ("… (en)"); a column all in one language (Latin names, say) is left as it is
    languages: list[set[str]] = [set() for _ in result.variables]
    for row in result.cells:
        for i, cell in enumerate(row):
            if cell is not None and cell.lang:
                languages[i].add(_base(cell.lang))
    mixed = [lang in found and len(found) > 1 for found in languages]

    def show(cell: Term | None, column: int) -> str:
        if cell is None:
            return ""
        if cell.kind == "uri":
            return label_of(cell.value) or compact_iri(cell.value)
        if cell.kind == "bnode":
            return msg("anonymous", lang)
        value = " ".join(cell.value.split())
        if not cell.lang:
            return cell_text(value, lang)
        return name_shown(value, _base(cell.lang), lang) if mixed[column] and _base(cell.lang) != lang else value

    cells = [[show(c, i) for i, c in enumerate(row)] for row in result.cells]
    headers = [header(v, lang) for v in result.variables]
    body = layout(headers, blank_repeats(cells), width)
    footer = nmsg("rows", len(cells), lang)
    first = {row[0] for row in cells}
    if 1 < len(first) < len(cells):
        footer = msg("rows of", lang, n=len(cells), k=len(first), column=headers[0])
    return f"{body}\n{footer}"


#: Result formats by the name the CLI and :meth:`~gluteonto.query.session.Session.render` accept.
RESULT_FORMATS: dict[str, ResultWriter] = {
    "table": _table,
    "csv": _to_csv,
    "tsv": _to_tsv,
    "json": _to_json,
}


def _no_labels(_iri: str) -> str | None:
    return None


def render(
    result: QueryResult,
    fmt: str = "table",
    label_of: LabelOf | None = None,
    lang: str = "en",
    width: int | None = None,
    lang_of: LangOf | None = None,
    hide: Iterable[str] = (),
) -> str:
    """Render ``result`` in a registered format (:data:`RESULT_FORMATS`); graphs as Turtle.

    ``label_of`` maps an IRI string to its label. Tables show labels, with headers and footer in
    ``lang``, wrapped to ``width`` columns (None: as wide as the cells). Machine formats keep every
    IRI and, given ``label_of``, add its label in a ``NAME_label`` column (tagged ``lang_of(iri)``) in
    place of the query's own (:func:`own_label_columns`). Tables leave out the columns ``hide`` (the
    parameters a question was asked with: one value in every row).
    """
    if result.kind == "graph":
        assert result.graph is not None
        return result.graph.serialize(format="turtle")
    if fmt not in RESULT_FORMATS:
        raise MessageError(("unknown result format", {"fmt": fmt, "known": ", ".join(RESULT_FORMATS)}))
    if result.kind == "solutions" and label_of is not None:
        result = without_columns(result, [*own_label_columns(result), *(hide if fmt == "table" else ())])
    if fmt != "table" and result.kind == "solutions" and label_of is not None:
        result = with_labels(result, label_of, lang, lang_of)
    return RESULT_FORMATS[fmt](result, label_of or _no_labels, lang, width)
