"""The installed package's version, read from its metadata once."""

from __future__ import annotations

import functools

__all__ = ["package_version"]


@functools.cache
def package_version() -> str:
    """The version of the installed ``gluteonto`` distribution (``0+unknown`` in a bare checkout)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gluteonto")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0+unknown"
