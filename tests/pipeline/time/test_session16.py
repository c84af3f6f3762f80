"""Session 16: categories from unannotated real pages (made-up sentences)."""

from __future__ import annotations

import pytest

from litopys.pipeline.time import tag


def _tags(text: str, anchor: str | None = None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text, anchor=anchor)]


@pytest.mark.parametrize(
    "text",
    ["В 2022 году к 368-й годовщине Переяславской рады прошла конференция.",
     "к 1000-й годовщине крещения"],
)
def test_time_an_ordinal_before_an_anniversary_is_no_year(text: str) -> None:
    assert all(value not in ("0368", "1000") for _, value in _tags(text))


def test_time_an_ordinal_year_before_other_words_stays() -> None:
    assert ("У 1991-му", "1991") in _tags("У 1991-му річниця минула тихо.")
    assert ("з 1648-го по 1654-й", "1648/1654") in _tags("з 1648-го по 1654-й")
