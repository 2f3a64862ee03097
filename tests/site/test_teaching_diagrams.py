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
