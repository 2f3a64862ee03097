"""The question catalog as text for a terminal: names, titles, aliases and parameters, fitted to a width.

Each question is listed by its name in the listing's language (its first ``alias@LANG``; the identifier and
the other aliases follow as "also"). Names, aliases and ``-p NAME=…`` stay whole; text wraps at spaces only. On a narrow terminal the
question name stands on its own line above its title.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from ..i18n import msg, param_name
from .catalog import QuerySpec

__all__ = ["catalog_lines"]

_NAME = 34
_INDENT = 4


def _wrap(line: str, width: int, indent: int) -> list[str]:
    return textwrap.wrap(
        line, max(width, indent + 20), initial_indent=" " * indent, subsequent_indent=" " * indent, break_long_words=False, break_on_hyphens=False
    )


def catalog_lines(specs: Sequence[QuerySpec], lang: str, width: int, defaults: Mapping[str, str] | None = None) -> list[str]:
    """Listing lines for ``specs`` grouped as given, in ``lang``, no wider than ``width`` where words allow."""
    defaults = defaults or {}
    wide = width >= _NAME + 2 + 40
    indent = _NAME + 3 if wide else _INDENT
    lines: list[str] = []
    group = None
    for spec in specs:
        if spec.group != group:
            if group is not None:
                lines.append("")
            group = spec.group
            lines.append(f"[{msg('group ' + group, lang)}]")
        name = spec.name_in(lang)
        if wide and len(name) <= _NAME:
            title = _wrap(spec.title(lang), width, indent)
            lines.append(f"  {name:<{_NAME}} {title[0].strip()}")
            lines.extend(title[1:])
        else:
            lines.append(f"  {name}")
            lines.extend(_wrap(spec.title(lang), width, indent))
        others = [other for other in (spec.name, *spec.aliases) if other != name]
        if others:
            lines.extend(_wrap(f"({msg('also', lang)}: {', '.join(others)})", width, indent))
        for param in spec.params:
            default = defaults.get(param.default, param.default) if param.kind == "iri" else param.default
            lines.extend(_wrap(f"-p {param_name(param.name, lang)}=…  ({msg('default', lang)}: {default}) {param.help_in(lang)}", width, indent))
    return [line.rstrip() for line in lines]
