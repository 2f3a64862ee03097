"""Every word the interface shows, in the user's language, from one message catalogue per language.

The catalogues are gettext PO files, one per language, in ``gluteonto/locale/LANG/LC_MESSAGES/gluteonto.po``
(keyed: the msgid is the key, the same in every language), compiled by ``python -m gluteonto.compile`` into
the ``.mo`` files read here, one message at a time (:class:`_Catalogue`; the standard library's :mod:`gettext`
reads the same files, and a test checks the two agree). A language with a catalogue is an
interface language; ``la`` (Latin anatomy names) and any other label language use the English interface.

The one lookup: :func:`msg` (``msg(key, lang, **fields)``) and, for a count, :func:`nmsg`, which picks the
plural form the language's catalogue defines. Errors meant for a person carry message keys
(:class:`MessageError`, :class:`EngineMessageError`) and are rendered in the user's language by the CLI.

>>> nmsg("rows", 3, "nb")
'(3 rader)'
>>> nmsg("rows", 1, "en")
'(1 row)'
>>> header("larger_plexus", "nb")
'større pleksus'
>>> msg("not a value", "nb", value="S9", param="segment", hint="L1–L5, S1–S5")
"'S9' er ikke en gyldig verdi for segment (L1–L5, S1–S5)."

A number in a message is written the way the language writes numbers (:func:`number`: the decimal sign and
the thousands separator come from the catalogue), whatever format the message gives it:

>>> msg("timeout range", "nb", value="x", minimum=0.1, maximum=604800.0)
"'x' er ikke et antall sekunder fra 0,1 til 604\xa0800"
"""

from __future__ import annotations

import functools
import gettext
import re
import string
import struct
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from .errors import EngineError, InputError
from .iris import LABEL_LANGUAGES

__all__ = [
    "BASE_LANG",
    "LABEL_LANGS",
    "LABEL_SUFFIX",
    "UI_LANGS",
    "EngineMessageError",
    "Localized",
    "Phrase",
    "MessageError",
    "Named",
    "and_list",
    "cell_text",
    "default_lang",
    "vocabulary_name",
    "has_msg",
    "header",
    "interface_words",
    "message_keys",
    "msg",
    "name_shown",
    "fallback_note",
    "nmsg",
    "number",
    "os_reason",
    "param_aliases",
    "param_name",
    "plural_template",
    "ui",
]

_LOCALE = Path(__file__).with_name("locale")
_DOMAIN = "gluteonto"
#: The language every catalogue translates, and the interface of languages without a catalogue.
BASE_LANG = "en"


def _catalogue_langs() -> tuple[str, ...]:
    found = [d.name for d in _LOCALE.iterdir() if (d / "LC_MESSAGES" / f"{_DOMAIN}.mo").is_file()]
    return tuple(sorted(found, key=lambda lang: (lang != BASE_LANG, lang)))


#: Languages of the interface: one per compiled catalogue, English first.
UI_LANGS: tuple[str, ...] = _catalogue_langs()
#: Languages a user may ask answers in: the interface languages, then the other languages the ontology
#: has labels in (``la``: Latin anatomy names, with the English interface).
LABEL_LANGS: tuple[str, ...] = (*UI_LANGS, *(lang for lang in LABEL_LANGUAGES if lang not in UI_LANGS))

#: suffix of the label column machine formats add next to an IRI column
LABEL_SUFFIX = "_label"


def ui(lang: str) -> str:
    """The interface language for an answer language (``la`` → ``en``)."""
    return lang if lang in UI_LANGS else BASE_LANG


def default_lang(environ: Mapping[str, str]) -> str:
    """The answer language when ``--lang`` is not given: ``GLUTEONTO_LANG``, else the locale's language if the
    interface speaks it (``nb``, and ``no``/``nn`` as ``nb``), else English.

    >>> default_lang({"LANG": "nb_NO.UTF-8"}), default_lang({"GLUTEONTO_LANG": "la"}), default_lang({"LANG": "C.UTF-8"})
    ('nb', 'la', 'en')
    """
    chosen = environ.get("GLUTEONTO_LANG", "").strip().lower()
    if chosen in LABEL_LANGS:
        return chosen
    locale = next((environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(k)), "")
    if locale.lower().startswith(("nb", "no", "nn")):
        return "nb"
    prefix = re.split(r"[_.@-]", locale.lower(), maxsplit=1)[0]
    return prefix if prefix in UI_LANGS else BASE_LANG


_MO_MAGIC = 0x950412DE


class _Catalogue:
    """One compiled catalogue, its messages decoded only when shown.

    The file is a GNU MO file as :mod:`gluteonto.compile.messages` writes it (little-endian, UTF-8); the
    standard library's :mod:`gettext` reads the same files (``tests/test_messages.py`` checks that both give
    every message alike). That reader decodes all of a catalogue's thousand messages, and splits each, before
    the first lookup (3 ms of CPU, a twentieth of ``gluteonto query``); this one indexes the keys in one pass
    and decodes a message when it is asked for: a dozen for ``gluteonto query``. A key the catalogue lacks
    comes from ``fallback`` (the English catalogue), and one that no catalogue holds is a programming error
    (``KeyError``).
    """

    def __init__(self, data: bytes, fallback: str | None = None) -> None:
        magic, _revision, count, ids, strings = struct.unpack_from("<5I", data) if len(data) >= 20 else (0, 0, 0, 0, 0)
        if magic != _MO_MAGIC:
            raise ValueError("not a little-endian GNU MO catalogue")
        self._data, self._fallback = data, fallback
        #: (length, offset) of each key and of each text, in the order of the file
        self._ids = struct.unpack_from(f"<{2 * count}I", data, ids)
        self._texts = struct.unpack_from(f"<{2 * count}I", data, strings)

    @functools.cached_property
    def _index(self) -> tuple[dict[str, int], dict[str, int]]:
        """Key → entry number, for plain messages and for messages with plural forms (stored as ``key NUL plural``)."""
        data, ids = self._data, self._ids
        keys = [data[offset : offset + length].decode("utf-8") for length, offset in zip(ids[::2], ids[1::2], strict=True)]
        stored = dict(zip(keys, range(len(keys)), strict=True))
        plural = {key.partition("\0")[0]: number for key, number in stored.items() if "\0" in key}
        return {key: number for key, number in stored.items() if "\0" not in key} if plural else stored, plural

    def _text(self, number: int) -> str:
        length, offset = self._texts[2 * number], self._texts[2 * number + 1]
        return self._data[offset : offset + length].decode("utf-8")

    def _missing(self, key: str) -> _Catalogue:
        if self._fallback is None:
            raise KeyError(f"no message {key!r} in the catalogues")
        return _catalogue(self._fallback)

    @functools.cached_property
    def _plural_index(self) -> Callable[[int], int]:
        number = self._index[0].get("")
        header = self._text(number) if number is not None else ""
        rule = next((line.partition(":")[2] for line in header.splitlines() if line.lower().startswith("plural-forms:")), "")
        return gettext.c2py(rule.split("plural=", 1)[1].rstrip("; ")) if "plural=" in rule else lambda n: int(n != 1)

    def gettext(self, key: str) -> str:
        """The message ``key`` (from the fallback if this catalogue lacks it)."""
        number = self._index[0].get(key)
        return self._text(number) if number is not None else self._missing(key).gettext(key)

    def ngettext(self, key: str, plural: str, n: int) -> str:
        """The form of the plural message ``key`` for the count ``n`` (``plural`` is its plural key, here ``key`` too)."""
        number = self._index[1].get(key)
        if number is None:
            return self._missing(key).ngettext(key, plural, n)
        forms = self._text(number).split("\0")
        return forms[min(self._plural_index(n), len(forms) - 1)]

    def has(self, key: str) -> bool:
        """True when this catalogue itself holds ``key`` (a message, or one with plural forms)."""
        plain, plural = self._index
        return bool(key) and (key in plain or key in plural)

    @functools.cached_property
    def keys(self) -> frozenset[str]:
        """The message keys of this catalogue alone."""
        plain, plural = self._index
        return frozenset(plain.keys() | plural.keys()) - {""}

    @functools.cached_property
    def plural_keys(self) -> frozenset[str]:
        """The keys of the messages that have plural forms."""
        return frozenset(self._index[1])


@functools.cache
def _catalogue(lang: str) -> _Catalogue:
    """The compiled catalogue of an interface language, falling back to English for a key it lacks."""
    data = (_LOCALE / lang / "LC_MESSAGES" / f"{_DOMAIN}.mo").read_bytes()
    return _Catalogue(data, BASE_LANG if lang != BASE_LANG else None)


class Phrase:
    """A message used as a field of another message, worded in the language the outer message is shown in.

    >>> str(Phrase("json kind list")), msg("obographs graphs not list", "nb", path="g.json", found=Phrase("json kind list"))
    ('a list', 'g.json: kan ikke leses som obographs JSON: ventet at «graphs» er en liste, fant en liste')
    """

    def __init__(self, key: str, **fields: object) -> None:
        self.key, self.fields = key, fields

    def render(self, lang: str = BASE_LANG) -> str:
        """The phrase in ``lang``."""
        return msg(self.key, lang, **self.fields)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, **{self.fields!r})"


class Named:
    """A name that has a form per interface language (a question's Norwegian name), used as a field of a
    message: the message shows the form of its own language, else ``default``.

    >>> msg("unknown param", "nb", question=Named("innervation", nb="innervasjon"), param="x", known="muscle")
    "spørsmålet 'innervasjon' har ingen parameter 'x' (parameterne: muscle)."
    """

    def __init__(self, default: str, **names: str) -> None:
        self.default, self.names = default, names

    @classmethod
    def each(cls, make: Callable[[str], str]) -> Named:
        """The text ``make(lang)`` gives for every interface language (a text that holds numbers)."""
        return cls(make(BASE_LANG), **{lang: make(lang) for lang in UI_LANGS})

    def render(self, lang: str = BASE_LANG) -> str:
        """The name in the interface language of ``lang``."""
        return self.names.get(ui(lang), self.default)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Named({self.default!r}, **{self.names!r})"


def number(value: float, lang: str = BASE_LANG, spec: str = "") -> str:
    """``value`` formatted by the format ``spec`` (``,`` for thousands, ``.1f``, ``g`` …) and written with the
    decimal sign (``number.decimal``) and thousands separator (``number.group``) of ``lang``'s catalogue:
    Bokmål writes a decimal comma and a no-break space between thousands.

    >>> number(0.5, "nb"), number(12345.25, "nb", ",.1f"), number(12345.25, "en", ",.1f"), number(3, "la")
    ('0,5', '12\xa0345,2', '12,345.2', '3')
    """
    text = format(value, spec)
    decimal, group = msg("number.decimal", lang), msg("number.group", lang)
    return "".join(group if char == "," else decimal if char == "." else char for char in text)


class _Fields(string.Formatter):
    """Fills in a message's ``{fields}`` for one language: numbers by :func:`number`, names and phrases in it."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def get_value(self, key: int | str, args: Sequence[object], kwargs: Mapping[str, object]) -> object:
        value = super().get_value(key, args, kwargs)
        return value.render(self.lang) if isinstance(value, (Phrase, Named)) else value

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return number(value, self.lang, format_spec)
        return format(value, format_spec)


def _fill(text: str, lang: str, fields: Mapping[str, object]) -> str:
    return _Fields(lang).vformat(text, (), fields)


def msg(key: str, lang: str = BASE_LANG, **fields: object) -> str:
    """The message ``key`` in the interface language of ``lang``, with ``fields`` filled in (when given).

    A field that is a :class:`Phrase` or a :class:`Named` is worded in ``lang`` too, and a number is written
    as ``lang`` writes numbers (:func:`number`). An unknown key raises ``KeyError``.
    """
    text = _catalogue(ui(lang)).gettext(key)
    return _fill(text, lang, fields) if fields else text


def nmsg(key: str, n: int, lang: str = BASE_LANG, **fields: object) -> str:
    """The message ``key`` for the count ``n``, in the plural form the language's catalogue gives for it;
    ``{n}`` and ``fields`` are filled in (as by :func:`msg`)."""
    return _fill(_catalogue(ui(lang)).ngettext(key, key, n), lang, {"n": n, **fields})


def plural_template(key: str, n: int, lang: str = BASE_LANG) -> str:
    """The plural form of ``key`` for the count ``n`` in ``lang``, its fields not filled in."""
    return _catalogue(ui(lang)).ngettext(key, key, n)


def message_keys(lang: str = BASE_LANG) -> frozenset[str]:
    """The keys the catalogue of ``lang`` itself holds."""
    return _catalogue(lang).keys


def has_msg(key: str, lang: str = BASE_LANG) -> bool:
    """True when the catalogue of ``lang``'s interface language holds ``key`` (every catalogue holds the same keys)."""
    return _catalogue(ui(lang)).has(key)


def header(variable: str, lang: str = BASE_LANG) -> str:
    """Column header for a query variable; a variable without one shows its name with spaces."""
    key = "header." + variable
    return msg(key, lang) if has_msg(key, lang) else variable.replace("_", " ")


def cell_text(value: str, lang: str = BASE_LANG) -> str:
    """A fixed value of a query answer (``yes``, ``1 start with`` …) in the interface language of ``lang``.

    Other text (labels, definitions) is returned unchanged.
    """
    key = "value." + value
    return msg(key, lang) if has_msg(key, lang) else value


def param_name(name: str, lang: str = BASE_LANG) -> str:
    """What a user types for the parameter ``name`` in ``lang`` (``muscle`` is ``muskel`` in Norwegian)."""
    key = "param." + name
    return msg(key, lang) if has_msg(key, lang) else name


def param_aliases(name: str) -> set[str]:
    """The parameter's name in every interface language, its own name included."""
    return {name, *(param_name(name, lang) for lang in UI_LANGS)}


def name_shown(text: str, text_lang: str, lang: str = BASE_LANG) -> str:
    """A term's name as an answer in ``lang`` shows it: marked with its language (``label fallback``:
    ``homepage (en)``, joined by a no-break space) when the term has no name in ``lang`` and this one is in another language. An untagged
    name counts as English (FMA and Uberon name their classes in English without a tag).

    >>> name_shown("homepage", "en", "nb"), name_shown("setemuskel", "nb", "nb"), name_shown("Gluteal muscle", "", "en")
    ('homepage\xa0(en)', 'setemuskel', 'Gluteal muscle')
    """
    shown = text_lang or BASE_LANG
    return text if shown == lang else msg("label fallback", lang, label=text, code=shown)


def fallback_note(lang: str, codes: Iterable[str], missing: str | None = None) -> str:
    """The line under a table whose names :func:`name_shown` marked with the language ``codes``.

    ``missing`` is the language the names lack, when it is not ``lang`` (a Latin diagram on a Norwegian page).

    >>> fallback_note("nb", ["en"]), fallback_note("la", ["en"]), fallback_note("nb", ["en"], missing="la")
    ('(en): ikke noe norsk navn; vist på engelsk.', '(en): no Latin name; shown in English.', '(en): ikke noe latinsk navn; vist på engelsk.')
    """
    codes = sorted(set(codes))

    def language(code: str) -> str:
        return msg(f"language {code}", lang) if has_msg(f"language {code}", lang) else code

    shown = and_list([language(c) for c in codes], lang)
    return msg("label fallback note", lang, code=", ".join(codes), language=language(missing or lang), shown=shown)


def vocabulary_name(iri: str, lang: str) -> str | None:
    """The catalogue's name in ``lang`` for a reused vocabulary term the ontology names in English only
    (``label.skos:editorialNote``; ``label.IAO_DEFINITION`` for the numbered IAO definition), else None.

    >>> vocabulary_name("http://www.w3.org/2004/02/skos/core#editorialNote", "nb"), vocabulary_name("http://xmlns.com/foaf/0.1/homepage", "nb")
    ('redaksjonell merknad', None)
    """
    from .vocab import OBO_DEFINITION, compact_iri

    key = "label." + ("IAO_DEFINITION" if iri == OBO_DEFINITION else compact_iri(iri))
    return msg(key, lang) if lang in UI_LANGS and has_msg(key, lang) else None


def and_list(names: Sequence[str], lang: str = BASE_LANG) -> str:
    """``a, b and c`` in the interface language of ``lang``.

    >>> and_list(["L4", "L5", "S1"], "nb")
    'L4, L5 og S1'
    """
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {msg('and', lang)} " + names[-1]


def os_reason(error: BaseException | str) -> Phrase | str:
    """The system's reason for a failed operation (``[Errno 111] Connection refused``): a :class:`Phrase`
    (``os.ECONNREFUSED``) when the catalogues word it, else the system's text."""
    import errno
    import os

    if isinstance(error, OSError) and error.errno is not None:
        code: int | None = error.errno
        text = error.strerror or str(error)
    else:
        text = str(error)
        code = next((number for number in errno.errorcode if os.strerror(number) == text), None)
    key = f"os.{errno.errorcode.get(code, '')}" if code is not None else ""
    return Phrase(key) if key and has_msg(key) else text


class Localized(Exception):
    """Mixin for errors whose message can be shown in the user's language.

    ``parts`` are (message key, fields) pairs joined by a space; ``str()`` gives the English text.
    """

    def __init__(self, *parts: tuple[str, dict[str, object]]) -> None:
        self.parts = parts
        super().__init__(self.render(BASE_LANG))

    def render(self, lang: str = BASE_LANG) -> str:
        """The message in ``lang``."""
        return " ".join(msg(key, lang, **fields) for key, fields in self.parts)

    def __reduce__(self) -> tuple[type, tuple[tuple[str, dict[str, object]], ...]]:
        return type(self), self.parts  # so it survives the trip from a query's child process


class MessageError(Localized, InputError):
    """Bad input whose message can be shown in the user's language (exit 2)."""


class EngineMessageError(Localized, EngineError):
    """An engine refusal or failure whose message can be shown in the user's language (exit 2)."""


def interface_words(lang: str = "nb") -> set[str]:
    """English words of the interface that never occur in its ``lang`` text (for tests that look for English)."""
    english: set[str] = set()
    other: set[str] = set()
    base, translated = _catalogue(BASE_LANG), _catalogue(lang)
    plural = base.plural_keys
    for key in message_keys(BASE_LANG):
        for catalogue, words in ((base, english), (translated, other)):
            texts = [catalogue.ngettext(key, key, n) for n in (1, 2)] if key in plural else [catalogue.gettext(key)]
            for text in texts:
                words.update(_words(text))
    return {w for w in english - other if len(w) > 3}


def _words(sentence: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-zÆØÅæøå]+", re.sub(r"\{[^}]*\}", " ", sentence))}
