"""List the time-expression errors of the pipeline on a gold directory, one block per document.

    python scripts/time_errors.py                    # ../shared/eval/dev, both halves
    python scripts/time_errors.py tests/eval/fresh --half odd
    python scripts/time_errors.py --doc riga_1921    # one document

For each document: gold expressions the pipeline missed (MISS), found with another value
(VALUE) and system expressions no gold expression overlaps (EXTRA). Gold expressions with a
``null`` value are left out, as the scorer leaves them out. The matching rule is the
evaluator's (`litopys.evaluate`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from litopys.chronicle import Chronicle
from litopys.evaluate import find_pairs, load_gold, locate_gold_timexes, select_half
from litopys.pipeline.ingest import read_path
from litopys.pipeline.language import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "dev"


def errors(chronicle: Chronicle, gold: dict[str, Any]) -> list[str]:
    """The misses, wrong values and extra expressions of one chronicle, as printable lines."""
    text = chronicle.document.text
    sys_t = list(chronicle.timexes)
    used: set[int] = set()
    lines: list[str] = []
    for (gs, ge, gv), g in zip(locate_gold_timexes(text, gold["timexes"]), gold["timexes"],
                               strict=True):
        overlapping = [k for k, t in enumerate(sys_t) if t.start < ge and gs < t.end]
        if gv is None:
            used.update(overlapping)
            continue
        cands = [k for k in overlapping if k not in used]
        if not cands:
            lines.append(f"  MISS  {g['text']!r} gold {gv}  @{gs}")
            continue
        k = next((k for k in cands if sys_t[k].value == gv), cands[0])
        used.add(k)
        if sys_t[k].value != gv:
            lines.append(f"  VALUE {sys_t[k].text!r} sys {sys_t[k].value} gold {gv}  @{gs}")
    for k, t in enumerate(sys_t):
        if k not in used:
            lines.append(f"  EXTRA {t.text!r} sys {t.value}  @{t.start}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--half", choices=("odd", "even"))
    ap.add_argument("--doc", help="only the document with this name (no extension)")
    args = ap.parse_args(argv)
    pipeline = Pipeline()
    for text_path, gold_path in select_half(find_pairs(Path(args.directory)), args.half):
        name = text_path.name.removesuffix(".txt")
        if args.doc and name != args.doc:
            continue
        lines = errors(pipeline(read_path(text_path)), load_gold(gold_path))
        print(f"== {name}: {len(lines)} errors")
        if lines:
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
