"""Write an FMA-shaped OWL file: FMA's IRIs and property style, N classes, for benchmarks.

Synthetic, not FMA: classes http://purl.org/sig/ont/fma/fma<N> with rdfs:label, fma:preferred_name,
fma:FMAID and fma:synonym, a subclass tree, and a few someValuesFrom restrictions per class over
FMA's property names (regional_part_of, constitutional_part_of, nerve_supply, arterial_supply,
branch_of). gluteonto's mapped FMA ids are included with matching names so a link finds them.

    python benchmarks/fma_shaped.py --triples 5000000 --format owl --output /tmp/fma-shaped.owl.gz
"""

from __future__ import annotations

import argparse
import gzip
import random
from pathlib import Path

PROPERTIES = ["regional_part_of", "constitutional_part_of", "nerve_supply", "arterial_supply", "branch_of"]


def _classes(count: int, mapped: dict[int, str], seed: int = 7) -> list[tuple[int, str, int, list[tuple[str, int]]]]:
    rng = random.Random(seed)
    ids = sorted(set(range(1, count + 1)) | set(mapped))[: max(count, len(mapped))]
    ids = sorted(set(ids) | set(mapped))
    out = []
    for index, number in enumerate(ids):
        parent = ids[rng.randrange(index)] if index else number
        restrictions = [(rng.choice(PROPERTIES), ids[rng.randrange(len(ids))]) for _ in range(rng.randint(1, 4))]
        name = mapped.get(number, f"Anatomical entity {number}")
        out.append((number, name, parent, restrictions))
    return out


def write(path: Path, count: int, fmt: str, mapped: dict[int, str]) -> None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:  # type: ignore[operator]
        if fmt == "owl":
            out.write(
                '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                'xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#" xmlns:owl="http://www.w3.org/2002/07/owl#" '
                'xmlns:fma="http://purl.org/sig/ont/fma/" xml:base="http://purl.org/sig/ont/fma.owl">\n'
                '<owl:Ontology rdf:about="http://purl.org/sig/ont/fma.owl"/>\n'
            )
            for number, name, parent, restrictions in _classes(count, mapped):
                out.write(
                    f'<owl:Class rdf:about="http://purl.org/sig/ont/fma/fma{number}">'
                    f'<rdfs:label xml:lang="en">{name}</rdfs:label><fma:preferred_name>{name}</fma:preferred_name>'
                    f'<fma:FMAID rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">{number}</fma:FMAID>'
                    f"<fma:synonym>{name} (synonym)</fma:synonym>"
                )
                if parent != number:
                    out.write(f'<rdfs:subClassOf rdf:resource="http://purl.org/sig/ont/fma/fma{parent}"/>')
                for prop, filler in restrictions:
                    out.write(
                        f'<rdfs:subClassOf><owl:Restriction><owl:onProperty rdf:resource="http://purl.org/sig/ont/fma/{prop}"/>'
                        f'<owl:someValuesFrom rdf:resource="http://purl.org/sig/ont/fma/fma{filler}"/></owl:Restriction></rdfs:subClassOf>'
                    )
                out.write("</owl:Class>\n")
            out.write("</rdf:RDF>\n")
        else:
            out.write(
                "@prefix fma: <http://purl.org/sig/ont/fma/> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            )
            for number, name, parent, restrictions in _classes(count, mapped):
                parts = [
                    f"fma:fma{number} a owl:Class",
                    f'rdfs:label "{name}"@en',
                    f'fma:preferred_name "{name}"',
                    f"fma:FMAID {number}",
                    f'fma:synonym "{name} (synonym)"',
                ]
                if parent != number:
                    parts.append(f"rdfs:subClassOf fma:fma{parent}")
                parts += [f"rdfs:subClassOf [ a owl:Restriction ; owl:onProperty fma:{p} ; owl:someValuesFrom fma:fma{f} ]" for p, f in restrictions]
                out.write(" ;\n  ".join(parts) + " .\n")


#: Triples per class in the shape written here (measured: 4,573,740 triples for 286,000 classes).
TRIPLES_PER_CLASS = 15.99


def classes_for(triples: int) -> int:
    """Classes to write for a file of at least ``triples`` triples."""
    return int(triples / TRIPLES_PER_CLASS * 1.01) + 1


def mapped_names() -> dict[int, str]:
    """gluteonto's exact FMA mappings with the names a real FMA would match."""
    from gluteonto.tools.link import read_mappings

    names = {}
    for m in read_mappings("FMA"):
        label = m.object_label or m.subject_label[:1].upper() + m.subject_label[1:]
        names[int(m.object.split(":", 1)[1])] = label
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, default=100_000)
    parser.add_argument("--triples", type=int, help="write at least this many triples (overrides --classes)")
    parser.add_argument("--format", choices=["owl", "ttl"], default="owl")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    write(args.output, classes_for(args.triples) if args.triples else args.classes, args.format, mapped_names())
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
