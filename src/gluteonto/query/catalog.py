"""The packaged SPARQL catalog: ``.rq`` files whose comment header describes them.

Header lines (SPARQL comments, so every file runs unchanged on any engine)::

    # title@en: Nerve supply of a muscle
    # title@nb: Nerveforsyning til en muskel
    # description: What the query answers, for whom.
    # param: muscle | iri | gluteus minimus | The muscle to look at.
    # answer: What each row means.

Norwegian text goes in ``description@nb``, ``answer@nb`` and ``param@nb: NAME | help`` lines;
``alias: innervasjon`` lines give other names the question answers to (e.g. Norwegian ones), and
``values: NAME | REGEX | hint`` restricts a literal parameter (matched ignoring case).

A ``param`` line gives name, kind (``iri`` or ``literal``), default and help text. The query
uses the parameter as the variable of the same name (``?muscle``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, cast, get_args

from ..errors import InputError
from ..labels import choose
from ..resources import queries_dir

__all__ = ["GROUPS", "GROUP_ORDER", "Param", "ParamKind", "QueryGroup", "QuerySpec", "get_query", "load_catalog", "load_query",
           "parse_query_file"]

#: How a parameter value is read: an IRI (label, CURIE or IRI) or a literal (``text`` or ``text@lang``).
ParamKind = Literal["iri", "literal"]
#: The groups of the catalog, one per folder.
QueryGroup = Literal["questions", "quality control", "FMA comparison", "Uberon comparison"]
#: Folder → group shown in listings. The top folder holds the competency questions.
GROUPS: dict[str, QueryGroup] = {"": "questions", "qc": "quality control", "fma": "FMA comparison", "uberon": "Uberon comparison"}
#: The order groups are listed in.
GROUP_ORDER: tuple[QueryGroup, ...] = ("questions", "FMA comparison", "Uberon comparison", "quality control")


@dataclass(frozen=True)
class Param:
    """One declared query parameter."""

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


@dataclass
class QuerySpec:
    """A catalog query: its text and the metadata from its header."""

    name: str
    path: Path
    text: str
    group: QueryGroup
    titles: dict[str, str] = field(default_factory=dict)
    description: str = ""
    answer: str = ""
    params: list[Param] = field(default_factory=list)
    descriptions: dict[str, str] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)

    def title(self, lang: str = "en") -> str:
        """The title in ``lang`` (English or any as fallback; the name if there is none)."""
        return choose(self.titles, lang) or self.name

    def description_in(self, lang: str = "en") -> str:
        """The description in ``lang`` (English when there is none)."""
        return self.descriptions.get(lang) or self.description

    def answer_in(self, lang: str = "en") -> str:
        """The answer sentence in ``lang`` (English when there is none)."""
        return self.answers.get(lang) or self.answer

    def param(self, name: str) -> Param:
        """The declared parameter ``name``; InputError naming the known ones otherwise."""
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise InputError(f"query {self.name!r} has no parameter {name!r} (its parameters: {known})")


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
        elif key == "alias":
            spec.aliases += [a.strip() for a in value.split(",") if a.strip()]
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
            spec.params[i] = replace(param, pattern=parts[1], hint=parts[2])
            return
        if key.startswith("param@") and len(parts) == 2:
            spec.params[i] = replace(param, helps=(*param.helps, (key.split("@", 1)[1], parts[1])))
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


def get_query(name: str, catalog: dict[str, QuerySpec] | None = None) -> QuerySpec:
    """Look a query up by name; an unknown name gets a message with close candidates."""
    catalog = catalog if catalog is not None else load_catalog()
    if name in catalog:
        return catalog[name]
    close = [n for n in catalog if name.lower() in n.lower() or n.split("/")[-1].startswith(name[:4].lower())]
    hint = f" Did you mean: {', '.join(close[:5])}?" if close else " Run 'gluteonto queries' to list them."
    raise InputError(f"no query named {name!r}.{hint}")
