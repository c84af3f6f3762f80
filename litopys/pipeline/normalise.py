"""Normalise: make the text easier to analyse, keeping a map back to the original.

What it does (each rule is a *why*):
- apostrophe variants (’ ʼ ` ‘ ′) become ``'`` so that "з'ясувати" is one word
  to the tokenizer and the dictionaries;
- Latin look-alike letters inside Cyrillic words become Cyrillic (OCR and
  careless typing mix them, and then no dictionary matches);
- Russian-only letters that machine translation leaves (ы, э, ё, ъ) become their
  nearest Ukrainian letters, so that morphology can guess a lemma;
- soft hyphens and zero-width characters are dropped, and so are the combining
  stress marks of dictionaries and Wikipedia ("Лока́рнські" is "Локарнські");
- a word broken at a line end ("Пет- люра", "Падерев-\nський") is joined again,
  unless the next word is a conjunction ("північно- та південно-західний");
- footnote marks glued to a word ("Республики[1]") are dropped;
- a bracket glued to a word and opening another ("Собеський[pl. Jan Sobieski]") gets a
  space before it;
- an ALL-CAPS heading ("КЮЧУК-КАЙНАРДЖІЙСЬКИЙ МИРНИЙ ДОГОВІР") is written in
  sentence case ("Кючук-Кайнарджійський мирний договір"), keeping abbreviations
  ("СРСР") and proper names, so its words are not read as abbreviations;
- a number glued to "р."/"рр."/"г." ("1932р.") gets a space, so the year and the
  abbreviation are separate tokens, and so does a number glued to a capitalised word (a
  page's view counter: "112413Битва") and an initial glued to a surname ("М.Саакашвілі":
  the tokenizer keeps it one token, which a run of names then swallows).

The map ``OffsetMap`` sends every offset of the normalised text to an offset in
the original, so all spans litopys reports point into the text as written.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import lru_cache

from litopys.lang import each_language, load
from litopys.pipeline.morph import parses

APOSTROPHES = "’ʼ`‘′´"
LATIN_TO_CYR = str.maketrans(
    {"a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у",
     "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М",
     "O": "О", "P": "Р", "T": "Т", "X": "Х"}
)


def _language_data(key: str) -> list:
    """The values under ``key`` in every language's ``entities`` file."""
    return each_language("entities", key)


# letters of other Cyrillic alphabets -> the nearest letter of the text's language
FOREIGN_LETTERS = str.maketrans(
    {a: b for table in _language_data("foreign_letters") for a, b in dict(table).items()})


@lru_cache(maxsize=8)
def foreign_letters(language: str | None) -> dict[int, str]:
    """The letter rewrites for a text in ``language`` (its own ``foreign_letters``); None:
    those of every language joined (a text of unknown language)."""
    if language is None:
        return FOREIGN_LETTERS
    try:
        table = load("entities", language).get("foreign_letters") or {}
    except FileNotFoundError:
        return FOREIGN_LETTERS
    return str.maketrans(dict(table))
DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060",
        "\u0300", "\u0301"}  # combining grave and acute: stress marks

_MIXED_WORD = re.compile(r"\b(?=\w*[а-яіїєґА-ЯІЇЄҐ])(?=\w*[a-zA-Z])\w+\b")
_YEAR_ABBREVIATIONS = sorted({w for ws in _language_data("year_abbreviations") for w in ws},
                             key=lambda w: (-len(w), w))
_GLUED_YEAR = re.compile(r"(?<=\d)(?=(?:" + "|".join(map(re.escape, _YEAR_ABBREVIATIONS))
                         + r")\.)")
# "Пет- люра", "Падерев-\n ський": a hyphen at a line break (or before a space) inside a
# lower-case word continuation
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n?[ \t]*(?=([^\W\d_A-ZА-ЯІЇЄҐ]+))")
_FOOTNOTE = re.compile(r"(?<=[^\W\d_]|[.,;:»\"')])\[\d{1,3}\]")
# a bracket glued to the word before it and opening a word ("Собеський[pl. Jan Sobieski]",
# "Варшава(пол. Warszawa)"): the tokenizer keeps "Собеський[pl" one token
_GLUED_BRACKET = re.compile(r"(?<=[^\W\d_])[\[(](?=[^\W\d_])")
# "112413Битва": a page's view counter or a list number glued to a capitalised word
_GLUED_NUMBER = re.compile(r"(?<=\d)(?=[А-ЯІЇЄҐ][а-яіїєґ'])")
# "М.Саакашвілі": a capital initial glued to a capitalised word of three letters or more
_GLUED_INITIAL = re.compile(r"(?<![^\W\d_])[А-ЯІЇЄҐ]\.(?=[А-ЯІЇЄҐ][а-яіїєґ'’]{2})")
# a run of two or more all-capital words (hyphens, digits and apostrophes inside)
_CAPS_WORD = r"[^\W\d_a-zа-яіїєґ]+(?:['-][^\W\d_a-zа-яіїєґ]+)*"
_CAPS_RUN = re.compile(rf"\b{_CAPS_WORD}(?:[ \t]+(?:{_CAPS_WORD}|\d+))*\b")
_APOS_IN_WORD = re.compile(r"(?<=[^\W\d_])[" + APOSTROPHES + r"](?=[^\W\d_])")


@dataclass
class OffsetMap:
    """Maps offsets of the normalised text to offsets of the original.

    to_orig (array): ``to_orig[i]`` is the original offset of normalised
        offset ``i``; it has ``len(normalised) + 1`` entries.
    """

    to_orig: array

    def __call__(self, i: int) -> int:
        return self.to_orig[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) span to the original text."""
        if end <= start:
            s = self.to_orig[start]
            return s, s
        # the end maps through the last character, so dropped characters
        # after the span do not stretch it
        return self.to_orig[start], self.to_orig[end - 1] + 1

    @property
    def identity(self) -> bool:
        return all(v == i for i, v in enumerate(self.to_orig))


def normalise(text: str, language: str | None = None) -> tuple[str, OffsetMap]:
    """Normalise a text.

    text (str): the original text.
    language (str | None): its language (langid.py): which letters of other alphabets
        to rewrite; None for those of every language.
    RETURNS (tuple[str, OffsetMap]): the normalised text and the offset map.
    """
    # 1. length-preserving character rewrites
    chars = list(text)
    for m in _APOS_IN_WORD.finditer(text):
        chars[m.start()] = "'"
    for m in _MIXED_WORD.finditer(text):
        word = m.group(0)
        cyr = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
        if cyr >= len(word) / 2:
            for k, c in enumerate(word.translate(LATIN_TO_CYR)):
                chars[m.start() + k] = c
    rewritten = "".join(chars).translate(foreign_letters(language))
    rewritten = _sentence_case_headings(rewritten)

    # 2. insertions and deletions, recorded in the offset map
    inserts = {m.start() for m in _GLUED_YEAR.finditer(rewritten)}
    inserts |= {m.start() for m in _GLUED_BRACKET.finditer(rewritten)}
    inserts |= {m.start() for m in _GLUED_NUMBER.finditer(rewritten)}
    inserts |= {m.end() for m in _GLUED_INITIAL.finditer(rewritten)}
    dropped: set[int] = set()
    for m in _BROKEN_WORD.finditer(rewritten):
        if m.end() > m.start() + 1 and \
                m.group(1).lower() not in _conjunctions():
            dropped.update(range(m.start(), m.end()))
    for m in _FOOTNOTE.finditer(rewritten):
        dropped.update(range(m.start(), m.end()))
    out: list[str] = []
    to_orig = array("l")
    for i, c in enumerate(rewritten):
        if i in inserts:
            out.append(" ")
            to_orig.append(i)
        if c in DROP or i in dropped:
            continue
        out.append(c)
        to_orig.append(i)
    to_orig.append(len(text))
    return "".join(out), OffsetMap(to_orig)


def _conjunctions() -> frozenset[str]:
    """Conjunctions after a suspended hyphen ("північно- та південно-західний")."""
    return frozenset(w for ws in _language_data("name_conjunctions") for w in ws) | \
        frozenset(w for ws in _language_data("suspended_hyphen_words") for w in ws)


# Roman numerals, with the letters of other scripts written for them ("ХІХ" in Cyrillic):
# a century or a month in capitals ("XVII-XVIII ст.") is no heading word.
_ROMAN_LETTERS = "IVXLCDM" + "".join(
    str(k).upper() for table in each_language("time", "roman_lookalikes") for k in dict(table))
_ROMAN_WORD = re.compile(rf"[{_ROMAN_LETTERS}]+(?:[-–—][{_ROMAN_LETTERS}]+)*")


def _heading_word(word: str) -> bool:
    """An all-capital word that is an ordinary word written in capitals (a heading's
    "ДОГОВІР"), not an abbreviation ("СРСР", "НБСЄ"), a Roman numeral ("XVII-XVIII") or
    a short unknown word."""
    if _ROMAN_WORD.fullmatch(word):
        return False
    ps = parses(word)
    if any("Abbr" in str(p.tag) for p in ps):
        return False
    if any(p.is_known for p in ps):
        return len(word) >= 4
    return len(word) >= 6


def _case_word(word: str, first: bool) -> str:
    """One word of a heading in sentence case: the first word and proper names are
    capitalised, abbreviations stay, other words go lower case."""
    parts = word.split("-")
    out = []
    for k, part in enumerate(parts):
        bare = part.replace("'", "")
        if not bare.isalpha() or _ROMAN_WORD.fullmatch(part):
            out.append(part)
            continue
        ps = parses(part)
        if any("Abbr" in str(p.tag) for p in ps) or (len(parts) == 1 and len(bare) <= 5
                                                     and not any(p.is_known for p in ps)):
            out.append(part)  # an abbreviation
        elif (first and k == 0) or k > 0 and out and out[0][:1].isupper() or \
                not any(p.is_known for p in ps) or _proper(part):
            out.append(part[:1] + part[1:].lower())
        else:
            out.append(part.lower())
    return "-".join(out)


def _proper(word: str) -> bool:
    """Is the (capitalised) word a name of a place or a state in the gazetteer?"""
    from litopys.data.gazetteer import load_gazetteer

    return any(h.kind != "adjective" for h in load_gazetteer().lookup(word.lower()))


def _sentence_case_headings(text: str) -> str:
    """Rewrite ALL-CAPS headings in sentence case (same length, so offsets hold)."""
    if not _CAPS_RUN.search(text):
        return text
    chars = None
    for m in _CAPS_RUN.finditer(text):
        words = m.group(0).split()
        if not any(_heading_word(w) for w in words if w.isalpha() or "-" in w or "'" in w):
            continue
        if chars is None:
            chars = list(text)
        pos = m.start()
        first = True
        for w in words:
            k = text.index(w, pos)
            new = _case_word(w, first) if not w.isdigit() else w
            chars[k : k + len(w)] = new
            pos = k + len(w)
            first = False
    return text if chars is None else "".join(chars)
