"""The ``slow`` mark is real: a test without it cannot start a program or a server (tests/conftest.py)."""

from __future__ import annotations

import socket
import subprocess

import pytest


def test_a_quick_test_may_not_start_a_program_or_a_server() -> None:
    """This test is not marked slow, so conftest's guard is active while it runs."""
    with socket.socket() as sock, pytest.raises(AssertionError, match="starts a server .* not marked slow"):
        sock.bind(("127.0.0.1", 0))
        sock.listen()
    with pytest.raises(AssertionError, match="starts a program .* not marked slow"):
        subprocess.Popen(["true"])


@pytest.mark.slow
def test_a_slow_test_may_start_both() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
    assert subprocess.run(["true"], check=False).returncode == 0
