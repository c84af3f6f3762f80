"""Expressions relative to the narrative time: "наступного дня", "того ж року", "в цей час"."""

from __future__ import annotations

import re
from datetime import date

from litopys.pipeline.time.grammar import (
    RELATIVE,
    Ctx,
    Hit,
    Res,
    alt,
    norm,
    pattern,
    res_point,
)
from litopys.pipeline.time.values import SEASON_MONTHS, Point, TimexValue
from litopys.pipeline.time.words import WORDS

DEICTIC: dict[str, tuple[str, int]] = {
    **{norm(p): ("D", 0) for p in WORDS["deictic_now"]},
    **{norm(p): (str(r["unit"]), int(r["offset"])) for r in WORDS["deictic"]
       for p in r["phrases"]},
}
# "зараз": a deictic word the stage drops when no document date gives it a value.
DEICTIC_NOW = frozenset(norm(p) for p in WORDS["deictic_now"])


_YEAR_AFTER_RE = re.compile(r"\s*,?\s*[0-9]")


@pattern("relative", rf"(?P<p>{alt(list(RELATIVE))})", word_start=True)
def _relative(m: re.Match[str], text: str, orig: str) -> Hit | None:
    unit, offset = RELATIVE[norm(m.group("p"))]
    if unit in SEASON_MONTHS and _YEAR_AFTER_RE.match(text, m.end()):
        return None  # "наступної зими 1928-1929 рр.": the season rule reads "зими 1928-1929"

    def resolve(ctx: Ctx) -> Res:
        if ctx.ref is None:
            return Res(None, source="narrative")
        if unit == "10Y":  # "наступного десятиліття": the decade, not a year
            y = ctx.ref.year + 10 * offset
            if y < 0:
                return Res(None, source="narrative", anchor=ctx.ref.value)
            decade = TimexValue.parse(f"{y // 10:03d}X")
            if decade is None or decade.first is None or decade.last is None:
                return Res(None, source="narrative", anchor=ctx.ref.value)
            return Res(decade.value, decade.first.iso, decade.last.iso, "decade", "narrative",
                       ctx.ref.value)
        if unit == "same":
            if ctx.span is not None and ctx.span.value:
                # "У 1770—1771 рр. ... В цей час": the whole range, not its end
                return Res(ctx.span.value, ctx.span.begin, ctx.span.end, "range", "narrative",
                           ctx.span.value)
            b, e = ctx.ref.bounds()
            return Res(ctx.ref.value, b, e, ctx.ref.precision, "narrative", ctx.ref.value)
        if unit in SEASON_MONTHS:  # "того ж літа", "наступної зими"
            y = ctx.ref.year
            if offset > 0 and not (ctx.ref.month and ctx.ref.month < SEASON_MONTHS[unit][0]):
                y += offset
            return res_point(Point(y, season=unit), "narrative", ctx.ref.value)
        p = ctx.ref.shift(unit, offset)
        if p is None:
            return Res(None, source="narrative", anchor=ctx.ref.value)
        if unit == "W":  # the ISO week of the shifted day; the narrative day stays
            year, week, _ = date(p.year, p.month or 1, p.day or 1).isocalendar()
            w = TimexValue.parse(f"{year:04d}-W{week:02d}")
            if w is None or w.first is None or w.last is None:
                return Res(None, source="narrative", anchor=ctx.ref.value)
            return Res(w.value, w.first.iso, w.last.iso, "week", "narrative", ctx.ref.value)
        return res_point(p, "narrative", ctx.ref.value)

    return Hit(m.start(), m.end(), resolve, None, "relative")



@pattern("deictic", rf"(?P<p>{alt(list(DEICTIC))})", word_start=True)
def _deictic(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"сьогодні", "вчора": counted from the time of writing (the anchor), never from the
    narrative; no value without a document date (FORMAT.md)."""
    unit, offset = DEICTIC[norm(m.group("p"))]

    def resolve(ctx: Ctx) -> Res:
        if ctx.anchor is None:
            return Res(None, source="narrative")
        p = ctx.anchor.shift(unit, offset) if offset else ctx.anchor
        if p is None or (unit == "D" and not p.day):
            return Res(None, source="narrative", anchor=ctx.anchor_text)
        b, e = p.bounds()
        return Res(p.value, b, e, p.precision, "narrative", ctx.anchor_text)

    return Hit(m.start(), m.end(), resolve, None, "deictic")


_DAY_PART_OF_REF: dict[str, str] = {
    norm(p): str(code) for code, ps in WORDS["relative_day_parts"].items() for p in ps
}


_NIGHT_CODE = "NI"


@pattern("relative_day_part", rf"(?P<p>{alt(list(_DAY_PART_OF_REF))})", word_start=True)
def _relative_day_part(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"того ж вечора", "тієї ж ночі": a part of the narrative day (TIMEX3 ``TEV``)."""
    code = _DAY_PART_OF_REF[norm(m.group("p"))]

    def resolve(ctx: Ctx) -> Res:
        ref = ctx.ref
        if ref is None or not ref.day:
            return Res(None, source="narrative")
        if ctx.span is not None and ctx.span.night and code == _NIGHT_CODE:
            # "У ніч з 5 на 6 серпня ... Тієї ж ночі": that night
            night = ctx.span
            return Res(night.value, night.begin, night.end, "range", "narrative", night.value,
                       ref=ref)
        p = Point(ref.year, ref.month, ref.day, time=code)
        return res_point(p, "narrative", ref.value)

    return Hit(m.start(), m.end(), resolve, None, "relative")


WEEKDAY_NUMBER: dict[str, int] = {
    norm(str(w)): int(k) for k, ws in WORDS["weekday_numbers"].items() for w in ws
}
# A date right after the weekday: an apposition the tagger joins ("у п'ятницю, 5 березня").
_DATE_AFTER_RE = re.compile(r"\s*,?\s*\d")


@pattern(
    "weekday_alone",
    rf"(?P<p>{alt(WORDS['weekday_alone_prepositions'])})\s+(?P<w>{alt(list(WEEKDAY_NUMBER))})(?![\w'])",
    word_start=True,
)
def _weekday_alone(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"5 березня 1920 р. (a Friday) ... У понеділок ...": the next Monday after the
    narrative day (1-7 days on); untagged without a narrative day."""
    if _DATE_AFTER_RE.match(text, m.end()):
        return None
    wd = WEEKDAY_NUMBER[norm(m.group("w"))]

    def resolve(ctx: Ctx) -> Res:
        ref = ctx.ref
        if ref is None or not ref.day or ref.year < 1 or ref.time:
            return Res(None, source="narrative")
        now = date(ref.year, ref.month or 1, ref.day).isoweekday()
        p = Point(ref.year, ref.month, ref.day).shift("D", (wd - now - 1) % 7 + 1)
        if p is None:
            return Res(None, source="narrative")
        return res_point(p, "narrative", ref.value)

    # dropped without a narrative day: in news "у понеділок" counts from the publication
    return Hit(m.start(), m.end(), resolve, None, "relative", optional=True)
