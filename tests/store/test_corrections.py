"""The corrections layer on real SQLite files: apply, mark, undo in any order, re-apply
after the document is written again, report what can no longer be placed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from litopys.chronicle import Chronicle
from litopys.errors import CorrectionError
from litopys.store.corrections import add_correction, list_corrections, undo_correction
from litopys.store.db import Store
from tests.web.chronicles import diplomacy_chronicle


def _event(ch: Chronicle, local: str):  # type: ignore[no-untyped-def]
    return next(e for e in ch.events if e.id == local)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "c.db")
    s.write_one(diplomacy_chronicle())
    return s


@pytest.fixture()
def doc_id() -> str:
    return diplomacy_chronicle().document.id


def _anchor(ev) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {"start": ev.start, "end": ev.end}


@pytest.mark.parametrize("value,field,expected", [
    ({"date": "1935-11"}, "date", "1935-11"),
    ({"cameo": "043"}, "cameo", "043"),
    ({"mode": "negated"}, "mode", "negated"),
    ({"source": ["Q15180"]}, "source", ["Q15180"]),
    ({"target": []}, "target", []),
])
def test_corrections_event_update_marks_and_persists(store: Store, doc_id: str,
                                                     value: dict, field: str,
                                                     expected: object) -> None:
    ev = _event(diplomacy_chronicle(), "e3")
    corr = add_correction(store, doc_id, "event_update", _anchor(ev), value, author="tester")
    got = _event(store.chronicle(doc_id), "e3")
    assert getattr(got, field) == expected
    assert got.corrected and got.provenance == "human" and got.confidence == 1.0
    assert corr.replaced[field] == getattr(ev, field)
    assert corr.anchor["text"] == "зустрівся"
    if field == "date":
        assert (got.date_begin, got.date_end, got.date_source) == ("1935-11-01", "1935-11-30",
                                                                   "human")


def test_corrections_survive_rewrite(store: Store, doc_id: str) -> None:
    ch = diplomacy_chronicle()
    add_correction(store, doc_id, "event_update", _anchor(_event(ch, "e3")),
                   {"date": "1935-11", "source": ["Q15180"]})
    add_correction(store, doc_id, "event_delete", _anchor(_event(ch, "e6")))
    add_correction(store, doc_id, "entity_delete",
                   {"entity": "Q649", "mentions": [[m.start, m.end]
                                                   for m in ch.entity("Q649").mentions]})
    store.delete_document(doc_id)
    assert store.write_one(diplomacy_chronicle())
    assert store.unplaced == []
    got = store.chronicle(doc_id)
    assert _event(got, "e3").date == "1935-11" and _event(got, "e3").source == ["Q15180"]
    assert "e6" not in {e.id for e in got.events}
    assert got.entity("Q649") is None
    assert _event(got, "e2").target == [] and _event(got, "e2").corrected


def test_corrections_unplaced_after_rewrite(store: Store, doc_id: str) -> None:
    ch = diplomacy_chronicle()
    add_correction(store, doc_id, "event_delete", _anchor(_event(ch, "e6")))
    store.delete_document(doc_id)
    newer = diplomacy_chronicle()
    newer.events = [e for e in newer.events if e.id != "e6"]
    store.write_one(newer)
    assert [c.kind for c in store.unplaced] == ["event_delete"]
    assert "погрожувала" in store.unplaced[0].describe()
    assert not list_corrections(store)[0].placed


def test_corrections_undo_any_order(store: Store, doc_id: str) -> None:
    ch = diplomacy_chronicle()
    first = add_correction(store, doc_id, "event_update", _anchor(_event(ch, "e1")),
                           {"mode": "hypothetical"})
    add_correction(store, doc_id, "event_delete", _anchor(_event(ch, "e4")))
    undone, unplaced = undo_correction(store, first.id)
    assert undone.undone_at and unplaced == []
    got = store.chronicle(doc_id)
    assert _event(got, "e1").mode == "asserted" and not _event(got, "e1").corrected
    assert "e4" not in {e.id for e in got.events}


def test_corrections_merge_and_link(store: Store, doc_id: str) -> None:
    ch = diplomacy_chronicle()
    moscow = ch.entity("Q649").mentions[0]
    add_correction(store, doc_id, "mention_link", {"start": moscow.start, "end": moscow.end},
                   {"entity": "Q15180"})
    got = store.chronicle(doc_id)
    assert got.entity("Q649") is None
    assert (moscow.start, moscow.end) in {(m.start, m.end) for m in got.entity("Q15180").mentions}
    add_correction(store, doc_id, "entity_merge", {"entity": "person:чан кайши", "mentions": []},
                   {"into": "person:богомолов"})
    got = store.chronicle(doc_id)
    assert got.entity("person:чан кайши") is None
    assert _event(got, "e3").target == ["person:богомолов"] and _event(got, "e3").corrected


def test_corrections_add_event(store: Store, doc_id: str) -> None:
    text = diplomacy_chronicle().document.text
    start = text.index("поїхав")
    corr = add_correction(store, doc_id, "event_add", {"start": start, "end": start + 6},
                          {"cameo": "042", "source": ["person:цзян тінфу"], "target": ["Q649"],
                           "date": "1934-SU"})
    assert corr.replaced == {"event": "e2", "cameo": "042", "date": "1934-SU", "mode": "asserted",
                             "source": ["person:цзян тінфу"], "target": ["Q649"]}
    start = text.index("відновили")
    add_correction(store, doc_id, "event_delete", {"start": start, "end": start + 9})
    corr = add_correction(store, doc_id, "event_add", {"start": start, "end": start + 9},
                          {"cameo": "064", "source": ["Q15180"], "target": ["Q13426199"]})
    got = _event(store.chronicle(doc_id), f"h{corr.id}")
    assert got.evidence.startswith("12 грудня 1932") and got.date is None and got.corrected


@pytest.mark.parametrize("kind,anchor,value,code", [
    ("event_update", {"start": 0, "end": 3}, {"date": "жовтень"}, "E091"),
    ("event_update", {"start": 0, "end": 3}, {"cameo": "99"}, "E091"),
    ("event_update", {"start": 0, "end": 10**6}, {"mode": "negated"}, "E091"),
    ("event_update", {"start": 0, "end": 3}, {"mode": "negated"}, "E090"),
    ("event_update", {"start": 0, "end": 3}, {}, "E091"),
    ("mention_link", {"start": 0, "end": 3}, {"entity": "Q15180"}, "E090"),
    ("entity_merge", {"entity": "Q649"}, {"into": "nobody"}, "E091"),
    ("explode", {"start": 0, "end": 3}, {}, "E091"),
])
def test_corrections_refuse_bad_input(store: Store, doc_id: str, kind: str, anchor: dict,
                                      value: dict, code: str) -> None:
    before = store.chronicle(doc_id).to_dict()
    with pytest.raises(CorrectionError) as err:
        add_correction(store, doc_id, kind, anchor, value)
    assert err.value.code == code and "\n" not in str(err.value)
    assert store.chronicle(doc_id).to_dict() == before
    assert list_corrections(store) == []


def test_corrections_old_file_gets_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as s:
        s.write_one(diplomacy_chronicle())
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key='feature:corrections'").fetchone()
    conn.close()
    with Store(path, read_only=True) as ro:
        assert list_corrections(ro) == []


def test_corrections_old_store_still_exports(tmp_path: Path) -> None:
    """A store written before the corrections feature (no trust columns) is brought up to
    date by `litopys export`, and `serve` reads it."""
    from click.testing import CliRunner

    from litopys.cli import main

    path = tmp_path / "old.db"
    with Store(path) as s:
        s.write_one(diplomacy_chronicle())
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM meta WHERE key='feature:corrections'")
    conn.execute("DROP TABLE corrections")
    conn.execute("DROP TABLE correction_baselines")
    conn.execute("DROP INDEX events_confidence")
    for table, col in (("events", "provenance"), ("events", "confidence"),
                       ("events", "corrected")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {col}")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(main, ["export", "--db", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 6
