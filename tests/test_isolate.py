"""Work in a killable child: results come back, errors keep their type, time and memory are bounded."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from gluteonto.errors import EngineError, InputError
from gluteonto.isolate import QueryTimeout, run_isolated


def test_result_and_errors_come_back() -> None:
    assert run_isolated(lambda: {"answer": [1, 2]}, timeout=30) == {"answer": [1, 2]}

    def refuse() -> None:
        raise InputError("bad input")

    with pytest.raises(InputError, match="bad input"):
        run_isolated(refuse, timeout=30)


def test_time_is_bounded() -> None:
    start = time.monotonic()
    with pytest.raises(QueryTimeout, match="did not finish within 0.5 s"):
        run_isolated(lambda: time.sleep(30), timeout=0.5)
    assert time.monotonic() - start < 5


def test_memory_is_bounded() -> None:
    with pytest.raises(EngineError, match="out of memory"):
        run_isolated(lambda: len(bytearray(2 * 1024 * 1024 * 1024)), timeout=30, memory=256 * 1024 * 1024)


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs Linux's /proc")
def test_address_space_is_the_process_vmsize() -> None:
    from gluteonto.isolate import _address_space

    status = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmSize:"))
    assert abs(_address_space() - int(status.split()[1]) * 1024) < 16 * 1024 * 1024


def test_a_capped_child_that_aborts_is_reported_as_out_of_memory() -> None:
    """Oxigraph (Rust) aborts when an allocation fails, and under load not always after saying so: that was 'signal SIGABRT'."""
    import faulthandler
    import os

    def abort() -> None:
        faulthandler.disable()  # pytest's fault handler would print the child's stack into the test log
        os.abort()

    with pytest.raises(EngineError, match="ran out of memory"):
        run_isolated(abort, timeout=30, memory=1 << 30)
    with pytest.raises(EngineError, match="SIGABRT"):  # without a memory cap an abort is only an abort
        run_isolated(abort, timeout=30)
