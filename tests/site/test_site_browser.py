"""The documentation site in a real headless browser (Debian's chromium driven by Playwright), from file://.

Screenshots of two pages are kept as test artefacts: in $GLUTEONTO_ARTIFACTS if set, else in pytest's
temporary folder (the path is printed).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gluteonto.site import diagrams as dg

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(dg.dot_available() is None, reason="Graphviz 'dot' is not installed (apt-get install graphviz)"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # noqa: BLE001 - any launch failure means: no usable browser here
            pytest.skip(f"chromium could not be started by Playwright: {str(exc).splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    configured = os.environ.get("GLUTEONTO_ARTIFACTS")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_browse_search_switch_language_and_find_the_innervation(browser: Any, site: Path, artefacts: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith("file://") else None)

    page.goto((site / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    page.screenshot(path=str(artefacts / "index.png"), full_page=True)

    # the same search function, several spellings: case, diacritics, Latin abbreviations, typos
    first = "q => { const hits = window.gluteontoSearch(q, 3); return hits.length ? hits[0].entry.url : null; }"
    for query, expected in (("trendelenberg", "terms/GLUTEONTO_0000444"), ("TRENDELENBURGS TEGN", "terms/GLUTEONTO_0000444"),
                            ("Øvre setenerve", "terms/GLUTEONTO_0000062"), ("ovre setenerve", "terms/GLUTEONTO_0000062"),
                            ("n. gluteus superior", "terms/GLUTEONTO_0000062"), ("gluteus minumus", "terms/GLUTEONTO_0000004"),
                            ("musculus gluteus minimus", "terms/GLUTEONTO_0000004")):
        assert page.evaluate(first, query) == expected, query

    # a typo, keyboard only: focus the search box, type, arrow down to the first hit, Enter
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")
    page.locator("#q").focus()
    page.keyboard.type("trendelenberg")
    options = page.locator("#q-list [role=option]")
    options.first.wait_for()
    assert "Trendelenburg sign" in options.first.inner_text()
    page.keyboard.press("ArrowDown")
    assert options.first.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url("**/terms/GLUTEONTO_*.html")
    assert page.locator("h1").inner_text() == "Trendelenburg sign"

    # switch language
    page.locator("a.lang-switch").click()
    page.wait_for_url("**/*.nb.html")
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.locator("h1").inner_text() == "Trendelenburgs tegn"

    # the gluteus minimus page, reached through the Norwegian search: roots, nerve, a diagram
    page.locator("#q").fill("den lille setemuskelen")
    page.locator("#q-list [role=option]").first.wait_for()
    page.keyboard.press("Enter")
    page.wait_for_url("**/terms/GLUTEONTO_0000004.nb.html")
    relations = page.locator("section.card-relations").inner_text()
    assert "innerveres av n. gluteus superior (røtter L4, L5, S1)" in relations
    assert "kilde: artikkelen, avsnitt Innervasjon" in relations
    diagram = page.locator("figure.diagram svg.diagram")
    assert diagram.is_visible()
    assert "n. gluteus superior" in (diagram.text_content() or "")
    assert (diagram.locator("title").first.text_content() or "").startswith("Nabolagsdiagram")
    page.screenshot(path=str(artefacts / "gluteus-minimus.nb.png"), full_page=True)

    # a node of the diagram is a link to its page
    page.locator("figure.diagram svg.diagram a", has_text="n. gluteus superior").first.click()
    page.wait_for_url("**/terms/GLUTEONTO_0000062.nb.html")

    assert problems == []
    assert outside == []
    print(f"screenshots in {artefacts}")


def test_pages_fit_a_400_pixel_screen_without_sideways_scrolling(browser: Any, site: Path) -> None:
    page = browser.new_page(viewport={"width": 400, "height": 900})
    try:
        for name in ("index.nb.html", "questions/innervation.nb.html", "questions/exercise-programme.nb.html",
                     "terms/GLUTEONTO_0000004.nb.html", "diagrams.nb.html"):
            page.goto((site / name).as_uri())
            assert page.evaluate("document.documentElement.scrollWidth") <= 400, name
    finally:
        page.close()


# -- a phone (390 px) and a desktop (1280 px) ---------------------------------------------------
PHONE, DESKTOP = 390, 1280
_OFF_RIGHT = """w => Array.from(document.querySelectorAll('main td, main th, main li, main p, main dd, main h1, main h2, main h3'))
  .filter(e => e.offsetParent !== null && !e.closest('figure.diagram'))
  .filter(e => e.getBoundingClientRect().right > w + 1).map(e => e.textContent.trim().slice(0, 60))"""
_SMALLEST_DIAGRAM_TEXT = """() => Math.min(...Array.from(document.querySelectorAll('figure.diagram svg text'))
  .map(t => t.getBoundingClientRect().height).filter(h => h > 0))"""


def _front_page_pathways(page: Any, site: Path, lang: str) -> dict[str, str]:
    page.goto((site / ("index.nb.html" if lang == "nb" else "index.html")).as_uri())
    links = page.locator("section.home-pathways .grid a")
    return {links.nth(i).locator("strong").inner_text(): links.nth(i).get_attribute("href") or "" for i in range(links.count())}


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_answer_tables_and_pathways_are_readable_without_sideways_scrolling(browser: Any, site: Path, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        pathways = _front_page_pathways(page, site, "nb")
        assert {"Greater trochanteric pain syndrome", "Trendelenburgs tegn", "Smerte på utsiden av hoften",
                "Triggerpunktsmerte fra gluteus minimus", "Lesjon av n. gluteus superior"} <= set(pathways)
        assert any("hofteprotese" in name.lower() for name in pathways)
        pages = ["index.nb.html", "questions/innervation.nb.html", "questions/exercise-programme.nb.html",
                 "questions/differential-diagnosis.nb.html", "pathways.nb.html", *pathways.values()]
        for name in pages:
            page.goto((site / name).as_uri())
            assert page.evaluate("document.documentElement.scrollWidth") <= width, name
            assert page.evaluate(_OFF_RIGHT, width) == [], name
        # the innervation answer: nerve, plexus and all three roots on screen
        page.goto((site / "questions/innervation.nb.html").as_uri())
        cells = page.locator("main table td")
        visible = [cells.nth(i) for i in range(cells.count()) if cells.nth(i).inner_text().strip() in ("L4", "L5", "S1")]
        assert len(visible) == 3
        for cell in visible:
            box = cell.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        if width == PHONE:  # stacked: each cell says which column it is
            labels = page.evaluate("""() => Array.from(document.querySelectorAll('main td[data-label]'))
              .filter(td => td.textContent.trim() === 'L5').map(td => getComputedStyle(td, '::before').content)""")
            assert [label.strip('"') for label in labels] == ["segment"]
    finally:
        page.close()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_diagram_text_stays_legible_at_11_pixels_or_more(browser: Any, site: Path, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        for name in ("diagrams.nb.html", "terms/GLUTEONTO_0000004.nb.html", "index.nb.html"):
            page.goto((site / name).as_uri())
            assert page.evaluate(_SMALLEST_DIAGRAM_TEXT) >= 11, name
            assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    finally:
        page.close()


def test_trendelenburg_pathway_on_a_phone_from_the_front_page_to_the_exercise(browser: Any, site: Path) -> None:
    page = browser.new_page(viewport={"width": PHONE, "height": 800})
    try:
        page.goto((site / "index.nb.html").as_uri())
        page.locator("section.home-pathways a", has_text="Trendelenburgs tegn").click()
        page.wait_for_url("**/pathways/*.nb.html")
        behind = page.locator("section.pathway-behind").inner_text()
        assert "Svakhet i gluteus minimus fører til Trendelenburgs tegn" in behind and "alltid" in behind
        assert "kilde" in behind and "Funksjon" in behind
        exercises = page.locator("section.pathway-exercises").inner_text()
        assert "Enbens knebøy med hoftekontroll" in exercises and "ikke en anbefaling" in exercises
        page.locator("a.lang-switch").click()
        page.wait_for_url("**/pathways/*.html")
        assert "What can lie behind it" in page.locator("main").inner_text()
    finally:
        page.close()


def _pdf_pages(page: Any, url: str) -> int:
    import re

    page.goto(url)
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))


def test_patient_sheets_and_term_summaries_print_on_one_a4_page(browser: Any, site: Path) -> None:
    page = browser.new_page()
    try:
        sheets = sorted((site / "sheets").glob("*.nb.html"))
        assert len(sheets) >= 5
        for sheet in sheets:
            text = sheet.read_text(encoding="utf-8")
            assert "Formål" in text and "Slik gjør du øvelsen" in text and "Dette skal du passe på" in text
            assert "Slik trapper du opp" in text
            assert _pdf_pages(page, sheet.as_uri()) == 1, sheet.name
        for name in ("GLUTEONTO_0000004.nb.html", "GLUTEONTO_0000444.nb.html", "GLUTEONTO_0000062.html"):
            assert _pdf_pages(page, (site / "summaries" / name).as_uri()) == 1, name
        # the page count is real: the full term page of gluteus minimus takes several sheets
        assert _pdf_pages(page, (site / "terms" / "GLUTEONTO_0000004.nb.html").as_uri()) > 1
    finally:
        page.close()
