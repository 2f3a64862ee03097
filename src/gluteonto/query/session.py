"""A loaded ontology you can query: an engine, the question catalog and a term resolver, side by side.

:class:`Session` holds three parts and joins them: :attr:`~Session.engine` (what answers SPARQL, see
:mod:`gluteonto.engines`), :attr:`~Session.catalog` (the packaged questions, :class:`~.catalog.Catalog`)
and :attr:`~Session.terms` (parameter values → terms, :class:`~.resolve.TermResolver`). It binds a
question's parameters, runs queries (in a child process stopped after ``timeout`` on engines that hold
their data locally) and writes answers with labels. The language of names in messages and answers is
an argument of each call, never the session's state.

>>> from gluteonto import Session
>>> s = Session()                                           # doctest: +SKIP
>>> s.query("innervation").rows[0]                          # doctest: +SKIP
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..engines import Engine, open_engine
from ..i18n import MessageError, fallback_note, msg, name_shown, param_aliases, param_name, vocabulary_name
from ..sparql.guard import mentions_service
from ..sparql.results import QueryResult, render, without_columns
from ..terms import Term, iri, literal, to_rdflib
from .catalog import Catalog, Param, QuerySpec, find_query
from .lookup import LabelIndex, Match, fetch_labels, normalize
from .resolve import TermResolver, parse_iri_value

if TYPE_CHECKING:
    from rdflib import URIRef
    from rdflib.term import Node

__all__ = ["Session", "own_names", "parse_iri_value", "refuse_empty"]

T = TypeVar("T")
#: answers up to this many rows are labelled and rendered in the command's own process (fast); larger ones in
#: a child process stopped by the query's time limit
_RENDER_IN_PLACE = 10_000
#: a literal value with a language tag, ``text@lang`` (compiled on first use, by :mod:`re`'s cache)
_LANG_LITERAL = r"(?s)^(?P<text>.*)@(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)$"


def own_names(spec: QuerySpec, given: Mapping[str, str]) -> dict[str, str]:
    """``given`` with parameter names in another language (``muskel``) replaced by the query's own (``muscle``)."""
    own = {p.name for p in spec.params}
    if all(name in own for name in given):
        return dict(given)
    aliases = {normalize(alias): p.name for p in spec.params for alias in param_aliases(p.name)}
    return {(name if name in own else aliases.get(normalize(name), name)): value for name, value in given.items()}


def refuse_empty(given: Mapping[str, str]) -> None:
    """Refuse a parameter given without a value, naming it as the user typed it (``muskel``, not ``muscle``)."""
    for name, value in given.items():
        if not value.strip():
            raise MessageError(("empty value", {"param": name}))


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
        relation_graph: bool = False,
    ) -> None:
        """``store`` uses an already loaded engine; ``index`` gives the labels that parameters resolve against.

        ``endpoint`` queries a SPARQL 1.1 server instead of an embedded engine, on its graphs ``endpoint_graphs``
        (the protocol's ``default-graph-uri``; a store such as Virtuoso otherwise answers from all its graphs).

        ``timeout`` (seconds; 0 = none) stops every query after that time: an engine that holds its data
        locally runs it in a child process stopped then or on Ctrl-C (see :mod:`gluteonto.isolate`), one
        that stops queries itself is told the time. None runs queries in this process.
        ``allow_federation`` lets queries use SERVICE, which contacts other servers.
        ``relation_graph`` answers catalog questions from the materialised relation graph's edges, loaded
        beside the ontology (see :mod:`.relation_graph`; a question it cannot answer alike is refused); with
        ``store`` the caller has loaded them (:func:`~.relation_graph.edges_file`).
        """
        #: catalog questions are answered from the relation graph (see :meth:`question_text`)
        self.relation_graph = relation_graph
        data = tuple(data)
        #: the engine holds the packaged release and nothing else (see :meth:`run`)
        self._release_only = store is None and endpoint is None and include_ontology and not data and not relation_graph
        if relation_graph and store is None:
            if endpoint:
                raise MessageError(("relation graph.endpoint", {}))
            import tempfile

            from .relation_graph import edges_file

            with tempfile.TemporaryDirectory(prefix="gluteonto-") as folder:
                store = open_engine(engine, [*data, edges_file(Path(folder))], include_ontology=include_ontology, allow_federation=allow_federation)
        self.engine: Engine = store or open_engine(
            engine, data, include_ontology=include_ontology, endpoint=endpoint, endpoint_graphs=endpoint_graphs, allow_federation=allow_federation
        )
        self.timeout = timeout
        self._deadline: float | None = None
        #: True in the child that runs a :meth:`batch`: its queries run in place
        self._isolated = False
        if timeout and self.engine.capabilities.own_timeout:
            self.engine.timeout = timeout
        #: the packaged question catalog
        self.catalog = Catalog()
        #: parameter values → terms, against the ontology's labels
        self.terms = TermResolver(self.engine, index, answering=self._answering, suggest=self._suggest)
        self._fma: bool | None = None

    # -- the parts, joined ------------------------------------------------------------------
    def _answering(self, spec: QuerySpec, param: str, candidates: list[URIRef]) -> set[URIRef]:
        from .discover import answering_terms

        return self.batch(lambda: answering_terms(self, spec, param, candidates))

    def _suggest(self, term: str, lang: str = "en") -> list[str]:
        from .discover import suggested_commands

        return self.batch(lambda: suggested_commands(self, term, lang=lang))

    # -- catalog --------------------------------------------------------------------------
    def queries(self) -> list[QuerySpec]:
        """Every packaged query, competency questions first."""
        return self.catalog.queries()

    def find_query(self, name: str, lang: str = "en") -> QuerySpec:
        """The catalog query called ``name`` or one of its aliases (e.g. Norwegian ``innervasjon``); close names
        are suggested as ``lang`` names them."""
        return self.catalog.named(name) or find_query(name, self.catalog, fma_loaded=self.has_fma(), lang=lang)

    def has_fma(self) -> bool:
        """True when FMA classes are loaded (FMA comparison queries can answer)."""
        if self._fma is None:
            probe = "ASK { ?c <http://purl.org/sig/ont/fma/preferred_name> ?n }"
            self._fma = bool(self.engine.query(probe).boolean)
        return self._fma

    def unlinked(self, spec: QuerySpec) -> str | None:
        """The ontology (``FMA`` or ``Uberon``) a comparison question needs and this session has not loaded; else None."""
        if spec.group == "FMA comparison":
            return None if self.has_fma() else "FMA"
        if spec.group == "Uberon comparison":
            from ..vocab import PREFIXES

            uberon = PREFIXES["UBERON"]
            probe = f'ASK {{ ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?p FILTER(STRSTARTS(STR(?c), "{uberon}")) }}'
            return None if self.engine.query(probe).boolean else "Uberon"
        return None

    # -- terms ----------------------------------------------------------------------------
    @property
    def index(self) -> LabelIndex:
        """Label index used to resolve parameters (see :attr:`TermResolver.index`)."""
        return self.terms.index

    def lookup(self, text: str, limit: int = 10) -> list[Match]:
        """Terms whose label or synonym (nb/en/la) matches ``text``, best first."""
        return self.terms.lookup(text, limit)

    def resolve_term(self, value: str, question: tuple[QuerySpec, str] | None = None, lang: str = "en") -> URIRef:
        """An IRI, CURIE or label (misspellings tolerated) → IRI; see :meth:`TermResolver.resolve`."""
        from rdflib import URIRef

        return URIRef(self.terms.resolve(value, question, lang))

    # -- binding and querying -------------------------------------------------------------
    def bind(self, spec: QuerySpec, params: Mapping[str, str] | None = None, lang: str = "en") -> dict[str, Node]:
        """Parameter values (user's or defaults) as rdflib terms, checked against the query's header."""
        return {name: to_rdflib(term) for name, term in self.bind_terms(spec, params, lang).items()}

    def bind_terms(self, spec: QuerySpec, params: Mapping[str, str] | None = None, lang: str = "en") -> dict[str, Term]:
        """Like :meth:`bind`, as light :class:`~gluteonto.terms.Term` values (no rdflib needed); messages in ``lang``."""
        given = own_names(spec, params or {})
        for name in given:
            if not any(p.name == name for p in spec.params):
                known = ", ".join(
                    p.name + (f" ({param_name(p.name, lang)})" if param_name(p.name, lang) != p.name else "") for p in spec.params
                ) or msg("no params", lang)
                raise MessageError(("unknown param", {"question": spec.named(), "param": name, "known": known}))
        refuse_empty(params or {})
        bindings: dict[str, Term] = {}
        for param in spec.params:
            raw = given.get(param.name, param.default)
            if raw == "":
                continue
            if param.kind == "iri":
                bindings[param.name] = iri(
                    self.terms.resolve(raw, (spec, param.name), lang) if param.name in given else self.terms.resolve(raw, lang=lang, default=True)
                )
            else:
                raw = self.check_literal(param, raw)
                match = re.match(_LANG_LITERAL, raw)
                bindings[param.name] = literal(match["text"], match["lang"]) if match else literal(raw)
        return bindings

    def check_literal(self, param: Param, raw: str) -> str:
        """A literal parameter value in its canonical case (``l5`` → ``L5``); values outside the allowed set raise."""
        return self.terms.check_literal(param, raw)

    def question_text(self, spec: QuerySpec) -> str:
        """The text a catalog question runs as: its own, or read over the relation graph's edges when the
        session answers from it (a MessageError when the graph cannot answer it with the same rows)."""
        if not self.relation_graph:
            return spec.text
        from .relation_graph import graph_text

        return graph_text(spec)

    def query(self, name: str, params: Mapping[str, str] | None = None, lang: str = "en") -> QueryResult:
        """Run the catalog query ``name`` with ``params`` (name → IRI, CURIE, label or literal)."""
        spec = self.find_query(name, lang)
        text = self.question_text(spec)
        return self.run(text, self.bind_terms(spec, params, lang), packaged=True)

    def sparql(self, text: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run ad-hoc SPARQL text."""
        if not text.strip():
            raise MessageError(("sparql empty", {}))
        return self.run(text, bindings)

    def run(self, text: str, bindings: Mapping[str, Any] | None = None, *, packaged: bool = False) -> QueryResult:
        """Run SPARQL text on the engine: in a child process stopped after ``timeout`` when one is set and the
        engine holds its data locally (an engine that stops queries itself was told the time).

        The child of an embedded engine has no network where Linux allows it (unless federation is
        allowed); labelling and rendering a large answer afterwards share the same time limit.
        ``packaged`` says that ``text`` is a catalog question as the package ships it (or the relation graph's
        rewrite of one), never text a user wrote: its child is spared the network wall when the text does not
        even spell ``service`` (see :mod:`gluteonto.isolate`, "The network wall"). Bindings cannot change
        that: they are serialised into a ``VALUES`` row of RDF terms. Such a question asked of the packaged
        release alone runs in this process, as ``qc`` runs them: its time and memory are bounded by the
        release (see :mod:`gluteonto.isolate`, "Packaged questions over the release").
        """
        if self.timeout is None or self._isolated:
            return self.engine.query(text, bindings)
        if packaged and self._release_only and self.engine.capabilities.local_store and not mentions_service(text):
            return self.engine.query(text, bindings)
        self._deadline = time.monotonic() + self.timeout if self.timeout else None
        if not self.engine.capabilities.local_store:
            return self.engine.query(text, bindings)
        return self._timed(lambda: self.engine.query(text, bindings), wall=not packaged or mentions_service(text))

    def batch(self, work: Callable[[], T]) -> T:
        """``work()``, which may run many queries, as one piece of work: in one killable child (its queries run
        in place there) when this session stops queries, within the time limit of one query.

        Finding the questions that answer for a term asks dozens of small queries; one child for all of them
        costs one ``fork`` instead of one each.
        """
        if self.timeout is None or self._isolated or not self.engine.capabilities.local_store:
            return work()
        self._deadline = time.monotonic() + self.timeout if self.timeout else None

        def in_child() -> T:
            self._isolated = True
            return work()

        return self._timed(in_child)

    def _timed(self, work: Callable[[], T], *, wall: bool = True) -> T:
        """``work()`` in a killable child, within what is left of the current query's time; the child has no network
        (where Linux allows it) unless federation is allowed or ``wall`` is False."""
        from .. import limits
        from ..isolate import QueryTimeout, run_isolated

        if self._isolated:  # already in the child of a batch
            return work()

        if self._deadline is None:  # no query ran before this work: it gets the whole time
            remaining = self.timeout or None
        else:
            remaining = max(self._deadline - time.monotonic(), 0.001)
        offline = wall and self.engine.capabilities.local_store and not getattr(self.engine, "allow_federation", False)
        try:
            return run_isolated(work, timeout=remaining, memory=limits.QUERY_MEMORY, offline=offline)
        except QueryTimeout:
            raise QueryTimeout(("query timeout", {"seconds": self.timeout})) from None

    # -- labels and answers ---------------------------------------------------------------
    def labels(self, iris: Iterable[URIRef], lang: str = "en") -> dict[URIRef, str]:
        """Labels of ``iris`` in ``lang``, with fallbacks."""
        return fetch_labels(self.engine, iris, lang)

    def label_texts(self, iris: Iterable[str], lang: str = "en") -> dict[str, str]:
        """Labels of IRIs given as strings, keyed by string (see :func:`~gluteonto.query.lookup.fetch_labels`)."""
        return self.terms.label_texts(iris, lang)

    def render(self, result: QueryResult, fmt: str = "table", lang: str = "en", width: int | None = None, hide: Iterable[str] = ()) -> str:
        """Format a result with labels in ``lang``; a table marks a name in another language (``gluteal muscle (en)``: the term has none in ``lang``).

        Tables are fitted to ``width`` columns (None: no limit) and leave out the columns ``hide``; machine
        formats add label columns (see :func:`~gluteonto.sparql.results.render`). A large answer is labelled and
        rendered within what is left of the query's time limit.
        """
        if self.timeout is not None and len(result) > _RENDER_IN_PLACE:
            return self._timed(lambda: self._render(result, fmt, lang, width, hide))
        return self._render(result, fmt, lang, width, hide)

    def _render(self, result: QueryResult, fmt: str, lang: str, width: int | None, hide: Iterable[str]) -> str:
        iris = result.iri_values() if result.kind == "solutions" else set()
        tagged = self.terms.tagged_labels(iris, lang)
        # a reused vocabulary term is named by the catalogue (IAO's definition: "definisjon"), as on the card
        named = {iri: vocabulary_name(iri, lang) for iri in tagged}
        tagged.update({iri: (name, lang) for iri, name in named.items() if name is not None})
        # machine formats tag each label with its own language (an untagged FMA or Uberon name is English)
        tags = {iri: tag or "en" for iri, (_text, tag) in tagged.items()}
        labels = {iri: text for iri, (text, _tag) in tagged.items()}
        shown = without_columns(result, hide).iri_values() if fmt == "table" and iris else set()
        marked = {tags[iri] for iri in shown if iri in tags and tags[iri] != lang}
        if marked:  # a table marks a name that is not in the answer's language, "gluteal muscle (en)", and says why
            labels = {iri: name_shown(text, tag, lang) for iri, (text, tag) in tagged.items()}
        text = render(result, fmt, labels.get, "en" if lang == "la" else lang, width, tags.get, hide)
        return text + "\n" + fallback_note(lang, marked) if marked else text
