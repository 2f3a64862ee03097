"""The packaged SPARQL catalog: ``.rq`` files whose comment header describes them.

Header lines (SPARQL comments, so every file runs unchanged on any engine)::

    # title@en: Nerve supply of a muscle
    # title@nb: Nerveforsyning til en muskel
    # description: What the query answers, for whom.
    # param: muscle | iri | gluteus minimus | The muscle to look at.
    # answer: What each row means.

Norwegian text goes in ``description@nb``, ``answer@nb`` and ``param@nb: NAME | help`` lines;
``alias@nb: innervasjon, nerveforsyning`` lines give the question's names in a language (the first is the
name listings in that language show; the file name stays the identifier), ``alias:`` lines other names, and
``values: NAME | REGEX | hint`` restricts a literal parameter (matched ignoring case).
``relation-graph: stated`` (or ``expressions``, or both, comma-separated) says why the relation graph
cannot answer the question with the same rows (see :mod:`.relation_graph`).

A ``param`` line gives name, kind (``iri`` or ``literal``), default and help text. The query
uses the parameter as the variable of the same name (``?muscle``).

A question is found by its name, by one of its aliases (Norwegian names such as ``innervasjon``) or,
for a misspelt name, suggested from the closest names (:func:`find_query`); :func:`search_queries`
finds the questions that mention a word. :class:`Catalog` is the catalog a session holds, read on
first use.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Literal, NamedTuple, cast, get_args

from ..errors import InputError
from ..i18n import MessageError, ui
from ..labels import choose
from ..resources import queries_dir
from .lookup import normalize

__all__ = [
    "GROUPS",
    "GROUP_ORDER",
    "GRAPH_REASONS",
    "NEEDS_FMA",
    "Catalog",
    "Param",
    "ParamKind",
    "QueryGroup",
    "QuerySpec",
    "find_query",
    "load_catalog",
    "load_query",
    "parse_query_file",
    "query_names",
    "search_queries",
]

#: How a parameter value is read: an IRI (label, CURIE or IRI) or a literal (``text`` or ``text@lang``).
ParamKind = Literal["iri", "literal"]
#: The groups of the catalog, one per folder.
QueryGroup = Literal["questions", "quality control", "FMA comparison", "Uberon comparison"]
#: Folder → group shown in listings. The top folder holds the competency questions.
GROUPS: dict[str, QueryGroup] = {"": "questions", "qc": "quality control", "fma": "FMA comparison", "uberon": "Uberon comparison"}
#: The order groups are listed in.
GROUP_ORDER: tuple[QueryGroup, ...] = ("questions", "FMA comparison", "Uberon comparison", "quality control")
#: Groups whose questions answer only when FMA or Uberon data is linked.
NEEDS_FMA: tuple[QueryGroup, ...] = ("FMA comparison", "Uberon comparison")
#: What a header may declare the relation graph lacks for a question: which relations a class states itself
#: (the graph keeps an edge a subclass repeats only on the superclass), or fillers that are class expressions.
GRAPH_REASONS = ("stated", "expressions")


class Param(NamedTuple):
    """One declared query parameter.

    A named tuple, as are the other small immutable records every command loads (:class:`~.lookup.Match`,
    :class:`~gluteonto.engines.base.Capabilities`, :class:`~gluteonto.terms.Term`): creating a frozen
    dataclass compiles six generated methods when the module is imported, about 1 ms of CPU each time
    ``gluteonto query`` starts; a named tuple compiles one.
    """

    name: str
    kind: ParamKind
    default: str
    help: str
    helps: tuple[tuple[str, str], ...] = ()
    pattern: str = ""
    hint: str = ""

    def help_in(self, lang: str = "en") -> str:
        """The help text in ``lang`` (English when there is none)."""
        return dict(self.helps).get(lang, self.help)


class QuerySpec:
    """A catalog query: its text and the metadata from its header.

    A plain class: a dataclass of this many fields has its methods generated and compiled when the module is
    imported, about 1.5 ms of CPU each time ``gluteonto query`` starts (see :class:`Param`).
    """

    def __init__(
        self,
        name: str,
        path: Path,
        text: str,
        group: QueryGroup,
        titles: dict[str, str] | None = None,
        description: str = "",
        answer: str = "",
        params: list[Param] | None = None,
        descriptions: dict[str, str] | None = None,
        answers: dict[str, str] | None = None,
        aliases: list[str] | None = None,
        names: dict[str, str] | None = None,
        relation_graph: tuple[str, ...] = (),
    ) -> None:
        self.name, self.path, self.text, self.group = name, path, text, group
        #: title, description and answer by language (``description`` and ``answer`` are the English ones)
        self.titles: dict[str, str] = titles if titles is not None else {}
        self.description, self.answer = description, answer
        self.descriptions: dict[str, str] = descriptions if descriptions is not None else {}
        self.answers: dict[str, str] = answers if answers is not None else {}
        self.params: list[Param] = params if params is not None else []
        #: other names, and the name listings in a language show (``alias@LANG``)
        self.aliases: list[str] = aliases if aliases is not None else []
        self.names: dict[str, str] = names if names is not None else {}
        #: why the relation graph cannot answer this question alike (header ``relation-graph:``; see GRAPH_REASONS)
        self.relation_graph = relation_graph

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(self) == vars(other)

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        return f"QuerySpec(name={self.name!r}, group={self.group!r}, path={str(self.path)!r})"

    def name_in(self, lang: str = "en") -> str:
        """The name listings in ``lang`` show: the first ``alias@LANG``, else the identifier (the file name)."""
        return self.names.get(ui(lang), self.name)

    def title(self, lang: str = "en") -> str:
        """The title in ``lang`` (English or any as fallback; the name if there is none)."""
        return choose(self.titles, lang) or self.name

    def param(self, name: str) -> Param:
        """The declared parameter ``name``; InputError naming the known ones otherwise."""
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise MessageError(("query has no parameter", {"query": self.name, "name": name, "known": known}))


def parse_query_file(path: Path, group: QueryGroup = "questions") -> QuerySpec:
    """Read one ``.rq`` file and its header."""
    text = path.read_text(encoding="utf-8")
    spec = QuerySpec(name=path.stem, path=path, text=text, group=group)
    extra: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        key, sep, value = stripped.lstrip("#").strip().partition(":")
        if not sep:
            continue
        key, value = key.strip(), value.strip()
        if key.startswith("title@"):
            spec.titles[key.split("@", 1)[1]] = value
        elif key == "description":
            spec.description = (spec.description + " " + value).strip()
        elif key == "answer":
            spec.answer = (spec.answer + " " + value).strip()
        elif key.startswith("description@"):
            lang = key.split("@", 1)[1]
            spec.descriptions[lang] = (spec.descriptions.get(lang, "") + " " + value).strip()
        elif key.startswith("answer@"):
            lang = key.split("@", 1)[1]
            spec.answers[lang] = (spec.answers.get(lang, "") + " " + value).strip()
        elif key == "relation-graph":
            reasons = tuple(r.strip() for r in value.split(",") if r.strip())
            if not reasons or any(r not in GRAPH_REASONS for r in reasons):
                raise InputError(f"{path.name}: relation-graph must name {' or '.join(GRAPH_REASONS)}, not {value!r}")
            spec.relation_graph = reasons
        elif key == "alias" or key.startswith("alias@"):
            names = [a.strip() for a in value.split(",") if a.strip()]
            spec.aliases += names
            if "@" in key and names:
                spec.names.setdefault(key.split("@", 1)[1], names[0])
        elif key == "param":
            parts = [p.strip() for p in value.split("|")]
            if len(parts) != 4 or parts[1] not in get_args(ParamKind):
                raise InputError(f"{path.name}: malformed param line {value!r}")
            spec.params.append(Param(parts[0], cast(ParamKind, parts[1]), parts[2], parts[3]))
        elif key.startswith("param@"):
            extra.append((key, [p.strip() for p in value.split("|")]))
        elif key == "values":  # the pattern in the middle may itself contain "|"
            fields = value.split("|")
            extra.append((key, [fields[0].strip(), "|".join(fields[1:-1]).strip(), fields[-1].strip()]))
    for key, parts in extra:
        _amend_param(spec, path, key, parts)
    return spec


def _amend_param(spec: QuerySpec, path: Path, key: str, parts: list[str]) -> None:
    """Apply a ``param@LANG`` (help in another language) or ``values`` (allowed values) line."""
    for i, param in enumerate(spec.params):
        if param.name != parts[0]:
            continue
        if key == "values" and len(parts) == 3:
            spec.params[i] = param._replace(pattern=parts[1], hint=parts[2])
            return
        if key.startswith("param@") and len(parts) == 2:
            spec.params[i] = param._replace(helps=(*param.helps, (key.split("@", 1)[1], parts[1])))
            return
    raise InputError(f"{path.name}: malformed {key} line {' | '.join(parts)!r}")


def load_catalog(root: Path | None = None) -> dict[str, QuerySpec]:
    """All catalog queries by name (``qc/…``, ``fma/…`` and ``uberon/…`` for the sub-folders)."""
    root = root or queries_dir()
    catalog: dict[str, QuerySpec] = {}
    for path in sorted(root.rglob("*.rq")):
        folder = path.parent.relative_to(root).as_posix()
        folder = "" if folder == "." else folder
        name = path.stem if not folder else f"{folder}/{path.stem}"
        if folder not in GROUPS:
            raise InputError(f"{path}: queries live in the catalog folder or in {', '.join(g for g in GROUPS if g)}/")
        spec = parse_query_file(path, GROUPS[folder])
        spec.name = name
        catalog[name] = spec
    return catalog


def load_query(name: str, root: Path | None = None) -> QuerySpec | None:
    """The catalog query ``name`` (``qc/…``, ``fma/…`` for sub-folders) read on its own; None if there is none."""
    root = root or queries_dir()
    folder, _sep, stem = name.rpartition("/")
    if folder not in GROUPS or not stem or not stem.replace("-", "").replace("_", "").isalnum():
        return None
    path = root / folder / f"{stem}.rq" if folder else root / f"{stem}.rq"
    if not path.is_file():
        return None
    spec = parse_query_file(path, GROUPS[folder])
    spec.name = name
    return spec


class Catalog(Mapping[str, QuerySpec]):
    """The packaged catalog, by query name: read whole on first use; a single query by name is read on its own."""

    def __init__(self, root: Path | None = None) -> None:
        self._root = root
        self._specs: dict[str, QuerySpec] | None = None

    @property
    def specs(self) -> dict[str, QuerySpec]:
        """Every query by name (the catalog is read on first use)."""
        if self._specs is None:
            self._specs = load_catalog(self._root)
        return self._specs

    def __getitem__(self, name: str) -> QuerySpec:
        return self.specs[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.specs)

    def __len__(self) -> int:
        return len(self.specs)

    def queries(self) -> list[QuerySpec]:
        """Every query, competency questions first, then by name."""
        return sorted(self.specs.values(), key=lambda q: (GROUP_ORDER.index(q.group), q.name))

    def named(self, name: str) -> QuerySpec | None:
        """The query called exactly ``name``, without reading the whole catalog when it is not read yet."""
        if self._specs is None:
            return load_query(name, self._root)
        return self._specs.get(name)


def query_names(catalog: Mapping[str, QuerySpec]) -> dict[str, str]:
    """Normalised name or alias → query name (names win over aliases)."""
    names: dict[str, str] = {}
    for spec in catalog.values():
        for alias in spec.aliases:
            names.setdefault(normalize(alias), spec.name)
    for spec in catalog.values():
        names[normalize(spec.name)] = spec.name
    return names


def find_query(name: str, catalog: Mapping[str, QuerySpec], *, fma_loaded: bool = False, lang: str = "en") -> QuerySpec:
    """The question called ``name`` (or one of its aliases); unknown names get suggestions that answer,
    named as listings in ``lang`` name them (``differensialdiagnoser``, not ``differential-diagnosis``, in nb)."""
    if name in catalog:
        return catalog[name]
    names = query_names(catalog)
    key = normalize(name)
    if key in names:
        return catalog[names[key]]
    usable = {k: v for k, v in names.items() if fma_loaded or catalog[v].group not in NEEDS_FMA}
    close = list(dict.fromkeys(catalog[n].name_in(lang) for n in _close_names(key, usable)))
    if close:
        raise MessageError(("unknown query", {"name": name}), ("did you mean", {"names": ", ".join(repr(n) for n in close)}))
    raise MessageError(("unknown query", {"name": name}), ("list queries", {}))


def _close_names(key: str, names: Mapping[str, str]) -> list[str]:
    from .fuzzy import closest

    keys = list(names)
    found: list[str] = []
    spaced = key.replace("-", " ")
    prefixed = [names[k] for k in keys if k.startswith(spaced) or (len(spaced) >= 4 and spaced in k)]
    fuzzy = [names[keys[i]] for i, _s in closest(spaced, [k.replace("-", " ") for k in keys], limit=5, cutoff=75)]
    for query in [*prefixed, *fuzzy]:
        if query not in found:
            found.append(query)
    return found[:5]


def search_queries(word: str, catalog: Mapping[str, QuerySpec]) -> list[QuerySpec]:
    """Questions whose name, aliases, titles or descriptions (nb and en) mention every word of ``word``.

    A misspelt word ("trendelenberg") counts when it is within a few edits of a word of the text.
    """
    from rapidfuzz import fuzz

    wanted = normalize(word).split()
    if not wanted:
        return []
    texts = {
        name: normalize(
            " ".join(
                [
                    spec.name.replace("-", " "),
                    *spec.aliases,
                    *spec.titles.values(),
                    spec.description,
                    *spec.descriptions.values(),
                    *(p.help for p in spec.params),
                    *(h for p in spec.params for _l, h in p.helps),
                ]
            )
        ).split()
        for name, spec in catalog.items()
    }

    def found(exact: bool) -> list[QuerySpec]:
        hits = [
            catalog[name]
            for name, words in texts.items()
            if all(any((w.startswith(x) or x in w) if exact else fuzz.ratio(x, w) >= 85 for w in words) for x in wanted)
        ]
        return sorted(hits, key=lambda q: (q.group != "questions", q.name))

    return found(True) or found(False)
