"""The package's layers: every ``import`` in src/ goes down (or stays level), and the import graph has no cycle.

The layer order is defined once, here (:data:`LAYERS`); docs/design.md ("Code layout") describes it.
Every import counts: at module level, inside functions (imported on first use) and under
``TYPE_CHECKING``, since each is a dependency of the importing module on the imported one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .helpers import ROOT

SRC = ROOT / "src"

#: Lowest first. A module belongs to the layer of the longest prefix that names it; it may import its own
#: layer and the layers below, never one above.
LAYERS: tuple[tuple[str, ...], ...] = (
    # the base: exceptions, limits, vocabulary, term IRIs, packaged data, light terms, the message catalogues,
    # safe file writing and the child process that stops a query
    (
        "gluteonto.errors",
        "gluteonto.lazy",
        "gluteonto.limits",
        "gluteonto.version",
        "gluteonto.labels",
        "gluteonto.vocab",
        "gluteonto.iris",
        "gluteonto.resources",
        "gluteonto.terms",
        "gluteonto.i18n",
        "gluteonto.safe_write",
        "gluteonto.fileio",
        "gluteonto.isolate",
        "gluteonto.java",
        "gluteonto.hierarchy",
    ),
    ("gluteonto.formats",),  # RDF syntaxes: reading user files, the deterministic writers
    ("gluteonto.sparql",),  # SPARQL text, parameter binding, the SERVICE guard, results and their formats, tables
    ("gluteonto.engines",),  # the query engines behind the Engine protocol
    ("gluteonto.query",),  # the question catalog, term look-up and resolution, questions that answer, the Session
    ("gluteonto.shacl",),  # SHACL engines
    ("gluteonto.card",),  # the term card, over a session
    ("gluteonto.pathway",),  # the clinical pathway from a term, over the card's index and sentences
    ("gluteonto.prebuilt",),  # tables built with the release for lookup and the card (label index, questions, cards, pathway starts)
    ("gluteonto.site", "gluteonto.quiz"),  # the documentation site and the question bank, over the card
    ("gluteonto.server",),  # the SPARQL server's app and workers
    ("gluteonto.tools",),  # validate, reason, export, link-fma, serve, info
    (
        "gluteonto.cli",
        "gluteonto.cli_lang",
        "gluteonto.cli_safety",
        "gluteonto.pager",
        "gluteonto.entry",
        "gluteonto.__main__",
        "gluteonto",
    ),  # the CLI
)
#: Build time: turns the edit source into the release files. It may use the base and the RDF writers; the
#: run time never imports it.
BUILD = "gluteonto.compile"
BUILD_MAY_USE = (*LAYERS[0], "gluteonto.formats")
#: ... except that the build's command line, once the release files are written, builds the run time's prebuilt
#: tables from them with the run time's own code (what ``lookup`` and ``about`` read instead of loading a store)
BUILD_ENTRY = "gluteonto.compile.__main__"
BUILD_ENTRY_MAY_USE = ("gluteonto.prebuilt.render",)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted((SRC / "gluteonto").rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _target(module: str, level: int, name: str | None) -> str:
    """The absolute name of ``from <level dots><name>`` written in ``module``."""
    if level == 0:
        return name or ""
    base = module.split(".") if _is_package(module) else module.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([name] if name else [])])


def imports_of(module: str) -> set[str]:
    """The project modules ``module`` imports, anywhere in its text."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _target(module, node.level, node.module)
            for alias in node.names:  # ``from package import submodule`` imports the submodule
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
    return {name for name in found if name in MODULES and name != module}


GRAPH = {module: imports_of(module) for module in MODULES}


def layer_of(module: str) -> int:
    """Index into :data:`LAYERS` of the layer ``module`` belongs to."""
    best, rank = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), index
    if rank < 0:
        raise AssertionError(f"{module} belongs to no layer: add it to LAYERS in tests/test_layers.py")
    return rank


def _runtime(module: str) -> bool:
    return not (module == BUILD or module.startswith(BUILD + "."))


def test_every_runtime_module_has_a_layer() -> None:
    for module in MODULES:
        if _runtime(module):
            layer_of(module)


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = sorted(
        f"{module} (layer {layer_of(module)}) imports {target} (layer {layer_of(target)})"
        for module, targets in GRAPH.items()
        if _runtime(module)
        for target in targets
        if _runtime(target) and layer_of(target) > layer_of(module)
    )
    assert not upward, "\n".join(upward)


def test_run_time_never_imports_the_build() -> None:
    found = sorted(
        f"{module} imports {target}" for module, targets in GRAPH.items() if _runtime(module) for target in targets if not _runtime(target)
    )
    assert not found, "\n".join(found)


def test_build_uses_only_the_base_and_the_writers() -> None:
    def allowed(module: str) -> tuple[str, ...]:
        return (*BUILD_MAY_USE, *(BUILD_ENTRY_MAY_USE if module == BUILD_ENTRY else ()))

    found = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if not _runtime(module)
        for target in targets
        if _runtime(target) and not any(target == p or target.startswith(p + ".") for p in allowed(module))
    )
    assert not found, "\n".join(found)


def _cycle() -> list[str] | None:
    """One import cycle of the graph (as a path that ends where it starts), or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(GRAPH):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


def test_import_graph_has_no_cycle() -> None:
    cycle = _cycle()
    assert cycle is None, " -> ".join(cycle or [])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("from ..errors import InputError", {"gluteonto.errors"}),
        ("from .. import limits", {"gluteonto.limits"}),
        ("from .lookup import normalize", {"gluteonto.query.lookup"}),
        ("import gluteonto.sparql.guard", {"gluteonto.sparql.guard"}),
    ],
)
def test_imports_are_read_as_python_resolves_them(text: str, expected: set[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The checker itself: relative imports resolve against the importing module's package."""
    fake = tmp_path / "mod.py"
    fake.write_text(f"def f():\n    {text}\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "gluteonto.query.probe", fake)
    assert imports_of("gluteonto.query.probe") == expected


def test_a_cycle_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checker itself: a made-up cycle between two modules is reported."""
    monkeypatch.setitem(GRAPH, "gluteonto.errors", {*GRAPH["gluteonto.errors"], "gluteonto.lazy"})
    monkeypatch.setitem(GRAPH, "gluteonto.lazy", {*GRAPH["gluteonto.lazy"], "gluteonto.errors"})
    assert _cycle() is not None
