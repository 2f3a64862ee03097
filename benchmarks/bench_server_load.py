"""Load on `gluteonto serve` over loopback: many clients at once, a runaway query, errors and latency percentiles.

    python benchmarks/bench_server_load.py [--queries 2000] [--clients 1 8 32 64] [--runaway] [--keep-alive]

Starts `gluteonto serve --no-site` as its own process on a free 127.0.0.1 port (so the clients do not
share the server's interpreter) and sends the packaged catalog questions, each with its default
parameters, round-robin from N clients at once (each client sends its next query as soon as the
last one is answered: a closed loop, the hardest case for latency). With ``--runaway`` one more client
keeps a query running that never finishes (a cartesian product, stopped by the server's time limit
and sent again), as a hostile or careless user would. ``--keep-alive`` makes each client reuse one
connection instead of opening one per query. It prints, per client count, the error count (any
answer but 200 to a catalog query), throughput and p50/p90/p99/max latency, then the median time of
one query on a fresh connection against one on a kept-alive connection. Nothing but 127.0.0.1 is
contacted.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ACCEPT = "application/sparql-results+json"


def catalog_queries() -> list[str]:
    """Every packaged question and quality-control query, parameters bound to their defaults, as sent to a server."""
    from gluteonto import Session
    from gluteonto.query.sparqltext import inject_values

    session = Session()
    texts = []
    for spec in session.queries():
        if spec.group == "FMA comparison":
            continue  # needs FMA data
        bindings = session.bind_terms(spec)
        texts.append(inject_values(spec.text, bindings) if bindings else spec.text)
    return texts


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-m", "gluteonto", "serve", "--no-site", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


class Client:
    """One client: a fresh connection per query, or one kept-alive connection."""

    def __init__(self, port: int, keep_alive: bool) -> None:
        self.port, self.keep_alive = port, keep_alive
        self.connection: http.client.HTTPConnection | None = None

    def ask(self, query: str, timeout: float = 60) -> tuple[float, int | str]:
        path = "/sparql?" + urllib.parse.urlencode({"query": query})
        start = time.perf_counter()
        try:
            if self.connection is None or not self.keep_alive:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
            self.connection.request("GET", path, headers={"Accept": ACCEPT})
            response = self.connection.getresponse()
            response.read()
            outcome: int | str = response.status
            if not self.keep_alive or response.will_close:
                self.connection.close()
                self.connection = None
        except (OSError, http.client.HTTPException) as exc:
            outcome = type(exc).__name__
            if self.connection is not None:
                self.connection.close()
            self.connection = None
        return time.perf_counter() - start, outcome


def run_load(port: int, queries: list[str], count: int, clients: int, keep_alive: bool) -> list[tuple[float, int | str]]:
    lock = threading.Lock()
    next_index = [0]

    def worker(_: int) -> list[tuple[float, int | str]]:
        client = Client(port, keep_alive)
        done = []
        while True:
            with lock:
                index = next_index[0]
                next_index[0] += 1
            if index >= count:
                return done
            done.append(client.ask(queries[index % len(queries)]))

    with ThreadPoolExecutor(clients) as pool:
        return [outcome for part in pool.map(worker, range(clients)) for outcome in part]


def percentile(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=2000, help="queries per client count")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32, 64])
    parser.add_argument("--runaway", action="store_true", help="keep a never-ending query running meanwhile")
    parser.add_argument("--keep-alive", action="store_true", help="each client reuses one connection")
    args = parser.parse_args()

    queries = catalog_queries()
    port = free_port()
    server = start_server(port)
    stop = threading.Event()
    runaways: list[int | str] = []

    def runaway() -> None:
        client = Client(port, keep_alive=False)
        while not stop.is_set():
            runaways.append(client.ask(RUNAWAY, timeout=120)[1])

    try:
        for query in queries:  # warm up: every query once
            Client(port, False).ask(query)
        if args.runaway:
            threading.Thread(target=runaway, daemon=True).start()
            time.sleep(2)  # the runaway is running
        print(f"{len(queries)} catalog queries, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, "
              f"{'kept-alive connections' if args.keep_alive else 'a connection per query'}"
              f"{', with a runaway query running' if args.runaway else ''}")
        for clients in args.clients:
            start = time.perf_counter()
            outcomes = run_load(port, queries, args.queries, clients, args.keep_alive)
            wall = time.perf_counter() - start
            latencies = sorted(t * 1000 for t, _ in outcomes)
            errors = [str(o) for _, o in outcomes if o != 200]
            print(f"{clients:3d} clients: {len(outcomes)} queries in {wall:.1f} s ({len(outcomes) / wall:.0f}/s), "
                  f"errors {len(errors)}{' (' + ', '.join(sorted(set(errors))) + ')' if errors else ''}, latency ms "
                  f"p50 {percentile(latencies, 50):.1f} p90 {percentile(latencies, 90):.1f} p99 {percentile(latencies, 99):.1f} "
                  f"max {latencies[-1]:.1f}")
        fresh, kept = Client(port, False), Client(port, True)
        probe = "ASK { ?s ?p ?o }"
        kept.ask(probe)
        fresh_ms = statistics.median(fresh.ask(probe)[0] * 1000 for _ in range(200))
        kept_ms = statistics.median(kept.ask(probe)[0] * 1000 for _ in range(200))
        print(f"one query, median of 200: fresh connection {fresh_ms:.2f} ms, kept-alive connection {kept_ms:.2f} ms")
        if args.runaway:
            print(f"runaway query answers meanwhile: {', '.join(str(o) for o in runaways) or 'none yet (still running)'}")
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
