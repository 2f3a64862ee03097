"""Cost of running a query in a forked child (what `--timeout` and Ctrl-C rely on) against running it in place.

    python benchmarks/bench_isolation.py [--repeats 30]

Prints, per engine, the median time of a small catalog query run directly and through
:func:`gluteonto.isolate.run_isolated`, and the difference (the price of one fork and a pipe).
"""

from __future__ import annotations

import argparse
import statistics
import time

from gluteonto import Session
from gluteonto.isolate import run_isolated


def median_ms(func, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    print(f"{'engine':<10} {'direct ms':>10} {'forked ms':>10} {'overhead ms':>12}")
    for engine in ("rdflib", "oxigraph"):
        session = Session(engine)

        def direct_query(session: Session = session) -> object:
            return session.query("innervation")

        direct = median_ms(direct_query, args.repeats)
        forked = median_ms(lambda query=direct_query: run_isolated(query, timeout=60), args.repeats)
        print(f"{engine:<10} {direct:>10.1f} {forked:>10.1f} {forked - direct:>12.1f}")


if __name__ == "__main__":
    main()
