"""Tables built with the release and shipped in the package, so that ``lookup`` and ``about`` load no store.

``python -m gluteonto.compile`` writes them after the release files (:mod:`.render`), with the same code
the commands would run:

* ``terms.json``: every label and synonym of the packaged ontology with its normalised form (the
  :class:`~gluteonto.query.lookup.LabelIndex`), and for every labelled term the names (in each card
  language) of the catalog questions that answer for it (what ``gluteonto lookup`` lists), and every
  external IRI (FMA, Uberon, …) a term is mapped to with the terms mapped to it (so a code reads as its term),
  and the terms a clinical pathway starts from (so ``about`` can point to the pathway);
* ``cards-LANG.json``: the term card (:class:`~gluteonto.card.model.TermCard`) of every term the
  ontology describes, in LANG (en, nb, la), each object stored once per file and referred to by number.

Each table names a fingerprint of its inputs: the international Turtle release, the question catalog and
the compiled message catalogues. A table whose fingerprint differs from that of the installed files (say,
a query edited in a checkout and not rebuilt yet) is not used: the commands then compute their answer from
the ontology, as they do for other engines or extra data. The drift test (tests/test_prebuilt.py) keeps
the committed tables equal to what the code builds.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..card import model
from ..resources import ontology_file, queries_dir

if TYPE_CHECKING:
    from rdflib import URIRef

    from ..card.model import TermCard
    from ..query.lookup import LabelIndex, Match
    from ..query.session import Session

__all__ = ["TABLES", "TERMS_FILE", "PackagedTerms", "SessionTerms", "cards_file", "decode", "fingerprint", "packaged_card", "packaged_terms"]

#: where the tables are
TABLES = Path(__file__).parent
TERMS_FILE = "terms.json"
#: the classes a card file holds, by the name written in it
MODEL_CLASSES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        model.Name,
        model.TermRef,
        model.Source,
        model.Relation,
        model.Mapping,
        model.QuestionRef,
        model.Note,
        model.Annotation,
        model.TermCard,
    )
}


def cards_file(lang: str) -> str:
    """File name of the card table in ``lang``."""
    return f"cards-{lang}.json"


def _inputs() -> list[tuple[str, Path]]:
    """(name, path) of every file the tables are built from, in a fixed order."""
    queries = queries_dir()
    locale = Path(__file__).parents[1] / "locale"
    return [
        ("ontology", ontology_file("ttl", international=True)),
        *((f"queries/{p.relative_to(queries).as_posix()}", p) for p in sorted(queries.rglob("*.rq"))),
        *((f"locale/{p.relative_to(locale).as_posix()}", p) for p in sorted(locale.glob("*/LC_MESSAGES/*.mo"))),
    ]


@cache
def fingerprint() -> str:
    """SHA-256 over the names and bytes of the tables' inputs as installed."""
    digest = hashlib.sha256()
    for name, path in _inputs():
        data = path.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _read(name: str) -> dict[str, Any] | None:
    """A table, or None when it is missing, unreadable or built from other inputs."""
    try:
        table = json.loads((TABLES / name).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(table, dict) or table.get("fingerprint") != fingerprint():
        return None
    return table


def decode(objects: list[list[Any]], number: int) -> Any:
    """Object ``number`` of a card table: ``[class name, field values…]``; an int is another object, a list a tuple."""
    name, *values = objects[number]

    def value(raw: Any) -> Any:
        if isinstance(raw, bool) or raw is None or isinstance(raw, str):
            return raw
        if isinstance(raw, int):
            return decode(objects, raw)
        return tuple(value(item) for item in raw)

    return MODEL_CLASSES[name](*(value(raw) for raw in values))


def encode(obj: Any, objects: list[list[Any]], numbers: dict[Any, int]) -> Any:
    """The inverse of :func:`decode`: ``obj`` (a card or a part of one) stored in ``objects`` once, by number."""
    if is_dataclass(obj):
        if obj in numbers:
            return numbers[obj]
        row = [type(obj).__name__]
        for field in fields(obj):
            raw = getattr(obj, field.name)
            if isinstance(raw, int) and not isinstance(raw, bool):
                raise TypeError(f"{type(obj).__name__}.{field.name}: numbers would read as references")
            row.append(encode(raw, objects, numbers))
        numbers[obj] = len(objects)
        objects.append(row)
        return numbers[obj]
    if isinstance(obj, tuple):
        return [encode(item, objects, numbers) for item in obj]
    return obj


class PackagedTerms:
    """The label index and the questions for each term, as ``terms.json`` holds them."""

    def __init__(self, table: dict[str, Any]) -> None:
        from ..query.lookup import LabelIndex
        from ..query.resolve import TermResolver

        self.index: LabelIndex = LabelIndex.normalized(cast("list[tuple[URIRef, str, str, Any, str]]", [tuple(entry) for entry in table["labels"]]))
        self.asks: dict[str, dict[str, list[str]]] = table["asks"]
        #: the terms (IRIs) a clinical pathway starts from
        self.pathways: frozenset[str] = frozenset(table["pathways"])
        #: resolves values as a session does without a question; its readings say what a value was read as
        self.resolver = TermResolver(None, self.index, mappings=table["mapped"])

    def lookup(self, text: str, limit: int = 10, lang: str = "en") -> list[Match]:
        """Terms whose label or synonym matches ``text``, best first (see :meth:`TermResolver.lookup`)."""
        return self.resolver.lookup(text, limit, lang)

    def asked_about(self, terms: list[URIRef], lang: str = "en") -> dict[URIRef, list[str]]:
        """For each term, the names in ``lang`` of the questions that answer for it (see
        :func:`~gluteonto.query.discover.asked_about`)."""
        names = self.asks.get(lang, self.asks["en"])
        return {term: names.get(str(term), []) for term in terms}

    def resolve(self, value: str, lang: str) -> str:
        """An IRI, CURIE or name (misspellings tolerated) → IRI, as a session resolves a value given without a question."""
        return self.resolver.resolve(value, None, lang)


class SessionTerms:
    """What :class:`PackagedTerms` offers, computed by a session (another engine, or no table fits)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.index: LabelIndex = session.index

    def lookup(self, text: str, limit: int = 10, lang: str = "en") -> list[Match]:
        """Terms whose label or synonym matches ``text``, best first."""
        return self.session.terms.lookup(text, limit, lang)

    def asked_about(self, terms: list[URIRef], lang: str = "en") -> dict[URIRef, list[str]]:
        """For each term, the names in ``lang`` of the questions that answer for it."""
        from ..query.discover import asked_about

        return asked_about(self.session, terms, lang)


def packaged_terms() -> PackagedTerms | None:
    """The packaged label index and question table, or None if no table fits the installed files."""
    table = _read(TERMS_FILE)
    return PackagedTerms(table) if table is not None else None


def packaged_card(term: str, lang: str, terms: PackagedTerms | None = None) -> TermCard | None:
    """The card of ``term`` (IRI, CURIE or name) in ``lang`` from the packaged tables (``terms``, if already read);
    None if no table fits
    (or ``lang`` is not a card language, which :func:`~gluteonto.card.build_card` reports).

    A name no term has raises as building the card would (:class:`~gluteonto.i18n.MessageError`, or
    :class:`~gluteonto.errors.InputError` for a term the ontology does not describe).
    """
    if lang not in model.LANGS:
        return None
    terms = terms or packaged_terms()
    cards = _read(cards_file(lang)) if terms is not None else None
    if terms is None or cards is None:
        return None
    iri = terms.resolve(term, lang)
    if iri not in cards["terms"]:
        raise model.not_a_term(term)
    card: TermCard = decode(cards["objects"], cards["terms"][iri])
    return card
