"""SHACL engines behind one interface (:mod:`.engines`), used by ``gluteonto validate``."""

from __future__ import annotations

__all__: list[str] = []
