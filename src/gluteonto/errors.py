"""Exceptions that carry a message meant for a person, and the CLI exit code that goes with it."""

from __future__ import annotations

__all__ = ["GluteontoError", "InputError", "EngineError", "first_line"]


class GluteontoError(Exception):
    """Base class: ``str(error)`` is a complete, human-readable sentence."""

    exit_code = 2


class InputError(GluteontoError):
    """Bad input from the user: unreadable file, unknown query name, bad parameter (exit 2)."""

    exit_code = 2


class EngineError(GluteontoError):
    """A query engine or SPARQL endpoint failed or could not be reached (exit 2)."""

    exit_code = 2


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (its type name if the message is empty).

    >>> first_line(ValueError("bad token\\nat line 3"))
    'bad token'
    >>> first_line(KeyError())
    'KeyError'
    """
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
