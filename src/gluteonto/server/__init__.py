"""The SPARQL server's parts: the ASGI application, query processes, static files (``gluteonto serve``)."""

from __future__ import annotations

from .app import SparqlApp
from .static import static_site
from .workers import QueryJob, QueryPool

__all__ = ["QueryJob", "QueryPool", "SparqlApp", "static_site"]
