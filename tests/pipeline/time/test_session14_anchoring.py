"""Session 14, second round: the year of a year-less day (made-up sentences)."""

from __future__ import annotations

import pytest

from litopys.pipeline.time import tag
from litopys.pipeline.time.tagger import names_an_earlier_year


def _tags(text: str, anchor: str | None = None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text, anchor=anchor)]


_PLANNED = ("У 2008 році договір пролонгували, а наступне подовження має відбутися у квітні "
            "2019 року. Але 28 серпня президент оголосив про розрив.")


def test_a_year_less_day_after_a_planned_date_stays_in_the_dateline_year() -> None:
    text = "Двадцять років дружби\n06.12.2018 20:03\n" + _PLANNED
    assert ("28 серпня", "2018-08-28") in _tags(text)


def test_a_news_dateline_on_the_first_line_is_the_time_of_writing() -> None:
    assert ("28 серпня", "2018-08-28") in _tags("Київ, 6 грудня 2018, 18:30\n" + _PLANNED)


def test_the_anchor_alone_is_no_time_of_writing() -> None:
    # a long document's chunk is tagged behind a date preamble, which gives it an anchor
    assert ("28 серпня", "2019-08-28") in _tags(_PLANNED, anchor="2018-12-06")


def test_without_a_time_of_writing_the_narrative_year_stays() -> None:
    assert ("28 серпня", "2019-08-28") in _tags(_PLANNED)


def test_a_date_heading_without_a_clock_is_no_dateline() -> None:
    # a chronicle's heading line: the next year-less day is in the narrative's year
    text = "3 травня 1919 року\nУ 1920 році почалася війна. 5 червня армія вступила до міста."
    assert ("5 червня", "1920-06-05") in _tags(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Влітку 1920 року переговори тривали. Польська делегація вимагала кордону 1772 року. "
     "12 жовтня сторони підписали перемир'я.", ("12 жовтня", "1920-10-12")),
    ("У 1920 році почалися переговори. Конституція 1791 року була зразком. 5 березня "
     "делегати зібралися.", ("5 березня", "1920-03-05")),
    ("Навесні 1659 року гетьман згадав договір 1654 року. 18 липня почалася битва.",
     ("18 липня", "1659-07-18")),
])
def test_a_year_naming_an_earlier_thing_does_not_move_the_narrative(
        text: str, expected: tuple[str, str]) -> None:
    tags = _tags(text)
    assert expected in tags
    assert any(value in ("1772", "1791", "1654") for _, value in tags)  # still tagged


@pytest.mark.parametrize(("text", "expected"), [
    # a year after a preposition, a later year, or a year opening its sentence moves it
    ("У 1920 році почалися переговори. У 1772 році стався поділ. 5 березня король виїхав.",
     ("5 березня", "1772-03-05")),
    ("У 1919 році почалися переговори. Конференція 1920 року тривала. 5 березня делегати "
     "зібралися.", ("5 березня", "1920-03-05")),
    ("У 1654 році підписали угоду. 1648 року почалася війна. 5 березня гетьман виступив.",
     ("5 березня", "1648-03-05")),
])
def test_other_bare_years_still_move_the_narrative(text: str, expected: tuple[str, str]) -> None:
    assert expected in _tags(text)


def test_names_an_earlier_year_skips_an_inverted_year() -> None:
    text = "Це сталося року 1979-го"
    assert not names_an_earlier_year(text, text.index("1979"), 1979, 2024)
    text = "в кордонах 1772 року"
    assert names_an_earlier_year(text, text.index("1772"), 1772, 1920)
    assert not names_an_earlier_year(text, text.index("1772"), 1772, None)
