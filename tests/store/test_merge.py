"""Cross-document merge: name variants, corroborated events, flagged disagreements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from litopys.chronicle import Chronicle, Entity, Event, Mention
from litopys.cli import main
from litopys.pipeline.ingest import from_text
from litopys.store.db import Store
from litopys.store.merge import corroborated, ensure_merged, entity_aliases, merge_store

DAY = {"1933-11-16": ("1933-11-16", "1933-11-16"), "1933-11": ("1933-11-01", "1933-11-30"),
       "1933-12-10": ("1933-12-10", "1933-12-10"), "1934": ("1934-01-01", "1934-12-31"),
       "1918-02-09": ("1918-02-09", "1918-02-09")}


def _chronicle(text: str, events: list[tuple[str, str | None, list[str], list[str]]],
               names: dict[str, str]) -> Chronicle:
    doc = from_text(text)
    ents = [Entity(id=i, type="PERSON" if i.startswith("person:") else "GPE", name=n,
                   key=i, mentions=[Mention(0, 1, text[0:1])])
            for i, n in names.items()]
    evs = []
    for k, (cameo, dt, src, tgt) in enumerate(events):
        b, e = DAY[dt] if dt else (None, None)
        evs.append(Event(id=f"e{k}", cameo=cameo, cameo_label="label " + cameo, goldstein=1.0,
                         mode="asserted", date=dt, date_source="text" if dt else None,
                         source=src, target=tgt, trigger=text[0:1], evidence=text,
                         start=0, end=1, evidence_start=0, evidence_end=len(text),
                         date_begin=b, date_end=e))
    return Chronicle(document=doc, entities=ents, events=evs)


@pytest.fixture()
def store(db_path: Path) -> Store:
    s = Store(db_path)
    names = {"person:максим-литвинов": "Максим Литвинов", "usa": "США", "ussr": "СРСР"}
    # three documents report the same agreement; the third calls him by surname only
    s.write_one(_chronicle("Литвинов підписав угоду зі США.",
                           [("057", "1933-11-16", ["person:максим-литвинов"], ["usa"])], names))
    s.write_one(_chronicle("У листопаді Литвинов уклав угоду зі США.",
                           [("057", "1933-11", ["person:максим-литвинов"], ["usa"])], names))
    s.write_one(_chronicle("Литвинов і США підписали угоду.",
                           [("057", "1933-11-16", ["person:литвинов"], ["usa"])],
                           {"person:литвинов": "Литвинов", "usa": "США"}))
    # two documents disagree on the date (same code, same actors, a month apart)
    s.write_one(_chronicle("СРСР вислав ноту США 16 листопада.",
                           [("112", "1933-11-16", ["ussr"], ["usa"])], names))
    s.write_one(_chronicle("СРСР вислав ноту США 10 грудня.",
                           [("112", "1933-12-10", ["ussr"], ["usa"])], names))
    # same day and code, but another document adds an actor: grouped, actors flagged
    s.write_one(_chronicle("УНР і Австро-Угорщина підписали мир з Німеччиною.",
                           [("057", "1918-02-09", ["unr", "aut"], ["deu"])],
                           {"unr": "УНР", "aut": "Австро-Угорщина", "deu": "Німеччина"}))
    # unrelated: another year, undated
    s.write_one(_chronicle("У 1918 році УНР підписала мир.",
                           [("057", "1918-02-09", ["unr"], ["deu"]), ("010", None, ["unr"], [])],
                           {"unr": "УНР", "deu": "Німеччина"}))
    yield s
    s.close()


def test_merge_entity_aliases_surname_and_initials() -> None:
    ents = [
        {"id": "person:максим-литвинов", "type": "PERSON", "name": "Максим Литвинов"},
        {"id": "person:литвинов", "type": "PERSON", "name": "Литвинов"},
        {"id": "person:м-литвинов", "type": "PERSON", "name": "М. Литвинов"},
        {"id": "person:шевченко", "type": "PERSON", "name": "Шевченко"},
        {"id": "person:тарас-шевченко", "type": "PERSON", "name": "Тарас Шевченко"},
        {"id": "person:андрій-шевченко", "type": "PERSON", "name": "Андрій Шевченко"},
        {"id": "gpe:срср", "type": "GPE", "name": "СРСР", "wikidata": "Q15180"},
        {"id": "ussr", "type": "GPE", "name": "Радянський Союз", "wikidata": "Q15180"},
    ]
    aliases = entity_aliases(ents, {"ussr": 10, "gpe:срср": 1})
    assert aliases["person:литвинов"] == ("person:максим-литвинов", "surname")
    assert aliases["person:м-литвинов"] == ("person:максим-литвинов", "initials")
    assert "person:шевченко" not in aliases  # two Шевченкоs: ambiguous, kept apart
    assert aliases["gpe:срср"][0] == "ussr"


def test_merge_corroboration_and_disagreement(store: Store) -> None:
    stats = merge_store(store)
    assert stats.events == 8 and stats.aliases == 1
    groups = corroborated(store, min_sources=2)
    by_code = {g["cameo"]: g for g in groups if g["cameo"] != "057"}
    treaty = next(g for g in groups if g["cameo"] == "057" and g["sources"] == 3)
    assert treaty["sources"] == 3
    assert not treaty["date_disagreement"] and not treaty["actor_disagreement"]
    assert (treaty["date_begin"], treaty["date_end"]) == ("1933-11-16", "1933-11-16")
    assert treaty["source_actors"] == ["person:максим-литвинов"]
    assert len(treaty["reports"]) == 3
    note = by_code["112"]
    assert note["sources"] == 2 and note["date_disagreement"]
    assert note["dates"] == ["1933-11-16", "1933-12-10"]
    # every report keeps its own date
    assert sorted(r["date"] for r in note["reports"]) == ["1933-11-16", "1933-12-10"]
    peace = [g for g in groups if g["actor_disagreement"]]
    assert len(peace) == 1 and peace[0]["sources"] == 2 and not peace[0]["date_disagreement"]
    assert peace[0]["source_actors"] == ["aut", "unr"]
    assert [g["sources"] for g in groups] == sorted((g["sources"] for g in groups),
                                                    reverse=True)
    assert all(g["cameo"] != "010" for g in groups)  # undated: never corroborated
    # a second merge with nothing new is skipped, and rebuilding is idempotent
    assert ensure_merged(store) is None
    assert merge_store(store).groups == stats.groups


def test_merge_show_corroborated_cli(store: Store, db_path: Path) -> None:
    store.close()
    result = CliRunner().invoke(main, ["show", "--db", str(db_path), "--corroborated",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data[0]["sources"] == 3
    table = CliRunner().invoke(main, ["show", "--db", str(db_path), "--corroborated"])
    assert table.exit_code == 0 and "Corroborated events" in table.output


def _group_count(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM event_group_members").fetchone()[0]
    finally:
        conn.close()


def test_merge_rebuilt_after_a_run_killed_before_it(tmp_path: Path) -> None:
    """A batch that stored every document but never merged (killed, or merge=False)
    leaves the store stale; the next run, with nothing new to store, rebuilds it."""
    from batch.corpus import write_corpus

    from litopys.batch.runner import run

    write_corpus(tmp_path / "c")
    db = tmp_path / "x.db"
    first = run([str(tmp_path / "c")], db=str(db), workers=1, quiet=True, merge=False)
    assert first.stored == 6 and _group_count(db) == 0
    with Store(db) as store:
        from litopys.store.merge import is_stale

        assert is_stale(store)
    again = run([str(tmp_path / "c")], db=str(db), workers=1, quiet=True)
    assert again.stored == 0 and again.skipped == 6
    assert _group_count(db) > 0
    with Store(db) as store:
        assert not is_stale(store)


def test_merge_half_done_is_stale(store: Store) -> None:
    """A merge killed between its short transactions is redone, not trusted."""
    merge_store(store)
    store.conn.execute("DELETE FROM meta WHERE key='merge_state'")  # as the first step does
    assert ensure_merged(store) is not None


def test_merge_holds_the_write_lock_briefly(tmp_path: Path) -> None:
    """While a large merge runs, another writer never waits for more than a small part
    of it (the old merge held the write lock from start to end)."""
    import sqlite3
    import sys
    import threading
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from run import synthetic_store  # the benchmark's generator of reported events

    db = tmp_path / "merge.db"
    synthetic_store(db, 30_000)
    stop = threading.Event()
    waits: list[float] = []
    errors: list[str] = []

    def writer() -> None:
        conn = sqlite3.connect(db, timeout=60.0, isolation_level=None)
        while not stop.is_set():
            t0 = time.perf_counter()
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('probe', ?)",
                             (str(t0),))
                conn.execute("COMMIT")
            except sqlite3.OperationalError as err:
                errors.append(str(err))
            waits.append(time.perf_counter() - t0)
            time.sleep(0.02)
        conn.close()

    with Store(db) as s:
        t = threading.Thread(target=writer)
        t.start()
        try:
            stats = merge_store(s)
        finally:
            stop.set()
            t.join()
        assert stats.events == 30_000 and stats.seconds > 0.5
        assert not errors, errors[:3]
        assert len(waits) > 5 and max(waits) < stats.seconds / 4, (max(waits), stats.seconds)
        assert not is_stale_store(s)


def is_stale_store(store: Store) -> bool:
    from litopys.store.merge import is_stale

    return is_stale(store)
