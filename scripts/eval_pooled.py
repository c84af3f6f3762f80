"""Score the pipeline on pooled groups of check sets: the held-out halves together, the
clean sets together, in one run and one table.

    python scripts/eval_pooled.py                     # the groups of docs/EVAL.md
    python scripts/eval_pooled.py --json > after.json
    python scripts/eval_pooled.py --compare before.json after.json   # two runs side by side

Why pooled: one held-out half holds five to nine texts, where one event moves F1 by 0.005
to 0.01, so a rule kept only if no half loses anything is vetoed by noise, and a rule kept
because one half gained is chosen by it. The groups pool every text of one role (a text
counted once, micro-averaged): ``read-odd`` (the halves rules are written against),
``held-even`` (their held-out halves), ``seen`` (fresh-fresh3) and ``clean`` (the sets never
read; ``docs/EVAL.md`` says which). Each directory is split by ``select_half`` on its own.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from litopys.evaluate import (
    DocScore,
    figures_row,
    find_pairs,
    gold_warnings,
    load_gold,
    score,
    select_half,
    summary,
)
from litopys.pipeline.ingest import read_path
from litopys.pipeline.language import Pipeline

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "eval"
SHARED = ROOT.parent / "shared" / "eval" / "dev"
DEVELOPMENT = [SHARED, EVAL / "dev", EVAL / "dev-ru"] + [
    EVAL / f"fresh{n}" for n in (4, 5, 6, 7, 8, 10, 11, 16)]
#: group name -> (directory, half or None for all texts)
GROUPS: dict[str, list[tuple[Path, str | None]]] = {
    "read-odd": [(d, "odd") for d in DEVELOPMENT],
    "held-even": [(d, "even") for d in DEVELOPMENT],
    "seen": [(EVAL / name, None) for name in ("fresh", "fresh2", "fresh3")],
    "clean": [(EVAL / f"fresh{n}", None) for n in (9, 12, 13, 14, 15, 17)],
}


def run_groups(groups: dict[str, list[tuple[Path, str | None]]]) -> dict[str, object]:
    """Every group's summary (the keys of ``litopys eval --json``), each text run once."""
    pipeline = Pipeline()
    cache: dict[Path, DocScore] = {}
    out: dict[str, object] = {}
    for name, members in groups.items():
        scores = []
        for directory, half in members:
            if not directory.is_dir():
                print(f"warning: {directory} not found, left out of {name}", file=sys.stderr)
                continue
            for txt, gold_path in select_half(find_pairs(directory), half):
                if txt not in cache:
                    gold = load_gold(gold_path)
                    cache[txt] = score(pipeline(read_path(txt)), gold, name=txt.stem)
                    cache[txt].warnings[:0] = gold_warnings(gold, gold_path.name)
                scores.append(cache[txt])
        out[name] = summary(scores)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"),
                    help="print two saved --json runs side by side instead of running")
    args = ap.parse_args(argv)
    if args.compare:
        try:
            runs = [json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare]
        except (OSError, ValueError) as err:
            print(f"error: cannot read a saved run ({err}); save one with --json",
                  file=sys.stderr)
            return 2
        for name in runs[0]:
            for label, run in zip(("before", "after"), runs, strict=True):
                if name in run:
                    print(figures_row(f"{name} {label}", run[name]))
        return 0
    result = run_groups(GROUPS)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for name, figures in result.items():
        print(figures_row(name, figures))  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
