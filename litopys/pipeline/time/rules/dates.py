"""Dates: "12 грудня 1932 р.", "Третього січня", "12.12.1932", "у жовтні 1935 року"."""

from __future__ import annotations

import re
from collections.abc import Callable

from litopys.pipeline.time.grammar import (
    AMBIGUOUS_MONTH_RIGHT_RE,
    AMBIGUOUS_MONTHS,
    AND,
    CLOCK,
    DAY,
    DAY0,
    DAY_TENS,
    DAY_WORDS,
    MON,
    MONTH_ABBREVIATIONS,
    MONTHS,
    ROMAN,
    YEARX,
    YS,
    Ctx,
    Hit,
    L,
    R,
    Res,
    alt,
    clock,
    day_at,
    day_point,
    left_prep,
    near_year,
    norm,
    page_before,
    parse_day_number,
    parse_year,
    pattern,
    res_point,
    res_range,
    roman,
    year_or_ref,
)
from litopys.pipeline.time.values import Point, valid_day
from litopys.pipeline.time.words import WORDS

# A clock time after a date ("о 23:15", "в 5 утра"), or a news dateline's clock after a
# comma ("9 грудня 2019, 18:30").
_AT_CLOCK = (
    rf"(?:,?\s+(?P<at>{alt(WORDS['date_clock_prepositions'])})\s+{CLOCK}"
    r"|,\s*(?P<ch>[01]?\d|2[0-3]):(?P<cm>[0-5]\d)(?![\d:]))?"
)


def _clock_after(m: re.Match[str], orig: str, day_end: int) -> tuple[str | None, int]:
    """The clock time after a date matched with _AT_CLOCK and where the expression ends
    (day_end, the end of the date alone, when the clock opens a new sentence:
    "1938 р. О 12:45")."""
    if m.group("ch"):
        return f"{int(m.group('ch')):02d}:{m.group('cm')}", m.end()
    time = clock(m)
    if time and orig[m.start("at")].isupper():
        return None, day_end
    return time, m.end()


_AGO = alt(WORDS["ago_words"])


@pattern(
    "date",
    rf"(?P<d>{DAY0})(?P<dot>\.)?\s*(?P<m>{MON})"
    rf"(?:\s*,?\s*(?:(?P<y>{YEARX})|(?P<sy>[0-9]{{2}}){YS}(?!\s*{_AGO})))?{_AT_CLOCK}",
)
def _date(m: re.Match[str], text: str, orig: str) -> Hit | None:
    d = parse_day_number(m.group("d"))
    mo = MONTHS[norm(m.group("m"))]
    if m.group("sy"):
        return _short_year_day(m, d, mo)
    if m.group("dot") and (not orig[m.start("m")].islower() or m.group("m").endswith(".")
                           or page_before(text, m.start())):
        return None  # "10. лютого 1919": an ordinal stop; "... 10. Лютий" is a new sentence
    year = parse_year(m.group("y")) if m.group("y") else None
    time, end = _clock_after(m, orig, m.end("y") if m.group("y") else m.end("m"))
    if not 0 < d < 32:
        return None
    return Hit(m.start(), end, day_at(day_point(d, mo, year), time), year, "date")


def _in_narrative_century(two: int, mo: int, d: int) -> Callable[[Ctx], Res]:
    """The resolver of a day whose year has two digits: the year in the narrative's century
    (the nearest year ending so); no value without a narrative or where the day is invalid."""
    def resolve(ctx: Ctx) -> Res:
        if ctx.ref is None:
            return Res(None, source="narrative")
        y = near_year(two, ctx.ref.year)
        if not valid_day(y, mo, d):
            return Res(None, source="narrative")
        return res_point(Point(y, mo, d), "narrative", ctx.ref.value)
    return resolve


def _short_year_day(m: re.Match[str], d: int, mo: int) -> Hit | None:
    """"22 июня 41 года": a year in two digits with a year word after a day, read in the
    narrative's century (the nearest year ending so); no value without a narrative."""
    if not 0 < d < 32 or not valid_day(2000, mo, d):
        return None
    two = int(m.group("sy"))
    return Hit(m.start(), m.end(), _in_narrative_century(two, mo, d), None, "date")


# "Вересня 7 дня 1649 року", "Января 10-го 1675": the month before its day, as older
# documents write it; read in the month scan (_month), a day noun or a year after the day.
_MONTH_FIRST_DAY_RE = re.compile(
    rf"\s+(?P<d>{DAY0})(?:\s+(?P<dn>{alt(WORDS['month_first_day_nouns'])}))?(?:\s*,?\s*(?P<y>{YEARX}))?"
)


def _month_first_day(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """The month-first date after the month of a "month" match, or None."""
    mf = _MONTH_FIRST_DAY_RE.match(text, m.end("m"))
    if mf is None or not (mf.group("dn") or mf.group("y")):
        return None
    word = norm(m.group("m"))
    if word in AMBIGUOUS_MONTHS and not orig[m.start("m")].isupper():
        return None  # "лютого 7 дня": an adjective ("fierce") before a count
    d = parse_day_number(mf.group("d"))
    if not 0 < d < 32:
        return None
    year = parse_year(mf.group("y")) if mf.group("y") else None
    return Hit(m.start(), mf.end(), day_point(d, MONTHS[word], year), year, "date")


@pattern(
    "year_first_date",
    rf"(?P<y>[0-9](?<![\w.,:].)[0-9]{{2,3}}{YS})\s*,\s*(?P<m>{MON})\s+(?P<d>{DAY})(?![\w.,]?\d)",
)
def _year_first_date(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"(1664 р., січня 22)": an archive's heading, the year, then the month and day."""
    d, year = parse_day_number(m.group("d")), parse_year(m.group("y"))
    if not 0 < d < 32 or norm(m.group("m")) in AMBIGUOUS_MONTHS:
        return None
    return Hit(m.start(), m.end(), day_point(d, MONTHS[norm(m.group("m"))], year), year, "date")


@pattern(
    "day_word_date",
    rf"(?:(?P<tens>{alt(list(DAY_TENS))})\s+)?(?P<dw>{alt(list(DAY_WORDS))})\s+(?P<m>{MON})"
    rf"(?:\s*,?\s*(?P<y>{YEARX}))?",
    word_start=True,
)
def _day_word_date(m: re.Match[str], text: str, orig: str) -> Hit | None:
    d = DAY_WORDS[norm(m.group("dw"))] + (
        DAY_TENS[norm(m.group("tens"))] if m.group("tens") else 0
    )
    if d > 31:
        return None
    year = parse_year(m.group("y")) if m.group("y") else None
    return Hit(m.start(), m.end(), day_point(d, MONTHS[norm(m.group("m"))], year), year, "date")


@pattern(
    "numeric_date",
    rf"(?P<d>[0-9](?<![\d.,].)[0-9]?)\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})(?![\d]|[.,]\d)(?P<ys>{YS})?"
    rf"{_AT_CLOCK}",
    # "03. 01. 1667", "5. 1. 1919" (the encyclopedia's layout), "20.02. 2014": a space after
    # a stop
    rf"(?P<d>[0-9](?<![\d.,].)[0-9]?)\.(?=\s|\d{{1,2}}\.\s)\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}})"
    rf"(?![\d]|\.\d)(?P<ys>{YS})?",
)
def _numeric_date(m: re.Match[str], text: str, orig: str) -> Hit | None:
    d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if len(m.group("y")) == 2:
        return _numeric_short_year_date(m, text, d, mo, y)
    if not valid_day(y, mo, d) or not 1000 <= y <= 2100:
        return None
    if " " in m.group() and page_before(text, m.start()):
        return None  # "Т. 5. 1926": a volume and its year
    p = Point(y, mo, d)
    if "at" in m.re.groupindex:  # "22.06.1941 о 4:00"
        time, end = _clock_after(m, orig, m.end("ys") if m.group("ys") else m.end("y"))
        return Hit(m.start(), end, day_at(lambda ctx: res_point(p), time), y, "date")
    return Hit(m.start(), m.end(), lambda ctx: res_point(p), y, "date")


def _numeric_short_year_date(m: re.Match[str], text: str, d: int, mo: int, two: int) -> Hit | None:
    """"18.12.15": two digits each for the day, the month and the year, which is read in
    the narrative's century (the nearest year ending so); no value without one."""
    if len(m.group("d")) != 2 or len(m.group("m")) != 2 or not valid_day(2000, mo, d) \
            or page_before(text, m.start()) or text[m.end("y"):m.end("y") + 1] in ("-", "–", "/"):
        return None  # not a code ("03.02.00-UA")
    end = m.end("ys") if m.group("ys") else m.end("y")
    return Hit(m.start(), end, _in_narrative_century(two, mo, d), None, "date")


@pattern(
    "numeric_range",
    r"(?P<d1>[0-9](?<![\d.,].)[0-9]?)(?:\.(?P<m1>\d{1,2}))?\.?\s*[–—-]\s*"
    r"(?P<d2>\d{1,2})\.\s?(?P<m2>\d{1,2})\.\s?(?P<y>\d{4})(?![\d]|\.\d)",
)
def _numeric_range(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"25.04.–26.06.1945", "5–7.02.1918": a range of numeric dates sharing the year."""
    d1, d2, m2, y = int(m.group("d1")), int(m.group("d2")), int(m.group("m2")), int(m.group("y"))
    m1 = int(m.group("m1")) if m.group("m1") else m2
    if page_before(text, m.start()):
        return None
    if not (1000 <= y <= 2100 and valid_day(y, m1, d1) and valid_day(y, m2, d2)):
        return None
    a, b = Point(y, m1, d1), Point(y, m2, d2)
    if (m1, d1) >= (m2, d2):
        return None
    return Hit(m.start(), m.end(), lambda ctx: res_range(a, b), y, "range")


# "21.04 та 24.04.1921": a day and month whose year is the next date's in a list.
_NEXT_NUMERIC_DATE = rf"\s*(?:,|\s{AND}\s|\s?[—–-]\s?)\s*\d{{1,2}}\.\d{{1,2}}\.\d{{4}}"


@pattern(
    "numeric_day_month",
    rf"(?P<d>[0-9](?<![\d.,].)[0-9]?)\.(?P<m>\d{{2}})(?![\d]|\.\d)(?={_NEXT_NUMERIC_DATE})",
)
def _numeric_day_month(m: re.Match[str], text: str, orig: str) -> Hit | None:
    d, mo = int(m.group("d")), int(m.group("m"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Hit(m.start(), m.end(), day_point(d, mo, None), None, "date")


@pattern(
    "line_day_month",
    # a chronology's line of its own: "08.03", "16.03.", "07-08.04" under a year heading
    # (two digits each: "1.12" is a section's number)
    r"(?P<d1>[0-3](?<![^\n].)[0-9])(?:[-–—](?P<d2>[0-3][0-9]))?\.(?P<m>[01][0-9])\.?(?=[ \t]*\n)",
)
def _line_day_month(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """A day and month in digits alone on a line (a chronology's entry), in the
    narrative's year; a pair of days is a range of that month."""
    d1, mo = int(m.group("d1")), int(m.group("m"))
    d2 = int(m.group("d2")) if m.group("d2") else d1
    if not (1 <= mo <= 12 and 1 <= d1 <= d2 <= 31) or not valid_day(2000, mo, d2):
        return None
    if d2 == d1:
        return Hit(m.start(), m.end(), day_point(d1, mo, None), None, "date")
    first, last = day_point(d1, mo, None), day_point(d2, mo, None)

    def resolve(ctx: Ctx) -> Res:
        a, b = first(ctx), last(ctx)
        if a.value is None or b.value is None:
            return Res(None, source="narrative")
        pa, pb = Point.from_iso(a.value), Point.from_iso(b.value)
        if pa is None or pb is None:
            return Res(None, source="narrative")
        return res_range(pa, pb, a.source, a.anchor)

    return Hit(m.start(), m.end(), resolve, None, "range")


# "July 17, 2023": month, day, comma, year (dates quoted in English), in the same
# scan as the months.
_MONTH_FIRST = r"\s+(?P<fd>[0-9]{1,2}),\s+(?P<fy>[12][0-9]{3})(?![\w'’ʼ]|[.,]\d)"


# "у липні місяці 1620 року": the noun "month" between a month and its year.
_MONTH_NOUN = rf"(?:\s+{alt(WORDS['month_nouns'])})?"


@pattern("month", rf"(?P<m>{MON})(?:{_MONTH_FIRST}|{_MONTH_NOUN}\s*,?\s*(?P<y>{YEARX}))?", word_start=True)
def _month(m: re.Match[str], text: str, orig: str) -> Hit | None:
    word = norm(m.group("m"))
    mo = MONTHS[word]
    if m.group("fd"):
        d, y = int(m.group("fd")), int(m.group("fy"))
        if not valid_day(y, mo, d):
            return None
        day = Point(y, mo, d)
        return Hit(m.start(), m.end(), lambda ctx: res_point(day), y, "date")
    if not m.group("y") and (first := _month_first_day(m, text, orig)) is not None:
        return first
    if m.group("y"):
        p = Point(parse_year(m.group("y")), mo)
        pair = _month_pair(text, m, word, p)
        if pair is not None:
            return pair
        return Hit(m.start(), m.end(), lambda ctx: res_point(p), p.year, "date")
    if word in MONTH_ABBREVIATIONS:
        return None  # "лист." alone may be a letter; "квіт. 1772" is a month
    later = _LATER_MONTH_YEAR_RE.match(text, m.end())
    if later and left_prep(text, m.start()):
        # "у лютому і в Парижі в березні 1999 року": the year of the month that follows
        # in the same list
        later_year = parse_year(later.group("y"))
        if later_year is not None and MONTHS[norm(later.group("m"))] > mo:
            p_later = Point(later_year, mo)
            return Hit(m.start(), m.end(), lambda ctx: res_point(p_later), later_year, "date")
    # A month alone is a date only after a preposition or a part word; a
    # month that is also an adjective or a name only before a stop or a
    # relative year ("у лютому.", "у лютому цього року").
    if word in AMBIGUOUS_MONTHS and not AMBIGUOUS_MONTH_RIGHT_RE.match(text, m.end()):
        return None
    if not left_prep(text, m.start()):
        return None

    def resolve(ctx: Ctx) -> Res:
        y, source, anchor = year_or_ref(None, ctx)
        if y is None:
            return Res(None, source=source)
        return res_point(Point(y, mo), source, anchor)

    return Hit(m.start(), m.end(), resolve, None, "date")


@pattern(
    "tens_of_days",
    rf"(?P<n>[123]0)[-–]?{alt(WORDS['decade_suffixes'], bound=False)}\s+{alt(WORDS['tens_of_days_nouns'])}"
    rf"\s+(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?",
)
@pattern(
    "month_part_phrase",
    rf"{alt(WORDS['month_part_phrases'])}\s+(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?",
    word_start=True,
)
def _tens_of_days(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"у 20-х числах червня", "в 20-х днях червня 1649 р.": days of a month by their
    ten, the month (a decade reading, 192X, was wrong); "в останніх числах травня", "у
    другій декаді травня", "у перших числах січня 1649 р." too."""
    mo = MONTHS[norm(m.group("m"))]
    year = parse_year(m.group("y")) if m.group("y") else None

    def resolve(ctx: Ctx) -> Res:
        y, source, anchor = year_or_ref(year, ctx)
        if y is None:
            return Res(None, source=source)
        return res_point(Point(y, mo), source, anchor)

    return Hit(m.start(), m.end(), resolve, year, "date")


_LEFT_MONTH_RE = re.compile(rf"{L}(?P<a>{MON})\s+$")

_BYLINE_MONTHS = {norm(str(name)): int(number) for number, name in WORDS["byline_months"].items()}


@pattern(
    "byline_month_first",
    rf"(?:(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)\s+)?(?P<m>{alt(list(_BYLINE_MONTHS), bound=False)})"
    r"\s+(?P<d>[0-9]{1,2}),\s+(?P<y>[12][0-9]{3})(?![\w'’ʼ]|[.,]\d)",
    word_start=True,
)
def _byline_month_first(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"18:07 Лип 11, 2023": a web page's byline, a clock time, a short month name, the
    day and the year."""
    if not orig[m.start("m")].isupper():
        return None  # "лип" is also a word; a byline's month is capitalised
    mo, d, y = _BYLINE_MONTHS[norm(m.group("m"))], int(m.group("d")), int(m.group("y"))
    if not valid_day(y, mo, d):
        return None
    day = Point(y, mo, d)
    if m.group("hh") is None:
        return Hit(m.start(), m.end(), lambda ctx: res_point(day), y, "date")
    value = f"{day.value}T{int(m.group('hh')):02d}:{m.group('mm')}"
    b, e = day.bounds()
    return Hit(m.start(), m.end(), lambda ctx: Res(value, b, e, "minute", ref=day), y, "date")
# A later month with its year in the same list, a few words on: "(у лютому) і в Парижі в
# березні 1999 року".
_LATER_MONTH_YEAR_RE = re.compile(
    rf"\s*(?:,\s*|\s+{AND}\s+)(?:[^\W\d_][\w'’ʼ-]*\s+){{0,4}}?(?P<m>{MON})\s*,?\s*(?P<y>{YEARX})"
)


def _month_pair(text: str, m: re.Match[str], word: str, p: Point) -> Hit | None:
    """"у серпні вересні 1944 р.": the month before a month and year, consecutive and in
    the same case, whose dash the page lost: one range ("1944-08/1944-09")."""
    left = _LEFT_MONTH_RE.search(text, max(0, m.start() - 16), m.start())
    if left is None:
        return None
    first = norm(left.group("a"))
    ma = MONTHS[first]
    if p.month != ma % 12 + 1 or first[-1] != word[-1] or "." in first + word:
        return None
    a = Point(p.year - 1 if ma == 12 else p.year, ma)
    return Hit(left.start(), m.end(), lambda ctx: res_range(a, p), p.year, "range")


_BARE_DAY_RIGHT = rf"(?:\s+{alt(WORDS['day_of_month_words'])}|(?=\s*[,.;:)]))"


@pattern(
    "bare_day",
    rf"(?P<d>[0-9](?<![\w.,:].)[0-9]?)[-–]{alt(WORDS['bare_day_suffixes'], bound=False)}{R}"
    rf"{_BARE_DAY_RIGHT}",
)
def _bare_day(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"14-го, коли ...", "14-го числа": a day of the narrative month; not the number
    after a name inside a sentence ("графа Кам'янського 2-го, звільняючи ...")."""
    d = int(m.group("d"))
    if not 1 <= d <= 31 or (_after_name(m.start(), orig) and not m.group(0).split()[1:]):
        return None

    def resolve(ctx: Ctx) -> Res:
        ref = ctx.ref
        if ref is None or not ref.month or ref.season:
            return Res(None, source="narrative")
        if not valid_day(ref.year, ref.month, d):
            return Res(None, source="narrative")
        return res_point(Point(ref.year, ref.month, d), "narrative", ref.value)

    return Hit(m.start(), m.end(), resolve, None, "date")


_SENTENCE_END_RE = re.compile(r"(?:^|[.!?;]|\n)\s*$")
# The capitalised word right before a position, and what precedes that word.
_NAME_BEFORE_RE = re.compile(r"(?<![\w'’])(?P<w>[^\W\d_][\w'’-]+)[ \t]+$")


def _after_name(start: int, orig: str) -> bool:
    """Whether a capitalised word stands right before `start` inside a sentence: the
    number is part of a name ("Кам'янського 2-го", "Олександра 1-го"), unless "числа"
    follows it (checked by the caller)."""
    m = _NAME_BEFORE_RE.search(orig, max(0, start - 40), start)
    if m is None or not m.group("w")[0].isupper():
        return False
    return not _SENTENCE_END_RE.search(orig, max(0, m.start("w") - 3), m.start("w"))


@pattern("bare_day_dash", r"(?P<d>[0-9](?<![\w.,:].)[0-9]?)(?=[ \t]+[—–][ \t])")
def _bare_day_dash(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"... 13 травня. 14 — прийом у короля": a day number opening a sentence of a
    chronicle, before a dash: a later day of the narrative month."""
    d = int(m.group("d"))
    if not 1 <= d <= 31 or not _SENTENCE_END_RE.search(text, max(0, m.start() - 3), m.start()):
        return None

    def resolve(ctx: Ctx) -> Res:
        ref = ctx.ref
        if ref is None or not ref.month or ref.season or (ref.day and d <= ref.day):
            return Res(None, source="narrative")
        if not valid_day(ref.year, ref.month, d):
            return Res(None, source="narrative")
        return res_point(Point(ref.year, ref.month, d), "narrative", ref.value)

    return Hit(m.start(), m.end(), resolve, None, "date", optional=True)


_CLOCK_LEFT_RE = re.compile(
    rf"{L}{alt(WORDS['range_from'] + WORDS['range_to'] + WORDS['clock_prepositions'])}\s+$")


@pattern(
    "clock_date",
    rf"(?P<hh>[0-2](?<![\w.,:].)[0-9]?)(?P<sep>[:.])(?P<mm>[0-5][0-9])[ \t]+(?P<d>{DAY0})\s*(?P<m>{MON})"
    rf"(?:\s*,?\s*(?P<y>{YEARX}))?",
)
def _clock_date(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"00:00 15 лютого": a clock time written before its date; with a stop ("з 18.00 19
    квітня до 00.00 21 квітня") only after a preposition of a range or a clock."""
    h, d = int(m.group("hh")), parse_day_number(m.group("d"))
    if h > 23 or not 0 < d < 32:
        return None
    if m.group("sep") == "." and not _CLOCK_LEFT_RE.search(text, max(0, m.start() - 8), m.start()):
        return None  # "курс 27.50 19 квітня": a number
    time = f"{h:02d}:{m.group('mm')}"
    year = parse_year(m.group("y")) if m.group("y") else None
    base = day_point(d, MONTHS[norm(m.group("m"))], year)
    return Hit(m.start(), m.end(), day_at(base, time), year, "date")


@pattern(
    "numeric_full_range",
    r"(?P<d1>[0-9](?<![\d.,].)[0-9]?)\.(?P<m1>\d{1,2})\.(?P<y1>\d{4})\s*[–—-]\s*"
    r"(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})(?![\d]|\.\d)",
)
def _numeric_full_range(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"01.08.2022–17.07.2023": two numeric dates joined by a dash, each with its year."""
    d1, m1, y1 = int(m.group("d1")), int(m.group("m1")), int(m.group("y1"))
    d2, m2, y2 = int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
    if not (1000 <= y1 <= y2 <= 2100 and valid_day(y1, m1, d1) and valid_day(y2, m2, d2)):
        return None
    if (y1, m1, d1) >= (y2, m2, d2):
        return None
    a, b = Point(y1, m1, d1), Point(y2, m2, d2)
    return Hit(m.start(), m.end(), lambda ctx: res_range(a, b), y2, "range")


@pattern(
    "roman_month_date",
    # "5.III.1918", "24 II 1918", and "12–14.V.1920": a range of days of one such month
    rf"(?P<d1>[0-9](?<![\w.,:].)[0-9]?)(?:\s*[-–—]\s*(?P<d>[0-9][0-9]?)(?=\.))?"
    rf"\s*[.\s]\s*(?P<m>{ROMAN})\s*[.\s]\s*(?P<y>[12][0-9]{{3}})"
    rf"(?![\d]|[.,]\d)(?P<ys>{YS})?",
    # "22-VI-1941": hyphens around the month
    rf"(?P<d1>[0-9](?<![\w.,:\-].)[0-9]?)-(?P<m>{ROMAN})-(?P<y>[12][0-9]{{3}})(?![\w-])(?P<ys>{YS})?",
)
def _roman_month_date(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"5.III.1918", "24 II 1918": the month in capital Roman numerals."""
    if not orig[m.start("m"):m.end("m")].isupper():
        return None
    d1 = int(m.group("d1"))
    mo, y = roman(m.group("m")), int(m.group("y"))
    d = int(m.group("d")) if "d" in m.re.groupindex and m.group("d") else d1
    if mo is None or not 1 <= mo <= 12 or not valid_day(y, mo, d):
        return None
    p = Point(y, mo, d)
    if d != d1:
        if not 0 < d1 < d or page_before(text, m.start()):
            return None
        a = Point(y, mo, d1)
        return Hit(m.start(), m.end(), lambda ctx: res_range(a, p), y, "range")
    return Hit(m.start(), m.end(), lambda ctx: res_point(p), y, "date")


@pattern(
    "slash_date",
    r"(?P<a>[0-9](?<![\w.,:/].)[0-9]?)/(?P<b>[0-9]{1,2})/(?P<y>[12][0-9]{3})(?![\w/])"
    r"(?:(?P<dash>[ \t]*[-–—][ \t]*)(?P<ch>[01]?[0-9]|2[0-3]):(?P<cm>[0-5][0-9])(?![\w:]))?",
)
def _slash_date(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"25/12/1991", and a web page's byline "08/20/2023 - 08:33": day first, as Ukrainian
    writes dates, unless the first number cannot be a day's month pair -- a second number
    above 12 is a day (month first, as content systems print it), and so is the month-first
    layout of a byline with a dash before its clock time when both numbers could be months."""
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if b > 12 or (a <= 12 and m.group("dash")):
        a, b = b, a
    if not valid_day(y, b, a):
        return None
    p = Point(y, b, a)
    time = f"{int(m.group('ch')):02d}:{m.group('cm')}" if m.group("ch") else None
    return Hit(m.start(), m.end(), day_at(lambda ctx: res_point(p), time), y, "date")


@pattern(
    "new_year",
    rf"(?P<w>{alt(WORDS['new_year_words'])})\s+(?P<y>[12][0-9]{{3}})\s+{alt(WORDS['new_year_year_words'])}",
    word_start=True,
)
def _new_year(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"Напередодні Нового 2014 року": New Year's Day of that year (only with a capital "Н",
    as the holiday is written; "новий 1920 рік" in lower case is a plain year)."""
    if not orig[m.start()].isupper():
        return None
    p = Point(int(m.group("y")), 1, 1)
    return Hit(m.start(), m.end(), lambda ctx: res_point(p), p.year, "date")


@pattern(
    "iso_date",
    r"(?P<y>[12](?<![\w.,:/\-].)[0-9]{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3][0-9])(?![\w\-]|[.,:]\d)",
)
def _iso_date(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"1941-06-22": an ISO date in prose (a page's metadata, a table copied into the text)."""
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not valid_day(y, mo, d) or not 1000 <= y <= 2100:
        return None
    p = Point(y, mo, d)
    return Hit(m.start(), m.end(), lambda ctx: res_point(p), y, "date")
