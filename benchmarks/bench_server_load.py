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
is evaluated. Nothing but 127.0.0.1 is contacted.

The load generator shares the machine's cores with the server, so it is kept lean (it measures the
server, not itself): the clients are coroutines of one process on a bare asyncio protocol (no
streams, no threads: threads would wait for each other's interpreter lock and add their own delay),
and it reports its own CPU time per query next to the server process's and the query processes'
(the zygote's children, the runaway's included; one that ended during the run is not counted), so
one can see whether it starved the server. CPU time per query depends little on what else the
machine runs; throughput and latency depend on it entirely.

Measured on the project's 2-core machine while other work kept its load average at 3.4-6.1 (so the
server had a fraction of the two cores), ``--queries 1000 --clients 64 --runaway --unique``, seven
runs of the server before this round's changes alternated with seven after, medians:

* before: 140 queries/s, p99 630 ms, 0 errors; CPU ms per query: server 1.37, query processes 2.98, clients 0.52
* after (a worker does not preempt the event loop, SCHED_BATCH; a runaway is SCHED_IDLE as well as nicer;
  an answer's frames leave a worker in one write and a response's head and body the server in one; the
  answer cache's volatility check without a regular expression): 152 queries/s, p99 629 ms, 0 errors;
  CPU ms per query: server 1.24, query processes 2.63, clients 0.50 (4.37 against 4.87 in all, 10 % less)

Throughput and p99 moved within the noise of the shared machine.

On the idle machine, three runs each (``python benchmarks/bench_server_load.py --runaway`` and
``--queries 2000 --clients 64 --runaway --unique``):

* the catalog questions as they are (each evaluated once, then answered from the server's cache), 64
  clients: 0 errors, 2,660-2,790 queries/s, p50 21-22 ms, p99 29-32 ms; CPU ms per query: server 0.35,
  query processes 0.07-0.09, clients 0.27-0.32. With ``--keep-alive``: 3,960 queries/s, p99 30 ms.
  One query on a fresh connection 0.43-0.68 ms, on a kept-alive one 0.28-0.31 ms.
* every text made new (each query evaluated): 0 errors, 577-716 queries/s, p50 86-106 ms, p99 132-156 ms;
  CPU ms per query: server 0.71-0.91, query processes 1.70-2.08 (the runaway's share of idle CPU
  included), clients 0.32-0.42. The quality-control query for classes outside the top-level branches
  took 14 ms of the 50 ms that the 56 catalog queries take together in Oxigraph; written with MINUS it
  takes 1 ms.

The floor for evaluated queries is about 2.8 ms of CPU per query in all (evaluating a catalog query in
Oxigraph and writing its answer ~1 ms in one process, more with eight query processes taking turns on
two cores; handing it to and from a query process ~0.3 ms, the HTTP server ~0.7 ms, the client
~0.3 ms), i.e. about 700 queries/s on two cores: 64 clients in a closed loop each wait ~90 ms on
average, and p99 stays above 100 ms unless every query is answered from the cache.
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


class _Exchange(asyncio.Protocol):
    """One connection's side of the client: sends a request, reads the status, Content-Length and body of the answer."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.answer: asyncio.Future[tuple[int, bool]] | None = None
        self.data = bytearray()
        self.lost = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def send(self, request: bytes) -> asyncio.Future[tuple[int, bool]]:
        assert self.transport is not None
        self.data.clear()
        self.answer = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        return self.answer

    def data_received(self, data: bytes) -> None:
        self.data += data
        end = self.data.find(b"\r\n\r\n")
        if end < 0 or self.answer is None or self.answer.done():
            return
        head = bytes(self.data[:end]).decode("latin-1").split("\r\n")
        length, closing = 0, False
        for line in head[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection":
                closing = value.strip().lower() == "close"
        if len(self.data) >= end + 4 + length:
            self.answer.set_result((int(head[0].split()[1]), closing))

    def connection_lost(self, exc: Exception | None) -> None:
        if self.answer is not None and not self.answer.done():
            self.answer.set_exception(ConnectionResetError("the server closed the connection"))
        if not self.lost.done():
            self.lost.set_result(None)


class Client:
    """One client on a bare asyncio protocol (no streams: the load generator shares the two cores with the server,
    so it does as little as it can): a fresh connection per query, or one kept-alive connection."""

    def __init__(self, port: int, keep_alive: bool) -> None:
        self.port, self.keep_alive = port, keep_alive
        self.connection: _Exchange | None = None

    async def ask(self, query: str, timeout: float = 60) -> tuple[float, int | str]:
        request = (
            f"GET /sparql?{urllib.parse.urlencode({'query': query})} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Accept: {ACCEPT}\r\n{'' if self.keep_alive else 'Connection: close' + chr(13) + chr(10)}\r\n"
        ).encode()
        start = time.perf_counter()
        try:
            return await asyncio.wait_for(self._exchange(request, start), timeout)
        except (OSError, asyncio.TimeoutError, ValueError, IndexError) as exc:
            self.close()
            return time.perf_counter() - start, type(exc).__name__

    async def _exchange(self, request: bytes, start: float) -> tuple[float, int | str]:
        if self.connection is None:
            _transport, self.connection = await asyncio.get_running_loop().create_connection(_Exchange, "127.0.0.1", self.port)
        status, closing = await self.connection.send(request)
        elapsed = time.perf_counter() - start
        if closing or not self.keep_alive:
            self.close()
        return elapsed, status

    def close(self) -> None:
        if self.connection is not None and self.connection.transport is not None:
            self.connection.transport.close()
        self.connection = None


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


def tree_cpu(root: int) -> dict[int, float]:
    """CPU seconds of each live process descending from ``root`` (the zygote and its query processes), ``root`` excluded."""
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                parents[int(name)] = int(open(f"/proc/{name}/stat", encoding="ascii").read().rsplit(")", 1)[1].split()[1])  # noqa: SIM115
            except (OSError, IndexError, ValueError):
                continue
    found: dict[int, float] = {}
    wanted = {root}
    while True:
        more = {pid for pid, parent in parents.items() if parent in wanted and pid not in found and pid != root}
        if not more:
            return found
        for pid in more:
            try:
                found[pid] = cpu_seconds(pid)
            except (OSError, IndexError, ValueError):
                found[pid] = 0.0
        wanted |= more


def workers_cpu(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU the query processes used between two :func:`tree_cpu` readings (one that ended meanwhile is not counted)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


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
        start, server_cpu, client_cpu, workers = time.perf_counter(), cpu_seconds(server_pid), time.process_time(), tree_cpu(server_pid)
        outcomes = await run_load(port, queries, args.queries, clients, args.keep_alive, f"run {clients} {time.time()}" if args.unique else "")
        wall = time.perf_counter() - start
        server_cpu, client_cpu = cpu_seconds(server_pid) - server_cpu, time.process_time() - client_cpu
        query_cpu = workers_cpu(workers, tree_cpu(server_pid))
        latencies = sorted(t * 1000 for t, _ in outcomes)
        errors = [str(o) for _, o in outcomes if o != 200]
        print(
            f"{clients:3d} clients: {len(outcomes)} queries in {wall:.1f} s ({len(outcomes) / wall:.0f}/s), "
            f"errors {len(errors)}{' (' + ', '.join(sorted(set(errors))) + ')' if errors else ''}, latency ms "
            f"p50 {percentile(latencies, 50):.1f} p90 {percentile(latencies, 90):.1f} p99 {percentile(latencies, 99):.1f} "
            f"max {latencies[-1]:.1f}; CPU ms per query: server {server_cpu / len(outcomes) * 1000:.2f}, "
            f"query processes {query_cpu / len(outcomes) * 1000:.2f} (the runaway's included), clients {client_cpu / len(outcomes) * 1000:.2f}"
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
