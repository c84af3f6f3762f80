"""Morphology helpers around pymorphy3, cached per word form and language.

pymorphy3's Ukrainian dictionary gives every parse the same score, so the
helpers here choose parses by what the caller needs (a case, a name tag)
rather than trusting the first one.

The analyser is the one of the language being read: the pipeline runs each
document inside ``with morph_language(document.language):`` (Ukrainian outside
any), and every cache keyed by a word form is keyed by the language too
(:func:`language_cache`), so Ukrainian and Russian documents in one process
never see each other's parses.

A document may hold paragraphs of another language (a Russian quotation in a
Ukrainian text). Inside ``with paragraph_words(...)`` a word form that occurs
only in such paragraphs is read with the analyser of its paragraphs' language
by every helper and cache here (:func:`word_languages` builds the map); the
other words keep the document's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache, wraps
from typing import Any, TypeVar

import pymorphy3

from litopys.lang import DEFAULT_LANGUAGE, load

_LANGUAGE: ContextVar[str] = ContextVar("morph_language", default=DEFAULT_LANGUAGE)
# lower-cased word form -> its language, for the words of a document that occur only in
# paragraphs of another language than the document's (empty for one-language documents)
_WORD_LANGUAGE: ContextVar[dict[str, str] | None] = ContextVar("morph_word_language",
                                                              default=None)
# languages with a pymorphy3 dictionary (pymorphy3-dicts-<code>); others read as Ukrainian
MORPH_LANGUAGES = ("uk", "ru")
F = TypeVar("F", bound=Callable[..., Any])


def current_language() -> str:
    """The language whose morphology the helpers use now."""
    return _LANGUAGE.get()


# languages whose pymorphy3 dictionary ranks the parses of a word by frequency (the
# Ukrainian one gives every parse the same score, so no parse can be preferred there)
RANKED_LANGUAGES = ("ru",)


def parses_ranked(word: str | None = None) -> bool:
    """Is the first parse of a word its likeliest in the current language (or, given a
    word form, in the language it is read in: see :func:`paragraph_words`)?"""
    words = _WORD_LANGUAGE.get()
    if word is not None and words:
        return words.get(word.lower(), _LANGUAGE.get()) in RANKED_LANGUAGES
    return _LANGUAGE.get() in RANKED_LANGUAGES


@contextmanager
def morph_language(lang: str) -> Iterator[None]:
    """Read words with the analyser of ``lang`` inside the block (a language without a
    pymorphy3 dictionary reads as the default language)."""
    token = _LANGUAGE.set(lang if lang in MORPH_LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


@contextmanager
def paragraph_words(words: dict[str, str]) -> Iterator[None]:
    """Inside the block, read each word form of ``words`` (lower-cased form -> language)
    with the analyser of its language instead of the current one."""
    token = _WORD_LANGUAGE.set(words)
    try:
        yield
    finally:
        _WORD_LANGUAGE.reset(token)


def word_languages(words: Iterable[tuple[str, str]], language: str) -> dict[str, str]:
    """The word forms to read in another language than the document's.

    words (Iterable[tuple[str, str]]): (word form, language of its paragraph) for every
        word of a document.
    language (str): the document's language.
    RETURNS (dict[str, str]): lower-cased form -> language, for the forms that occur only
        in paragraphs of one other language that has a pymorphy3 dictionary.
    """
    seen: dict[str, set[str]] = {}
    for word, lang in words:
        seen.setdefault(word.lower(), set()).add(
            lang if lang in MORPH_LANGUAGES else DEFAULT_LANGUAGE)
    home = language if language in MORPH_LANGUAGES else DEFAULT_LANGUAGE
    return {w: next(iter(langs)) for w, langs in seen.items()
            if len(langs) == 1 and home not in langs}


def language_cache(maxsize: int) -> Callable[[F], F]:
    """``lru_cache`` keyed by the current morphology language as well as the arguments
    (for every cached function whose answer depends on a word's parses).

    The first argument is taken as a word form: inside :func:`paragraph_words`, a form
    listed there is read (with everything the function calls) in its own language.
    """
    def decorate(fn: F) -> F:
        @lru_cache(maxsize=maxsize)
        def keyed(lang: str, *args: Any, **kwargs: Any) -> Any:
            return fn(*args, **kwargs)

        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            words = _WORD_LANGUAGE.get()
            if words and args and isinstance(args[0], str):
                lang = _LANGUAGE.get()
                own = words.get(args[0].lower())
                if own is not None and own != lang:
                    token = _LANGUAGE.set(own)
                    try:
                        return keyed(own, *args, **kwargs)
                    finally:
                        _LANGUAGE.reset(token)
            # the hot path (~10 calls per token): one word, no keywords to pass on
            if len(args) == 1 and not kwargs:
                return keyed(_LANGUAGE.get(), args[0])
            return keyed(_LANGUAGE.get(), *args, **kwargs)

        wrapper.cache_clear = keyed.cache_clear  # type: ignore[attr-defined]
        wrapper.cache_info = keyed.cache_info  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]
    return decorate


@language_cache(maxsize=len(MORPH_LANGUAGES))
def slavic_surname_endings() -> tuple[str, ...]:
    """Endings of oblique forms of Slavic surnames that pymorphy3 guesses reliably, of
    the current language (for ``str.endswith``)."""
    return tuple(sorted(load("entities", _LANGUAGE.get()).get("slavic_surname_endings") or ()))


@language_cache(maxsize=len(MORPH_LANGUAGES))
def adverbs_first() -> frozenset[str]:
    """Words pymorphy3 also reads as prepositions that are adverbs in running prose
    ("Раніше Столтенберг підтвердив": "раніше" is no preposition), of the current language."""
    return frozenset(load("entities", _LANGUAGE.get()).get("adverbs_not_prepositions") or ())


NAME_TAGS = ("Name", "Surn", "Patr")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
UD_TO_PYMORPHY = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs",
                  "Ins": "ablt", "Loc": "loct", "Voc": "voct"}


def morph_analyzer(lang: str | None = None) -> pymorphy3.MorphAnalyzer:
    """The shared pymorphy3 analyser of a language (loaded once per process).

    lang (str | None): "uk" or "ru"; None for the current language (morph_language).
    """
    return _analyzer(lang or _LANGUAGE.get())


@lru_cache(maxsize=len(MORPH_LANGUAGES))
def _analyzer(lang: str) -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang=lang)


@language_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """All pymorphy3 parses of a lower-cased word form (none for what it cannot read)."""
    try:
        return tuple(morph_analyzer(_LANGUAGE.get()).parse(word.lower()))
    except ValueError:
        # pymorphy3 asks unicodedata for character names, and unassigned code
        # points have none
        return ()


@language_cache(maxsize=200_000)
def tags_of(word: str) -> tuple[str, ...]:
    """The tag strings of every parse of a word."""
    return tuple(str(p.tag) for p in parses(word))


@language_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """Is the word in pymorphy3's dictionary (not guessed)?"""
    ps = parses(word)
    return bool(ps) and any(p.is_known for p in ps)


def reads_as(word: str, lemmas: frozenset[str]) -> bool:
    """Is some pymorphy3 reading of the word one of these lemmas ("став" can be "стати";
    "Рада" is first read as "рад" but can be "рада")?"""
    # cached per word, not per (word, lemma set): the stages ask ~4 times per token
    # with ~20 different sets, which thrashed a (word, set) cache
    return not normal_forms(word).isdisjoint(lemmas)


@language_cache(maxsize=200_000)
def normal_forms(word: str) -> frozenset[str]:
    """The normal forms of every pymorphy3 parse of a word (empty for none)."""
    return frozenset(p.normal_form for p in parses(word))


def case_of(tag: str) -> str | None:
    for c in CASES:
        if c in tag:
            return c
    return None


@language_cache(maxsize=100_000)
def nominative(word: str, case: str | None = None, prefer: str | None = None,
               gender: str | None = None) -> str:
    """The nominative singular of a word form, keeping its capitalisation.

    word (str): the form as written ("Литвиновим", "народним").
    case (str | None): the pymorphy3 case the context requires, to pick a parse.
    prefer (str | None): a grammeme to prefer ("Surn", "Name", "ADJF", "NOUN").
    gender (str | None): for adjectives, the gender to agree with.
    RETURNS (str): the nominative form, or the word unchanged when unsure.
    """
    if not word or not word[0].isalpha():
        return word
    candidates = [p for p in parses(word) if p.is_known or (
        "Surn" in str(p.tag) and word.lower().endswith(slavic_surname_endings()))]
    if not candidates:
        return word
    if any("Fixd" in str(p.tag) for p in candidates if prefer and prefer in str(p.tag)):
        return word  # indeclinable: "Кеннеді", "Тальявіні"
    # a person's name word is singular: "Эдуард" is not the plural of "Эдуарда", whatever
    # gender the caller guessed from the other words
    name_word = prefer in NAME_TAGS

    def score(p) -> tuple[int, int, int, int, int]:  # type: ignore[no-untyped-def]
        t = str(p.tag)
        plural = 0 if "plur" not in t else 1
        return (
            0 if prefer and prefer in t else 1,
            plural if name_word else 0,
            0 if gender is None or gender in t or "Fixd" in t else 1,
            0 if case and case in t else 1,
            plural,
        )
    best = min(candidates, key=score)
    t = str(best.tag)
    if "nomn" in t and "plur" not in t:
        return word
    grams = {"nomn"}
    if "plur" in t and "Surn" not in t:
        grams.add("plur")
    elif best.tag.POS in ("ADJF", "PRTF") and gender:
        grams |= {gender, "sing"}
    else:
        grams.add("sing")
    inflected = best.inflect(grams)
    if inflected is None:
        inflected = best.inflect({"nomn"})
    if inflected is None:
        return word
    return match_case(inflected.word, word)


def match_case(new: str, like: str) -> str:
    """Give ``new`` the capitalisation pattern of ``like`` (part by part for hyphens)."""
    if like.isupper() and len(like) > 1:
        return new.upper()
    new_parts, like_parts = new.split("-"), like.split("-")
    if len(new_parts) == len(like_parts) > 1:
        return "-".join(match_case(a, b) for a, b in zip(new_parts, like_parts, strict=True))
    if like[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def gender_of(word: str, case: str | None = None) -> str | None:
    for p in parses(word):
        t = str(p.tag)
        if p.tag.POS == "NOUN" and (case is None or case in t):
            for g in ("masc", "femn", "neut"):
                if g in t:
                    return g
    return None
