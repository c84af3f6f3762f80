"""Session 14: forms of fresh16's odd half and of unannotated real pages (made-up sentences)."""

from __future__ import annotations

import pytest

from litopys.pipeline.time import tag


def _tags(text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text)]


@pytest.mark.parametrize("text", [
    "У березні 1811 р. через хворобу генерала графа Кам'янського 2-го, звільненого від служби, призначили іншого.",
    "У березні 1811 р. імператор Олександр 1-го, як писали, виїхав.",
])
def test_a_number_after_a_name_is_no_day(text: str) -> None:
    assert _tags(text) == [("У березні 1811 р.", "1811-03")]


@pytest.mark.parametrize(("text", "expected"), [
    ("У березні 1811 р. Кутузов прибув. 14-го, коли він виїхав, пішов сніг.", ("14-го", "1811-03-14")),
    ("У березні 1811 р. Кутузов прибув. Імператор 1-го числа видав указ.", ("1-го числа", "1811-03-01")),
    ("У березні 1811 р. Кутузов прибув. Імператор Олександр 1-го числа видав указ.",
     ("1-го числа", "1811-03-01")),
])
def test_a_bare_day_of_the_narrative_month_stays(text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _tags(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Битва відбулася 27.6.(8.7).1709 біля м. Полтави.", [("27.6.(8.7).1709", "1709-07-08")]),
    ("Статті затверджено 27.3.(6.4.)1654 у Москві.", [("27.3.(6.4.)1654", "1654-04-06")]),
    ("Переворот стався 25.10 (7.11).1917 у Петрограді.", [("25.10 (7.11).1917", "1917-11-07")]),
])
def test_a_numeric_date_with_the_other_calendars_day_and_month_in_brackets(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Трактат підписаний Вересня 7 дня 1649 року.", [("Вересня 7 дня 1649 року", "1649-09-07")]),
    ("Перемирие заключено от Января 10-го 1675; города не утвердили.",
     [("Января 10-го 1675", "1675-01-10")]),
    ("У 1649 р. трактат підписано вересня 7 дня, а потім військо пішло.",
     [("У 1649 р.", "1649"), ("вересня 7 дня", "1649-09-07")]),
    ("Універсал до жителів міста Борзни (1664 р., січня 22)", [("1664 р., січня 22", "1664-01-22")]),
])
def test_older_layouts_of_a_date_month_or_year_first(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("У 1920 р. у травні 5 тисяч козаків пішли.", [("У 1920 р.", "1920"), ("травні", "1920-05")]),
    ("У 1920 р., лютого 5 тисяч.", [("У 1920 р.", "1920")]),
])
def test_a_month_before_a_count_is_no_month_first_date(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("6-11 жовтня 1596 р. у Бересті відбулися два собори (за григоріанським календарем – 16-21 жовтня).",
     [("6-11 жовтня 1596 р.", "1596-10-16/1596-10-21"), ("16-21 жовтня", "1596-10-16/1596-10-21")]),
    ("Рада 8 січня 1654 р. ухвалила рішення, яке (за н. ст. 18 січня) оголосили.",
     [("8 січня 1654 р.", "1654-01-18"), ("18 січня", "1654-01-18")]),
    ("Рада 8 січня 1654 р. ухвалила. Далі (за н. ст. 18 січня) було інше.",
     [("8 січня 1654 р.", "1654-01-08"), ("18 січня", "1654-01-18")]),
    ("Указ 5 травня 1920 р. (за н. ст. 10 травня) вийшов.",
     [("5 травня 1920 р.", "1920-05-05"), ("10 травня", "1920-05-10")]),
])
def test_the_other_calendar_in_brackets_later_in_the_sentence(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Протягом 1560-x pp. воєнні дії відбувалися.", [("1560-x pp.", "156X")]),
    ("У 60-x роках XVI ст. почалася війна.", [("У 60-x роках XVI ст.", "156X")]),
    ("Код 1560-xy не рік.", []),
])
def test_a_decades_ending_in_latin_look_alikes(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Новий договір у Білій Церкві 1651 р., 28 вересня\nКомісари не прибули.",
     [("1651 р., 28 вересня", "1651-09-28")]),
    ("У 1920 р., 5 травня, військо пішло.", [("У 1920 р., 5 травня", "1920-05-05")]),
    ("У 1920 р., 5 травня 1921 р. пішло.", [("У 1920 р.", "1920"), ("5 травня 1921 р.", "1921-05-05")]),
])
def test_a_year_a_comma_and_a_day_of_it_are_one_date(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Мир укладено після війни 1806 і 1807, в якій Росія допомагала Пруссії.", [("1806 і 1807", "1806/1807")]),
    ("Після війн 1806 і 1808, в яких Росія воювала.", [("1806", "1806"), ("1808", "1808")]),
])
def test_two_consecutive_bare_years_are_a_range(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


def _extract(text: str) -> list[tuple[str, str | None]]:
    import litopys

    return [(t.text, t.value) for t in litopys.extract(text).timexes]


@pytest.mark.parametrize(("text", "expected"), [
    ("Майже 80 років тому, 28 червня 1940 року, війська перейшли кордон.", ("Майже 80 років тому", "1940")),
    ("Произошло это восьмого сентября 1514 года, почти пятьсот лет назад.", ("почти пятьсот лет назад", "1514")),
])
def test_an_approximate_count_of_years_ago_dates_the_writing_too(
        text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _extract(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Гетьман виступив у воєнний похід у липні місяці 1620 року з військом.", [("липні місяці 1620 року", "1620-07")]),
    ("Гетман выступил в июле месяце 1620 года.", [("июле месяце 1620 года", "1620-07")]),
])
def test_the_noun_month_between_a_month_and_its_year(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Весною 1649 р. тут стояв гетьман в 20-х днях червня, поки повернув.",
     [("Весною 1649 р.", "1649-SP"), ("20-х днях червня", "1649-06")]),
    ("У 20-х числах серпня 1941 року німці вийшли до Дніпра.", [("У 20-х числах серпня 1941 року", "1941-08")]),
    ("В 20-х числах августа 1941 года немцы вышли к Днепру.", [("В 20-х числах августа 1941 года", "1941-08")]),
])
def test_a_ten_of_days_of_a_month_is_that_month(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


def test_a_range_of_years_around_the_narratives_day_does_not_move_it() -> None:
    text = ("27 (17) квітня 1648 року запорожці вийшли із Січі. Так почалася війна 1648–1654 років. "
            "29 квітня дві сили зіткнулися.")
    assert ("29 квітня", "1648-04-29") in _tags(text)


def test_a_range_of_years_after_a_year_still_moves_the_narrative() -> None:
    text = "У 1918 р. почалася війна, що тривала 1918–1921 рр. 5 березня уряд пішов у відставку."
    assert ("5 березня", "1921-03-05") in _tags(text)
