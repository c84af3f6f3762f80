"""A stated weekday chooses the year of a day and month that give none (session 11)."""

from __future__ import annotations

import litopys


def _value(text: str, expression: str) -> str | None:
    ch = litopys.extract(text)
    return next(t.value for t in ch.timexes if t.text == expression)


def test_the_weekday_picks_the_texts_own_year() -> None:
    text = ("Договір 1997 року досі чинний. Саміт НАТО 2023 року готується. Договір 1997 року "
            "згадали знову. Президент прибуде на саміт у середу, 12 липня.")
    assert _value(text, "у середу, 12 липня") == "2023-07-12"


def test_a_weekday_that_fits_the_narrative_year_keeps_it() -> None:
    text = ("Саміт 2023 року готується, а договір 2010 року згадали знову. Саміт 2023 року. "
            "Президент прибуде на саміт у середу, 12 липня.")
    assert _value(text, "у середу, 12 липня") == "2023-07-12"


def test_no_weekday_keeps_the_narrative_year() -> None:
    text = "Договір 1997 року досі чинний. Саміт 2023 року. Договір 1997 року. Саміт 12 липня."
    assert _value(text, "12 липня") == "1997-07-12"
