"""The CSV export (litopys/export/tables.py), read back with the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

from litopys.export import export
from litopys.store.db import Store

from .conftest import XSS_SCRIPT


def test_export_csv(store, tmp_path: Path) -> None:
    export(store, "csv", tmp_path / "csv")
    names = {p.name for p in (tmp_path / "csv").iterdir()}
    assert {"events.csv", "entities.csv", "participants.csv", "timexes.csv",
            "documents.csv"} <= names
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 7 and {"id", "cameo", "goldstein", "evidence"} <= set(rows[0])
    with open(tmp_path / "csv" / "entities.csv", encoding="utf-8", newline="") as f:
        ents = {r["id"]: r for r in csv.DictReader(f)}
    assert ents["evil:script"]["name"] == XSS_SCRIPT
    assert ents["person:богомолов"]["affiliations"] == "Q15180"


def test_export_csv_empty_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    Store(path).close()
    with Store(path, read_only=True) as s:
        assert export(s, "csv", tmp_path / "out") == 0
    with open(tmp_path / "out" / "events.csv", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:3] == ["id", "document_id", "cameo"]


def test_export_csv_events_carry_trust(store, tmp_path) -> None:
    import csv as csv_module

    from litopys.export import export

    export(store, "csv", str(tmp_path / "t"))
    with open(tmp_path / "t" / "events.csv", encoding="utf-8") as f:
        header = next(csv_module.reader(f))
    assert {"provenance", "confidence", "corrected", "date_source"} <= set(header)
