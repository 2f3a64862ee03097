"""The limits that keep one input or one query from exhausting the machine, in one place.

Every value here is a default: commands expose the ones a user may reasonably need to change
(``--timeout``, ``serve --max-rows``…), the others bound what a hostile file can make a parser do.
"""

from __future__ import annotations

__all__ = [
    "ENDPOINT_MAX_BYTES",
    "MAX_ENTITY_DECLARATIONS",
    "MAX_ENTITY_VALUE",
    "MAX_INPUT_BYTES",
    "MAX_IRI_CHARS",
    "MAX_LITERAL_CHARS",
    "MAX_QUERY_BYTES",
    "MAX_ROWS",
    "PUSH_MAX_BYTES",
    "QUERY_MEMORY",
    "QUERY_TIMEOUT",
    "REASON_TIMEOUT",
    "SERVER_BODY_TIMEOUT",
    "SERVER_CONCURRENCY",
    "SERVER_IDLE_TIMEOUT",
    "SERVER_MAX_BODY",
    "SERVER_MAX_BYTES",
    "SERVER_MAX_ROWS",
    "SERVER_MEMORY",
    "SERVER_QUERY_TIMEOUT",
]

#: seconds an ad-hoc or packaged query may run on the command line (``--timeout``; 0 = no limit)
QUERY_TIMEOUT = 60.0
#: bytes of address space a command-line query may add to the loaded data
QUERY_MEMORY = 4 * 1024 * 1024 * 1024
#: seconds HermiT may classify (``reason --timeout``)
REASON_TIMEOUT = 600.0
#: seconds one SPARQL request may take on the server, streaming included
SERVER_QUERY_TIMEOUT = 30.0

#: solutions (or triples) one command-line query may return
MAX_ROWS = 1_000_000
#: solutions (or triples) one server answer may hold
SERVER_MAX_ROWS = 100_000
#: bytes one server answer may hold
SERVER_MAX_BYTES = 64 * 1024 * 1024
#: bytes of a POSTed query
SERVER_MAX_BODY = 1024 * 1024
#: seconds a client has to send its request body
SERVER_BODY_TIMEOUT = 10.0
#: seconds an idle keep-alive connection stays open
SERVER_IDLE_TIMEOUT = 5.0
#: queries evaluated at the same time (further requests wait their turn)
SERVER_CONCURRENCY = 8
#: bytes of address space a query process may add to the loaded store
SERVER_MEMORY = 2 * 1024 * 1024 * 1024

#: characters of one literal or IRI in an input file (larger terms are refused before any engine sees them)
MAX_LITERAL_CHARS = 4 * 1024 * 1024
MAX_IRI_CHARS = 64 * 1024
#: bytes read from one input file after decompression (bounds a gzip bomb)
MAX_INPUT_BYTES = 8 * 1024 * 1024 * 1024
#: bytes of a SPARQL query file or standard input
MAX_QUERY_BYTES = 4 * 1024 * 1024
#: RDF/XML: plain internal entity declarations allowed in a DTD, and the length of each value
MAX_ENTITY_DECLARATIONS = 1000
MAX_ENTITY_VALUE = 1024
#: bytes read from a remote SPARQL endpoint's answer
ENDPOINT_MAX_BYTES = 256 * 1024 * 1024
#: largest file (as N-Triples) ``gluteonto push`` sends in one request (it is held in memory)
PUSH_MAX_BYTES = 512 * 1024 * 1024
