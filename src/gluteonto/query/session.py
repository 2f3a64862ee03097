"""A loaded ontology you can query, look terms up in and label results with.

>>> from gluteonto import Session
>>> s = Session()                                           # doctest: +SKIP
>>> s.query("innervation").rows[0]                          # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..engines import Engine, OxigraphEngine, open_engine
from ..errors import InputError
from ..i18n import PARAM_NAMES, MessageError
from ..i18n import text as i18n_text
from ..resources import ontology_file
from ..terms import Term, iri, literal, to_rdflib
from ..vocab import BASE as GLUTEONTO_BASE
from ..vocab import PREFIXES, compact_iri, expand_curie
from .catalog import GROUP_ORDER, Param, QuerySpec, load_catalog, load_query
from .kinds import expected_kinds, kind_members, kind_of
from .lookup import LabelIndex, Match, fetch_label_texts, fetch_labels, normalize
from .results import QueryResult, render

if TYPE_CHECKING:
    from rdflib import URIRef
    from rdflib.term import Node

__all__ = ["Session", "own_names", "parse_iri_value"]

_LANG_LITERAL = re.compile(r"^(?P<text>.*)@(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)$", re.DOTALL)
_CURIE = re.compile(r"^(?P<prefix>[A-Za-z][\w.-]*):(?P<local>[^\s]+)$")


def parse_iri_value(value: str) -> URIRef | None:
    """Interpret ``value`` as an IRI (``<…>``, ``http…`` or a known CURIE); None if it is not one."""
    found = _iri_text(value)
    if found is None:
        return None
    from rdflib import URIRef

    return URIRef(found)


def _iri_text(value: str) -> str | None:
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    if re.match(r"^https?://\S+$", value):
        return value
    match = _CURIE.match(value)
    if match and match.group("prefix") in PREFIXES:
        return expand_curie(value)
    return None


#: terms whose label or synonym is exactly the given text, ignoring case (the fast path before fuzzy search)
_EXACT = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oboInOwl: <http://www.geneontology.org/formats/oboInOwl#>
SELECT DISTINCT ?term WHERE {
  VALUES ?kind { rdfs:label oboInOwl:hasExactSynonym oboInOwl:hasRelatedSynonym }
  ?term ?kind ?text .
  FILTER(isIRI(?term) && LCASE(STR(?text)) = ?wanted)
}"""


#: whether an IRI occurs in the loaded data at all (as subject or object)
_KNOWN = "ASK { { ?term ?p ?o } UNION { ?s ?p ?term } }"

#: gluteonto terms mapped (exact or close match) to a given external IRI
_MAPPED = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?term WHERE { ?term skos:exactMatch|skos:closeMatch ?target FILTER(isIRI(?term)) }"""


def own_names(spec: QuerySpec, given: Mapping[str, str]) -> dict[str, str]:
    """``given`` with Norwegian parameter names (``muskel``) replaced by the query's own (``muscle``)."""
    norwegian = {normalize(PARAM_NAMES.get(p.name, p.name)): p.name for p in spec.params}
    own = {p.name for p in spec.params}
    return {(name if name in own else norwegian.get(normalize(name), name)): value for name, value in given.items()}


class Session:
    """The packaged ontology (plus optional extra RDF files) in an engine, or a SPARQL endpoint."""

    def __init__(
        self,
        engine: str = "oxigraph",
        data: Iterable[Path] = (),
        *,
        endpoint: str | None = None,
        endpoint_graphs: Sequence[str] = (),
        include_ontology: bool = True,
        store: Engine | None = None,
        index: LabelIndex | None = None,
        timeout: float | None = None,
        allow_federation: bool = False,
    ) -> None:
        """``store`` uses an already loaded engine; ``index`` gives the labels that parameters resolve against.

        ``endpoint`` queries a SPARQL 1.1 server instead of an embedded engine, on its graphs ``endpoint_graphs``
        (the protocol's ``default-graph-uri``; a store such as Virtuoso otherwise answers from all its graphs).

        ``timeout`` (seconds; 0 = none) runs every query in a child process that is stopped when the
        time is up or on Ctrl-C (see :mod:`gluteonto.isolate`); None runs queries in this process.
        ``allow_federation`` lets queries use SERVICE, which contacts other servers.
        """
        self.engine: Engine = store or open_engine(engine, data, include_ontology=include_ontology, endpoint=endpoint,
                                                   endpoint_graphs=endpoint_graphs, allow_federation=allow_federation)
        self.timeout = timeout
        if timeout and self.engine.name == "endpoint":
            self.engine.timeout = timeout  # type: ignore[attr-defined]
        self._index = index
        self._catalog: dict[str, QuerySpec] | None = None
        self._fma: bool | None = None
        #: (value as typed, IRI) for every parameter resolved by spelling tolerance, for telling the user
        self.readings: list[tuple[str, str]] = []
        #: language of term names in messages (``nb`` gives Norwegian names)
        self.lang = "en"

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
                source = OxigraphEngine.from_files([ontology_file("ttl", international=True)])
            self._index = LabelIndex.from_engine(source)
        return self._index

    def lookup(self, text: str, limit: int = 10) -> list[Match]:
        """Terms whose label or synonym (nb/en/la) matches ``text``, best first."""
        return self.index.search(text, limit)

    def resolve_term(self, value: str, question: tuple[QuerySpec, str] | None = None) -> URIRef:
        """An IRI, CURIE or label (misspellings tolerated) → IRI; ambiguous or unknown names raise InputError.

        With ``question`` (a catalog query and its parameter), "did you mean" names only terms that
        question answers for.
        """
        from rdflib import URIRef

        return URIRef(self._resolve(value, question))

    def _resolve(self, value: str, question: tuple[QuerySpec, str] | None = None, *, default: bool = False) -> str:
        """The IRI ``value`` names. A question's ``default`` (from its header) names a gluteonto term: where data
        loaded beside the ontology (FMA) has a term of the same name, gluteonto's is taken."""
        found = _iri_text(value)
        if found is not None:
            return self._mapped(value, found, question)
        # Exact names first, with one query and without the label index; not on rdflib, where that query scans
        # every label and costs more than building the index once (one query) and looking names up in memory.
        if (self._index is None and self.engine.name != "rdflib" and value.strip()
                and normalize(value) == " ".join(value.casefold().split())):
            exact = self.engine.query(_EXACT, {"wanted": literal(" ".join(value.casefold().split()))}).cells
            if len(exact) == 1 and exact[0][0] is not None:
                return self._checked(value, exact[0][0].value, question)
            own = [row[0].value for row in exact if row[0] is not None and row[0].value.startswith(GLUTEONTO_BASE)]
            if default and len(own) == 1:
                return own[0]
        hits = self.lookup(value, limit=8)
        if default:
            best = [h for h in hits if hits and h.score == hits[0].score and str(h.iri).startswith(GLUTEONTO_BASE)]
            if len({h.iri for h in best}) == 1:
                return str(best[0].iri)
        kinds = expected_kinds(question[1]) if question is not None else ()
        if kinds:
            members = kind_members(self, kinds)
            if not any(str(h.iri) in members for h in hits):
                loose = self._loose(value, members)
                if loose is not None:
                    self.readings.append((value, loose))
                    return loose
        if not hits:
            raise MessageError(("not a term", {"value": value}))
        top = hits[0]
        rivals = [h for h in hits[1:] if h.score == top.score and h.iri != top.iri]
        if rivals and top.score < 100:
            candidates = [top, *rivals]
            if question is not None:
                from .discover import answering_terms

                answering = answering_terms(self, question[0], question[1], [h.iri for h in candidates])
                useful = [h for h in candidates if h.iri in answering]
                if len(useful) == 1:
                    return self._chosen(value, useful[0])
                if kinds and len(useful) != 1:
                    fitting = [h for h in (useful or candidates) if str(h.iri) in members]
                    if len(fitting) == 1:
                        return self._chosen(value, fitting[0])
                candidates = useful or candidates
            names = "; ".join(f"{self.index.label(h.iri, self.lang) or h.text} ({compact_iri(str(h.iri))})"
                              for h in candidates[:5])
            raise MessageError(("ambiguous", {"value": value, "names": names}))
        return self._checked(value, self._chosen(value, top), question)

    def _loose(self, value: str, members: set[str]) -> str | None:
        """The one term of the expected kind whose name has a word spelt like each word of ``value`` (None if not one)."""
        from rapidfuzz import fuzz

        wanted = normalize(value).split()
        if not wanted:
            return None
        found: set[str] = set()
        for term, _text, _lang, _kind, norm in self.index.entries:
            if str(term) not in members:
                continue
            tokens = norm.split()
            if all(any(max(fuzz.ratio(w, t), fuzz.ratio(w, t[: len(w)]), fuzz.ratio(w, t[: len(w) + 1])) >= 80
                       for t in tokens) for w in wanted):
                found.add(str(term))
        return found.pop() if len(found) == 1 else None

    def _mapped(self, value: str, found: str, question: tuple[QuerySpec, str] | None) -> str:
        """An FMA/Uberon (or other mapped) IRI → the gluteonto term mapped to it, for the competency questions."""
        if question is None:
            return found
        if question[0].group == "questions" and not found.startswith(GLUTEONTO_BASE):
            mapped = [row[0].value for row in self.engine.query(_MAPPED, {"target": iri(found)}).cells if row[0] is not None]
            if len(set(mapped)) == 1:
                self.readings.append((value, mapped[0]))
                return self._checked(value, mapped[0], question)
        if not self.engine.query(_KNOWN, {"term": iri(found)}).boolean:
            raise MessageError(("unknown code", {"value": value}))
        return found

    def _checked(self, value: str, term: str, question: tuple[QuerySpec, str] | None) -> str:
        """``term``, unless it is of another kind than the question's parameter expects and gives no answer there."""
        if question is None:
            return term
        kinds = expected_kinds(question[1])
        if not kinds or term in kind_members(self, kinds):
            return term
        from rdflib import URIRef

        from .discover import answering_terms, suggested_commands

        if answering_terms(self, question[0], question[1], [URIRef(term)]):
            return term
        own = kind_of(self, term)
        names = self.label_texts([term, *([own] if own else []), kinds[0]], self.lang)
        parts: list[tuple[str, dict[str, object]]] = [
            ("wrong kind", {"name": names.get(term, value), "kind": names.get(own or "", "?"), "expected": names.get(kinds[0], "")})]
        commands = suggested_commands(self, term)
        if commands:
            parts.append(("questions for", {"name": names.get(term, value), "commands": "\n  ".join(["", *commands])}))
        raise MessageError(*parts)

    def _chosen(self, value: str, hit: Match) -> str:
        """The IRI of ``hit``; a spelling-tolerant hit is remembered in :attr:`readings`."""
        if hit.approximate:
            self.readings.append((value, str(hit.iri)))
        return str(hit.iri)

    def check_literal(self, param: Param, raw: str) -> str:
        """A literal parameter value in its canonical case (``l5`` → ``L5``); values outside the allowed set raise."""
        if not param.pattern:
            return raw
        compact = "".join(raw.split())
        for candidate in (raw, raw.upper(), raw.lower(), compact, compact.upper(), compact.lower()):
            if re.fullmatch(param.pattern, candidate):
                return candidate
        raise MessageError(("not a value", {"value": raw, "param": param.name, "hint": param.hint}))

    # -- querying -------------------------------------------------------------------------
    def bind(self, spec: QuerySpec, params: Mapping[str, str] | None = None) -> dict[str, Node]:
        """Parameter values (user's or defaults) as rdflib terms, checked against the query's header."""
        return {name: to_rdflib(term) for name, term in self.bind_terms(spec, params).items()}

    def bind_terms(self, spec: QuerySpec, params: Mapping[str, str] | None = None) -> dict[str, Term]:
        """Like :meth:`bind`, as light :class:`~gluteonto.terms.Term` values (no rdflib needed)."""
        given = own_names(spec, dict(params or {}))
        for name in given:
            if not any(p.name == name for p in spec.params):
                known = ", ".join(p.name + (f" ({PARAM_NAMES[p.name]})" if self.lang == "nb" and PARAM_NAMES.get(p.name, p.name)
                                            != p.name else "") for p in spec.params) or "none"
                raise MessageError(("unknown param", {"question": spec.name, "param": name, "known": known}))
        for name, value in given.items():
            if not value.strip():
                raise MessageError(("empty value", {"param": name}))
        bindings: dict[str, Term] = {}
        for param in spec.params:
            raw = given.get(param.name, param.default)
            if raw == "":
                continue
            if param.kind == "iri":
                bindings[param.name] = iri(self._resolve(raw, (spec, param.name)) if param.name in given
                                           else self._resolve(raw, default=True))
            else:
                raw = self.check_literal(param, raw)
                match = _LANG_LITERAL.match(raw)
                bindings[param.name] = literal(match["text"], match["lang"]) if match else literal(raw)
        return bindings

    def query(self, name: str, params: Mapping[str, str] | None = None) -> QueryResult:
        """Run the catalog query ``name`` with ``params`` (name → IRI, CURIE, label or literal)."""
        spec = self.find_query(name)
        return self.run(spec.text, self.bind_terms(spec, params))

    def find_query(self, name: str) -> QuerySpec:
        """The catalog query called ``name`` or one of its aliases (e.g. Norwegian ``innervasjon``)."""
        if self._catalog is None:
            single = load_query(name)
            if single is not None:
                return single
        elif name in self._catalog:
            return self._catalog[name]
        from .discover import find_query

        return find_query(name, self.catalog, fma_loaded=self.has_fma())

    def has_fma(self) -> bool:
        """True when FMA classes are loaded (FMA comparison queries can answer)."""
        if self._fma is None:
            probe = "ASK { ?c <http://purl.org/sig/ont/fma/preferred_name> ?n }"
            self._fma = bool(self.engine.query(probe).boolean)
        return self._fma

    def sparql(self, text: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run ad-hoc SPARQL text."""
        if not text.strip():
            raise InputError("the SPARQL query is empty")
        return self.run(text, bindings)

    def run(self, text: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        """Run SPARQL text on the engine: in a child process stopped after ``timeout`` when one is set."""
        if self.timeout is None or self.engine.name == "endpoint":
            return self.engine.query(text, bindings)
        from .. import limits
        from ..isolate import run_isolated

        return run_isolated(lambda: self.engine.query(text, bindings), timeout=self.timeout or None,
                            memory=limits.QUERY_MEMORY)

    def labels(self, iris: Iterable[URIRef], lang: str = "en") -> dict[URIRef, str]:
        """Labels of ``iris`` in ``lang``, with fallbacks."""
        return fetch_labels(self.engine, iris, lang)

    def label_texts(self, iris: Iterable[str], lang: str = "en") -> dict[str, str]:
        """Labels of IRIs given as strings, keyed by string (see :func:`~gluteonto.lookup.fetch_labels`)."""
        return fetch_label_texts(self.engine, iris, lang)

    def render(self, result: QueryResult, fmt: str = "table", lang: str = "en", width: int | None = None,
               hide: Iterable[str] = ()) -> str:
        """Format a result with labels in ``lang`` (``la``: Latin names, English marked ``*`` where there is none).

        Tables are fitted to ``width`` columns (None: no limit) and leave out the columns ``hide``; machine
        formats add label columns (see :func:`~gluteonto.query.results.render`).
        """
        iris = result.iri_values() if result.kind == "solutions" else set()
        labels = self.label_texts(iris, lang)
        tags = {iri: ("en" if lang == "la" else lang) for iri in labels}
        fallback: set[str] = set()
        if lang == "la":
            latin = self.label_texts(iris, "la-only")
            fallback = {iri for iri in labels if iri not in latin}
            labels.update(latin)
            tags.update(dict.fromkeys(latin, "la"))
        if fmt == "table" and fallback:
            labels.update({iri: labels[iri] + " *" for iri in fallback})
        text = render(result, fmt, labels.get, "en" if lang == "la" else lang, width, tags.get, hide)
        if fallback and fmt == "table":
            text += "\n" + i18n_text("latin fallback", lang)
        return text
