"""Link gluteonto with an FMA-shaped file: gluteonto (Oxigraph) against plain rdflib doing the same.

Each side runs in its own process so peak memory (max RSS) is measured separately. Both read the
same gzip'd RDF/XML file, check the mappings and answer a packaged query on the merged graph.
Prints time and peak memory of each and their ratios, all from this one run.

    python benchmarks/bench_fma_link.py --classes 100000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent

GLUTEONTO_SIDE = """
import json, sys, time
t = time.perf_counter()
from gluteonto.tools.fma import link_fma
outcome = link_fma(sys.argv[1])
rows = outcome.session.query("fma/nerve-supply-comparison").rows
print(json.dumps({"seconds": time.perf_counter() - t, "ok": outcome.report.ok, "triples": outcome.report.fma_triples, "rows": len(rows)}))
"""

RDFLIB_SIDE = """
import gzip, json, sys, time
t = time.perf_counter()
from rdflib import Graph
from gluteonto.resources import ontology_file, bridge_file
from gluteonto.query.catalog import load_catalog
from gluteonto.tools.fma import read_fma_mappings
g = Graph()
with gzip.open(sys.argv[1], "rb") as handle:
    g.parse(handle, format="xml")
triples = len(g)
mappings = read_fma_mappings()
found = sum(1 for m in mappings if (m.fma, None, None) in g)
g.parse(ontology_file("ttl", international=True), format="turtle")
g.parse(bridge_file(), format="xml")
from rdflib import URIRef
from gluteonto.query.sparqltext import inject_values
text = inject_values(load_catalog()["fma/nerve-supply-comparison"].text,
                     {"muscle": URIRef("https://w3id.org/gluteonto/GLUTEONTO_0000004")})
rows = list(g.query(text))
print(json.dumps({"seconds": time.perf_counter() - t, "ok": found == len(mappings), "triples": triples, "rows": len(rows)}))
"""


def run(code: str, path: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["peak_mib"] = max(peak_kib, before) / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, default=100_000)
    parser.add_argument("--skip-rdflib", action="store_true", help="only measure gluteonto")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import fma_shaped

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fma-shaped.owl.gz"
        start = time.perf_counter()
        fma_shaped.write(path, args.classes, "owl", fma_shaped.mapped_names())
        print(f"generated {args.classes:,} FMA-shaped classes in {time.perf_counter() - start:.1f} s ({path.stat().st_size / 1e6:.1f} MB gzip)")
        ours = run(GLUTEONTO_SIDE, path)
        print(f"gluteonto link-fma (Oxigraph): {ours['seconds']:.1f} s, peak {ours['peak_mib']:.0f} MiB, "
              f"{ours['triples']:,} triples, mappings ok={ours['ok']}, query rows={ours['rows']}")
        if args.skip_rdflib:
            return
        # RUSAGE_CHILDREN keeps the maximum over all children, so run rdflib second.
        plain = run(RDFLIB_SIDE, path)
        print(f"plain rdflib:                  {plain['seconds']:.1f} s, peak {plain['peak_mib']:.0f} MiB, "
              f"{plain['triples']:,} triples, mappings ok={plain['ok']}, query rows={plain['rows']}")
        print(f"ratio rdflib/gluteonto: time {plain['seconds'] / ours['seconds']:.1f}x, "
              f"peak memory {plain['peak_mib'] / ours['peak_mib']:.1f}x (same run)")


if __name__ == "__main__":
    main()
