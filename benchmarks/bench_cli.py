"""CPU cost of everyday commands against a bare pyoxigraph script, as ratios from one run.

The bare script loads the packaged Turtle into pyoxigraph and runs the packaged ``innervation``
query: the least any tool can do for that question. Each command runs as a subprocess several
times; the figure is the median CPU time (user + system, from ``getrusage(RUSAGE_CHILDREN)``).

    python benchmarks/bench_cli.py [--repeat 5]

Target: ``query innervation`` at most about 3x the bare script.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from gluteonto.resources import ontology_file, queries_dir

BARE = """
import sys
import pyoxigraph as ox
store = ox.Store()
store.load(path=sys.argv[1], format=ox.RdfFormat.TURTLE)
for solution in store.query(open(sys.argv[2], encoding="utf-8").read()):
    print(*(term.value if term is not None else "" for term in solution))
"""


def _cli() -> list[str]:
    found = shutil.which("gluteonto", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "gluteonto"]


#: The commands run as after a pip install, which compiles the byte code: the warm-up run writes it here.
_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def cpu_seconds(command: list[str]) -> float:
    """CPU time (user + system) a subprocess used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(command: list[str], repeat: int) -> float:
    cpu_seconds(command)  # warm the file cache and the byte-code cache
    return statistics.median(cpu_seconds(command) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (median taken)")
    args = parser.parse_args()
    cli = _cli()
    bare = [sys.executable, "-c", BARE, str(ontology_file("ttl", international=True)), str(queries_dir() / "innervation.rq")]
    commands = {
        "bare pyoxigraph script": bare,
        "gluteonto query innervation": [*cli, "query", "innervation"],
        "gluteonto query innervation --lang nb --format csv": [*cli, "query", "innervation", "--lang", "nb", "--format", "csv"],
        "gluteonto info": [*cli, "info"],
        "gluteonto qc": [*cli, "qc"],
        "gluteonto validate": [*cli, "validate"],
    }
    base = median_cpu(bare, args.repeat)
    print(f"{'command':<52} {'CPU s':>7} {'ratio':>7}")
    measured: dict[str, float] = {}
    for name, command in commands.items():
        measured[name] = base if command is bare else median_cpu(command, args.repeat)
        print(f"{name:<52} {measured[name]:7.3f} {measured[name] / base:6.1f}x")
    query = measured["gluteonto query innervation"]
    verdict = "met" if query <= 3 * base else "NOT met"
    print(f"target: a catalog question at most ~3x the bare script -> {verdict} ({query / base:.1f}x)")


if __name__ == "__main__":
    main()
