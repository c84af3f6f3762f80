"""The fresh Ukrainian check sets (tests/eval/fresh, tests/eval/fresh2, tests/eval/fresh3): gold files follow FORMAT.md,
SOURCES.md lists every excerpt.

Fast: reads the files only; the pipeline is not run. Each set is a held-out estimate of accuracy on real
texts nobody tuned for (figures and failure categories in its README.md): do not write rules against them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from litopys.evaluate import ENTITY_TYPES, MODES, find_pairs, load_gold

EVAL_DIR = Path(__file__).resolve().parent
FRESH_SETS = [EVAL_DIR / "fresh", EVAL_DIR / "fresh2", EVAL_DIR / "fresh3"]
FRESH = FRESH_SETS[0]

# TIMEX3-style values used by FORMAT.md: dates (down to minutes), seasons, decades,
# centuries, durations, and START/END ranges of these.
_POINT = r"-?\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?|-(?:SP|SU|FA|WI))?|\d{3}X|\d{2}XX"
_DURATION = r"P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?)?"
VALUE_RE = re.compile(rf"^(?:{_POINT})(?:/(?:{_POINT}))?$|^{_DURATION}$")
CAMEO_ROOTS = {f"{n:02d}" for n in range(1, 21)}


def _gold_files(directory: Path = FRESH) -> list[Path]:
    return sorted(directory.glob("*.gold.json"))


def _all_gold_files() -> list[Path]:
    return [g for d in FRESH_SETS for g in _gold_files(d)]


def _gold_id(gold_path: Path) -> str:
    return f"{gold_path.parent.name}/{gold_path.name}"


def _load(gold_path: Path) -> tuple[dict[str, Any], str]:
    gold = load_gold(gold_path)
    text = gold_path.with_name(gold["text_file"]).read_text(encoding="utf-8")
    return gold, text


def _excerpt_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line-separated excerpt, end exclusive."""
    ranges, pos = [], 0
    for seg in text.split("\n\n"):
        ranges.append((pos, pos + len(seg.rstrip("\n"))))
        pos += len(seg) + 2
    return ranges


def _sources_ranges(directory: Path) -> dict[str, list[tuple[int, int]]]:
    """Per text file, the character ranges listed in the set's SOURCES.md under its heading."""
    listed: dict[str, list[tuple[int, int]]] = {}
    current = None
    for line in (directory / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        head = re.match(r"^## (\S+\.txt)\b", line)
        if head:
            current = listed.setdefault(head.group(1), [])
            continue
        row = re.match(r"^\| (\d+)-(\d+) \| (https?://\S+) \|", line)
        if row and current is not None:
            current.append((int(row.group(1)), int(row.group(2))))
    return listed


@pytest.mark.parametrize("directory", FRESH_SETS, ids=lambda d: d.name)
def test_fresh_set_has_five_texts_of_two_or_three_excerpts(directory: Path) -> None:
    pairs = find_pairs(directory)
    assert len(pairs) == 5
    assert len(pairs) == len(_gold_files(directory))
    for text_path, _ in pairs:
        text = text_path.read_text(encoding="utf-8")
        assert 1500 <= len(text.rstrip("\n")) <= 2500, text_path.name
        assert 2 <= len(_excerpt_ranges(text)) <= 3, text_path.name


@pytest.mark.parametrize("directory", FRESH_SETS, ids=lambda d: d.name)
def test_fresh_set_sources_list_every_excerpt(directory: Path) -> None:
    listed = _sources_ranges(directory)
    for text_path, _ in find_pairs(directory):
        assert text_path.name in listed, f"{text_path.name} missing from SOURCES.md"
        text = text_path.read_text(encoding="utf-8")
        assert listed[text_path.name] == _excerpt_ranges(text), text_path.name
    assert set(listed) == {t.name for t, _ in find_pairs(directory)}


@pytest.mark.parametrize("directory", FRESH_SETS, ids=lambda d: d.name)
def test_fresh_topics_are_not_in_the_dev_sets(directory: Path) -> None:
    # A set is only fresh if its topics were not studied: no file stem shared with a dev set
    # or with the other fresh sets.
    shared = EVAL_DIR.parents[1].parent / "shared" / "eval" / "dev"
    other = [d for d in FRESH_SETS if d != directory]
    dev_dirs = [EVAL_DIR / "dev", EVAL_DIR / "dev-ru", shared, *other]
    dev_topics = {p.name.split("_")[0] for d in dev_dirs if d.is_dir() for p in d.glob("*.txt")}
    for text_path, _ in find_pairs(directory):
        assert text_path.name.split("_")[0] not in dev_topics, text_path.name


@pytest.mark.parametrize("gold_path", _all_gold_files(), ids=_gold_id)
def test_fresh_gold_entities(gold_path: Path) -> None:
    gold, text = _load(gold_path)
    assert gold["language"] == "uk"
    assert gold["text_file"] == gold_path.name[: -len(".gold.json")] + ".txt"
    ids = [e["id"] for e in gold["entities"]]
    assert len(ids) == len(set(ids))
    for e in gold["entities"]:
        assert e["type"] in ENTITY_TYPES
        assert isinstance(e["name"], str) and e["name"]
        assert e["aliases"] and all(isinstance(a, str) for a in e["aliases"])
        for alias in e["aliases"]:
            assert alias in text, f"{e['id']}: alias {alias!r} not in text"
        if "roles" in e:
            assert e["type"] == "PERSON"
            assert all(isinstance(r, str) and r for r in e["roles"])
        assert e.get("affiliation") in (None, *ids), e["id"]


def _free_starts(text: str, texts: set[str], s: str) -> list[int]:
    """Starts of the occurrences of s that do not lie inside a longer gold expression."""
    spans = [(m.start(), m.end()) for t in texts if len(t) > len(s)
             for m in re.finditer(re.escape(t), text)]
    return [m.start() for m in re.finditer(re.escape(s), text)
            if not any(a <= m.start() and m.end() <= b for a, b in spans)]


@pytest.mark.parametrize("gold_path", _all_gold_files(), ids=_gold_id)
def test_fresh_gold_timexes(gold_path: Path) -> None:
    gold, text = _load(gold_path)
    texts = {t["text"] for t in gold["timexes"]}
    seen: dict[str, int] = {}
    starts = []
    for t in gold["timexes"]:
        assert t["value"] is None or VALUE_RE.match(t["value"]), t
        # The k-th entry with a text stands for its k-th free occurrence (FORMAT.md).
        k = seen.get(t["text"], 0)
        seen[t["text"]] = k + 1
        free = _free_starts(text, texts, t["text"])
        assert k < len(free), f"{t['text']!r}: {k + 1} gold entries, {len(free)} occurrences"
        starts.append(free[k])
    assert starts == sorted(starts), "timexes are listed in text order"


@pytest.mark.parametrize("gold_path", _all_gold_files(), ids=_gold_id)
def test_fresh_gold_events(gold_path: Path) -> None:
    gold, text = _load(gold_path)
    ids = {e["id"] for e in gold["entities"]}
    event_ids = [ev["id"] for ev in gold["events"]]
    assert gold["events"] and len(event_ids) == len(set(event_ids))
    for ev in gold["events"]:
        assert ev["cameo"] in CAMEO_ROOTS, ev["id"]
        assert ev["mode"] in MODES, ev["id"]
        assert isinstance(ev["trigger"], str) and ev["trigger"]
        assert ev["source"] and set(ev["source"] + ev["target"]) <= ids, ev["id"]
        assert ev["date"] is None or VALUE_RE.match(ev["date"]), ev["id"]
        assert ev["evidence"] in text, f"{ev['id']}: evidence not in text"
        assert ev.get("location") in (None, *ids), ev["id"]


def test_fresh_gold_is_plain_json() -> None:
    # Written by hand, so keep them readable and stable: UTF-8, no escapes for Cyrillic.
    for gold_path in _all_gold_files():
        raw = gold_path.read_text(encoding="utf-8")
        assert "\\u04" not in raw, gold_path.name
        json.loads(raw)
