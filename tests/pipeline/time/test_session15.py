"""Session 15: categories from unannotated real pages (made-up sentences)."""

from __future__ import annotations

import pytest

from litopys.pipeline.time import tag


def _tags(text: str, anchor: str | None = None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text, anchor=anchor)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("У січні 2004 року опозиція, не погоджуючись з рішенням більшості від 24 грудня "
         "2003 року, блокувала трибуну. Наприклад, 12 січня координатор заявив про це.",
         ("12 січня", "2004-01-12")),
        ("У 1920 році Чичерін нотою від 5 січня 1919 року запевнив уряд. 21 квітня угоду "
         "підписали.", ("21 квітня", "1920-04-21")),
        ("В январе 2004 года оппозиция, ссылаясь на постановление от 24 декабря 2003 года, "
         "блокировала трибуну. 12 января координатор заявил об этом.",
         ("12 января", "2004-01-12")),
    ],
)
def test_time_document_date_leaves_the_narrative(text: str, expected: tuple[str, str]) -> None:
    # an earlier day after "від" dates the document the sentence names
    assert expected in _tags(text)


def test_time_a_later_day_after_vid_still_moves_the_narrative() -> None:
    text = "У 1917 році почалася революція. Закон від 5 січня 1918 року ухвалили. 9 лютого мир."
    assert ("9 лютого", "1918-02-09") in _tags(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("вівторок, 14 серпня 2012 р.\nНа Різдвяні свята 1847р. зібралися братчики. 28 лютого "
         "Петров зробив донос.", ("28 лютого", "1847-02-28")),
        ("12 лютого 2020 р.\nКонотопська битва 1659 року. 29 червня козаки перемогли.",
         ("29 червня", "1659-06-29")),
        ("Новини\n12.02.2020\nКонотопська битва 1659 року. 29 червня козаки перемогли.",
         ("29 червня", "1659-06-29")),
        ("18 листопада 2024, 16:09\nПомаранчева революція 2004 року почалася 22 листопада.",
         ("22 листопада", "2004-11-22")),
    ],
)
def test_time_a_page_date_does_not_hold_the_story(text: str, expected: tuple[str, str]) -> None:
    # the page's own date line is no narrative time that a history's years modify
    assert expected in _tags(text)


def test_time_a_year_after_a_noun_still_keeps_the_narrative_of_the_story() -> None:
    text = "У 1920 році Польща вимагала кордону 1772 року. 12 жовтня підписали перемир'я."
    assert ("12 жовтня", "1920-10-12") in _tags(text)
