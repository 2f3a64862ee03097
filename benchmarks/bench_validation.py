"""Time SHACL validation of the packaged ontology, parse excluded, median of 5 (3 for the slow case).

    python benchmarks/bench_validation.py

Three runs: pyshacl on the packaged shapes (SPARQL targets, what ``gluteonto validate`` uses),
pyshacl on the SHACL Core form of the same shapes, and rudof (pyrudof) on the Core form.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import pyshacl
from rdflib import Graph

from gluteonto.resources import ontology_file, shapes_file


def _time(run: Callable[[], bool], repeat: int) -> tuple[float, float, float, bool]:
    times, conforms = [], False
    for _ in range(repeat):
        start = time.perf_counter()
        conforms = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times), conforms


def main() -> None:
    data = Graph().parse(ontology_file("ttl"))
    results: dict[str, tuple[float, float, float, bool]] = {}
    for label, core, repeat in (("pyshacl, SPARQL targets", False, 5), ("pyshacl, Core targets", True, 3)):
        shapes = Graph().parse(shapes_file(core=core))
        results[label] = _time(lambda shapes=shapes: bool(pyshacl.validate(  # type: ignore[misc]
            data, shacl_graph=shapes, advanced=True, inference="none", inplace=True)[0]), repeat)
    try:
        import pyrudof
    except ImportError:
        pyrudof = None
    if pyrudof is not None:
        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        rudof.read_data(str(ontology_file("ttl")))
        rudof.read_shacl(str(shapes_file(core=True)))
        results["rudof, Core targets"] = _time(lambda: bool(rudof.validate_shacl().conforms), 5)
    base = results["pyshacl, SPARQL targets"][0]
    print(f"SHACL validation of {len(data):,} triples (median s; target 1 s):")
    for label, (median, low, high, conforms) in results.items():
        print(f"  {label:26s} {median:6.2f} (min {low:.2f}, max {high:.2f}); conforms={conforms}; "
              f"ratio to pyshacl/SPARQL {median / base:.2f}x; target {'met' if median < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
