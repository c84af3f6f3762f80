"""Morphology per language (litopys/pipeline/morph.py): the Russian analyser for Russian."""

from __future__ import annotations

import pytest

from litopys.pipeline.morph import (
    current_language,
    is_known,
    morph_language,
    nominative,
    paragraph_words,
    parses,
    parses_ranked,
    word_languages,
)


@pytest.mark.parametrize(("word", "prefer", "expected"), [
    ("Репниным", "Surn", "Репнин"),
    ("Екатерины", "Name", "Екатерина"),
    ("государства", None, "государство"),
])
def test_russian_nominative(word: str, prefer: str | None, expected: str) -> None:
    with morph_language("ru"):
        assert nominative(word, prefer=prefer) == expected


def test_caches_are_kept_apart_per_language() -> None:
    with morph_language("ru"):
        ru = {p.normal_form for p in parses("подписал")}
        assert is_known("подписал")
    uk = {p.normal_form for p in parses("подписал")}
    assert "подписать" in ru and "подписать" not in uk
    assert not is_known("подписал")
    with morph_language("uk"):
        assert is_known("підписав")


def test_language_is_restored_and_unknown_reads_as_default() -> None:
    assert current_language() == "uk"
    with morph_language("ru"):
        assert current_language() == "ru"
        with morph_language("xx"):
            assert current_language() == "uk"
        assert current_language() == "ru"
    assert current_language() == "uk"


def test_word_languages_keep_only_words_of_the_other_paragraphs() -> None:
    words = [("Подписал", "ru"), ("договор", "ru"), ("Молотов", "ru"), ("Молотов", "uk"),
             ("підписав", "uk"), ("Слово", "xx")]
    assert word_languages(words, "uk") == {"подписал": "ru", "договор": "ru"}
    assert word_languages(words, "ru") == {"підписав": "uk", "слово": "uk"}


def test_paragraph_words_read_listed_forms_in_their_language() -> None:
    assert not is_known("подписал") and not parses_ranked("Николаем")
    with paragraph_words({"подписал": "ru", "николаем": "ru", "крестинским": "ru"}):
        assert current_language() == "uk"
        assert is_known("подписал") and is_known("Подписал")
        assert nominative("Крестинским", prefer="Surn") == "Крестинский"
        assert nominative("Николаем", prefer="Name") == "Николай"
        assert parses_ranked("Николаем") and not parses_ranked("підписав")
        assert is_known("підписав")  # the other words keep the document's language
    assert not is_known("подписал")


@pytest.mark.parametrize(("lang", "word", "prefer", "gender", "expected"), [
    # a name word stays singular even when the gender hint is wrong ("Эдуард Даладье": the
    # unknown surname reads as feminine, "Эдуард" has a feminine plural reading "Эдуарда")
    ("ru", "Эдуард", "Name", "femn", "Эдуард"),
    ("ru", "Марии", "Name", "femn", "Мария"),
    ("ru", "Ивановой", "Surn", "femn", "Иванова"),
    ("uk", "Олени", "Name", "femn", "Олена"),
])
def test_name_words_are_singular(lang: str, word: str, prefer: str, gender: str,
                                 expected: str) -> None:
    with morph_language(lang):
        assert nominative(word, prefer=prefer, gender=gender) == expected
