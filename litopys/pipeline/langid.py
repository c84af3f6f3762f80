"""The language of a document and of each of its paragraphs.

A text is scored for every language that has ``litopys/lang/<code>/langid.yaml``:
its letters that the other languages lack ("ы", "ї") and its function words that
they do not share ("что", "що") each add a weight; the language with the highest
score wins. A paragraph (text between blank lines) without any such letter or word
takes the language of the document; the document's language is the one whose
paragraphs hold the most characters (the default language when no paragraph says).
No word of any language is written here: adding a language means adding its file.

    >>> identify("Договор был подписан в Москве.")
    'ru'
    >>> identify("Договір було підписано в Москві.")
    'uk'

DOCS: docs/RUSSIAN.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from litopys.lang import DEFAULT_LANGUAGE, languages, load

_WORD_RE = re.compile(r"[^\W\d_]+")
_PARAGRAPH_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True)
class Model:
    """One language's evidence: distinctive letters and function words with weights."""

    code: str
    letters: frozenset[str]
    words: frozenset[str]
    letter_weight: float
    word_weight: float


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's span [start, end) in the text and its language code."""

    start: int
    end: int
    language: str

    def to_dict(self) -> dict[str, int | str]:
        return {"start": self.start, "end": self.end, "language": self.language}


@lru_cache(maxsize=1)
def models() -> tuple[Model, ...]:
    """The language models of every language with a ``langid.yaml``."""
    out = []
    for code in languages():
        try:
            data = load("langid", code)
        except FileNotFoundError:
            continue
        out.append(Model(code=code, letters=frozenset(data["letters"]),
                         words=frozenset(w.lower() for w in data["function_words"]),
                         letter_weight=float(data["letter_weight"]),
                         word_weight=float(data["word_weight"])))
    return tuple(out)


def scores(text: str) -> dict[str, float]:
    """The evidence for each language in a text (0 for a language with none).

    text (str): any text.
    RETURNS (dict[str, float]): language code -> score.
    """
    low = text.lower()
    words = _WORD_RE.findall(low)
    out: dict[str, float] = {}
    for m in models():
        letters = sum(low.count(c) for c in m.letters)
        hits = sum(1 for w in words if w in m.words)
        out[m.code] = letters * m.letter_weight + hits * m.word_weight
    return out


def identify(text: str, default: str | None = None) -> str:
    """The language of a text: the highest score, or ``default`` when no language has any
    evidence or two tie.

    text (str): any text.
    default (str | None): the answer when the text does not say (None: the default
        language of ``litopys.lang``).
    RETURNS (str): a language code.
    """
    return _best(text) or default or DEFAULT_LANGUAGE


def _best(text: str) -> str | None:
    """The language with the highest score; None when none has evidence or two tie."""
    ranked = sorted(scores(text).items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the paragraphs of a text (cut at blank lines), without
    the blank lines; a text without blank lines is one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH_RE.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def detect(text: str, default: str | None = None) -> tuple[str, list[Paragraph]]:
    """The language of a document and of each of its paragraphs.

    text (str): the document text (offsets of the paragraphs point into it).
    default (str | None): the language when nothing in the text says (None: ``uk``).
    RETURNS (tuple[str, list[Paragraph]]): the document language and its paragraphs.
    """
    fallback = default or DEFAULT_LANGUAGE
    found: list[tuple[int, int, str | None]] = []
    weight: dict[str, int] = {}
    for start, end in paragraph_spans(text):
        lang = _best(text[start:end])
        found.append((start, end, lang))
        if lang:
            weight[lang] = weight.get(lang, 0) + (end - start)
    if weight:
        best = max(weight.values())
        tied = [code for code, w in weight.items() if w == best]
        language = tied[0] if len(tied) == 1 else identify(text, fallback)
    else:
        language = fallback
    return language, [Paragraph(s, e, lang or language) for s, e, lang in found]
