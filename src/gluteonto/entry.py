"""The ``gluteonto`` console script: loads the command line so that even an early Ctrl-C is one line.

After a command that only prints (:data:`gluteonto.cli.PRINT_ONLY`: ``query``, ``about``, ``lookup`` …) has
finished, its output flushed and the exit handlers run, the process ends at once (``os._exit``) instead of
tearing the interpreter down: freeing every module and object, and the loaded store piece by piece, cost
``gluteonto query`` about 10 ms of CPU, a sixth of what loading and asking the question costs (more after a
child process, since each page the teardown writes to then faults once more). Nothing is lost by it: such a command
writes no file, its output is flushed first, the handlers registered with :mod:`atexit` (temporary
folders, for one) run as usual, and with a second thread still alive, or under a profiler or a coverage
tool (which write their reports when the interpreter ends), the process ends the ordinary way.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """Run the command line; Ctrl-C while its modules load exits 130 with one line."""
    try:
        from .cli import PRINT_ONLY
        from .cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    try:
        cli_main(prog_name="gluteonto")
    except SystemExit as done:
        if cli_main.ran in PRINT_ONLY and (done.code is None or isinstance(done.code, int)):
            _end_now(done.code or 0)
        raise


def _end_now(code: int) -> None:
    """End the process with ``code`` without tearing the interpreter down; return if that cannot be done safely."""
    import atexit
    import os
    import threading

    if threading.active_count() != 1:  # another thread may still be working: let the interpreter wait for it
        return
    if sys.getprofile() is not None or sys.gettrace() is not None:  # a profiler or coverage writes its report at exit
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a stream that cannot be flushed: the ordinary exit reports it
        return
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
