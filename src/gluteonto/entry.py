"""The ``gluteonto`` console script: loads the command line so that even an early Ctrl-C is one line."""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """Run the command line; Ctrl-C while its modules load exits 130 with one line."""
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    cli_main(prog_name="gluteonto")


if __name__ == "__main__":  # pragma: no cover
    main()
