"""The documentation site in a real headless browser (Debian's chromium driven by Playwright), from file://.

Screenshots of two pages are kept as test artefacts: in $GLUTEONTO_ARTIFACTS if set, else in pytest's
temporary folder (the path is printed).
"""

from __future__ import annotations

import os
import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gluteonto.site import diagrams as dg

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

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
    for query, expected in (
        ("trendelenberg", "terms/GLUTEONTO_0000444"),
        ("TRENDELENBURGS TEGN", "terms/GLUTEONTO_0000444"),
        ("Øvre setenerve", "terms/GLUTEONTO_0000062"),
        ("ovre setenerve", "terms/GLUTEONTO_0000062"),
        ("n. gluteus superior", "terms/GLUTEONTO_0000062"),
        ("gluteus minumus", "terms/GLUTEONTO_0000004"),
        ("musculus gluteus minimus", "terms/GLUTEONTO_0000004"),
    ):
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
        for name in (
            "index.nb.html",
            "questions/innervation.nb.html",
            "questions/exercise-programme.nb.html",
            "terms/GLUTEONTO_0000004.nb.html",
            "diagrams.nb.html",
        ):
            page.goto((site / name).as_uri())
            assert page.evaluate("document.documentElement.scrollWidth") <= 400, name
    finally:
        page.close()


def _pdf_pages(pdf: bytes) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("name", ["terms/GLUTEONTO_0000004.html", "terms/GLUTEONTO_0000004.nb.html"])
def test_gluteus_minimus_page_prints_on_two_a4_pages_without_command_lines(browser: Any, site: Path, name: str) -> None:
    page = browser.new_page()
    page.goto((site / name).as_uri())
    assert "gluteonto query" in page.inner_text("main")  # on screen the command lines are there
    page.emulate_media(media="print")
    assert "gluteonto query" not in page.inner_text("main")
    pdf = page.pdf(format="A4")
    assert 1 <= _pdf_pages(pdf) <= 2
    page.close()


def test_the_page_count_of_a_pdf_is_read_right(browser: Any, site: Path) -> None:
    page = browser.new_page()
    page.set_content("<p>one</p><p style='break-before: page'>two</p><p style='break-before: page'>three</p>")
    assert _pdf_pages(page.pdf(format="A4")) == 3
    page.close()


def test_practice_page_checks_answers_offline(browser: Any, site: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"outside request: {r.url}") if not r.url.startswith("file://") else None)
    page.goto((site / "practice.nb.html").as_uri())
    items = page.evaluate("window.GLUTEONTO_QUIZ.nb")
    assert len(items) == page.locator(".quiz-item").count() > 5
    choice = next(i for i in items if i["type"] == "choice")
    box = page.locator(f"#q-{choice['id']}")
    wrong = next(n for n, o in enumerate(choice["options"]) if not o["correct"])
    box.locator(f"input[value='{wrong}']").check()
    box.locator("button").click()
    assert "Ikke helt" in box.locator(".feedback").inner_text() and "Feil:" in box.locator(".feedback").inner_text()
    right = next(n for n, o in enumerate(choice["options"]) if o["correct"])
    box.locator(f"input[value='{right}']").check()
    box.locator("button").click()
    assert box.locator(".feedback").inner_text().strip() == "Riktig."
    short = next(i for i in items if i["type"] == "short")
    box = page.locator(f"#q-{short['id']}")
    box.locator("input").fill("l4 l5 s1")
    box.locator("button").click()
    assert box.locator(".feedback").inner_text().strip() == "Riktig."
    for typed in ("L4–S1", "L4-S1", "l4 – s1"):  # the article's range notation for consecutive segments
        box.locator("input").fill(typed)
        box.locator("button").click()
        assert box.locator(".feedback").inner_text().strip() == "Riktig.", typed
    box.locator("input").fill("L4–L5")
    box.locator("button").click()
    assert "Ikke helt" in box.locator(".feedback").inner_text()
    box.locator("input").fill("l4 l5 s1")
    box.locator("button").click()
    match = next(i for i in items if i["type"] == "match")
    box = page.locator(f"#q-{match['id']}")
    for n, (_left, right_text) in enumerate(match["pairs"]):
        box.locator(f"select[name='a-{match['id']}-{n}']").select_option(right_text)
    box.locator("button").click()
    assert box.locator(".feedback").inner_text().strip() == "Riktig."
    label = next(i for i in items if i["type"] == "label")
    box = page.locator(f"#q-{label['id']}")
    assert box.locator("figure svg text").count() == len(label["pairs"])  # the numbered boxes are drawn
    for n, (_number, name) in enumerate(label["pairs"]):
        box.locator(f"select[name='a-{label['id']}-{n}']").select_option(name)
    box.locator("button").click()
    assert box.locator(".feedback").inner_text().strip() == "Riktig."
    assert box.locator("figure").count() == 1  # checking the answer does not draw the diagram again
    assert page.locator("#practice-score").inner_text().startswith("4 av ")
    # where an artery branches from is Uberon's and the HRA tables' fact, not the article's: the page says so
    origins = next(i for i in items if i["query"] == "anastomosis-members" and i["type"] == "match")
    assert "Uberon" in page.locator(f"#q-{origins['id']} .source").inner_text()
    # pelvic stabilisation is stated for stance phase and single-leg stance: never offered beside both
    actions = next(i for i in items if i["query"] == "muscle-actions" and i["type"] == "match")
    rights = {right for _l, right in actions["pairs"]}
    assert not (
        any(left.startswith("bekkenstabilisering") for left, _r in actions["pairs"]) and {"under: standfase", "under: enbensstående"} <= rights
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert problems == []
    page.close()


@pytest.fixture
def server(site: Path) -> Iterator[str]:
    import threading

    from gluteonto.tools.serve import make_server

    httpd = make_server("127.0.0.1", 0, site=site)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_sparql_page_loads_a_catalog_question_runs_it_and_links_the_answer(browser: Any, server: str) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"outside request: {r.url}") if not r.url.startswith(server) else None)
    page.goto(server + "/sparql")
    page.select_option("#sparql-question", "innervation")
    assert "GLUTEONTO_0000004" in page.input_value("#sparql-text")
    page.click("#sparql-form button")
    link = page.locator("#sparql-result a", has_text="superior gluteal nerve").first
    link.wait_for()
    assert link.get_attribute("href") == "terms/GLUTEONTO_0000062.html"
    assert page.locator("#sparql-status").inner_text() == "3 rows"
    page.fill("#sparql-text", "SELECT ?x WHERE { ?x ?y }")  # a syntax error gets one line, not a broken page
    page.click("#sparql-form button")
    page.wait_for_function("document.getElementById('sparql-status').textContent.indexOf('400') >= 0")
    page.goto(server + "/sparql-editor.nb.html")
    page.select_option("#sparql-question", "origin-insertion")
    page.click("#sparql-form button")
    page.locator("#sparql-result a", has_text="trochanter major").first.wait_for()
    assert page.locator("#sparql-status").inner_text().endswith("rader")
    # regression: the Norwegian page listed questions by English identifier and showed English headers and label columns
    options = page.locator("#sparql-question option").all_inner_texts()
    assert any(o.endswith("(utspring-feste)") for o in options) and not any(o.endswith("(origin-insertion)") for o in options)
    headers = page.locator("#sparql-result th").all_inner_texts()
    assert headers and not any(h.endswith("_label") or h.endswith(" label") for h in headers), headers
    assert "muskel" in headers, headers
    assert problems == []
    page.close()


def test_sparql_page_in_norwegian_showed_english_values(browser: Any, server: str) -> None:
    """Regression: the SPARQL page for a Norwegian browser showed the queries' fixed values in English
    ("1 start with", "stated", "possibly") where the question pages and the terminal say "1 start med", "oppgitt"."""
    context = browser.new_context(locale="nb-NO", extra_http_headers={"Accept-Language": "nb-NO,nb;q=0.9"})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    try:
        page.goto(server + "/sparql")
        assert page.locator("html").get_attribute("lang") == "nb"
        seen: dict[str, set[str]] = {}
        for question in ("rehabilitation-start", "differential-diagnosis"):
            page.select_option("#sparql-question", question)
            page.evaluate("document.getElementById('sparql-status').textContent = ''")
            page.click("#sparql-form button")
            page.wait_for_function("/\\d/.test(document.getElementById('sparql-status').textContent)")
            seen[question] = set(page.locator("#sparql-result td").all_inner_texts())
        english = {"1 start with", "2 then", "3 avoid", "stated", "inherited", "possibly", "always", "typically"}
        assert not english & (seen["rehabilitation-start"] | seen["differential-diagnosis"])
        assert {"1 start med", "oppgitt"} <= seen["rehabilitation-start"], seen["rehabilitation-start"]
        assert {"mulig", "alltid"} & seen["differential-diagnosis"], seen["differential-diagnosis"]
        assert problems == []
    finally:
        context.close()


def test_norwegian_search_quoted_with_english_marks_and_question_names_broke_at_hyphens(browser: Any, site: Path) -> None:
    """Regression: the Norwegian search page without hits said "0 · “svakhet etter hofteoperasjon”" (Norwegian
    quotes with «»), and on a phone questions.nb.html broke a code name as "funksjon-⏎ved-stilling"."""
    page = browser.new_page(viewport={"width": 390, "height": 900})
    try:
        searched = "svakhet etter hofteoperasjon"
        page.goto((site / "search.nb.html").as_uri() + "?q=" + urllib.parse.quote(searched))
        page.wait_for_function("document.getElementById('search-summary').textContent.length > 0")
        assert page.locator("#search-summary").inner_text() == f"0 · «{searched}»"
        page.goto((site / "search.html").as_uri() + "?q=" + urllib.parse.quote("weakness after hip surgery"))
        page.wait_for_function("document.getElementById('search-summary').textContent.length > 0")
        assert page.locator("#search-summary").inner_text() == "0 · “weakness after hip surgery”"
        page.goto((site / "search.nb.html").as_uri())  # the suggestions under the search field
        page.fill("form.search input[type=search]", "xyzzy hofte")
        hint = page.locator("li.hint").first
        hint.wait_for()
        assert hint.inner_text().endswith("«xyzzy hofte»")
        page.goto((site / "questions.nb.html").as_uri())
        lines = page.evaluate("() => Array.from(document.querySelectorAll('main li > code')).map(c => [c.textContent, c.getClientRects().length])")
        assert any(name == "funksjon-ved-stilling" for name, _n in lines)
        assert [name for name, count in lines if count != 1] == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
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
        assert {
            "Greater trochanteric pain syndrome",
            "Trendelenburgs tegn",
            "Smerte på utsiden av hoften",
            "Triggerpunktsmerte fra gluteus minimus",
            "Lesjon av n. gluteus superior",
        } <= set(pathways)
        assert any("hofteprotese" in name.lower() for name in pathways)
        pages = [
            "index.nb.html",
            "questions/innervation.nb.html",
            "questions/exercise-programme.nb.html",
            "questions/differential-diagnosis.nb.html",
            "pathways.nb.html",
            *pathways.values(),
        ]
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


def _printed_pages(page: Any, url: str) -> int:
    page.goto(url)
    return _pdf_pages(page.pdf(format="A4"))


def test_patient_sheets_and_term_summaries_print_on_one_a4_page(browser: Any, site: Path) -> None:
    page = browser.new_page()
    try:
        sheets = sorted((site / "sheets").glob("*.nb.html"))
        assert len(sheets) >= 5
        for sheet in sheets:
            text = sheet.read_text(encoding="utf-8")
            assert "Formål" in text and "Slik gjør du øvelsen" in text and "Dette skal du passe på" in text
            assert "Slik trapper du opp" in text
            assert _printed_pages(page, sheet.as_uri()) == 1, sheet.name
        for name in ("GLUTEONTO_0000004.nb.html", "GLUTEONTO_0000004.html", "GLUTEONTO_0000444.nb.html", "GLUTEONTO_0000062.html"):
            assert _printed_pages(page, (site / "summaries" / name).as_uri()) == 1, name
    finally:
        page.close()


def test_handout_of_gluteus_minimus_fills_its_a4_page(browser: Any, site: Path) -> None:
    # A4 less the print margins of 1.5 cm: 18 cm wide, 26.7 cm high, at 96 px per inch
    width, height = round(18 / 2.54 * 96), round(26.7 / 2.54 * 96)
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        for name in ("GLUTEONTO_0000004.nb.html", "GLUTEONTO_0000004.html"):
            page.goto((site / "summaries" / name).as_uri())
            page.emulate_media(media="print")
            used = page.evaluate("document.querySelector('article.sheet').getBoundingClientRect().height")
            assert 0.7 * height <= used <= height, (name, used, height)  # most of the page, and still one page
            assert _pdf_pages(page.pdf(format="A4")) == 1, name
    finally:
        page.close()
