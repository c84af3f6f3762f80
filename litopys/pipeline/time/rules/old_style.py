"""Dates in two calendars, in every layout: "5 (17) березня 1918", "17 (5) бер. 1918",
"25 жовтня (7 листопада) 1917 р.", "(30 січня) 9 лютого 1667 року", "10(21).7.1774".

The value is the New Style (Gregorian) day (FORMAT.md); the Julian one goes to
``old_style``. Which of the two days is the New Style one is decided by the
calendar: the Gregorian day is 10 days later in the 17th century, 11 in the
18th, 12 in the 19th and 13 from 1900. When neither reading fits, the day in
brackets (or the second one) is taken as the New Style day.
"""

from __future__ import annotations

import re

from litopys.pipeline.time.grammar import (
    DAY,
    DAY0,
    MON,
    MONTHS,
    YEARX,
    YS,
    Ctx,
    Hit,
    Res,
    alt,
    norm,
    parse_day_number,
    parse_year,
    pattern,
    res_point,
    res_range,
    year_or_ref,
)
from litopys.pipeline.time.values import Day, Point, valid_day
from litopys.pipeline.time.words import WORDS

_STYLE_MARKERS = {norm(w): style for style, ws in WORDS["style_markers"].items() for w in ws}
_MARKER = rf"(?:\s*,?\s*(?P<mk>{alt(list(_STYLE_MARKERS))}))?" if _STYLE_MARKERS else ""


def _gap(year: int) -> int:
    """Days the Gregorian calendar runs ahead of the Julian one in a year."""
    return year // 100 - year // 400 - 2


def _fits(os_day: tuple[int, int, int], ns_day: tuple[int, int, int], year: int | None) -> bool:
    """Whether a Julian and a Gregorian (year, month, day) can be the same day."""
    if not (valid_day(*os_day) and valid_day(*ns_day)):
        return False
    diff = Day(*ns_day).ordinal() - Day(*os_day).ordinal()
    if year is None:
        return 10 <= diff <= 13
    return abs(diff - _gap(year)) <= 1


def _slash_fits(d1: int, d2: int, year: int | None) -> bool:
    """Whether "d1/d2" of one month can be one day in two calendars: the later number
    runs ahead by the calendar gap, or the earlier one is in the next month."""
    low, high = (_gap(year) - 1, _gap(year) + 1) if year is not None else (9, 14)
    return low <= abs(d2 - d1) <= high or abs(d2 - d1) >= 31 - high


def _before(y: int, mo: int) -> tuple[int, int]:
    """The month before (year, month)."""
    return (y - 1, 12) if mo == 1 else (y, mo - 1)


def _after(y: int, mo: int) -> tuple[int, int]:
    """The month after (year, month)."""
    return (y + 1, 1) if mo == 12 else (y, mo + 1)


def _two_styles(first: tuple[int, int | None], second: tuple[int, int], year: int | None,
                start: int, end: int, ns_second: bool, year_of_first: bool = False) -> Hit | None:
    """A hit for two (day, month) readings of one date; month None: the second's.

    first / second ((day, month)): as written, left to right.
    year (int | None): the year written after them.
    ns_second (bool): the default reading, when the calendar decides nothing.
    year_of_first (bool): the year is the first day's ("30 (9 лютого) січня 1667"),
        not the second's, when one is in December and the other in January.
    """
    d1, m1 = first
    d2, m2 = second
    if not (0 < d1 < 32 and 0 < d2 < 32):
        return None

    def readings(y: int) -> list[tuple[tuple[int, int, int], tuple[int, int, int]]]:
        """(Julian, Gregorian) candidates, the default one first."""
        if m1 is not None:
            a, b = (y, m1, d1), (y, m2, d2)
            if m1 == 12 and m2 == 1 and year_of_first:
                b = (y + 1, m2, d2)
            elif m1 == 12 and m2 == 1:
                a = (y - 1, m1, d1)
            elif m1 == 1 and m2 == 12:
                b = (y - 1, m2, d2)
            pairs = [(a, b), (b, a)]
            return pairs if ns_second else pairs[::-1]
        # one month for both: the earlier day number may be in the month before
        # ("31 (12) січня") or after ("20 (2) лютого" read as 20 Feb / 2 March)
        out = []
        if d1 > d2:
            out.append(((*_before(y, m2), d1), (y, m2, d2)))  # Julian first, month before
            out.append(((y, m2, d2), (y, m2, d1)))  # Gregorian first, same month
        else:
            out.append(((y, m2, d1), (y, m2, d2)))  # Julian first, same month
            out.append(((*_before(y, m2), d2), (y, m2, d1)))  # Gregorian first, Julian before
        return out

    def resolve(ctx: Ctx) -> Res:
        y, source, anchor = year_or_ref(year, ctx)
        if y is None:
            return Res(None, source=source)
        cands = readings(y)
        os_day, ns_day = next((c for c in cands if _fits(*c, y)), cands[0])
        if not valid_day(*ns_day):
            return Res(None, source=source)
        res = res_point(Point(*ns_day), source, anchor)
        if valid_day(*os_day):
            res.old_style = Point(*os_day).value
        return res

    return Hit(start, end, resolve, year, "date")


@pattern(
    "old_style",
    # "1 (14) лютого", and "5/18 березня 1918 р.": the two days with a slash (the
    # calendar gap decides)
    rf"(?P<d1>{DAY0})(?:\s*\(\s*(?P<d2>{DAY})\s*\)|(?P<slash>/)(?P<d2s>{DAY}))\s*(?P<m>{MON})"
    rf"(?:\s*,?\s*(?P<y>{YEARX}))?",
    rf"(?P<e1>{DAY0})\s+(?P<n1>{MON}){_MARKER.replace('mk', 'mk0')}\s*\(\s*(?P<e2>{DAY})\s+(?P<n2>{MON})"
    rf"{_MARKER}\s*\)"
    rf"(?:\s*,?\s*(?P<z>{YEARX}))?",
)
def _old_style(m: re.Match[str], text: str, orig: str) -> Hit | None:
    if m.re.groupindex.get("d1"):
        first: tuple[int, int | None] = (parse_day_number(m.group("d1")), None)
        second = (parse_day_number(m.group("d2") or m.group("d2s")), MONTHS[norm(m.group("m"))])
        ys = m.group("y")
        ns_second = True
        if m.group("slash") and not _slash_fits(first[0], second[0], parse_year(ys) if ys else None):
            return None  # "5/6 травня": not two calendars
    else:
        first = (parse_day_number(m.group("e1")), MONTHS[norm(m.group("n1"))])
        second = (parse_day_number(m.group("e2")), MONTHS[norm(m.group("n2"))])
        ys = m.group("z")
        ns_second = _ns_second(m) and _STYLE_MARKERS.get(norm(m.group("mk0") or "")) != "new"
    year = parse_year(ys) if ys else None
    return _two_styles(first, second, year, m.start(), m.end(), ns_second)


def _ns_second(m: re.Match[str]) -> bool:
    """Whether the second day is the New Style one: unless its marker (group mk) says Old
    Style."""
    return _STYLE_MARKERS.get(norm(m.group("mk") or "")) != "old"


def _two_days_months(m: re.Match[str], ns_second: bool, year_of_first: bool = False) -> Hit | None:
    """_two_styles for a match with groups d1 m1 (first), d2 m2 (second) and y (year)."""
    first = (parse_day_number(m.group("d1")), MONTHS[norm(m.group("m1"))])
    second = (parse_day_number(m.group("d2")), MONTHS[norm(m.group("m2"))])
    year = parse_year(m.group("y")) if m.group("y") else None
    return _two_styles(first, second, year, m.start(), m.end(), ns_second, year_of_first)


@pattern(
    "old_style_first",
    rf"\((?P<d1>{DAY})\s+(?P<m1>{MON})\s*\)\s*(?P<d2>{DAY})\s+(?P<m2>{MON})"
    rf"(?:\s*,?\s*(?P<y>{YEARX}))?",
)
def _old_style_first(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"(30 січня) 9 лютого 1667 року": the bracketed day first, then the other."""
    return _two_days_months(m, ns_second=True)


@pattern(
    "old_style_numeric",
    r"(?P<d1>[0-9](?<![\d.,].)[0-9]?)\s*\(\s*(?P<d2>\d{1,2})\s*\)\s*\.\s*(?P<m>\d{1,2})\s*\."
    r"\s*(?P<y>\d{4})(?![\d]|\.\d)",
)
def _old_style_numeric(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"10(21).7.1774": two days of one numeric date."""
    mo, y = int(m.group("m")), int(m.group("y"))
    if not 1 <= mo <= 12 or not 1000 <= y <= 2100:
        return None
    return _two_styles((int(m.group("d1")), None), (int(m.group("d2")), mo), y,
                       m.start(), m.end(), ns_second=True)


@pattern(
    "old_style_inner",
    rf"(?P<d1>{DAY0})\s*\(\s*(?P<d2>{DAY})\s+(?P<m2>{MON}){_MARKER}\s*\)\s*(?P<m1>{MON})"
    rf"(?:\s*,?\s*(?P<y>{YEARX}))?",
)
def _old_style_inner(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"30(9 лютого) січня 1667": the bracketed day with its own month inside the date."""
    return _two_days_months(m, _ns_second(m), year_of_first=True)


@pattern(
    "old_style_two_years",
    rf"(?P<d1>{DAY0})\s+(?P<m1>{MON})\s*,?\s*(?P<y1>{YEARX})\s*\(\s*(?P<d2>{DAY})\s+"
    rf"(?P<m2>{MON})(?:\s*,?\s*(?P<y2>{YEARX}))?{_MARKER}\s*\)(?:{YS})?",
)
def _old_style_two_years(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"20 грудня 1653 (1 січня 1654)": each day with its own year, the New Style one
    in the next year when the Julian day falls in the last days of December;
    "18 серпня 1649 р. (8 серпня за ст. ст.)": the bracketed day in the same year."""
    a = (parse_year(m.group("y1")), MONTHS[norm(m.group("m1"))], parse_day_number(m.group("d1")))
    m2 = MONTHS[norm(m.group("m2"))]
    if m.group("y2"):
        y2 = parse_year(m.group("y2"))
    else:  # "18 серпня 1649 р. (8 серпня за ст. ст.)": the other day in the same year
        y2 = a[0] + (1 if (a[1], m2) == (12, 1) else -1 if (a[1], m2) == (1, 12) else 0)
    b = (y2, m2, parse_day_number(m.group("d2")))
    if not (valid_day(*a) and valid_day(*b)) or abs(a[0] - b[0]) > 1:
        return None
    ns_second = _ns_second(m)
    pairs = [(a, b), (b, a)] if ns_second else [(b, a), (a, b)]
    fitting = next((p for p in pairs if _fits(*p, p[1][0])), None)
    if fitting is None and not m.group("y2"):
        return None  # "5 травня 1920 р. (10 травня)": not the same day in two calendars
    os_day, ns_day = fitting or pairs[0]
    ns, os_ = Point(*ns_day), Point(*os_day)

    def resolve(ctx: Ctx) -> Res:
        res = res_point(ns)
        res.old_style = os_.value
        return res

    return Hit(m.start(), m.end(), resolve, ns_day[0], "date")


_RANGE_TO = alt(WORDS["range_to"])
_LEFT_FROM_RE = re.compile(rf"(?<![\w'’ʼ])(?P<fr>{alt(WORDS['range_from'])})\s+$")


@pattern(
    "old_style_day_range",
    rf"(?P<a1>{DAY0})\s*[-–—]\s*(?P<a2>{DAY})\s*\(\s*(?P<b1>{DAY})\s*[-–—]\s*(?P<b2>{DAY})"
    rf"{_MARKER}\s*\)\s*(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?",
    # "6 (19) — 8 (21) квітня 1917 року", "з 6 (19) до 8 (21) квітня": each end a double day
    rf"(?P<a1>{DAY0})\s*\(\s*(?P<b1>{DAY})\s*\)\s*(?:(?P<to>{_RANGE_TO})\s+|[-–—]\s*)"
    rf"(?P<a2>{DAY})\s*\(\s*(?P<b2>{DAY}){_MARKER}\s*\)\s*(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?",
)
def _old_style_day_range(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"5–6 (15–16) серпня 1649 р.", "6 (19) — 8 (21) квітня 1917 року": a range of days
    in two calendars; the New Style days, each end read as a double date."""
    mo = MONTHS[norm(m.group("m"))]
    year = parse_year(m.group("y")) if m.group("y") else None
    ns_second = _ns_second(m)
    start = m.start()
    if m.re.groupindex.get("to") and m.group("to"):
        # "з 6 (19) до 8 (21) квітня": only with the opening preposition, which starts it
        fr = _LEFT_FROM_RE.search(text, max(0, start - 8), start)
        if fr is None:
            return None
        start = fr.start("fr")
    ends = [_two_styles((parse_day_number(m.group(a)), None), (parse_day_number(m.group(b)), mo),
                        year, start, m.end(), ns_second) for a, b in (("a1", "b1"), ("a2", "b2"))]
    if ends[0] is None or ends[1] is None:
        return None
    first, last = ends

    def resolve(ctx: Ctx) -> Res:
        r1, r2 = first.resolve(ctx), last.resolve(ctx)
        if r1.ref is None or r2.ref is None or r2.value is None or r1.value is None:
            return Res(None, source=r2.source)
        if r2.value <= r1.value:
            return Res(None, source=r2.source)
        res = res_range(r1.ref, r2.ref, r2.source, r2.anchor)
        res.old_style = f"{r1.old_style}/{r2.old_style}" if r1.old_style and r2.old_style else None
        return res

    return Hit(start, m.end(), resolve, year, "range")


@pattern(
    "old_style_numeric_months",
    r"(?P<d1>[0-9](?<![\d.,].)[0-9]?)\.(?P<m1>[01]?[0-9])\.?\s*\(\s*(?P<d2>[0-3]?[0-9])\.(?P<m2>[01]?[0-9])"
    r"\.?\s*\)\s*\.?\s*(?P<y>\d{4})(?![\d]|\.\d)",
)
def _old_style_numeric_months(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"27.6.(8.7).1709", "27.3.(6.4.)1654": a numeric date whose bracketed day and month
    are the other calendar's (the encyclopedia's layout)."""
    m1, m2, y = int(m.group("m1")), int(m.group("m2")), int(m.group("y"))
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or not 1000 <= y <= 2100:
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    a, b = ((y - 1, m1, d1), (y, m2, d2)) if (m1, m2) == (12, 1) else ((y, m1, d1), (y, m2, d2))
    if not (_fits(a, b, y) or _fits(b, a, y)):
        return None  # "2.5.(3.4).2009": not one day in two calendars
    return _two_styles((d1, m1), (d2, m2), y,
                       m.start(), m.end(), ns_second=True)
