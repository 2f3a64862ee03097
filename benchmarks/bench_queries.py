"""Per-query wall time of every catalog question on rdflib and Oxigraph (warm, median of 5), with ratios.

python benchmarks/bench_queries.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from gluteonto import Session
from gluteonto.query.catalog import load_catalog


def median_time(session: Session, name: str, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        session.query(name)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    sessions = {"rdflib": Session("rdflib"), "oxigraph": Session("oxigraph")}
    names = sorted(n for n, s in load_catalog().items() if s.group != "FMA comparison")
    print(f"{'query':<36} {'rdflib ms':>10} {'oxigraph ms':>12} {'ratio':>7}")
    totals = {"rdflib": 0.0, "oxigraph": 0.0}
    for name in names:
        r = median_time(sessions["rdflib"], name)
        o = median_time(sessions["oxigraph"], name)
        totals["rdflib"] += r
        totals["oxigraph"] += o
        print(f"{name:<36} {r * 1000:>10.1f} {o * 1000:>12.2f} {r / o:>6.0f}x")
    print(f"{'all queries':<36} {totals['rdflib'] * 1000:>10.0f} {totals['oxigraph'] * 1000:>12.1f} {totals['rdflib'] / totals['oxigraph']:>6.0f}x")
    for engine in ("rdflib", "oxigraph"):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gluteonto", "query", "innervation", "--engine", engine], check=True, capture_output=True)
        print(f"CLI 'gluteonto query innervation --engine {engine}' wall time: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
