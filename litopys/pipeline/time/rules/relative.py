"""Expressions relative to the narrative time: "наступного дня", "того ж року", "в цей час"."""

from __future__ import annotations

import re

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


@pattern("relative", rf"(?P<p>{alt(list(RELATIVE))})", word_start=True)
def _relative(m: re.Match[str], text: str, orig: str) -> Hit | None:
    unit, offset = RELATIVE[norm(m.group("p"))]

    def resolve(ctx: Ctx) -> Res:
        if ctx.ref is None:
            return Res(None, source="narrative")
        if unit == "same":
            b, e = ctx.ref.bounds()
            return Res(ctx.ref.value, b, e, ctx.ref.precision, "narrative", ctx.ref.value)
        p = ctx.ref.shift(unit, offset)
        if p is None:
            return Res(None, source="narrative", anchor=ctx.ref.value)
        return res_point(p, "narrative", ctx.ref.value)

    return Hit(m.start(), m.end(), resolve, None, "relative")

