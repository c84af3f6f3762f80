"""Years and ranges of years: "1932 р.", "у 1932-му", "(1923)", "1932–1937 рр."."""

from __future__ import annotations

import re
from itertools import pairwise

from litopys.pipeline.time.grammar import (
    AND,
    AND_WORDS,
    BCE,
    BCE_YEAR,
    FLAGS,
    NUMBER_WORDS,
    OR,
    PART_WORDS,
    PREPOSITIONS,
    RANGE_BETWEEN,
    RANGE_FROM,
    RANGE_TO,
    TO,
    YS,
    YS_ANY,
    YS_PLURAL,
    Ctx,
    Hit,
    L,
    Res,
    alt,
    left_pre,
    left_prep,
    near_year,
    norm,
    page_before,
    parse_year,
    pattern,
    res_point,
    res_range,
    word_set,
    year_hit,
)
from litopys.pipeline.time.values import Point
from litopys.pipeline.time.words import WORDS

_YEAR_ABBR = alt(WORDS["ambiguous_year_abbreviations"], bound=False)
_MONEY_R_RE = re.compile(rf"\d\s?{_YEAR_ABBR}\.?$")
# Before "988 р.": a year, not a sum ("у 988 р.", "близько 600 р.", "на початку 988 р.").
_LEFT_YEAR_IN_RE = re.compile(rf"{L}(?:{alt(WORDS['year_in_prepositions'])}|{PART_WORDS})\s+$", FLAGS)
_BARE_YEAR_RIGHT_RE = re.compile(
    rf"\s*(?:[,;:!?)»\"”]|\.(?!\d)|$|[-–—]\s|\s+(?:{AND}|{OR}|—|–)\s|{YS_PLURAL})", FLAGS
)
_LEFT_LIST_YEAR_RE = re.compile(
    rf"[12]\d{{3}}(?:\s?{_YEAR_ABBR}\.)?\s*(?:,|\s{AND}|\s{OR})\s+$"
)
_PAREN_YEAR_RE = re.compile(r"\(\s[12]\d{3}\s\)")
# A year that names what it follows ("перемир'я 1667 —", "ДОГОВІР 1921.", "світ 1774,"):
# after a word and one space, before a stop, a comma, a bracket or a dash.
_LEFT_WORD_RE = re.compile(r"(?P<w>[^\W\d_][\w'’ʼ-]*)[)»\"”]?\s$")
_MODIFIER_RIGHT_RE = re.compile(
    rf"\s*(?:[,;:)]|\.(?!\d)|$)|\s+[—–(]|\s+{alt(WORDS['year_modifier_followers'])}\s"
)
_EVENT_NOUN_RE = re.compile(rf"^{alt(WORDS['event_noun_stems'], bound=False)}[\w'’ʼ-]*$")
_NOT_BEFORE_YEAR = (NUMBER_WORDS | word_set("page_markers") | PREPOSITIONS
                    | word_set("identifier_nouns"))

_ANNIVERSARY_SUFFIXES = frozenset(WORDS["anniversary_ordinal_suffixes"])
_ANNIVERSARY_RE = re.compile(rf"\s+{alt(WORDS['anniversary_stems'], bound=False)}", FLAGS)


@pattern(
    "year",
    rf"(?P<y>[0-9](?<![\w.,:/№].)[0-9]{{0,3}})"
    rf"(?:(?P<bce>\s*{BCE_YEAR}?{BCE})|(?P<pl>{YS_PLURAL})|(?P<ys>{YS}))",
)
def _year(m: re.Match[str], text: str, orig: str) -> Hit | None:
    if page_before(text, m.start()):
        return None
    if (m.group("ys") or "")[1:].lower() in _ANNIVERSARY_SUFFIXES and _ANNIVERSARY_RE.match(text, m.end()):
        return None  # "к 368-й годовщине": the anniversary's count
    s, digits = m.group(), len(m.group("y"))
    if (m.group("pl") and digits < 4) or (m.group("ys") and digits < 3):
        return None
    y = parse_year(s)
    if (
        m.group("ys")
        and digits == 3
        and _MONEY_R_RE.search(s)
        and not _LEFT_YEAR_IN_RE.search(text, max(0, m.start() - 30), m.start())
    ):
        return None  # "200 р." is more often money than a year; "у 988 р." is a year
    if not m.group("bce") and y > 2100:
        return None
    return year_hit(m, y)


# "(пом. 1709)": a life-date abbreviation before the year
_LEFT_LIFE_RE = re.compile(rf"{L}{alt(WORDS['year_life_markers'], bound=False)}\s*$", FLAGS)


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """Whether a number is all its line holds, but for a stop or a colon after it: a
    heading ("1918" over the year's paragraphs)."""
    left = text.rfind("\n", 0, start)
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    return not text[left + 1:start].strip() and text[end:right].strip() in ("", ".", ":")


@pattern("bare_year", r"(?P<y>[12](?<![\w.,:/№–-].)[0-9]{3})(?![\w']|[.,]\d)")
def _bare_year(m: re.Match[str], text: str, orig: str) -> Hit | None:
    y = int(m.group("y"))
    if y > 2100:
        return None
    if _PAREN_YEAR_RE.match(text, m.start() - 2) or (
        text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"
    ):
        return year_hit(m, y)  # "(1923)": a year, the convention for works and events
    if y >= 1000 and _alone_on_its_line(text, m.start(), m.end()):
        return year_hit(m, y)
    left = left_prep(text, m.start()) or _LEFT_LIST_YEAR_RE.search(
        text, max(0, m.start() - 16), m.start()
    ) or _LEFT_LIFE_RE.search(text, max(0, m.start() - 8), m.start())
    if left and _BARE_YEAR_RIGHT_RE.match(text, m.end()):
        return year_hit(m, y)
    word = _LEFT_WORD_RE.search(text, max(0, m.start() - 40), m.start())
    if word and y >= 1000 and norm(word.group("w")) not in _NOT_BEFORE_YEAR and (
            _MODIFIER_RIGHT_RE.match(text, m.end())
            or _EVENT_NOUN_RE.match(norm(word.group("w")))):
        return year_hit(m, y)
    return None


_HYPHEN_SUFFIX = rf"[-–]{alt(WORDS['year_suffixes'], bound=False)}"
# "1933-му роках": an ordinal year before a plural year word (the end of a list)
_HYPHEN_PLURAL = rf"{_HYPHEN_SUFFIX}{YS_PLURAL}"
_PLURAL_END_RE = re.compile(rf"^(?:{_HYPHEN_SUFFIX})?{YS_PLURAL}$", FLAGS)
# The years listed before the last pair: "1932, " of "1932, 1933 і 1934 роках".
_LIST_HEAD_RE = re.compile(r"(?<![\w.,:/№–-])(?P<y>[12]\d{3})(?:,\s*[12]\d{3})*,\s*$")


@pattern(
    "year_range",
    rf"(?P<y1>[0-9](?<![\w.,:/№].)[0-9]{{2,3}})"
    rf"(?:\s?{alt(WORDS['range_year_words'], bound=False)}|(?P<sfx1>[-–]{alt(WORDS['year_suffixes'], bound=False)}(?![\w'’ʼ-]))|(?P<q1>\?))?"
    rf"\s*(?P<conn>[-–—/]|\s(?:{TO}|{AND})\s)\s*"
    # "(1639 – бл. 1709)", "(1639? – 1709)": life dates, one end uncertain
    rf"(?P<life>{alt(WORDS['year_life_markers'], bound=False)}\s*)?"
    # "наприкінці 1918 – на початку 1919 року": parts of two years, one range of the
    # years (as "наприкінці 1980-х – на початку 1990-х років")
    rf"(?P<part>(?:{PART_WORDS})\s+)?"
    rf"(?P<y2>\d{{2,4}})(?![\d]|[.,]\d)(?P<ys>{_HYPHEN_PLURAL}|{YS_ANY})?",
)
def _year_range(m: re.Match[str], text: str, orig: str) -> Hit | None:
    y1, s2 = int(m.group("y1")), m.group("y2")
    if m.group("part"):
        y2 = int(s2)
        if (m.group("conn") not in "-–—" or len(s2) != 4 or not 1000 <= y1 < y2 <= y1 + 300
                or y2 > 2100 or page_before(text, m.start())):
            return None
        p1, p2 = Point(y1), Point(y2)
        return Hit(m.start(), m.end(), lambda ctx: res_range(p1, p2), y2, "range")
    if (m.group("q1") or m.group("life")) and not (
            m.group("conn") in "-–—" and len(s2) == 4 and 1000 <= y1 < int(s2) <= y1 + 120
            and not page_before(text, m.start())
            and (m.group("ys") or text[m.end():m.end() + 3].lstrip()[:1] in (")", "]", ",", ";"))):
        return None  # life dates: in brackets or before a year word
    y2 = int(s2) if len(s2) > 2 else (y1 // 100) * 100 + int(s2)
    start, pre, _night = left_pre(text, m.start())
    conn = m.group("conn").strip()
    if m.group("sfx1") and (conn not in RANGE_TO or pre not in RANGE_FROM) and not (
            conn in AND_WORDS and m.group("ys") and _PLURAL_END_RE.match(m.group("ys"))):
        # "з 2014-го по 2022-й", "у 1932-му та 1933-му роках" only: "1932-го–..." is
        # not a range form
        return None
    if not y1 < y2 <= y1 + 300 or y2 > 2100 or page_before(text, m.start()):
        return None
    listed = None
    if conn in AND_WORDS and pre not in RANGE_BETWEEN:
        # "у 1920 та 1921 роках", "в 1932, 1933 и 1934 годах": consecutive years under one
        # plural year word are one expression from the first to the last (as the gold's
        # "3 й 4 січня"); a singular word or a gap lists separate years.
        if not (m.group("ys") and _PLURAL_END_RE.match(m.group("ys")) and len(s2) == 4
                and y2 == y1 + 1):
            return None  # "у 1994, 1997 і 2005 роках": separate years, not a span
        listed = _LIST_HEAD_RE.search(text, max(0, m.start() - 40), m.start())
    if conn in RANGE_TO and pre not in RANGE_FROM:
        return None
    if conn == "/" and not (len(s2) in (2, 4) and y2 == y1 + 1):
        return None  # "1918/19", "2022/2023": one season or academic year
    # "1768—74": a two-digit end after a dash (not "1905-07", which may be July 1905)
    short = len(s2) == 2 and y1 >= 1000 and conn in "—–-" and not (conn == "-" and int(s2) <= 12)
    if not m.group("ys") and (y1 < 1000 or (len(s2) != 4 and not short)) and conn != "/":
        return None
    if pre not in RANGE_FROM and pre not in RANGE_BETWEEN:
        start = m.start()
    if listed is not None and not page_before(text, listed.start()):
        head = [int(y) for y in re.findall(r"\d{4}", listed.group())]
        if not all(b == a + 1 for a, b in pairwise([*head, y1])):
            return None  # "у 1931, 1933 і 1934 роках": separate years
        start, y1 = listed.start(), head[0]
    a, b = Point(y1), Point(y2)
    return Hit(start, m.end(), lambda ctx: res_range(a, b), y2, "range")



# Words after "у 33-му" that cannot be the noun an ordinal modifies ("у 33-му він ...").
_SHORT_FOLLOWER_RE = re.compile(rf"\s+{alt(WORDS['short_year_followers'])}(?![\w'’ʼ-])", FLAGS)
_SHORT_LEFT_RE = re.compile(rf"{L}{alt(WORDS['year_in_prepositions'])}\s+$", FLAGS)
# the genitive ("з 33-го", "до 41-го") after its own prepositions
_SHORT_GENITIVE = {norm(w) for w in WORDS["short_year_genitive_suffixes"]}
_SHORT_GENITIVE_LEFT_RE = re.compile(
    rf"{L}{alt(WORDS['short_year_genitive_prepositions'])}\s+$", FLAGS)


@pattern(
    "short_year",
    rf"(?P<y>[0-9](?<![\w.,:/№–-].)[0-9])-(?P<sfx>{alt(WORDS['short_year_suffixes'] + WORDS['short_year_genitive_suffixes'], bound=False)})"
    rf"(?![\w'’ʼ-])(?P<ys>{YS})?",
)
def _short_year(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"у 33-му", "в 33-м году": a year by its last two digits, in the century of the
    narrative time (the nearest such year); only after "у"/"в" and before a stop, a comma,
    a conjunction or a year word (not "у 33-му полку")."""
    left = _SHORT_GENITIVE_LEFT_RE if norm(m.group("sfx")) in _SHORT_GENITIVE else _SHORT_LEFT_RE
    if not left.search(text, max(0, m.start() - 12), m.start()):
        return None
    if not m.group("ys") and not _BARE_YEAR_RIGHT_RE.match(text, m.end()) \
            and not _SHORT_FOLLOWER_RE.match(text, m.end()):
        return None
    two = int(m.group("y"))

    def resolve(ctx: Ctx) -> Res:
        if ctx.ref is None:
            return Res(None, source="narrative")
        return res_point(Point(near_year(two, ctx.ref.year)), "narrative", ctx.ref.value)

    return Hit(m.start(), m.end(), resolve, None, "year")


@pattern("spaced_year", rf"(?P<y>[12](?<![\w.,:/№–-].) [0-9] [0-9] [0-9])(?P<ys>{YS})")
def _spaced_year(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"1 9 3 2 року": a year whose digits OCR or letter-spacing pulled apart (before a
    year word only)."""
    if text[max(0, m.start() - 2):m.start()].strip()[-1:].isdigit():
        return None
    y = int(m.group("y").replace(" ", ""))
    return year_hit(m, y) if y <= 2100 else None
