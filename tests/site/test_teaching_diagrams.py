"""The site's teaching diagrams: right (drawn from the axioms), legible (no label on a label, node or arrowhead), titled, keyed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph

from gluteonto import Session
from gluteonto.card import card_index
from gluteonto.card.index import CardIndex
from gluteonto.site import diagrams as dg
from gluteonto.site.overlap import Box, clashes, layout_boxes
from gluteonto.vocab import RDFS

from ..helpers import restrictions, term

needs_dot = pytest.mark.skipif(dg.dot_available() is None, reason="Graphviz 'dot' is not installed (apt-get install graphviz)")
slow = pytest.mark.slow  # Graphviz runs as a subprocess

GM, MEDIUS, MAXIMUS, ILIUM = term(4), term(5), term(6), term(31)
SGN, SACRAL_PLEXUS, L4, L5, S1 = term(62), term(65), term(70), term(71), term(72)
SUPRAPIRIFORM, PLANE, SGA_DEEP, ANASTOMOSIS = term(59), term(60), term(78), term(84)


def _labels(d: dg.Diagram, tail: object, head: object) -> set[str]:
    return {e.label for e in d.edges if e.tail == tail and e.head == head}


def test_innervation_runs_roots_plexus_nerve_muscles_with_the_course(oxigraph_session: Session) -> None:
    ix = card_index(oxigraph_session)
    d = dg.innervation(ix, "en")
    for root, code in ((L4, "L4"), (L5, "L5"), (S1, "S1")):
        assert _labels(d, root, SACRAL_PLEXUS) == {"fibres into"}, code
        assert d.codes[root] == code
        assert not _labels(d, root, SGN)  # not straight to the nerve
    assert _labels(d, SACRAL_PLEXUS, SGN) == {"gives off"}
    assert _labels(d, SGN, SUPRAPIRIFORM) == {"passes through"}
    assert _labels(d, SGN, PLANE) == {"passes through"}
    assert _labels(d, SGN, GM) == {"innervates"} and _labels(d, SGN, MEDIUS) == {"innervates"}
    nb = dg.to_dot(dg.innervation(ix, "nb"), ix, "nb", lambda ref: None)
    assert '"L4\\nfjerde lumbalnerve"' in nb and "fibre inn i" in nb and "passerer gjennom" in nb and "Tegnforklaring" in nb


@pytest.mark.slow  # a changed copy of the whole graph
def test_diagrams_change_when_an_axiom_is_removed_from_a_copy(fresh_graph: Graph) -> None:
    before = dg.innervation(CardIndex.from_graph(fresh_graph), "en")
    assert L4 in before.nodes() and PLANE in before.nodes()
    for node in restrictions(fresh_graph, SGN, dg.HAS_ROOT, L4) + restrictions(fresh_graph, SGN, dg.PASSES_THROUGH, PLANE):
        fresh_graph.remove((SGN, RDFS.subClassOf, node))
    after = dg.innervation(CardIndex.from_graph(fresh_graph), "en")
    assert L4 not in after.nodes() and L5 in after.nodes()
    assert not _labels(after, SGN, PLANE)
    layers = dg.topography(CardIndex.from_graph(fresh_graph), "en")
    assert SGN not in layers.nodes() and SGA_DEEP in layers.nodes()
    for node in restrictions(fresh_graph, GM, dg.DEEPER_THAN, MAXIMUS):
        fresh_graph.remove((GM, RDFS.subClassOf, node))
    assert MAXIMUS not in dg.topography(CardIndex.from_graph(fresh_graph), "en").nodes()


def test_layers_show_maximus_and_what_runs_between_medius_and_minimus(oxigraph_session: Session) -> None:
    ix = card_index(oxigraph_session)
    d = dg.topography(ix, "en")
    assert _labels(d, MAXIMUS, GM) == {"lies more superficially than"}
    assert _labels(d, SGN, PLANE) == {"passes through"} and _labels(d, SGA_DEEP, PLANE) == {"passes through"}


@slow
@needs_dot
def test_layers_are_drawn_maximus_and_medius_over_the_plane_over_minimus_over_ilium(oxigraph_session: Session) -> None:
    ix = card_index(oxigraph_session)
    d = dg.topography(ix, "en")
    ids = {node: f"n{i}" for i, node in enumerate(d.nodes())}
    centre = {b.owner: (b.y0 + b.y1) / 2 for b in layout_boxes(dg.to_dot(d, ix, "en", lambda ref: None)) if b.kind == "node"}
    height = [centre[ids[n]] for n in (MAXIMUS, MEDIUS, PLANE, GM, ILIUM)]  # y grows upwards
    assert height[0] >= height[1] > height[2] > height[3] > height[4]
    assert centre[ids[SGN]] == centre[ids[PLANE]] == centre[ids[SGA_DEEP]]  # beside the plane they run in


@slow
@needs_dot
@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("key", list(dg.SITE_DIAGRAMS))
def test_no_label_lies_on_a_label_a_box_or_an_arrowhead(oxigraph_session: Session, key: str, lang: str) -> None:
    ix = card_index(oxigraph_session)
    diagram = dg.SITE_DIAGRAMS[key](ix, lang)
    for latin in (False, True):
        boxes = layout_boxes(dg.to_dot(diagram, ix, lang, lambda ref: None, latin=latin))
        assert [b for b in boxes if b.kind == "label"] and [b for b in boxes if b.kind == "arrow"]
        assert clashes(boxes) == [], (key, lang, latin)


def test_the_overlap_check_finds_overlaps() -> None:
    label = Box("label", "n0->n1", 0, 0, 40, 10)
    assert clashes([label, Box("arrow", "n2->n1", 30, 5, 40, 15)]) and clashes([label, Box("label", "n3->n1", 20, 2, 60, 12)])
    assert clashes([Box("arrow", "a", 0, 0, 10, 10), Box("arrow", "b", 5, 5, 15, 15)])
    assert not clashes([label, Box("node", "n1", 41, 0, 90, 30)])


@slow
@needs_dot
def test_trochanteric_anastomosis_has_one_arrowhead_per_meeting(oxigraph_session: Session) -> None:
    ix = card_index(oxigraph_session)
    d = dg.arterial_supply(ix, "en")
    into = [e for e in d.edges if e.head == ANASTOMOSIS]
    assert len(into) == 3 and {e.label for e in into} == {"contributes to"}
    text = dg.to_dot(d, ix, "en", lambda ref: None)
    node = f"n{d.nodes().index(ANASTOMOSIS)}"
    lines = [line for line in text.splitlines() if line.strip().endswith("];") and f"-> {node} " in line]
    assert len(lines) == 3 and sum("arrowhead=none" in line for line in lines) == 2 and sum('label=""' in line for line in lines) == 2
    boxes = [b for b in layout_boxes(text) if b.owner.endswith(f"->{node}")]
    assert len([b for b in boxes if b.kind == "arrow"]) == 1 and clashes(layout_boxes(text)) == []


@slow
@needs_dot
def test_standalone_svgs_have_title_key_and_latin_variants(site: Path) -> None:
    for key in dg.SITE_DIAGRAMS:
        for lang, heading in (("en", "Key"), ("nb", "Tegnforklaring")):
            for variant in ("", "-la"):
                svg = (site / "diagrams" / f"{key}.{lang}{variant}.svg").read_text(encoding="utf-8")
                start = svg[svg.index("<svg") :]
                first = re.search(r"<svg[^>]*>\s*<title>([^<]+)</title>\s*<desc>[^<]+</desc>", start)
                assert first and f">{first.group(1)}</text>" in svg, (key, lang)  # the title is also drawn
                assert f">{heading}</text>" in svg, (key, lang)
    inn = (site / "diagrams" / "innervation.en.svg").read_text(encoding="utf-8")
    for code in ("L4", "L5", "S1"):
        assert f">{code}</text>" in inn
    assert "fibres into" in inn and "passes through" in inn and "(GLUTEONTO:0000060)" in inn  # the plane, in its tooltip
    latin = (site / "diagrams" / "innervation.nb-la.svg").read_text(encoding="utf-8")
    assert "nervus gluteus" in latin and "plexus sacralis" in latin and "femte lumbalnerve" in latin
    layers = (site / "diagrams" / "topography.en.svg").read_text(encoding="utf-8")
    assert ">gluteus maximus</text>" in layers and "superior gluteal nerve" in layers
    page = (site / "diagrams.nb.html").read_text(encoding="utf-8")
    assert 'href="diagrams/innervation.nb-la.svg"' in page and "latinske navn" in page


def _lab(colour: str) -> tuple[float, float, float, float]:
    """CIE L*a*b* (D65) of an sRGB ``#rrggbb``, and its relative luminance (WCAG)."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = ((c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4) for c in (r, g, b))
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)), y


def _difference(one: str, other: str) -> float:
    return float(sum((a - b) ** 2 for a, b in zip(_lab(one)[:3], _lab(other)[:3], strict=True)) ** 0.5)


def test_muscles_and_arteries_were_drawn_in_nearly_the_same_pink(oxigraph_session: Session) -> None:
    """Regression: arteries (#fbd3c9) and muscles (#f6dada) differed by a CIE76 distance of 7; every kind now
    differs from every other by 9 or more, arteries from muscles by 20 or more, and black text on each fill
    keeps a contrast of 7:1 or more; the key shows the arteries' colour the arteries have."""
    fills = {key: colour for _kind, colour, key in dg._FILLS}
    assert _difference(fills["arteries"], fills["muscles"]) >= 20
    for one, other in ((a, b) for a in fills for b in fills if a < b):
        assert _difference(fills[one], fills[other]) >= 9, (one, other)
    for key, colour in fills.items():
        assert (_lab(colour)[3] + 0.05) / 0.05 >= 7, key
    ix = card_index(oxigraph_session)
    for lang in ("en", "nb"):
        d = dg.arterial_supply(ix, lang)
        text = dg.to_dot(d, ix, lang, lambda ref: None)
        artery = f"n{d.nodes().index(SGA_DEEP)}"
        node_fill = re.search(rf"^  {artery} \[.*fillcolor=\"(#[0-9a-f]{{6}})\"", text, re.MULTILINE)
        key_fill = re.search(r'<TD BGCOLOR="(#[0-9a-f]{6})"[^>]*>' + re.escape(dg._legend_word("arteries", lang)) + "</TD>", text)
        assert node_fill and key_fill and node_fill.group(1) == key_fill.group(1) == fills["arteries"], lang
        muscle = f"n{d.nodes().index(GM)}"
        assert f"{muscle} [" in text and f'fillcolor="{fills["muscles"]}"' in text.split(f"  {muscle} [", 1)[1].split("\n", 1)[0]


def _curve(d: str) -> list[tuple[float, float]]:
    """Points along an SVG path of cubic Bézier pieces (``M x,y C …``), 200 per piece."""
    points = [tuple(map(float, p.split(","))) for p in re.findall(r"-?[\d.]+,-?[\d.]+", d)]
    found = []
    for i in range(0, len(points) - 3, 3):
        a, b, c, e = points[i : i + 4]
        for k in range(201):
            t = k / 200
            found.append(
                (
                    (1 - t) ** 3 * a[0] + 3 * (1 - t) ** 2 * t * b[0] + 3 * (1 - t) * t * t * c[0] + t**3 * e[0],
                    (1 - t) ** 3 * a[1] + 3 * (1 - t) ** 2 * t * b[1] + 3 * (1 - t) * t * t * c[1] + t**3 * e[1],
                )
            )
    return found


@slow
@needs_dot
@pytest.mark.parametrize("key", list(dg.SITE_DIAGRAMS))
def test_action_labels_sat_in_one_column_away_from_their_edges(oxigraph_session: Session, key: str) -> None:
    """Regression: in actions.en.svg the edge labels stood in a column between two ranks, some far from their
    curving edges, so several edges looked unlabelled; every label is now tied to its own edge by a line
    that underlines it and ends on that edge."""
    ix = card_index(oxigraph_session)
    d = dg.SITE_DIAGRAMS[key](ix, "en")
    [svg] = dg.render_svgs([dg.to_dot(d, ix, "en", lambda ref: None)])
    labelled = 0
    for edge in re.findall(r'<g id="edge\d+" class="edge">(.*?)</g>', svg, re.DOTALL):
        texts = re.findall(r'<text[^>]*x="([-\d.]+)" y="([-\d.]+)"[^>]*>([^<]*)</text>', edge)
        if not texts:
            continue
        labelled += 1
        curve = _curve(re.search(r'<path[^>]* d="([^"]+)"', edge).group(1))  # type: ignore[union-attr]
        ties = [[tuple(map(float, p.split(","))) for p in line.split()] for line in re.findall(r'<polyline[^>]*points="([^"]+)"', edge)]
        assert ties, (key, texts)
        tie = ties[0]
        end = tie[-1]
        assert min(((end[0] - x) ** 2 + (end[1] - y) ** 2) ** 0.5 for x, y in curve) <= 4, (key, texts)
        left, right = sorted((tie[0][0], tie[1][0]))
        assert all(left - 1 <= float(x) <= right + 1 for x, _y, _t in texts), (key, texts)  # the line underlines the label
    assert labelled >= 5


def test_latin_diagrams_showed_english_names_unmarked(oxigraph_session: Session) -> None:
    """Regression: the Latin diagrams (*.en-la.svg, *.nb-la.svg) named "suprapiriform foramen" and other terms
    without a Latin name in English, unmarked; such a name is now marked with its language, "(en)", as answer
    tables mark it, and the key says what the mark means."""
    ix = card_index(oxigraph_session)
    assert not ix.texts(SUPRAPIRIFORM, RDFS.label).get("la")
    note = {"en": "(en): no Latin name; shown in English.", "nb": "(en): ikke noe latinsk navn; vist på engelsk."}
    for lang in ("en", "nb"):
        for key, build in dg.SITE_DIAGRAMS.items():
            d = build(ix, lang)
            text = dg.to_dot(d, ix, lang, lambda ref: None, latin=True)
            for node in d.nodes():
                shown = dg.node_name(ix, node, lang, latin=True)
                latin = ix.texts(node, RDFS.label).get("la")
                assert shown == latin[0] if latin else re.search(r"\xa0\((en|nb)\)$", shown), (key, lang, shown)
            if any(not ix.texts(n, RDFS.label).get("la") and ix.name(n, lang).lang == "en" for n in d.nodes()):
                assert note[lang] in text, (key, lang)
        inn = dg.to_dot(dg.innervation(ix, lang), ix, lang, lambda ref: None, latin=True)
        if ix.name(SUPRAPIRIFORM, lang).lang == "en":
            assert "foramen\xa0(en)" in inn, lang
        assert "(en)" not in dg.to_dot(dg.innervation(ix, lang), ix, lang, lambda ref: None).replace(note[lang], "")
