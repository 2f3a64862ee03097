"""The package as a whole: an explicit public API, run time apart from build time."""

from __future__ import annotations

import subprocess
import sys

import gluteonto
from gluteonto.formats import rdfxml


def test_public_api_is_explicit() -> None:
    for name in gluteonto.__all__:
        assert hasattr(gluteonto, name)
    assert callable(rdfxml.to_rdfxml)


def test_runtime_needs_neither_the_build_code_nor_yaml() -> None:
    code = ("import sys, gluteonto, gluteonto.cli, gluteonto.tools.export, gluteonto.tools.fma, gluteonto.tools.info, "
            "gluteonto.tools.reason, gluteonto.tools.serve, gluteonto.tools.validate; "
            "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith('gluteonto.build')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def _cli_in_fresh_interpreter(args: list[str], modules: list[str]) -> tuple[str, list[bool]]:
    """Standard output (and exit code) of the command line run in a new interpreter, and whether each of
    ``modules`` was imported by the end."""
    code = ("import sys; from gluteonto.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit as exit:\n    print(exit.code)\n"
            f"print(*(name in sys.modules for name in {modules!r}), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout, [word == "True" for word in result.stderr.split()]


def test_answering_a_question_does_not_import_rdflib() -> None:
    out, imported = _cli_in_fresh_interpreter(["query", "innervation", "--lang", "nb", "--format", "csv"],
                                              ["rdflib", "pyshacl", "owlready2"])
    assert "gluteus superior" in out or "setenerve" in out
    assert imported == [False, False, False]


def test_validating_a_conforming_file_imports_neither_rdflib_nor_pyshacl() -> None:
    """The default SHACL engine reads the data through Oxigraph; rdflib is needed only to name problems."""
    out, imported = _cli_in_fresh_interpreter(["validate", "--lang", "nb"], ["rdflib", "pyshacl"])
    assert out.splitlines() == ["Godkjent: gluteonto-international.ttl oppfyller alle SHACL-reglene til gluteonto.", "0"]
    assert imported == [False, False]
