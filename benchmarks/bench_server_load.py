"""Load on `gluteonto serve` over loopback: many clients at once, a runaway query, errors and latency percentiles.

    python benchmarks/bench_server_load.py [--queries 2000] [--clients 1 8 32 64] [--runaway] [--keep-alive] [--unique]

Starts `gluteonto serve --no-site` as its own process on a free 127.0.0.1 port (so the clients do not
share the server's interpreter) and sends the packaged catalog questions, each with its default
parameters, round-robin from N clients at once (each client sends its next query as soon as the
last one is answered: a closed loop, the hardest case for latency). With ``--runaway`` one more client
keeps a query running that never finishes (a cartesian product, stopped by the server's time limit
and sent again), as a hostile or careless user would. ``--keep-alive`` makes each client reuse one
connection instead of opening one per query. It prints, per client count, the error count (any
answer but 200 to a catalog query), throughput and p50/p90/p99/max latency, then the median time of
one query on a fresh connection against one on a kept-alive connection. The server answers a query
it has answered before from its cache; ``--unique`` makes every query text different, so each one
is evaluated. The clients are coroutines of one process (threads would wait for each other's
interpreter lock and add their own delay to the measure). Nothing but 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ACCEPT = "application/sparql-results+json"


def catalog_queries() -> list[str]:
    """Every packaged question and quality-control query, parameters bound to their defaults, as sent to a server."""
    from gluteonto import Session
    from gluteonto.sparql.text import inject_values

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
    process = subprocess.Popen(
        [sys.executable, "-m", "gluteonto", "serve", "--no-site", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start")


class Client:
    """One client on asyncio streams (light enough that the clients do not slow each other down): a fresh connection
    per query, or one kept-alive connection."""

    def __init__(self, port: int, keep_alive: bool) -> None:
        self.port, self.keep_alive = port, keep_alive
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def ask(self, query: str, timeout: float = 60) -> tuple[float, int | str]:
        request = (
            f"GET /sparql?{urllib.parse.urlencode({'query': query})} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Accept: {ACCEPT}\r\n{'' if self.keep_alive else 'Connection: close' + chr(13) + chr(10)}\r\n"
        ).encode()
        start = time.perf_counter()
        try:
            return await asyncio.wait_for(self._exchange(request, start), timeout)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            self.close()
            return time.perf_counter() - start, type(exc).__name__

    async def _exchange(self, request: bytes, start: float) -> tuple[float, int | str]:
        if self.streams is None:
            self.streams = await asyncio.open_connection("127.0.0.1", self.port)
        reader, writer = self.streams
        writer.write(request)
        status = int((await reader.readline()).split()[1])
        length, closing = 0, not self.keep_alive
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and value.strip().lower() == "close":
                closing = True
        await reader.readexactly(length)
        elapsed = time.perf_counter() - start
        if closing:
            self.close()
        return elapsed, status

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def run_load(port: int, queries: list[str], count: int, clients: int, keep_alive: bool, unique: str = "") -> list[tuple[float, int | str]]:
    """``count`` queries from ``clients`` clients; with ``unique``, each query text is made new (a comment)."""
    sent = iter(range(count))
    outcomes: list[tuple[float, int | str]] = []

    async def one_client() -> None:
        client = Client(port, keep_alive)
        for index in sent:
            query = queries[index % len(queries)]
            outcomes.append(await client.ask(f"{query}\n# {unique} {index}" if unique else query))
        client.close()

    await asyncio.gather(*(one_client() for _ in range(clients)))
    return outcomes


def percentile(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=2000, help="queries per client count")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32, 64])
    parser.add_argument("--runaway", action="store_true", help="keep a never-ending query running meanwhile")
    parser.add_argument("--keep-alive", action="store_true", help="each client reuses one connection")
    parser.add_argument("--unique", action="store_true", help="make every query text different (no answer from the cache)")
    args = parser.parse_args()

    queries = catalog_queries()
    port = free_port()
    server = start_server(port)
    try:
        asyncio.run(measure(port, server.pid, queries, args))
    finally:
        server.terminate()
        server.wait(timeout=20)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) process ``pid`` has used: how much work the server did, whatever else the machine runs."""
    fields = open(f"/proc/{pid}/stat", encoding="ascii").read().rsplit(")", 1)[1].split()  # noqa: SIM115
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(port: int, server_pid: int, queries: list[str], args: argparse.Namespace) -> None:
    runaways: list[int | str] = []

    async def runaway() -> None:
        client = Client(port, keep_alive=False)
        while True:
            runaways.append((await client.ask(RUNAWAY, timeout=120))[1])

    for query in queries:  # warm up the query processes
        await Client(port, False).ask(query)
    task = asyncio.ensure_future(runaway()) if args.runaway else None
    if task is not None:
        await asyncio.sleep(2)  # the runaway is running
    print(
        f"{len(queries)} catalog queries{' (each text made new: nothing answered from the cache)' if args.unique else ''}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, "
        f"{'kept-alive connections' if args.keep_alive else 'a connection per query'}"
        f"{', a runaway query running' if args.runaway else ''}"
    )
    for clients in args.clients:
        start, server_cpu, client_cpu = time.perf_counter(), cpu_seconds(server_pid), time.process_time()
        outcomes = await run_load(port, queries, args.queries, clients, args.keep_alive, f"run {clients} {time.time()}" if args.unique else "")
        wall = time.perf_counter() - start
        server_cpu, client_cpu = cpu_seconds(server_pid) - server_cpu, time.process_time() - client_cpu
        latencies = sorted(t * 1000 for t, _ in outcomes)
        errors = [str(o) for _, o in outcomes if o != 200]
        print(
            f"{clients:3d} clients: {len(outcomes)} queries in {wall:.1f} s ({len(outcomes) / wall:.0f}/s), "
            f"errors {len(errors)}{' (' + ', '.join(sorted(set(errors))) + ')' if errors else ''}, latency ms "
            f"p50 {percentile(latencies, 50):.1f} p90 {percentile(latencies, 90):.1f} p99 {percentile(latencies, 99):.1f} "
            f"max {latencies[-1]:.1f}; CPU ms per query: server {server_cpu / len(outcomes) * 1000:.2f}, "
            f"clients {client_cpu / len(outcomes) * 1000:.2f}"
        )
    fresh, kept = Client(port, False), Client(port, True)
    probe = "ASK { ?s ?p ?o }"
    await kept.ask(probe)
    fresh_ms = statistics.median([(await fresh.ask(probe))[0] * 1000 for _ in range(200)])
    kept_ms = statistics.median([(await kept.ask(probe))[0] * 1000 for _ in range(200)])
    kept.close()
    print(f"one query, median of 200: fresh connection {fresh_ms:.2f} ms, kept-alive connection {kept_ms:.2f} ms")
    if task is not None:
        task.cancel()
        print(f"runaway query answers meanwhile: {', '.join(map(str, runaways)) or 'none yet (still running)'}")


if __name__ == "__main__":
    main()
