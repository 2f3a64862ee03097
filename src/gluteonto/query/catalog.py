"""The packaged SPARQL catalog: ``.rq`` files whose comment header describes them.

Header lines (SPARQL comments, so every file runs unchanged on any engine)::

    # title@en: Nerve supply of a muscle
    # title@nb: Nerveforsyning til en muskel
    # description: What the query answers, for whom.
    # param: muscle | iri | gluteus minimus | The muscle to look at.
    # answer: What each row means.

A ``param`` line gives name, kind (``iri`` or ``literal``), default and help text. The query
uses the parameter as the variable of the same name (``?muscle``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..resources import queries_dir

__all__ = ["Param", "QuerySpec", "load_catalog", "get_query", "parse_query_file", "GROUPS"]

#: Folder → group shown in listings. The top folder holds the competency questions.
GROUPS = {"": "questions", "qc": "quality control", "fma": "FMA comparison"}
PARAM_KINDS = ("iri", "literal")


@dataclass(frozen=True)
class Param:
    """One declared query parameter."""

    name: str
    kind: str
    default: str
    help: str


@dataclass
class QuerySpec:
    """A catalog query: its text and the metadata from its header."""

    name: str
    path: Path
    text: str
    group: str
    titles: dict[str, str] = field(default_factory=dict)
    description: str = ""
    answer: str = ""
    params: list[Param] = field(default_factory=list)

    def title(self, lang: str = "en") -> str:
        return self.titles.get(lang) or self.titles.get("en") or self.name

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise InputError(f"query {self.name!r} has no parameter {name!r} (its parameters: {known})")


def parse_query_file(path: Path, group: str = "questions") -> QuerySpec:
    """Read one ``.rq`` file and its header."""
    text = path.read_text(encoding="utf-8")
    spec = QuerySpec(name=path.stem, path=path, text=text, group=group)
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
        elif key == "param":
            parts = [p.strip() for p in value.split("|")]
            if len(parts) != 4 or parts[1] not in PARAM_KINDS:
                raise InputError(f"{path.name}: malformed param line {value!r}")
            spec.params.append(Param(*parts))
    return spec


def load_catalog(root: Path | None = None) -> dict[str, QuerySpec]:
    """All catalog queries by name (``qc/…`` and ``fma/…`` for the sub-folders)."""
    root = root or queries_dir()
    catalog: dict[str, QuerySpec] = {}
    for path in sorted(root.rglob("*.rq")):
        folder = path.parent.relative_to(root).as_posix()
        folder = "" if folder == "." else folder
        name = path.stem if not folder else f"{folder}/{path.stem}"
        spec = parse_query_file(path, GROUPS.get(folder, folder))
        spec.name = name
        catalog[name] = spec
    return catalog


def get_query(name: str, catalog: dict[str, QuerySpec] | None = None) -> QuerySpec:
    """Look a query up by name; an unknown name gets a message with close candidates."""
    catalog = catalog if catalog is not None else load_catalog()
    if name in catalog:
        return catalog[name]
    close = [n for n in catalog if name.lower() in n.lower() or n.split("/")[-1].startswith(name[:4].lower())]
    hint = f" Did you mean: {', '.join(close[:5])}?" if close else " Run 'gluteonto queries' to list them."
    raise InputError(f"no query named {name!r}.{hint}")
