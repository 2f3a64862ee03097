"""SHACL validation of the packaged ontology: ``validate()`` with each engine against the bare engine.

    python benchmarks/bench_validation.py

For each engine of ``SHACL_ENGINES`` the bare run reads the same files and validates them with the
engine alone (no report naming); ``validate()`` is the library call ``gluteonto validate`` makes.
Wall-clock medians (5 runs, 3 for pyshacl) from one run of this script, printed as ratios.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from gluteonto.resources import ontology_file, shapes_file
from gluteonto.tools.validate import SHACL_ENGINES, validate


def _median(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_rudof() -> bool:
    """rudof reading the packaged Turtle and the Core shapes from their files, then validating."""
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(str(ontology_file("ttl", international=True)))
    rudof.read_shacl(str(shapes_file(core=True)))
    return bool(rudof.validate_shacl().conforms)


def bare_pyshacl() -> bool:
    """pyshacl on rdflib graphs parsed from the packaged Turtle and the SPARQL-target shapes."""
    import pyshacl
    from rdflib import Graph

    data = Graph().parse(ontology_file("ttl", international=True))
    shapes = Graph().parse(shapes_file())
    return bool(pyshacl.validate(data, shacl_graph=shapes, advanced=True, inference="none", inplace=True)[0])


BARE: dict[str, Callable[[], bool]] = {"rudof": bare_rudof, "pyshacl": bare_pyshacl}


def main() -> None:
    print(f"{'engine':<10} {'bare s':>8} {'validate() s':>13} {'ratio':>7}")
    for engine in SHACL_ENGINES:
        repeat = 3 if engine == "pyshacl" else 5
        bare = _median(BARE[engine], repeat)
        ours = _median(lambda engine=engine: validate(engine=engine), repeat)  # type: ignore[misc]
        print(f"{engine:<10} {bare:8.2f} {ours:13.2f} {ours / bare:6.2f}x")
    default = _median(lambda: validate(), 5)
    print(f"default engine ({next(iter(SHACL_ENGINES))}): {default:.2f} s per validation")


if __name__ == "__main__":
    main()
