"""``python -m gluteonto.compile [ROOT]``: rebuild every release file of a source checkout (default: the current folder)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from .release import EDIT_FILE, write_release
from .source import SourceError

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Build the releases of the checkout ``argv[0]`` (default: the current folder); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    root = Path(args[0]) if args else Path.cwd()
    if not (root / EDIT_FILE).is_file():
        print(f"build: {root / EDIT_FILE} not found; run this in a source checkout or give its path", file=sys.stderr)
        return 2
    try:
        for path in write_release(root):
            print(f"wrote {path.relative_to(root)}")
    except ModuleNotFoundError as exc:
        print(f'build: {exc.name} is missing; install the build extra (pip install -e ".[build]")', file=sys.stderr)
        return 2
    except (SourceError, OSError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
