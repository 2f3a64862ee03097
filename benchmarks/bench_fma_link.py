"""`gluteonto link` on an FMA-shaped file against a bare pyoxigraph bulk load of the same file.

Both sides read the same gzip'd RDF/XML file (FMA's shape, see ``fma_shaped.py``) in their own
process, so wall time and peak memory (max RSS) are measured for each; the runs
alternate (bare, link, bare, link, …) so both see the same machine load, and the figures are
medians. The bare side is the least any tool can do with the file: ``Store().bulk_load`` of the
stream, nothing else. The link side is the command a user runs: ``gluteonto link FILE`` (read,
recognise the distribution, check every mapping, merge with gluteonto and the bridge).

    python benchmarks/bench_fma_link.py --triples 5000000 [--repeat 3] [--keep FILE]

Targets: link at most 1.3x the bare load's time, link's peak memory at most 2 GB.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
TIME_TARGET = 1.3
MEMORY_TARGET_MIB = 2048

BARE = """
import gzip, sys, pyoxigraph as ox
store = ox.Store()
with gzip.open(sys.argv[1], "rb") as stream:
    store.bulk_load(stream, ox.RdfFormat.RDF_XML)
print(len(store))
"""


def _cli() -> list[str]:
    found = shutil.which("gluteonto", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "gluteonto"]


#: Runs the command as its child and prints that child's peak memory: a process forked straight from this
#: one would start with this process's pages counted in its peak (Linux keeps the high-water mark across exec).
LAUNCHER = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)"
)


def measure(command: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak memory (MiB), exit code and standard output of one command in a fresh process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", LAUNCHER, *command], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kib / 1024, done.returncode, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=5_000_000, help="size of the generated file (at least this many triples)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side")
    parser.add_argument("--keep", type=Path, help="keep the generated file here (reused if it exists)")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import fma_shaped

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "fma-shaped.owl.gz"
        if not path.exists():
            start = time.perf_counter()
            classes = fma_shaped.classes_for(args.triples)
            fma_shaped.write(path, classes, "owl", fma_shaped.mapped_names())
            print(
                f"generated {classes:,} FMA-shaped classes in {time.perf_counter() - start:.0f} s "
                f"({path.stat().st_size / 1e6:.1f} MB gzip'd RDF/XML)",
                flush=True,
            )
        bare_runs, link_runs = [], []
        triples = 0
        for run in range(args.repeat):
            seconds, mib, _code, out = measure([sys.executable, "-c", BARE, str(path)])
            triples = int(out.strip().splitlines()[-1])
            bare_runs.append((seconds, mib))
            seconds, mib, code, out = measure([*_cli(), "link", str(path), "--quiet", "--lang", "en"])
            if code not in (0, 1):  # 1: the link ran and found mapping problems
                raise SystemExit(f"gluteonto link failed ({code}):\n{out}")
            link_runs.append((seconds, mib))
            print(
                f"run {run + 1}: bare {bare_runs[-1][0]:.1f} s {bare_runs[-1][1]:.0f} MiB; link {link_runs[-1][0]:.1f} s {link_runs[-1][1]:.0f} MiB",
                flush=True,
            )
        print(out.strip().splitlines()[0])
        bare_s, bare_mib = statistics.median(r[0] for r in bare_runs), statistics.median(r[1] for r in bare_runs)
        link_s, link_mib = statistics.median(r[0] for r in link_runs), statistics.median(r[1] for r in link_runs)
        ratio = link_s / bare_s
        print(f"\n{triples:,} triples; medians of {args.repeat} alternating runs")
        print(f"bare pyoxigraph bulk_load: {bare_s:6.1f} s, peak {bare_mib:5.0f} MiB")
        print(f"gluteonto link:            {link_s:6.1f} s, peak {link_mib:5.0f} MiB")
        print(
            f"ratio link/bare: time {ratio:.2f}x (target <= {TIME_TARGET}x), link peak memory {link_mib:.0f} MiB (target <= {MEMORY_TARGET_MIB} MiB)"
        )
        ok = ratio <= TIME_TARGET and link_mib <= MEMORY_TARGET_MIB and triples >= args.triples
        print("targets met" if ok else "TARGETS NOT MET")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
