"""Diagrams drawn from the ontology's axioms and laid out by Graphviz (``dot -Tsvg``).

Each diagram is a :class:`Diagram` (nodes and labelled edges) built from the card index: which
terms and edges appear follows from the axioms, never from a hand-made list. :func:`to_dot`
writes Graphviz text and :func:`render_svgs` lays out many diagrams in one ``dot`` run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from rdflib import URIRef

from .. import iris
from ..card.index import CardIndex
from ..card.model import TermRef
from ..card.phrases import verb_phrase
from ..errors import GluteontoError
from ..i18n import Localized, fallback_note, msg, name_shown, os_reason
from ..vocab import RDFS
from .words import SITE_LANGS

__all__ = [
    "SITE_DIAGRAMS",
    "Diagram",
    "DiagramError",
    "Edge",
    "actions",
    "arterial_supply",
    "dot_available",
    "inline_svg",
    "innervation",
    "neighbourhood",
    "node_name",
    "render_svgs",
    "standalone_svg",
    "to_dot",
    "topography",
]

PART_OF = URIRef(iris.PART_OF)
INNERVATED_BY, INNERVATES = URIRef(iris.INNERVATED_BY), URIRef(iris.INNERVATES)
BRANCH_OF, CONNECTING_BRANCH_OF = URIRef(iris.BRANCHING_PART_OF), URIRef(iris.CONNECTING_BRANCH_OF)
SUPPLIES_BLOOD = URIRef(iris.VESSEL_SUPPLIES_BLOOD_TO)
DEEP_TO, SUPERFICIAL_TO = URIRef(iris.DEEP_TO), URIRef(iris.SUPERFICIAL_TO)
ANTERIOR_TO, POSTERIOR_TO = URIRef(iris.ANTERIOR_TO), URIRef(iris.POSTERIOR_TO)
ADJACENT_TO, BOUNDED_BY = URIRef(iris.ADJACENT_TO), URIRef(iris.BOUNDED_BY)
HAS_ROOT, HAS_CONTRIBUTING_ARTERY = URIRef(iris.HAS_ROOT_SEGMENT), URIRef(iris.HAS_CONTRIBUTING_ARTERY)
PASSES_THROUGH, LOCATED_IN = URIRef(iris.PASSES_THROUGH), URIRef(iris.LOCATED_IN)
DEEPER_THAN, SHALLOWER_THAN = URIRef(iris.DEEPER_THAN), URIRef(iris.SHALLOWER_THAN)
SEGMENT_CODE = URIRef(iris.SPINAL_SEGMENT)
RDFS_LABEL = RDFS.label
HAS_AGENT, OCCURS_DURING, REQUIRES = URIRef(iris.HAS_AGENT), URIRef(iris.OCCURS_DURING), URIRef(iris.REQUIRES_CONDITION)
ENHANCED_BY, PREVENTS = URIRef(iris.ENHANCED_BY_CONDITION), URIRef(iris.PREVENTS)
MUSCLE_ACTION, GLUTEUS_MINIMUS = URIRef(iris.MUSCLE_ACTION), URIRef(iris.GLUTEUS_MINIMUS)
NERVE_PLEXUS, ANATOMICAL_SPACE = URIRef(iris.NERVE_PLEXUS), URIRef(iris.ANATOMICAL_SPACE)

#: top-level branch or kind → (node fill colour, legend key); light enough for black text (7:1 or more) and to
#: print in black and white; arteries a clear red, apart from the muscles' pale pink
_FILLS: list[tuple[URIRef, str, str]] = [
    (URIRef(kind), colour, key)
    for kind, colour, key in (
        (iris.MUSCLE_ORGAN, "#f6dada", "muscles"),
        (iris.MUSCLE_PART, "#f6dada", "muscles"),
        (iris.NERVE, "#fff1b8", "nerves"),
        (iris.NERVE_PLEXUS, "#fff1b8", "nerves"),
        (iris.ARTERY, "#f4a3a3", "arteries"),
        (iris.ARTERIAL_ANASTOMOSIS, "#f4a3a3", "arteries"),
        (iris.ANATOMICAL_ENTITY, "#ececec", "other anatomy"),
        (iris.BODILY_PROCESS, "#dce8fb", "actions"),
        (iris.CLINICAL_ENTITY, "#ffe3cc", "clinical"),
        (iris.HEALTH_CARE_PROCEDURE, "#d8f0d8", "exercises"),
        (iris.BODY_CONDITION, "#ece0fa", "conditions"),  # positions and conditions
        (iris.RISK_FACTOR, "#ece0fa", "conditions"),
    )
]


class DiagramError(Localized, GluteontoError):
    """Graphviz failed or is missing (a message in the user's language)."""


@dataclass(frozen=True)
class Edge:
    """A drawn edge ``tail → head`` with a label; ``back`` draws the arrow from head to tail."""

    tail: URIRef
    head: URIRef
    label: str
    back: bool = False
    constraint: bool = True
    dashed: bool = False
    minlen: int = 1


@dataclass
class Diagram:
    """Nodes and edges of one diagram, with its title and a one-line description per language."""

    name: str
    titles: dict[str, str]
    descriptions: dict[str, str]
    rankdir: str = "LR"
    edges: list[Edge] = field(default_factory=list)
    same_rank: list[list[URIRef]] = field(default_factory=list)
    focus: URIRef | None = None
    shown: tuple[int, int] | None = None  # (edges drawn, edges there are) when the diagram is a selection
    codes: dict[URIRef, str] = field(default_factory=dict)  # a short code shown above a node's name (L4)

    def nodes(self) -> list[URIRef]:
        """Every node once, the focus first, in order of appearance."""
        seen: dict[URIRef, None] = {}
        if self.focus is not None:
            seen[self.focus] = None
        for edge in self.edges:
            seen.setdefault(edge.tail)
            seen.setdefault(edge.head)
        return list(seen)

    def add(self, edge: Edge) -> None:
        """Add ``edge`` unless it is already there."""
        if edge not in self.edges:
            self.edges.append(edge)


def _word(key: str, lang: str) -> str:
    """An edge label (``edge.KEY`` in the catalogues)."""
    return msg("edge." + key, lang)


def _legend_word(key: str, lang: str) -> str:
    """A word of a diagram's key (``legend.KEY`` in the catalogues)."""
    return msg("legend." + key, lang)


def _texts(diagram: str, **values: str) -> tuple[dict[str, str], dict[str, str]]:
    """A diagram's title and description in every site language (``diagram.NAME.title``, ``….description``)."""
    return (
        {lang: msg(f"diagram.{diagram}.title", lang, **values) for lang in SITE_LANGS},
        {lang: msg(f"diagram.{diagram}.description", lang, **values) for lang in SITE_LANGS},
    )


def _classes_with(ix: CardIndex, prop: URIRef) -> list[tuple[URIRef, URIRef]]:
    """(class, filler) for every ``class SubClassOf prop some filler``, in a stable order."""
    found = [(c, f) for c in ix.terms("class") for p, f, _n in ix.restrictions(c) if p == prop]
    return sorted(found, key=lambda pair: (str(pair[0]), str(pair[1])))


def _fillers(ix: CardIndex, cls: URIRef, *props: URIRef) -> list[tuple[URIRef, URIRef]]:
    return sorted(((p, f) for p, f, _n in ix.restrictions(cls) if p in props), key=lambda pair: (str(pair[0]), str(pair[1])))


def _draw(d: Diagram, pairs: list[tuple[URIRef, URIRef]], key: str, lang: str) -> tuple[list[URIRef], list[URIRef]]:
    """Draw ``tail → head`` labelled ``key`` for each pair; return the tails and the heads, in order."""
    for tail, head in pairs:
        d.add(Edge(tail, head, _word(key, lang)))
    return [tail for tail, _head in pairs], [head for _tail, head in pairs]


def _trace(ix: CardIndex, start: list[URIRef], props: tuple[URIRef, ...], draw: Callable[[URIRef, URIRef, URIRef], bool]) -> None:
    """Visit ``start`` and the fillers it leads to along ``props``, breadth first, each node once.

    ``draw(node, prop, filler)`` draws what the diagram shows of that restriction and says whether to go on
    from the filler.
    """
    queue, seen = list(start), set[URIRef]()
    while queue:
        node = queue.pop(0)
        if node not in seen:
            seen.add(node)
            queue.extend(filler for prop, filler in _fillers(ix, node, *props) if draw(node, prop, filler))


# -- the site's diagrams ---------------------------------------------------------------------
def innervation(ix: CardIndex, lang: str) -> Diagram:
    """Roots → plexus → nerve (→ branch) → muscles, and the nerve's course, from the axioms.

    A nerve's roots (``has root segment``) are drawn into the plexus it branches from (its fibres
    pass through that plexus), labelled with their segment codes; the openings it passes through
    and the spaces it lies in are drawn beside it.
    """
    d = Diagram("innervation", *_texts("innervation"))
    nerves, muscles = _draw(d, [*((n, m) for m, n in _classes_with(ix, INNERVATED_BY)), *_classes_with(ix, INNERVATES)], "innervates", lang)
    roots: list[URIRef] = []
    trunks: list[URIRef] = []  # nerves traced up from the innervating ones

    def draw(nerve: URIRef, prop: URIRef, filler: URIRef) -> bool:
        if prop == BRANCH_OF:
            d.add(Edge(filler, nerve, _word("gives off", lang)))
            trunks.append(filler)
            return True
        if prop == PART_OF and nerve not in muscles:  # a plexus that is part of a larger one
            d.add(Edge(nerve, filler, _word("part of", lang), constraint=False, dashed=True))
        return False

    _trace(ix, nerves, (BRANCH_OF, PART_OF), draw)
    for nerve in dict.fromkeys([*nerves, *trunks]):
        plexuses = [f for _p, f in _fillers(ix, nerve, BRANCH_OF) if _is_plexus(ix, f)]
        for _prop, root in _fillers(ix, nerve, HAS_ROOT):
            roots.append(root)
            code = ix.value(root, SEGMENT_CODE)
            if code is not None:
                d.codes[root] = str(code)
            for target in plexuses or [nerve]:
                d.add(Edge(root, target, _word("root into" if plexuses else "root of", lang)))
        for prop, place in _fillers(ix, nerve, PASSES_THROUGH, LOCATED_IN):
            d.add(Edge(nerve, place, _word("passes through" if prop == PASSES_THROUGH else "runs in", lang)))
            for _p, whole in _fillers(ix, place, PART_OF):
                d.add(Edge(place, whole, _word("part of", lang), dashed=True))
    d.same_rank = [sorted(set(roots), key=lambda r: d.codes.get(r, str(r))), sorted(set(muscles), key=str)]
    return d


def _is_plexus(ix: CardIndex, cls: URIRef) -> bool:
    return NERVE_PLEXUS in {cls} | {a for a, _c in ix.ancestors(cls)}


def arterial_supply(ix: CardIndex, lang: str) -> Diagram:
    """Arteries traced to their trunks, the anastomosis they form, and what they supply."""
    d = Diagram("arterial-supply", *_texts("arterial-supply"))
    vessels, supplied = _draw(d, _classes_with(ix, SUPPLIES_BLOOD), "supplies", lang)

    def draw(vessel: URIRef, prop: URIRef, filler: URIRef) -> bool:
        d.add(Edge(filler, vessel, _word("contributes to" if prop == HAS_CONTRIBUTING_ARTERY else "gives off", lang)))
        return True

    _trace(ix, vessels, (BRANCH_OF, CONNECTING_BRANCH_OF, HAS_CONTRIBUTING_ARTERY), draw)
    for part in sorted(set(supplied), key=str):
        for _prop, whole in _fillers(ix, part, PART_OF):
            if whole in supplied:
                d.add(Edge(part, whole, _word("part of", lang), dashed=True))
    return d


def topography(ix: CardIndex, lang: str) -> Diagram:
    """Layers (superficial above deep), what runs between them, and neighbours, from the positional relations.

    Only what is connected to gluteus minimus is drawn.
    """
    d = Diagram("topography", *_texts("topography"), rankdir="TB")
    for cls, filler in _classes_with(ix, SUPERFICIAL_TO):
        d.add(Edge(cls, filler, _word("superficial to", lang)))
    for cls, filler in _classes_with(ix, DEEP_TO):
        d.add(Edge(filler, cls, _word("deep to", lang), back=True))
    depth = [*((b, a) for a, b in _classes_with(ix, DEEPER_THAN)), *_classes_with(ix, SHALLOWER_THAN)]
    for cls, filler in sorted(set(depth), key=lambda pair: (str(pair[0]), str(pair[1]))):
        if not any({e.tail, e.head} == {cls, filler} for e in d.edges):  # not already drawn as a deep to / superficial to
            d.add(Edge(cls, filler, _word("shallower than", lang), minlen=2))  # not adjacent: a layer lies between
    inside: dict[URIRef, list[URIRef]] = {}
    for prop in (LOCATED_IN, PASSES_THROUGH):
        for cls, space in _classes_with(ix, prop):
            if space in d.nodes() and _is_space(ix, space):
                d.add(Edge(cls, space, _word("runs in" if prop == LOCATED_IN else "passes through", lang), constraint=False))
                inside.setdefault(space, []).append(cls)
    rows: list[set[URIRef]] = []
    front = [*_classes_with(ix, ANTERIOR_TO), *((b, a) for a, b in _classes_with(ix, POSTERIOR_TO))]
    for cls, filler in sorted(set(front), key=lambda pair: (str(pair[0]), str(pair[1]))):
        d.add(Edge(cls, filler, _word("in front of", lang)))
        joined = [row for row in rows if cls in row or filler in row]
        merged = {cls, filler}.union(*joined)
        rows = [row for row in rows if row not in joined] + [merged]
    for prop, key in ((ADJACENT_TO, "next to"), (BOUNDED_BY, "bounded by")):
        for cls, filler in _classes_with(ix, prop):
            d.add(Edge(cls, filler, _word(key, lang), constraint=False))
    d.same_rank = sorted((sorted(row, key=str) for row in rows), key=lambda row: str(row[0]))
    d.same_rank += [[space, *sorted(found, key=str)] for space, found in sorted(inside.items(), key=lambda item: str(item[0]))]
    return _component(d, GLUTEUS_MINIMUS)


def _component(d: Diagram, node: URIRef) -> Diagram:
    """``d`` cut down to the edges connected (in either direction) to ``node``."""
    reached, grown = {node}, True
    while grown:
        before = len(reached)
        for edge in d.edges:
            if edge.tail in reached or edge.head in reached:
                reached |= {edge.tail, edge.head}
        grown = len(reached) > before
    d.edges = [e for e in d.edges if e.tail in reached]
    d.same_rank = [[n for n in group if n in reached] for group in d.same_rank]
    return d


def _is_space(ix: CardIndex, cls: URIRef) -> bool:
    return ANATOMICAL_SPACE in {cls} | {a for a, _c in ix.ancestors(cls)}


def actions(ix: CardIndex, lang: str) -> Diagram:
    """The muscle actions of gluteus minimus (or a part of it) with agents, conditions, phases and effects."""
    d = Diagram("actions", *_texts("actions"))
    gm_parts = {GLUTEUS_MINIMUS} | {c for c, f in _classes_with(ix, PART_OF) if f == GLUTEUS_MINIMUS}
    words = {HAS_AGENT: "performs", REQUIRES: "requires", ENHANCED_BY: "strongest with", OCCURS_DURING: "during", PREVENTS: "prevents"}
    for action in sorted(ix.descendants(MUSCLE_ACTION), key=str):
        if not isinstance(action, URIRef):
            continue
        agents = [f for p, f in _fillers(ix, action, HAS_AGENT)]
        if not gm_parts.intersection(agents):
            continue
        for prop, filler in _fillers(ix, action, *words):
            if prop == HAS_AGENT:
                d.add(Edge(filler, action, _word("performs", lang)))
            else:
                d.add(Edge(action, filler, _word(words[prop], lang)))
        for parent in ix.parents(action):
            if parent != MUSCLE_ACTION:
                d.add(Edge(action, parent, _word("is a", lang), dashed=True))
    return d


SITE_DIAGRAMS: dict[str, Callable[[CardIndex, str], Diagram]] = {
    "innervation": innervation,
    "arterial-supply": arterial_supply,
    "topography": topography,
    "actions": actions,
}


def _round_robin(edges: list[tuple[str, Edge]], limit: int) -> list[Edge]:
    """Up to ``limit`` edges, taking one per property in turn so every kind of relation shows."""
    groups: dict[str, list[Edge]] = {}
    for key, edge in edges:
        groups.setdefault(key, []).append(edge)
    picked: list[Edge] = []
    while len(picked) < limit and any(groups.values()):
        for key in list(groups):
            if groups[key] and len(picked) < limit:
                picked.append(groups[key].pop(0))
    return picked


def neighbourhood(ix: CardIndex, term: URIRef, lang: str, outgoing: int = 10, incoming: int = 6) -> Diagram:
    """The term with its parents, what it states (right) and what points to it (left), a few of each kind."""
    name = ix.name(term, lang).text
    d = Diagram(f"neighbourhood-{str(term).rsplit('/', 1)[-1]}", *_texts("neighbourhood", name=name), focus=term)
    for parent in ix.parents(term):
        d.add(Edge(term, parent, _word("is a", lang), dashed=True))
    out = [(str(p), Edge(term, f, _phrase(ix, p, lang))) for p, f, _n in sorted(ix.restrictions(term), key=lambda t: (str(t[0]), str(t[1])))]
    into = [
        (str(p), Edge(c, term, _phrase(ix, p, lang))) for c, p, _n in sorted(ix.pointing_to(term), key=lambda t: (str(t[1]), str(t[0]))) if c != term
    ]
    drawn = _round_robin(out, outgoing)
    targets = {edge.head for edge in drawn}
    for edge in drawn + _round_robin([(k, e) for k, e in into if e.tail not in targets], incoming):
        d.add(edge)
    d.shown = (len(d.edges), len(ix.parents(term)) + len(out) + len(into))
    return d


def _phrase(ix: CardIndex, prop: URIRef, lang: str) -> str:
    """Edge wording of a relation: the verb of its card sentence ("is performed by"), else its label."""
    return verb_phrase(str(prop), ix.name(prop, lang).text, lang)


# -- Graphviz --------------------------------------------------------------------------------
def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _wrap(text: str, width: int = 22) -> str:
    r"""``text`` in lines of about ``width`` characters, broken at spaces only (never at a no-break space).

    >>> _wrap("suprapiriform foramen\xa0(en)")
    'suprapiriform\nforamen\xa0(en)'
    """
    words, lines, line = [w for w in text.split(" ") if w], [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines)


def _fill(ix: CardIndex, node: URIRef) -> tuple[str, str]:
    """(fill colour, legend key) of a node, from its top-level branch."""
    kinds = {node} | {a for a, _c in ix.ancestors(node)}
    return next(((colour, key) for cls, colour, key in _FILLS if cls in kinds), ("#ffffff", "other"))


def _legend(diagram: Diagram, ix: CardIndex, lang: str, marked: Sequence[str] = ()) -> str:
    """The diagram's title with a key below it, as a Graphviz HTML-like label (shown above the drawing);
    ``marked``: the languages of names shown for want of a Latin one (a line says so)."""
    fills = dict.fromkeys(_fill(ix, node) for node in diagram.nodes())
    cells = [f'<TD BGCOLOR="{colour}" BORDER="1" COLOR="#444444" STYLE="rounded">{_html(_legend_word(key, lang))}</TD>' for colour, key in fills]
    notes = ["solid"] + (["dashed"] if any(e.dashed for e in diagram.edges) else []) + (["codes"] if diagram.codes else [])
    cells += [f"<TD>{_html(_legend_word(key, lang))}</TD>" for key in notes]
    rows = [cells[i : i + 3] for i in range(0, len(cells), 3)]
    width = max(len(r) for r in rows)
    body = "".join(f"<TR>{''.join(r)}{'<TD></TD>' * (width - len(r))}</TR>" for r in rows)
    if marked:
        body += f'<TR><TD COLSPAN="{width}" ALIGN="LEFT">{_html(fallback_note(lang, marked, missing="la"))}</TD></TR>'
    title = _html(diagram.titles.get(lang, diagram.titles.get("en", diagram.name)))
    return (
        f'<<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="3" ID="legend"><TR><TD COLSPAN="{width}"><FONT POINT-SIZE="14">'
        f'<B>{title}</B></FONT></TD></TR><TR><TD COLSPAN="{width}" ALIGN="LEFT"><I>{_html(_legend_word("legend", lang))}'
        f"</I></TD></TR>{body}</TABLE>>"
    )


def _html(text: str) -> str:
    return escape(text, quote=True)


def node_name(ix: CardIndex, node: URIRef, lang: str, latin: bool = False) -> str:
    """A node's name in ``lang``; when ``latin`` is set its Latin name, or where the ontology has none its name
    in ``lang`` marked with that name's language (``suprapiriform foramen (en)``), as answer tables mark it."""
    if latin:
        found = ix.texts(node, RDFS_LABEL).get("la")
        if found:
            return found[0]
        name = ix.name(node, lang)
        return name_shown(name.text, name.lang, "la")
    return ix.name(node, lang).text


def to_dot(diagram: Diagram, ix: CardIndex, lang: str, href: Callable[[TermRef], str | None], *, latin: bool = False, legend: bool = True) -> str:
    """Graphviz text for ``diagram``; nodes carry their page address (``href``) and a tooltip.

    The drawing is headed by the diagram's title and a key to its colours and lines (``legend``);
    ``latin`` names the nodes in Latin where the ontology has a Latin name.
    """
    ids = {node: f"n{i}" for i, node in enumerate(diagram.nodes())}
    title = diagram.titles.get(lang, diagram.titles.get("en", diagram.name))
    marked = sorted({ix.name(n, lang).lang or "en" for n in diagram.nodes() if latin and not ix.texts(n, RDFS_LABEL).get("la")})
    heading = f"label={_legend(diagram, ix, lang, marked)}, labelloc=t, labeljust=l, " if legend else ""
    out = [
        f"digraph {_quote(title)} {{",
        (
            f'  graph [{heading}rankdir={diagram.rankdir}, fontname="Helvetica,Arial,sans-serif", fontsize=11, nodesep=0.3, '
            f'ranksep=0.5, bgcolor="transparent", tooltip={_quote(title)}];'
        ),
        (
            '  node [shape=box, style="rounded,filled", fontname="Helvetica,Arial,sans-serif", fontsize=11, '
            'color="#444444", fillcolor="#ffffff", margin="0.12,0.05"];'
        ),
        '  edge [fontname="Helvetica,Arial,sans-serif", fontsize=9, color="#555555", fontcolor="#333333"];',
    ]
    for node, node_id in ids.items():
        ref = ix.ref(node, lang)
        name = _wrap(node_name(ix, node, lang, latin))
        code = diagram.codes.get(node)
        attrs = [
            f"label={_quote(f'{code}{chr(10)}{name}' if code else name)}",
            f"fillcolor={_quote(_fill(ix, node)[0])}",
            f"tooltip={_quote(f'{ref.name.text} ({ref.curie})')}",
        ]
        url = href(ref)
        if url:
            attrs.append(f"URL={_quote(url)}")
            attrs.append('target="_top"')
        if node == diagram.focus:
            attrs.append("penwidth=2.5")
        out.append(f"  {node_id} [{', '.join(attrs)}];")
    shared = _shared_ends(diagram.edges)
    for edge in diagram.edges:
        end, meet, first = shared.get(id(edge), ("", "", True))
        # a label is tied to its edge by a line (underlined, then to the nearest point of the edge): where dot
        # lines labels up between two ranks, far from a curving edge, the reader still sees whose label it is
        attrs = [f"label={_quote(_wrap(edge.label, 18))}, decorate=true" if first else 'label=""']
        if end:
            attrs.append(f"{end}={_quote(meet)}")
            if not first and (end == "samehead") != edge.back:  # edges meeting at their arrow end share one arrowhead
                attrs.append("arrowtail=none" if edge.back else "arrowhead=none")
        if edge.back:
            attrs.append("dir=back")
        if not edge.constraint:
            attrs.append("constraint=false")
        if edge.dashed:
            attrs.append("style=dashed")
        if edge.minlen != 1:
            attrs.append(f"minlen={edge.minlen}")
        out.append(f"  {ids[edge.tail]} -> {ids[edge.head]} [{', '.join(attrs)}];")
    for group in diagram.same_rank:
        members = [ids[n] for n in group if n in ids]
        linked = any(e.tail in group and e.head in group for e in diagram.edges)
        if len(members) > 1:  # side by side, in the group's order unless edges between them decide
            chain = "" if linked else " -> ".join(members) + " [style=invis]; "
            out.append("  { rank=same; " + "; ".join(members) + "; " + chain + "}")
    out.append("}")
    return "\n".join(out) + "\n"


def _shared_ends(edges: Sequence[Edge]) -> dict[int, tuple[str, str, bool]]:
    """Edges with the same label into one node (or out of one node) meet there and carry the label once.

    Maps ``id(edge)`` → (``samehead`` or ``sametail``, group name, whether this edge shows the label),
    so a node with many incoming "supplies" edges gets one label instead of a pile of them.
    """
    found: dict[int, tuple[str, str, bool]] = {}
    for end in ("samehead", "sametail"):
        groups: dict[tuple[object, ...], list[Edge]] = {}
        for edge in edges:
            if id(edge) not in found:
                node = edge.head if end == "samehead" else edge.tail
                groups.setdefault((node, edge.label, edge.back), []).append(edge)
        for n, members in enumerate(g for g in groups.values() if len(g) > 1):
            for i, edge in enumerate(members):
                found[id(edge)] = (end, f"{end[4:]}{n}", i == 0)
    return found


def dot_available() -> str | None:
    """Path of Graphviz's ``dot``, or None when it is not installed."""
    return shutil.which("dot")


_SVG_START = re.compile(r"<\?xml[^>]*\?>\s*(?:<!DOCTYPE[^>]*>\s*)?", re.DOTALL)


def _run_dot(dot: str, text: str, timeout: float) -> tuple[int, str, str]:
    try:
        done = subprocess.run([dot, "-Tsvg"], input=text.encode("utf-8"), capture_output=True, timeout=timeout, check=False)
    except OSError as exc:
        raise DiagramError(("dot could not run", {"reason": os_reason(exc)})) from None
    except subprocess.TimeoutExpired:
        raise DiagramError(("dot timed out", {"seconds": timeout})) from None
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace")


def _split(text: str) -> list[str]:
    starts = [m.start() for m in _SVG_START.finditer(text)]
    if not starts:
        return []
    return [text[a:b].strip() + "\n" for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def render_svgs(dot_texts: Sequence[str], dot: str | None = None, timeout: float = 300, chunk: int = 60) -> list[str]:
    """Lay out graphs with ``dot -Tsvg``; return one standalone SVG document per graph.

    Graphs go through ``dot`` in chunks of ``chunk`` (starting dot costs more than laying out a small
    graph); if a chunk fails — some Graphviz versions crash on a sequence of graphs that each lay out
    fine — each of its graphs is laid out in its own run.
    """
    if not dot_texts:
        return []
    dot = dot or dot_available()
    if dot is None:
        raise DiagramError(("dot missing", {}))
    documents: list[str] = []
    for start in range(0, len(dot_texts), chunk):
        batch = dot_texts[start : start + chunk]
        if len(batch) > 1:
            code, out, _err = _run_dot(dot, "".join(batch), timeout)
            found = _split(out) if code == 0 else []
            if len(found) == len(batch):
                documents.extend(found)
                continue
        for text in batch:
            code, out, err = _run_dot(dot, text, timeout)
            found = _split(out)
            if code != 0 or len(found) != 1:
                lines = err.strip().splitlines()
                raise DiagramError(("dot failed", {"detail": lines[0] if lines else code}))
            documents.extend(found)
    return documents


def standalone_svg(document: str, title: str, description: str) -> str:
    """An SVG file whose first children are its ``title`` and ``description`` (shown by viewers and read aloud)."""
    head_end = document.index(">", document.index("<svg")) + 1
    return document[:head_end] + f"\n<title>{escape(title)}</title>\n<desc>{escape(description)}</desc>" + document[head_end:]


def inline_svg(document: str, prefix: str, title: str, description: str) -> str:
    """An SVG document made fit for inlining in HTML: no prolog, unique ids, an accessible title."""
    body = _SVG_START.sub("", document)
    body = re.sub(r"<!--.*?-->\s*", "", body, flags=re.DOTALL)
    body = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{re.sub(r"[^A-Za-z0-9_.-]", "_", m.group(1))}"', body)
    head_end = body.index(">", body.index("<svg")) + 1
    opening = body[:head_end].replace("<svg", f'<svg aria-labelledby="{prefix}-title {prefix}-desc" class="diagram"', 1)
    return opening + f'\n<title id="{prefix}-title">{escape(title)}</title><desc id="{prefix}-desc">{escape(description)}</desc>' + body[head_end:]
