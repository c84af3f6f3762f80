"""Morphology per language (litopys/pipeline/morph.py): the Russian analyser for Russian."""

from __future__ import annotations

import pytest

from litopys.pipeline.morph import current_language, is_known, morph_language, nominative, parses


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
