"""The package as a whole: an explicit public API, run time apart from build time."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import gluteonto
from gluteonto.formats import rdfxml

from .helpers import DATA


def test_public_api_is_explicit() -> None:
    for name in gluteonto.__all__:
        assert hasattr(gluteonto, name)
    assert callable(rdfxml.to_rdfxml)


@pytest.mark.slow
def test_runtime_needs_neither_the_build_code_nor_yaml() -> None:
    code = (
        "import sys, gluteonto, gluteonto.cli, gluteonto.tools.export, gluteonto.tools.link, gluteonto.tools.info, "
        "gluteonto.tools.reason, gluteonto.tools.serve, gluteonto.tools.validate; "
        "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith('gluteonto.compile')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def _cli_in_fresh_interpreter(args: list[str], modules: list[str]) -> tuple[str, int, list[bool]]:
    """Standard output and exit code of the command line run in a new interpreter, and whether each of
    ``modules`` was imported by the end. The report goes to a file of its own, so the command's output
    cannot be mistaken for it."""
    import json
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".json") as report:
        code = (
            "import json, sys; from gluteonto.cli import main\n"
            f"try:\n    main({args!r})\n    code = 0\nexcept SystemExit as exit:\n    code = exit.code\n"
            f"json.dump({{'code': code, 'imported': [name in sys.modules for name in {modules!r}]}}, "
            f"open({report.name!r}, 'w'))"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ, "COLUMNS": "100"})
        found = json.load(report)
    return result.stdout, found["code"], found["imported"]


@pytest.mark.slow
def test_answering_a_question_does_not_import_rdflib() -> None:
    out, code, imported = _cli_in_fresh_interpreter(["query", "innervation", "--lang", "nb", "--format", "csv"], ["rdflib", "pyshacl", "owlready2"])
    assert code == 0 and "n. gluteus superior" in out
    assert imported == [False, False, False]


@pytest.mark.slow
def test_validating_a_conforming_file_imports_neither_rdflib_nor_pyshacl() -> None:
    """The default SHACL engine reads the data through Oxigraph; rdflib is needed only to name problems."""
    out, code, imported = _cli_in_fresh_interpreter(["validate", "--lang", "nb"], ["rdflib", "pyshacl"])
    assert code == 0
    assert out.splitlines() == ["Godkjent: gluteonto-international.ttl oppfyller alle SHACL-reglene til gluteonto."]
    assert imported == [False, False]


@pytest.mark.slow
def test_linking_fma_imports_neither_the_shacl_engines_nor_the_reasoner() -> None:
    out, code, imported = _cli_in_fresh_interpreter(
        ["link-fma", str(DATA / "fma-fixture.ttl"), "--subset", "--quiet"], ["pyshacl", "pyrudof", "owlready2"]
    )
    assert code == 0 and "Mappings checked:" in out
    assert imported == [False, False, False]


@pytest.mark.slow
def test_the_helper_reports_a_failed_command() -> None:
    """The helper above tells a failed command from one that succeeded."""
    _out, code, _imported = _cli_in_fresh_interpreter(["query", "no-such-question"], [])
    assert code == 2
