"""One time-value module: parse, bound, shift and compare TIMEX3 values.

Every piece of litopys that needs the days a value covers (the tagger, the
evaluator, ``show --from/--to``, the store's date queries, ``litopys check``)
calls this module, so they agree on every convention:

- years are astronomical: ``0000`` is 1 BC, ``-0479`` is 480 BC;
- the calendar is the proleptic Gregorian one;
- winter belongs to the year it starts in: ``1934-WI`` is 1934-12-01 .. 1935-02-28;
- a decade ``193X`` is 1930..1939, a century ``19XX`` 1900..1999, and
  ``-04XX`` the astronomical years -499..-400 (the 5th century BC);
- a range ``A/B`` runs from the first day of A to the last day of B;
- a duration (``P10Y``, ``PT3H``) has a length but no place on the calendar.

    >>> TimexValue.parse("1934-WI").bounds()
    ('1934-12-01', '1935-02-28')

DOCS: docs/TIME.md
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

__all__ = ["Day", "Point", "TimexValue", "VALUE_RE", "days_in", "valid_day", "iso",
           "day_bounds", "parse_day"]

SEASONS = ("SP", "SU", "FA", "WI")
#: First and last month of each season (winter ends in the next year).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2),
                 # quarters and halves of a year share the season slot of a Point
                 "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6),
                 "H2": (7, 12)}
DAY_PARTS = ("MO", "AF", "EV", "NI")

#: A value the tagger may emit: a point, a decade or century, a duration, or a range of points.
_POINT = (r"-?\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}|T(?:MO|AF|EV|NI))?)?|-(?:SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2}))?"
          r"|-?\d{3}X|-?\d{2}XX")
VALUE_RE = re.compile(
    rf"^(?:(?:{_POINT})(?:/(?:{_POINT}))?|P(?:\d+(?:\.\d+)?|X)[DWMY]|PT\d+(?:\.\d+)?[HM]"
    r"|P\d+Y\d+M|P\d+M\d+D|P\d+DT\d+H|PT\d+H\d+M)$"
)

_POINT_PARSE = re.compile(
    r"^(?P<y>-?\d{4})(?:-(?:(?P<mo>\d{2})(?:-(?P<d>\d{2})(?:T(?P<t>\d{2}:\d{2}(?::\d{2})?"
    r"|MO|AF|EV|NI))?)?|(?P<s>SP|SU|FA|WI)|Q(?P<q>[1-4])|H(?P<h>[12])|W(?P<w>\d{2})))?$"
)
_DECADE_PARSE = re.compile(r"^(?P<sign>-?)(?P<d>\d{3})X$")
_CENTURY_PARSE = re.compile(r"^(?P<sign>-?)(?P<c>\d{2})XX$")
_DURATION_PARSE = re.compile(
    r"^P(?:(?P<n>\d+(?:[.,]\d+)?|X)(?P<u>[DWMY])|T(?P<tn>\d+(?:[.,]\d+)?)(?P<tu>[HMS]))$"
)
# Two units: "P2Y6M" (два з половиною роки), "PT1H30M"; read as a count of the larger unit.
_COMPOUND_PARSE = re.compile(r"^P(?:(?P<a>\d+)(?P<ua>[YMD])|T(?P<ta>\d+)H)T?(?P<b>\d+)(?P<ub>[MDH])$")
_PER_LARGER = {("Y", "M"): 12, ("M", "D"): 30, ("D", "H"): 24, ("H", "M"): 60}
_ISO_DAY = re.compile(r"^(-?\d{4})-(\d{2})-(\d{2})$")


def days_in(year: int, month: int) -> int:
    """Days in a month of the proleptic Gregorian calendar (astronomical years)."""
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether year-month-day is a real date."""
    return 1 <= month <= 12 and 1 <= day <= days_in(year, month)


_CALENDAR = re.compile(r"(-?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")  # YYYY[-MM[-DD]], fullmatch


def is_calendar_date(value: str) -> bool:
    """Is ``value`` YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month and day?

    For dates users type (``--anchor``, ``--from``/``--to``, the web filters): a leading
    "-" is an astronomical year before the common era (as in TIMEX3 values); year 0000,
    month 00 and day 00 are refused, and the day must exist in its month.

    value (str): the date as given.
    RETURNS (bool): whether it is a real date.
    """
    m = _CALENDAR.fullmatch(value)
    if not m or int(m.group(2)) == 0:
        return False
    if m.group(3) is None:
        return True
    year = -int(m.group(2)) if m.group(1) else int(m.group(2))
    month = int(m.group(3))
    if m.group(4) is None:
        return 1 <= month <= 12
    return valid_day(year, month, int(m.group(4)))


def iso(year: int, month: int, day: int) -> str:
    """ISO date string; astronomical years below 0 get a minus sign ("-0479-01-01")."""
    return f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}-{day:02d}"


class Day(NamedTuple):
    """One calendar day; tuples compare in time order, BCE years included."""

    year: int
    month: int
    day: int

    @property
    def iso(self) -> str:
        return iso(*self)

    def ordinal(self) -> int:
        """Days since 0000-03-01 (proleptic Gregorian): comparable, and differences are lengths."""
        y = self.year - (self.month <= 2)
        era = y // 400
        yoe = y - era * 400
        mp = (self.month + 9) % 12
        doy = (153 * mp + 2) // 5 + self.day - 1
        return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy

    @classmethod
    def from_ordinal(cls, n: int) -> Day:
        """The inverse of :meth:`ordinal`."""
        era = n // 146097
        doe = n - era * 146097
        yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
        doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
        mp = (5 * doy + 2) // 153
        d = doy - (153 * mp + 2) // 5 + 1
        m = mp + 3 if mp < 10 else mp - 9
        return cls(yoe + era * 400 + (m <= 2), m, d)

    def plus(self, days: int) -> Day:
        """The day ``days`` later (earlier when negative)."""
        return Day.from_ordinal(self.ordinal() + days)


def parse_day(text: str) -> Day | None:
    """Parse an ISO day "YYYY-MM-DD" (or "-YYYY-MM-DD"); None if it is not a real date."""
    m = _ISO_DAY.match(text)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    return Day(y, mo, d) if valid_day(y, mo, d) else None


@dataclass(frozen=True)
class Point:
    """A calendar point at some precision (astronomical years: 0 = 1 BC).

    year (int): the year.
    month / day (int | None): set for month and day precision.
    season (str | None): "SP", "SU", "FA" or "WI" for a season, "Q1".."Q4" for a quarter,
        "H1"/"H2" for a half of the year.
    time (str | None): "HH:MM" or a part of the day ("MO", "AF", "EV", "NI").
    """

    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None
    time: str | None = None

    @property
    def precision(self) -> str:
        if self.time:
            return "time"
        if self.day:
            return "day"
        if self.month:
            return "month"
        if self.season:
            return "season"
        return "year"

    @property
    def value(self) -> str:
        y = f"-{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.season:
            return f"{y}-{self.season}"
        if not self.month:
            return y
        if not self.day:
            return f"{y}-{self.month:02d}"
        out = f"{y}-{self.month:02d}-{self.day:02d}"
        return f"{out}T{self.time}" if self.time else out

    def days(self) -> tuple[Day, Day]:
        """RETURNS (tuple[Day, Day]): the first and the last day the point covers."""
        if self.season:
            m1, m2 = SEASON_MONTHS[self.season]
            y2 = self.year + 1 if self.season == "WI" else self.year
            return Day(self.year, m1, 1), Day(y2, m2, days_in(y2, m2))
        if not self.month:
            return Day(self.year, 1, 1), Day(self.year, 12, 31)
        if not self.day:
            return Day(self.year, self.month, 1), Day(self.year, self.month,
                                                      days_in(self.year, self.month))
        d = Day(self.year, self.month, self.day)
        return d, d

    def bounds(self) -> tuple[str, str]:
        """RETURNS (tuple[str, str]): the first and the last day as ISO strings."""
        a, b = self.days()
        return a.iso, b.iso

    def shift(self, unit: str, n: int) -> Point | None:
        """Move the point by n units; the result has the unit's precision.

        unit (str): "D", "W", "M", "Y", "10Y" or "100Y".
        n (int): how many units (negative: back).
        RETURNS (Point | None): the shifted point, or None when the point is too coarse.
        """
        if unit in ("D", "W"):
            if not self.day or self.year < 1:
                return None
            try:
                d = (date(self.year, self.month or 1, self.day)
                     + timedelta(days=n * (7 if unit == "W" else 1)))
            except (ValueError, OverflowError):
                return None
            return Point(d.year, d.month, d.day)
        if unit == "M":
            if not self.month:
                return None
            k = self.year * 12 + self.month - 1 + n
            return Point(k // 12, k % 12 + 1)
        scale = {"Y": 1, "10Y": 10, "100Y": 100}.get(unit)
        return None if scale is None else Point(self.year + n * scale)

    def later(self, unit: str, n: int) -> Point | None:
        """The point n units later at the point's own precision ("1709-04-30" + 2 "M" ->
        "1709-06-30"; the day is clipped to the month's length); None for seasons and
        times, or a unit finer than the point.

        unit (str): "D", "W", "M" or "Y".
        n (int): how many units.
        """
        if self.season or self.time or unit not in ("D", "W", "M", "Y"):
            return None
        if unit == "Y" and self.month:
            unit, n = "M", 12 * n  # keep the month: a year is twelve of them
        p = self.shift(unit, n)
        if p is None or unit != "M" or not self.day:
            return p
        return Point(p.year, p.month, min(self.day, days_in(p.year, p.month)))

    @classmethod
    def from_value(cls, value: str) -> Point | None:
        """The point a value names ("1934-WI", "1939-08-21T23:15"); None for others."""
        m = _POINT_PARSE.match(value)
        if not m or m.group("w"):
            return None
        if m.group("q") or m.group("h"):
            part = f"Q{m.group('q')}" if m.group("q") else f"H{m.group('h')}"
            return cls(int(m.group("y")), season=part)
        mo = int(m.group("mo")) if m.group("mo") else None
        return cls(int(m.group("y")), mo, int(m.group("d")) if m.group("d") else None,
                   m.group("s"), m.group("t"))

    @classmethod
    def from_iso(cls, value: str) -> Point | None:
        """The point an ISO-like anchor starts with ("2020", "2020-04", "2020-04-23...")."""
        m = re.match(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if not m:
            return None
        return cls(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                   int(m.group(3)) if m.group(3) else None)


def decade_days(first_year: int) -> tuple[Day, Day]:
    """The first and last day of the decade starting at ``first_year``."""
    return Day(first_year, 1, 1), Day(first_year + 9, 12, 31)


def century_days(number: int, bce: bool = False) -> tuple[str, tuple[Day, Day]]:
    """Value and days of the ``number``-th century (``bce``: before the common era).

    RETURNS (tuple): ("19XX", (first day, last day)); for the 5th century BC
        ("-04XX", astronomical -499-01-01 .. -400-12-31).
    """
    if bce:
        return (f"-{number - 1:02d}XX",
                (Day(-(number * 100 - 1), 1, 1), Day(-((number - 1) * 100), 12, 31)))
    lo = (number - 1) * 100
    return f"{number - 1:02d}XX", (Day(lo, 1, 1), Day(lo + 99, 12, 31))


@dataclass(frozen=True)
class TimexValue:
    """A parsed TIMEX3 value: what it is and which days it covers.

    value (str): the value as written ("1934-WI", "193X", "1918-03/1918-05", "P10Y").
    kind (str): "point", "decade", "century", "range" or "duration".
    first / last (Day | None): the first and last day covered (None for a duration).
    duration (tuple[float | None, str] | None): for a duration, (count or None for "X",
        unit: "D", "W", "M", "Y", "H", "MIN" or "S").
    """

    value: str
    kind: str
    first: Day | None = None
    last: Day | None = None
    duration: tuple[float | None, str] | None = None

    @classmethod
    def parse(cls, value: str | None) -> TimexValue | None:
        """Parse a value; None when it is not one this module knows.

        value (str | None): a TIMEX3-style value.
        RETURNS (TimexValue | None): the parsed value.
        """
        if not value or not isinstance(value, str):
            return None
        value = value.strip()
        if value.startswith("P"):
            m = _DURATION_PARSE.match(value)
            c = None if m else _COMPOUND_PARSE.match(value)
            if c is not None:
                big = c.group("ua") or "H"
                per = _PER_LARGER.get((big, c.group("ub")))
                if per is None:
                    return None
                count = int(c.group("a") or c.group("ta")) + int(c.group("b")) / per
                return cls(value, "duration", duration=(count, "MIN" if big == "M" and "T" in value
                                                         else big))
            if not m:
                return None
            if m.group("u"):
                n, unit = m.group("n"), m.group("u")
            else:
                n, unit = m.group("tn"), {"H": "H", "M": "MIN", "S": "S"}[m.group("tu")]
            count = None if n == "X" else float(n.replace(",", "."))
            return cls(value, "duration", duration=(count, unit))
        if "/" in value:
            a, _, b = value.partition("/")
            pa, pb = cls.parse(a), cls.parse(b)
            if pa is None or pb is None or pa.first is None or pb.last is None:
                return None
            if pb.last < pa.first:
                return None
            return cls(value, "range", pa.first, pb.last)
        m = _DECADE_PARSE.match(value)
        if m:
            d = int(m.group("d")) * 10
            if m.group("sign"):
                return cls(value, "decade", Day(-d - 9, 1, 1), Day(-d, 12, 31))
            return cls(value, "decade", *decade_days(d))
        m = _CENTURY_PARSE.match(value)
        if m:
            _, days = century_days(int(m.group("c")) + 1, bce=bool(m.group("sign")))
            return cls(value, "century", *days)
        m = _POINT_PARSE.match(value)
        if not m:
            return None
        y = int(m.group("y"))
        if m.group("s"):
            first, last = Point(y, season=m.group("s")).days()
        elif m.group("q"):
            q = int(m.group("q"))
            first, last = Day(y, 3 * q - 2, 1), Day(y, 3 * q, days_in(y, 3 * q))
        elif m.group("h"):
            h = int(m.group("h"))
            first, last = Day(y, 6 * h - 5, 1), Day(y, 6 * h, days_in(y, 6 * h))
        elif m.group("w"):
            w = int(m.group("w"))
            # ISO week: week 1 holds the year's first Thursday
            jan4 = Day(y, 1, 4)
            monday = jan4.plus(-((jan4.ordinal() + 2) % 7))
            if not 1 <= w <= 53:
                return None
            first = monday.plus(7 * (w - 1))
            last = first.plus(6)
        elif m.group("mo"):
            mo = int(m.group("mo"))
            if not 1 <= mo <= 12:
                return None
            if m.group("d"):
                d = int(m.group("d"))
                if not valid_day(y, mo, d):
                    return None
                first = last = Day(y, mo, d)
            else:
                first, last = Day(y, mo, 1), Day(y, mo, days_in(y, mo))
        else:
            first, last = Day(y, 1, 1), Day(y, 12, 31)
        return cls(value, "point", first, last)

    @property
    def is_duration(self) -> bool:
        return self.kind == "duration"

    def bounds(self) -> tuple[str, str] | None:
        """RETURNS (tuple[str, str] | None): first and last day as ISO strings (None: duration)."""
        if self.first is None or self.last is None:
            return None
        return self.first.iso, self.last.iso

    def contains(self, other: TimexValue) -> bool:
        """Whether every day of ``other`` lies within this value (durations contain nothing)."""
        if None in (self.first, self.last, other.first, other.last):
            return False
        return self.first <= other.first and other.last <= self.last  # type: ignore[operator]

    def overlaps(self, other: TimexValue) -> bool:
        """Whether the two values share at least one day."""
        if None in (self.first, self.last, other.first, other.last):
            return False
        return self.first <= other.last and other.first <= self.last  # type: ignore[operator]

    def compatible(self, other: TimexValue) -> bool:
        """Equal, or one lies within the other (the evaluator's event-date rule)."""
        return self.value == other.value or self.contains(other) or other.contains(self)

    def shift(self, unit: str, n: int) -> TimexValue | None:
        """The value moved by n units, at the unit's precision (points only).

        unit (str): "D", "W", "M", "Y", "10Y" or "100Y".
        n (int): how many units (negative: back).
        RETURNS (TimexValue | None): the shifted value, or None when it cannot be shifted.
        """
        p = Point.from_value(self.value) if self.kind == "point" else None
        moved = p.shift(unit, n) if p is not None else None
        return None if moved is None else TimexValue.parse(moved.value)


def day_bounds(text: str) -> tuple[str, str] | None:
    """First and last ISO day of a date filter "YYYY", "YYYY-MM" or "YYYY-MM-DD".

    text (str): the filter value (as given to ``show --from/--to`` or ``/search``).
    RETURNS (tuple[str, str] | None): the days it covers, None if it is not such a date.
    """
    if not _CALENDAR.fullmatch(text or ""):
        return None
    parsed = TimexValue.parse(text)
    return None if parsed is None else parsed.bounds()
