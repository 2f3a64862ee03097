"""RDF syntaxes: reading files of any common syntax, and the deterministic writers the releases use."""

from __future__ import annotations

from .jsonld import to_jsonld
from .rdfxml import to_rdfxml
from .reading import RdfSyntax, open_rdf_stream, reading_rdf, syntax_for

__all__ = ["RdfSyntax", "syntax_for", "open_rdf_stream", "reading_rdf", "to_rdfxml", "to_jsonld"]
