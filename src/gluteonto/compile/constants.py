"""The term constants module (``src/gluteonto/iris.py``), written from the edit source.

Runtime code names the ontology's terms through these constants (``iris.GLUTEUS_MINIMUS``), never by
number: a constant is the term's ``key`` in capitals, its value the full IRI. The module is written in
source order (sources, properties, classes), so the same source always gives the same text, and is
checked for drift like the release files.

>>> from gluteonto.compile.source import parse_source
>>> header = {"version": "2026-01-01", "created": "2026-01-01", "license": "https://x/l",
...           "creators": ["c"], "title": {"en": "t"}, "description": {"en": "d"}}
>>> src = parse_source({"ontology": header, "sources": [{"key": "art", "id": 850, "type": "article", "label": {"en": "a"}}],
...     "classes": [{"key": "article", "id": 1, "label": {"en": "article", "nb": "artikkel"},
...                  "def": {"en": "A text.", "nb": "En tekst."}, "src": ["art"]}]})
>>> print(render_constants(src).split("# -- classes")[1].splitlines()[1])
ARTICLE: Final = "https://w3id.org/gluteonto/GLUTEONTO_0000001"  # article
"""

from __future__ import annotations

import keyword

from .source import OntologySource, SourceError

__all__ = ["CONSTANTS_FILE", "constant_name", "render_constants"]

#: Where the module goes, relative to a checkout's root.
CONSTANTS_FILE = "src/gluteonto/iris.py"

_HEAD = '''"""The IRIs of gluteonto's terms: one named constant per term of the edit source, its key in capitals.

Generated from ontology/source/gluteonto-edit.yaml by ``python -m gluteonto.compile``; do not edit (a test
fails when this file and the source differ). Runtime code names the ontology's terms only through these.
"""

from __future__ import annotations

from typing import Final

# ruff: noqa: E501
'''


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def constant_name(key: str) -> str:
    """The constant for a source key: the key in capitals (``gluteus_minimus`` → ``GLUTEUS_MINIMUS``)."""
    name = key.upper()
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
        raise SourceError(f"the key {key!r} cannot be a Python constant; use letters, digits and _ (not first)")
    return name


def render_constants(source: OntologySource) -> str:
    """The text of the constants module for ``source``."""
    lines = [_HEAD]
    sections = (
        ("sources", [(s.key, str(source.iri(s.key)), s.label.get("en", "")) for s in source.sources]),
        ("properties", [(p.key, str(p.iri), p.label.get("en", "")) for p in source.properties]),
        ("classes", [(c.key, str(c.iri), c.label.get("en", "")) for c in source.classes]),
    )
    for title, terms in sections:
        lines.append(f"\n# -- {title} " + "-" * (100 - len(title)))
        lines += [f"{constant_name(key)}: Final = {_quoted(iri)}  # {' '.join(label.split())}".rstrip() for key, iri, label in terms]
    lines.append("\n#: IRI → key, for every term of the source")
    lines.append("KEYS: Final[dict[str, str]] = {")
    lines += [f"    {constant_name(key)}: {_quoted(key)}," for _title, terms in sections for key, _iri, _label in terms]
    lines.append("}")
    lines.append("\n#: The relations (object properties), IRI → key, in source order; each has a sentence in every message catalogue")
    lines.append("RELATIONS: Final[dict[str, str]] = {")
    lines += [f"    {constant_name(p.key)}: {_quoted(p.key)}," for p in source.properties if p.kind == "object"]
    lines.append("}")
    labels = [*(s.label for s in source.sources), *(p.label for p in source.properties), *(c.label for c in source.classes)]
    langs = sorted({lang for label in labels for lang in label})
    lines.append("\n#: The languages the source gives labels in")
    lines.append(f"LABEL_LANGUAGES: Final = ({', '.join(_quoted(lang) for lang in langs)}{',' if len(langs) == 1 else ''})")
    return "\n".join(lines) + "\n"
