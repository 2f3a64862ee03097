"""`gluteonto site -o DIR` owns only the files it wrote: what the user keeps in DIR survives every run,
and a run that fails or is killed leaves nothing behind (after the next run at the latest)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from gluteonto.cli import main
from gluteonto.errors import InputError
from gluteonto.site import MARKER, SiteReport, build_site, generate


class _FakeSite:
    """Stands in for the generator (seconds per run): writes ``files`` and the marker."""

    files: ClassVar[dict[str, str]] = {"index.html": "home", "assets/site.css": "css", "terms/a.html": "a"}

    def __init__(self, _session: object, out: Path, _dot: str | None) -> None:
        self.out = out

    def build(self) -> SiteReport:
        for name, text in self.files.items():
            (self.out / name).parent.mkdir(parents=True, exist_ok=True)
            (self.out / name).write_text(text)
        (self.out / MARKER).write_text("gluteonto test documentation site\n")
        return SiteReport(output=self.out, pages=len(self.files))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> type[_FakeSite]:
    monkeypatch.setattr(generate, "_Site", _FakeSite)
    monkeypatch.setattr(_FakeSite, "files", dict(_FakeSite.files))
    return _FakeSite


def _build(target: Path) -> SiteReport:
    return build_site(target, session=object(), dot="dot")  # type: ignore[arg-type]


def _hidden_leftovers(folder: Path) -> list[str]:
    """Hidden temporaries of a run: beside the site folder, or work folders inside it."""
    beside = [p.name for p in folder.parent.iterdir() if p.name.startswith(".")]
    inside = [p.name for p in folder.iterdir() if p.name.startswith(".gluteonto-build")] if folder.is_dir() else []
    return sorted(beside + inside)


def test_what_the_user_added_survives_a_new_run(fake: type[_FakeSite], tmp_path: Path) -> None:
    target = tmp_path / "s"
    _build(target)
    (target / ".git").mkdir()
    (target / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (target / "CNAME").write_text("docs.example.org\n")
    (target / "NOTES.md").write_text("n\n")
    (target / "terms" / "mine.txt").write_text("kept\n")
    fake.files = {"index.html": "home 2", "assets/site.css": "css 2"}  # terms/a.html is no longer written
    _build(target)
    assert (target / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert (target / "CNAME").read_text() == "docs.example.org\n" and (target / "NOTES.md").read_text() == "n\n"
    assert (target / "terms" / "mine.txt").read_text() == "kept\n"
    assert (target / "index.html").read_text() == "home 2"
    assert not (target / "terms" / "a.html").exists()  # the site's own old page is removed
    assert "terms/a.html" not in (target / MARKER).read_text() and "index.html" in (target / MARKER).read_text()
    assert _hidden_leftovers(target) == []


def test_a_file_of_the_user_where_the_site_would_write_is_refused(fake: type[_FakeSite], tmp_path: Path) -> None:
    target = tmp_path / "s"
    _build(target)
    (target / "about.html").write_text("my page\n")
    fake.files = {**fake.files, "about.html": "the site's page"}
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    with pytest.raises(InputError, match="did not write before"):
        _build(target)
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before
    assert _hidden_leftovers(target) == []


def test_a_symlinked_folder_inside_the_site_is_not_written_through(fake: type[_FakeSite], tmp_path: Path) -> None:
    target = tmp_path / "s"
    _build(target)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(target / "assets")
    (target / "assets").symlink_to(elsewhere)
    with pytest.raises(InputError):
        _build(target)
    assert list(elsewhere.iterdir()) == []


def test_a_manifest_naming_files_outside_the_site_is_ignored(fake: type[_FakeSite], tmp_path: Path) -> None:
    target = tmp_path / "s"
    _build(target)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    marker = target / MARKER
    marker.write_text(marker.read_text() + "../victim.txt\n/etc/hostname\n")
    _build(target)
    assert victim.read_text() == "keep"


def test_the_site_is_not_written_into_the_package(fake: type[_FakeSite]) -> None:
    from gluteonto.resources import queries_dir

    with pytest.raises(InputError, match="own installed files"):
        _build(queries_dir() / "site")
    assert not (queries_dir() / "site").exists()


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_a_killed_run_leaves_no_hidden_folder(tmp_path: Path, how: str) -> None:
    """SIGTERM cleans up at once; after SIGKILL the next run removes what the killed one left."""
    target = tmp_path / "s"
    script = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from gluteonto.site import SiteReport, build_site, generate\n"
        "class Dying:\n"
        "    def __init__(self, session, out, dot):\n"
        "        self.out = out\n"
        "    def build(self):\n"
        "        (self.out / 'index.html').write_text('partial')\n"
        f"        os.kill(os.getpid(), signal.{how})\n"
        "generate._Site = Dying\n"
        f"build_site(Path({str(target)!r}), session=object(), dot='dot')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode != 0, result.stderr
    if how == "SIGTERM":
        assert _hidden_leftovers(target) == [] if target.exists() else [p.name for p in tmp_path.iterdir()] == []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(generate, "_Site", _FakeSite)
        _build(target)
    assert _hidden_leftovers(target) == []
    assert (target / "index.html").read_text() == "home"


@pytest.mark.slow
def test_site_twice_keeps_git_and_notes(site: Path, tmp_path: Path) -> None:
    """The command as a user runs it: `site -o s && mkdir s/.git && echo n > s/NOTES.md && site -o s`."""
    target = tmp_path / "s"
    shutil.copytree(site, target)
    (target / ".git").mkdir()
    (target / "NOTES.md").write_text("n\n")
    result = CliRunner().invoke(main, ["site", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert (target / ".git").is_dir() and (target / "NOTES.md").read_text() == "n\n"
    assert (target / "index.html").is_file() and _hidden_leftovers(target) == []


@pytest.mark.parametrize("lang, said", [("en", "standard output cannot hold a folder"), ("nb", "standard utdata kan ikke romme en mappe")])
def test_site_to_standard_output_is_refused_not_written_to_a_folder_called_dash(
    fake: type[_FakeSite], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """Regression: `site -o -` wrote a folder named '-', as the hint of the special-file message suggested."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--lang", lang, "site", "-o", "-"])
    assert result.exit_code == 2 and said in result.output and len(result.output.splitlines()) == 1
    assert not (tmp_path / "-").exists()


def test_a_special_file_as_site_folder_gets_no_standard_output_hint(fake: type[_FakeSite]) -> None:
    result = CliRunner().invoke(main, ["site", "-o", "/proc/x"])
    assert result.exit_code == 2 and "ordinary folder" in result.output and "-o -" not in result.output
