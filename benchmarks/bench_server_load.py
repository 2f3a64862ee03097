"""Load on `gluteonto serve` over loopback: many clients at once, errors counted, latency percentiles.

    python benchmarks/bench_server_load.py [--queries 2000] [--threads 32]

Starts the server in this process on a free 127.0.0.1 port, sends a mix of catalog-style queries
(small SELECTs, an ASK, a CONSTRUCT) from many threads, each on its own connection, and prints
the error count, throughput and p50/p90/p99/max latency. Nothing but 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from gluteonto.tools.serve import make_server

QUERIES = [
    (
        "SELECT ?c ?l WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 50",
        "application/sparql-results+json",
    ),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv"),
    ("ASK { ?s a <http://www.w3.org/2002/07/owl#Ontology> }", "application/sparql-results+json"),
    (
        "CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 20",
        "text/turtle",
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=32)
    args = parser.parse_args()

    server = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address

    def one(index: int) -> tuple[float, str | None]:
        query, accept = QUERIES[index % len(QUERIES)]
        start = time.perf_counter()
        try:
            connection = http.client.HTTPConnection(host, port, timeout=60)
            connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
            response = connection.getresponse()
            response.read()
            connection.close()
            error = None if response.status == 200 else f"HTTP {response.status}"
        except (OSError, http.client.HTTPException) as exc:
            error = type(exc).__name__
        return time.perf_counter() - start, error

    try:
        one(0)  # warm up
        start = time.perf_counter()
        with ThreadPoolExecutor(args.threads) as pool:
            outcomes = list(pool.map(one, range(args.queries)))
        wall = time.perf_counter() - start
    finally:
        server.shutdown()
        server.server_close()
    latencies = sorted(t * 1000 for t, _ in outcomes)
    errors = [e for _, e in outcomes if e]

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]

    print(f"{args.queries} queries from {args.threads} threads on 127.0.0.1 in {wall:.1f} s ({args.queries / wall:.0f} queries/s)")
    print(f"errors: {len(errors)}" + (f" ({', '.join(sorted(set(errors)))})" if errors else ""))
    print(f"latency ms: p50 {pct(50):.1f}  p90 {pct(90):.1f}  p99 {pct(99):.1f}  max {latencies[-1]:.1f}  mean {statistics.mean(latencies):.1f}")


if __name__ == "__main__":
    main()
