"""The time stage: find time expressions, resolve them against the narrative time.

``tag(text, anchor)`` runs every rule of ``rules/`` over a text and returns each
time expression with its exact character span and a TIMEX3-style value (see
``../shared/eval/FORMAT.md``). Partial and relative expressions ("24 квітня",
"наступного дня", "восени того ж року") are resolved against the narrative
reference time: the last date with a year before them. Expressions counted back
from the moment of writing ("100 років тому") need ``anchor``, the document
creation date, and get no value without it.

:class:`TimeTagger` is the spaCy component (factory ``litopys_time``) around
``tag``: it puts each expression in ``doc.spans["timex"]`` with its
``litopys.chronicle.Timex`` in ``span._.timex``, after the passes that need the
whole list (ranges "з ... до ...", the night before a date, parts of the day,
hours).

DOCS: docs/TIME.md
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from litopys.chronicle import Timex
from litopys.pipeline import extensions  # noqa: F401
from litopys.pipeline.analysis import sentence_index
from litopys.pipeline.time import rules  # noqa: F401  (registers the patterns)
from litopys.pipeline.time.grammar import (
    AND,
    APOS,
    DAY_PART_AFTER_RE,
    HALVES,
    LEFT_PART_RE,
    MON,
    MONTHS,
    NUMBER_WORDS,
    NUMBERS,
    PARTS,
    PATTERNS,
    PREPOSITIONS,
    RELATIVE,
    UNITS,
    WORD_START,
    YS_ANY,
    Ctx,
    Hit,
    L,
    Res,
    alt,
    hour_of_day,
    left_prep,
    norm,
    word_set,
)
from litopys.pipeline.time.rules.relative import DEICTIC, DEICTIC_NOW, WEEKDAY_NUMBER
from litopys.pipeline.time.values import VALUE_RE, Point, century_days, decade_days, parse_day
from litopys.pipeline.time.words import WORDS

__all__ = ["tag", "TimeTagger", "VALUE_RE"]

# Between a relative expression and the date it counts from ("наступного дня
# після 12 грудня 1932 р.", "напередодні 1 травня").
_FROM_NEXT_GAP_RE = re.compile(rf"\s+(?:{alt(WORDS['counted_from'])}\s+)?")
_LIST_GAP_RE = re.compile(
    rf"\s*(?:,|{alt(WORDS['and_words'] + WORDS['also_words'])}|—|–|-)?\s*$"
)
_SENTENCE_PREPS = "".join(WORDS["sentence_prepositions"])
_APPOSITION_GAP_RE = re.compile(r"\s*,\s*")
_LEFT_WEEKDAY_RE = re.compile(
    rf"{L}(?:{alt(WORDS['weekday_prepositions'])}\s+)?{alt(WORDS['weekdays'])}\s*,\s*$"
)
_NIGHT_NOUN = norm(WORDS["night_noun"])


def _weekday_of(year: int, month: int, day: int) -> int | None:
    """The ISO weekday of a day (None where the day does not exist in that year)."""
    try:
        return datetime.date(year, month, day).isoweekday()
    except ValueError:
        return None


def _at(res: Res, q: Point) -> Res:
    """``res`` moved to the point ``q`` (its value, bounds and precision), source kept."""
    b, e = q.bounds()
    return Res(q.value, b, e, q.precision, res.source, res.anchor, ref=q)


def _repeated_day(res: Res, dated_days: dict[tuple[int, int], int]) -> Res:
    """"першим Днем Незалежності треба було би вважати 22 січня": a day and month the text
    gave earlier with its year ("22 ... січня 1918 року") is that day again, whatever year
    the narrative has moved to since (a paragraph on the Third Universal of 1917); of
    several such days the latest ("23 серпня 2019 р. ... 80 років ... 23 серпня 1939")."""
    p = res.ref
    if p is None or not p.day or not p.month or p.time:
        return res
    year = dated_days.get((p.month, p.day))
    if year is None or year == p.year:
        return res
    return _at(res, Point(year, p.month, p.day))


_LINE_CLOCK_RE = re.compile(r"[ \t]*,?[ \t]*\d{1,2}:\d{2}[ \t]*(?:\n|$)")


def _dateline(work: str, hit: Hit, res: Res) -> Point | None:
    """The day of a dateline inside the text, a full date with its clock time alone on its
    line ("Двадцять років дружби, якої не було\n06.12.2018 20:03\n..."): the time of
    writing of what follows; None for any other expression."""
    if hit.year is None or res.source != "text" or res.ref is None or not res.ref.day:
        return None
    reach = max(0, hit.start - 80)  # a place name at most before it (one long line: linear)
    line = work.rfind("\n", reach, hit.start) + 1
    if (not line and reach) or not _DATELINE_BEFORE.match(work[line:hit.start]):
        return None
    clock = _LINE_CLOCK_RE.match(work, hit.end) if not (res.ref.time and ":" in res.ref.time) \
        else _DATELINE_ALONE.match(work[hit.end:hit.end + 40])  # "Київ, 6 грудня 2018, 18:30"
    if not clock:
        return None
    return Point(res.ref.year, res.ref.month, res.ref.day)


def _heading_date(work: str, hit: Hit, res: Res) -> bool:
    """Whether the text's first expression is a full date alone on its line, after at most
    a weekday, a place or a few words of the page ("вівторок, 14 серпня 2012 р.",
    "Новини\n12.02.2020", "Автор | 22.06.2021", "Опубліковано 22 червня 2021 р. о 10:15"):
    the date a page was posted, not a time of the story it tells."""
    if hit.year is None or res.ref is None or not res.ref.day:
        return False
    line = work.rfind("\n", max(0, hit.start - 80), hit.start) + 1
    if not line and hit.start > 80:
        return False
    return bool(_PAGE_LINE_BEFORE.match(work[line:hit.start])
                and _PAGE_LINE_AFTER.match(work[hit.end:hit.end + 80]))


# A page's date line: a few words before the date, with or without a separator ("Автор |
# 22.06.2021", "Опубліковано 22 червня 2021 р."), and after it at most a clock time and a
# separated tail ("22.06.2021 | Історія", "о 10:15", "| 1250 переглядів")
_PAGE_LINE_BEFORE = re.compile(
    r"^\s*(?:[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,3}\s*[,—–|•·:/-]?\s*)?$")
_PAGE_LINE_AFTER = re.compile(
    rf"^[ \t]*[.,]?[ \t]*(?:(?:{alt(WORDS['clock_prepositions'])}[ \t]+)?\d{{1,2}}[:.]\d{{2}})?"
    r"[ \t]*(?:[|•·/][^\n]{0,60})?(?:\n|$)")


def _not_after_writing(res: Res, written: Point | None) -> Res:
    """"У 2008 році ... наступне подовження має відбутися у квітні 2019 року. Але 28 серпня
    президент ... оголосив" under a dateline of 06.12.2018: a day and month whose year the
    narrative gives stays in the year of writing when the narrative has moved past it (to
    a planned date), not in a year after the text was written."""
    p = res.ref
    if written is None or p is None or not p.day or not p.month or p.year <= written.year:
        return res
    return _at(res, Point(written.year, p.month, p.day, time=p.time))


_LEFT_NOUN_RE = re.compile(r"(?P<w>[^\W\d_][\w'’ʼ-]*)\s$")
_NOT_NOUNS = PREPOSITIONS | NUMBER_WORDS | word_set("year_words")  # "року 1979-го": inverted


def _attributive_year(work: str, hit: Hit, res: Res, ref: Point | None) -> bool:
    """Whether a bare year names what the word before it names ("вимагала кордону 1772
    року", "конституція 1791 року") in a text that is at a later year: an expression of
    its own that does not move the narrative back to that year."""
    p = res.ref
    if ref is None or p is None or res.precision != "year" or p.month or p.season:
        return False
    return names_an_earlier_year(work, hit.start, p.year, ref.year)


def names_an_earlier_year(text: str, start: int, year: int, ref_year: int | None) -> bool:
    """Whether the bare year ``year`` at ``start`` follows a word it modifies ("кордонів Речі
    Посполитої 1772 року") and lies before ``ref_year``, the year the text is at: the
    narrative stays at ``ref_year`` (the time stage and the narrative year of the entity
    stage)."""
    if ref_year is None or year >= ref_year:
        return False
    word = _LEFT_NOUN_RE.search(text, max(0, start - 40), start)
    return word is not None and norm(word.group("w")) not in _NOT_NOUNS \
        and not left_prep(text, start)


def _weekday_year(work: str, hit: Hit, prev_end: int, res: Res, ctx: Ctx,
                  text_years: set[int]) -> Res:
    """"в середу, 12 липня": a day and month whose year the narrative gives, with the
    weekday the text states, takes a year in which that day falls on that weekday: the
    page's year, else the year after or before the narrative's, else the text's own year
    nearest to the narrative's (a narrative year picked up from a treaty of 1997 does not
    date a summit of 2023 that the page names). The value is kept when no candidate fits
    or the weekday is not stated."""
    found = _LEFT_WEEKDAY_RE.search(work, max(prev_end, hit.start - 24), hit.start)
    if not found:
        return res
    words = re.findall(r"[\w'’]+", found.group(0).lower())
    number = next((WEEKDAY_NUMBER[norm(w)] for w in words if norm(w) in WEEKDAY_NUMBER), None)
    p = res.ref
    if p is None and number is not None and text_years:
        # no year yet ("У четвер, 16 липня, о 16:00" opens a page that names 2019, 2020 and
        # 1990 later): the one year of the text in which that day is that weekday
        p = hit.resolve(Ctx(Point(min(text_years)), ctx.anchor, ctx.anchor_text)).ref
        if p is None or not p.day or not p.month:
            return res
        fits = [y for y in sorted(text_years) if _weekday_of(y, p.month, p.day) == number]
        if len(fits) != 1:
            return res
        return _at(res, Point(fits[0], p.month, p.day, time=p.time))
    if p is None or not p.day or not p.month:
        return res

    def weekday(year: int) -> int | None:
        return _weekday_of(year, p.month, p.day)  # type: ignore[union-attr, arg-type]

    if number is None or weekday(p.year) == number:
        return res
    years = ([ctx.anchor.year] if ctx.anchor is not None else []) + [p.year + 1, p.year - 1] \
        + sorted(text_years, key=lambda y: abs(y - p.year))
    year = next((y for y in years if y > 0 and weekday(y) == number), None)
    if year is None:
        return res
    return _at(res, Point(year, p.month, p.day, time=p.time))



# Rarer dashes of web pages read as the en dash and hyphen the patterns know ("1588‒99 рр."
# with a figure dash, "1648−1657" with a minus sign, a non-breaking hyphen).
_DASHES = str.maketrans({"\u2012": "\u2013", "\u2212": "\u2013", "\u2015": "\u2014",
                         "\u2010": "-", "\u2011": "-"})


def _working_copy(text: str) -> str:
    """Lower-case the text and unify apostrophes and dashes, keeping every offset.

    text (str): the original text.
    RETURNS (str): a string of the same length for the patterns to run on.
    """
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") lower-case to two
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    low = low.replace("’", "'").replace("ʼ", "'").translate(_DASHES)
    low = _latin_lookalikes(low)
    return _OCR_YEAR_RE.sub(_ocr_digits, _OCR_DAY_RE.sub(_ocr_digits, low))


# Latin look-alikes of Cyrillic letters: inside a word of both scripts ("вepecня") and as
# the year abbreviation after a four-digit year ("1918 p.", "1918—1920 pp."). Latin runs
# are rare in Cyrillic prose: the scan starts at them.
_LATIN_TO_CYRILLIC = str.maketrans(
    {str(k): str(v) for k, v in WORDS["latin_lookalikes"].items()})
_LATIN_RUN_RE = re.compile(r"[a-z]+")
_LATIN_YEAR_ABBR_RE = re.compile(
    rf"[0-9]{{4}}\s?(?P<t>{alt(WORDS['latin_year_abbreviations'], bound=False)})\."
)
# A decade's ending in Latin look-alikes ("1560-x pp."): the ending, then the year abbreviation.
_DECADE_SUFFIXES = frozenset(WORDS["decade_suffixes"])
_LATIN_DECADE_RE = re.compile(
    rf"[0-9]{{2,4}}[-–](?P<t>[a-z]{{1,2}})(?![a-z])"
    rf"(?:\s?(?P<u>{alt(WORDS['latin_year_abbreviations'], bound=False)})\.)?"
)


def _foreign_letter(c: str) -> bool:
    """Whether c is a letter outside the Latin alphabet (a Cyrillic one in our texts)."""
    return c.isalpha() and not ("a" <= c <= "z")


def _latin_lookalikes(low: str) -> str:
    """The working copy with Latin look-alikes read as Cyrillic where they stand inside
    a Cyrillic word or for the year abbreviation after a year (same length).

    low (str): the lower-cased text.
    RETURNS (str): the text with those letters replaced.
    """
    spans: list[tuple[int, int]] = []
    n = len(low)
    for m in _LATIN_RUN_RE.finditer(low):
        s, e = m.span()
        if (s and _foreign_letter(low[s - 1])) or (e < n and _foreign_letter(low[e])):
            while s and low[s - 1].isalpha():
                s -= 1
            while e < n and low[e].isalpha():
                e += 1
            spans.append((s, e))
        elif (e - s <= 2 and s >= 3 and low[s - 1] in "-–"
              and (dec := _LATIN_DECADE_RE.search(low, max(0, s - 6))) is not None
              and dec.start("t") == s and dec.group("t").translate(_LATIN_TO_CYRILLIC) in _DECADE_SUFFIXES):
            spans.append((s, e))  # "1560-x", and its "pp." after it
            if dec.group("u"):
                spans.append(dec.span("u"))
        elif e - s <= 2 and s >= 4:
            y = _LATIN_YEAR_ABBR_RE.match(low, max(0, s - 5))
            if y is None or y.start("t") != s:
                y = _LATIN_YEAR_ABBR_RE.match(low, s - 4)
            if y is not None and y.start("t") == s:
                spans.append((s, y.end("t")))
    if not spans:
        return low
    parts: list[str] = []
    last = 0
    for s, e in spans:
        if s < last:
            continue
        parts += [low[last:s], low[s:e].translate(_LATIN_TO_CYRILLIC)]
        last = e
    parts.append(low[last:])
    return "".join(parts)


# OCR slips that read digits as letters ("ЗО квітня", "l932 р."): lower-case look-alikes.
_OCR_DIGITS: dict[str, str] = {str(k): str(v) for k, v in WORDS["ocr_digit_lookalikes"].items()}
_OCR_CHARS = "".join(_OCR_DIGITS)
_OCR_DAY_RE = re.compile(rf"(?<![\w'])(?P<t>[0-9{_OCR_CHARS}]{{2}})(?=\s+{MON}(?![\w']))")
_OCR_YEAR_RE = re.compile(rf"(?<![\w'])(?P<t>[0-9{_OCR_CHARS}]{{4}})(?={YS_ANY}(?![\w']))")


def _ocr_digits(m: re.Match[str]) -> str:
    """The digits a token of digits and look-alike letters stands for, when it has at
    least one letter and makes a day (1-31) or a year (1000-2100) with at least two
    real digits; otherwise the token as it is."""
    t = m.group("t")
    if t.isdigit():
        return t
    digits = "".join(_OCR_DIGITS.get(c, c) for c in t)
    if len(t) == 2 and 1 <= int(digits) <= 31:
        return digits
    if len(t) == 4 and sum(c.isdigit() for c in t) >= 2 and 1000 <= int(digits) <= 2100:
        return digits
    return t


def _candidates(text: str, orig: str) -> list[Hit]:
    """All hits of all patterns, leftmost-longest, without overlaps.

    text (str): the working copy of the text (see _working_copy).
    orig (str): the original text, for checks that need letter case.
    RETURNS (list[Hit]): non-overlapping hits in text order.
    """
    hits: list[tuple[int, int, int, Hit]] = []
    for order, (name, regex, handler) in enumerate(PATTERNS):
        word_start = name in WORD_START
        for m in regex.finditer(text):
            i = m.start()
            if word_start and i and (text[i - 1].isalnum() or text[i - 1] in "'-"):
                continue
            hit = handler(m, text, orig)
            if hit is not None and hit.end > hit.start:
                hits.append((hit.start, -hit.end, order, hit))
    hits.sort(key=lambda h: h[:3])
    chosen: list[Hit] = []
    last_end = -1
    for start, _neg_end, _order, hit in hits:
        if start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen


def _extend_left(text: str, orig: str, hit: Hit, limit: int) -> tuple[int, int | None]:
    """Attach a part word ("на початку", "у другій половині") and a
    sentence-initial capitalised "У"/"В" to the left of a hit.

    text (str): the working copy of the text.
    orig (str): the original text.
    hit (Hit): the hit.
    limit (int): the end of the previous hit (the span may not reach it).
    RETURNS (tuple[int, int | None]): the new start, and the half (1 or 2) if any.
    """
    start, half = hit.start, None
    if hit.kind in ("year", "date", "decade", "century", "season", "range"):
        m = LEFT_PART_RE.search(text, max(limit, start - 30), start)
        if m:
            word = norm(m.group().strip())
            half = HALVES.get(word)
            start = m.start()
    if (
        start >= 2
        and start - 2 >= limit
        and orig[start - 2] in _SENTENCE_PREPS
        and text[start - 1] == " "
        and (start == 2 or not (text[start - 3].isalnum() or text[start - 3] in APOS))
        and not text.startswith(_NIGHT_NOUN, start)
    ):
        start -= 2
    return start, half


def _halve(res: Res, half: int) -> None:
    """Narrow a resolved interval to its first or second half."""
    b = parse_day(res.begin or "")
    e = parse_day(res.end or "")
    if b is None or e is None:
        return
    mid = b.plus((e.ordinal() - b.ordinal()) // 2)
    if half == 1:
        res.end = mid.iso
    else:
        res.begin = mid.plus(1).iso


def tag(text: str, anchor: str | None = None) -> list[Timex]:
    """Find and normalise every time expression in a text.

    text (str): the text (character offsets point into it).
    anchor (str | None): the document creation date ("2020-04-23", "2020"),
        used for expressions counted from the time of writing ("100 років
        тому") and for partial dates before the first full one; None if unknown.
    RETURNS (list[Timex]): the expressions in text order, with
        ``text[t.start:t.end] == t.text``; ``value`` is None when unresolvable.
    """
    anchor_point = Point.from_iso(anchor) if anchor else None
    ctx = Ctx(ref=None, anchor=anchor_point, anchor_text=anchor if anchor_point else None)
    work = _working_copy(text)
    hits = _candidates(work, text)
    blocks = _blocks(work, hits)
    out: list[Timex] = []
    prev_end = 0
    fresh_block = False
    i = 0
    text_years = {h.year for h in hits if h.year is not None}  # (for stated weekdays)
    dated_days: dict[tuple[int, int], int] = {}  # (month, day) -> the year the text gave it
    # the time of writing: the last dateline with a clock time (not the anchor: a long
    # document's chunk is tagged behind a date preamble that reads as its dateline)
    written: Point | None = None
    # whether the narrative is still at the page's own date (a first line "вівторок, 14 серпня
    # 2012 р." or a dateline with a clock): a history it then tells moves it back to earlier
    # years ("На Різдвяні свята 1847р. ... 28 лютого" is 1847-02-28, not 2012-02-28)
    at_page_date = False
    while i < len(hits):
        hit = hits[i]
        ctx.next_year = None
        if hit.year is None and i + 1 < len(hits) and hits[i + 1].year is not None:
            if hits[i + 1].start - hit.end < 12 and _LIST_GAP_RE.match(
                work[hit.end : hits[i + 1].start]
            ):
                ctx.next_year = hits[i + 1].year
        # before the text's first dated expression, a partial date takes the year its
        # paragraph gives later ("набуде чинності 1 листопада ... 1 листопада 2014 року")
        ctx.forward_year = None
        if i and blocks[i] != blocks[i - 1]:
            fresh_block = True  # a new excerpt (after a blank line) has not given its year yet
            ctx.day = None
        if hit.year is not None:
            fresh_block = False
        if ctx.ref is None:
            ctx.forward_year = next((h.year for h, b in zip(hits[i + 1 :], blocks[i + 1 :], strict=True)
                                     if b == blocks[i] and h.year is not None), None)
        elif fresh_block and hit.year is None:
            # ... and so does a partial date that opens an excerpt of a compilation, when
            # the excerpt's first sentence gives its own year ("\n\n24 квітня ... 1920 року")
            ctx.forward_year = _first_sentence_year(work, hits, i)
        nxt_hit = hits[i + 1] if i + 1 < len(hits) else None
        end = hit.end
        rel_year = _relative_year_after(work, hit, nxt_hit, ctx)
        if rel_year is not None:  # "23 серпня того ж року": one expression
            ctx.next_year, end = rel_year, nxt_hit.end
            i += 1
        if (
            hit.kind == "relative"
            and nxt_hit is not None
            and nxt_hit.kind == "date"
            and _FROM_NEXT_GAP_RE.fullmatch(work, hit.end, nxt_hit.start)
        ):
            nxt = nxt_hit.resolve(Ctx(ctx.ref, ctx.anchor, ctx.anchor_text))
            ref = nxt.ref if nxt.ref is not None and nxt.ref.day else ctx.ref
            res = hit.resolve(Ctx(ref, ctx.anchor, ctx.anchor_text))
        elif (
            hit.kind == "relative"
            and nxt_hit is not None
            and nxt_hit.kind == "date"
            and _APPOSITION_GAP_RE.fullmatch(work, hit.end, nxt_hit.start)
            and (nxt := nxt_hit.resolve(ctx)).value is not None
        ):
            # "Наступного дня, 3 квітня": the explicit date wins (two expressions, one value)
            res = Res(nxt.value, nxt.begin, nxt.end, nxt.precision, "text", None, ref=nxt.ref)
        else:
            res = hit.resolve(ctx)
        if hit.optional and res.value is None:
            i += 1
            continue
        if hit.kind == "date" and res.source == "narrative":
            res = _weekday_year(work, hit, prev_end, res, ctx, text_years)
            res = _repeated_day(res, dated_days)
            if hit.year is None:
                res = _not_after_writing(res, written)
        page_date = False
        if res.source == "text":
            line_date = _dateline(work, hit, res)
            written = line_date or written
            page_date = line_date is not None or (not out and _heading_date(work, hit, res))
        if hit.kind == "date" and res.source == "text" and res.ref is not None \
                and res.ref.day and res.ref.month and res.precision == "day" and not page_date:
            # the latest one; not the page's own date ("8 липня 2019" over a page on the
            # battle of 29 червня (8 липня) 1659)
            dated_days[(res.ref.month, res.ref.day)] = res.ref.year
        story = None if at_page_date else ctx.ref  # the narrative's own time, if any
        if hit.kind == "ago" and story is not None:
            # "100 років тому" moves a narrative that is at the page's date ("22 червня
            # 2021\nРівно 80 років тому почалася війна. Вранці 22 червня ..." is 1941), not
            # a story's own time
            res.ref = None
        if res.ref is not None and not (ctx.ref is not None and not res.ref.month
                                        and _in_brackets(work, hit.start, end)) \
                and not _background_span(res, ctx.ref) \
                and not _attributive_year(work, hit, res, story):
            # a bare year in a bracketed aside ("(від 1929 — Югославія)") does not move the
            # narrative: the next year-less date stays in the year the text is at
            # a day read back in the year before, and what follows in that year
            ctx.back = res.back or (ctx.back and ctx.ref is not None
                                    and res.ref.year == ctx.ref.year)
            ctx.ref = res.ref
            at_page_date = page_date
            if res.ref.day:
                ctx.day = res.ref
            if not (ctx.span is not None and res.ref is ctx.span.ref):  # "тієї ж ночі" keeps it
                ctx.span = res if res.precision == "range" else None
        start, half = _extend_left(work, text, hit, prev_end)
        if hit.kind == "date":
            weekday = _LEFT_WEEKDAY_RE.search(work, max(prev_end, start - 24), start)
            if weekday:  # "у п'ятницю, 12 вересня": one expression
                start = weekday.start()
        if half and res.value:
            _halve(res, half)
        prev_end = end
        if res.value is not None and not VALUE_RE.match(res.value):
            res.value = None
        out.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                value=res.value,
                begin=res.begin,
                end_date=res.end,
                precision=res.precision,
                source=res.source,
                anchor=res.anchor,
                old_style=res.old_style,
            )
        )
        i += 1
    # neighbours that are one expression, in this order
    out = _merge_neighbours(out, lambda a, b: _join_clock(text, a, b))
    out = _merge_neighbours(out, lambda a, b: _year_then_day(text, a, b))
    out = _year_then_month(work, text, out)
    out = _merge_neighbours(out, lambda a, b: _bare_year_pair(text, a, b))
    out = _other_calendar_in_brackets(text, out)
    return _merge_neighbours(out, lambda a, b: _double_day_range(text, a, b))


def _merge_neighbours(timexes: list[Timex],
                      merge: Callable[[Timex, Timex], Timex | None]) -> list[Timex]:
    """Join each expression with the one before it (itself maybe a join) where ``merge``
    gives the joined expression; RETURNS the list with the joins."""
    out: list[Timex] = []
    for t in timexes:
        joined = merge(out[-1], t) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(t)
    return out


_DASH_GAP_RE = re.compile(r"\s*[—–-]\s*")


def _double_day_range(text: str, a: Timex, t: Timex) -> Timex | None:
    """"29 (19) квітня — 16 (6) травня 1648": two days joined by a dash, one of them given
    in both calendars, are one range of New Style days (as "29 квітня — 16 травня 1648")."""
    if (a.old_style or t.old_style) and a.precision == "day" \
            and t.precision == "day" and a.value and t.value and a.value < t.value \
            and _DASH_GAP_RE.fullmatch(text, a.end, t.start):
        return Timex(start=a.start, end=t.end, text=text[a.start:t.end],
                     value=f"{a.value}/{t.value}", begin=a.begin, end_date=t.end_date,
                     precision="range", source="text" if t.source == "text" else a.source,
                     anchor=a.anchor or t.anchor,
                     old_style=f"{a.old_style}/{t.old_style}"
                     if a.old_style and t.old_style else None)
    return None


_CLOCK_GAP_RE = re.compile(r"\s*,?\s*")


def _background_span(res: Res, ref: Point | None) -> bool:
    """Whether a range of years is the span of something the narrative's day is inside
    ("27 (17) квітня 1648 року ... почалася війна 1648–1654 років. 29 квітня ..."): the
    next year-less date stays in the day's year, not in the range's last one."""
    if ref is None or not ref.day or res.precision != "range" or res.ref is None or res.ref.month:
        return False
    if not (res.begin and res.end):
        return False
    first, last = int(res.begin[:4]), int(res.end[:4])
    return first <= ref.year <= last and last > first


def _in_brackets(text: str, start: int, end: int, reach: int = 60) -> bool:
    """Whether text[start:end] stands inside round brackets opened and closed within reach
    characters of it."""
    before = text[max(0, start - reach):start]
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:]:
        return False
    after = text[end:end + reach]
    closed = after.find(")")
    return closed >= 0 and "(" not in after[:closed]


def _join_clock(text: str, last: Timex, t: Timex) -> Timex | None:
    """A clock time right after the day it falls on is one expression with it ("1 (14)
    лютого 1918 р. о 2 годині ночі" -> 1918-02-14T02:00), as "12 грудня о 23:15"."""
    if (t.precision == "time" and t.source == "narrative"
            and last.value and t.value and last.precision == "day"
            and t.value.startswith(last.value + "T") and not text[t.start].isupper()
            and _CLOCK_GAP_RE.fullmatch(text, last.end, t.start)):
        return Timex(start=last.start, end=t.end, text=text[last.start:t.end],
                     value=t.value, begin=t.begin, end_date=t.end_date,
                     precision="time", source=last.source, anchor=last.anchor,
                     old_style=last.old_style)
    return None


_AND_GAP_RE = re.compile(rf"\s+{AND}\s+", re.I)


def _bare_year_pair(text: str, last: Timex, t: Timex) -> Timex | None:
    """Two consecutive bare years joined by "і"/"та" are one range, as under a plural
    year word ("після війни 1806 і 1807" 1806/1807, as "у 1806 і 1807 роках"); a year
    word on either ("1806 р. і 1807 р.") or a gap between them leaves them apart."""
    if (last.precision == "year" and t.precision == "year"
            and last.value and t.value and last.value.isdigit() and t.value.isdigit()
            and int(t.value) == int(last.value) + 1
            and last.text.isdigit() and t.text.isdigit()
            and _AND_GAP_RE.fullmatch(text, last.end, t.start)):
        return replace(last, end=t.end, text=text[last.start:t.end],
                       value=f"{last.value}/{t.value}", end_date=t.end_date, precision="range")
    return None


def _year_then_day(text: str, last: Timex, t: Timex) -> Timex | None:
    """A year, a comma and a day of that year with no year of its own are one expression,
    as headings and calendars write a date ("Новий договір у Білій Церкві 1651 р., 28
    вересня", "1817, 16 травня у слободі ..." -> 1651-09-28, 1817-05-16)."""
    if (last.precision == "year" and last.value and t.value
            and t.precision in ("day", "time") and t.source == "narrative"
            and t.value.startswith(last.value + "-")
            and _APPOSITION_GAP_RE.fullmatch(text, last.end, t.start)):
        return replace(t, start=last.start, text=text[last.start:t.end], source="text",
                       anchor=None)
    return None


# "1657 р., жовтень – Генеральна рада ...": a textbook chronology's month after its year.
_YEAR_MONTH_RE = re.compile(rf"[ \t]*,[ \t]*(?P<m>{MON})(?=[ \t]*(?:[–—-]|[;)]|\n|$))", re.I)


def _year_then_month(work: str, text: str, timexes: list[Timex]) -> list[Timex]:
    """A year, a comma and a month name before a dash, as chronologies of textbooks list
    their entries ("1657 р., жовтень– Генеральна рада в Корсуні ...", "1658 р., травень –
    розгром ...") -> 1657-10, one expression."""
    out: list[Timex] = []
    for i, t in enumerate(timexes):
        m = _YEAR_MONTH_RE.match(work, t.end) if t.precision == "year" and t.value \
            and t.value.isdigit() and len(t.value) == 4 else None
        month = MONTHS.get(norm(m.group("m"))) if m else None
        if m is None or month is None or (i + 1 < len(timexes) and timexes[i + 1].start < m.end()):
            out.append(t)
            continue
        y = int(t.value)  # type: ignore[arg-type]
        first, last = Point(y, month).bounds()
        out.append(replace(t, end=m.end(), text=text[t.start:m.end()], value=f"{y:04d}-{month:02d}",
                           begin=first, end_date=last, precision="month"))
    return out


_STYLE_OF = {norm(w): style for style, ws in WORDS["style_markers"].items() for w in ws}
_STYLE = alt(list(_STYLE_OF))
_BRACKET_OPEN_RE = re.compile(rf"\(\s*(?:(?P<mk>{_STYLE})\s*[-–—:,]?\s*)?", re.I)
# What may stand between the date and the bracket: the rest of its sentence.
_SAME_SENTENCE_RE = re.compile(r"[^()!?;\n]{0,200}?(?<![.!?…])(?=\()")
_BRACKET_CLOSE_RE = re.compile(rf"\s*,?\s*(?P<mk>{_STYLE})?\s*\)", re.I)


def _gap_days(year: int) -> int:
    """Days the Gregorian calendar runs ahead of the Julian one in a year."""
    return year // 100 - year // 400 - 2


def _other_calendar_in_brackets(text: str, timexes: list[Timex]) -> list[Timex]:
    """A day (or a range of days) followed by the other calendar's in brackets, with a
    word that says which calendar it is: both take the New Style value ("6-11 жовтня
    1596 р. у Бересті відбулися ... (за григоріанським календарем – 16-21 жовтня)"
    1596-10-16/1596-10-21, as the gold gives both), the Julian one going to ``old_style``.
    The bracket may close the date's sentence; the two must lie the calendar gap apart (a
    day either way)."""
    out = list(timexes)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if not (a.value and b.value and a.begin and b.begin and a.precision in ("day", "range")
                and b.precision == a.precision and not a.old_style and not b.old_style):
            continue
        gap_text = _SAME_SENTENCE_RE.match(text, a.end)
        if gap_text is None or re.search(r"[.…]\s+[^\W\d_]", gap_text.group()[1:]):
            continue
        opened = _BRACKET_OPEN_RE.match(text, gap_text.end())
        closed = _BRACKET_CLOSE_RE.match(text, b.end)
        if opened is None or opened.end() != b.start or closed is None:
            continue
        mark = opened.group("mk") or closed.group("mk")
        if mark is None:
            continue
        first, second = parse_day(a.begin), parse_day(b.begin)
        if first is None or second is None:
            continue
        diff = second.ordinal() - first.ordinal()
        gap = _gap_days(first.year)
        b_new = _STYLE_OF.get(norm(mark)) == "new"
        if abs(diff - (gap if b_new else -gap)) > 1:
            continue
        ns, os_ = (b, a) if b_new else (a, b)
        out[k] = replace(a, value=ns.value, begin=ns.begin, end_date=ns.end_date, old_style=os_.value)
        out[k + 1] = replace(b, value=ns.value, begin=ns.begin, end_date=ns.end_date,
                             old_style=os_.value)
    return out


_BLOCK_RE = re.compile(r"\n[ \t]*\n")
_REL_YEAR_OFFSET = {p: off for p, (unit, off) in RELATIVE.items() if unit == "Y"}
_SPACE_GAP_RE = re.compile(r"\s{1,3}")


def _relative_year_after(work: str, hit: Hit, nxt: Hit | None, ctx: Ctx) -> int | None:
    """The year a relative year gives to the day or month just before it ("23 серпня
    того ж року", "у грудні наступного року"), None if there is none."""
    if (nxt is None or nxt.kind != "relative" or hit.year is not None
            or hit.kind not in ("date", "range") or ctx.ref is None
            or not _SPACE_GAP_RE.fullmatch(work, hit.end, nxt.start)):
        return None
    offset = _REL_YEAR_OFFSET.get(norm(work[nxt.start:nxt.end]))
    return None if offset is None else ctx.ref.year + offset


_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+(?=[^\W\d_])|\n")


def _first_sentence_year(work: str, hits: list[Hit], i: int) -> int | None:
    """The year a later expression of the same sentence as hit i gives, if that sentence
    opens its paragraph; None otherwise."""
    block_start = work.rfind("\n", 0, hits[i].start) + 1
    if _SENTENCE_BREAK_RE.search(work, block_start, hits[i].start):
        return None
    stop = _SENTENCE_BREAK_RE.search(work, hits[i].end)
    limit = stop.start() if stop else len(work)
    return next((h.year for h in hits[i + 1 :] if h.start < limit and h.year is not None), None)


def _blocks(text: str, hits: list[Hit]) -> list[int]:
    """The paragraph (text between blank lines) each hit is in, numbered from 0."""
    breaks = [m.end() for m in _BLOCK_RE.finditer(text)]
    out, k = [], 0
    for hit in hits:
        while k < len(breaks) and breaks[k] <= hit.start:
            k += 1
        out.append(k)
    return out


class TimeTagger:
    """Tag and normalise time expressions; track the narrative reference time."""

    def __init__(self, nlp: Language, name: str = "litopys_time") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.text
        found = tag(text, anchor=doc._.anchor)
        anchor = None
        if doc._.anchor is None:
            anchor = (dateline_anchor(text, found) or publication_anchor(text, found)
                      or infer_anchor(doc, found))
            if anchor is not None:
                found = tag(text, anchor=anchor)
        found = excerpt_datelines(text, found)
        found = [t for t in found if t.value is not None or norm(t.text) not in DEICTIC_NOW]
        found = join_ranges(text, night_before(text, found))
        found = day_parts(text, found)
        found = hours(text, found)
        found = during_the_day(found)
        found = counts_of_something(doc, found)
        found = that_time(text, found)
        found = then_after_date(text, found)
        found = years_before_clauses(doc, found)
        found = last_century(text, found, doc._.anchor or anchor)
        found = inverted_years(text, found)
        taken: set[tuple[int, int]] = set()
        for t in found:
            span = doc.char_span(t.start, t.end, label="TIMEX", alignment_mode="expand")
            if span is None or (span.start, span.end) in taken:
                continue  # two expressions in one token ("1918–1920р"): keep the first
            taken.add((span.start, span.end))
            span._.timex = t
            spans.append(span)
        doc.spans["timex"] = spans
        return doc


_YEAR_UNITS = [w for w, u in UNITS.items() if u == "Y"]
# "N років тому", also after a word that makes it approximate ("майже 80 років тому").
_AGO = re.compile(
    rf"^(?:[^\W\d_]+\s+)?(?P<n>\S+)\s+{alt(_YEAR_UNITS)}\s+{alt(WORDS['ago_words'])}$", re.I
)


def infer_anchor(doc: Doc, timexes: list[Timex]) -> str | None:
    """The year the text was written, when it says so by apposition.

    "100 років тому, в ніч з 21 на 22 квітня 1920 року" dates the writing to 2020: an
    unresolved "N років тому" with an explicit year in the same sentence gives the
    document's year, and every other "... тому" in the text is resolved against it.

    RETURNS (str | None): the inferred year, or None.
    """
    if not doc.has_annotation("SENT_START"):
        return None
    first, _ = sentence_index(doc)
    for t in timexes:
        if t.value is not None:
            continue
        m = _AGO.match(t.text.strip())
        if not m:
            continue
        raw = m.group("n").lower()
        num = raw if raw.isdigit() else NUMBERS.get(raw, "")
        if not num.isdigit():
            continue  # "кілька років тому": no number to count back
        n = int(num)
        if n <= 0:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        sent = first[span.start]
        # the year of the same sentence, else the next one given in the same paragraph
        # ("355 років тому територію поділили ... \n20 січня ... 1667 року")
        nearest: tuple[int, int] | None = None
        for other in timexes:
            if other is t or other.source != "text" or not other.value:
                continue
            o = doc.char_span(other.start, other.end, alignment_mode="expand")
            year = re.match(r"^(\d{4})", other.value)
            if o is None or not year:
                continue
            rank = _sentence_distance(doc, first, sent, first[o.start], t.end, other.start)
            if rank is not None and (nearest is None or rank < nearest[0]):
                nearest = (rank, int(year.group(1)))
        if nearest is not None:
            if nearest[1] + n > datetime.date.today().year:
                # a time of writing still to come: the year given is the writing's own ("У
                # 2019 році минає 80 років тому, як ...")
                return str(nearest[1])
            return str(nearest[1] + n)
    return None


# A news dateline: the text's first line is a date (and a clock time), after at most a
# place name and a comma or dash ("Київ, 9 грудня 2019, 18:30").
_DATELINE_BEFORE = re.compile(r"^\s*(?:[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,3}\s*[,—–-]\s*)?$")
_DATELINE_ALONE = re.compile(r"^[ \t]*[.,]?[ \t]*(?:\n|$)")
_DATELINE_STOP = re.compile(r"^[ \t]*[.,—–-]")


def dateline_anchor(text: str, timexes: list[Timex]) -> str | None:
    """The document date a news dateline gives ("Київ, 9 грудня 2019, 18:30." ->
    "2019-12-09"), for what counts from the time of writing ("сто років тому",
    "сьогодні"); None when the first line is not a dateline.

    text (str): the document text.
    timexes (list[Timex]): its time expressions, resolved without an anchor.
    RETURNS (str | None): the ISO day, or None.
    """
    if not timexes:
        return None
    first = timexes[0]
    line_start = len(text) - len(text.lstrip())
    day = _DAY_VALUE.match(first.value or "")
    before = text[line_start:first.start]
    if day is None or first.source != "text" or "\n" in before or not _DATELINE_BEFORE.match(before):
        return None
    after = text[first.end:first.end + 40]
    # on a line of its own, or after a place or with a clock time, before a stop or a dash
    if _DATELINE_ALONE.match(after) or (
            (before.strip() or "T" in (first.value or "")) and _DATELINE_STOP.match(after)):
        return day.group()
    return None


def excerpt_datelines(text: str, timexes: list[Timex]) -> list[Timex]:
    """"сьогодні", "вчора" in an excerpt of a compilation (or under a headline) whose own
    dateline gives the time of writing ("Глави МЗС ...\n21 Лютого 2014, 14:50\n...
    сьогодні"): counted from that dateline, as the document's first line is not it."""
    starts = [0] + [m.end() for m in _BLOCK_RE.finditer(text)]
    ends = starts[1:] + [len(text)]
    out = list(timexes)
    for a, b in zip(starts, ends, strict=True):
        inside = [k for k, t in enumerate(out) if a <= t.start < b]
        if not inside:
            continue
        block = text[a:b]
        day = dateline_anchor(block, [_shifted(out[inside[0]], -a)])
        if day is None:
            # a headline line first, the dateline on the next line
            newline = block.find("\n")
            below = [k for k in inside if out[k].start > a + newline]
            if newline < 0 or not below:
                continue
            day = dateline_anchor(block[newline + 1:],
                                  [_shifted(out[below[0]], -(a + newline + 1))])
            if day is None:
                continue
        point = Point.from_iso(day)
        if point is None:
            continue
        for k in inside[1:]:
            t = out[k]
            deictic = DEICTIC.get(norm(t.text))
            if deictic is None or t.value == day:
                continue
            unit, offset = deictic
            p = point.shift(unit, offset) if offset else point
            if p is None:
                continue
            begin, end = p.bounds()
            out[k] = Timex(start=t.start, end=t.end, text=t.text, value=p.value, begin=begin,
                           end_date=end, precision=p.precision, source="narrative",
                           anchor=day, old_style=t.old_style)
    return out


def _shifted(t: Timex, by: int) -> Timex:
    """The expression with its offsets moved by ``by`` characters."""
    return replace(t, start=t.start + by, end=t.end + by)


_PUBLISHED = re.compile(rf"{L}{alt(WORDS['publication_markers'])}\s*[:\-–—]?\s*$", re.I)


def publication_anchor(text: str, timexes: list[Timex]) -> str | None:
    """The document date a page's publication line gives ("Дата публікації: 12.03.2021",
    "Опубліковано 12 березня 2021 р."), None without one.

    text (str): the document text.
    timexes (list[Timex]): its time expressions, resolved without an anchor.
    RETURNS (str | None): the ISO day, or None.
    """
    for t in timexes:
        day = _DAY_VALUE.match(t.value or "")
        if day is not None and t.source == "text" and _PUBLISHED.search(
                text, max(0, t.start - 40), t.start):
            return day.group()
    return None


def _sentence_distance(doc: Doc, first: list[int], sent: int, other: int, end: int,
                       other_start: int) -> int | None:
    """How near a dated expression is: 0 in the same sentence, else its distance in
    characters when it follows within the same paragraph (300 at most), else None."""
    if other == sent:
        return 0
    if other_start < end or other_start - end > 300 or _BLOCK_RE.search(doc.text, end, other_start):
        return None
    return other_start - end


_NIGHT_BEFORE = re.compile(
    rf"{alt(WORDS['night_words'])}\s+{alt(WORDS['range_night_to'])}\s+$", re.I
)
_RANGE_FROM = re.compile(rf"(?:^|\s){alt(WORDS['range_from'])}\s+$", re.I)
_RANGE_TO = re.compile(rf"^\s+{alt(WORDS['range_to'])}\s+$", re.I)


def night_before(text: str, timexes: list[Timex]) -> list[Timex]:
    """"у ніч на 9 лютого 1918 року" is the night from the 8th to the 9th."""
    out = []
    for t in timexes:
        m = _NIGHT_BEFORE.search(text, max(0, t.start - 12), t.start)
        day = parse_day(t.value or "")
        if m and day is not None:
            eve = day.plus(-1).iso
            t = Timex(start=m.start(), end=t.end, text=text[m.start():t.end],
                      value=f"{eve}/{t.value}", begin=eve, end_date=t.value,
                      precision="range", source=t.source, anchor=t.anchor,
                      old_style=t.old_style)
        out.append(t)
    return out


# "Від початку липня": the part word carries the range's "from" inside the expression.
_RANGE_FROM_INSIDE = re.compile(rf"{alt(WORDS['range_from'])}\s", re.I)
_MONTH_OR_DAY = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})(?P<d>-\d{2})?$")


def _year_of_range_end(a: Timex, b: Timex) -> Timex:
    """The first end of a range, in the year the second end writes when the first writes
    none ("з середини липня до кінця серпня 1649 р.": July 1649, not of the narrative's
    year); a later month than the second end's is in the year before."""
    ma, mb = _MONTH_OR_DAY.match(a.value or ""), re.match(r"^(\d{4})-(\d{2})", b.value or "")
    if ma is None or mb is None or a.source != "narrative" or b.source != "text":
        return a
    year = int(mb.group(1)) - (1 if ma.group("m") > mb.group(2) else 0)
    value = f"{year:04d}{a.value[4:]}"  # type: ignore[index]
    p = Point.from_value(value)
    if p is None or not _valid_value(value):
        return a
    begin, end = p.bounds()
    return replace(a, value=value, begin=begin, end_date=end)


def _valid_value(value: str) -> bool:
    """Whether a month or day value names a real day ("2019-02-29" does not)."""
    return parse_day(value if len(value) == 10 else f"{value}-01") is not None


_PART_START = re.compile(rf"{alt(list(PARTS))}\s", re.I)
_DASH_ONLY = re.compile(r"^\s*[-–—]\s*$")
_MONTH_VALUE = re.compile(r"^\d{4}-\d{2}$")


def _part_pair(text: str, a: Timex, b: Timex) -> bool:
    """"Наприкінці травня – на початку червня 1648 р.": two parts of months joined by a
    dash, each opening with a part word."""
    return (_DASH_ONLY.match(text[a.end:b.start]) is not None
            and _PART_START.match(a.text) is not None and _PART_START.match(b.text) is not None
            and _MONTH_VALUE.match(a.value or "") is not None
            and _MONTH_VALUE.match(b.value or "") is not None)


def join_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """"з осені 1973 до літа 1975 року": two expressions joined by з ... до are one range."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        a = timexes[i]
        b = timexes[i + 1] if i + 1 < len(timexes) else None
        if (b is not None and a.value and b.value and "/" not in a.value
                and "/" not in b.value and not a.value.startswith("P")
                and not b.value.startswith("P") and a.begin and b.end_date
                and (_RANGE_TO.match(text[a.end:b.start]) or _part_pair(text, a, b))):
            m = _RANGE_FROM.search(text, max(0, a.start - 5), a.start)
            inner = m is None and (_RANGE_FROM_INSIDE.match(a.text) is not None
                                   or _part_pair(text, a, b))
            a = _year_of_range_end(a, b)
            first, last = parse_day(a.begin), parse_day(b.end_date)
            if (m or inner) and first is not None and last is not None and first <= last:
                start = a.start if m is None else m.start() + (1 if text[m.start()].isspace() else 0)
                out.append(Timex(start=start, end=b.end, text=text[start:b.end],
                                 value=f"{a.value}/{b.value}", begin=a.begin,
                                 end_date=b.end_date, precision="range",
                                 source="text" if a.source == b.source == "text"
                                 else "narrative", anchor=a.anchor or b.anchor))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_DAY_PART_CODE = {norm(w): code for code, ws in WORDS["day_parts"].items() for w in ws}
_DAY_PART = re.compile(rf"{L}(?P<w>{alt(list(_DAY_PART_CODE))})\s+$", re.I)
_CLOCK_UNIT = {norm(w): unit for unit, ws in WORDS["clock_units"].items() for w in ws}
_HOURS = re.compile(
    rf"(?<![\w-])(?P<n>\d{{1,3}}|(?:[^\W\d_]|')+)"
    rf"(?:(?P<frac>,5)|\s+(?P<half>{alt(WORDS['half_words'])}))?"
    rf"\s+(?P<u>{alt(list(_CLOCK_UNIT), bound=False)})(?![\w-])",
    re.I,
)


_WRITTEN_DAY = re.compile(rf"\d\s*{MON}", re.I)


def day_parts(text: str, timexes: list[Timex]) -> list[Timex]:
    """"Увечері того ж дня": the part of the day narrows a day of the narrative to TIMEX3
    ``TEV``. Before a date the text writes out ("Вранці 7 серпня 2008 року") it joins the
    expression and the value stays the date, as FORMAT.md gives dates no part-of-day codes
    and the golds give such dates plain."""
    out = []
    for t in timexes:
        m = _DAY_PART.search(text, max(0, t.start - 12), t.start)
        if m and t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
            code = _DAY_PART_CODE[norm(m.group("w"))]
            # a day the text writes out stays plain, its year given or not ("Увечері 6
            # березня"); a day of the narrative takes the code ("Увечері того ж дня")
            plain = t.source == "text" or _WRITTEN_DAY.search(t.text) is not None
            t = Timex(start=m.start(), end=t.end, text=text[m.start():t.end],
                      value=t.value if plain else f"{t.value}T{code}",
                      begin=t.begin, end_date=t.end_date,
                      precision="part of day", source=t.source, anchor=t.anchor,
                      old_style=t.old_style)
        out.append(t)
    return out


# "близько години", "протягом хвилини": one hour, one minute
_ONE_CLOCK_UNIT = re.compile(
    rf"{L}(?:{alt(WORDS['one_clock_unit_words'])})\s+(?P<u>{alt(list(_CLOCK_UNIT), bound=False)})(?![\w-]|\s*\d)",
    re.I,
)
# "104 доби та 4 години": a count of days and one of hours, one duration
_AND_BETWEEN = re.compile(rf"\s+{alt(WORDS['and_words'])}\s+$", re.I)
_AFTER_HOURS = re.compile(rf"{L}{alt(WORDS['after_prepositions'])}\s+$", re.I)
# "за 6 годин до того", "три години потому": counted from the narrative day, too.
_HOURS_FROM_THEN = re.compile(rf"\s+(?:{alt(WORDS['before_that'])}|{alt(WORDS['after_that'])})(?![\w{APOS}])", re.I)
_WITHIN_HOURS = re.compile(rf"{L}{alt(WORDS['within_prepositions'])}\s+$", re.I)
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")


_PAUCAL = frozenset(norm(w) for w in WORDS["paucal_unit_forms"])


def _paucal(n: int) -> bool:
    """Whether a count takes the paucal form of a noun (2, 3, 4, 22, ...; not 12-14)."""
    return n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)


def hours(text: str, timexes: list[Timex]) -> list[Timex]:
    """"16 годин", "сорок хвилин": durations in hours and minutes (``PT16H``); "через
    кілька годин", "через 3 години": the narrative day (the last day before it), as a
    count of hours forward seldom leaves it."""
    taken = [(t.start, t.end) for t in timexes]
    extra = []
    for m in _HOURS.finditer(text):
        raw = m.group("n").lower()
        num = raw if raw.isdigit() else NUMBERS.get(norm(raw), "")
        if not num or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        after = _AFTER_HOURS.search(text, max(0, m.start() - 12), m.start())
        then = _HOURS_FROM_THEN.match(text, m.end())
        if after is not None or then is not None:
            start, end = m.start(), (then.end() if then is not None else m.end())
            left = after or _WITHIN_HOURS.search(text, max(0, start - 6), start)
            start = left.start() if left is not None else start
            day = next((d.group() for t in reversed(timexes) if t.end <= start
                        and (d := _DAY_VALUE.match(t.value or ""))), None)
            extra.append(Timex(start=start, end=end, text=text[start:end],
                               value=day, begin=day, end_date=day,
                               precision="day" if day else None, source="narrative",
                               anchor=day))
            continue
        half = bool(m.group("frac") or m.group("half"))
        part = DAY_PART_AFTER_RE.match(text, m.end())
        if part is not None and not half and num.isdigit() and 0 < int(num) <= 12 and _CLOCK_UNIT.get(
                norm(m.group("u"))) == "H":
            # "В Москве было 5 часов вечера": a clock time on the narrative day
            day = next((d.group() for t in reversed(timexes) if t.end <= m.start()
                        and (d := _DAY_VALUE.match(t.value or ""))), None)
            at = f"{day}T{hour_of_day(int(num), norm(part.group('p'))):02d}:00" if day else None
            extra.append(Timex(start=m.start(), end=part.end(), text=text[m.start():part.end()],
                               value=at, begin=day, end_date=day,
                               precision="time" if day else None, source="narrative",
                               anchor=day))
            continue
        if not num.isdigit() or (int(num) == 0 and not half) or (
                norm(m.group("u")) in _PAUCAL and raw.isdigit() and not half and not _paucal(int(num))):
            continue  # "близько 10 години": a clock time, not ten hours; "з 00 годин": one too
        unit = _CLOCK_UNIT[norm(m.group("u"))]
        if half:  # "3,5 години", "три з половиною години": PT3H30M
            whole = f"{int(num)}{unit}" if int(num) else ""
            value = f"PT{whole}30M" if unit == "H" else f"PT{whole}30S"
            extra.append(Timex(start=m.start(), end=m.end(), text=m.group(0), value=value,
                               precision="duration"))
            continue
        days = next((t for t in timexes if t.end <= m.start() and t.value and
                     re.fullmatch(r"P\d+D", t.value) and
                     _AND_BETWEEN.fullmatch(text, t.end, m.start())), None)
        if days is not None:  # "104 доби та 4 години": P104DT4H
            timexes = [t for t in timexes if t is not days]
            extra.append(Timex(start=days.start, end=m.end(), text=text[days.start:m.end()],
                               value=f"{days.value}T{int(num)}{unit}", precision="duration"))
            continue
        extra.append(Timex(start=m.start(), end=m.end(), text=m.group(0),
                           value=f"PT{int(num)}{unit}", precision="duration"))
    for m in _ONE_CLOCK_UNIT.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        unit = _CLOCK_UNIT[norm(m.group("u"))]
        extra.append(Timex(start=m.start(), end=m.end(), text=m.group(0),
                           value=f"PT1{unit}", precision="duration"))
    found = sorted(timexes + extra, key=lambda t: t.start) if extra else timexes
    return _hours_and_minutes(text, found)


_DURING_THE_DAY = frozenset(norm(w) for w in WORDS["during_the_day_phrases"])


def during_the_day(timexes: list[Timex]) -> list[Timex]:
    """"Протягом дня" after a day of the narrative is that day, not a day's length (P1D)."""
    out: list[Timex] = []
    day: str | None = None
    for t in timexes:
        if t.value == "P1D" and day is not None and norm(t.text) in _DURING_THE_DAY:
            t = replace(t, value=day, begin=day, end_date=day, precision="day",
                        source="narrative", anchor=day)
        elif t.value and (d := _DAY_VALUE.match(t.value)):
            day = d.group()
        out.append(t)
    return out


_MINUTE_UNITS = [w for w, u in _CLOCK_UNIT.items() if u == "M"]
# "2 години 30 хвилин", "1 год 24 хв", "8 часов 40 минут": the minutes after the hours
_MINUTES_AFTER = re.compile(
    rf"\s*,?\s*(?:{alt(WORDS['and_words'])}\s+)?(?P<n>\d{{1,2}}|(?:[^\W\d_]|')+)"
    rf"\s+(?P<u>{alt(_MINUTE_UNITS, bound=False)})(?![\w-])",
    re.I,
)
_HOURS_VALUE = re.compile(r"PT(?P<n>\d+)H")
# "1 год" read as the Russian year: hours when minutes follow
_HOUR_UNIT_END = re.compile(
    rf"\d\s+{alt([w for w, u in _CLOCK_UNIT.items() if u == 'H'], bound=False)}$", re.I)
_HOUR_OR_YEAR = re.compile(rf"\d\s*{alt(WORDS['hour_or_year_words'], bound=False)}\.?$", re.I)


def _hours_and_minutes(text: str, timexes: list[Timex]) -> list[Timex]:
    """A count of hours and one of minutes after it are one duration (``PT2H30M``)."""
    out: list[Timex] = []
    skip_to = -1
    for t in timexes:
        if t.start < skip_to:
            continue
        h = _HOURS_VALUE.fullmatch(t.value or "")
        end = t.end
        if h is None and _HOUR_OR_YEAR.search(t.text) and (
                re.fullmatch(r"P\d+Y", t.value or "") or t.source == "narrative"):
            # "1 год 24 хв" (read as the year), "Через 2 год. 30 хв." (a point)
            h = re.search(r"(?P<n>\d+)\s*\S+$", t.text)
            end += text.startswith(".", end)
        elif h is None and t.source == "narrative" and _HOUR_UNIT_END.search(t.text):
            h = re.search(r"(?P<n>\d+)", t.text)  # "Через 2 години 30 хвилин": the point
        m = _MINUTES_AFTER.match(text, end) if h is not None else None
        if h is not None and m is not None:
            raw = m.group("n").lower()
            num = raw if raw.isdigit() else NUMBERS.get(norm(raw), "")
            if num.isdigit() and 0 < int(num) < 60:
                value = (t.value if t.source == "narrative"
                         else f"PT{int(h.group('n'))}H{int(num)}M")
                out.append(replace(t, end=m.end(), text=text[t.start:m.end()], value=value,
                                   precision=t.precision if t.source == "narrative"
                                   else "duration"))
                skip_to = m.end()
                continue
        out.append(t)
    return out


_COUNT_AFTER = re.compile(
    rf"^(?P<p>{alt(WORDS['count_of_prepositions'])})\s+(?P<n>\d{{1,3}}|{alt(list(NUMBERS))})\s+(?P<u>{alt(list(UNITS))})$",
    re.I,
)


_WITHIN_PREPOSITIONS = frozenset(norm(w) for w in WORDS["within_prepositions"])
_SPAN_OF_COUNT = re.compile(rf"{L}{alt(WORDS['span_of_count_words'])}\s+$", re.I)


def _genitive(token: Token, pos: str) -> bool:
    """Whether one of the token's readings is a genitive of the part of speech (and none
    a preposition: "до" may also be read as a noun)."""
    tags = token._.tags
    return (any(tag.startswith(pos) and "gent" in tag for tag in tags)
            and not any(tag.startswith("PREP") for tag in tags))


def counts_of_something(doc: Doc, timexes: list[Timex]) -> list[Timex]:
    """"після двох років війни", "після 9 місяців переговорів": a count of units followed
    by the genitive noun it measures is how long that lasted (``P2Y``), not a point two
    years after the narrative time ("після двох років, у 1923 р., ...")."""
    out = []
    for t in timexes:
        m = _COUNT_AFTER.match(t.text) if t.source == "narrative" else None
        if m is not None:
            raw = m.group("n").lower()
            num = raw if raw.isdigit() else NUMBERS.get(norm(raw), "")
            unit = UNITS.get(norm(m.group("u")), "")
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            after = doc[span.end] if span is not None and span.end < len(doc) else None
            noun = after
            if after is not None and span is not None:
                # "за 20 років незалежної України", "за 350 років нашої героїчної історії":
                # genitive adjectives and pronouns before the noun
                k = span.end
                while k < min(len(doc), span.end + 3) and (
                        _genitive(doc[k], "ADJ") or _genitive(doc[k], "NPRO")):
                    k += 1
                noun = doc[k] if k < len(doc) else None
            if num.isdigit() and unit and (
                    (after is not None and noun is not None and after.text[:1].islower()
                     and _genitive(noun, "NOUN"))
                    or _SPAN_OF_COUNT.search(doc.text, max(0, t.start - 24), t.start)):
                letter, mult = unit[-1], int(unit[:-1]) if len(unit) > 1 else 1
                within = norm(m.group("p")) in _WITHIN_PREPOSITIONS
                start = t.start if within else t.start + m.start("n")
                t = Timex(start=start, end=t.end, text=doc.text[start:t.end],
                          value=f"P{int(num) * mult}{letter}", precision="duration")
        out.append(t)
    return out


_THAT_TIME = re.compile(rf"{L}{alt(WORDS['that_time_phrases'])}(?![\w{APOS}])", re.I)
_DURATION_VALUE = re.compile(r"^P(?P<n>\d+)(?P<u>[DWMY])$")
# How far back (characters, no blank line) the duration or range may stand.
_THAT_TIME_REACH = 200


def that_time(text: str, timexes: list[Timex]) -> list[Timex]:
    """"тримали її в облозі два місяці. За цей час ...": the span the text has just
    measured. After a duration it runs from the narrative time before the duration for
    that long (1709-04-30 + P2M -> 1709-04-30/1709-06-30); after a range it is that range.
    Anything else (no duration or range just before) is left untagged."""
    extra = []
    for m in _THAT_TIME.finditer(text):
        before = [t for t in timexes if t.end <= m.start()]
        if not before or m.start() - before[-1].end > _THAT_TIME_REACH \
                or "\n\n" in text[before[-1].end:m.start()] or before[-1].value is None:
            continue
        last, value = before[-1], None
        dur = _DURATION_VALUE.match(last.value or "")
        if dur is not None:
            ref = next((t for t in reversed(before[:-1])
                        if t.value and t.precision in ("day", "month", "year")), None)
            p = Point.from_value(ref.value) if ref is not None and ref.value else None
            q = p.later(dur.group("u"), int(dur.group("n"))) if p is not None else None
            if p is not None and q is not None:
                value = f"{p.value}/{q.value}"
        elif last.precision == "range" and VALUE_RE.match(last.value or ""):
            value = last.value
        if value is not None:
            extra.append(Timex(start=m.start(), end=m.end(), text=m.group(0), value=value,
                               begin=last.begin if dur is None else None,
                               end_date=last.end_date if dur is None else None,
                               precision="range", source="narrative", anchor=last.value))
    return sorted(timexes + extra, key=lambda t: t.start) if extra else timexes


_THEN = re.compile(rf"(?:^|(?<=[.!?…]\s)|(?<=[.!?…]\s\s))(?P<w>{alt(WORDS['then_words'])})(?![\w{APOS}])",
                   re.I | re.M)
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n\s*\n")
_THEN_REACH = 1500
_THEN_NOT_AFTER = re.compile(rf"{L}{alt(WORDS['then_not_after_stems'], bound=False)}", re.I)


def then_after_date(text: str, timexes: list[Timex]) -> list[Timex]:
    """"18 вересня 1973 — 21 липня 1975 — друга фаза. Тоді було узгоджено ...": a
    capitalised "Тоді" opening the sentence right after one that gave a date (written out,
    not inherited) is that date. Elsewhere "тоді" is left untagged: after an undated
    sentence or inside a sentence it is as often a conjunction ("тоді вони спробували")."""
    extra = []
    for m in _THEN.finditer(text):
        if not text[m.start()].isupper():
            continue
        window = max(0, m.start() - _THEN_REACH)  # the sentence before, looked for nearby
        ends = [e.end() for e in _SENTENCE_END.finditer(text, window, max(0, m.start() - 1))]
        prev_start = ends[-1] if ends else window
        dated = [t for t in timexes if prev_start <= t.start and t.end <= m.start()
                 and t.value and t.source == "text" and VALUE_RE.match(t.value)]
        if not dated or _THEN_NOT_AFTER.search(text, prev_start, m.start()):
            continue
        last = dated[-1]
        extra.append(Timex(start=m.start(), end=m.end(), text=m.group(0), value=last.value,
                           begin=last.begin, end_date=last.end_date, precision=last.precision,
                           source="narrative", anchor=last.value))
    return sorted(timexes + extra, key=lambda t: t.start) if extra else timexes


_INVERTED_YEAR = re.compile(
    rf"{L}(?:(?P<p>{alt(WORDS['inverted_year_prepositions'])})\s+)?"
    rf"{alt(WORDS['inverted_year_words'], bound=False)}\s*(?P<y>1[0-9]{{3}}|20[0-9]{{2}})"
    rf"(?![\w{APOS}]|[.,]\d)", re.I)
_SEASON_OR_MONTH = re.compile(r"^(?P<y>\d{4})(?P<rest>-(?:SP|SU|FA|WI|\d{2}))$")


def inverted_years(text: str, timexes: list[Timex]) -> list[Timex]:
    """"в році 1649", "в р. 1657": the year word before the year, as older prose writes it;
    after a season or a month ("весною року 1648", "в січні року 1649") it gives their
    year, one expression. Without a preposition, season or month it is left alone
    ("протягом року 1500 козаків")."""
    out = list(timexes)
    for m in _INVERTED_YEAR.finditer(text):
        start, end, y = m.start(), m.end(), int(m.group("y"))
        if y > 2100:
            continue
        # the year alone may have been read already ("в січні року 1649."): it joins
        out = [t for t in out if not (t.start == m.start("y") and t.end <= end)]
        if any(t.start < end and start < t.end for t in out):
            continue
        before = [k for k, t in enumerate(out) if t.end <= start]
        k = before[-1] if before else None
        prev = out[k] if k is not None else None
        if (prev is not None and k is not None and re.fullmatch(r"\s+", text[prev.end:start])
                and prev.precision in ("season", "month", None) and "/" not in (prev.value or "")):
            joined = tag(f"{prev.text} {y}")  # "весною 1648": the season of that year
            if (len(joined) == 1 and joined[0].value and joined[0].start == 0
                    and _SEASON_OR_MONTH.match(joined[0].value)):
                j = joined[0]
                out[k] = replace(prev, end=end, text=text[prev.start:end], value=j.value,
                                 begin=j.begin, end_date=j.end_date, precision=j.precision,
                                 source="text", anchor=None)
                continue
        if m.group("p") is None:
            continue
        out.append(_year_timex(text, start, end, y))
    return sorted(out, key=lambda t: t.start)


_LAST_CENTURY = re.compile(rf"{L}{alt(WORDS['last_century'])}(?![\w{APOS}])", re.I)
_DECADE_VALUE = re.compile(r"^\d\d(?P<d>\d)X$")


def last_century(text: str, timexes: list[Timex], anchor: str | None) -> list[Timex]:
    """"у 30-х роках минулого століття", "на початку минулого століття": the century before
    the time of writing (the 20th without a document date), whatever the narrative's is."""
    century = int(anchor[:4]) // 100 - 1 if anchor and anchor[:4].isdigit() else 19
    out = list(timexes)
    for m in _LAST_CENTURY.finditer(text):
        before = [k for k, t in enumerate(out) if t.end <= m.start()]
        k = before[-1] if before else None
        prev = out[k] if k is not None else None
        if (prev is not None and re.fullmatch(r"\s+", text[prev.end:m.start()])
                and (dec := _DECADE_VALUE.match(prev.value or "")) is not None):
            first_year = century * 100 + int(dec.group("d")) * 10
            a, b = decade_days(first_year)
            out[k] = replace(prev, end=m.end(), text=text[prev.start:m.end()],  # type: ignore[index]
                             value=f"{first_year // 10:03d}X", begin=a.iso, end_date=b.iso)
            continue
        if any(t.start < m.end() and m.start() < t.end for t in out):
            continue
        window = max(0, m.start() - 24)
        part = LEFT_PART_RE.search(text[window:m.start()].lower())
        start = window + part.start() if part else m.start()
        value, (a, b) = century_days(century + 1)
        out.append(Timex(start=start, end=m.end(), text=text[start:m.end()], value=value,
                         begin=a.iso, end_date=b.iso, precision="century",
                         source="narrative"))
    return sorted(out, key=lambda t: t.start)


_PREP_YEAR = re.compile(
    rf"{L}{alt(WORDS['date_prepositions'])}\s+(?P<y>1[0-9]{{3}}|20[0-9]{{2}})(?![\w{APOS}]|[.,]\d)", re.I)


# A part of a year before a bare year ("На початку 1855 до коаліції", "На поч. 1855").
_PART_YEAR = re.compile(
    rf"{L}(?P<p>{alt(list(PARTS) + list(WORDS['part_abbreviations']))})\s+"
    rf"(?P<y>1[0-9]{{3}}|20[0-9]{{2}})(?![\w{APOS}]|[.,]\d)", re.I)


def _year_timex(text: str, start: int, end: int, y: int) -> Timex:
    """The year ``y`` written at text[start:end], as the text gives it."""
    return Timex(start=start, end=end, text=text[start:end], value=f"{y:04d}",
                 begin=f"{y:04d}-01-01", end_date=f"{y:04d}-12-31", precision="year",
                 source="text")


def years_before_clauses(doc: Doc, timexes: list[Timex]) -> list[Timex]:
    """"у 1999 очолив міністерство", "у 2013 фірма повідомила", "до 2018 був": a bare
    four-digit number after a preposition is a year when a verb, a capitalised word or a
    noun in the nominative follows it (a count would govern a genitive: "у 2000 гривень"),
    which the rules, reading no morphology, leave alone."""
    taken = [(t.start, t.end) for t in timexes]
    extra = []
    text = doc.text
    for m in _PREP_YEAR.finditer(text):
        start, end = m.start("y"), m.end("y")
        if any(a < end and start < b for a, b in taken) or int(m.group("y")) > 2100:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        after = doc[span.end] if span is not None and span.end < len(doc) else None
        if after is None:
            continue
        tags = after._.tags
        if any("gent" in t for t in tags):
            continue  # "близько 1000 видів": a count may govern it
        nominative = int(m.group("y")) % 10 != 1 and any(
            t.startswith("NOUN") and "nomn" in t for t in tags)
        if not (after.text[:1].isupper() or nominative or any(t.startswith("VERB") for t in tags)):
            continue
        y = int(m.group("y"))
        if text[m.start()] in _SENTENCE_PREPS and m.start("y") - m.start() == 2:
            start = m.start()  # "У 1654": a capitalised one-letter preposition, as "У 1654 р."
        extra.append(_year_timex(text, start, end, y))
    taken += [(t.start, t.end) for t in extra]
    for m in _PART_YEAR.finditer(text):
        # "На початку 1855 до коаліції приєдналося": after a part word a bare four-digit
        # number is a year unless a genitive noun follows it (a count of something)
        start, end = m.span("y")
        if any(a < end and start < b for a, b in taken) or int(m.group("y")) > 2100:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        after = doc[span.end] if span is not None and span.end < len(doc) else None
        if after is not None and not any(t.startswith("PREP") for t in after._.tags) and any(
                t.startswith("NOUN") and "gent" in t for t in after._.tags):
            continue  # (not "до", which may also be read as a noun)
        extra.append(_year_timex(text, m.start(), end, int(m.group("y"))))
    taken += [(t.start, t.end) for t in extra]
    for m in _BARE_YEAR.finditer(text):
        # "утворили 1792 Торговицьку конфедерацію": encyclopedic style, a bare year between
        # a verb and a capitalised word (a count would be followed by its noun)
        start, end = m.span("y")
        if any(a < end and start < b for a, b in taken):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.start == 0 or span.end >= len(doc):
            continue
        before, after = doc[span.start - 1], doc[span.end]
        if not (after.text[:1].isupper() and not after.is_sent_start
                and not any("gent" in t for t in after._.tags)
                and any(t.startswith("VERB") for t in before._.tags)):
            continue
        y = int(m.group("y"))
        extra.append(_year_timex(text, start, end, y))
    return sorted(timexes + extra, key=lambda t: t.start) if extra else timexes


_BARE_YEAR = re.compile(r"(?<![\w.,:/-])(?P<y>1[0-9]{3}|20[0-9]{2})(?![\w'’ʼ]|[.,]\d)")
