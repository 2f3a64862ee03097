"""The package as a whole: doctests, an explicit public API, run time apart from build time."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest

import gluteonto
from gluteonto import errors, i18n, labels, resources, terms, vocab
from gluteonto.formats import rdfxml, reading
from gluteonto.query import fuzzy, lookup, sparqltext, tablefmt


@pytest.mark.parametrize("module", [vocab, sparqltext, lookup, resources, errors, terms, reading, labels, i18n, tablefmt,
                                    fuzzy])
def test_doctests(module: object) -> None:
    failures, _tests = doctest.testmod(module)  # type: ignore[arg-type]
    assert failures == 0


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
