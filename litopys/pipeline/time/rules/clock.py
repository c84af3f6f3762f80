"""Clock times resolved against the narrative day ("о 23:15", "об 11 годині") or the
date right after them ("о 2 годині ночі 24 серпня", "другої години ночі 24 серпня")."""

from __future__ import annotations

import re

from litopys.pipeline.time.grammar import (
    CLOCK,
    CLOCK_HOUR_WORD,
    DAY0,
    LEFT_HOUR_RE,
    MON,
    MONTHS,
    YEARX,
    Ctx,
    Hit,
    Res,
    alt,
    clock,
    day_at,
    day_point,
    norm,
    parse_day_number,
    parse_year,
    pattern,
)
from litopys.pipeline.time.values import Point
from litopys.pipeline.time.words import WORDS

# The date a clock time may be followed by ("о 2 годині ночі 24 серпня 1939 р.").
_THEN_DATE = rf"(?:\s+(?P<d>{DAY0})\s*(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?)?"


@pattern(
    "time",
    rf"{alt(WORDS['clock_prepositions'])}\s+{CLOCK}{_THEN_DATE}",
    # the hour in words with a part of the day or a date needs no preposition
    # ("близько другої години ночі 24 серпня")
    rf"{CLOCK_HOUR_WORD}{_THEN_DATE}",
    word_start=True,
)
def _time(m: re.Match[str], text: str, orig: str) -> Hit | None:
    start = m.start()
    if "hh" in m.re.groupindex:
        time = clock(m)
    else:
        # no preposition: the hour in words, with a part of the day or a date
        left = LEFT_HOUR_RE.search(text, max(0, start - 16), start)
        if left is None or not (m.group("dp") or m.group("m")):
            return None
        start, time = left.start(), clock(m, left.group("hg"))
    year = parse_year(m.group("y")) if m.group("y") else None
    if m.group("m"):
        d = parse_day_number(m.group("d"))
        if not 0 < d < 32:
            return None
        base = day_point(d, MONTHS[norm(m.group("m"))], year)
        return Hit(start, m.end(), day_at(base, time), year, "date")

    def resolve(ctx: Ctx) -> Res:
        if ctx.ref is None or not ctx.ref.day:
            return Res(None, source="narrative")
        p = Point(ctx.ref.year, ctx.ref.month, ctx.ref.day, time=time)
        b, e = p.bounds()
        return Res(p.value, b, e, "time", "narrative", ctx.ref.value, ref=p)

    return Hit(start, m.end(), resolve, None, "time")
