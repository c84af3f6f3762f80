"""Clock times resolved against the narrative day: "о 23:15", "об 11 годині"."""

from __future__ import annotations

import re

from litopys.pipeline.time.grammar import (
    CLOCK,
    Ctx,
    Hit,
    Res,
    alt,
    clock,
    pattern,
)
from litopys.pipeline.time.values import Point
from litopys.pipeline.time.words import WORDS


@pattern("time", rf"{alt(WORDS['clock_prepositions'])}\s+{CLOCK}", word_start=True)
def _time(m: re.Match[str], text: str, orig: str) -> Hit | None:
    time = clock(m)

    def resolve(ctx: Ctx) -> Res:
        if ctx.ref is None or not ctx.ref.day:
            return Res(None, source="narrative")
        p = Point(ctx.ref.year, ctx.ref.month, ctx.ref.day, time=time)
        b, e = p.bounds()
        return Res(p.value, b, e, "time", "narrative", ctx.ref.value, ref=p)

    return Hit(m.start(), m.end(), resolve, None, "time")

