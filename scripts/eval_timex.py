"""Score the time-expression tagger on ../shared/eval/dev and the seed.

Per file: precision, recall and F1 of detection plus normalisation (a system
expression counts when it overlaps a gold one and has the same value), and
value accuracy over the detected ones, as ../shared/eval/FORMAT.md scores
time expressions. Also reports the tagger's speed.

    python scripts/eval_timex.py                  # no document dates
    python scripts/eval_timex.py --anchors        # known publication dates

DOCS: docs/TIME.md
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litopys.chronicle import Timex  # noqa: E402
from litopys.pipeline.time.tagger import tag  # noqa: E402

SHARED = ROOT.parent / "shared"

# The seed has no gold file; these are its seven expressions.
SEED_GOLD = [
    ("12 грудня 1932р.", "1932-12-12"),
    ("влітку 1934р.", "1934-SU"),
    ("1927 р.", "1927"),
    ("Жовтень 1935р.", "1935-10"),
    ("7 березня 1933р.", "1933-03-07"),
    ("11 березня 1937р.", "1937-03-11"),
    ("У травні-червні 1937р.", "1937-05/1937-06"),
]

# Publication dates given in ../shared/eval/dev/SOURCES.md (warsaw: the
# "Сто років тому" article of 23 April 2020; munich: 13 August 2025).
ANCHORS = {"warsaw_1920.txt": "2020-04-23", "munich_1938_b.txt": "2025-08-13"}


def load(dev: Path, seed: Path) -> list[tuple[str, str, list[dict]]]:
    """Read the documents and their gold time expressions.

    dev (Path): the directory with *.txt and *.gold.json files.
    seed (Path): the seed text.
    RETURNS (list[tuple[str, str, list[dict]]]): (file name, text, gold timexes).
    """
    docs = []
    if seed.exists():
        gold = [{"text": t, "value": v} for t, v in SEED_GOLD]
        docs.append((seed.name, seed.read_text(encoding="utf-8"), gold))
    for path in sorted(dev.glob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = (dev / data["text_file"]).read_text(encoding="utf-8")
        docs.append((data["text_file"], text, data["timexes"]))
    return docs


def score(text: str, gold: list[dict], found: list[Timex]) -> dict[str, int]:
    """Count matches between gold and system time expressions.

    The k-th gold entry with a given text stands for its k-th occurrence; a
    gold entry with a null value is not scored, and a system span over it is
    not counted against the system.

    text (str): the document.
    gold (list[dict]): gold timexes ({"text", "value"}).
    found (list[Timex]): the system's timexes.
    RETURNS (dict[str, int]): tp (overlap and equal value), detected
        (overlap), gold (scored gold entries), system (scored system spans).
    """
    spans: list[tuple[int, int, str | None]] = []
    seen: dict[str, int] = {}
    for g in gold:
        k = seen.get(g["text"], 0)
        seen[g["text"]] = k + 1
        pos = -1
        for _ in range(k + 1):
            pos = text.find(g["text"], pos + 1)
        if pos >= 0:
            spans.append((pos, pos + len(g["text"]), g["value"]))
    used: set[int] = set()
    counts = {"tp": 0, "detected": 0, "gold": sum(1 for s in spans if s[2] is not None)}
    counts["system"] = 0
    for t in found:
        hit = next(
            (
                i
                for i, (s, e, _v) in enumerate(spans)
                if i not in used and t.start < e and s < t.end
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            if spans[hit][2] is None:
                continue
            counts["detected"] += 1
            counts["tp"] += t.value == spans[hit][2]
        counts["system"] += 1
    return counts


def figures(c: dict[str, int]) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and value accuracy from counts.

    c (dict[str, int]): counts from score().
    RETURNS (tuple[float, float, float, float]): P, R, F1, value accuracy.
    """
    p = c["tp"] / c["system"] if c["system"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = c["tp"] / c["detected"] if c["detected"] else 0.0
    return p, r, f1, acc


def main(argv: list[str] | None = None) -> int:
    """Print the table. RETURNS (int): the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=SHARED / "eval" / "dev", help="gold dir")
    parser.add_argument("--seed", type=Path, default=SHARED / "samples" / "seed.txt")
    parser.add_argument(
        "--anchors", action="store_true", help="use the publication dates from SOURCES.md"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every expression")
    args = parser.parse_args(argv)

    docs = load(args.dev, args.seed)
    if not docs:
        print(f"no gold files in {args.dev}", file=sys.stderr)
        return 1
    total = {"tp": 0, "detected": 0, "gold": 0, "system": 0}
    print(f"{'file':34} {'gold':>4} {'sys':>4} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}")
    for name, text, gold in docs:
        found = tag(text, anchor=ANCHORS.get(name) if args.anchors else None)
        c = score(text, gold, found)
        for k in total:
            total[k] += c[k]
        p, r, f1, acc = figures(c)
        print(f"{name:34} {c['gold']:4d} {c['system']:4d} {p:6.3f} {r:6.3f} {f1:6.3f} {acc:6.3f}")
        if args.verbose:
            for t in found:
                print(f"    {t.start:6d} {t.text!r:45} {t.value} ({t.source})")
    p, r, f1, acc = figures(total)
    print(
        f"{'ALL':34} {total['gold']:4d} {total['system']:4d} {p:6.3f} {r:6.3f} {f1:6.3f} {acc:6.3f}"
    )

    text = "\n".join(t for _, t, _ in docs) * 50
    t0 = time.perf_counter()
    tag(text)
    dt = time.perf_counter() - t0
    print(
        f"speed: {len(text) / dt:,.0f} chars/s, {len(text.split()) / dt:,.0f} tokens/s (one core)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
