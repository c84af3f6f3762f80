"""The places outside the time package that bound dates call its value module:
``show --from/--to``, the store's filters, ``litopys check`` and the event merge."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention, Timex
from litopys.cli import _expand, main
from litopys.store.check import check_store
from litopys.store.db import Store
from litopys.store.merge import _iso, _ordinal
from litopys.store.queries import EventFilter, count_events, is_date


@pytest.mark.parametrize(
    "value,first,expected",
    [("1932", True, "1932-01-01"), ("1932", False, "1932-12-31"),
     ("1932-02", False, "1932-02-29"), ("1931-02", False, "1931-02-28"),
     ("1932-02-10", True, "1932-02-10")],
)
def test_time_filters_cli_expand(value: str, first: bool, expected: str) -> None:
    assert _expand(value, first) == expected


@pytest.mark.parametrize("value", ["1932-13", "1932-02-30", "32", "1932-SU"])
def test_time_filters_cli_rejects_impossible_dates(db_path: Path, value: str) -> None:
    Store(db_path).close()
    res = CliRunner().invoke(main, ["show", "--db", str(db_path), "--from", value])
    assert res.exit_code != 0 and "E030" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("value,ok", [("1932", True), ("1932-02", True), ("1932-02-29", True),
                                      ("1931-02-29", False), ("1932-00", False), ("x", False)])
def test_time_filters_store_is_date(value: str, ok: bool) -> None:
    assert is_date(value) is ok


def _chronicle(date: str, begin: str, end: str) -> Chronicle:
    text = "СРСР і Китай взимку 1934 р. відновили відносини."
    a = Entity(id="ussr", type="GPE", name="СРСР", mentions=[Mention(0, 4, "СРСР")])
    b = Entity(id="chn", type="GPE", name="Китай", mentions=[Mention(7, 12, "Китай")])
    t = Timex(start=13, end=27, text=text[13:27], value=date, begin=begin, end_date=end,
              precision="season")
    ev = Event(id="e1", cameo="064", cameo_label="", goldstein=7.0, mode="asserted", date=date,
               date_source="text", source=["ussr"], target=["chn"], trigger=text[28:37],
               evidence=text, start=28, end=37, evidence_start=0, evidence_end=len(text),
               date_begin=begin, date_end=end)
    return Chronicle(document=Document(id="d1", path="x.txt", text=text), entities=[a, b],
                     timexes=[t], events=[ev])


@pytest.mark.parametrize(
    "date_from,date_to,found",
    [("1935-01", "1935-01", 1), ("1934-12", None, 1), (None, "1934-11", 0), ("1935-03", None, 0),
     ("1935", "1935", 1)],
)
def test_time_filters_store_winter_spans_new_year(db_path: Path, date_from: str | None,
                                                  date_to: str | None, found: int) -> None:
    with Store(db_path) as store:
        store.write_one(_chronicle("1934-WI", "1934-12-01", "1935-02-28"))
        f = EventFilter(date_from=date_from, date_to=date_to)
        assert count_events(store, f) == found


def test_time_filters_check_orders_bce_days(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_one(_chronicle("-0479", "-0479-01-01", "-0479-12-31"))
    assert not [p for p in check_store(str(db_path)) if "is after" in p]
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE events SET date_begin='-0470-01-01'")
    conn.commit()
    conn.close()
    assert any("is after" in p for p in check_store(str(db_path)))


@pytest.mark.parametrize("day", ["1932-12-12", "0001-01-01", "-0479-03-01", "2000-02-29"])
def test_time_filters_merge_day_numbers_round_trip(day: str) -> None:
    n = _ordinal(day)
    assert n is not None and _iso(n) == day
    assert _ordinal("1932-02-30") is None and _ordinal(None) is None
