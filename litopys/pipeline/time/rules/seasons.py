"""Seasons: "влітку 1934р.", "восени того ж року", "літо 1941 року"."""

from __future__ import annotations

import re

from litopys.pipeline.time.grammar import (
    REL_YEAR,
    RELATIVE,
    SEASON_ADVERBS,
    SEASON_NOUNS,
    YEARX,
    Ctx,
    Hit,
    Res,
    alt,
    norm,
    parse_year,
    pattern,
    res_point,
)
from litopys.pipeline.time.values import Point

_SEASON_TAIL = rf"(?:\s*,?\s*(?P<y>{YEARX})|\s+(?P<rel>{REL_YEAR}))"


@pattern(
    "season",
    rf"(?P<adv>{alt(list(SEASON_ADVERBS))}){_SEASON_TAIL}?",
    rf"(?P<noun>{alt(list(SEASON_NOUNS))})\s*,?\s*(?:(?P<ny>{YEARX})|(?P<nrel>{REL_YEAR}))",
    word_start=True,
)
def _season(m: re.Match[str], text: str, orig: str) -> Hit | None:
    if "adv" in m.re.groupindex:
        season = SEASON_ADVERBS[norm(m.group("adv"))]
        ys, rel = m.group("y"), m.group("rel")
    else:
        season = SEASON_NOUNS[norm(m.group("noun"))]
        ys, rel = m.group("ny"), m.group("nrel")
    year = parse_year(ys) if ys else None
    offset = RELATIVE[norm(rel)][1] if rel else None

    def resolve(ctx: Ctx) -> Res:
        if year is not None:
            y, source, anchor = year, "text", None
        elif ctx.ref is not None:
            y, source, anchor = ctx.ref.year + (offset or 0), "narrative", ctx.ref.value
        else:
            return Res(None, source="narrative")
        p = Point(y, season=season)
        res = res_point(p, source, anchor)
        res.ref = Point(y) if year is None and offset is None else p
        return res

    return Hit(m.start(), m.end(), resolve, year, "season")

