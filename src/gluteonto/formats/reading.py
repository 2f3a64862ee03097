"""RDF syntaxes of files: the syntax from the file name (rdflib's names, Oxigraph's formats), looking through gzip.

Opening and parsing a user's file is :mod:`.safe_read`'s job.

>>> syntax_for(Path("fma.owl.gz"))
RdfSyntax(rdflib='xml', oxigraph=<RdfFormat RDF/XML>)
>>> syntax_for(Path("data.ttl")).media_type
'text/turtle'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..i18n import MessageError

__all__ = ["RdfSyntax", "no_triples", "syntax_for"]

#: rdflib parser name → the same syntax in pyoxigraph (the triple syntaxes a graph file may use).
_OXIGRAPH = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "xml": ox.RdfFormat.RDF_XML,
    "json-ld": ox.RdfFormat.JSON_LD,
    "n3": ox.RdfFormat.N3,
}

#: file suffix → rdflib parser name (rdflib's own table for these syntaxes, without importing rdflib)
_SUFFIXES = {
    "xml": "xml",
    "rdf": "xml",
    "owl": "xml",
    "n3": "n3",
    "ttl": "turtle",
    "nt": "nt",
    "json": "json-ld",
    "jsonld": "json-ld",
    "json-ld": "json-ld",
    "turtle": "turtle",
    "ntriples": "nt",
}

#: file suffix → the ontology syntax it names that is not RDF (gluteonto export writes them; link reads OBO)
_NOT_RDF = {"obo": "OBO", "ofn": "OWL functional syntax", "omn": "OWL Manchester syntax"}


@dataclass(frozen=True)
class RdfSyntax:
    """One RDF syntax, named as rdflib and as pyoxigraph name it."""

    rdflib: str
    oxigraph: ox.RdfFormat

    @property
    def media_type(self) -> str:
        """The syntax's media type, e.g. ``text/turtle``."""
        return str(self.oxigraph.media_type)


def syntax_for(path: Path) -> RdfSyntax:
    """The RDF syntax of a file, from its name (looking through ``.gz``); InputError if unknown."""
    name = Path(path).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    suffix = name.rpartition(".")[2].lower() if "." in name else ""
    if suffix in _NOT_RDF:
        raise MessageError(("file not rdf", {"path": path, "kind": _NOT_RDF[suffix]}))
    guessed = _SUFFIXES.get(suffix)
    if guessed not in _OXIGRAPH:
        known = sorted(f".{s.oxigraph.file_extension}" for s in map(_syntax, _OXIGRAPH)) + [".owl"]
        raise MessageError(("file format unknown", {"path": path, "known": ", ".join(known)}))
    return _syntax(guessed)


def _syntax(rdflib_name: str) -> RdfSyntax:
    return RdfSyntax(rdflib_name, _OXIGRAPH[rdflib_name])


def no_triples(path: Path) -> MessageError:
    """The error for a file that gave no triples: an OBO Graphs JSON file (read as JSON-LD, it holds none) is
    named as what it is; anything else "contains no RDF triples"."""
    if Path(path).name.lower().endswith(".json"):
        try:
            with open(path, "rb") as handle:
                head = handle.read(4096)
        except OSError:
            head = b""
        if b'"graphs"' in head and b'"@context"' not in head:
            return MessageError(("file not rdf", {"path": path, "kind": "OBO Graphs JSON"}))
    return MessageError(("file no triples", {"path": path}))
