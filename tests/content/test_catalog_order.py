"""Every catalog question gives its rows in the same order on every engine: its ORDER BY fixes a total order.

SPARQL leaves the order of rows that tie on every ORDER BY key to the engine, and orders literals of different
languages or datatypes only partly (``?label`` alone puts an English and a Norwegian text in either order); a
question whose keys leave ties answers in one order on Oxigraph and in another on rdflib.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import BNode

from gluteonto import Session
from gluteonto.query.catalog import load_catalog

CATALOG = load_catalog()


def test_every_catalog_question_sorts_on_every_variable_it_projects() -> None:
    """The ORDER BY of a question (that does not group) names every projected variable, so no two rows tie."""
    loose = {}
    for name, spec in CATALOG.items():
        if "GROUP BY" in spec.text:
            continue
        projected = re.findall(r"\?(\w+)", re.search(r"SELECT (.*?) WHERE", spec.text).group(1))  # type: ignore[union-attr]
        order = re.search(r"^ORDER BY (.*)$", spec.text, re.M)
        missing = [v for v in projected if not order or f"?{v}" not in re.findall(r"\?\w+", order.group(1))]
        if missing:
            loose[name] = missing
    assert loose == {}


def _rows(session: Session, name: str) -> list[tuple[object, ...]]:
    """The question's rows with its default parameters, blank nodes (which each engine labels its own way) blanked."""
    return [tuple("_:" if isinstance(value, BNode) else value for value in row) for row in session.query(name).rows]


def _data(name: str, fma_merged: Path, uberon_merged: Path, qc_defects: Path) -> Path | None:
    """The data on which the question has rows: the release merged with FMA or Uberon, or the release with a
    defect for every quality-control question (each merged file holds the release itself)."""
    group = name.split("/", 1)[0] if "/" in name else ""
    return {"fma": fma_merged, "uberon": uberon_merged, "qc": qc_defects}.get(group)


@pytest.mark.slow  # the whole catalog, four times over, on the pure-Python engine too
def test_every_catalog_question_orders_its_rows_alike_on_rdflib_and_oxigraph(fma_merged: Path, uberon_merged: Path, qc_defects: Path) -> None:
    """Regression: `gluteonto query provenance` listed a term's English and Norwegian definitions (and its
    synonyms, and uberon/group-membership its members) in one order on Oxigraph and in another on rdflib."""
    sessions: dict[Path | None, tuple[Session, Session]] = {}
    differing, empty = [], []
    for name in CATALOG:
        data = _data(name, fma_merged, uberon_merged, qc_defects)
        if data not in sessions:
            files = [data] if data else []
            sessions[data] = (Session("rdflib", files, include_ontology=not files), Session("oxigraph", files, include_ontology=not files))
        on_rdflib, on_oxigraph = (_rows(session, name) for session in sessions[data])
        if on_rdflib != on_oxigraph:
            differing.append(name)
        if not on_oxigraph:
            empty.append(name)
    assert differing == [], differing
    assert len(empty) < len(CATALOG) / 4, empty  # the comparison has rows to compare
