"""A generated site kept in the user's cache folder, so ``gluteonto serve`` can show one without a build step.

The folder name carries the package version and a digest of the site's inputs (the ontology
release, the query catalog, the site's own code and assets and the message catalogues), so a new
release, or a changed page or wording, gets a fresh site.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from ..i18n import msg
from ..resources import ontology_file, queries_dir
from ..version import package_version
from .generate import MARKER, build_site

__all__ = ["cache_root", "cached_site"]


def cache_root() -> Path:
    """``$XDG_CACHE_HOME/gluteonto`` (``~/.cache/gluteonto`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gluteonto"


def _digest() -> str:
    digest = hashlib.sha256(ontology_file("ttl", international=True).read_bytes())
    for path in sorted(queries_dir().rglob("*.rq")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    package = Path(__file__).resolve().parent
    made_by = [*package.rglob("*.py"), *(package / "static").glob("*"), *(package.parent / "locale").rglob("*.mo")]
    for path in sorted(made_by):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached_site(progress: Callable[[str], None] | None = None, lang: str = "en") -> Path:
    """The cached site for this installation, generated on first use (``progress`` told so in ``lang``)."""
    target = cache_root() / f"site-{package_version()}-{_digest()}"
    if not (target / MARKER).is_file():
        if progress:
            progress(msg("site generating", lang, path=target))
        build_site(target)
    return target
