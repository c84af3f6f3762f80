"""Ranges of days and months: "3 й 4 січня 1919", "з 12 по 14 травня", "травні-червні 1937 р."."""

from __future__ import annotations

import re

from litopys.pipeline.time.grammar import (
    AMBIGUOUS_MONTHS,
    AND,
    DAY,
    DAY0,
    FLAGS,
    MON,
    MONTHS,
    NIGHT_TO,
    NIGHT_TO_WORDS,
    RANGE_DURING,
    RANGE_FROM,
    RANGE_TO,
    TO,
    YEARX,
    Ctx,
    Hit,
    L,
    Res,
    left_pre,
    left_prep,
    norm,
    parse_day_number,
    parse_year,
    pattern,
    res_night,
    res_point,
    res_range,
    year_or_ref,
)
from litopys.pipeline.time.values import Point, valid_day


@pattern(
    "day_range",
    rf"(?P<d1>{DAY0})\s*(?P<conn>[-–—]|\s(?:{AND}|{NIGHT_TO}|{TO})\s)\s*(?P<d2>{DAY})\s+(?P<m>{MON})"
    rf"(?:\s*,?\s*(?P<y>{YEARX}))?",
)
def _day_range(m: re.Match[str], text: str, orig: str) -> Hit | None:
    d1, d2 = parse_day_number(m.group("d1")), parse_day_number(m.group("d2"))
    conn = m.group("conn").strip()
    start, pre, _night = left_pre(text, m.start())
    if pre in RANGE_DURING:
        start, pre = m.start(), ""
    if d2 <= d1 or d1 < 1 or d2 > 31 or (conn in NIGHT_TO_WORDS and (not pre or d2 != d1 + 1)):
        return None
    if conn in RANGE_TO and not pre:
        return None
    mo = MONTHS[norm(m.group("m"))]
    year = parse_year(m.group("y")) if m.group("y") else None

    def resolve(ctx: Ctx) -> Res:
        y, source, anchor = year_or_ref(year, ctx)
        if y is None or not valid_day(y, mo, d2):
            return Res(None, source=source)
        if conn in NIGHT_TO_WORDS:
            return res_night(Point(y, mo, d1), Point(y, mo, d2), source, anchor)
        return res_range(Point(y, mo, d1), Point(y, mo, d2), source, anchor)

    return Hit(start, m.end(), resolve, year, "range")


_POINT_SIDE = rf"(?:{DAY}\s+)?{MON}(?:\s*,?\s*{YEARX})?"
_DAY_SIDE = rf"{DAY0}\s+{MON}(?:\s*,?\s*{YEARX})?"
_MONTH_SIDE = rf"{MON}(?:\s*,?\s*{YEARX})?"
_RANGE_CONN = rf"\s*(?P<conn>[-–—]|\s{TO}\s|\s{NIGHT_TO}\s)\s*"
_POINT_SIDE_RE = re.compile(
    rf"^(?:(?P<d>{DAY})\s+)?(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?$", FLAGS
)


@pattern(
    "point_range",
    rf"(?P<a>{_DAY_SIDE}){_RANGE_CONN}(?P<b>{_DAY_SIDE.replace(DAY0, DAY)})",
    rf"(?P<a>{_MONTH_SIDE}){_RANGE_CONN}(?P<b>{_MONTH_SIDE})",
    word_start=True,
)
def _point_range(m: re.Match[str], text: str, orig: str) -> Hit | None:
    start, pre, night = left_pre(text, m.start())
    if pre not in RANGE_FROM:
        start, pre = m.start(), ""
    conn = m.group("conn").strip()
    if conn in RANGE_TO and not pre:
        return None
    if conn in NIGHT_TO_WORDS and conn not in RANGE_TO and not (pre and night):
        return None  # "з 30 листопада на 1 грудня" is a night only after "у ніч"
    a = _POINT_SIDE_RE.match(m.group("a"))
    b = _POINT_SIDE_RE.match(m.group("b"))
    if not a or not b:
        return None
    da = parse_day_number(a.group("d")) if a.group("d") else None
    db = parse_day_number(b.group("d")) if b.group("d") else None
    if (da is None) != (db is None):
        return None
    ma, mb = MONTHS[norm(a.group("m"))], MONTHS[norm(b.group("m"))]
    ya = parse_year(a.group("y")) if a.group("y") else None
    yb = parse_year(b.group("y")) if b.group("y") else None
    if (da is None and not pre and norm(a.group("m")) in AMBIGUOUS_MONTHS and ya is None
            and not left_prep(text, m.start())):
        return None  # "лютого–березня" alone; "у лютому—березні 1917 р." is a range

    def resolve(ctx: Ctx) -> Res:
        if yb is None and ya is not None:
            # "з 30 квітня 1709 р. до 27 червня": the end is in the start's year (or the
            # next, when its month comes earlier: "з 20 грудня 1920 р. по 5 січня")
            y2, source, anchor = (ya if mb >= ma else ya + 1), "text", None
        else:
            y2, source, anchor = year_or_ref(yb, ctx)
        if y2 is None:
            return Res(None, source=source)
        y1 = ya if ya is not None else (y2 - 1 if ma > mb else y2)
        if da is not None and not (valid_day(y1, ma, da) and valid_day(y2, mb, db)):
            return Res(None)
        p1, p2 = Point(y1, ma, da), Point(y2, mb, db)
        if (p2.year, p2.month, p2.day or 0) <= (p1.year, p1.month, p1.day or 0):
            return Res(None)
        if conn in NIGHT_TO_WORDS and conn not in RANGE_TO:
            return res_night(p1, p2, source, anchor)
        return res_range(p1, p2, source, anchor)

    return Hit(start, m.end(), resolve, yb, "range")




# "3, 5 і 7 лютого 1918", "3, 5 і 7.02.1918": a list of days of one month, read
# like "3 й 4 січня" as the range from the first listed day to the last.
_LIST_HEAD = rf"(?P<d1>{DAY0})(?P<mid>(?:\s*,\s*{DAY}){{0,6}})\s*(?:,\s*|,?\s+{AND}\s+)"


@pattern(
    "day_list",
    rf"{_LIST_HEAD}(?P<d2>{DAY})\s+(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?",
    rf"{_LIST_HEAD}(?P<d2>\d{{1,2}})\.(?P<mo>\d{{1,2}})\.(?P<y>\d{{4}})(?![\d]|\.\d)",
)
def _day_list(m: re.Match[str], text: str, orig: str) -> Hit | None:
    days = [parse_day_number(m.group("d1")),
            *(parse_day_number(d) for d in m.group("mid").split(",") if d.strip()),
            parse_day_number(m.group("d2"))]
    if any(b <= a for a, b in zip(days, days[1:], strict=False)) or days[0] < 1:
        return None
    if m.groupdict().get("mo"):
        mo, year = int(m.group("mo")), int(m.group("y"))
        if not (1 <= mo <= 12 and 1000 <= year <= 2100):
            return None
    else:
        mo = MONTHS[norm(m.group("m"))]
        year = parse_year(m.group("y")) if m.group("y") else None
    first, last = days[0], days[-1]

    def resolve(ctx: Ctx) -> Res:
        y, source, anchor = year_or_ref(year, ctx)
        if y is None or not valid_day(y, mo, last):
            return Res(None, source=source)
        return res_range(Point(y, mo, first), Point(y, mo, last), source, anchor)

    return Hit(m.start(), m.end(), resolve, year, "range")


# "июль/август – август/сентябрь 1772 г.": a month in two
# calendars (the Julian days of the first month run into the second in the Gregorian
# calendar): the New Style month of each pair, as for days (FORMAT.md). Pairs of months
# that are not adjacent are alternatives: from the first to the last.
_MONTH_BEFORE_SLASH_RE = re.compile(rf"{L}(?P<a1>{MON})\s*$", FLAGS)


@pattern(
    "month_pair",
    rf"/\s*(?P<b1>{MON})\s*[-–—]\s*(?P<a2>{MON})\s*/\s*(?P<b2>{MON})"
    rf"(?:\s*,?\s*(?P<y>{YEARX}))?",
)
def _month_pair(m: re.Match[str], text: str, orig: str) -> Hit | None:
    # the pattern starts at the first slash (a cheap scan); the first month is to its left
    first_month = _MONTH_BEFORE_SLASH_RE.search(text, max(0, m.start() - 16), m.start())
    if first_month is None:
        return None
    months = [MONTHS[norm(first_month.group("a1"))]] + [
        MONTHS[norm(m.group(g))] for g in ("b1", "a2", "b2")]
    year = parse_year(m.group("y")) if m.group("y") else None
    pairs = [months[k : k + 2] for k in range(0, len(months), 2)]
    if all(b == a % 12 + 1 for a, b in pairs):
        news = [b for _a, b in pairs]  # the New Style month of each pair
    else:
        news = [months[0], months[-1]]
    first, last = news[0], news[-1]

    def resolve(ctx: Ctx) -> Res:
        y2, source, anchor = year_or_ref(year, ctx)
        if y2 is None:
            return Res(None, source=source)
        if first == last:
            return res_point(Point(y2, last), source, anchor)
        y1 = y2 - 1 if first > last else y2
        return res_range(Point(y1, first), Point(y2, last), source, anchor)

    return Hit(first_month.start(), m.end(), resolve, year, "range")

