"""Score the pipeline on both halves of the fixed dev split and overall, in one table.

    python scripts/eval_halves.py                       # ../shared/eval/dev
    python scripts/eval_halves.py DIR --json            # figures as JSON
    python scripts/eval_halves.py --per-doc             # also one row per document

The split is `litopys.evaluate.select_half`: texts in alphabetical order, odd = 1st,
3rd, ... (write rules against it), even = 2nd, 4th, ... (held out). Report both.
This is `litopys eval DIR --halves` (the same code: `litopys.evaluate.evaluate_halves`
and `halves_lines`); without --per-doc it prints no per-document rows.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from litopys.evaluate import evaluate_halves, halves_lines
from litopys.pipeline.ingest import read_path
from litopys.pipeline.language import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "dev"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--no-tables", action="store_true",
                    help="leave out the CAMEO confusion, mode and location lines")
    args = ap.parse_args(argv)
    pipeline = Pipeline()
    result = evaluate_halves(Path(args.directory), lambda p: pipeline(read_path(p)))
    for warning in result["warnings"]:
        print(f"warning: {warning}", file=sys.stderr)
    if args.json:
        if not args.per_doc:
            del result["by_document"]
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print("\n".join(halves_lines(result, per_doc=args.per_doc, tables=not args.no_tables)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
