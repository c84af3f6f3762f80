"""Compile the curated actor dictionary, offices and persons into build tables.

    python scripts/build_data.py [--out DIR]

Reads litopys/data/curated/actors.yaml, offices.yaml and persons.yaml, checks
them (litopys/data/schema.py), inflects every name (litopys/data/inflect.py)
and writes the sorted tables to litopys/data/build/ (or DIR); see
litopys/data/tables.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from litopys.data.schema import (  # noqa: E402
    BuildError,
    validate_actors,
    validate_offices,
    validate_persons,
)
from litopys.data.tables import BUILD_DIR, build  # noqa: E402

__all__ = ["BuildError", "build", "main", "validate_actors", "validate_offices",
           "validate_persons"]


def main(argv: list[str] | None = None) -> int:
    """Build the tables; print one line per file, or one error line. RETURNS (int): exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=BUILD_DIR, help="output directory (default: litopys/data/build)"
    )
    args = parser.parse_args(argv)
    try:
        paths = build(args.out)
    except BuildError as err:
        print(f"build_data: {err}", file=sys.stderr)
        return 1
    for name, path in paths.items():
        lines = sum(1 for _ in path.open(encoding="utf-8"))
        print(f"{name}: {lines} lines, {path.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
