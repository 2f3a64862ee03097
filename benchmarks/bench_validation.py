"""Time SHACL validation of the packaged ontology (pyshacl), parse excluded, median of 5.

    python benchmarks/bench_validation.py
"""

from __future__ import annotations

import statistics
import time

import pyshacl
from rdflib import Graph

from gluteonto.resources import ontology_file, shapes_file


def main() -> None:
    data = Graph().parse(ontology_file("ttl"))
    shapes = Graph().parse(shapes_file())
    times = []
    for _ in range(5):
        start = time.perf_counter()
        conforms, _graph, _text = pyshacl.validate(data, shacl_graph=shapes, advanced=True, inference="none", inplace=True)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"pyshacl validation of {len(data):,} triples against {len(shapes):,} shape triples: "
          f"median {median:.2f} s (min {min(times):.2f}, max {max(times):.2f}); conforms={conforms}; "
          f"target 1 s -> {'met' if median < 1 else 'NOT met'} (ratio {median:.2f}x)")


if __name__ == "__main__":
    main()
