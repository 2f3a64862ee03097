"""The whole catalog gives the same answers on SPARQL servers as on the embedded engines."""

from __future__ import annotations

from gluteonto import Session
from gluteonto.engines import EndpointEngine
from gluteonto.query.catalog import load_catalog

CATALOG = load_catalog()


def _compare_catalog(remote: Session, local: Session) -> None:
    for name, spec in CATALOG.items():
        if spec.group in ("FMA comparison", "Uberon comparison"):
            continue
        assert remote.query(name).as_set() == local.query(name).as_set(), name


def test_whole_catalog_on_oxigraph_server_matches_embedded(oxigraph_server: str, rdflib_session: Session) -> None:
    remote = Session(store=EndpointEngine(oxigraph_server), index=rdflib_session.index)
    _compare_catalog(remote, rdflib_session)


def test_whole_catalog_on_gluteonto_serve_matches_embedded(gluteonto_endpoint: str, oxigraph_session: Session) -> None:
    remote = Session(endpoint=gluteonto_endpoint)
    _compare_catalog(remote, oxigraph_session)
