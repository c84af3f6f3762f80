"""Decades and centuries: "у 30-х роках", "тридцятих років XX ст.", "XVII–XVIII ст.", "V ст. до н. е."."""

from __future__ import annotations

import re

from litopys.pipeline.time.grammar import (
    AND,
    BCE,
    CENTURY,
    CENTURY0,
    CENTURY_NUM0,
    CENTURY_SFX,
    DAY_WORDS,
    DECADE_UNITS,
    DECADE_WORDS,
    PART_WORDS,
    ROMAN_NUM,
    ROMAN_SPACE,
    TO,
    Ctx,
    Hit,
    R,
    Res,
    alt,
    century_number,
    left_prep,
    norm,
    page_before,
    pattern,
    roman_case_ok,
    table,
)
from litopys.pipeline.time.values import century_days, decade_days
from litopys.pipeline.time.words import WORDS

# Century words that, after Arabic digits, are rarely a century ("5 в.").
_WEAK = WORDS["weak_century_words"]
_WEAK_CENTURY_RE = re.compile(rf"\d\s*{alt(_WEAK, bound=False)}$" if _WEAK else r"(?!)")

_DECADE_YEAR = alt(WORDS["decade_year_words"])


@pattern(
    "decade",
    rf"(?P<y>[0-9](?<![\w.,:].)[0-9](?:[0-9]{{2}})?)[-–]?(?P<sfx>{alt(WORDS['decade_suffixes'], bound=False)}){R}"
    rf"(?:\s*(?P<ys>{_DECADE_YEAR}))?(?:\s+(?P<c>{CENTURY}))?",
    rf"(?P<w>{alt(list(DECADE_WORDS))})(?:\s+(?P<ws>{_DECADE_YEAR}))?(?:\s+(?P<wc>{CENTURY}))?",
    word_start=True,
)
def _decade(m: re.Match[str], text: str, orig: str) -> Hit | None:
    if "w" in m.re.groupindex:
        if not roman_case_ok(m, "wc", orig):
            return None
    elif not roman_case_ok(m, "c", orig):
        return None
    if "w" in m.re.groupindex:
        dec, cent_s, full = DECADE_WORDS[norm(m.group("w"))], m.group("wc"), None
        if dec >= 1000:  # "у двотисячних": a word for one decade with its century
            dec, cent_s, full = dec % 100, None, dec
        if not (m.group("ws") or cent_s or left_prep(text, m.start())):
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
            if not (has_years or cent_s or left_prep(text, m.start())):
                return None
    cent = century_number(cent_s) if cent_s else None

    def resolve(ctx: Ctx) -> Res:
        source, anchor = "text", None
        if full is not None:
            y0 = full
        elif cent is not None:
            y0 = (cent - 1) * 100 + dec
        elif ctx.ref is not None and ctx.ref.year > 0:
            y0 = _decade_of(dec, ctx.ref.year)
            source, anchor = "narrative", ctx.ref.value
        else:
            y0 = 1900 + dec  # historical prose without a century means the 20th
        first, last = decade_days(y0)
        return Res(f"{y0 // 10:03d}X", first.iso, last.iso, "decade", source, anchor)

    return Hit(m.start(), m.end(), resolve, None, "decade")


def _decade_of(dec: int, ref_year: int) -> int:
    """The first year of a decade written without its century ("80-х"), by the narrative
    year: before 1900 the narrative's own century ("60-х" in a text about 1667 = 1660s);
    from 1900 on the 20th century, as texts written since look back on it ("в конце
    80-х" in a text about 1939 = 1980s), and the 21st for a decade not yet over at the
    narrative time ("10-х" in a text about 2014)."""
    if ref_year < 1900:
        return (ref_year // 100) * 100 + dec
    if ref_year >= 2000 and 2000 + dec <= ref_year:
        return 2000 + dec
    return 1900 + dec


_DECADE_SFX = rf"[-–]?{alt(WORDS['decade_suffixes'], bound=False)}{R}"


@pattern(
    "decade_range",
    rf"(?P<a>[0-9](?<![\w.,:].)[0-9](?:[0-9]{{2}})?)(?:{_DECADE_SFX})?\s*[-–—]\s*"
    rf"(?P<b>[0-9]{{2}}(?:[0-9]{{2}})?){_DECADE_SFX}(?:\s*(?P<ys>{_DECADE_YEAR}))?(?:\s+(?P<c>{CENTURY}))?",
    # "наприкінці 1980-х – на початку 1990-х років": a part word before the second decade
    rf"(?P<a>[0-9](?<![\w.,:].)[0-9](?:[0-9]{{2}})?){_DECADE_SFX}\s*[-–—]\s*(?:{PART_WORDS})\s+"
    rf"(?P<b>[0-9]{{2}}(?:[0-9]{{2}})?){_DECADE_SFX}(?:\s*(?P<ys>{_DECADE_YEAR}))?(?:\s+(?P<c>{CENTURY}))?",
)
def _decade_range(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"60—80-х рр. 17 ст.", "1920—30-х": from the first year of one decade to the last of another."""
    if not roman_case_ok(m, "c", orig):
        return None
    a, b = m.group("a"), m.group("b")
    if int(a) % 10 or int(b) % 10 or (len(a) == 2 and len(b) == 4):
        return None
    cent = century_number(m.group("c")) if m.group("c") else None
    if len(a) == 4:
        base = int(a) // 100 * 100
    elif cent is not None:
        base = (cent - 1) * 100
    elif m.group("ys") or left_prep(text, m.start()):
        base = 1900  # as a decade without a century: historical prose means the 20th
    else:
        return None
    y1 = base + int(a) % 100
    y2 = int(b) if len(b) == 4 else base + int(b)
    if y2 <= y1:
        return None
    first, last = decade_days(y1)[0], decade_days(y2)[1]
    return Hit(m.start(), m.end(),
               lambda ctx: Res(f"{y1:04d}/{y2 + 9:04d}", first.iso, last.iso, "range"),
               None, "decade")


_ORDINALS = {w: n for w, n in DAY_WORDS.items() if n <= 10}


@pattern(
    "century_decade",
    rf"(?P<o>{alt(list(_ORDINALS))})\s+(?P<u>{alt(list(DECADE_UNITS))})\s+(?P<c>{CENTURY})",
    word_start=True,
)
def _century_decade(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"першого десятиліття XVIII ст.": the n-th decade of a century."""
    if not roman_case_ok(m, "c", orig):
        return None
    cent = century_number(m.group("c"))
    if not cent or cent > 21:
        return None
    y0 = (cent - 1) * 100 + (_ORDINALS[norm(m.group("o"))] - 1) * 10
    first, last = decade_days(y0)
    return Hit(m.start(), m.end(),
               lambda ctx: Res(f"{y0 // 10:03d}X", first.iso, last.iso, "decade"), None, "decade")


@pattern(
    "century",
    rf"(?P<c>{CENTURY0})(?P<bce>{BCE})?",
    rf"(?P<c1>{CENTURY_NUM0}){CENTURY_SFX}?\s*"
    rf"(?:[-–—]|\s(?:{AND}|{TO})\s)\s*(?P<c>{CENTURY})(?P<bce>{BCE})?",
    # "кінець XIX — початок XX ст.": the part word of the first is outside (the tagger
    # extends the span to it), the second's part word stands between
    rf"(?P<c1>{CENTURY_NUM0}){CENTURY_SFX}?\s*(?:[-–—]|\s{AND})\s*(?:{PART_WORDS})\s+"
    rf"(?P<c>{CENTURY})(?P<bce>{BCE})?",
)
def _century(m: re.Match[str], text: str, orig: str) -> Hit | None:
    c1s = m.group("c1") if "c1" in m.re.groupindex else None
    if not (roman_case_ok(m, "c", orig) and (c1s is None or roman_case_ok(m, "c1", orig))):
        return None
    for num in (c1s, m.group("c")):
        if num and not re.match(ROMAN_NUM, num):
            return None
    if re.match(ROMAN_SPACE, m.group("c")):
        return None  # "Іст" in "Вест Іст Груп": a Roman numeral is followed by a space
    c2 = century_number(m.group("c"))
    c1 = century_number(c1s) if c1s else None
    if m.group("c")[0].isdigit() and (
        page_before(text, m.start()) or re.match(r"\s*\d", text[m.end() : m.end() + 3])
    ):
        return None  # "ч. 1 ст. 172": an article of a code, not a century
    bce = bool(m.group("bce"))
    if c1 is not None and bce:
        c1, c2 = c2, c1  # "IV–III ст. до н. е.": BCE centuries count down
    if not c2 or c2 > 21 or (c1 is not None and not 0 < c1 < c2):
        return None
    if re.match(r"\d", m.group("c")) and _WEAK_CENTURY_RE.search(m.group("c")):
        return None  # "5 в." with Arabic digits is rarely a century

    def cvalue(c: int) -> tuple[str, str, str]:
        value, (first, last) = century_days(c, bce)
        return value, first.iso, last.iso

    def resolve(ctx: Ctx) -> Res:
        v2, b2, e2 = cvalue(c2)
        if c1 is None:
            return Res(v2, b2, e2, "century")
        v1, b1, e1 = cvalue(c1)
        if bce:
            return Res(f"{v2}/{v1}", b2, e1, "range")
        return Res(f"{v1}/{v2}", b1, e2, "range")

    return Hit(m.start(), m.end(), resolve, None, "century")



_CENTURY_ORDINALS: dict[str, int] = {
    w: int(k) for w, k in table(WORDS["century_ordinals"]).items()
}
_CENTURY_WORDS = alt(WORDS["century_words"])


@pattern(
    "century_in_words",
    rf"(?P<o>{alt(list(_CENTURY_ORDINALS))})\s+(?P<w>{_CENTURY_WORDS})",
    word_start=True,
)
def _century_in_words(m: re.Match[str], text: str, orig: str) -> Hit | None:
    """"у сімнадцятому столітті", "семнадцатого века": a century in words."""
    value, (first, last) = century_days(_CENTURY_ORDINALS[norm(m.group("o"))], False)
    return Hit(m.start(), m.end(),
               lambda ctx: Res(value, first.iso, last.iso, "century"), None, "century")
