"""The JSON Lines export (litopys/export/jsonl.py)."""

from __future__ import annotations

import json
from pathlib import Path

from litopys.export import export


def test_export_jsonl(store, tmp_path: Path) -> None:
    n = export(store, "jsonl", tmp_path / "events.jsonl")
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 7
    recs = [json.loads(line) for line in lines]
    e3 = next(r for r in recs if r["id"].endswith(":e3"))
    assert e3["document"]["path"] == "diplomacy.txt"
    assert [p["name"] for p in e3["source"]] == ["Богомолов"]
    assert e3["date"] == "1935-10" and e3["date_text"] == "У жовтні 1935 р."


def test_export_jsonl_carries_trust(store) -> None:
    from litopys.export import export_string

    rows = [json.loads(line) for line in export_string(store, "jsonl").splitlines()]
    assert rows and all({"provenance", "confidence", "corrected"} <= set(r) for r in rows)
