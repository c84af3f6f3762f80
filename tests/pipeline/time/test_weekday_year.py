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
    # (session 14: "Договір 1997 року" after 2023 no longer moves the narrative back, a
    # year after a preposition does)
    text = "Договір 1997 року досі чинний. Саміт 2023 року. У 1997 році був договір. Саміт 12 липня."
    assert _value(text, "12 липня") == "1997-07-12"


def test_a_weekday_before_any_year_takes_the_one_year_of_the_text_it_fits() -> None:
    # the page opens with a year-less day in a paragraph of its own; of the years it names
    # later (2019, 2020, 1990), 16 July is a Thursday only in 2020
    text = ("У четвер, 16 липня, розпочнеться урочисте засідання парламенту.\n\n"
            "Його скликано постановою від 3 грудня 2019 року, а розпорядження підписано "
            "26 червня 2020 року.\n\nДекларацію ухвалили 16 липня 1990 року.")
    assert _value(text, "У четвер, 16 липня") == "2020-07-16"


def test_a_weekday_before_any_year_that_fits_two_years_gives_none() -> None:
    # 3 March is a Tuesday in 2015 and in 2020: no choice
    text = ("У вівторок, 3 березня, відбулася зустріч.\n\nУгоду 2015 року переглянули "
            "у 2020 році.")
    assert _value(text, "У вівторок, 3 березня") is None


def test_a_day_the_text_dated_before_keeps_its_year() -> None:
    # the narrative has moved to 1917, but "22 січня" is the day the text gave as 1918
    text = ("Незалежність проголошено 22 січня 1918 року. Третій Універсал видали 20 листопада "
            "1917 року. Таким чином Днем Незалежності треба вважати 22 січня.")
    assert _value(text, "22 січня") == "1918-01-22"


def test_of_two_dated_mentions_of_a_day_the_latest_counts() -> None:
    text = ("23 серпня 2019 року минуло 80 років від підписання пакту 23 серпня 1939 року. "
            "Того ж року, 23 серпня, світ змінився.")
    assert [t.value for t in litopys.extract(text).timexes if t.text == "23 серпня"] \
        == ["1939-08-23"]
