"""The console script ends a print-only command without tearing the interpreter down: nothing may be lost by it.

Same output (to a pipe, flushed whole), same exit code and same error lines as the command line run in-process;
exit handlers still run; with another thread alive the process ends the ordinary way.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from gluteonto.cli import COMMANDS, PRINT_ONLY, main

pytestmark = pytest.mark.slow  # each test starts the program

ENV = os.environ | {"COLUMNS": "100", "GLUTEONTO_LANG": "en"}


def _script(prelude: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    code = f"import sys\n{prelude}\nfrom gluteonto import entry\nsys.argv = ['gluteonto', *{args!r}]\nentry.main()\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=120)


@pytest.mark.parametrize(
    "args",
    [
        ["query", "innervation", "--format", "csv"],  # answers (exit 0), through a pipe
        ["query", "innervation", "-p", "muscle=tensor fasciae latae", "--no-pager"],  # the source is silent (exit 3)
        ["query", "innervation", "-p", "muscle=no such thing at all", "--no-pager"],  # not a term (exit 2)
        ["lookup", "gluteus", "medius"],
        ["queries", "--lang", "nb"],
        ["query", "innervation", "--format", "xx"],  # a usage error (exit 2)
    ],
)
def test_a_quick_end_loses_nothing(args: list[str]) -> None:
    expected = CliRunner(env={"COLUMNS": "100", "GLUTEONTO_LANG": "en"}).invoke(main, args, prog_name="gluteonto")
    ran = _script("", args)
    assert (ran.returncode, ran.stdout, ran.stderr) == (expected.exit_code, expected.stdout, expected.stderr)


def test_exit_handlers_still_run() -> None:
    ran = _script("import atexit\natexit.register(lambda: print('handler ran'))", ["query", "innervation", "--format", "csv"])
    assert ran.returncode == 0 and ran.stdout.startswith("muscle,") and ran.stdout.endswith("handler ran\n")


def test_with_another_thread_alive_the_process_ends_the_ordinary_way() -> None:
    prelude = "import threading, time\nthreading.Thread(target=lambda: (time.sleep(0.5), print('thread done'))).start()"
    ran = _script(prelude, ["query", "innervation", "--format", "csv"])
    assert ran.returncode == 0 and ran.stdout.startswith("muscle,") and ran.stdout.endswith("thread done\n")


def test_under_a_profiler_the_process_ends_the_ordinary_way() -> None:
    """cProfile prints its report when the program ends: the quick end would lose it."""
    command = [sys.executable, "-m", "cProfile", "-m", "gluteonto", "query", "innervation", "--format", "csv"]
    ran = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=120)
    assert ran.returncode == 0 and ran.stdout.startswith("muscle,") and "function calls" in ran.stdout


def test_only_commands_that_print_end_quickly() -> None:
    """A command that writes files (export, site, link, quiz -o …) ends the ordinary way, its files closed by it."""
    assert PRINT_ONLY <= set(COMMANDS)
    assert not {"export", "link", "link-fma", "push", "quiz", "serve", "site", "validate", "reason", "qc"} & PRINT_ONLY
