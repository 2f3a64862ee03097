"""``python -m gluteonto.compile [ROOT]``: rebuild every release file of a source checkout (default: the current folder).

When ROOT is the checkout this package runs from, the tables the commands read instead of loading the
ontology (:mod:`gluteonto.prebuilt`) are rebuilt last, from the release files just written, with the run
time's own code.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from .release import EDIT_FILE, write_release
from .source import SourceError

__all__ = ["main"]


def _runs_from(root: Path) -> bool:
    """True when ``root`` is the source checkout this package is imported from (an editable install)."""
    return Path(__file__).resolve().parents[3] == root.resolve() and (root / "src" / "gluteonto").is_dir()


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
        if _runs_from(root):
            from ..prebuilt.render import write_tables

            for path in write_tables():
                print(f"wrote {path.resolve().relative_to(root.resolve())}")
        else:
            print("note: the prebuilt tables are rebuilt only in the checkout this package runs from", file=sys.stderr)
    except ModuleNotFoundError as exc:
        print(f'build: {exc.name} is missing; install the build extra (pip install -e ".[build]")', file=sys.stderr)
        return 2
    except (SourceError, OSError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
