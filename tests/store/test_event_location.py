"""Schema v3: an event's location (the place where it happened) is stored and read back."""

from __future__ import annotations

import sqlite3

import pytest

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention
from litopys.store.db import Store
from litopys.store.migrate import MIGRATIONS, migrate

TEXT = "18 березня 1921 року в Ризі Польща підписала договір з РСФРР."


def _chronicle(location: str | None) -> Chronicle:
    doc = Document(id="d1", path="x.txt", text=TEXT)
    ents = [Entity(id=i, type="GPE", name=n, mentions=[Mention(TEXT.index(n), TEXT.index(n)
                                                               + len(n), n)])
            for i, n in (("riga", "Ризі"), ("pol", "Польща"), ("soviet_russia", "РСФРР"))]
    k = TEXT.index("підписала")
    ev = Event(id="e1", cameo="057", cameo_label="Sign formal agreement", goldstein=8.0,
               mode="asserted", date="1921-03-18", date_source="text", source=["pol"],
               target=["soviet_russia"], trigger="підписала", evidence=TEXT, start=k,
               end=k + 9, evidence_start=0, evidence_end=len(TEXT), location=location)
    return Chronicle(document=doc, entities=ents, events=[ev])


@pytest.mark.parametrize("location", ["riga", None])
def test_event_location_round_trip(db_path, location: str | None) -> None:
    with Store(db_path) as store:
        store.write_one(_chronicle(location))
        back = store.chronicle("d1")
    assert back is not None and back.events[0].location == location


def test_event_location_migration_from_v2(tmp_path) -> None:
    """A version-2 file gains the column; its events read back with no location."""
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    for version in (1, 2):
        conn.execute("BEGIN")
        MIGRATIONS[version](conn)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                     (str(version),))
        conn.execute("COMMIT")
    assert "location" not in {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    assert migrate(conn) == 3
    assert "location" in {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    conn.close()
