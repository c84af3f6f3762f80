"""Durations and counts: "протягом 10 днів", "півроку", "через два тижні", "100 років тому"."""

from __future__ import annotations

import re

from litopys.pipeline.time.grammar import (
    FIXED_DURATIONS,
    NUMBERS,
    UNITS,
    Ctx,
    Hit,
    L,
    R,
    Res,
    alt,
    norm,
    pattern,
    res_point,
    table,
    unresolved,
    word_set,
)
from litopys.pipeline.time.values import Point
from litopys.pipeline.time.words import WORDS

_AFTER_PREPS = word_set("after_prepositions")
_WITHIN_PREPS = word_set("within_prepositions")
_COUNTED = _AFTER_PREPS | _WITHIN_PREPS
# "два дні потому" is read as "через два дні": a count forward from the narrative time.
_AFTER_MARK = "+after"
# "за два роки до вищеописаних подій": counted back from the narrative time, not moving it.
_BEFORE_EVENT = "+event"
_DUR_PRE = alt(list(WORDS["duration_words"]) + sorted(_COUNTED))
_UNIT = alt(list(UNITS))
_AGO = alt(WORDS["ago_words"])
_BEFORE = alt(WORDS["before_that"])
_AFTER = alt(WORDS["after_that"])
# Tens before a unit number ("шістдесят дев'ять років"), looked for left of a hit.
_TENS = {
    w: int(k) for w, k in NUMBERS.items() if k.isdigit() and 20 <= int(k) <= 90 and int(k) % 10 == 0
}
_LEFT_TENS_RE = re.compile(rf"{L}(?P<t>{alt(list(_TENS))})\s+$")


_INDEFINITE_ONE = word_set("indefinite_one")
_HOUR_ABBREVIATIONS = word_set("hour_abbreviations")
_LONG_COUNT_WORDS = word_set("long_count_year_words")
_ORDINAL_CENTURY_FORMS = word_set("ordinal_century_forms")
_BEFORE_EVENT_RE = re.compile(rf"\s+{alt(WORDS['before_event'])}\s")
_COUNT_ADJ = alt(WORDS["count_unit_adjectives"])
_COUNT_SUFFIX = alt(WORDS["count_case_suffixes"])
_LEFT_DUR_RE = re.compile(rf"{L}{_DUR_PRE}\s+(?:{_COUNT_ADJ}\s+)?$")


@pattern(
    "duration",
    rf"(?P<n>[0-9](?<![\w.,:].)[0-9]{{0,3}})(?:\s?[-–—]\s?(?P<n2>[0-9]{{1,3}})(?![\w.,:]))?"
    rf"(?:-{_COUNT_SUFFIX})?\s+(?:{_COUNT_ADJ}\s+)?(?P<u>{_UNIT})"
    rf"(?:\s+(?P<ago>{_AGO})|\s+(?P<before>{_BEFORE})|\s+(?P<after>{_AFTER}))?",
    rf"(?P<n>{alt(list(NUMBERS))})\s+(?:{_COUNT_ADJ}\s+)?(?P<u>{_UNIT})"
    rf"(?:\s+(?P<ago>{_AGO})|\s+(?P<before>{_BEFORE})|\s+(?P<after>{_AFTER}))?",
    word_start=True,
)
def _duration(m: re.Match[str], text: str, orig: str) -> Hit | None:
    raw = norm(m.group("n"))
    if "n2" in m.re.groupindex and m.group("n2"):
        # "5-6 років", "протягом 3–4 днів": a range of counts is read by its larger one
        if len(raw) > 3 or int(m.group("n2")) <= int(raw):
            return None
        raw = m.group("n2")
    n = raw if raw.isdigit() else NUMBERS[raw]
    first = m.start()
    if n.isdigit() and 0 < int(n) < 10 and not raw.isdigit():
        tens = _LEFT_TENS_RE.search(text, max(0, first - 16), first)
        if tens:  # "шістдесят дев'ять років"
            n, first = str(_TENS[norm(tens.group("t"))] + int(n)), tens.start()
    left = _LEFT_DUR_RE.search(text, max(0, first - 32), first)
    start, pre = (left.start(), norm(left.group())) if left else (first, "")
    if len(raw) == 4 and raw.isdigit() and not (norm(m.group("u")) in _LONG_COUNT_WORDS and (pre or m.group("ago"))):
        # four digits are a year ("1920 років", "1932 року"), except a count of years
        # after a duration word or before "тому" ("протягом 1000 років")
        return None
    if raw.isdigit() and norm(m.group("u")) in _ORDINAL_CENTURY_FORMS and not _paucal(int(raw)):
        return None  # "17 століття": the 17th century (a count of 17 takes "століть")
    if raw in _INDEFINITE_ONE and not pre:
        return None  # "одного дня": some day, not a duration
    if pre in _WITHIN_PREPS and not m.group("before") and _BEFORE_EVENT_RE.match(text, m.end()):
        # "за два роки до вищеописаних подій": counted back from the narrative time, as
        # "за два роки до того" (the event told is the narrative's)
        return _duration_hit(start, m.end(), pre, n, UNITS[norm(m.group("u"))], None, _BEFORE_EVENT)
    if (norm(m.group("u")) + text[m.end("u"):m.end("u") + 1] in _HOUR_ABBREVIATIONS
            and n.isdigit() and (int(n) % 10 != 1 or int(n) % 100 == 11)):
        # "протягом 2 год.": hours; the Russian year word "год" follows only a count
        # ending in one ("1 год.", "21 год.")
        value = f"PT{int(n)}H"
        return Hit(start, m.end("u") + 1, lambda ctx: Res(value, precision="duration"), None,
                   "duration")
    if m.group("after"):
        pre = _AFTER_MARK  # "два дні потому" = "через два дні"
    return _duration_hit(
        start, m.end(), pre, n, UNITS[norm(m.group("u"))], m.group("ago"), m.group("before")
    )


def _paucal(n: int) -> bool:
    """A count that takes the paucal form of a noun: ending in 2, 3 or 4, not 12-14."""
    return 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14


@pattern(
    "duration_unit",
    rf"(?P<pre>{alt(WORDS['unit_prepositions'])})\s+(?P<u>{_UNIT})"
    rf"(?:\s+(?P<before>{_BEFORE})|\s+(?P<ago>{_AGO}))?",
    word_start=True,
)
def _duration_unit(m: re.Match[str], text: str, orig: str) -> Hit | None:
    unit = UNITS[norm(m.group("u"))]
    if norm(m.group("pre")) in _WITHIN_PREPS and not m.group("before") and _BEFORE_EVENT_RE.match(text, m.end()):
        return _duration_hit(m.start(), m.end(), m.group("pre"), "1", unit, None, _BEFORE_EVENT)
    return _duration_hit(m.start(), m.end(), m.group("pre"), "1", unit, m.group("ago"),
                         m.group("before"))


_SINGLE_UNITS = {norm(w): u for u, ws in WORDS["single_units"].items() for w in ws}
_LEFT_COUNT_RE = re.compile(rf"(?:\d|{L}(?:{alt(list(NUMBERS))}))\s+$")


@pattern(
    "single_unit_after",
    rf"(?P<u>{alt(list(_SINGLE_UNITS))})\s+(?P<after>{_AFTER})",
    word_start=True,
)
def _single_unit_after(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"Рік пізніше", "Роком пізніше", "Місяць по тому", "Годом позже": one unit counted
    forward from the narrative time, as "через рік" (a count before it is the duration
    pattern's: "Двома роками пізніше")."""
    if _LEFT_COUNT_RE.search(text, max(0, m.start() - 24), m.start()):
        return None
    return _duration_hit(m.start(), m.end(), _AFTER_MARK, "1", _SINGLE_UNITS[norm(m.group("u"))],
                         None, None)


@pattern(
    "duration_fixed",
    rf"(?P<fixed>{alt(list(FIXED_DURATIONS))})(?:\s+(?P<ago>{_AGO}))?",
    word_start=True,
)
def _duration_fixed(m: re.Match[str], text: str, orig: str) -> Hit | None:
    value = FIXED_DURATIONS[norm(m.group("fixed"))]
    if m.group("ago"):
        return Hit(m.start(), m.end(), unresolved, None, "relative")
    left = _LEFT_DUR_RE.search(text, max(0, m.start() - 16), m.start())
    start = left.start() if left else m.start()
    pre = norm(left.group()) if left else ""
    if pre in _AFTER_PREPS and value[1:-1].isdigit():  # "через півроку": a point
        count, unit = int(value[1:-1]), value[-1]
        return _duration_hit(start, m.end(), pre, str(count), unit, None, None)
    return Hit(start, m.end(), lambda ctx: Res(value, precision="duration"), None, "duration")


def _duration_hit(
    start: int, end: int, pre: str, n: str, unit: str, ago: str | None, before: str | None
) -> Hit | None:
    """A hit for "N units", read by its preposition and what follows it.

    start (int): start of the span (with the preposition).
    end (int): end of the span.
    pre (str): the preposition before the number ("протягом", "через", "").
    n (str): the count, digits or "X" (unknown).
    unit (str): "D", "W", "M", "Y", "10Y" or "100Y".
    ago (str | None): "тому"/"назад" after it: counted back from the anchor.
    before (str | None): "до того" after it: counted back from the narrative time.
    RETURNS (Hit | None): a duration or a relative hit, None for "0 днів".
    """
    if n.isdigit() and int(n) == 0:
        return None
    pre = pre if pre == _AFTER_MARK else norm(pre)
    count = int(n) if n.isdigit() else None
    letter = unit[-1]
    mult = int(unit[:-1]) if len(unit) > 1 else 1
    if ago:

        def resolve(ctx: Ctx) -> Res:
            if ctx.anchor is None or count is None:
                return Res(None, source="narrative")
            p = Point(ctx.anchor.year, ctx.anchor.month, ctx.anchor.day).shift(unit, -count)
            if p is None:
                return Res(None, source="narrative")
            b, e = p.bounds()
            # ref: the narrative moves there only from the page's own date (see tag())
            return Res(p.value, b, e, p.precision, "narrative", ctx.anchor_text, ref=p)

        return Hit(start, end, resolve, None, "ago")
    if pre in _COUNTED or pre == _AFTER_MARK or before:
        sign = -1 if before else 1

        def resolve(ctx: Ctx) -> Res:
            if ctx.ref is None or count is None:
                return Res(None, source="narrative")
            p = ctx.ref.shift(unit, sign * count)
            if p is None:
                return Res(None, source="narrative", anchor=ctx.ref.value)
            if (pre in _WITHIN_PREPS and not before and ctx.anchor is not None
                    and p.bounds()[0] > ctx.anchor.bounds()[1]):
                # "головні події за 34 роки" on a page of 2025 about 1991: no point after
                # the time of writing, but the span the text looks back over
                return Res(f"P{count * mult}{letter}", precision="duration")
            res = res_point(p, "narrative", ctx.ref.value)
            if before == _BEFORE_EVENT:
                res.ref = None  # a look back before an event leaves the narrative where it is
            return res

        return Hit(start, end, resolve, None, "relative")
    value = f"P{count * mult if count is not None else 'X'}{letter}"
    return Hit(start, end, lambda ctx: Res(value, precision="duration"), None, "duration")



_YEAR_ABBR = alt([f"{w}." for w in WORDS["ambiguous_year_abbreviations"]], bound=False)
# A fraction of a unit in the next smaller one ("13,5 року" = 162 months).
_SMALLER = {"Y": (12, "M"), "W": (7, "D")}
_TERM_RE = re.compile(rf"{L}{alt(WORDS['term_words'] + WORDS['duration_words'])}(?:\s+\w+)?\s+$")


@pattern(
    "duration_fraction",
    rf"(?P<i>[0-9](?<![\w.,:].)[0-9]{{0,2}})[,.](?P<f>[0-9]{{1,2}})\s+(?:(?P<u>{_UNIT})|(?P<r>{_YEAR_ABBR}))",
)
def _duration_fraction(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"13,5 року", "2,5 роки", "13,5 р.": a fractional count of a unit."""
    unit = UNITS[norm(m.group("u"))] if m.group("u") else "Y"
    if m.group("r") and not _TERM_RE.search(text, max(0, m.start() - 30), m.start()):
        return None  # "3,5 р. за пуд": money; "терміном дії 13,5 р.": years
    if unit not in ("D", "W", "M", "Y"):
        return None
    count = float(f"{m.group('i')}.{m.group('f')}")
    value = None
    if unit in _SMALLER:
        factor, smaller = _SMALLER[unit]
        if (count * factor).is_integer():
            value = f"P{int(count * factor)}{smaller}"
    if value is None:
        value = f"P{count:g}{unit}"
    left = _LEFT_DUR_RE.search(text, max(0, m.start() - 16), m.start())
    start = left.start() if left else m.start()
    if left and norm(left.group()) in _COUNTED:
        return None  # "через 1,5 року": a point in time; not read yet
    return Hit(start, m.end(), lambda ctx: Res(value, precision="duration"), None, "duration")


# "два з половиною роки" = two years and six months: the half in the next smaller unit.
_HALF_OF = {"Y": "6M", "M": "15D", "D": "T12H"}


_COUNT_BEFORE_RE = re.compile(
    rf"(?:(?<![\w.,:])(?P<n>[0-9]{{1,3}})|{L}(?P<w>{alt(list(NUMBERS))}))\s+$"
)


def _and_half_point(ref: Point, unit: str, n: int, sign: int) -> Point | None:
    """The point n and a half units from ref (sign -1: back), at the unit's precision;
    None where ref is too coarse to place the half."""
    if unit == "Y" and ref.month:
        p = ref.shift("M", sign * (12 * n + 6))
        return Point(p.year) if p is not None else None
    if unit == "M" and ref.day:
        p = ref.later("M", sign * n)
        p = p.shift("D", sign * 15) if p is not None else None
        return Point(p.year, p.month) if p is not None else None
    if unit == "D":
        return ref.shift("D", sign * n)
    return None


@pattern(
    "duration_and_half",
    rf"{alt(WORDS['half_words'])}\s+(?P<u>{_UNIT})"
    rf"(?:\s+(?P<before>{_BEFORE})|\s+(?P<after>{_AFTER}))?",
    word_start=True,
)
def _duration_and_half(m: re.Match[str], text: str, orig: str) -> Hit | None:
    # the pattern starts at the half word (a rare word: a cheap scan); the count is
    # looked for to its left
    count = _COUNT_BEFORE_RE.search(text, max(0, m.start() - 24), m.start())
    if count is None:
        return None
    raw = norm(count.group("n") or count.group("w"))
    n = raw if raw.isdigit() else NUMBERS.get(raw, "")
    unit = UNITS[norm(m.group("u"))]
    if not n.isdigit() or int(n) == 0 or unit not in _HALF_OF:
        return None
    first = count.start()
    left = _LEFT_DUR_RE.search(text, max(0, first - 32), first)
    start = left.start() if left else first
    if (left and norm(left.group()) in _COUNTED) or m.group("before") or m.group("after"):
        # "через два з половиною роки", "за два з половиною місяці до цього": a point
        sign, count_n = (-1 if m.group("before") else 1), int(n)

        def resolve(ctx: Ctx) -> Res:
            p = _and_half_point(ctx.ref, unit, count_n, sign) if ctx.ref is not None else None
            if p is None or ctx.ref is None:
                return Res(None, source="narrative")
            return res_point(p, "narrative", ctx.ref.value)

        return Hit(start, m.end(), resolve, None, "relative")
    value = f"P{int(n)}{unit}{_HALF_OF[unit]}"
    return Hit(start, m.end(), lambda ctx: Res(value, precision="duration"), None, "duration")


# A duration written as one adjective ("дводенної битви", "п'ятирічний план", "5-річний").
# The pattern starts at the unit stem (rarer than the count stems: a cheaper scan); the
# count is read to its left.
_ADJ_COUNTS: dict[str, int] = {w: int(k) for w, k in table(WORDS["adjective_duration_counts"]).items()}
_ADJ_TENS = alt([w for w, n in _ADJ_COUNTS.items() if 20 <= n <= 90], bound=False)
_ADJ_UNITS: dict[str, str] = table(WORDS["adjective_duration_units"])
_ADJ_COUNT_RE = re.compile(
    rf"(?:{L}(?P<t>{_ADJ_TENS})?(?P<c>{alt(list(_ADJ_COUNTS), bound=False)})"
    rf"|(?<![\w.,:])(?P<d>[0-9]{{1,3}})[-–])$"
)
_SENTENCE_END = ".!?…\n"
# "Семирічна війна" is a name wherever it stands, a sentence start included
_ADJ_NAME_NOUN_RE = re.compile(rf"\s+{alt(WORDS['adjective_duration_name_nouns'], bound=False)}")


@pattern(
    "duration_adjective",
    rf"(?P<u>{alt(list(_ADJ_UNITS), bound=False)}){alt(WORDS['adjective_duration_endings'], bound=False)}{R}",
)
def _duration_adjective(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"дводенної битви" = P2D: the count and the unit of a compound adjective."""
    count = _ADJ_COUNT_RE.search(text, max(0, m.start() - 24), m.start())
    if count is None:
        return None
    if count.group("d"):
        n = int(count.group("d"))
    else:
        n = _ADJ_COUNTS[norm(count.group("c"))]
        if count.group("t"):
            if n > 9:
                return None
            n += _ADJ_COUNTS[norm(count.group("t"))]
    start = count.start()
    if n == 0:
        return None
    if orig[start].isupper():
        before = orig[:start].rstrip(" \t«\"'(")
        if before and before[-1] not in _SENTENCE_END:
            return None  # "Тридцятилітня війна": a name
        if _ADJ_NAME_NOUN_RE.match(text, m.end()):
            return None  # "Семирічна війна тривала": a name at a sentence start
    unit = _ADJ_UNITS[norm(m.group("u"))]
    value = f"PT{n}H" if unit == "TH" else f"P{n}{unit}"
    return Hit(start, m.end(), lambda ctx: Res(value, precision="duration"), None, "duration")
