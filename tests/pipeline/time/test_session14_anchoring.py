"""Session 14, second round: the year of a year-less day (made-up sentences)."""

from __future__ import annotations

from litopys.pipeline.time import tag


def _tags(text: str, anchor: str | None = None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text, anchor=anchor)]


_PLANNED = ("У 2008 році договір пролонгували, а наступне подовження має відбутися у квітні "
            "2019 року. Але 28 серпня президент оголосив про розрив.")


def test_a_year_less_day_after_a_planned_date_stays_in_the_dateline_year() -> None:
    text = "Двадцять років дружби\n06.12.2018 20:03\n" + _PLANNED
    assert ("28 серпня", "2018-08-28") in _tags(text)


def test_a_year_less_day_after_a_planned_date_stays_in_the_anchor_year() -> None:
    assert ("28 серпня", "2018-08-28") in _tags(_PLANNED, anchor="2018-12-06")


def test_without_a_time_of_writing_the_narrative_year_stays() -> None:
    assert ("28 серпня", "2019-08-28") in _tags(_PLANNED)


def test_a_date_heading_without_a_clock_is_no_dateline() -> None:
    # a chronicle's heading line: the next year-less day is in the narrative's year
    text = "3 травня 1919 року\nУ 1920 році почалася війна. 5 червня армія вступила до міста."
    assert ("5 червня", "1920-06-05") in _tags(text)
