"""The message catalogues: PO files (what translators edit) compiled into the MO files the run time reads.

``src/gluteonto/locale/LANG/LC_MESSAGES/gluteonto.po`` holds every word the interface shows in LANG, keyed
(the msgid is the key, the same in every language; ``en`` is the base every other catalogue translates).
This module reads them with Babel's PO parser and writes each as a GNU MO file, which
:mod:`gluteonto.i18n` reads one message at a time by binary search over the sorted keys (the standard
library's :mod:`gettext` reads them too). The MO bytes depend only on the
entries (sorted, no dates, no tool version), so a rebuild gives the same files, checked for drift like the
releases. An entry marked fuzzy (a translation left for review) or left empty is refused, naming it.
"""

from __future__ import annotations

import struct
from pathlib import Path

from .source import SourceError

__all__ = ["LOCALE_DIR", "catalogue_paths", "compile_catalogue", "mo_bytes", "render_catalogues"]

#: The catalogues, relative to a checkout's root.
LOCALE_DIR = Path("src", "gluteonto", "locale")
_DOMAIN = "gluteonto"


def catalogue_paths(root: Path) -> dict[str, Path]:
    """Language → PO file of every catalogue in the checkout ``root``."""
    found = sorted((root / LOCALE_DIR).glob(f"*/LC_MESSAGES/{_DOMAIN}.po"))
    return {path.parents[1].name: path for path in found}


def mo_bytes(entries: dict[bytes, bytes]) -> bytes:
    """A GNU MO file (little-endian, no hash table) holding ``entries`` (msgid → msgstr, already encoded)."""
    keys = sorted(entries)
    ids = b"".join(key + b"\0" for key in keys)
    strs = b"".join(entries[key] + b"\0" for key in keys)
    count = len(keys)
    start = 7 * 4 + 16 * count  # header, then the two tables of (length, offset) pairs
    offsets: list[int] = []
    position = 0
    for key in keys:
        offsets += [len(key), start + position]
        position += len(key) + 1
    position = 0
    for key in keys:
        offsets += [len(entries[key]), start + len(ids) + position]
        position += len(entries[key]) + 1
    header = struct.pack("<7I", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    return header + struct.pack(f"<{len(offsets)}I", *offsets) + ids + strs


def compile_catalogue(path: Path, lang: str) -> bytes:
    """The MO bytes of one PO catalogue; SourceError naming the entry for a fuzzy or empty one."""
    from babel.messages.pofile import PoFileError, read_po

    try:
        with path.open("rb") as handle:
            catalogue = read_po(handle, abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path}: not a readable PO catalogue: {' '.join(str(exc).split())}") from None
    entries = {b"": (f"Content-Type: text/plain; charset=UTF-8\nLanguage: {lang}\nPlural-Forms: {catalogue.plural_forms}\n").encode()}
    for message in catalogue:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
        strings = list(message.string) if isinstance(message.string, (tuple, list)) else [message.string]
        texts = [text for text in strings if text]
        if message.fuzzy or len(texts) != len(strings):
            raise SourceError(f"{path}: the message {key!r} is {'marked fuzzy' if message.fuzzy else 'not translated'}")
        if isinstance(message.id, (tuple, list)):
            entries[f"{message.id[0]}\0{message.id[1]}".encode()] = "\0".join(texts).encode("utf-8")
        else:
            entries[message.id.encode("utf-8")] = texts[0].encode("utf-8")
    return mo_bytes(entries)


def render_catalogues(root: Path) -> dict[str, bytes]:
    """Every catalogue of ``root`` compiled: repo-relative MO path → bytes."""
    return {path.with_suffix(".mo").relative_to(root).as_posix(): compile_catalogue(path, lang) for lang, path in catalogue_paths(root).items()}
