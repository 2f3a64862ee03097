"""Write the question bank as Moodle GIFT, an Anki-importable TSV file, plain text or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from .bank import Item
from .words import w

__all__ = ["ANKI_HEADER", "QUIZ_FORMATS", "carried", "gift_escape", "to_anki", "to_gift", "to_json", "to_text"]

_GIFT_SPECIAL = "~=#{}:"

#: Moodle's accepted grade percentages for the options of a multiple-answer question with n right options
_SHARES = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667"}


def gift_escape(text: str) -> str:
    r"""``text`` with GIFT's special characters escaped (``\``, ``~ = # { } :``) and line breaks as ``\n``.

    ``->`` (which GIFT reads as the arrow of a matching pair, and cannot escape) becomes ``→``.

    >>> gift_escape("a: b = {c} ~ #d \\ e -> f")
    'a\\: b \\= \\{c\\} \\~ \\#d \\\\ e → f'
    """
    out = text.replace("\\", "\\\\").replace("->", "→")
    for char in _GIFT_SPECIAL:
        out = out.replace(char, "\\" + char)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _stem(item: Item) -> str:
    return f"{item.stem} ({item.source})" if item.source else item.stem


def _origin(item: Item) -> str:
    """Which catalog question gives the answer, named (with its parameters) in the item's language."""
    from ..i18n import param_name
    from ..query.catalog import load_query

    pairs = [*item.params.items(), *((k, v) for p in item.also for k, v in p.items())]
    params = ", ".join(f"{param_name(k, item.lang)}={v}" for k, v in pairs)
    spec = load_query(item.query)
    return w("from query", item.lang, query=spec.name_in(item.lang) if spec else item.query, params=params)


#: formats that carry a label item's diagram (JSON holds its SVG; the practice page draws it)
_WITH_PICTURES = frozenset({"json"})


def carried(items: list[Item], fmt: str) -> tuple[list[Item], list[Item]]:
    """The items format ``fmt`` can hold, and those it leaves out: label-the-diagram items, whose numbered boxes
    mean nothing without their picture, go only into formats that carry it (JSON)."""
    if fmt in _WITH_PICTURES:
        return list(items), []
    return [i for i in items if i.type != "label"], [i for i in items if i.type == "label"]


def to_gift(items: list[Item]) -> str:
    """The bank in Moodle's GIFT format (UTF-8), one question per block, the source in each question.

    Label-the-diagram items are left out (see :func:`carried`; the practice page has them).
    """
    blocks = []
    for n, item in enumerate(carried(items, "gift")[0], 1):
        title = gift_escape(f"{n:02d} {item.id}")
        head = f"// {item.query} {json.dumps(item.params, ensure_ascii=False, sort_keys=True)}\n::{title}::{gift_escape(_stem(item))} {{"
        lines = []
        if item.type == "choice":
            lines = [f"{'=' if o.correct else '~'}{gift_escape(o.text)}#{gift_escape(o.feedback)}" for o in item.options]
        elif item.type == "multi":
            share = _SHARES.get(sum(o.correct for o in item.options), "10")
            lines = [f"~%{share if o.correct else '-100'}%{gift_escape(o.text)}#{gift_escape(o.feedback)}" for o in item.options]
        elif item.type == "match":
            lines = [f"={gift_escape(left)} -> {gift_escape(right)}" for left, right in item.pairs]
        elif item.type == "short":
            lines = [f"={gift_escape(answer)}" for answer in item.answers]
        lines.append(f"####{gift_escape(_origin(item))}")
        blocks.append(head + "\n" + "\n".join(f"\t{line}" for line in lines) + "\n}\n")
    return "\n".join(blocks)


def _answer_text(item: Item) -> str:
    if item.type in ("match", "label"):
        return "; ".join(f"{left} → {right}" for left, right in item.pairs)
    if item.type == "short":
        return item.answers[0]
    return "; ".join(o.text for o in item.options if o.correct)


def _front(item: Item) -> list[str]:
    lines = [item.stem]
    if item.type in ("choice", "multi"):
        lines += [f"{chr(65 + i)}. {o.text}" for i, o in enumerate(item.options)]
    elif item.type in ("match", "label"):
        rights = sorted({right for _l, right in item.pairs})
        lines += [f"{left} → ?" for left, _r in item.pairs] + ["(" + " | ".join(rights) + ")"]
    return lines


#: Anki's header lines: tab-separated HTML fields for the Basic note type (its fields are Front and Back), then tags
ANKI_HEADER = ["#separator:tab", "#html:true", "#notetype:Basic", "#columns:Front\tBack\tTags", "#tags column:3"]


def to_anki(items: list[Item]) -> str:
    """Tab-separated notes for Anki's import as Basic notes: front, back (the answer, why each wrong option is
    wrong, then the source and catalog question, so that Anki keeps them) and tags, with Anki's header lines."""

    def field(lines: list[str]) -> str:
        return "<br>".join(escape(line).replace("\t", " ") for line in lines if line)

    out = list(ANKI_HEADER)
    for item in carried(items, "anki")[0]:  # label items need their picture: on the practice page
        back = [_answer_text(item)] + [f"✗ {o.text}: {o.feedback}" for o in item.options if not o.correct]
        back += [item.source, _origin(item)]
        out.append("\t".join([field(_front(item)), field(back), f"gluteonto {item.query} {item.type}"]))
    return "\n".join(out) + "\n"


def to_text(items: list[Item]) -> str:
    """The bank as readable text with answers, why each wrong option is wrong, source and catalog question.

    Label-the-diagram items are left out (see :func:`carried`): plain text cannot show their diagram.
    """
    out = []
    for n, item in enumerate(carried(items, "text")[0], 1):
        lines = [f"{w('item', item.lang, n=n)} [{item.id}]", *_front(item), f"{w('answer', item.lang)}: {_answer_text(item)}"]
        lines += [f"  ✗ {o.text}: {o.feedback}" for o in item.options if not o.correct]
        lines += [line for line in (item.source, _origin(item)) if line]
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def to_json(items: list[Item]) -> str:
    """The bank as JSON (what the practice page reads)."""
    return json.dumps([item.to_json() for item in items], ensure_ascii=False, sort_keys=True, indent=1) + "\n"


#: format name → writer
QUIZ_FORMATS: dict[str, Callable[[list[Item]], str]] = {"text": to_text, "gift": to_gift, "anki": to_anki, "json": to_json}
