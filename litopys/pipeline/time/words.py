"""The time tagger's words, read from ``litopys/lang/<lang>/time.yaml``.

The tagger reads Ukrainian prose that often holds Russian forms left by machine
translation, so it loads the Ukrainian file and then the Russian one and merges
them key by key (lists are joined, mappings merged). The grammar in
``grammar.py`` and the rules hold no words of their own.

DOCS: docs/TIME.md
"""

from __future__ import annotations

import re
from typing import Any

from litopys.lang import load

#: The languages whose time words the tagger reads, in merge order: Ukrainian, the
#: Russian forms machine translation leaves, English dates quoted from posts.
LANGUAGES: tuple[str, ...] = ("uk", "ru", "en")


def merge(a: Any, b: Any) -> Any:
    """Merge two parsed YAML trees: lists are joined, mappings merged, ``a``'s scalars win.

    a (Any): the first tree (e.g. the Ukrainian words).
    b (Any): the second tree (e.g. the Russian words).
    RETURNS (Any): a new merged tree.
    """
    if isinstance(a, dict) and isinstance(b, dict):
        out = dict(a)
        for k, v in b.items():
            out[k] = merge(a[k], v) if k in a else v
        return out
    if isinstance(a, list) and isinstance(b, list):
        return a + b
    return a if a is not None else b


def time_words(languages: tuple[str, ...] = LANGUAGES) -> dict[str, Any]:
    """The merged time words of the given languages.

    languages (tuple[str, ...]): language codes, the first one's words first.
    RETURNS (dict[str, Any]): key -> words.
    """
    out: dict[str, Any] = {}
    for lang in languages:
        out = merge(out, load("time", lang))
    return out


WORDS: dict[str, Any] = time_words()


def date_phrase(value: str | None, lang: str = LANGUAGES[0]) -> str:
    """A one-sentence paragraph naming the date a value starts with ("" if none).

    Used to carry the narrative time into the next chunk of a long text.

    value (str | None): "1932", "1932-12" or "1932-12-12..." (or None).
    lang (str): the language of the phrase.
    RETURNS (str): e.g. "12 грудня 1932 року.\\n\\n".
    """
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    if not m:
        return ""
    words = load("time", lang)
    phrases, names = words["date_phrases"], words["month_names"]
    year, month, day = m.group(1), m.group(2), m.group(3)
    mon = int(month) if month else 0
    if not 1 <= mon <= 12:
        return phrases["year"].format(year=year) + "\n\n"
    if day:
        return phrases["day"].format(day=int(day), month=names["genitive"][mon - 1],
                                     year=year) + "\n\n"
    return phrases["month"].format(month=names["nominative"][mon - 1], year=year) + "\n\n"
