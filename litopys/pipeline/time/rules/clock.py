"""Clock times resolved against the narrative day ("о 23:15", "об 11 годині") or the
date right after them ("о 2 годині ночі 24 серпня", "другої години ночі 24 серпня")."""

from __future__ import annotations

import re
from collections.abc import Callable

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
# A weekday may stand between them ("в 12 дня, в субботу, 27 октября").
_WEEKDAY_BETWEEN = (rf"(?:,[ \t]*(?:{alt(WORDS['weekday_prepositions'])}[ \t]+)?"
                    rf"{alt(WORDS['weekdays'])}[ \t]*,)?")
_THEN_DATE = (rf"(?:{_WEEKDAY_BETWEEN}[ \t]+(?P<d>{DAY0})\s*(?P<m>{MON})"
              rf"(?:\s*,?\s*(?P<y>{YEARX}))?)?")


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

    return Hit(start, m.end(), _on_narrative_day(time), None, "time")


def _on_narrative_day(time: str | None) -> Callable[[Ctx], Res]:
    """A resolver for a clock time with no date of its own: the day the narrative is at,
    else the last day it was at in this excerpt ("9 грудня ... з осені 2016 року ... о
    14:55": a season between them does not move the day a clock time falls on)."""

    def resolve(ctx: Ctx) -> Res:
        ref = ctx.ref if ctx.ref is not None and ctx.ref.day else ctx.day
        if ref is None or time is None:
            return Res(None, source="narrative")
        p = Point(ref.year, ref.month, ref.day, time=time)
        b, e = p.bounds()
        return Res(p.value, b, e, "time", "narrative", ref.value, ref=p)

    return resolve


@pattern("bare_clock", r"(?P<hh>[0-9](?<![\w.,:/].)[0-9]?):(?P<mm>[0-5][0-9])(?![\w:])")
def _bare_clock(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"(15:55 за Києвом)", "а на 18:45 – пресконференція": hours and minutes with a colon
    and no preposition, on the narrative day; dropped where the narrative has no day."""
    if int(m.group("hh")) > 23:
        return None
    time = f"{int(m.group('hh')):02d}:{m.group('mm')}"
    return Hit(m.start(), m.end(), _on_narrative_day(time), None, "time", optional=True)
