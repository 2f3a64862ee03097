"""A loaded ontology you can query, look terms up in and label results with.

>>> from gluteonto import Session
>>> s = Session()                                           # doctest: +SKIP
>>> s.query("innervation").rows[0]                          # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..engines import Engine, OxigraphEngine, open_engine
from ..errors import InputError
from ..resources import ontology_file
from ..vocab import PREFIXES, expand_curie
from .catalog import GROUP_ORDER, QuerySpec, get_query, load_catalog
from .lookup import LabelIndex, Match, fetch_labels
from .results import QueryResult, render

__all__ = ["Session", "parse_iri_value"]

_LANG_LITERAL = re.compile(r"^(?P<text>.*)@(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)$", re.S)
_CURIE = re.compile(r"^(?P<prefix>[A-Za-z][\w.-]*):(?P<local>[^\s]+)$")


def parse_iri_value(value: str) -> URIRef | None:
    """Interpret ``value`` as an IRI (``<…>``, ``http…`` or a known CURIE); None if it is not one."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if re.match(r"^https?://\S+$", value):
        return URIRef(value)
    match = _CURIE.match(value)
    if match and match.group("prefix") in PREFIXES:
        return URIRef(expand_curie(value))
    return None


class Session:
    """The packaged ontology (plus optional extra RDF files) in an engine, or a SPARQL endpoint."""

    def __init__(
        self,
        engine: str = "rdflib",
        data: Iterable[Path] = (),
        *,
        endpoint: str | None = None,
        include_ontology: bool = True,
        store: Engine | None = None,
        index: LabelIndex | None = None,
    ) -> None:
        """``store`` uses an already loaded engine; ``index`` gives the labels that parameters resolve against."""
        self.engine: Engine = store or open_engine(engine, data, include_ontology=include_ontology, endpoint=endpoint)
        self._index = index
        self._catalog: dict[str, QuerySpec] | None = None

    # -- catalog --------------------------------------------------------------------------
    @property
    def catalog(self) -> dict[str, QuerySpec]:
        """The packaged query catalog (read once)."""
        if self._catalog is None:
            self._catalog = load_catalog()
        return self._catalog

    def queries(self) -> list[QuerySpec]:
        """Every packaged query, competency questions first."""
        return sorted(self.catalog.values(), key=lambda q: (GROUP_ORDER.index(q.group), q.name))

    # -- lookup ---------------------------------------------------------------------------
    @property
    def index(self) -> LabelIndex:
        """Label index used to resolve parameters; endpoints use the packaged ontology."""
        if self._index is None:
            source = self.engine
            if self.engine.name == "endpoint":
                source = OxigraphEngine.from_files([ontology_file("ttl")])
            self._index = LabelIndex.from_engine(source)
        return self._index

    def lookup(self, text: str, limit: int = 10) -> list[Match]:
        """Terms whose label or synonym (nb/en/la) matches ``text``, best first."""
        return self.index.search(text, limit)

    def resolve_term(self, value: str) -> URIRef:
        """An IRI, CURIE or label → IRI; ambiguous or unknown labels raise InputError."""
        iri = parse_iri_value(value)
        if iri is not None:
            return iri
        hits = self.lookup(value, limit=8)
        if not hits:
            raise InputError(f"no term has the label or synonym {value!r} (try 'gluteonto lookup {value}')")
        top = hits[0]
        rivals = [h for h in hits[1:] if h.score == top.score and h.iri != top.iri]
        if rivals and top.score < 100:
            names = "; ".join(f"{h.text} ({h.iri})" for h in [top, *rivals][:5])
            raise InputError(f"{value!r} matches several terms: {names}. Use a fuller label or the IRI.")
        return top.iri

    # -- querying -------------------------------------------------------------------------
    def bind(self, spec: QuerySpec, params: Mapping[str, str] | None = None) -> dict[str, Node]:
        """Parameter values (user's or defaults) as RDF terms, checked against the query's header."""
        given = dict(params or {})
        for name in given:
            spec.param(name)  # raises for unknown names
        bindings: dict[str, Node] = {}
        for param in spec.params:
            raw = given.get(param.name, param.default)
            if raw == "":
                continue
            if param.kind == "iri":
                bindings[param.name] = self.resolve_term(raw)
            else:
                match = _LANG_LITERAL.match(raw)
                bindings[param.name] = Literal(match["text"], lang=match["lang"]) if match else Literal(raw)
        return bindings

    def query(self, name: str, params: Mapping[str, str] | None = None) -> QueryResult:
        """Run the catalog query ``name`` with ``params`` (name → IRI, CURIE, label or literal)."""
        spec = get_query(name, self.catalog)
        return self.engine.query(spec.text, self.bind(spec, params))

    def sparql(self, text: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run ad-hoc SPARQL text."""
        if not text.strip():
            raise InputError("the SPARQL query is empty")
        return self.engine.query(text, bindings)

    def labels(self, iris: Iterable[URIRef], lang: str = "en") -> dict[URIRef, str]:
        """Labels of ``iris`` in ``lang``, with fallbacks."""
        return fetch_labels(self.engine, iris, lang)

    def render(self, result: QueryResult, fmt: str = "table", lang: str = "en") -> str:
        """Format a result; tables show labels in ``lang``."""
        labels = self.labels(result.iris(), lang) if fmt == "table" else {}
        return render(result, fmt, labels.get)
