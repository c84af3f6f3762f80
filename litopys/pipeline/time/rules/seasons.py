"""Seasons: "влітку 1934р.", "восени того ж року", "літо 1941 року"."""

from __future__ import annotations

import re

from litopys.pipeline.time.grammar import (
    AND,
    REL_YEAR,
    RELATIVE,
    SEASON_ADVERBS,
    SEASON_NOUNS,
    YEARX,
    YS_ANY,
    Ctx,
    Hit,
    Res,
    alt,
    near_year,
    norm,
    parse_year,
    pattern,
    res_point,
    res_range,
    table,
)
from litopys.pipeline.time.values import Point
from litopys.pipeline.time.words import WORDS

# "влітку 33-го": a year by its last two digits, in the narrative's century
_SHORT_YEAR = rf"(?P<sy>[0-9]{{2}})-{alt(WORDS['short_year_genitive_suffixes'], bound=False)}(?![\w'-])"
_SEASON_TAIL = rf"(?:\s*,?\s*(?P<y>{YEARX})|\s+(?P<rel>{REL_YEAR})|\s+{_SHORT_YEAR})"
# "взимку 2014–2015 років", "зимой 1941/42 г.": a season over two years
_TWO_YEARS = rf"(?P<y1>[12][0-9]{{3}})\s*[/–—-]\s*(?P<y2>[0-9]{{2}}(?:[0-9]{{2}})?)(?![\d])(?:{YS_ANY})?"


@pattern(
    "season",
    rf"(?P<adv>{alt(list(SEASON_ADVERBS))}){_SEASON_TAIL}?",
    rf"(?P<noun>{alt(list(SEASON_NOUNS))})\s*,?\s*(?:(?P<ny>{YEARX})|(?P<nrel>{REL_YEAR}))",
    word_start=True,
)
def _season(m: re.Match[str], text: str, orig: str) -> Hit | None:
    gd = m.groupdict()
    ygroup = "y" if gd.get("y") else "ny" if gd.get("ny") else None
    two = _TWO_YEARS_RE.match(text, m.start(ygroup)) if ygroup else None
    if two is not None:
        hit = _season_two_years(m, two)
        if hit is not None:
            return hit
    if "adv" in m.re.groupindex:
        season = SEASON_ADVERBS[norm(m.group("adv"))]
        ys, rel = m.group("y"), m.group("rel")
    else:
        season = SEASON_NOUNS[norm(m.group("noun"))]
        ys, rel = m.group("ny"), m.group("nrel")
    year = parse_year(ys) if ys else None
    offset = RELATIVE[norm(rel)][1] if rel else None
    short = int(gd["sy"]) if gd.get("sy") else None

    def resolve(ctx: Ctx) -> Res:
        if year is not None:
            y, source, anchor = year, "text", None
        elif short is not None:
            if ctx.ref is None:
                return Res(None, source="narrative")
            y, source, anchor = near_year(short, ctx.ref.year), "narrative", ctx.ref.value
        elif offset is None and ctx.next_year is not None:  # "навесні та восени 1920 р."
            y, source, anchor = ctx.next_year, "text", None
        elif ctx.ref is not None:
            y, source, anchor = ctx.ref.year + (offset or 0), "narrative", ctx.ref.value
        else:
            return Res(None, source="narrative")
        p = Point(y, season=season)
        res = res_point(p, source, anchor)
        res.ref = Point(y) if year is None and offset is None and short is None else p
        return res

    return Hit(m.start(), m.end(), resolve, year, "season")



_TWO_YEARS_RE = re.compile(_TWO_YEARS)


def _season_two_years(m: re.Match[str], two: re.Match[str]) -> Hit | None:
    """The season of a match followed by two consecutive years: winter is the one
    winter that spans them ("взимку 2014–2015 років" = 2014-WI); another season is
    the range of its two occurrences."""
    word = norm(m.group("adv") if "adv" in m.re.groupindex else m.group("noun"))
    season = SEASON_ADVERBS.get(word) or SEASON_NOUNS.get(word)
    y1, s2 = int(two.group("y1")), two.group("y2")
    y2 = int(s2) if len(s2) == 4 else (y1 // 100) * 100 + int(s2)
    if season is None or y2 != y1 + 1:
        return None
    a, b = Point(y1, season=season), Point(y2, season=season)
    if season == "WI":
        return Hit(m.start(), two.end(), lambda ctx: res_point(a), y1, "season")
    return Hit(m.start(), two.end(), lambda ctx: res_range(a, b), y2, "season")


_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


@pattern(
    "season_range",
    rf"(?P<a>{alt(list(SEASON_ADVERBS))})\s*(?:[–—-]|\s{AND}\s)\s*"
    rf"(?P<b>{alt(list(SEASON_ADVERBS))})\s*,?\s*(?P<y>{YEARX})",
    word_start=True,
)
def _season_range(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"влітку–восени 1920 р.", "навесні та влітку 1920 р.": from one season to the next
    (read like "3 й 4 січня")."""
    sa, sb = SEASON_ADVERBS[norm(m.group("a"))], SEASON_ADVERBS[norm(m.group("b"))]
    if _SEASON_ORDER[sb] != (_SEASON_ORDER[sa] + 1) % 4:
        return None
    y = parse_year(m.group("y"))
    a = Point(y - 1 if sb == "SP" else y, season=sa)  # "взимку–навесні 1920": the winter before
    b = Point(y, season=sb)
    return Hit(m.start(), m.end(), lambda ctx: res_range(a, b), y, "season")


_PART_NOUNS: dict[str, str] = table(WORDS["year_part_nouns"])
_PART_ORDINALS: dict[str, int] = {w: int(k) for w, k in table(WORDS["year_part_ordinals"]).items()}


@pattern(
    "year_part",
    rf"(?P<o>{alt(list(_PART_ORDINALS))})\s+(?P<n>{alt(list(_PART_NOUNS))})"
    rf"(?:\s*,?\s*(?P<y>{YEARX})|\s+(?P<rel>{REL_YEAR}))",
    word_start=True,
)
def _year_part(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"у першому кварталі 1933 року" -> 1933-Q1, "во втором полугодии того же года" ->
    the narrative year's H2. A year (or a relative year) must follow: without one the
    noun is as often a city block ("у першому кварталі міста")."""
    kind, n = _PART_NOUNS[norm(m.group("n"))], _PART_ORDINALS[norm(m.group("o"))]
    if kind == "H" and n > 2:
        return None
    code = f"{kind}{n}"
    year = parse_year(m.group("y")) if m.group("y") else None
    offset = RELATIVE[norm(m.group("rel"))][1] if m.group("rel") else 0

    def resolve(ctx: Ctx) -> Res:
        if year is not None:
            return res_point(Point(year, season=code))
        if ctx.ref is None:
            return Res(None, source="narrative")
        res = res_point(Point(ctx.ref.year + offset, season=code), "narrative", ctx.ref.value)
        res.ref = Point(ctx.ref.year + offset)
        return res

    return Hit(m.start(), m.end(), resolve, year, "season")
