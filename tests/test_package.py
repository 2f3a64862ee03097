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


def test_answering_a_question_does_not_import_rdflib() -> None:
    code = ("import sys; from gluteonto.cli import main\n"
            "try:\n    main(['query', 'innervation', '--lang', 'nb', '--format', 'csv'])\nexcept SystemExit:\n    pass\n"
            "print('rdflib' in sys.modules, 'pyshacl' in sys.modules, 'owlready2' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "gluteus superior" in result.stdout or "setenerve" in result.stdout
    assert result.stderr.strip() == "False False False"


def test_validating_a_conforming_file_imports_neither_rdflib_nor_pyshacl() -> None:
    """The default SHACL engine reads the data through Oxigraph; rdflib is needed only to name problems."""
    code = ("import sys; from gluteonto.cli import main\n"
            "try:\n    main(['validate', '--lang', 'nb'])\nexcept SystemExit as exit:\n    print(exit.code)\n"
            "print('rdflib' in sys.modules, 'pyshacl' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["Godkjent: gluteonto.ttl oppfyller alle SHACL-reglene til gluteonto.", "0"]
    assert result.stderr.strip() == "False False"
