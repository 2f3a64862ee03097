"""Helpers shared by the tests: repository paths, term IRIs, restriction look-up, ports."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

if TYPE_CHECKING:
    from click.testing import CliRunner, Result

from gluteonto.vocab import GLUT, OWL, RDFS

__all__ = [
    "lang_of",
    "ROOT",
    "DATA",
    "SHARED_REFERENCE",
    "EDIT_FILE",
    "term",
    "restrictions",
    "union_fillers",
    "free_port",
    "wait_for_port",
    "run_cli",
]

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
SHARED_REFERENCE = ROOT.parent / "shared" / "reference"
EDIT_FILE = ROOT / "ontology" / "source" / "gluteonto-edit.yaml"


def lang_of(node: Node | None) -> str | None:
    """The language tag of a literal; None for any other node (rdflib types graph values as plain nodes)."""
    return node.language if isinstance(node, Literal) else None


def term(number: int) -> URIRef:
    """IRI of GLUTEONTO_<number>."""
    return GLUT[f"{number:07d}"]


def restrictions(graph: Graph, cls: URIRef, prop: URIRef, filler: URIRef | None = None) -> list[BNode]:
    """Blank-node restrictions in SubClassOf(cls, prop some filler)."""
    found = []
    for node in graph.objects(cls, RDFS.subClassOf):
        if isinstance(node, BNode) and (node, OWL.onProperty, prop) in graph:
            if (node, OWL.someValuesFrom, filler) in graph:
                found.append(node)
    return found


def union_fillers(graph: Graph, cls: URIRef, prop: URIRef, quantifier: URIRef = OWL.someValuesFrom) -> list[set[URIRef]]:
    """Member sets of the ObjectUnionOf fillers in SubClassOf(cls, prop some/only (A or B …))."""
    from rdflib.collection import Collection

    found: list[set[URIRef]] = []
    for node in graph.objects(cls, RDFS.subClassOf):
        if isinstance(node, BNode) and (node, OWL.onProperty, prop) in graph:
            filler = graph.value(node, quantifier)
            members = graph.value(filler, OWL.unionOf) if isinstance(filler, BNode) else None
            if members is not None:
                found.append({m for m in Collection(graph, members) if isinstance(m, URIRef)})
    return found


def free_port() -> int:
    """A TCP port free on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    """Wait until something listens on the loopback ``port``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


def run_cli(runner: CliRunner, *args: str, columns: int = 100) -> Result:
    """Invoke the gluteonto command line in ``runner`` with a terminal ``columns`` wide."""
    from gluteonto.cli import main

    return runner.invoke(main, list(args), env={"COLUMNS": str(columns)}, catch_exceptions=False)
