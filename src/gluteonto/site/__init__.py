"""The static documentation site (``gluteonto site -o DIR``) and serving it (``gluteonto serve``).

>>> from gluteonto.site import build_site           # doctest: +SKIP
>>> build_site(Path("site")).pages                   # doctest: +SKIP
"""

from __future__ import annotations

from .generate import MARKER, SiteReport, build_site
from .serving import serve_site_file

__all__ = ["MARKER", "SiteReport", "build_site", "serve_site_file"]
