"""The address-space cap shared by isolated queries and the server's workers (gluteonto.isolate)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import ROOT

pytestmark = [
    pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to read the process size"),
    pytest.mark.slow,
]  # each test runs a capped child interpreter

_PROBE = """
import sys
from gluteonto.isolate import cap_address_space
cap_address_space(int(sys.argv[1]))
try:
    block = bytearray(int(sys.argv[2]))
except MemoryError:
    print("refused")
else:
    print("allocated", len(block))
"""


def _allocate(extra: int, size: int) -> str:
    done = subprocess.run([sys.executable, "-c", _PROBE, str(extra), str(size)], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


def test_capped_process_cannot_grow_past_the_extra_it_was_given() -> None:
    assert _allocate(64 * 1024 * 1024, 512 * 1024 * 1024) == "refused"


def test_allocation_within_the_extra_succeeds() -> None:
    assert _allocate(512 * 1024 * 1024, 16 * 1024 * 1024) == f"allocated {16 * 1024 * 1024}"


def test_no_extra_means_no_cap() -> None:
    assert _allocate(0, 128 * 1024 * 1024) == f"allocated {128 * 1024 * 1024}"
