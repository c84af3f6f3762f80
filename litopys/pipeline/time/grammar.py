"""The grammar shared by the time rules: word tables, regex pieces, and the hit types.

Every word comes from ``litopys/lang/<lang>/time.yaml`` (see ``words.py``); this
module only says how the words combine (digits, punctuation, spacing), compiled
once at import. The rules in ``rules/`` register their patterns with
:func:`pattern`; ``tagger.py`` runs them.

DOCS: docs/TIME.md
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from litopys.pipeline.time.values import Point, valid_day
from litopys.pipeline.time.words import WORDS

# ---------------------------------------------------------------------------
# Regex building blocks
# ---------------------------------------------------------------------------

APOS = "'’ʼ"
L = rf"(?<![\w{APOS}])"  # left word boundary (apostrophe counts as a letter)
R = rf"(?![\w{APOS}])"  # right word boundary
# Patterns run on a lower-cased copy of the text with one apostrophe (see
# _working_copy): case-sensitive matching of trie-shaped alternations is
# an order of magnitude faster than re.IGNORECASE.
FLAGS = 0


_SPACES_RE = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def norm(word: str) -> str:
    """Lower-case a word and unify its apostrophes.

    word (str): a word or phrase.
    RETURNS (str): the key used in the lookup tables.
    """
    return _SPACES_RE.sub(" ", word.lower().replace("’", "'").replace("ʼ", "'")).strip()


def alt(words: list[str], bound: bool = True) -> str:
    """Alternation of words as a trie regex: shared prefixes are matched once.

    words (list[str]): words or phrases (matched in lower case; a space
        stands for any run of white space).
    bound (bool): end each word at a word boundary (False for endings and
        abbreviations that the pattern itself bounds).
    RETURNS (str): a non-capturing regex fragment.
    """
    trie: dict[str, Any] = {}
    for word in {norm(str(w)) for w in words}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any], last: str) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            if ch == " ":
                piece = r"\s*" if last == "." else r"\s+"
            else:
                piece = re.escape(ch)
            alts.append(piece + emit(node[ch], ch))
        if "" in node:
            alts.append(R if bound and (last.isalnum() or last == "'") else "")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return "(?:" + emit(trie, "") + ")"


def table(groups: dict[Any, list[str]]) -> dict[str, Any]:
    """Invert {key: [words]} into {normalised word: key}.

    groups (dict): a YAML mapping of keys to word lists.
    RETURNS (dict[str, Any]): word -> key.
    """
    return {norm(str(w)): k for k, ws in groups.items() for w in ws}


def word_set_of(words: list[Any]) -> frozenset[str]:
    """A list of words, normalised, as a frozenset."""
    return frozenset(norm(str(w)) for w in words)


def word_set(key: str) -> frozenset[str]:
    """The normalised words under a key of the time words."""
    return word_set_of(WORDS[key])


MONTH_ABBREVIATIONS: dict[str, int] = {
    w: int(k) for w, k in table(WORDS["month_abbreviations"]).items()
}
MONTHS: dict[str, int] = {
    **{w: int(k) for w, k in table(WORDS["months"]).items()}, **MONTH_ABBREVIATIONS
}
AMBIGUOUS_MONTHS = frozenset(norm(w) for w in WORDS["ambiguous_months"])
SEASON_ADVERBS = table({k: v["adverbs"] for k, v in WORDS["seasons"].items()})
SEASON_NOUNS = table({k: v["nouns"] for k, v in WORDS["seasons"].items()})
DECADE_WORDS: dict[str, int] = {w: int(k) for w, k in table(WORDS["decade_words"]).items()}
NUMBERS: dict[str, str] = {w: str(k) for w, k in table(WORDS["numbers"]).items()}
UNITS: dict[str, str] = {w: str(k) for w, k in table(WORDS["units"]).items()}
FIXED_DURATIONS: dict[str, str] = {norm(k): v for k, v in WORDS["fixed_durations"].items()}
HALVES: dict[str, int] = {w: int(k) for w, k in table(WORDS["halves"]).items()}
PARTS: dict[str, str] = table(WORDS["parts"])
RELATIVE: dict[str, tuple[str, int]] = {
    norm(p): (str(r["unit"]), int(r["offset"])) for r in WORDS["relative"] for p in r["phrases"]
}
_YEAR_PLURAL = set(WORDS["decade_year_words"])

MON = alt(list(MONTHS))
# Patterns start with a plain character class or literal, and check the
# character before them with a look-behind placed *after* that first
# character: the regex engine then skips quickly to plausible positions.
_ORD = rf"(?:[-–]?{alt(WORDS['ordinal_suffixes'], bound=False)}(?![\w]))"
DAY = rf"[0-9][0-9]?{_ORD}?"
DAY0 = rf"[0-9](?<![\w.,:].)[0-9]?{_ORD}?"
_HYPHEN_YEAR = rf"[-–]{alt(WORDS['year_suffixes'], bound=False)}{R}"
YS = rf"(?:\s?{alt([w for w in WORDS['year_words'] if w not in _YEAR_PLURAL])}|{_HYPHEN_YEAR})"
YS_PLURAL = rf"(?:\s?{alt(sorted(_YEAR_PLURAL))})"
YS_ANY = rf"(?:\s?{alt(WORDS['year_words'])}|{_HYPHEN_YEAR})"
BCE = rf"\s*{alt(WORDS['bce_markers'])}"
BCE_RE = re.compile(BCE, FLAGS)
# A year word between a year and a BCE marker ("512 роком до нашої ери").
BCE_YEAR = alt(WORDS["bce_year_words"], bound=False)
# A year after a day or a month: with a year word, or a bare four-digit year.
YEARX = (
    rf"(?:\d{{1,4}}\s*{BCE_YEAR}?{BCE}"
    rf"|\d{{4}}{YS_PLURAL}|\d{{3,4}}{YS}|[12]\d{{3}}(?![\w{APOS}]|[.,]\d))"
)
# Roman numerals, lower-cased (the handlers check the original case), with the
# letters of the text's script that are written for them.
ROMAN_LOOKALIKES: dict[str, str] = {str(k): str(v) for k, v in WORDS["roman_lookalikes"].items()}
_ROMAN_CHARS = "ivxl" + "".join(ROMAN_LOOKALIKES)
ROMAN = rf"[{_ROMAN_CHARS}]+"
ROMAN_NUM = rf"(?:[0-9]{{1,2}}|{ROMAN})(?![0-9{_ROMAN_CHARS}])"
ROMAN_SPACE = rf"{ROMAN}[^\s\-–{_ROMAN_CHARS}]"
CENTURY_NUM0 = rf"[0-9{_ROMAN_CHARS}](?<![\w.,:].)[0-9{_ROMAN_CHARS}]*"
CENTURY_SFX = rf"(?:[-–]?{alt(WORDS['century_suffixes'], bound=False)}{R})"
CENTURY = rf"(?:{ROMAN}|\d{{1,2}}){CENTURY_SFX}?\s*{alt(WORDS['century_words'])}"
CENTURY0 = CENTURY.replace(rf"(?:{ROMAN}|\d{{1,2}})", CENTURY_NUM0, 1)
PREP = alt(WORDS["date_prepositions"])
PART_WORDS = alt(list(PARTS) + list(HALVES))
REL_YEAR = alt([p for p, (u, _) in RELATIVE.items() if u == "Y"])
NUMBER_WORDS = frozenset(NUMBERS)
DAY_WORDS: dict[str, int] = {w: int(k) for w, k in table(WORDS["day_words"]).items()}
DAY_TENS: dict[str, int] = {w: int(k) for w, k in table(WORDS["day_tens"]).items()}
DECADE_UNITS = frozenset(w for w, u in UNITS.items() if u == "10Y")
PREPOSITIONS = word_set("date_prepositions")
RANGE_FROM = word_set("range_from")
RANGE_TO = word_set("range_to")
RANGE_DURING = word_set("range_during")
RANGE_BETWEEN = word_set("range_between")
AND_WORDS = word_set("and_words")
NIGHT_TO_WORDS = word_set("range_night_to")
FROM = alt(WORDS["range_from"])
AND = alt(WORDS["and_words"])
OR = alt(WORDS["or_words"])
TO = alt(WORDS["range_to"])
NIGHT_TO = alt(WORDS["range_night_to"])

_LEFT_PREP_RE = re.compile(rf"{L}(?:{PREP}|{PART_WORDS})\s+$", FLAGS)
LEFT_PART_RE = re.compile(rf"{L}{PART_WORDS}\s+$", FLAGS)
_LEFT_PAGE_RE = re.compile(rf"{L}{alt(WORDS['page_markers'])}\s*$", FLAGS)
# A preposition opening a range or a duration, looked for left of a hit
# (patterns do not start with optional words: that would make them slow).
_LEFT_FROM_RE = re.compile(
    rf"{L}(?:(?P<night>{alt(WORDS['night_words'])})\s+)?"
    rf"(?P<pre>{alt(WORDS['range_from'] + WORDS['range_between'] + WORDS['range_during'])})\s+$"
)
AMBIGUOUS_MONTH_RIGHT_RE = re.compile(rf"\s*(?:[,.;:!?)]|$)|\s+{REL_YEAR}")
_YEAR_IN_RE = re.compile(r"\d+")
_ROMAN_RE = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}



def near_year(two: int, ref_year: int) -> int:
    """The year ending in the two digits nearest the narrative year ("33-го" after 1932
    = 1933, after 1899 = 1933 too: the nearest of the three centuries around it)."""
    c = ref_year // 100
    return min((k * 100 + two for k in (c - 1, c, c + 1)), key=lambda v: abs(v - ref_year))


@functools.lru_cache(maxsize=4096)
def parse_year(s: str) -> int:
    """Astronomical year from a year phrase ("1932р.", "480 р. до н. е.")."""
    y = int(_YEAR_IN_RE.search(s).group())
    return 1 - y if BCE_RE.search(s) else y


def parse_day_number(s: str) -> int:
    """Day number from "12", "12-го"."""
    return int(_YEAR_IN_RE.search(s).group())


def roman(s: str) -> int | None:
    """Integer value of a Roman numeral (the script's look-alike letters allowed)."""
    s = s.upper()
    for letter, latin in ROMAN_LOOKALIKES.items():
        s = s.replace(letter.upper(), latin.upper())
    if not s or not _ROMAN_RE.match(s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > v else v
    return total


def roman_case_ok(m: re.Match[str], group: str, orig: str) -> bool:
    """Whether a Roman numeral in a group is written in capitals.

    m (re.Match): the match on the working copy.
    group (str): the group holding "XVII ст." or "20 ст.".
    orig (str): the original text.
    RETURNS (bool): True for Arabic digits or an upper-case numeral.
    """
    s = m.group(group)
    if not s or s[0].isdigit():
        return True
    n = len(re.match(ROMAN, s).group())
    return orig[m.start(group) : m.start(group) + n].isupper()


def century_number(s: str) -> int | None:
    """Century number from "XVII ст.", "20-го століття"."""
    m = re.match(r"\d+", s)
    if m:
        return int(m.group())
    m = re.match(rf"{ROMAN}", s, FLAGS)
    return roman(m.group()) if m else None


# ---------------------------------------------------------------------------
# Resolution context and hits
# ---------------------------------------------------------------------------


@dataclass
class Ctx:
    """What a resolver may use: the narrative reference and the anchor."""

    ref: Point | None
    anchor: Point | None
    anchor_text: str | None
    next_year: int | None = None  # year of the next hit when only a list gap separates them
    forward_year: int | None = None  # the year given later in the paragraph, before any other
    span: Res | None = None  # the range the narrative is at, when the last date was one
    day: Point | None = None  # the last day the narrative was at, in this excerpt (for clock times)
    back: bool = False  # the narrative's day was read in the year before (see day_point)


@dataclass
class Res:
    """A resolved expression, before it becomes a Timex."""

    value: str | None
    begin: str | None = None
    end: str | None = None
    precision: str | None = None
    source: str = "text"
    anchor: str | None = None
    old_style: str | None = None
    ref: Point | None = None  # the new narrative reference, if this sets one
    night: bool = False  # a night from one day to the next ("у ніч з 5 на 6 серпня")
    back: bool = False  # a year-less day read in the year before the narrative's


def res_night(a: Point, b: Point, source: str = "text", anchor: str | None = None) -> Res:
    """A resolved night from day a to day b: a range whose first day stays the narrative
    day ("Наступного дня" after "у ніч з 15 на 16 серпня" is the 16th, "тієї ж ночі" the
    same night)."""
    res = res_range(a, b, source, anchor)
    res.ref, res.night = a, True
    return res


Resolver = Callable[[Ctx], Res]


@dataclass
class Hit:
    start: int
    end: int
    resolve: Resolver
    year: int | None = None  # explicit year, for lists ("21 квітня та 24 квітня 1920 року")
    kind: str = ""
    optional: bool = False  # dropped when it resolves to nothing ("14 — ..." without a month)


def res_point(p: Point, source: str = "text", anchor: str | None = None) -> Res:
    """A resolved point that becomes the new reference."""
    b, e = p.bounds()
    return Res(p.value, b, e, p.precision, source, anchor, ref=p)


def res_range(a: Point, b: Point, source: str = "text", anchor: str | None = None) -> Res:
    """A resolved range; its end becomes the new reference."""
    return Res(
        f"{a.value}/{b.value}", a.bounds()[0], b.bounds()[1], "range", source, anchor, ref=b
    )


def unresolved(ctx: Ctx) -> Res:
    """Resolver for an expression that cannot be resolved."""
    return Res(None)


def year_or_ref(year: int | None, ctx: Ctx) -> tuple[int | None, str, str | None]:
    """The year to use: given, next in a list, narrative, or the anchor's.

    year (int | None): the year the expression itself gives.
    ctx (Ctx): the resolution context.
    RETURNS (tuple): (year or None, source, anchor value).
    """
    if year is not None:
        return year, "text", None
    if ctx.next_year is not None:
        return ctx.next_year, "text", None
    if ctx.forward_year is not None:
        return ctx.forward_year, "narrative", f"{ctx.forward_year:04d}"
    if ctx.ref is not None:
        return ctx.ref.year, "narrative", ctx.ref.value
    if ctx.anchor is not None:
        return ctx.anchor.year, "narrative", ctx.anchor_text
    return None, "narrative", None


# ---------------------------------------------------------------------------
# Patterns: each finds candidates; handlers check context and build resolvers
# ---------------------------------------------------------------------------

Handler = Callable[[re.Match[str], str, str], "Hit | None"]
PATTERNS: list[tuple[str, re.Pattern[str], Handler]] = []


WORD_START: set[str] = set()


def pattern(name: str, *regexes: str, word_start: bool = False) -> Callable[[Handler], Handler]:
    """Register a handler for one or more regexes (compiled once, here).

    name (str): the pattern's name.
    regexes (str): the regexes; each match is passed to the handler.
    word_start (bool): reject matches that start inside a word (for patterns
        that begin with a word, where a look-behind would slow the search).
    RETURNS (Callable): the decorator.
    """

    def wrap(fn: Handler) -> Handler:
        for i, regex in enumerate(regexes):
            PATTERNS.append((f"{name}{i or ''}", re.compile(regex, FLAGS), fn))
            if word_start:
                WORD_START.add(f"{name}{i or ''}")
        return fn

    return wrap


def day_point(d: int, m: int, year: int | None) -> Callable[[Ctx], Res]:
    """Resolver for a day and month with an optional year."""

    def resolve(ctx: Ctx) -> Res:
        y, source, anchor = year_or_ref(year, ctx)
        if (y is not None and year is None and ctx.next_year is None and ctx.forward_year is None
                and ctx.ref is not None and ctx.ref.month and m - ctx.ref.month >= BACK_MONTHS):
            # "Напередодні Нового 2014 року ... 19 грудня": a day late in the year, told in the
            # first months of the next, is the December just gone, not the one eleven months on
            y -= 1
            if y is not None and valid_day(y, m, d):
                res = res_point(Point(y, m, d), source, anchor)
                res.back = True
                return res
        elif (y is not None and year is None and ctx.back and ctx.next_year is None
                and ctx.forward_year is None and ctx.ref is not None and ctx.ref.month
                and ctx.ref.month - m >= BACK_MONTHS):
            # "... 2 лютого ... 11 листопада [the year before] ... 15 січня": after a day read
            # back in the year before, an early month's day returns to the narrative's year
            y += 1
        if y is None or not valid_day(y, m, d):
            return Res(None, source=source)
        return res_point(Point(y, m, d), source, anchor)

    return resolve


# How many months after the narrative's month a year-less day must be to be read in the
# year before (see day_point).
BACK_MONTHS = 9


def day_at(base: Resolver, time: str | None) -> Resolver:
    """Resolver for a day at a clock time ("24 серпня о 2:00"): the day's value with the
    time, when both are known.

    base (Resolver): resolves the day.
    time (str | None): "HH:MM", or None for the day alone.
    RETURNS (Resolver): the day at that time.
    """

    def resolve(ctx: Ctx) -> Res:
        res = base(ctx)
        if time and res.ref is not None:
            p = Point(res.ref.year, res.ref.month, res.ref.day, time=time)
            res.value, res.precision, res.ref = p.value, "time", p
        return res

    return resolve


_DAY_PARTS = {str(k): v for k, v in WORDS["clock_day_parts"].items()}
_PM = word_set_of(_DAY_PARTS.get("evening", []) + _DAY_PARTS.get("afternoon", []))
_AFTERNOON = word_set_of(_DAY_PARTS.get("afternoon", []))
_NIGHT = word_set_of(_DAY_PARTS.get("night", []))
_DAY_PART_WORDS = alt([w for ws in _DAY_PARTS.values() for w in ws], bound=False)
DAY_PART_AFTER_RE = re.compile(rf"\s+(?P<p>{_DAY_PART_WORDS})(?![\w'])", re.I)
HOUR_NUMBERS: dict[str, int] = {w: int(k) for w, k in table(WORDS["clock_hour_numbers"]).items()}
_MINUTE_WORDS = alt(WORDS["clock_minute_words"], bound=False)
# A clock time: "23:15", "5.30", "10 годині ранку", "6-й годині вечора", "4-й ранку",
# "5 год. 30 хв. ранку", "п'ятій годині ранку" (the hour in words: group "hg" too).
CLOCK = (
    r"(?:(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)(?!\d)"
    rf"(?:\s+(?P<dr>{_DAY_PART_WORDS}))?"
    rf"|(?P<hg>[01]?\d|2[0-3]|{alt(list(HOUR_NUMBERS), bound=False)})"
    rf"(?:[-–]?{alt(WORDS['clock_hour_suffixes'], bound=False)})?"
    rf"\s+(?:{alt(WORDS['clock_hour_words'], bound=False)}"
    rf"(?:\s+(?P<mg>[0-5]?\d)\s*{_MINUTE_WORDS})?"
    rf"(?:\s+(?P<dp>{_DAY_PART_WORDS}))?|(?P<dq>{_DAY_PART_WORDS}))"
    r"(?![\w']))"
)
# A clock time without a preposition ("другої години ночі"), matched from its hour word
# (rarer than the hour words before it: a cheaper scan); the hour in words is read to the
# left with LEFT_HOUR_RE. The groups are CLOCK's but for the hour.
CLOCK_HOUR_WORD = (
    rf"{alt(WORDS['clock_hour_words'], bound=False)}"
    rf"(?:\s+(?P<mg>[0-5]?\d)\s*{_MINUTE_WORDS})?"
    rf"(?:\s+(?P<dp>{_DAY_PART_WORDS}))?(?![\w'])"
)
LEFT_HOUR_RE = re.compile(rf"(?<![\w'])(?P<hg>{alt(list(HOUR_NUMBERS), bound=False)})\s+$")


def clock(m: re.Match[str], hour: str | None = None) -> str | None:
    """ "HH:MM" from a match of CLOCK (or of CLOCK_HOUR_WORD with the hour read to its
    left), None if it has no time."""
    groups = m.groupdict()
    hg = hour or groups.get("hh") or groups.get("hg")
    if not hg:
        return None
    h = int(hg) if hg.isdigit() else HOUR_NUMBERS[norm(hg)]
    part = groups.get("dp") or groups.get("dq") or groups.get("dr") or ""
    return f"{hour_of_day(h, part):02d}:{int(groups.get('mm') or groups.get('mg') or 0):02d}"


def hour_of_day(h: int, part: str) -> int:
    """The hour on a 24-hour clock of an hour said with a part of the day ("6 годині
    вечора" = 18, "2 годині дня" = 14, "12 годині ночі" = 0, "11 години ночі" = 23)."""
    if part in _PM and h < 12 and not (part in _AFTERNOON and h > 6):
        return h + 12
    if part in _NIGHT and h == 12:
        return 0
    if part in _NIGHT and 9 <= h < 12:
        return h + 12  # "11 години ночі" = 23:00; "2 години ночі" = 02:00
    return h


def left_pre(text: str, pos: int) -> tuple[int, str, bool]:
    """The range preposition ("з", "між", "ніч з") just left of pos, if any.

    text (str): the working copy of the text.
    pos (int): where the hit starts.
    RETURNS (tuple[int, str, bool]): its start (pos if none), the preposition
        ("" if none) and whether a night word precedes it.
    """
    m = _LEFT_FROM_RE.search(text, max(0, pos - 20), pos)
    if not m:
        return pos, "", False
    return m.start(), m.group("pre"), bool(m.group("night"))


def left_prep(text: str, pos: int) -> bool:
    """Whether a preposition or a part word ("у", "на початку") ends at pos."""
    return bool(_LEFT_PREP_RE.search(text, max(0, pos - 30), pos))


def page_before(text: str, start: int) -> bool:
    """Whether a number at start follows a page/volume/item marker."""
    return bool(_LEFT_PAGE_RE.search(text, max(0, start - 12), start))


def year_hit(m: re.Match[str], y: int, kind: str = "year") -> Hit:
    """A hit for a plain year."""
    p = Point(y)
    return Hit(m.start(), m.end(), lambda ctx: res_point(p), y, kind)


