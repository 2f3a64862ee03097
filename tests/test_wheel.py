"""The wheel carries the ontology, shapes, queries and mappings, and answers from outside the checkout."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from .helpers import ROOT

pytestmark = pytest.mark.slow  # builds and installs a wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)], check=True, capture_output=True, timeout=300
    )
    return next(out.glob("gluteonto-*.whl"))


def test_wheel_contains_the_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "gluteonto/data/ontology/gluteonto.ttl",
        "gluteonto/data/ontology/gluteonto.owl",
        "gluteonto/data/ontology/catalog-v001.xml",
        "gluteonto/data/shapes/gluteonto-shapes.ttl",
        "gluteonto/data/queries/innervation.rq",
        "gluteonto/data/queries/qc/missing-label.rq",
        "gluteonto/data/mappings/gluteonto.sssom.tsv",
        "gluteonto/data/mappings/gluteonto.sssom.json",
        "gluteonto/data/mappings/gluteonto-unmapped.tsv",
        "gluteonto/data/ontology/gluteonto.obo",
        "gluteonto/data/ontology/gluteonto.json",
        "gluteonto/data/ontology/gluteonto.ofn",
        "gluteonto/data/ontology/gluteonto-nb.babelon.tsv",
        "gluteonto/data/shapes/gluteonto-shapes-core.ttl",
        "gluteonto/data/ontology/gluteonto-international.ttl",
        "gluteonto/data/ontology/gluteonto-international.owl",
        "gluteonto/site/static/site.css",
        "gluteonto/site/static/search.js",
        "gluteonto/iris.py",
        "gluteonto/locale/en/LC_MESSAGES/gluteonto.mo",
        "gluteonto/locale/nb/LC_MESSAGES/gluteonto.mo",
        "gluteonto/prebuilt/terms.json",
        "gluteonto/prebuilt/cards-en.json",
        "gluteonto/prebuilt/cards-nb.json",
        "gluteonto/prebuilt/cards-la.json",
    ):
        assert required in names, required
    # the build code ships (it runs on an explicit checkout); the editable source and vendored inputs do not
    assert "gluteonto/compile/compiler.py" in names and "gluteonto/py.typed" in names
    assert not [n for n in names if "/source/" in n or n.endswith((".yaml", "reference-ids.tsv"))]


def test_installed_wheel_answers_queries_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # this environment's pip installs into the new one (pip --python, pip 22.3+) rather than a pip bootstrapped there
    import pip

    outer_pip = tuple(int(part) for part in pip.__version__.split(".")[:2]) >= (22, 3)
    venv.EnvBuilder(with_pip=not outer_pip).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    installer = [sys.executable, "-m", "pip", "--python", str(python)] if outer_pip else [str(python), "-m", "pip"]
    subprocess.run([*installer, "install", "--no-deps", "--no-index", "-q", str(wheel)], check=True, timeout=300)
    # The dependencies come from this test environment, appended *after* the new environment's own
    # site-packages, so the freshly installed gluteonto is the one imported.
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], check=True, capture_output=True, text=True
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    Path(target, "zz_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    check = subprocess.run(
        [str(python), "-c", "import gluteonto, gluteonto.resources as r; print(gluteonto.__file__); print(r.data_root())"],
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    )
    assert str(env_dir) in check.stdout.splitlines()[0]
    assert "gluteonto/data" in check.stdout.splitlines()[1].replace("\\", "/")
    gluteonto_cmd = env_dir / "bin" / "gluteonto"
    result = subprocess.run(
        [str(gluteonto_cmd), "query", "anastomosis-members", "--format", "csv"], cwd=work, check=True, capture_output=True, text=True
    )
    assert result.stdout.count("GLUTEONTO_") == 9  # the anastomosis and its three arteries with what they arise from
    result = subprocess.run([str(gluteonto_cmd), "validate"], cwd=work, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # the main release is English only; the installed program still answers in Norwegian (international edition)
    result = subprocess.run(
        [str(gluteonto_cmd), "about", "--lang", "nb", "den lille setemuskelen"], cwd=work, check=True, capture_output=True, text=True
    )
    assert "Navn" in result.stdout and "nb: gluteus minimus" in result.stdout and "la: musculus gluteus minimus" in result.stdout
    # ... from the prebuilt tables, which fit the installed files (their fingerprint names files, not paths)
    check = subprocess.run(
        [
            str(python),
            "-c",
            "from gluteonto.prebuilt import packaged_card, packaged_terms; "
            "print(packaged_terms() is not None, packaged_card('gluteus minimus', 'nb') is not None)",
        ],
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    )
    assert check.stdout.split() == ["True", "True"], check.stdout + check.stderr
    # the message catalogues are read from the installed package
    result = subprocess.run(
        [str(gluteonto_cmd), "query", "anastomosis-members", "--lang", "nb"],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert result.returncode == 0 and result.stdout.rstrip().endswith("(3 rader)"), result.stdout + result.stderr
