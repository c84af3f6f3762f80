"""Normalise: make the text easier to analyse, keeping a map back to the original.

What it does (each rule is a *why*):
- apostrophe variants (’ ʼ ` ‘ ′) become ``'`` so that "з'ясувати" is one word
  to the tokenizer and the dictionaries;
- Latin look-alike letters inside Cyrillic words become Cyrillic (OCR and
  careless typing mix them, and then no dictionary matches);
- Russian-only letters that machine translation leaves (ы, э, ё, ъ) become their
  nearest Ukrainian letters, so that morphology can guess a lemma;
- soft hyphens and zero-width characters are dropped;
- a number glued to "р."/"рр."/"г." ("1932р.") gets a space, so the year and the
  abbreviation are separate tokens.

The map ``OffsetMap`` sends every offset of the normalised text to an offset in
the original, so all spans litopys reports point into the text as written.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from litopys.lang import languages, load

APOSTROPHES = "’ʼ`‘′´"
LATIN_TO_CYR = str.maketrans(
    {"a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у",
     "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М",
     "O": "О", "P": "Р", "T": "Т", "X": "Х"}
)


def _language_data(key: str) -> list:
    """The values under ``key`` in every language's ``entities`` file."""
    out = []
    for lang in languages():
        try:
            out.append(load("entities", lang).get(key) or ())
        except FileNotFoundError:
            continue
    return out


# letters of other Cyrillic alphabets -> the nearest letter of the text's language
FOREIGN_LETTERS = str.maketrans(
    {a: b for table in _language_data("foreign_letters") for a, b in dict(table).items()})
DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"}

_MIXED_WORD = re.compile(r"\b(?=\w*[а-яіїєґА-ЯІЇЄҐ])(?=\w*[a-zA-Z])\w+\b")
_YEAR_ABBREVIATIONS = sorted({w for ws in _language_data("year_abbreviations") for w in ws},
                             key=lambda w: (-len(w), w))
_GLUED_YEAR = re.compile(r"(?<=\d)(?=(?:" + "|".join(map(re.escape, _YEAR_ABBREVIATIONS))
                         + r")\.)")
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


def normalise(text: str) -> tuple[str, OffsetMap]:
    """Normalise a text.

    text (str): the original text.
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
    rewritten = "".join(chars).translate(FOREIGN_LETTERS)

    # 2. insertions and deletions, recorded in the offset map
    inserts = {m.start() for m in _GLUED_YEAR.finditer(rewritten)}
    out: list[str] = []
    to_orig = array("l")
    for i, c in enumerate(rewritten):
        if i in inserts:
            out.append(" ")
            to_orig.append(i)
        if c in DROP:
            continue
        out.append(c)
        to_orig.append(i)
    to_orig.append(len(text))
    return "".join(out), OffsetMap(to_orig)
