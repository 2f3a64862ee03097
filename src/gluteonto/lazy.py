"""Names a package loads on first use, so that importing the package stays cheap (PEP 562).

This module imports nothing the interpreter has not loaded at start-up: the console script imports the
package before it can catch Ctrl-C, so that moment is kept as short as it can be.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

__all__ = ["lazy_getattr"]


def lazy_getattr(namespace: dict[str, Any], exports: Mapping[str, str], made: Mapping[str, Callable[[], Any]] | None = None) -> Callable[[str], Any]:
    """A module ``__getattr__`` for the package whose globals are ``namespace``.

    A name in ``exports`` comes from the module it maps to (relative to the package), a name in
    ``made`` from calling its function; either is kept in ``namespace``, so it is loaded once.
    """
    package = namespace["__name__"]
    built = made or {}

    def getattr_(name: str) -> Any:
        if name in built:
            value = built[name]()
        elif name in exports:
            from importlib import import_module

            value = getattr(import_module(exports[name], package), name)
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    return getattr_
