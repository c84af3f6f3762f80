"""Find and normalise time expressions in Ukrainian (and Russian) prose.

A pure-Python, rule-based tagger: no spaCy, no model. Word lists live in
``litopys/data/curated/time_words.yaml``; the grammar (how the words combine)
is here, as regular expressions compiled once at import.

``tag(text, anchor)`` returns every time expression with its exact character
span and a TIMEX3-style value (see ``../shared/eval/FORMAT.md``). Partial and
relative expressions ("24 квітня", "наступного дня", "восени того ж року")
are resolved against the narrative reference time: the last date with a year
before them. Expressions counted back from the moment of writing ("100 років
тому") need ``anchor``, the document creation date, and get no value without it.

DOCS: docs/TIME.md
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from litopys.data.loader import load_yaml
from litopys.model import Timex

__all__ = ["tag", "VALUE_RE"]

_WORDS: dict[str, Any] = load_yaml("time_words.yaml")

# ---------------------------------------------------------------------------
# Regex building blocks
# ---------------------------------------------------------------------------

_APOS = "'’ʼ"
L = rf"(?<![\w{_APOS}])"  # left word boundary (apostrophe counts as a letter)
R = rf"(?![\w{_APOS}])"  # right word boundary
# Patterns run on a lower-cased copy of the text with one apostrophe (see
# _working_copy): case-sensitive matching of trie-shaped alternations is
# an order of magnitude faster than re.IGNORECASE.
_FLAGS = 0


_SPACES_RE = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def _norm(word: str) -> str:
    """Lower-case a word and unify its apostrophes.

    word (str): a word or phrase.
    RETURNS (str): the key used in the lookup tables.
    """
    return _SPACES_RE.sub(" ", word.lower().replace("’", "'").replace("ʼ", "'")).strip()


def _alt(words: list[str]) -> str:
    """Alternation of words as a trie regex: shared prefixes are matched once.

    words (list[str]): words or phrases (matched in lower case; a space
        stands for any run of white space).
    RETURNS (str): a non-capturing regex fragment.
    """
    trie: dict[str, Any] = {}
    for word in {_norm(str(w)) for w in words}:
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
            alts.append(R if last.isalnum() or last == "'" else "")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return "(?:" + emit(trie, "") + ")"


def _table(groups: dict[Any, list[str]]) -> dict[str, Any]:
    """Invert {key: [words]} into {normalised word: key}.

    groups (dict): a YAML mapping of keys to word lists.
    RETURNS (dict[str, Any]): word -> key.
    """
    return {_norm(str(w)): k for k, ws in groups.items() for w in ws}


MONTHS: dict[str, int] = {w: int(k) for w, k in _table(_WORDS["months"]).items()}
AMBIGUOUS_MONTHS = frozenset(_norm(w) for w in _WORDS["ambiguous_months"])
SEASON_ADVERBS = _table({k: v["adverbs"] for k, v in _WORDS["seasons"].items()})
SEASON_NOUNS = _table({k: v["nouns"] for k, v in _WORDS["seasons"].items()})
DECADE_WORDS: dict[str, int] = {w: int(k) for w, k in _table(_WORDS["decade_words"]).items()}
NUMBERS: dict[str, str] = {w: str(k) for w, k in _table(_WORDS["numbers"]).items()}
UNITS: dict[str, str] = {w: str(k) for w, k in _table(_WORDS["units"]).items()}
FIXED_DURATIONS: dict[str, str] = {_norm(k): v for k, v in _WORDS["fixed_durations"].items()}
HALVES: dict[str, int] = {w: int(k) for w, k in _table(_WORDS["halves"]).items()}
PARTS: dict[str, str] = _table(_WORDS["parts"])
RELATIVE: dict[str, tuple[str, int]] = {
    _norm(p): (str(r["unit"]), int(r["offset"])) for r in _WORDS["relative"] for p in r["phrases"]
}
_YEAR_PLURAL = set(_WORDS["decade_year_words"])

MON = _alt(list(MONTHS))
# Patterns start with a plain character class or literal, and check the
# character before them with a look-behind placed *after* that first
# character: the regex engine then skips quickly to plausible positions.
DAY = r"[0-9][0-9]?(?:[-–]?(?:го|ого|е|й|ге|ое)(?![\w]))?"
DAY0 = r"[0-9](?<![\w.,:].)[0-9]?(?:[-–]?(?:го|ого|е|й|ге|ое)(?![\w]))?"
_HYPHEN_YEAR = rf"[-–](?:го|му|м|й|ий|ого|ому|ій|ім|е){R}"
YS = rf"(?:\s?{_alt([w for w in _WORDS['year_words'] if w not in _YEAR_PLURAL])}|{_HYPHEN_YEAR})"
YS_PLURAL = rf"(?:\s?{_alt(sorted(_YEAR_PLURAL))})"
YS_ANY = rf"(?:\s?{_alt(_WORDS['year_words'])}|{_HYPHEN_YEAR})"
BCE = rf"\s*{_alt(_WORDS['bce_markers'])}"
BCE_RE = re.compile(BCE, _FLAGS)
# A year word between a year and a BCE marker ("512 роком до нашої ери").
BCE_YEAR = r"(?:р\.|рік|року|році|роком|г\.|год|года|году|годом)"
# A year after a day or a month: with a year word, or a bare four-digit year.
YEARX = (
    rf"(?:\d{{1,4}}\s*{BCE_YEAR}?{BCE}"
    rf"|\d{{4}}{YS_PLURAL}|\d{{3,4}}{YS}|[12]\d{{3}}(?![\w{_APOS}]|[.,]\d))"
)
ROMAN = r"[ivxlіх]+"  # lower-cased; the handlers check the original case
_CENTURY_NUM0 = r"[0-9ivxlіх](?<![\w.,:].)[0-9ivxlіх]*"
CENTURY = rf"(?:{ROMAN}|\d{{1,2}})(?:[-–]?(?:го|й|ий|ого|му|ому|те|ті|е){R})?\s*{_alt(_WORDS['century_words'])}"
CENTURY0 = CENTURY.replace(rf"(?:{ROMAN}|\d{{1,2}})", _CENTURY_NUM0, 1)
PREP = _alt(_WORDS["date_prepositions"])
PART_WORDS = _alt(list(PARTS) + list(HALVES))
REL_YEAR = _alt([p for p, (u, _) in RELATIVE.items() if u == "Y"])
FROM = r"(?:з|із|зі|від|с|от)"

_LEFT_PREP_RE = re.compile(rf"{L}(?:{PREP}|{PART_WORDS})\s+$", _FLAGS)
_LEFT_PART_RE = re.compile(rf"{L}{PART_WORDS}\s+$", _FLAGS)
_MONEY_R_RE = re.compile(r"\d\s?р\.?$")
# Before "988 р.": a year, not a sum ("у 988 р.", "близько 600 р.", "на початку 988 р.").
_LEFT_YEAR_IN_RE = re.compile(rf"{L}(?:у|в|во|після|близько|около|{PART_WORDS})\s+$", _FLAGS)
_LEFT_PAGE_RE = re.compile(rf"{L}{_alt(_WORDS['page_markers'])}\s*$", _FLAGS)
_BARE_YEAR_RIGHT_RE = re.compile(
    rf"\s*(?:[,;:!?)»\"”]|\.(?!\d)|$|[-–—]\s|\s+(?:і|й|та|и|або|чи|—|–)\s|{YS_PLURAL})", _FLAGS
)
# A preposition opening a range or a duration, looked for left of a hit
# (patterns do not start with optional words: that would make them slow).
_LEFT_FROM_RE = re.compile(
    rf"{L}(?:(?P<night>ніч|ночі|вночі)\s+)?(?P<pre>{FROM}|між|протягом|впродовж|упродовж)\s+$"
)
_AMBIGUOUS_MONTH_RIGHT_RE = re.compile(rf"\s*(?:[,.;:!?)]|$)|\s+{REL_YEAR}")
_LEFT_LIST_YEAR_RE = re.compile(r"[12]\d{3}(?:\s?р\.)?\s*(?:,|\sі|\sй|\sта|\sабо|\sчи)\s+$")
_PAREN_YEAR_RE = re.compile(r"\(\s[12]\d{3}\s\)")
# Between a relative expression and the date it counts from ("наступного дня
# після 12 грудня 1932 р.", "напередодні 1 травня").
_FROM_NEXT_GAP_RE = re.compile(r"\s+(?:(?:після|после|от)\s+)?")
_LIST_GAP_RE = re.compile(r"\s*(?:,|та|і|й|и|а також|—|–|-)?\s*$", _FLAGS)
_YEAR_IN_RE = re.compile(r"\d+")
_ROMAN_RE = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

#: A valid value: a point, a decade or century, a duration, or a range of points.
_POINT = (r"-?\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}|T(?:MO|AF|EV|NI))?)?|-(?:SP|SU|FA|WI))?"
          r"|-?\d{3}X|-?\d{2}XX")
VALUE_RE = re.compile(rf"^(?:(?:{_POINT})(?:/(?:{_POINT}))?|P(?:\d+|X)[DWMY]|PT\d+[HM])$")

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


# ---------------------------------------------------------------------------
# Points in time
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Point:
    """A calendar point at some precision (astronomical years: 0 = 1 BC)."""

    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None
    time: str | None = None

    @property
    def precision(self) -> str:
        if self.time:
            return "time"
        if self.day:
            return "day"
        if self.month:
            return "month"
        if self.season:
            return "season"
        return "year"

    @property
    def value(self) -> str:
        y = f"-{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.season:
            return f"{y}-{self.season}"
        if not self.month:
            return y
        if not self.day:
            return f"{y}-{self.month:02d}"
        out = f"{y}-{self.month:02d}-{self.day:02d}"
        return f"{out}T{self.time}" if self.time else out

    def bounds(self) -> tuple[str, str]:
        if self.season:
            m1, m2 = SEASON_MONTHS[self.season]
            y2 = self.year + 1 if self.season == "WI" else self.year
            return _iso(self.year, m1, 1), _iso(y2, m2, _days_in(y2, m2))
        if not self.month:
            return _iso(self.year, 1, 1), _iso(self.year, 12, 31)
        if not self.day:
            return _iso(self.year, self.month, 1), _iso(
                self.year, self.month, _days_in(self.year, self.month)
            )
        d = _iso(self.year, self.month, self.day)
        return d, d


def _iso(y: int, m: int, d: int) -> str:
    """ISO date string, astronomical years below 1 with a minus sign."""
    return f"{'-' if y < 0 else ''}{abs(y):04d}-{m:02d}-{d:02d}"


def _days_in(y: int, m: int) -> int:
    """Days in month m of year y (proleptic Gregorian)."""
    return [31, 29 if calendar.isleap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def _valid_day(y: int, m: int, d: int) -> bool:
    """Whether y-m-d is a real date."""
    return 1 <= m <= 12 and 1 <= d <= _days_in(y, m)


def _shift(p: _Point, unit: str, n: int) -> _Point | None:
    """Move a point by n units; the result has the unit's precision.

    p (_Point): the reference point.
    unit (str): "D", "W", "M" or "Y".
    n (int): how many units (negative: back).
    RETURNS (_Point | None): the shifted point, or None when p is too coarse.
    """
    if unit in ("D", "W"):
        if not p.day or p.year < 1:
            return None
        try:
            d = date(p.year, p.month or 1, p.day) + timedelta(days=n * (7 if unit == "W" else 1))
        except (ValueError, OverflowError):
            return None
        return _Point(d.year, d.month, d.day)
    if unit == "M":
        if not p.month:
            return None
        k = p.year * 12 + p.month - 1 + n
        return _Point(k // 12, k % 12 + 1)
    if unit in ("Y", "10Y", "100Y"):
        scale = {"Y": 1, "10Y": 10, "100Y": 100}[unit]
        return _Point(p.year + n * scale)
    return None


def _point_from(value: str) -> _Point | None:
    """Parse an ISO-like anchor ("2020", "2020-04", "2020-04-23...").

    value (str): the anchor as given by the caller.
    RETURNS (_Point | None): the point, or None if it is not a date.
    """
    m = re.match(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    return _Point(y, mo, d)


@functools.lru_cache(maxsize=4096)
def _parse_year(s: str) -> int:
    """Astronomical year from a year phrase ("1932р.", "480 р. до н. е.")."""
    y = int(_YEAR_IN_RE.search(s).group())
    return 1 - y if BCE_RE.search(s) else y


def _parse_day(s: str) -> int:
    """Day number from "12", "12-го"."""
    return int(_YEAR_IN_RE.search(s).group())


def _roman(s: str) -> int | None:
    """Integer value of a Roman numeral (Cyrillic І and Х allowed)."""
    s = s.upper().replace("І", "I").replace("Х", "X")
    if not s or not _ROMAN_RE.match(s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > v else v
    return total


def _roman_case_ok(m: re.Match[str], group: str, orig: str) -> bool:
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


def _century_number(s: str) -> int | None:
    """Century number from "XVII ст.", "20-го століття"."""
    m = re.match(r"\d+", s)
    if m:
        return int(m.group())
    m = re.match(rf"{ROMAN}", s, _FLAGS)
    return _roman(m.group()) if m else None


# ---------------------------------------------------------------------------
# Resolution context and hits
# ---------------------------------------------------------------------------


@dataclass
class _Ctx:
    """What a resolver may use: the narrative reference and the anchor."""

    ref: _Point | None
    anchor: _Point | None
    anchor_text: str | None
    next_year: int | None = None  # year of the next hit when only a list gap separates them


@dataclass
class _Res:
    """A resolved expression, before it becomes a Timex."""

    value: str | None
    begin: str | None = None
    end: str | None = None
    precision: str | None = None
    source: str = "text"
    anchor: str | None = None
    old_style: str | None = None
    ref: _Point | None = None  # the new narrative reference, if this sets one


Resolver = Callable[[_Ctx], _Res]


@dataclass
class _Hit:
    start: int
    end: int
    resolve: Resolver
    year: int | None = None  # explicit year, for lists ("21 квітня та 24 квітня 1920 року")
    kind: str = ""


def _res_point(p: _Point, source: str = "text", anchor: str | None = None) -> _Res:
    """A resolved point that becomes the new reference."""
    b, e = p.bounds()
    return _Res(p.value, b, e, p.precision, source, anchor, ref=p)


def _res_range(a: _Point, b: _Point, source: str = "text", anchor: str | None = None) -> _Res:
    """A resolved range; its end becomes the new reference."""
    return _Res(
        f"{a.value}/{b.value}", a.bounds()[0], b.bounds()[1], "range", source, anchor, ref=b
    )


def _none(ctx: _Ctx) -> _Res:
    """Resolver for an expression that cannot be resolved."""
    return _Res(None)


def _year_or_ref(year: int | None, ctx: _Ctx) -> tuple[int | None, str, str | None]:
    """The year to use: given, next in a list, narrative, or the anchor's.

    year (int | None): the year the expression itself gives.
    ctx (_Ctx): the resolution context.
    RETURNS (tuple): (year or None, source, anchor value).
    """
    if year is not None:
        return year, "text", None
    if ctx.next_year is not None:
        return ctx.next_year, "text", None
    if ctx.ref is not None:
        return ctx.ref.year, "narrative", ctx.ref.value
    if ctx.anchor is not None:
        return ctx.anchor.year, "narrative", ctx.anchor_text
    return None, "narrative", None


# ---------------------------------------------------------------------------
# Patterns: each finds candidates; handlers check context and build resolvers
# ---------------------------------------------------------------------------

Handler = Callable[[re.Match[str], str, str], "_Hit | None"]
_PATTERNS: list[tuple[str, re.Pattern[str], Handler]] = []


_WORD_START: set[str] = set()


def _pattern(name: str, *regexes: str, word_start: bool = False) -> Callable[[Handler], Handler]:
    """Register a handler for one or more regexes (compiled once, here).

    name (str): the pattern's name.
    regexes (str): the regexes; each match is passed to the handler.
    word_start (bool): reject matches that start inside a word (for patterns
        that begin with a word, where a look-behind would slow the search).
    RETURNS (Callable): the decorator.
    """

    def wrap(fn: Handler) -> Handler:
        for i, regex in enumerate(regexes):
            _PATTERNS.append((f"{name}{i or ''}", re.compile(regex, _FLAGS), fn))
            if word_start:
                _WORD_START.add(f"{name}{i or ''}")
        return fn

    return wrap


def _day_point(d: int, m: int, year: int | None) -> Callable[[_Ctx], _Res]:
    """Resolver for a day and month with an optional year."""

    def resolve(ctx: _Ctx) -> _Res:
        y, source, anchor = _year_or_ref(year, ctx)
        if y is None or not _valid_day(y, m, d):
            return _Res(None, source=source)
        return _res_point(_Point(y, m, d), source, anchor)

    return resolve


@_pattern(
    "old_style",
    rf"(?P<d1>{DAY0})\s*\(\s*(?P<d2>{DAY})\s*\)\s*(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?",
    rf"(?P<e1>{DAY0})\s+(?P<n1>{MON})\s*\(\s*(?P<e2>{DAY})\s+(?P<n2>{MON})\s*\)"
    rf"(?:\s*,?\s*(?P<z>{YEARX}))?",
)
def _old_style(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    if m.re.groupindex.get("d1"):
        d_os, d_ns = _parse_day(m.group("d1")), _parse_day(m.group("d2"))
        m_ns = MONTHS[_norm(m.group("m"))]
        # A day number that grows by 13 (12 before 1900) across a month end.
        m_os = m_ns - 1 if d_os > d_ns else m_ns
        ys = m.group("y")
    else:
        d_os, d_ns = _parse_day(m.group("e1")), _parse_day(m.group("e2"))
        m_os, m_ns = MONTHS[_norm(m.group("n1"))], MONTHS[_norm(m.group("n2"))]
        ys = m.group("z")
    year = _parse_year(ys) if ys else None
    if not (0 < d_os < 32 and 0 < d_ns < 32):
        return None

    def resolve(ctx: _Ctx) -> _Res:
        y, source, anchor = _year_or_ref(year, ctx)
        if y is None or not _valid_day(y, m_ns, d_ns):
            return _Res(None, source=source)
        y_os = y
        mo_os = m_os
        if mo_os < 1:
            mo_os, y_os = 12, y - 1
        res = _res_point(_Point(y, m_ns, d_ns), source, anchor)
        if _valid_day(y_os, mo_os, d_os):
            res.old_style = _Point(y_os, mo_os, d_os).value
        return res

    return _Hit(m.start(), m.end(), resolve, year, "date")


@_pattern(
    "day_range",
    rf"(?P<d1>{DAY0})\s*(?P<conn>[-–—]|\s(?:й|і|та|и|на|по|до)\s)\s*(?P<d2>{DAY})\s+(?P<m>{MON})"
    rf"(?:\s*,?\s*(?P<y>{YEARX}))?",
)
def _day_range(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    d1, d2 = _parse_day(m.group("d1")), _parse_day(m.group("d2"))
    conn = m.group("conn").strip()
    start, pre, _night = _left_pre(text, m.start())
    if pre in ("протягом", "впродовж", "упродовж"):
        start, pre = m.start(), ""
    if d2 <= d1 or d1 < 1 or d2 > 31 or (conn == "на" and (not pre or d2 != d1 + 1)):
        return None
    if conn in ("по", "до") and not pre:
        return None
    mo = MONTHS[_norm(m.group("m"))]
    year = _parse_year(m.group("y")) if m.group("y") else None

    def resolve(ctx: _Ctx) -> _Res:
        y, source, anchor = _year_or_ref(year, ctx)
        if y is None or not _valid_day(y, mo, d2):
            return _Res(None, source=source)
        return _res_range(_Point(y, mo, d1), _Point(y, mo, d2), source, anchor)

    return _Hit(start, m.end(), resolve, year, "range")


_POINT_SIDE = rf"(?:{DAY}\s+)?{MON}(?:\s*,?\s*{YEARX})?"
_DAY_SIDE = rf"{DAY0}\s+{MON}(?:\s*,?\s*{YEARX})?"
_MONTH_SIDE = rf"{MON}(?:\s*,?\s*{YEARX})?"
_RANGE_CONN = r"\s*(?P<conn>[-–—]|\s(?:по|до)\s)\s*"
_POINT_SIDE_RE = re.compile(
    rf"^(?:(?P<d>{DAY})\s+)?(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?$", _FLAGS
)


@_pattern(
    "point_range",
    rf"(?P<a>{_DAY_SIDE}){_RANGE_CONN}(?P<b>{_DAY_SIDE.replace(DAY0, DAY)})",
    rf"(?P<a>{_MONTH_SIDE}){_RANGE_CONN}(?P<b>{_MONTH_SIDE})",
    word_start=True,
)
def _point_range(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    start, pre, _night = _left_pre(text, m.start())
    if pre not in ("з", "із", "зі", "від", "с", "от"):
        start, pre = m.start(), ""
    if m.group("conn").strip() in ("по", "до") and not pre:
        return None
    a = _POINT_SIDE_RE.match(m.group("a"))
    b = _POINT_SIDE_RE.match(m.group("b"))
    if not a or not b:
        return None
    da = _parse_day(a.group("d")) if a.group("d") else None
    db = _parse_day(b.group("d")) if b.group("d") else None
    if (da is None) != (db is None):
        return None
    ma, mb = MONTHS[_norm(a.group("m"))], MONTHS[_norm(b.group("m"))]
    ya = _parse_year(a.group("y")) if a.group("y") else None
    yb = _parse_year(b.group("y")) if b.group("y") else None
    if da is None and not pre and _norm(a.group("m")) in AMBIGUOUS_MONTHS and ya is None:
        return None

    def resolve(ctx: _Ctx) -> _Res:
        y2, source, anchor = _year_or_ref(yb, ctx)
        if y2 is None:
            return _Res(None, source=source)
        y1 = ya if ya is not None else (y2 - 1 if ma > mb else y2)
        if da is not None and not (_valid_day(y1, ma, da) and _valid_day(y2, mb, db)):
            return _Res(None)
        p1, p2 = _Point(y1, ma, da), _Point(y2, mb, db)
        if (p2.year, p2.month, p2.day or 0) <= (p1.year, p1.month, p1.day or 0):
            return _Res(None)
        return _res_range(p1, p2, source, anchor)

    return _Hit(start, m.end(), resolve, yb, "range")


# A clock time: "23:15", "5.30", "10 годині ранку", "6-й годині вечора".
_CLOCK = (
    r"(?:(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)(?!\d)"
    r"|(?P<hg>[01]?\d|2[0-3])(?:[-–]?(?:й|ій|ої|ю))?\s+(?:годині|години|годину|часов|часа|час)"
    r"(?:\s+(?P<dp>ранку|вечора|ночі|дня|утра|вечера|ночи))?(?![\w']))"
)
_PM = {"вечора": 12, "вечера": 12, "дня": 12}


def _clock(m: re.Match[str]) -> str | None:
    """ "HH:MM" from a match of _CLOCK, None if it has no time."""
    if m.group("hh"):
        return f"{int(m.group('hh')):02d}:{m.group('mm')}"
    if not m.group("hg"):
        return None
    h, part = int(m.group("hg")), m.group("dp") or ""
    if part in _PM and h < 12 and not (part == "дня" and h > 6):
        h += 12  # "6 годині вечора" = 18:00, "2 годині дня" = 14:00
    elif part in ("ночі", "ночи") and h == 12:
        h = 0
    return f"{h:02d}:00"


@_pattern(
    "date",
    rf"(?P<d>{DAY0})\s*(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?"
    rf"(?:,?\s+(?P<at>о|об|в|у)\s+{_CLOCK})?",
)
def _date(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    d = _parse_day(m.group("d"))
    mo = MONTHS[_norm(m.group("m"))]
    year = _parse_year(m.group("y")) if m.group("y") else None
    time, end = _clock(m), m.end()
    if time and orig[m.start("at")].isupper():  # "1938 р. О 12:45": a new sentence
        time, end = None, m.end("y") if m.group("y") else m.end("m")
    if not 0 < d < 32:
        return None
    base = _day_point(d, mo, year)

    def resolve(ctx: _Ctx) -> _Res:
        res = base(ctx)
        if time and res.ref is not None:
            p = _Point(res.ref.year, res.ref.month, res.ref.day, time=time)
            res.value, res.precision, res.ref = p.value, "time", p
        return res

    return _Hit(m.start(), end, resolve, year, "date")


DAY_WORDS: dict[str, int] = {w: int(k) for w, k in _table(_WORDS["day_words"]).items()}
DAY_TENS: dict[str, int] = {w: int(k) for w, k in _table(_WORDS["day_tens"]).items()}


@_pattern(
    "day_word_date",
    rf"(?:(?P<tens>{_alt(list(DAY_TENS))})\s+)?(?P<dw>{_alt(list(DAY_WORDS))})\s+(?P<m>{MON})"
    rf"(?:\s*,?\s*(?P<y>{YEARX}))?",
    word_start=True,
)
def _day_word_date(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    d = DAY_WORDS[_norm(m.group("dw"))] + (
        DAY_TENS[_norm(m.group("tens"))] if m.group("tens") else 0
    )
    if d > 31:
        return None
    year = _parse_year(m.group("y")) if m.group("y") else None
    return _Hit(m.start(), m.end(), _day_point(d, MONTHS[_norm(m.group("m"))], year), year, "date")


@_pattern(
    "numeric_date",
    rf"(?P<d>[0-9](?<![\d.,].)[0-9]?)\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?![\d]|\.\d)(?P<ys>{YS})?",
)
def _numeric_date(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not _valid_day(y, mo, d) or not 1000 <= y <= 2100:
        return None
    p = _Point(y, mo, d)
    return _Hit(m.start(), m.end(), lambda ctx: _res_point(p), y, "date")


@_pattern("month", rf"(?P<m>{MON})(?:\s*,?\s*(?P<y>{YEARX}))?", word_start=True)
def _month(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    word = _norm(m.group("m"))
    mo = MONTHS[word]
    if m.group("y"):
        p = _Point(_parse_year(m.group("y")), mo)
        return _Hit(m.start(), m.end(), lambda ctx: _res_point(p), p.year, "date")
    # A month alone is a date only after a preposition or a part word; a
    # month that is also an adjective or a name only before a stop or a
    # relative year ("у лютому.", "у лютому цього року").
    if word in AMBIGUOUS_MONTHS and not _AMBIGUOUS_MONTH_RIGHT_RE.match(text, m.end()):
        return None
    if not _left_prep(text, m.start()):
        return None

    def resolve(ctx: _Ctx) -> _Res:
        y, source, anchor = _year_or_ref(None, ctx)
        if y is None:
            return _Res(None, source=source)
        return _res_point(_Point(y, mo), source, anchor)

    return _Hit(m.start(), m.end(), resolve, None, "date")


def _left_pre(text: str, pos: int) -> tuple[int, str, bool]:
    """The range preposition ("з", "між", "ніч з") just left of pos, if any.

    text (str): the working copy of the text.
    pos (int): where the hit starts.
    RETURNS (tuple[int, str, bool]): its start (pos if none), the preposition
        ("" if none) and whether "ніч" precedes it.
    """
    m = _LEFT_FROM_RE.search(text, max(0, pos - 20), pos)
    if not m:
        return pos, "", False
    return m.start(), m.group("pre"), bool(m.group("night"))


def _left_prep(text: str, pos: int) -> bool:
    """Whether a preposition or a part word ("у", "на початку") ends at pos."""
    return bool(_LEFT_PREP_RE.search(text, max(0, pos - 30), pos))


def _page_before(text: str, start: int) -> bool:
    """Whether a number at start follows a page/volume/item marker."""
    return bool(_LEFT_PAGE_RE.search(text, max(0, start - 12), start))


def _year_hit(m: re.Match[str], y: int, kind: str = "year") -> _Hit:
    """A hit for a plain year."""
    p = _Point(y)
    return _Hit(m.start(), m.end(), lambda ctx: _res_point(p), y, kind)


@_pattern(
    "year",
    rf"(?P<y>[0-9](?<![\w.,:/№].)[0-9]{{0,3}})"
    rf"(?:(?P<bce>\s*{BCE_YEAR}?{BCE})|(?P<pl>{YS_PLURAL})|(?P<ys>{YS}))",
)
def _year(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    if _page_before(text, m.start()):
        return None
    s, digits = m.group(), len(m.group("y"))
    if (m.group("pl") and digits < 4) or (m.group("ys") and digits < 3):
        return None
    y = _parse_year(s)
    if (
        m.group("ys")
        and digits == 3
        and _MONEY_R_RE.search(s)
        and not _LEFT_YEAR_IN_RE.search(text, max(0, m.start() - 30), m.start())
    ):
        return None  # "200 р." is more often money than a year; "у 988 р." is a year
    if not m.group("bce") and y > 2100:
        return None
    return _year_hit(m, y)


@_pattern("bare_year", r"(?P<y>[12](?<![\w.,:/№–-].)[0-9]{3})(?![\w']|[.,]\d)")
def _bare_year(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    y = int(m.group("y"))
    if y > 2100:
        return None
    if _PAREN_YEAR_RE.match(text, m.start() - 2) or (
        text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"
    ):
        return _year_hit(m, y)  # "(1923)": a year, the convention for works and events
    left = _left_prep(text, m.start()) or _LEFT_LIST_YEAR_RE.search(
        text, max(0, m.start() - 16), m.start()
    )
    if not left or not _BARE_YEAR_RIGHT_RE.match(text, m.end()):
        return None
    return _year_hit(m, y)


@_pattern(
    "year_range",
    rf"(?P<y1>[0-9](?<![\w.,:/№].)[0-9]{{2,3}})"
    rf"(?:\s?(?:р\.|року|рік|г\.|года))?\s*(?P<conn>[-–—/]|\s(?:по|до|і|й|та)\s)\s*"
    rf"(?P<y2>\d{{2,4}})(?![\d]|[.,]\d)(?P<ys>{YS_ANY})?",
)
def _year_range(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    y1, s2 = int(m.group("y1")), m.group("y2")
    y2 = int(s2) if len(s2) > 2 else (y1 // 100) * 100 + int(s2)
    start, pre, _night = _left_pre(text, m.start())
    conn = m.group("conn").strip()
    if not y1 < y2 <= y1 + 300 or y2 > 2100 or _page_before(text, m.start()):
        return None
    if conn in ("і", "й", "та") and pre != "між":
        return None
    if conn in ("по", "до") and pre not in ("з", "із", "зі", "від", "с", "от"):
        return None
    if conn == "/" and not (len(s2) == 2 and y2 == y1 + 1):
        return None  # "1918/19": one season or academic year
    if not m.group("ys") and (y1 < 1000 or len(s2) != 4) and conn != "/":
        return None
    if pre not in ("з", "із", "зі", "від", "с", "от", "між"):
        start = m.start()
    a, b = _Point(y1), _Point(y2)
    return _Hit(start, m.end(), lambda ctx: _res_range(a, b), y2, "range")


_DECADE_YEAR = _alt(_WORDS["decade_year_words"])


@_pattern(
    "decade",
    rf"(?P<y>[0-9](?<![\w.,:].)[0-9](?:[0-9]{{2}})?)[-–]?(?P<sfx>х|ті|і|ых|ые|е|ие|их){R}"
    rf"(?:\s*(?P<ys>{_DECADE_YEAR}))?(?:\s+(?P<c>{CENTURY}))?",
    rf"(?P<w>{_alt(list(DECADE_WORDS))})(?:\s+(?P<ws>{_DECADE_YEAR}))?(?:\s+(?P<wc>{CENTURY}))?",
    word_start=True,
)
def _decade(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    if "w" in m.re.groupindex:
        if not _roman_case_ok(m, "wc", orig):
            return None
    elif not _roman_case_ok(m, "c", orig):
        return None
    if "w" in m.re.groupindex:
        dec, cent_s, full = DECADE_WORDS[_norm(m.group("w"))], m.group("wc"), None
        if not (m.group("ws") or cent_s or _left_prep(text, m.start())):
            return None
    else:
        ys = m.group("y")
        if int(ys) % 10:
            return None
        cent_s, has_years = m.group("c"), bool(m.group("ys"))
        if len(ys) == 4:
            full = int(ys)
            dec = full % 100
        else:
            full, dec = None, int(ys)
            if not (has_years or cent_s or _left_prep(text, m.start())):
                return None
    cent = _century_number(cent_s) if cent_s else None

    def resolve(ctx: _Ctx) -> _Res:
        source, anchor = "text", None
        if full is not None:
            y0 = full
        elif cent is not None:
            y0 = (cent - 1) * 100 + dec
        elif ctx.ref is not None and ctx.ref.year > 0:
            base = (ctx.ref.year // 100) * 100
            y0 = base + dec if base + dec <= ctx.ref.year + 10 else base - 100 + dec
            source, anchor = "narrative", ctx.ref.value
        else:
            y0 = 1900 + dec  # historical prose without a century means the 20th
        return _Res(
            f"{y0 // 10:03d}X", _iso(y0, 1, 1), _iso(y0 + 9, 12, 31), "decade", source, anchor
        )

    return _Hit(m.start(), m.end(), resolve, None, "decade")


@_pattern(
    "century",
    rf"(?P<c>{CENTURY0})(?P<bce>{BCE})?",
    rf"(?P<c1>{_CENTURY_NUM0})(?:[-–]?(?:го|й|ий|ого|му|ому|те|ті|е){R})?\s*"
    rf"(?:[-–—]|\s(?:і|й|та|по|до)\s)\s*(?P<c>{CENTURY})(?P<bce>{BCE})?",
)
def _century(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    c1s = m.group("c1") if "c1" in m.re.groupindex else None
    if not (_roman_case_ok(m, "c", orig) and (c1s is None or _roman_case_ok(m, "c1", orig))):
        return None
    for num in (c1s, m.group("c")):
        if num and not re.match(r"(?:[0-9]{1,2}|[ivxlіх]+)(?![0-9ivxlіх])", num):
            return None
    if re.match(r"[ivxlіх]+[^\s\-–ivxlіх]", m.group("c")):
        return None  # "Іст" in "Вест Іст Груп": a Roman numeral is followed by a space
    c2 = _century_number(m.group("c"))
    c1 = _century_number(c1s) if c1s else None
    if m.group("c")[0].isdigit() and (
        _page_before(text, m.start()) or re.match(r"\s*\d", text[m.end() : m.end() + 3])
    ):
        return None  # "ч. 1 ст. 172": an article of a code, not a century
    bce = bool(m.group("bce"))
    if c1 is not None and bce:
        c1, c2 = c2, c1  # "IV–III ст. до н. е.": BCE centuries count down
    if not c2 or c2 > 21 or (c1 is not None and not 0 < c1 < c2):
        return None
    if re.match(r"\d", m.group("c")) and re.search(r"\d\s*в\.$", m.group("c")):
        return None  # "5 в." with Arabic digits is rarely a century

    def cvalue(c: int) -> tuple[str, str, str]:
        if bce:
            lo, hi = -(c * 100 - 1), -((c - 1) * 100)
            return f"-{c - 1:02d}XX", _iso(lo, 1, 1), _iso(hi, 12, 31)
        return f"{c - 1:02d}XX", _iso((c - 1) * 100, 1, 1), _iso((c - 1) * 100 + 99, 12, 31)

    def resolve(ctx: _Ctx) -> _Res:
        v2, b2, e2 = cvalue(c2)
        if c1 is None:
            return _Res(v2, b2, e2, "century")
        v1, b1, e1 = cvalue(c1)
        if bce:
            return _Res(f"{v2}/{v1}", b2, e1, "range")
        return _Res(f"{v1}/{v2}", b1, e2, "range")

    return _Hit(m.start(), m.end(), resolve, None, "century")


_SEASON_TAIL = rf"(?:\s*,?\s*(?P<y>{YEARX})|\s+(?P<rel>{REL_YEAR}))"


@_pattern(
    "season",
    rf"(?P<adv>{_alt(list(SEASON_ADVERBS))}){_SEASON_TAIL}?",
    rf"(?P<noun>{_alt(list(SEASON_NOUNS))})\s*,?\s*(?:(?P<ny>{YEARX})|(?P<nrel>{REL_YEAR}))",
    word_start=True,
)
def _season(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    if "adv" in m.re.groupindex:
        season = SEASON_ADVERBS[_norm(m.group("adv"))]
        ys, rel = m.group("y"), m.group("rel")
    else:
        season = SEASON_NOUNS[_norm(m.group("noun"))]
        ys, rel = m.group("ny"), m.group("nrel")
    year = _parse_year(ys) if ys else None
    offset = RELATIVE[_norm(rel)][1] if rel else None

    def resolve(ctx: _Ctx) -> _Res:
        if year is not None:
            y, source, anchor = year, "text", None
        elif ctx.ref is not None:
            y, source, anchor = ctx.ref.year + (offset or 0), "narrative", ctx.ref.value
        else:
            return _Res(None, source="narrative")
        p = _Point(y, season=season)
        res = _res_point(p, source, anchor)
        res.ref = _Point(y) if year is None and offset is None else p
        return res

    return _Hit(m.start(), m.end(), resolve, year, "season")


@_pattern("relative", rf"(?P<p>{_alt(list(RELATIVE))})", word_start=True)
def _relative(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    unit, offset = RELATIVE[_norm(m.group("p"))]

    def resolve(ctx: _Ctx) -> _Res:
        if ctx.ref is None:
            return _Res(None, source="narrative")
        if unit == "same":
            b, e = ctx.ref.bounds()
            return _Res(ctx.ref.value, b, e, ctx.ref.precision, "narrative", ctx.ref.value)
        p = _shift(ctx.ref, unit, offset)
        if p is None:
            return _Res(None, source="narrative", anchor=ctx.ref.value)
        return _res_point(p, "narrative", ctx.ref.value)

    return _Hit(m.start(), m.end(), resolve, None, "relative")


_DUR_PRE = _alt(list(_WORDS["duration_words"]) + ["через", "за", "після", "спустя", "после"])
_UNIT = _alt(list(UNITS))
_AGO = _alt(_WORDS["ago_words"])
_BEFORE = _alt(_WORDS["before_that"])
_AFTER = _alt(_WORDS["after_that"])
# Tens before a unit number ("шістдесят дев'ять років"), looked for left of a hit.
_TENS = {
    w: int(k) for w, k in NUMBERS.items() if k.isdigit() and 20 <= int(k) <= 90 and int(k) % 10 == 0
}
_LEFT_TENS_RE = re.compile(rf"{L}(?P<t>{_alt(list(_TENS))})\s+$")


_INDEFINITE_ONE = frozenset({"одного", "одної", "одній", "одним", "одной"})
_BEFORE_EVENT_RE = re.compile(r"\s+(?:до|перед)\s")
_LEFT_DUR_RE = re.compile(rf"{L}{_DUR_PRE}\s+$")


@_pattern(
    "duration",
    rf"(?P<n>[0-9](?<![\w.,:].)[0-9]{{0,2}})\s+(?P<u>{_UNIT})"
    rf"(?:\s+(?P<ago>{_AGO})|\s+(?P<before>{_BEFORE})|\s+(?P<after>{_AFTER}))?",
    rf"(?P<n>{_alt(list(NUMBERS))})\s+(?P<u>{_UNIT})"
    rf"(?:\s+(?P<ago>{_AGO})|\s+(?P<before>{_BEFORE})|\s+(?P<after>{_AFTER}))?",
    word_start=True,
)
def _duration(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    raw = _norm(m.group("n"))
    n = raw if raw.isdigit() else NUMBERS[raw]
    first = m.start()
    if n.isdigit() and 0 < int(n) < 10 and not raw.isdigit():
        tens = _LEFT_TENS_RE.search(text, max(0, first - 16), first)
        if tens:  # "шістдесят дев'ять років"
            n, first = str(_TENS[_norm(tens.group("t"))] + int(n)), tens.start()
    left = _LEFT_DUR_RE.search(text, max(0, first - 16), first)
    start, pre = (left.start(), _norm(left.group())) if left else (first, "")
    if raw in _INDEFINITE_ONE and not pre:
        return None  # "одного дня": some day, not a duration
    if pre == "за" and not m.group("before") and _BEFORE_EVENT_RE.match(text, m.end()):
        return _Hit(start, m.end(), _none, None, "relative")  # "за два дні до укладання угоди"
    if m.group("after"):
        pre = "через"  # "два дні потому" = "через два дні"
    return _duration_hit(
        start, m.end(), pre, n, UNITS[_norm(m.group("u"))], m.group("ago"), m.group("before")
    )


@_pattern(
    "duration_unit",
    rf"(?P<pre>{_alt(['за', 'через', 'протягом', 'впродовж', 'упродовж', 'спустя'])})\s+(?P<u>{_UNIT})"
    rf"(?:\s+(?P<before>{_BEFORE}))?",
    word_start=True,
)
def _duration_unit(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    unit = UNITS[_norm(m.group("u"))]
    if m.group("pre") == "за" and not m.group("before") and _BEFORE_EVENT_RE.match(text, m.end()):
        return _Hit(m.start(), m.end(), _none, None, "relative")
    return _duration_hit(m.start(), m.end(), m.group("pre"), "1", unit, None, m.group("before"))


@_pattern(
    "duration_fixed",
    rf"(?P<fixed>{_alt(list(FIXED_DURATIONS))})(?:\s+(?P<ago>{_AGO}))?",
    word_start=True,
)
def _duration_fixed(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    value = FIXED_DURATIONS[_norm(m.group("fixed"))]
    if m.group("ago"):
        return _Hit(m.start(), m.end(), _none, None, "relative")
    left = _LEFT_DUR_RE.search(text, max(0, m.start() - 16), m.start())
    start = left.start() if left else m.start()
    pre = _norm(left.group()) if left else ""
    if pre in ("через", "спустя", "после", "після"):  # "через півроку": a point
        count, unit = int(value[1:-1]), value[-1]
        return _duration_hit(start, m.end(), pre, str(count), unit, None, None)
    return _Hit(start, m.end(), lambda ctx: _Res(value, precision="duration"), None, "duration")


def _duration_hit(
    start: int, end: int, pre: str, n: str, unit: str, ago: str | None, before: str | None
) -> _Hit | None:
    """A hit for "N units", read by its preposition and what follows it.

    start (int): start of the span (with the preposition).
    end (int): end of the span.
    pre (str): the preposition before the number ("протягом", "через", "").
    n (str): the count, digits or "X" (unknown).
    unit (str): "D", "W", "M", "Y", "10Y" or "100Y".
    ago (str | None): "тому"/"назад" after it: counted back from the anchor.
    before (str | None): "до того" after it: counted back from the narrative time.
    RETURNS (_Hit | None): a duration or a relative hit, None for "0 днів".
    """
    if n.isdigit() and int(n) == 0:
        return None
    pre = _norm(pre)
    count = int(n) if n.isdigit() else None
    letter = unit[-1]
    mult = int(unit[:-1]) if len(unit) > 1 else 1
    if ago:

        def resolve(ctx: _Ctx) -> _Res:
            if ctx.anchor is None or count is None:
                return _Res(None, source="narrative")
            p = _shift(_Point(ctx.anchor.year, ctx.anchor.month, ctx.anchor.day), unit, -count)
            if p is None:
                return _Res(None, source="narrative")
            b, e = p.bounds()
            return _Res(p.value, b, e, p.precision, "narrative", ctx.anchor_text)

        return _Hit(start, end, resolve, None, "relative")
    if pre in ("через", "за", "після", "спустя", "после") or before:
        sign = -1 if before else 1

        def resolve(ctx: _Ctx) -> _Res:
            if ctx.ref is None or count is None:
                return _Res(None, source="narrative")
            p = _shift(ctx.ref, unit, sign * count)
            if p is None:
                return _Res(None, source="narrative", anchor=ctx.ref.value)
            return _res_point(p, "narrative", ctx.ref.value)

        return _Hit(start, end, resolve, None, "relative")
    value = f"P{count * mult if count is not None else 'X'}{letter}"
    return _Hit(start, end, lambda ctx: _Res(value, precision="duration"), None, "duration")


@_pattern("time", rf"о(?<![\w'].)б?\s+{_CLOCK}")
def _time(m: re.Match[str], text: str, orig: str) -> _Hit | None:
    time = _clock(m)

    def resolve(ctx: _Ctx) -> _Res:
        if ctx.ref is None or not ctx.ref.day:
            return _Res(None, source="narrative")
        p = _Point(ctx.ref.year, ctx.ref.month, ctx.ref.day, time=time)
        b, e = p.bounds()
        return _Res(p.value, b, e, "time", "narrative", ctx.ref.value, ref=p)

    return _Hit(m.start(), m.end(), resolve, None, "time")


# ---------------------------------------------------------------------------
# The tagger
# ---------------------------------------------------------------------------


def _working_copy(text: str) -> str:
    """Lower-case the text and unify apostrophes, keeping every offset.

    text (str): the original text.
    RETURNS (str): a string of the same length for the patterns to run on.
    """
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") lower-case to two
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("’", "'").replace("ʼ", "'")


def _candidates(text: str, orig: str) -> list[_Hit]:
    """All hits of all patterns, leftmost-longest, without overlaps.

    text (str): the working copy of the text (see _working_copy).
    orig (str): the original text, for checks that need letter case.
    RETURNS (list[_Hit]): non-overlapping hits in text order.
    """
    hits: list[tuple[int, int, int, _Hit]] = []
    for order, (name, regex, handler) in enumerate(_PATTERNS):
        word_start = name in _WORD_START
        for m in regex.finditer(text):
            i = m.start()
            if word_start and i and (text[i - 1].isalnum() or text[i - 1] in "'-"):
                continue
            hit = handler(m, text, orig)
            if hit is not None and hit.end > hit.start:
                hits.append((hit.start, -hit.end, order, hit))
    hits.sort(key=lambda h: h[:3])
    chosen: list[_Hit] = []
    last_end = -1
    for start, _neg_end, _order, hit in hits:
        if start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen


def _extend_left(text: str, orig: str, hit: _Hit, limit: int) -> tuple[int, int | None]:
    """Attach a part word ("на початку", "у другій половині") and a
    sentence-initial capitalised "У"/"В" to the left of a hit.

    text (str): the working copy of the text.
    orig (str): the original text.
    hit (_Hit): the hit.
    limit (int): the end of the previous hit (the span may not reach it).
    RETURNS (tuple[int, int | None]): the new start, and the half (1 or 2) if any.
    """
    start, half = hit.start, None
    if hit.kind in ("year", "date", "decade", "century", "season", "range"):
        m = _LEFT_PART_RE.search(text, max(limit, start - 30), start)
        if m:
            word = _norm(m.group().strip())
            half = HALVES.get(word)
            start = m.start()
    if (
        start >= 2
        and start - 2 >= limit
        and orig[start - 2] in "УВ"
        and text[start - 1] == " "
        and (start == 2 or not (text[start - 3].isalnum() or text[start - 3] in _APOS))
        and not text[start : start + 3].lower().startswith("ніч")
    ):
        start -= 2
    return start, half


def _halve(res: _Res, half: int) -> None:
    """Narrow a resolved interval to its first or second half."""
    if not res.begin or not res.end or res.begin.startswith("-") or res.end.startswith("-"):
        return
    b = date.fromisoformat(res.begin)
    e = date.fromisoformat(res.end)
    mid = b + (e - b) / 2
    if half == 1:
        res.end = mid.isoformat()
    else:
        res.begin = (mid + timedelta(days=1)).isoformat()


def tag(text: str, anchor: str | None = None) -> list[Timex]:
    """Find and normalise every time expression in a text.

    text (str): the text (character offsets point into it).
    anchor (str | None): the document creation date ("2020-04-23", "2020"),
        used for expressions counted from the time of writing ("100 років
        тому") and for partial dates before the first full one; None if unknown.
    RETURNS (list[Timex]): the expressions in text order, with
        ``text[t.start:t.end] == t.text``; ``value`` is None when unresolvable.
    """
    anchor_point = _point_from(anchor) if anchor else None
    ctx = _Ctx(ref=None, anchor=anchor_point, anchor_text=anchor if anchor_point else None)
    work = _working_copy(text)
    hits = _candidates(work, text)
    out: list[Timex] = []
    prev_end = 0
    for i, hit in enumerate(hits):
        ctx.next_year = None
        if hit.year is None and i + 1 < len(hits) and hits[i + 1].year is not None:
            if hits[i + 1].start - hit.end < 12 and _LIST_GAP_RE.match(
                work[hit.end : hits[i + 1].start]
            ):
                ctx.next_year = hits[i + 1].year
        if (
            hit.kind == "relative"
            and i + 1 < len(hits)
            and hits[i + 1].kind == "date"
            and _FROM_NEXT_GAP_RE.fullmatch(work, hit.end, hits[i + 1].start)
        ):
            nxt = hits[i + 1].resolve(_Ctx(ctx.ref, ctx.anchor, ctx.anchor_text))
            ref = nxt.ref if nxt.ref is not None and nxt.ref.day else ctx.ref
            res = hit.resolve(_Ctx(ref, ctx.anchor, ctx.anchor_text))
        else:
            res = hit.resolve(ctx)
        if res.ref is not None:
            ctx.ref = res.ref
        start, half = _extend_left(work, text, hit, prev_end)
        if half and res.value:
            _halve(res, half)
        prev_end = hit.end
        if res.value is not None and not VALUE_RE.match(res.value):
            res.value = None
        out.append(
            Timex(
                start=start,
                end=hit.end,
                text=text[start : hit.end],
                value=res.value,
                begin=res.begin,
                end_date=res.end,
                precision=res.precision,
                source=res.source,
                anchor=res.anchor,
                old_style=res.old_style,
            )
        )
    return out
