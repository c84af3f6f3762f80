"""Score the pipeline on both halves of the fixed dev split and overall, in one table.

    python scripts/eval_halves.py                       # ../shared/eval/dev
    python scripts/eval_halves.py DIR --json            # figures as JSON
    python scripts/eval_halves.py --per-doc             # also one row per document

The split is `litopys.evaluate.select_half`: texts in alphabetical order, odd = 1st,
3rd, ... (write rules against it), even = 2nd, 4th, ... (held out). Report both.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from litopys.evaluate import doc_summary, evaluate, summary
from litopys.pipeline.ingest import read_path
from litopys.pipeline.language import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "dev"


def row(name: str, s: dict) -> str:
    ents = s["entities"]
    by = ents["by_type"]
    types = " ".join(f"{t}={by[t]['f1']:.2f}" for t in ("PERSON", "GPE", "ORG", "LOC", "DOC")
                     if t in by)
    tx, ev = s["timexes"], s["events"]
    return (f"{name:<34} ent {ents['overall']['f1']:.3f} ({types}) | time {tx['f1']:.3f} "
            f"val {tx['value_accuracy']:.3f} | ev rel {ev['relaxed']['f1']:.3f} "
            f"(P {ev['relaxed']['precision']:.2f} R {ev['relaxed']['recall']:.2f}) "
            f"strict {ev['strict']['f1']:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--per-doc", action="store_true")
    args = ap.parse_args(argv)
    pipeline = Pipeline()
    directory = Path(args.directory)
    halves = {h: evaluate(directory, lambda p: pipeline(read_path(p)), half=h)
              for h in ("odd", "even")}
    result = {h: summary(s) for h, s in halves.items()}
    result["all"] = summary(halves["odd"] + halves["even"])
    if args.json:
        if args.per_doc:
            result["by_document"] = [doc_summary(s) for h in halves.values() for s in h]
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if args.per_doc:
        for h, scores in halves.items():
            for s in scores:
                print(row(f"[{h}] {s.name}", doc_summary(s)))
        print()
    for h in ("odd", "even", "all"):
        print(row(h, result[h]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
