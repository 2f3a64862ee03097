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
from ..i18n import msg
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
    "render_svgs",
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
HAS_AGENT, OCCURS_DURING, REQUIRES = URIRef(iris.HAS_AGENT), URIRef(iris.OCCURS_DURING), URIRef(iris.REQUIRES_CONDITION)
ENHANCED_BY, PREVENTS = URIRef(iris.ENHANCED_BY_CONDITION), URIRef(iris.PREVENTS)
MUSCLE_ACTION, GLUTEUS_MINIMUS = URIRef(iris.MUSCLE_ACTION), URIRef(iris.GLUTEUS_MINIMUS)

#: top-level branch or kind → node fill colour (light, so diagrams print well in black and white)
_FILLS: list[tuple[URIRef, str]] = [(URIRef(kind), colour) for kind, colour in (
    (iris.MUSCLE_ORGAN, "#f6dada"),
    (iris.MUSCLE_PART, "#f6dada"),
    (iris.NERVE, "#fff1b8"),
    (iris.NERVE_PLEXUS, "#fff1b8"),
    (iris.ARTERY, "#fbd3c9"),
    (iris.ARTERIAL_ANASTOMOSIS, "#fbd3c9"),
    (iris.ANATOMICAL_ENTITY, "#ececec"),  # other anatomy
    (iris.BODILY_PROCESS, "#dce8fb"),
    (iris.CLINICAL_ENTITY, "#ffe3cc"),
    (iris.HEALTH_CARE_PROCEDURE, "#d8f0d8"),
    (iris.BODY_CONDITION, "#ece0fa"),  # positions and conditions
    (iris.RISK_FACTOR, "#ece0fa"),
)]


class DiagramError(GluteontoError):
    """Graphviz failed or is missing."""


@dataclass(frozen=True)
class Edge:
    """A drawn edge ``tail → head`` with a label; ``back`` draws the arrow from head to tail."""

    tail: URIRef
    head: URIRef
    label: str
    back: bool = False
    constraint: bool = True
    dashed: bool = False


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


def _texts(diagram: str, **values: str) -> tuple[dict[str, str], dict[str, str]]:
    """A diagram's title and description in every site language (``diagram.NAME.title``, ``….description``)."""
    return ({lang: msg(f"diagram.{diagram}.title", lang, **values) for lang in SITE_LANGS},
            {lang: msg(f"diagram.{diagram}.description", lang, **values) for lang in SITE_LANGS})


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
    """Roots → plexus → nerve (→ branch) → muscles, from innervated by / innervates, branching and root axioms."""
    d = Diagram("innervation", *_texts("innervation"))
    nerves, muscles = _draw(d, [*((n, m) for m, n in _classes_with(ix, INNERVATED_BY)), *_classes_with(ix, INNERVATES)],
                            "innervates", lang)
    roots: list[URIRef] = []

    def draw(nerve: URIRef, prop: URIRef, filler: URIRef) -> bool:
        if prop == HAS_ROOT:
            d.add(Edge(filler, nerve, _word("root of", lang)))
            roots.append(filler)
        elif prop == BRANCH_OF:
            d.add(Edge(filler, nerve, _word("gives off", lang)))
            return True
        elif nerve not in muscles:  # a plexus that is part of a larger one
            d.add(Edge(nerve, filler, _word("part of", lang), constraint=False, dashed=True))
        return False

    _trace(ix, nerves, (BRANCH_OF, PART_OF, HAS_ROOT), draw)
    d.same_rank = [sorted(set(roots), key=str), sorted(set(muscles), key=str)]
    return d


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
    d.same_rank = [sorted(set(supplied), key=str)]
    return d


def topography(ix: CardIndex, lang: str) -> Diagram:
    """Layers (superficial above deep) and neighbours from the positional relations."""
    d = Diagram("topography", *_texts("topography"), rankdir="TB")
    for cls, filler in _classes_with(ix, SUPERFICIAL_TO):
        d.add(Edge(cls, filler, _word("superficial to", lang)))
    for cls, filler in _classes_with(ix, DEEP_TO):
        d.add(Edge(filler, cls, _word("deep to", lang), back=True))
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
    return d


def actions(ix: CardIndex, lang: str) -> Diagram:
    """The muscle actions of gluteus minimus (or a part of it) with agents, conditions, phases and effects."""
    d = Diagram("actions", *_texts("actions"))
    gm_parts = {GLUTEUS_MINIMUS} | {c for c, f in _classes_with(ix, PART_OF) if f == GLUTEUS_MINIMUS}
    words = {HAS_AGENT: "performs", REQUIRES: "requires", ENHANCED_BY: "strongest with", OCCURS_DURING: "during",
             PREVENTS: "prevents"}
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
    into = [(str(p), Edge(c, term, _phrase(ix, p, lang)))
            for c, p, _n in sorted(ix.pointing_to(term), key=lambda t: (str(t[1]), str(t[0]))) if c != term]
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
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines)


def _fill(ix: CardIndex, node: URIRef) -> str:
    kinds = {node} | {a for a, _c in ix.ancestors(node)}
    return next((colour for cls, colour in _FILLS if cls in kinds), "#ffffff")


def to_dot(diagram: Diagram, ix: CardIndex, lang: str, href: Callable[[TermRef], str | None]) -> str:
    """Graphviz text for ``diagram``; nodes carry their page address (``href``) and a tooltip."""
    ids = {node: f"n{i}" for i, node in enumerate(diagram.nodes())}
    out = [f"digraph {_quote(diagram.name)} {{",
           (f"  graph [rankdir={diagram.rankdir}, fontname=\"Helvetica,Arial,sans-serif\", fontsize=11, nodesep=0.25, "
           f"ranksep=0.45, bgcolor=\"transparent\", tooltip={_quote(diagram.titles.get(lang, diagram.name))}];"),
           ("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica,Arial,sans-serif\", fontsize=11, "
           "color=\"#444444\", fillcolor=\"#ffffff\", margin=\"0.12,0.05\"];"),
           "  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=9, color=\"#555555\", fontcolor=\"#333333\"];"]
    for node, node_id in ids.items():
        ref = ix.ref(node, lang)
        attrs = [f"label={_quote(_wrap(ref.name.text))}", f"fillcolor={_quote(_fill(ix, node))}",
                 f"tooltip={_quote(f'{ref.name.text} ({ref.curie})')}"]
        url = href(ref)
        if url:
            attrs.append(f"URL={_quote(url)}")
            attrs.append("target=\"_top\"")
        if node == diagram.focus:
            attrs.append("penwidth=2.5")
        out.append(f"  {node_id} [{', '.join(attrs)}];")
    shared = _shared_ends(diagram.edges)
    for edge in diagram.edges:
        end, meet, first = shared.get(id(edge), ("", "", True))
        attrs = [f"label={_quote(_wrap(edge.label, 18))}" if first else 'label=""']
        if end:
            attrs.append(f"{end}={_quote(meet)}")
        if edge.back:
            attrs.append("dir=back")
        if not edge.constraint:
            attrs.append("constraint=false")
        if edge.dashed:
            attrs.append("style=dashed")
        out.append(f"  {ids[edge.tail]} -> {ids[edge.head]} [{', '.join(attrs)}];")
    for group in diagram.same_rank:
        members = [ids[n] for n in group if n in ids]
        if len(members) > 1:
            out.append("  { rank=same; " + "; ".join(members) + "; }")
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
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DiagramError(f"Graphviz 'dot' could not run: {exc}") from None
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
        raise DiagramError("Graphviz 'dot' was not found (install the graphviz package)")
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
                raise DiagramError(f"Graphviz 'dot' failed: {lines[0] if lines else code}")
            documents.extend(found)
    return documents


def inline_svg(document: str, prefix: str, title: str, description: str) -> str:
    """An SVG document made fit for inlining in HTML: no prolog, unique ids, an accessible title."""
    body = _SVG_START.sub("", document)
    body = re.sub(r"<!--.*?-->\s*", "", body, flags=re.DOTALL)
    body = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{re.sub(r"[^A-Za-z0-9_.-]", "_", m.group(1))}"', body)
    head_end = body.index(">", body.index("<svg")) + 1
    opening = body[:head_end].replace("<svg", f'<svg aria-labelledby="{prefix}-title {prefix}-desc" class="diagram"', 1)
    return (opening + f'\n<title id="{prefix}-title">{escape(title)}</title><desc id="{prefix}-desc">{escape(description)}</desc>'
            + body[head_end:])

