"""Event dates (issue 14 §5): which time expression dates which event."""

from __future__ import annotations

import litopys


def _events(text: str):  # type: ignore[no-untyped-def]
    return litopys.extract(text).events


def _one_trigger(evs, trigger: str):  # type: ignore[no-untyped-def]
    """The event whose trigger is written so."""
    return next(e for e in evs if e.trigger == trigger)


def test_events_dates_year_told_by_a_word_after_a_noun_dates_the_clause() -> None:
    # "турки того року почали": "того року" after a noun is no attribute of it (only a year
    # written in figures is: "кордону 1772 року")
    evs = _events("У 1785 році Росія збудувала флот. Стривожені поїздкою Катерини II до Криму "
                  "1787 року, турки того року почали нову війну проти Росії.")
    assert _one_trigger(evs, "почали нову війну").date == "1787"
