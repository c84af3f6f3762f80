"""Compare the litopys time stage with dateparser's search_dates (issue 3).

Both taggers run, in one process, on

- the hand-written test set ``tests/pipeline/data/timex_cases.jsonl``, and
- ``../shared/eval/dev`` (``*.txt`` with the ``timexes`` of ``*.gold.json``,
  read at run time, never copied),

and are scored as ``../shared/eval/FORMAT.md`` scores time expressions: a
system span is detected when it overlaps a gold one; detection P/R/F1 count
overlaps, value accuracy is over the detected ones (value recall: correct
values over all gold). dateparser returns ``(substring, datetime)`` pairs;
the datetime becomes a day-precision value ``YYYY-MM-DD`` (it has no months,
seasons, ranges, decades or durations). Where an item has a document date
(``anchor``) both taggers get it (dateparser as ``RELATIVE_BASE``).

Throughput: whitespace tokens per second of each tagger over the same texts
(all test-set sentences and the dev documents), timed in the same run;
litopys is timed over several passes, dateparser over one.

    python bench/timex_vs_dateparser.py                # print the table
    python bench/timex_vs_dateparser.py --write-docs   # also into docs/TIME.md

DOCS: docs/TIME.md
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "pipeline"))

from test_timex_set import figures, load_cases, score_item  # noqa: E402

from litopys.pipeline.time.tagger import tag  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev"
DOCS = ROOT / "docs" / "TIME.md"
# Publication dates given in ../shared/eval/dev/SOURCES.md (as scripts/eval_timex.py).
DEV_ANCHORS = {"warsaw_1920.txt": "2020-04-23", "munich_1938_b.txt": "2025-08-13"}

Spans = list[tuple[int, int, str | None]]


def litopys_tagger(text: str, anchor: str | None) -> Spans:
    """litopys: (start, end, value) of every expression."""
    return [(t.start, t.end, t.value) for t in tag(text, anchor=anchor)]


def dateparser_tagger() -> Callable[[str, str | None], Spans]:
    """dateparser.search.search_dates with languages=["uk"], as spans."""
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")

    def run(text: str, anchor: str | None) -> Spans:
        settings = {}
        if anchor:
            y, m, d = ([*anchor[:10].split("-"), "01", "01"])[:3]
            settings["RELATIVE_BASE"] = datetime(int(y), int(m), int(d))
        try:
            found = search_dates(text, languages=["uk"], settings=settings) or []
        except Exception:  # noqa: BLE001 - a crash on one text counts as nothing found
            found = []
        spans, pos = [], 0
        for sub, dt in found:
            i = text.find(sub, pos)
            if i < 0:
                i = text.find(sub)
            if i < 0:
                continue
            spans.append((i, i + len(sub), f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}"))
            pos = i + len(sub)
        return spans

    return run


def dev_docs(dev: Path) -> list[dict]:
    """The dev documents as items like the test set's."""
    docs = []
    for path in sorted(dev.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (dev / gold["text_file"]).read_text(encoding="utf-8")
        item = {"id": gold["text_file"], "kind": "dev", "text": text, "timexes": []}
        for g in gold["timexes"]:
            if text.find(g["text"]) >= 0:
                item["timexes"].append({"text": g["text"], "value": g["value"]})
        if gold["text_file"] in DEV_ANCHORS:
            item["anchor"] = DEV_ANCHORS[gold["text_file"]]
        docs.append(item)
    return docs


def run_on(tagger: Callable[[str, str | None], Spans], items: list[dict]) -> tuple[Counter, float]:
    """Score a tagger on items. RETURNS (tuple): counts and seconds spent in the tagger."""
    total, spent = Counter(), 0.0
    for item in items:
        t0 = time.perf_counter()
        found = tagger(item["text"], item.get("anchor"))
        spent += time.perf_counter() - t0
        total.update(score_item(item["text"], item["timexes"], found))
    return total, spent


def main(argv: list[str] | None = None) -> int:
    """Print the comparison table. RETURNS (int): the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=DEV, help="gold directory")
    parser.add_argument("--passes", type=int, default=20, help="litopys timing passes")
    parser.add_argument("--write-docs", action="store_true", help="update docs/TIME.md")
    args = parser.parse_args(argv)

    cases = load_cases()
    dev = dev_docs(args.dev) if args.dev.exists() else []
    tokens = sum(len(i["text"].split()) for i in cases + dev)
    rows = []
    for name, tagger, passes in (
        ("litopys `tag`", litopys_tagger, args.passes),
        ('dateparser `search_dates(languages=["uk"])`', dateparser_tagger(), 1),
    ):
        set_c, t_set = run_on(tagger, cases)
        dev_c, t_dev = run_on(tagger, dev)
        spent = t_set + t_dev
        for _ in range(passes - 1):
            spent += run_on(tagger, cases)[1] + run_on(tagger, dev)[1]
        rows.append((name, figures(set_c), set_c, figures(dev_c), dev_c, tokens * passes / spent))

    n_gold = sum(len(i["timexes"]) for i in cases)
    n_neg = sum(1 for i in cases if i["kind"] == "negative")
    lines = [
        f"Test set: {n_gold} expressions in {len(cases)} sentences ({n_neg} negative); "
        f"dev: {rows[0][4]['gold']} scored expressions "
        f"in {len(dev)} documents; throughput over {tokens:,} whitespace tokens.",
        "",
        "| tagger | set: detection P / R / F1 | set: value acc. | set: value recall "
        "| dev: detection F1 | dev: value acc. | tokens/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, fs, _cs, fd, _cd, speed in rows:
        lines.append(
            f"| {name} | {fs['P']:.3f} / {fs['R']:.3f} / {fs['F1']:.3f} | {fs['value_acc']:.3f} "
            f"| {fs['value_recall']:.3f} | {fd['F1']:.3f} | {fd['value_acc']:.3f} | {speed:,.0f} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.write_docs:
        doc = DOCS.read_text(encoding="utf-8")
        section = (
            "## Benchmark\n\n"
            "`python bench/timex_vs_dateparser.py` (one run, one process; see the script for\n"
            "how spans and values are scored):\n\n" + table + "\n"
        )
        if "## Benchmark\n" in doc:
            doc = re.sub(r"## Benchmark\n.*?(?=\n## |\Z)", lambda _m: section, doc, flags=re.S)
        else:
            doc = doc.replace("## Not done yet", section + "\n## Not done yet")
        DOCS.write_text(doc, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
