"""The limits that keep one input or one query from exhausting the machine, in one place.

Every value here is a default: commands expose the ones a user may reasonably need to change
(``--timeout``, ``serve --max-rows``…), the others bound what a hostile file can make a parser do.
"""

from __future__ import annotations

__all__ = [
    "ENDPOINT_MAX_BYTES",
    "ENTITY_EXPANSION_RATIO",
    "LINK_MEMORY",
    "MAX_CATALOG_BYTES",
    "MAX_ENTITY_DECLARATIONS",
    "MAX_ENTITY_EXPANSION",
    "MAX_ENTITY_VALUE",
    "MAX_INPUT_BYTES",
    "MAX_IRI_CHARS",
    "MAX_JSON_VALUE_CHARS",
    "MAX_LINE_BYTES",
    "MAX_LITERAL_CHARS",
    "MAX_NESTING_DEPTH",
    "MAX_QUERY_BYTES",
    "MAX_ROWS",
    "MAX_TOKEN_BYTES",
    "MAX_TIMEOUT",
    "PUSH_MAX_BYTES",
    "QUERY_MEMORY",
    "QUERY_TIMEOUT",
    "REASON_TIMEOUT",
    "SERVER_BODY_TIMEOUT",
    "SERVER_CACHE_BYTES",
    "SERVER_CONCURRENCY",
    "SERVER_IDLE_TIMEOUT",
    "SERVER_MAX_BODY",
    "SERVER_MAX_BYTES",
    "SERVER_MAX_CONNECTIONS",
    "SERVER_MAX_PATH_CHARS",
    "SERVER_MAX_PATH_DEPTH",
    "SERVER_MAX_ROWS",
    "SERVER_MEMORY",
    "SERVER_QUERY_TIMEOUT",
    "SERVER_SLOW_NICENESS",
    "SERVER_SLOW_QUERY",
    "SERVER_SPAWN_TIMEOUT",
]

#: seconds an ad-hoc or packaged query may run on the command line (``--timeout``; 0 = no limit)
QUERY_TIMEOUT = 60.0
#: bytes of address space a command-line query may add to the loaded data
QUERY_MEMORY = 4 * 1024 * 1024 * 1024
#: bytes of address space ``link`` may add while it reads an FMA or Uberon file and checks the mappings
#: (the whole FMA, five million triples, needs well under 1 GiB: only what linking needs is kept)
LINK_MEMORY = 4 * 1024 * 1024 * 1024
#: the longest time limit a command accepts (a week; ``nan``, ``inf`` and larger numbers are refused)
MAX_TIMEOUT = 7 * 24 * 3600.0
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
#: seconds a client has to send its whole request body (however it trickles in)
SERVER_BODY_TIMEOUT = 10.0
#: seconds an idle keep-alive connection stays open
SERVER_IDLE_TIMEOUT = 5.0
#: queries evaluated at the same time (further requests wait their turn)
SERVER_CONCURRENCY = 8
#: bytes of address space a query process may add to the loaded store
SERVER_MEMORY = 2 * 1024 * 1024 * 1024
#: seconds after which a running query's process gets a lower CPU priority (niceness below), so that one long
#: query does not slow down the short ones; such a process is not reused
SERVER_SLOW_QUERY = 1.0
SERVER_SLOW_NICENESS = 10
#: seconds the process that forks query processes may take to fork one before it is replaced
SERVER_SPAWN_TIMEOUT = 5.0
#: open connections; beyond this, idle ones (no request in progress) are closed, oldest first
SERVER_MAX_CONNECTIONS = 4096
#: bytes of complete answers the server keeps to answer the same query again without evaluating it (0: none)
SERVER_CACHE_BYTES = 64 * 1024 * 1024
#: the static site: characters and parts of a path worth looking up (longer or deeper names are not found)
SERVER_MAX_PATH_CHARS = 1024
SERVER_MAX_PATH_DEPTH = 32

#: characters of one literal or IRI in an input file (larger terms are refused before any engine sees them)
MAX_LITERAL_CHARS = 4 * 1024 * 1024
MAX_IRI_CHARS = 64 * 1024
#: bytes read from one input file after decompression (bounds a gzip bomb)
MAX_INPUT_BYTES = 8 * 1024 * 1024 * 1024
#: bytes of an XML catalog (catalog-v001.xml) that maps imports to local files
MAX_CATALOG_BYTES = 1024 * 1024
#: bytes of a SPARQL query file or standard input
MAX_QUERY_BYTES = 4 * 1024 * 1024
#: RDF/XML: plain internal entity declarations allowed in a DTD, and the length of each value
MAX_ENTITY_DECLARATIONS = 1000
MAX_ENTITY_VALUE = 1024
#: RDF/XML: characters entity references may add to a document: this much, plus the ratio times the bytes read
MAX_ENTITY_EXPANSION = 16 * 1024 * 1024
ENTITY_EXPANSION_RATIO = 2
#: RDF/XML elements or JSON arrays and objects nested deeper than this are refused (parsers slow down, or overflow the stack)
MAX_NESTING_DEPTH = 1000
#: characters of one value of a JSON document read as a stream (an obographs node or edge); only one is held at a time
MAX_JSON_VALUE_CHARS = 64 * 1024 * 1024
#: bytes of one XML tag, comment, processing instruction or declaration
MAX_TOKEN_BYTES = 16 * 1024 * 1024
#: bytes of one line of an OBO file (room for a literal of the largest size in UTF-8, and its tag)
MAX_LINE_BYTES = 4 * MAX_LITERAL_CHARS + 64 * 1024
#: bytes read from a remote SPARQL endpoint's answer
ENDPOINT_MAX_BYTES = 256 * 1024 * 1024
#: largest file (as N-Triples) ``gluteonto push`` sends in one request (it is held in memory)
PUSH_MAX_BYTES = 512 * 1024 * 1024
