"""Links from identifiers (CURIEs or IRIs) of mapped vocabularies to pages a reader can open.

OBO vocabularies (Uberon, HPO, MONDO, EMAPA) resolve through their OBO PURL; FMA classes are
opened in BioPortal, which shows FMA under the same IRIs gluteonto uses. Vocabularies without a
public resolvable address (SNOMED CT) get no link.
"""

from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING

from ..vocab import FMA, OBO, compact_iri
from .model import Mapping

if TYPE_CHECKING:
    from .model import Mapping

__all__ = ["mapping_for", "url_for"]

_OBO_PREFIXES = ("UBERON", "HP", "MONDO", "EMAPA", "RO", "BFO", "IAO")
_BIOPORTAL_FMA = "https://bioportal.bioontology.org/ontologies/FMA?p=classes&conceptid="


def _curie(value: str) -> str:
    if value.startswith(str(OBO)):
        local = value[len(str(OBO)) :]
        prefix, _, rest = local.partition("_")
        return f"{prefix}:{rest}" if rest else value
    if value.startswith(str(FMA) + "fma"):
        return "FMA:" + value[len(str(FMA)) + 3 :]
    return compact_iri(value) if value.startswith("http") else value


def url_for(curie: str) -> str | None:
    """A page for ``curie`` (``FMA:22317``, ``UBERON:NNNNNNN``…), or None if none is known."""
    prefix, sep, local = curie.partition(":")
    if not sep or not local:
        return None
    if prefix in _OBO_PREFIXES:
        return f"{OBO}{prefix}_{local}"
    if prefix == "FMA" and local.isdigit():
        return _BIOPORTAL_FMA + urllib.parse.quote(f"{FMA}fma{local}", safe="")
    return None


def mapping_for(value: str, predicate: str) -> Mapping:
    """A :class:`~gluteonto.card.model.Mapping` for an IRI or CURIE string."""
    curie = _curie(value)
    return Mapping(vocabulary=curie.partition(":")[0], curie=curie, predicate=predicate, url=url_for(curie))
