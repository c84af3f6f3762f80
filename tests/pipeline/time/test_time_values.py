"""Tests for the one time-value module (litopys.pipeline.time.values)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from litopys.pipeline.time.values import (
    VALUE_RE,
    Day,
    Point,
    TimexValue,
    day_bounds,
    days_in,
    parse_day,
)


@pytest.mark.parametrize(
    "value,kind,first,last",
    [
        ("1932-12-12", "point", "1932-12-12", "1932-12-12"),
        ("1939-08-21T23:15", "point", "1939-08-21", "1939-08-21"),
        ("1920-04-21TEV", "point", "1920-04-21", "1920-04-21"),
        ("1935-10", "point", "1935-10-01", "1935-10-31"),
        ("1936-02", "point", "1936-02-01", "1936-02-29"),
        ("1900-02", "point", "1900-02-01", "1900-02-28"),
        ("1934", "point", "1934-01-01", "1934-12-31"),
        ("1934-SP", "point", "1934-03-01", "1934-05-31"),
        ("1934-SU", "point", "1934-06-01", "1934-08-31"),
        ("1934-FA", "point", "1934-09-01", "1934-11-30"),
        ("1934-WI", "point", "1934-12-01", "1935-02-28"),
        ("1935-WI", "point", "1935-12-01", "1936-02-29"),
        ("1945-Q2", "point", "1945-04-01", "1945-06-30"),
        ("1945-H2", "point", "1945-07-01", "1945-12-31"),
        ("2020-W01", "point", "2019-12-30", "2020-01-05"),
        ("193X", "decade", "1930-01-01", "1939-12-31"),
        ("19XX", "century", "1900-01-01", "1999-12-31"),
        ("16XX/17XX", "range", "1600-01-01", "1799-12-31"),
        ("-0479", "point", "-0479-01-01", "-0479-12-31"),
        ("-04XX", "century", "-0499-01-01", "-0400-12-31"),
        ("-047X", "decade", "-0479-01-01", "-0470-12-31"),
        ("1918-03/1918-05", "range", "1918-03-01", "1918-05-31"),
        ("1938-09-29/1938-09-30", "range", "1938-09-29", "1938-09-30"),
        ("1973-FA/1975-SU", "range", "1973-09-01", "1975-08-31"),
    ],
)
def test_values_bounds(value: str, kind: str, first: str, last: str) -> None:
    parsed = TimexValue.parse(value)
    assert parsed is not None
    assert parsed.kind == kind
    assert parsed.bounds() == (first, last)


@pytest.mark.parametrize(
    "value,count,unit",
    [("P10Y", 10, "Y"), ("P2W", 2, "W"), ("P10D", 10, "D"), ("PXY", None, "Y"),
     ("PT3H", 3, "H"), ("PT15M", 15, "MIN"), ("P2.5Y", 2.5, "Y"), ("P6M", 6, "M")],
)
def test_values_durations(value: str, count: float | None, unit: str) -> None:
    parsed = TimexValue.parse(value)
    assert parsed is not None and parsed.is_duration
    assert parsed.duration == (count, unit)
    assert parsed.bounds() is None


@pytest.mark.parametrize(
    "value",
    ["", None, "1932-13", "1932-02-30", "19XXX", "spring", "1932-XX", "P", "1935/1934",
     "1934-WI/1934-SP", "T23:15", "1932-12-12T"],
)
def test_values_reject(value: str | None) -> None:
    assert TimexValue.parse(value) is None


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("1935-01-15", "1934-WI", True),  # winter 1934 runs into January 1935
        ("1934-01-15", "1934-WI", False),
        ("1938-03-12", "1938-WI", False),
        ("1938-03-12", "1938", True),
        ("1938", "1938-03-12", True),
        ("193X", "1938-03", True),
        ("1940", "193X", False),
        ("-0479", "-04XX", True),
        ("-0399", "-04XX", False),
        ("1918-03/1918-05", "1918-04-02", True),
        ("1918-03/1918-05", "1918-06", False),
        ("P10Y", "P10Y", True),
        ("P10Y", "1932", False),
    ],
)
def test_values_compatible(a: str, b: str, expected: bool) -> None:
    pa, pb = TimexValue.parse(a), TimexValue.parse(b)
    assert pa is not None and pb is not None
    assert pa.compatible(pb) is expected
    assert pb.compatible(pa) is expected


@pytest.mark.parametrize(
    "a,b,overlaps,contains",
    [("1934-WI", "1935-02", True, True), ("1934-WI", "1935", True, False),
     ("1934", "1935", False, False), ("19XX", "1918-03/1918-05", True, True)],
)
def test_values_overlap_and_contain(a: str, b: str, overlaps: bool, contains: bool) -> None:
    pa, pb = TimexValue.parse(a), TimexValue.parse(b)
    assert pa is not None and pb is not None
    assert pa.overlaps(pb) is overlaps and pb.overlaps(pa) is overlaps
    assert pa.contains(pb) is contains


@pytest.mark.parametrize(
    "value,unit,n,expected",
    [("1932-12-12", "D", 1, "1932-12-13"), ("1932-12-31", "D", 1, "1933-01-01"),
     ("1932-03-01", "D", -1, "1932-02-29"), ("1932-12-12", "W", 2, "1932-12-26"),
     ("1932-12", "M", 1, "1933-01"), ("1932-12-12", "M", -12, "1931-12"),
     ("1932", "Y", -1, "1931"), ("1934-WI", "Y", 1, "1935"), ("1932-12", "D", 1, None),
     ("193X", "Y", 1, None)],
)
def test_values_shift(value: str, unit: str, n: int, expected: str | None) -> None:
    parsed = TimexValue.parse(value)
    assert parsed is not None
    moved = parsed.shift(unit, n)
    assert (moved.value if moved else None) == expected


@pytest.mark.parametrize(
    "text,expected",
    [("1932", ("1932-01-01", "1932-12-31")), ("1932-02", ("1932-02-01", "1932-02-29")),
     ("1932-02-10", ("1932-02-10", "1932-02-10")), ("1932-13", None), ("32", None),
     ("1932-02-30", None), ("1932-SU", None)],
)
def test_values_day_bounds(text: str, expected: tuple[str, str] | None) -> None:
    assert day_bounds(text) == expected


@given(st.dates())
def test_values_ordinal_matches_the_calendar(d: date) -> None:
    day = Day(d.year, d.month, d.day)
    assert day.ordinal() - Day(1, 1, 1).ordinal() == d.toordinal() - 1
    assert Day.from_ordinal(day.ordinal()) == day
    assert parse_day(day.iso) == day


@given(st.integers(-3000, 3000), st.integers(1, 12), st.integers(1, 31), st.integers(-800, 800))
def test_values_ordinal_round_trip_bce(y: int, m: int, d: int, shift: int) -> None:
    d = min(d, days_in(y, m))
    day = Day(y, m, d)
    assert Day.from_ordinal(day.ordinal()) == day
    later = day.plus(shift)
    assert (later > day) == (shift > 0) and later.plus(-shift) == day


_POINTS = st.builds(
    lambda y, m, d, s, kind: (
        Point(y) if kind == 0 else Point(y, m) if kind == 1 else
        Point(y, m, min(d, days_in(y, m))) if kind == 2 else Point(y, season=s)
    ),
    st.integers(-2000, 2100), st.integers(1, 12), st.integers(1, 31),
    st.sampled_from(["SP", "SU", "FA", "WI"]), st.integers(0, 3),
)


@given(_POINTS, _POINTS)
def test_values_start_before_end(a: Point, b: Point) -> None:
    for p in (a, b):
        parsed = TimexValue.parse(p.value)
        assert parsed is not None and VALUE_RE.match(p.value)
        assert parsed.first <= parsed.last
        assert parsed.bounds() == p.bounds()
    ranged = TimexValue.parse(f"{a.value}/{b.value}")
    if ranged is not None:
        assert ranged.first <= ranged.last
        assert (ranged.first, ranged.last) == (a.days()[0], b.days()[1])
    else:
        assert b.days()[1] < a.days()[0]


@pytest.mark.parametrize("value,ok", [
    ("1932", True), ("1932-12", True), ("1932-12-12", True), ("2024-02-29", True),
    ("-0479", True), ("-0479-09-29", True),
    ("2023-02-29", False), ("2020-13-45", False), ("2020-13", False), ("0000-00-00", False),
    ("0000", False), ("1932-00", False), ("1932-12-00", False), ("1932-12-32", False),
    ("32", False), ("1932-1-1", False), ("", False), ("1932-SU", False),
])
def test_time_values_is_calendar_date(value: str, ok: bool) -> None:
    from litopys.pipeline.time.values import is_calendar_date

    assert is_calendar_date(value) is ok
