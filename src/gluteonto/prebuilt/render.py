"""Build the tables of :mod:`gluteonto.prebuilt` from the installed release, with the commands' own code.

``python -m gluteonto.compile`` runs :func:`write_tables` after it has written the release files and
the message catalogues (the tables are built from those, as installed); the drift test compares
:func:`render_tables` with the committed tables. The output depends only on the inputs: entries keep
the order the live label index has (so ties in a search are broken as the live command breaks them),
cards and terms are in IRI order, and the JSON is written with fixed separators.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..fileio import atomic_write_bytes
from . import TABLES, TERMS_FILE, cards_file, encode, fingerprint

__all__ = ["render_tables", "write_tables"]


def _json(table: dict[str, Any]) -> bytes:
    return (json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def render_tables() -> dict[str, bytes]:
    """Every table as file name → bytes, built from the packaged ontology in Oxigraph."""
    from rdflib import URIRef

    from ..card import build_card, card_index
    from ..card.model import LANGS
    from ..pathway import starting_points
    from ..query.discover import asked_about
    from ..query.questions import answering_questions
    from ..query.session import Session

    session = Session()
    stamp = fingerprint()
    entries = session.index.entries
    labelled = sorted({iri for iri, *_rest in entries}, key=str)
    asks = {
        lang: {str(iri): names for iri, names in sorted(asked_about(session, labelled, lang).items(), key=lambda item: str(item[0])) if names}
        for lang in LANGS
    }
    mapped = session.terms.mapping_table()
    starts = [str(iri) for iri in starting_points(session)]
    tables = {
        TERMS_FILE: _json(
            {"fingerprint": stamp, "labels": [[str(iri), *rest] for iri, *rest in entries], "asks": asks, "mapped": mapped, "pathways": starts}
        )
    }
    index = card_index(session)
    described = sorted((node for node in index.out if isinstance(node, URIRef)), key=str)
    questions = answering_questions(session, [iri for iri in described if index.kind(iri) == "class"])
    for lang in LANGS:
        objects: list[list[Any]] = []
        numbers: dict[Any, int] = {}
        roots = {str(iri): encode(build_card(index, iri, lang, questions=questions), objects, numbers) for iri in described}
        tables[cards_file(lang)] = _json({"fingerprint": stamp, "terms": roots, "objects": objects})
    return tables


def write_tables(folder: Path = TABLES) -> list[Path]:
    """Build every table, then write each atomically into ``folder``; return the paths."""
    written = []
    for name, content in render_tables().items():
        atomic_write_bytes(folder / name, content, package_data=True)
        written.append(folder / name)
    return written
