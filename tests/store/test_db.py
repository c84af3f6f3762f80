from __future__ import annotations

import sqlite3

import pytest

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention, Timex
from litopys.errors import StoreError
from litopys.store.check import check_store
from litopys.store.db import Store
from litopys.store.migrate import SCHEMA_VERSION


def _chronicle(text: str = "СРСР і Китай 12 грудня 1932 р. відновили відносини.") -> Chronicle:
    doc = Document(id="d1", path="x.txt", text=text)
    a = Entity(id="ussr", type="GPE", name="СРСР", mentions=[Mention(0, 4, "СРСР")])
    b = Entity(id="chn", type="GPE", name="Китай", mentions=[Mention(7, 12, "Китай")])
    t = Timex(start=13, end=30, text=text[13:30], value="1932-12-12", begin="1932-12-12",
              end_date="1932-12-12", precision="day")
    ev = Event(id="e1", cameo="064", cameo_label="Share intelligence", goldstein=7.0,
               mode="asserted", date="1932-12-12", date_source="text", source=["ussr"],
               target=["chn"], trigger=text[31:40], evidence=text, start=31, end=40,
               evidence_start=0, evidence_end=len(text), date_begin="1932-12-12",
               date_end="1932-12-12")
    return Chronicle(document=doc, entities=[a, b], timexes=[t], events=[ev])


def test_db_write_and_read_back(db_path) -> None:
    ch = _chronicle()
    with Store(db_path) as store:
        assert store.write_one(ch)
        assert not store.write_one(ch)  # same content hash: nothing changes
        back = store.chronicle("d1")
    assert back is not None
    assert back.to_dict()["events"] == ch.to_dict()["events"]
    assert {e.id for e in back.entities} == {"ussr", "chn"}
    assert back.timexes[0].value == "1932-12-12"
    assert check_store(str(db_path)) == []


def test_db_schema_version_and_wal(db_path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(
        SCHEMA_VERSION)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_db_refuses_foreign_file(tmp_path) -> None:
    p = tmp_path / "other.db"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="E021"):
        Store(p)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="E021"):
        Store(junk)


def test_db_query_events_filters(db_path) -> None:
    with Store(db_path) as store:
        store.write_one(_chronicle())
        assert len(store.query_events(actor="Китай")) == 1
        assert len(store.query_events(actor="ussr")) == 1
        assert len(store.query_events(actor="Японія")) == 0
        assert len(store.query_events(date_from="1932-01-01", date_to="1932-12-31")) == 1
        assert len(store.query_events(date_from="1933-01-01")) == 0


def test_db_check_finds_bad_span(db_path) -> None:
    with Store(db_path) as store:
        store.write_one(_chronicle())
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE mentions SET start = start + 1 WHERE entity_id='chn'")
    conn.commit()
    conn.close()
    problems = check_store(str(db_path))
    assert any("does not match" in p for p in problems)


def test_db_migrate_twice_at_once_is_harmless(tmp_path, monkeypatch) -> None:
    """Two processes opening a new store at once: the one that waited for the lock sees
    the other's migrations and does not apply them again (duplicate column). The real
    race runs in tests/batch/test_runner.py; here the stale first read is forced."""
    import sqlite3

    import litopys.store.migrate as m

    path = tmp_path / "race.db"
    first = sqlite3.connect(path, isolation_level=None)
    second = sqlite3.connect(path, isolation_level=None)
    m.migrate(first, str(path))
    original = m.current_version
    stale = [0]  # what the second read before the first committed

    def stale_then_real(conn, p="database"):  # type: ignore[no-untyped-def]
        return stale.pop() if stale else original(conn, p)

    monkeypatch.setattr(m, "current_version", stale_then_real)
    assert m.migrate(second, str(path)) == m.SCHEMA_VERSION
    cols = [r[1] for r in second.execute("PRAGMA table_info(events)")]
    assert cols.count("location") == 1


def _named(doc_id: str, text: str, lang: str, name: str, aliases: list[str]) -> Chronicle:
    doc = Document(id=doc_id, path=f"{doc_id}.txt", text=text, language=lang)
    ent = Entity(id="ussr", type="GPE", name=name, aliases=aliases,
                 mentions=[Mention(0, len(name), name)])
    return Chronicle(document=doc, entities=[ent])


def test_db_keeps_every_display_name_with_its_language(db_path) -> None:
    """Issue 16: one id across languages; the store keeps the name each document showed
    (with the document's language) and the dictionary's other names, not only the first."""
    with Store(db_path) as store:
        store.write_one(_named("uk1", "СРСР підписав.", "uk", "СРСР", ["СССР"]))
        store.write_one(_named("uk2", "СРСР заявив.", "uk", "СРСР", ["СССР"]))
        store.write_one(_named("ru1", "СССР подписал.", "ru", "СССР", ["СРСР"]))
        ent = store.entity("ussr")
        assert ent["name"] == "СРСР"  # the first document's
        assert ent["names"] == [{"name": "СРСР", "languages": ["uk"], "documents": 2},
                                {"name": "СССР", "languages": ["ru"], "documents": 1}]
        store.delete_document("ru1")  # its names go with it; the dictionary alias stays
        assert store.entity("ussr")["names"] == [
            {"name": "СРСР", "languages": ["uk"], "documents": 2},
            {"name": "СССР", "languages": [], "documents": 2}]


def test_db_actor_search_finds_a_name_no_text_used(db_path) -> None:
    """Searching events by an actor's name in another language finds them (the alias)."""
    from litopys.store.queries import EventFilter, search_events

    with Store(db_path) as store:
        store.write_one(_chronicle())
        with store.conn:
            store.conn.execute("INSERT INTO entity_names(entity_id, document_id, language, "
                               "name) VALUES ('ussr', 'd1', NULL, 'Советский Союз')")
        found = search_events(store, EventFilter(actor="советский"))
        assert len(found) == 1 and found[0]["trigger"] == "відновили"
        assert search_events(store, EventFilter(actor="зовсім інший")) == []
