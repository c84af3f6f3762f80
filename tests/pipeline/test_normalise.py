from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litopys.pipeline.normalise import normalise


@pytest.mark.parametrize(
    "text,expected",
    [
        ("12 грудня 1932р.", "12 грудня 1932 р."),
        ("1932-1937рр.", "1932-1937 рр."),
        ("з’ясувати", "з'ясувати"),
        ("пам`ятав", "пам'ятав"),
        ("Kиїв", "Київ"),  # Latin K in a Cyrillic word
        ("ч\u00adерез", "через"),
        ("гоминьдановские", "гоминьдановские"),
        ("Paris", "Paris"),  # a Latin word stays Latin
    ],
)
def test_normalise_rewrites(text: str, expected: str) -> None:
    assert normalise(text)[0] == expected


def test_normalise_offsets_point_into_original() -> None:
    text = "Ще 12 грудня 1932р. було підписано угоду з’ясувати ч\u00adерез"
    norm, offsets = normalise(text)
    i = norm.index("1932 р.")
    s, e = offsets.span(i, i + len("1932 р."))
    assert text[s:e] == "1932р."
    j = norm.index("через")
    s, e = offsets.span(j, j + 5)
    assert text[s:e] == "ч\u00adерез"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_normalise_map_is_monotonic(text: str) -> None:
    norm, offsets = normalise(text)
    assert len(offsets.to_orig) == len(norm) + 1
    prev = -1
    for v in offsets.to_orig:
        assert 0 <= v <= len(text)
        assert v >= prev
        prev = v
