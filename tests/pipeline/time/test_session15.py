"""Session 15: categories from unannotated real pages (made-up sentences)."""

from __future__ import annotations

import pytest

from litopys.pipeline.time import tag


def _tags(text: str, anchor: str | None = None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text, anchor=anchor)]


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


@pytest.mark.parametrize(
    "text,expected",
    [
        ("«Інструкція для виборів» 5. 1. 1919 визначила 593 депутати.", ("5. 1. 1919", "1919-01-05")),
        ("Сесія відбулася 23 — 28. 1. 1919 в присутності депутатів.",
         ("23 — 28. 1. 1919", "1919-01-23/1919-01-28")),
        ("Він помер 20. 5. 1926 у Парижі.", ("20. 5. 1926", "1926-05-20")),
        ("20.02. 2014 – День Небесної сотні.", ("20.02. 2014", "2014-02-20")),
    ],
)
def test_time_numeric_dates_with_spaces(text: str, expected: tuple[str, str]) -> None:
    # the encyclopedia's layout: a space after the stops, one-digit days and months
    assert expected in _tags(text)


def test_time_a_volume_and_its_year_is_no_spaced_date() -> None:
    assert _tags("Див.: Записки НТШ. Т. 5. 1926. С. 12.") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("У 1991 році відбувся референдум. Втретє за 350 років нашої героїчної історії народ "
         "обрав свободу.", ("за 350 років", "P350Y")),
        ("У 1991 році Україна стала незалежною. За 20 років своєї незалежності країна змінилась.",
         ("За 20 років", "P20Y")),
    ],
)
def test_time_za_count_before_genitive_adjectives_and_pronouns(
        pipeline, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    # the count measures what the genitive phrase names, as "за 20 років незалежної України"
    assert expected in [(t.text, t.value) for t in pipeline.text(text).timexes]


def test_time_za_count_after_the_time_of_writing_is_a_span(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Дата публікації: 24 серпня 2025 06:45\nДень Незалежності: головні події за 34 роки."
            "\nУ 1991 році Україна стала незалежною.")
    assert ("за 34 роки", "P34Y") in [(t.text, t.value) for t in pipeline.text(text).timexes]


def test_time_za_count_before_the_time_of_writing_stays_a_point(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Дата публікації: 24 серпня 2025 06:45\nУ 1991 році Україна стала незалежною. "
            "За два роки держава змінилась.")
    assert ("За два роки", "1993") in [(t.text, t.value) for t in pipeline.text(text).timexes]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("У 1492 році козаки розбили корабель. Рік пізніше хан титулує козаками дружину "
         "Глинського.", ("Рік пізніше", "1493")),
        ("У 1492 році козаки розбили корабель. Роком пізніше хан титулував їх.",
         ("Роком пізніше", "1493")),
        ("5 лютого 1661 р. зібралася рада. Місяцем пізніше гетьман виступив.",
         ("Місяцем пізніше", "1661-03")),
        ("5 лютого 1661 р. зібралася рада. Тиждень потому гетьман виступив.",
         ("Тиждень потому", "1661-02-12")),
        ("В 1492 году казаки разбили корабль. Год спустя хан назвал их казаками.",
         ("Год спустя", "1493")),
    ],
)
def test_time_a_single_unit_after_the_narrative(text: str, expected: tuple[str, str]) -> None:
    # one unit counted forward, as "через рік" and "Двома роками пізніше"
    assert expected in _tags(text)


def test_time_a_count_before_the_unit_stays_the_count() -> None:
    text = "5 лютого 1661 р. зібралася рада. Кількома місяцями пізніше гетьман виступив."
    assert ("Кількома місяцями пізніше", None) in _tags(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1657 р., жовтень – Генеральна рада в Корсуні обрала гетьманом Івана Виговського.",
         ("1657 р., жовтень", "1657-10")),
        ("1658 р., тpавень – розгром загонів опозиції під Полтавою.",
         ("1658 р., тpавень", "1658-05")),
    ],
)
def test_time_a_chronology_year_then_month(text: str, expected: tuple[str, str]) -> None:
    # a textbook chronology's entry: the year, a comma, the month, a dash
    assert expected in _tags(text)


def test_time_a_year_then_a_month_in_running_text_stays_a_year() -> None:
    assert _tags("У 1918 р., листопад став місяцем повстання.") == [("У 1918 р.", "1918")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Битва відбулася 29 (19) квітня — 16 (6) травня 1648 біля р. Жовті Води.",
         ("29 (19) квітня — 16 (6) травня 1648", "1648-04-29/1648-05-16")),
        ("Всеукраїнський національний конгрес (6 (19) — 8 (21) квітня 1917 року, Київ).",
         ("6 (19) — 8 (21) квітня 1917 року", "1917-04-19/1917-04-21")),
        ("Съезд длился с 6 (19) по 8 (21) апреля 1917 года.",
         ("с 6 (19) по 8 (21) апреля 1917 года", "1917-04-19/1917-04-21")),
    ],
)
def test_time_double_dated_day_ranges(text: str, expected: tuple[str, str]) -> None:
    # each end in both calendars: one range of New Style days
    assert expected in _tags(text)


def test_time_two_double_dates_in_a_list_stay_apart() -> None:
    text = "Перший Універсал - 10(23) червня 1917 р., Другий Універсал - 3(16) липня 1917 р."
    assert _tags(text) == [("10(23) червня 1917 р.", "1917-06-23"),
                           ("3(16) липня 1917 р.", "1917-07-16")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("У 1648 році почалося повстання. В останніх числах травня козаки перемогли під "
         "Корсунем.", ("В останніх числах травня", "1648-05")),
        ("У 1918 році почалася війна. У другій декаді травня війська відступили.",
         ("У другій декаді травня", "1918-05")),
        ("У перших числах січня 1649 р. Хмельницький виїхав до Києва.",
         ("У перших числах січня 1649 р.", "1649-01")),
        ("В 1918 году началась война. В последних числах мая войска отступили.",
         ("В последних числах мая", "1918-05")),
    ],
)
def test_time_first_or_last_days_of_a_month(text: str, expected: tuple[str, str]) -> None:
    # as "у 20-х числах серпня": the month
    assert expected in _tags(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("14-те жовтня 1942 року визнано днем утворення УПА.",
         ("14-те жовтня 1942 року", "1942-10-14")),
        ("1-ше грудня 1991 року відбувся референдум.", ("1-ше грудня 1991 року", "1991-12-01")),
        ("У 1918 році почалася війна. 7-ме листопада стало святом.",
         ("7-ме листопада", "1918-11-07")),
    ],
)
def test_time_nominative_ordinal_days(text: str, expected: tuple[str, str]) -> None:
    # the day as a nominative ordinal in digits: the day, not the month alone
    assert expected in _tags(text)
