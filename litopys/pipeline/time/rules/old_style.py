"""Dates in two calendars: "5 (17) березня 1918", "25 жовтня (7 листопада) 1917 р."

The value is the New Style (Gregorian) day; the Julian one goes to ``old_style``.
"""

from __future__ import annotations

import re

from litopys.pipeline.time.grammar import (
    DAY,
    DAY0,
    MON,
    MONTHS,
    YEARX,
    Ctx,
    Hit,
    Res,
    norm,
    parse_day_number,
    parse_year,
    pattern,
    res_point,
    year_or_ref,
)
from litopys.pipeline.time.values import Point, valid_day


@pattern(
    "old_style",
    rf"(?P<d1>{DAY0})\s*\(\s*(?P<d2>{DAY})\s*\)\s*(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?",
    rf"(?P<e1>{DAY0})\s+(?P<n1>{MON})\s*\(\s*(?P<e2>{DAY})\s+(?P<n2>{MON})\s*\)"
    rf"(?:\s*,?\s*(?P<z>{YEARX}))?",
)
def _old_style(m: re.Match[str], text: str, orig: str) -> Hit | None:
    if m.re.groupindex.get("d1"):
        d_os, d_ns = parse_day_number(m.group("d1")), parse_day_number(m.group("d2"))
        m_ns = MONTHS[norm(m.group("m"))]
        # A day number that grows by 13 (12 before 1900) across a month end.
        m_os = m_ns - 1 if d_os > d_ns else m_ns
        ys = m.group("y")
    else:
        d_os, d_ns = parse_day_number(m.group("e1")), parse_day_number(m.group("e2"))
        m_os, m_ns = MONTHS[norm(m.group("n1"))], MONTHS[norm(m.group("n2"))]
        ys = m.group("z")
    year = parse_year(ys) if ys else None
    if not (0 < d_os < 32 and 0 < d_ns < 32):
        return None

    def resolve(ctx: Ctx) -> Res:
        y, source, anchor = year_or_ref(year, ctx)
        if y is None or not valid_day(y, m_ns, d_ns):
            return Res(None, source=source)
        y_os = y
        mo_os = m_os
        if mo_os < 1:
            mo_os, y_os = 12, y - 1
        res = res_point(Point(y, m_ns, d_ns), source, anchor)
        if valid_day(y_os, mo_os, d_os):
            res.old_style = Point(y_os, mo_os, d_os).value
        return res

    return Hit(m.start(), m.end(), resolve, year, "date")

