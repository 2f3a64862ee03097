"""The static documentation site (``gluteonto site -o DIR``), which ``gluteonto serve`` shows at ``/``.

>>> from gluteonto.site import build_site           # doctest: +SKIP
>>> build_site(Path("site")).pages                   # doctest: +SKIP
"""

from __future__ import annotations

from .generate import MARKER, SiteReport, build_site

__all__ = ["MARKER", "SiteReport", "build_site"]
