"""Session 16, round 2: general forms of real pages (made-up sentences)."""

from __future__ import annotations

import pytest

from litopys.pipeline.time import tag


def _tags(text: str, anchor: str | None = None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text, anchor=anchor)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Документ датовано 1941-06-22 у Львові.", ("1941-06-22", "1941-06-22")),
        ("Лист датовано 22-VI-1941 у Києві.", ("22-VI-1941", "1941-06-22")),
        ("Лист датовано 22-VI-1941 р. у Києві.", ("22-VI-1941 р.", "1941-06-22")),
    ],
)
def test_time_iso_and_hyphenated_roman_dates(text: str, expected: tuple[str, str]) -> None:
    assert expected in _tags(text)


@pytest.mark.parametrize("text", ["Код 1941-06-22-17 у реєстрі.", "Номер 2020-13-01."])
def test_time_iso_lookalikes_stay_untagged(text: str) -> None:
    assert _tags(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("22 червня 1941 року почалася війна. Наступної ночі вони відступили.",
         ("Наступної ночі", "1941-06-23")),
        ("22 червня 1941 року почалася війна. На третій день місто впало.",
         ("На третій день", "1941-06-24")),
        ("22 июня 1941 года началась война. Следующей ночью они отступили.",
         ("Следующей ночью", "1941-06-23")),
        ("22 июня 1941 года началась война. На третий день город пал.",
         ("На третий день", "1941-06-24")),
    ],
)
def test_time_next_night_and_third_day(text: str, expected: tuple[str, str]) -> None:
    assert expected in _tags(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("В 1939 году. 22 июня 41 года началась война.", ("22 июня 41 года", "1941-06-22")),
        ("У 1939 році. 22 червня 41 року почалася війна.", ("22 червня 41 року", "1941-06-22")),
    ],
)
def test_time_two_digit_year_after_a_day(text: str, expected: tuple[str, str]) -> None:
    tags = _tags(text)
    assert expected in tags
    assert all(value != "P41Y" for _, value in tags)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("У 1920 році був мир. Через 5-6 років війна скінчилася.", ("Через 5-6 років", "1926")),
        ("Війна тривала 5–6 років.", ("5–6 років", "P6Y")),
        ("Наступ тривав протягом 3–4 днів.", ("протягом 3–4 днів", "P4D")),
        ("Робота триває 2-3 тижні.", ("2-3 тижні", "P3W")),
    ],
)
def test_time_a_range_of_counts(text: str, expected: tuple[str, str]) -> None:
    assert expected in _tags(text)


def test_time_a_year_range_stays_a_range() -> None:
    assert ("У 1941-1945 роках", "1941/1945") in _tags("У 1941-1945 роках")


def _stage(text: str) -> list[tuple[str, str | None]]:
    from litopys.pipeline.language import Pipeline
    return [(t.text, t.value) for t in Pipeline().text(text).timexes]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Бій тривав три з половиною години.", ("три з половиною години", "PT3H30M")),
        ("Бій тривав 3,5 години.", ("3,5 години", "PT3H30M")),
        ("Бій тривав 0,5 години.", ("0,5 години", "PT30M")),
        ("Переговоры длились 2,5 часа.", ("2,5 часа", "PT2H30M")),
    ],
)
def test_time_hours_and_a_half(text: str, expected: tuple[str, str]) -> None:
    assert expected in _stage(text)


def test_time_a_clock_with_a_stop_before_its_day() -> None:
    text = "Комендантська година діє з 18.00 19 квітня до 00.00 21 квітня 2020 року."
    assert [v for _, v in _tags(text)] == ["2020-04-19T18:00", "2020-04-21T00:00"]
    assert [v for _, v in _stage(text)] == ["2020-04-19T18:00/2020-04-21T00:00"]


def test_time_a_number_with_a_stop_before_a_day_is_no_clock() -> None:
    assert _tags("Курс 27.50 19 квітня 2020 року.") == [("19 квітня 2020 року", "2020-04-19")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("В 1917 году. В 12 дня, в субботу, 27 октября, началось восстание.",
         ("В 12 дня, в субботу, 27 октября", "1917-10-27T12:00")),
        ("У 1918 році. О 10 годині ранку, у понеділок, 5 травня, почався бій.",
         ("О 10 годині ранку, у понеділок, 5 травня", "1918-05-05T10:00")),
    ],
)
def test_time_a_clock_takes_the_day_after_a_weekday(text: str, expected: tuple[str, str]) -> None:
    assert expected in _tags(text)


def test_time_a_chronology_line_of_a_day_and_month() -> None:
    text = "1917 рік\n08.03\nПочаток революції.\n07-08.04\nЗ'їзд товариства.\n1.12\nПункт.\n"
    tags = _tags(text)
    assert ("08.03", "1917-03-08") in tags
    assert ("07-08.04", "1917-04-07/1917-04-08") in tags
    assert all(t != "1.12" for t, _ in tags)


def test_time_a_decimal_on_a_line_of_its_own_needs_a_narrative() -> None:
    assert _tags("Розділ\n3.14\nЧисло") == []
