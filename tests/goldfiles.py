"""Checks shared by the tests of hand-written gold sets (tests/eval/dev-ru, tests/eval/fresh*).

Each check asserts that a gold chronicle follows ``../shared/eval/FORMAT.md`` and that what it
names is in its text; the set-specific tests (size, language, topics) stay in their own files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from litopys.evaluate import ENTITY_TYPES, MODES, load_gold

# TIMEX3-style values used by FORMAT.md: dates (down to minutes), seasons, decades,
# centuries, durations, and START/END ranges of these.
_POINT = r"-?\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?|-(?:SP|SU|FA|WI))?|\d{3}X|\d{2}XX"
_DURATION = r"P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?)?"
VALUE_RE = re.compile(rf"^(?:{_POINT})(?:/(?:{_POINT}))?$|^{_DURATION}$")
CAMEO_ROOTS = {f"{n:02d}" for n in range(1, 21)}


def load_pair(gold_path: Path) -> tuple[dict[str, Any], str]:
    """RETURNS (tuple): the gold chronicle and the text it annotates."""
    gold = load_gold(gold_path)
    text = gold_path.with_name(gold["text_file"]).read_text(encoding="utf-8")
    return gold, text


def excerpt_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line-separated excerpt, end exclusive."""
    ranges, pos = [], 0
    for seg in text.split("\n\n"):
        ranges.append((pos, pos + len(seg.rstrip("\n"))))
        pos += len(seg) + 2
    return ranges


def sources_ranges(sources: Path) -> dict[str, list[tuple[int, int]]]:
    """Per text file, the character ranges a SOURCES.md lists under its heading."""
    listed: dict[str, list[tuple[int, int]]] = {}
    current = None
    for line in sources.read_text(encoding="utf-8").splitlines():
        head = re.match(r"^## (\S+\.txt)\b", line)
        if head:
            current = listed.setdefault(head.group(1), [])
            continue
        row = re.match(r"^\| (\d+)-(\d+) \| (https?://\S+) \|", line)
        if row and current is not None:
            current.append((int(row.group(1)), int(row.group(2))))
    return listed


def check_entities(gold: dict[str, Any], text: str, gold_path: Path, language: str) -> None:
    assert gold["language"] == language
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


def check_timexes(gold: dict[str, Any], text: str) -> None:
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


def check_events(gold: dict[str, Any], text: str) -> None:
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


def check_plain_json(gold_path: Path) -> None:
    # Written by hand, so keep them readable and stable: UTF-8, no escapes for Cyrillic.
    raw = gold_path.read_text(encoding="utf-8")
    assert "\\u04" not in raw, gold_path.name
    json.loads(raw)
