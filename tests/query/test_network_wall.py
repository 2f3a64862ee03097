"""The network wall behind the SERVICE check: a child that runs text a user wrote reaches no network.

A packaged catalog question whose text does not spell ``service`` runs without the wall (it cannot hold a
SERVICE clause, and it costs the everyday ``gluteonto query`` about 6 ms of CPU), and over the packaged
release alone without a child at all (its time is bounded by the release); these tests prove that user
text keeps the child and the wall, that a packaged text spelling ``service`` keeps the wall too, that a
packaged question over other data keeps the child, that no packaged question spells ``service``, and
that every packaged question answers the release quickly.

Whether a child can reach the network is told without a server: connecting to a closed port on the
loopback interface is *refused* where there is a network, and *unreachable* in a new, empty network
namespace (whose loopback is down).
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import time
from collections.abc import Mapping
from typing import Any

import pytest

from gluteonto.i18n import MessageError
from gluteonto.isolate import deny_network, run_isolated
from gluteonto.query.catalog import load_catalog
from gluteonto.query.session import Session
from gluteonto.sparql.guard import find_service, mentions_service
from gluteonto.sparql.results import QueryResult

from ..helpers import DATA


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _reach(port: int) -> int:
    """The errno of connecting to ``port`` on the loopback interface (0 when it connected)."""
    with socket.socket() as probe:
        probe.settimeout(5)
        try:
            probe.connect(("127.0.0.1", port))
        except OSError as exc:
            return exc.errno or -1
    return 0


@pytest.fixture(scope="module")
def walls() -> bool:
    """True where this system lets a process enter a network namespace of its own."""
    return run_isolated(deny_network, timeout=30)


def _wall_needed(walls: bool) -> None:
    if not walls:
        pytest.skip("this system allows no network namespace: the SERVICE parser is the only wall")


def test_an_offline_child_reaches_no_network(walls: bool) -> None:
    _wall_needed(walls)
    port = _closed_port()
    assert run_isolated(lambda: _reach(port), timeout=30) == errno.ECONNREFUSED  # control: the network is there
    assert run_isolated(lambda: _reach(port), timeout=30, offline=True) == errno.ENETUNREACH


class _Probe:
    """An engine query that, instead of answering, reports whether its process reaches the network."""

    def __init__(self) -> None:
        self.port = _closed_port()
        self.texts: list[str] = []

    def __call__(self, text: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        from gluteonto.terms import literal

        self.texts.append(text)
        return QueryResult(["errno", "pid"], cells=[(literal(str(_reach(self.port))), literal(str(os.getpid())))])


@pytest.fixture
def probed(monkeypatch: pytest.MonkeyPatch) -> tuple[Session, _Probe]:
    session = Session("oxigraph", timeout=30)
    probe = _Probe()
    monkeypatch.setattr(session.engine, "query", probe)
    return session, probe


def _errno(result: QueryResult) -> int:
    cell = result.cells[0][0]
    assert cell is not None
    return int(cell.value)


def _in_child(result: QueryResult) -> bool:
    cell = result.cells[0][1]
    assert cell is not None
    return int(cell.value) != os.getpid()


def test_user_sparql_runs_behind_the_network_wall(walls: bool, probed: tuple[Session, _Probe]) -> None:
    _wall_needed(walls)
    session, _probe = probed
    answer = session.sparql("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert _errno(answer) == errno.ENETUNREACH and _in_child(answer)
    assert _errno(session.run("ASK { ?s ?p ?o }")) == errno.ENETUNREACH  # run's default: text of unknown origin


def test_packaged_text_that_spells_service_keeps_the_wall(walls: bool, probed: tuple[Session, _Probe]) -> None:
    _wall_needed(walls)
    session, _probe = probed
    assert _errno(session.run("# a service note\nASK { ?s ?p ?o }", packaged=True)) == errno.ENETUNREACH


def test_packaged_question_over_the_release_runs_in_this_process(probed: tuple[Session, _Probe]) -> None:
    """The decision documented in gluteonto.isolate: the everyday question is spared the child's cost."""
    session, probe = probed
    answer = session.query("innervation")
    assert not _in_child(answer) and _errno(answer) == errno.ECONNREFUSED
    assert probe.texts and not mentions_service(probe.texts[0])


def test_packaged_question_over_other_data_runs_in_a_child_without_the_wall(walls: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    _wall_needed(walls)
    session = Session("oxigraph", [DATA / "fma-fixture.ttl"], timeout=30)
    monkeypatch.setattr(session.engine, "query", _Probe())
    answer = session.query("innervation")
    assert _in_child(answer) and _errno(answer) == errno.ECONNREFUSED


def test_every_packaged_question_answers_the_release_quickly() -> None:
    """What lets a packaged question over the release run without a killable child: none takes long."""
    session = Session("oxigraph")
    for spec in session.queries():
        start = time.monotonic()
        with contextlib.suppress(MessageError):  # a question whose default needs FMA says so; it still ran no query for long
            session.query(spec.name)
        assert time.monotonic() - start < 5, spec.name


def test_federation_allowed_lifts_the_wall(walls: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    _wall_needed(walls)
    session = Session("oxigraph", timeout=30, allow_federation=True)
    monkeypatch.setattr(session.engine, "query", _Probe())
    assert _errno(session.sparql("SELECT * WHERE { ?s ?p ?o } LIMIT 1")) == errno.ECONNREFUSED


def test_no_packaged_question_spells_service() -> None:
    """What lets a packaged question run without the wall: its text cannot hold a SERVICE clause."""
    catalog = load_catalog()
    assert catalog
    spelled = sorted(name for name, spec in catalog.items() if mentions_service(spec.text) or find_service(spec.text) is not None)
    assert not spelled, f"packaged questions that spell 'service': {spelled}"
