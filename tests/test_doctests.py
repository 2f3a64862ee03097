"""Doctests of every module of the package, found by walking it (no hand-picked list)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import gluteonto

MODULES = sorted(info.name for info in pkgutil.walk_packages(gluteonto.__path__, "gluteonto."))


def test_every_module_is_collected() -> None:
    assert {"gluteonto.vocab", "gluteonto.terms", "gluteonto.compile.source", "gluteonto.tools.validate"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
