"""The command line in the user's language: help texts, click's own words, usage errors.

The language of one invocation is chosen before click reads the arguments (so that ``--help`` and a usage
error already speak it): a ``--lang`` value anywhere on the command line, else the environment
(:func:`gluteonto.i18n.default_lang`: ``GLUTEONTO_LANG``, then ``LC_ALL``/``LC_MESSAGES``/``LANG``).
:func:`speaking` holds it for the invocation; :func:`current_lang` reads it.

Every help text is a message key: ``command.NAME`` for a command (NAME its function's name, so an alias
such as ``link-fma`` or ``forløp`` shares it) and the key given as ``help=`` for an option or argument,
with ``show_default=`` and ``metavar=`` words keyed the same way (``metavar.SECONDS``). :class:`Command` and
:class:`Group` show each parameter through a copy in the invocation's language, so click's own help,
usage line and error hints are in that language.

click marks its own words for gettext (``_("Usage:")``, ``_("Missing argument")`` …) through the
``gettext``/``ngettext`` names of its modules; :func:`route_click_messages` points those names at the
catalogues, where click's text is the key after ``click:`` (the gettext convention: the original text is
the msgid). A text no catalogue holds stays as click wrote it.

>>> invocation_lang(["query", "innervation", "--lang", "nb"], {})
'nb'
>>> invocation_lang(["--lang=la", "about", "x"], {"LANG": "nb_NO.UTF-8"}), invocation_lang(["info"], {"LANG": "nb_NO.UTF-8"})
('la', 'nb')
>>> invocation_lang(["lookup", "--", "--lang", "nb"], {})
'en'
"""

from __future__ import annotations

import contextlib
import copy
import gettext
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from typing import Any

import click

from .i18n import BASE_LANG, LABEL_LANGS, Phrase, default_lang, has_msg, msg, os_reason, plural_template

__all__ = [
    "CLICK_PREFIX",
    "Command",
    "Group",
    "click_text",
    "current_lang",
    "invocation_lang",
    "os_error_text",
    "route_click_messages",
    "speaking",
    "translate",
]

#: Catalogue keys of click's own words start with this, followed by click's text.
CLICK_PREFIX = "click:"
_ACTIVE: ContextVar[str | None] = ContextVar("gluteonto_interface_lang", default=None)
_METAVAR = re.compile(r"[A-Z][A-Z_=]*(?: RANGE)?")


def invocation_lang(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of an invocation: the first valid ``--lang`` value before ``--``, else the environment's."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        if value.lower() in LABEL_LANGS:
            return value.lower()
    return default_lang(environ)


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Make ``lang`` the language of the command line while the block runs."""
    token = _ACTIVE.set(lang)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def current_lang() -> str:
    """The language of the running invocation (outside one: the environment's)."""
    return _ACTIVE.get() or default_lang(os.environ)


def translate(text: str | None, lang: str) -> str | None:
    """``text`` in ``lang`` when it is a message key or one of click's texts; otherwise unchanged."""
    if not text:
        return text
    if has_msg(text, lang):
        return msg(text, lang)
    if has_msg(CLICK_PREFIX + text, lang):
        return msg(CLICK_PREFIX + text, lang)
    return text


def _metavar(text: str, lang: str) -> str:
    """A metavar (``SECONDS``, ``[FILE]``, ``TERM...``) with each capitalised word in ``lang`` (``metavar.WORD``)."""
    return _METAVAR.sub(lambda m: msg("metavar." + m.group(), lang) if has_msg("metavar." + m.group(), lang) else m.group(), text)


def click_text(message: str) -> str:
    """One of click's own texts (``Commands``) in the language of the running invocation, as click's modules get it."""
    lang = _ACTIVE.get() or BASE_LANG
    return msg(CLICK_PREFIX + message, lang) if has_msg(CLICK_PREFIX + message, lang) else message


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    lang = _ACTIVE.get() or BASE_LANG
    if has_msg(CLICK_PREFIX + singular, lang):
        return plural_template(CLICK_PREFIX + singular, n, lang)
    return singular if n == 1 else plural


def route_click_messages() -> None:
    """Let click's marked words come from the catalogues, in the language of the running invocation.

    Outside an invocation (and for a text the catalogues lack) click's English stays as it is.
    """
    import importlib

    for name in ("core", "exceptions", "parser", "types", "formatting", "decorators", "termui"):
        with contextlib.suppress(ImportError):
            module = importlib.import_module(f"click.{name}")
            if getattr(module, "_", None) is gettext.gettext:
                module._ = click_text  # type: ignore[attr-defined]
            if getattr(module, "ngettext", None) is gettext.ngettext:
                module.ngettext = _click_ngettext  # type: ignore[attr-defined]


def os_error_text(error: OSError | str, lang: str) -> str:
    """The system's reason for a failed file operation (``No such file or directory``) in ``lang``.

    Known reasons are ``os.ENOENT``-style keys; another reason is shown as the system gives it.
    """
    reason = os_reason(error)
    return msg(reason.key, lang) if isinstance(reason, Phrase) else reason


class _File(click.File):
    """click's file type, its failure to open a file told in the invocation's language."""

    def __init__(self, original: click.File) -> None:
        super().__init__(original.mode, original.encoding, original.errors, original.lazy, original.atomic)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """The opened file, or a usage error naming the file and the system's reason in the user's language."""
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            lang = current_lang()
            reason = os_error_text(exc.message.rpartition(": ")[2], lang)
            self.fail(msg("cannot open", lang, path=repr(os.fsdecode(value)), reason=reason), param, ctx)


class _Localized(click.Command):
    """Help, usage line and parameters of a command in the invocation's language.

    A command without a ``--lang`` of its own gets one that only sets the language of its help and messages, so
    ``--lang`` works on every command.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not any(param.name == "lang" for param in self.params):
            self.params.append(
                click.Option(
                    ["--lang"],
                    type=click.Choice(LABEL_LANGS, case_sensitive=False),
                    expose_value=False,
                    help="option.interface_lang" if isinstance(self, click.Group) else "option.messages_lang",
                )
            )

    def _help_key(self) -> str:
        callback = self.callback
        return "command." + (getattr(callback, "__name__", None) or self.name or "")

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """click's help option, its help a catalogue key."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = CLICK_PREFIX + "Show this message and exit."
        return option

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        """The parameters as shown and parsed in this invocation's language (one copy each per language)."""
        lang = current_lang()
        cache: dict[str, list[click.Parameter]] = self.__dict__.setdefault("_params_in", {})
        if lang not in cache:
            cache[lang] = [self._in_language(param, ctx, lang) for param in super().get_params(ctx)]
        return cache[lang]

    @staticmethod
    def _in_language(param: click.Parameter, ctx: click.Context, lang: str) -> click.Parameter:
        shown = copy.copy(param)
        if isinstance(shown, click.Option):
            shown.help = translate(shown.help, lang)
            if isinstance(shown.show_default, str):
                shown.show_default = translate(shown.show_default, lang)
            if shown.is_flag or shown.count:
                return shown
        if isinstance(shown.type, click.File) and not isinstance(shown.type, _File):
            shown.type = _File(shown.type)
        shown.metavar = _metavar(param.make_metavar(ctx), lang)
        return shown

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """The usage line's words in this invocation's language (``[OPTIONS]`` …)."""
        return [_metavar(translate(piece, current_lang()) or piece, current_lang()) for piece in super().collect_usage_pieces(ctx)]

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command's help, ``command.NAME`` in the catalogue."""
        text = msg(self._help_key(), current_lang())
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence of the command's help, for the group's list of commands."""
        shown = copy.copy(self)
        shown.help, shown.short_help = msg(self._help_key(), current_lang()), None
        return super(_Localized, shown).get_short_help_str(limit)


class Command(_Localized):
    """A command whose help and usage are in the invocation's language."""


class Group(_Localized, click.Group):
    """A group whose help, usage and commands list are in the invocation's language; its commands are :class:`Command`."""

    command_class = Command

    def _help_key(self) -> str:
        return "command.group"
