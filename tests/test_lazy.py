"""Names loaded on first use by a package's ``__getattr__`` (gluteonto.lazy)."""

from __future__ import annotations

from typing import Any

import pytest

from gluteonto.lazy import lazy_getattr


def test_exported_name_is_imported_from_its_module_and_kept() -> None:
    namespace: dict[str, Any] = {"__name__": "gluteonto"}
    getattr_ = lazy_getattr(namespace, {"InputError": ".errors"})
    from gluteonto.errors import InputError

    assert getattr_("InputError") is InputError
    assert namespace["InputError"] is InputError


def test_made_name_is_built_once_then_kept() -> None:
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return [7]

    namespace: dict[str, Any] = {"__name__": "pkg"}
    getattr_ = lazy_getattr(namespace, {}, {"VALUE": build})
    assert getattr_("VALUE") == [7]
    assert namespace["VALUE"] == [7] and calls == [1]


def test_unknown_name_raises_attribute_error_naming_the_package() -> None:
    namespace: dict[str, Any] = {"__name__": "gluteonto.formats"}
    with pytest.raises(AttributeError, match=r"^module 'gluteonto.formats' has no attribute 'nope'$"):
        lazy_getattr(namespace, {"to_ofn": ".ofn"})("nope")
    assert "nope" not in namespace


def test_packages_load_their_public_names_lazily() -> None:
    import gluteonto
    import gluteonto.formats

    assert gluteonto.InputError.__module__ == "gluteonto.errors"
    assert isinstance(gluteonto.__version__, str) and gluteonto.__version__
    assert list(gluteonto.formats.WRITERS)[:2] == ["turtle", "rdfxml"]
    with pytest.raises(AttributeError, match="has no attribute"):
        _ = gluteonto.formats.not_a_writer


def test_importing_every_card_module_first_leaves_the_card_renderers_functions() -> None:
    """Regression: importing gluteonto.card.render_text (as the doctest run does) replaced the package's
    render_text function with the module of that name, so `gluteonto about` failed later in the same process."""
    import importlib
    import pkgutil

    import gluteonto.card as card

    for module in pkgutil.iter_modules(card.__path__):
        importlib.import_module(f"gluteonto.card.{module.name}")
    from gluteonto.card import render_html, render_text

    assert callable(render_text) and callable(render_html)
    assert render_text.__name__ == "render_text" and render_html.__name__ == "render_html"
