"""Static gates run with the suite: ruff (lint, import order, docstrings), ruff's formatter, and mypy --strict on
src/ and tests/."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .helpers import ROOT

pytestmark = pytest.mark.slow  # ruff and mypy run as programs


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    pytest.importorskip("ruff", reason="ruff is part of the test extra")
    result = _run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_tree_is_formatted_with_ruff_format() -> None:
    pytest.importorskip("ruff", reason="ruff is part of the test extra")
    result = _run("ruff", "format", "--check", "--no-cache", ".")  # configuration in pyproject.toml
    assert result.returncode == 0, "run 'ruff format .':\n" + result.stdout + result.stderr


def test_mypy_strict_on_src_and_tests() -> None:
    pytest.importorskip("mypy", reason="mypy is part of the test extra")
    result = _run("mypy")  # configuration (strict, files = src and tests) in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
