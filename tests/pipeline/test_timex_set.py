"""The issue-3 test set: hand-written time expressions in sentences.

``data/timex_cases.jsonl`` holds one sentence (or a short passage, for
expressions resolved against the narrative time) per line:

    {"id": "date-001", "kind": "date", "text": "...", "anchor": "2020-04-23",
     "timexes": [{"text": "16 липня 1990 р.", "value": "1990-07-16"}]}

``anchor`` (the document date) is given only where an expression counts from
the time of writing. Items of kind ``negative`` have no expressions: every
span the tagger finds in them is a false alarm. Scoring follows
``../shared/eval/FORMAT.md``: a system expression is detected when its span
overlaps a gold one (the k-th gold entry with a given text stands for its
k-th occurrence); value accuracy is over the detected ones. The set is
checked against the bar of issue 3: detection F1 and value accuracy >= 0.97.

DOCS: docs/TIME.md
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from litopys.pipeline.time.tagger import tag

CASES_PATH = Path(__file__).parent / "data" / "timex_cases.jsonl"


def load_cases(path: Path = CASES_PATH) -> list[dict]:
    """Read the test set. RETURNS (list[dict]): one dict per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def gold_spans(text: str, gold: list[dict]) -> list[tuple[int, int, str | None]]:
    """Locate gold expressions: the k-th entry with a text is its k-th occurrence.

    text (str): the sentence.
    gold (list[dict]): {"text", "value"} entries.
    RETURNS (list[tuple[int, int, str | None]]): (start, end, value).
    """
    spans, seen = [], Counter()
    for g in gold:
        pos = -1
        for _ in range(seen[g["text"]] + 1):
            pos = text.find(g["text"], pos + 1)
        seen[g["text"]] += 1
        assert pos >= 0, (g["text"], text)
        spans.append((pos, pos + len(g["text"]), g["value"]))
    return spans


def score_item(text: str, gold: list[dict], found: list[tuple[int, int, str | None]]) -> Counter:
    """Count one item's matches.

    text (str): the sentence.
    gold (list[dict]): its gold expressions.
    found (list[tuple[int, int, str | None]]): system (start, end, value).
    RETURNS (Counter): gold, system, detected (overlap), correct (overlap and
        equal value); gold entries with a null value are not scored.
    """
    spans = gold_spans(text, gold)
    c = Counter(gold=sum(1 for s in spans if s[2] is not None))
    used: set[int] = set()
    for start, end, value in found:
        hit = next(
            (i for i, (s, e, _) in enumerate(spans) if i not in used and start < e and s < end),
            None,
        )
        if hit is not None:
            used.add(hit)
            if spans[hit][2] is None:
                continue
            c["detected"] += 1
            c["correct"] += value == spans[hit][2]
        c["system"] += 1
    return c


def figures(c: Counter) -> dict[str, float]:
    """Detection P/R/F1 and value accuracy (over detected) from counts."""
    p = c["detected"] / c["system"] if c["system"] else 1.0
    r = c["detected"] / c["gold"] if c["gold"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = c["correct"] / c["detected"] if c["detected"] else 0.0
    strict = c["correct"] / c["gold"] if c["gold"] else 0.0
    return {"P": p, "R": r, "F1": f1, "value_acc": acc, "value_recall": strict}


def evaluate(
    tagger=lambda text, anchor: [(t.start, t.end, t.value) for t in tag(text, anchor=anchor)],
    cases: list[dict] | None = None,
) -> tuple[Counter, dict[str, Counter], list[str]]:
    """Run a tagger over the set.

    tagger (Callable[[str, str | None], list[tuple[int, int, str | None]]]):
        text and anchor -> (start, end, value) spans.
    cases (list[dict] | None): the items (default: the whole set).
    RETURNS (tuple): total counts, counts per kind, and a list of errors.
    """
    total, per_kind, errors = Counter(), {}, []
    for item in cases if cases is not None else load_cases():
        found = tagger(item["text"], item.get("anchor"))
        c = score_item(item["text"], item["timexes"], found)
        total.update(c)
        per_kind.setdefault(item["kind"], Counter()).update(c)
        if c["correct"] != c["gold"] or c["system"] != c["detected"]:
            errors.append(
                f"{item['id']}: {item['text']!r}\n   gold {[(g['text'], g['value']) for g in item['timexes']]}"
                f"\n   got  {[(item['text'][s:e], v) for s, e, v in found]}"
            )
    return total, per_kind, errors


def test_set_size_and_coverage() -> None:
    cases = load_cases()
    kinds = Counter()
    for item in cases:
        kinds[item["kind"]] += len(item["timexes"]) or (item["kind"] == "negative")
    assert sum(n for k, n in kinds.items() if k != "negative") >= 400
    assert kinds["negative"] >= 60
    for kind in ("date", "month_year", "year", "russian", "range", "season_part"):
        assert kinds[kind] >= 20, kind
    for kind in ("decade_century", "bce", "relative", "old_style", "duration", "time"):
        assert kinds[kind] >= 10, kind
    assert all(not item["timexes"] for item in cases if item["kind"] == "negative")
    assert len({item["id"] for item in cases}) == len(cases)


def test_set_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    total, per_kind, errors = evaluate()
    with capsys.disabled():
        for kind, c in per_kind.items():
            f = figures(c)
            print(
                f"\n{kind:15} gold={c['gold']:3d} sys={c['system']:3d} "
                f"F1={f['F1']:.3f} value acc={f['value_acc']:.3f}",
                end="",
            )
        f = figures(total)
        print(f"\nALL: {dict(total)} {f}")
        if errors:
            print("\n".join(errors))
    assert f["F1"] >= 0.97
    assert f["value_acc"] >= 0.97
    assert f["value_recall"] >= 0.95
