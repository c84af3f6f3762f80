"""Categories of time expressions on real pages (issue 13 item 6, issue 16): every
expression of a made-up passage, span and value, in text order."""

from __future__ import annotations

import pytest
import spacy

from litopys.pipeline.time.tagger import TimeTagger, tag


def found(text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text)]


def staged(text: str) -> list[tuple[str, str | None]]:
    """The same through the spaCy stage (its passes after ``tag``)."""
    nlp = spacy.blank("xx")
    doc = TimeTagger(nlp)(nlp(text))
    return [(s._.timex.text, s._.timex.value) for s in doc.spans["timex"]]


@pytest.mark.parametrize("text,expected", [
    # Old Style year rollback: the New Style day is in the next year
    ("Рада зібралася 20 грудня 1653 (1 січня 1654) р. у Переяславі.",
     [("20 грудня 1653 (1 січня 1654) р.", "1654-01-01")]),
    ("Послы прибыли 20 декабря 1653 (1 января 1654) г.",
     [("20 декабря 1653 (1 января 1654) г.", "1654-01-01")]),
    ("Лист датовано 1 січня 1654 р. (22 грудня 1653 р.).",
     [("1 січня 1654 р. (22 грудня 1653 р.)", "1654-01-01")]),
    ("Указ вийшов 25 грудня 1799 (5 січня 1800).",
     [("25 грудня 1799 (5 січня 1800)", "1800-01-05")]),
    # the other calendar's day with its month inside the date
    ("Посли прибули 30(9 лютого) січня 1667 р.", [("30(9 лютого) січня 1667 р.", "1667-02-09")]),
    ("Договор подписан 30 (9 февраля) января 1667 года.",
     [("30 (9 февраля) января 1667 года", "1667-02-09")]),
    ("Бій стався 25 (5 січня) грудня 1708 р.", [("25 (5 січня) грудня 1708 р.", "1709-01-05")]),
])
def test_old_style_layouts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Засідання відбулися 3, 5 і 7.02.1918 у Бресті.", [("3, 5 і 7.02.1918", "1918-02-03/1918-02-07")]),
    ("Засідання відбулися 3, 5 та 7 лютого 1918 року.",
     [("3, 5 та 7 лютого 1918 року", "1918-02-03/1918-02-07")]),
    ("Заседания прошли 3, 5 и 7 февраля 1918 г.", [("3, 5 и 7 февраля 1918 г.", "1918-02-03/1918-02-07")]),
    ("У 1919 р. наради скликали 10, 12, 14 березня.",
     [("У 1919 р.", "1919"), ("10, 12, 14 березня", "1919-03-10/1919-03-14")]),
    ("Це було 12, 13 січня 1919 року.", [("12, 13 січня 1919 року", "1919-01-12/1919-01-13")]),
    # not a list: the days go down, or the numbers are article numbers
    ("Статті 7, 5 і 3 договору 1918 року.", [("1918 року", "1918")]),
])
def test_day_lists(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Это было 7 июл. 1774 г. и 2 сен. 1774 г.", [("7 июл. 1774 г.", "1774-07-07"), ("2 сен. 1774 г.", "1774-09-02")]),
    ("Весна 1918 года была холодной.", [("Весна 1918 года", "1918-SP")]),
    ("К концу 1920 года армия отступила.", [("К концу 1920 года", "1920")]),
    ("В 1918 году шла война. В ночь на 24 августа армия ушла.",
     [("В 1918 году", "1918"), ("ночь на 24 августа", "1918-08-23/1918-08-24")]),
    ("12 мая 1918 г. в Киеве. Вечером того же дня пришли войска.",
     [("12 мая 1918 г.", "1918-05-12"), ("Вечером того же дня", "1918-05-12TEV")]),
    ("12 мая 1918 г. в Киеве. В этот же день пришли войска. В том же месяце ушли.",
     [("12 мая 1918 г.", "1918-05-12"), ("В этот же день", "1918-05-12"), ("В том же месяце", "1918-05")]),
    ("Переговоры длились 6 часов и 40 минут.", [("6 часов", "PT6H"), ("40 минут", "PT40M")]),
    ("Это длилось на протяжении десяти лет.", [("на протяжении десяти лет", "P10Y")]),
    ("Акт подписан 18 января (8 января ст. ст.) 1654 г.",
     [("18 января (8 января ст. ст.) 1654 г.", "1654-01-18")]),
])
def test_russian_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Облога тривала два з половиною роки.", [("два з половиною роки", "P2Y6M")]),
    ("Переговоры шли протягом трьох із половиною місяців.",
     [("протягом трьох із половиною місяців", "P3M15D")]),
    ("Война длилась два с половиной года.", [("два с половиной года", "P2Y6M")]),
    ("Армія пройшла за 6 годин, а бій тривав півтори години.",
     [("6 годин", "PT6H"), ("півтори години", "PT90M")]),
    ("Переговори тривали 2,5 року.", [("2,5 року", "P30M")]),
])
def test_durations(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected


def test_compound_durations_parse() -> None:
    from litopys.pipeline.time.values import VALUE_RE, TimexValue

    for value, count in (("P2Y6M", (2.5, "Y")), ("PT1H30M", (1.5, "H")), ("P3M15D", (3.5, "M"))):
        assert VALUE_RE.match(value)
        parsed = TimexValue.parse(value)
        assert parsed is not None and parsed.duration == count
    assert TimexValue.parse("P2Y6D") is None


@pytest.mark.parametrize("text,expected", [
    ("У 1667 р. укладено мир. У грудні того ж року посли повернулись.",
     [("У 1667 р.", "1667"), ("У грудні того ж року", "1667-12")]),
    ("У 1667 р. укладено мир. 23 серпня наступного року посли повернулись.",
     [("У 1667 р.", "1667"), ("23 серпня наступного року", "1668-08-23")]),
    ("В 1939 году был подписан пакт. 23 августа того же года в Москве.",
     [("В 1939 году", "1939"), ("23 августа того же года", "1939-08-23")]),
    ("У 1920 р. бої. 12—14 травня того ж року.",
     [("У 1920 р.", "1920"), ("12—14 травня того ж року", "1920-05-12/1920-05-14")]),
    # a relative year after a full date is its own expression
    ("12 травня 1920 р. того ж року", [("12 травня 1920 р.", "1920-05-12"), ("того ж року", "1920")]),
])
def test_day_or_month_of_a_relative_year(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("13 травня 1920 р. делегація прибула. 14 — прийом у короля. Того ж дня прибули посли.",
     [("13 травня 1920 р.", "1920-05-13"), ("14", "1920-05-14"), ("Того ж дня", "1920-05-14")]),
    ("У травні 1920 року армія рушила.\n16 — переговори.",
     [("У травні 1920 року", "1920-05"), ("16", "1920-05-16")]),
    # not a day: no narrative month, an earlier day, a list of items
    ("Пункти договору. 1 — кордони, 2 — торгівля.", []),
    ("У 1920 році. 14 — прийом.", [("У 1920 році", "1920")]),
    ("12 травня 1920 р. делегація прибула. 1 — кордони.", [("12 травня 1920 р.", "1920-05-12")]),
])
def test_bare_day_before_a_dash(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,anchor,expected", [
    ("Сьогодні ми згадуємо ці події. Вчора відбулася зустріч.", None,
     [("Сьогодні", None), ("Вчора", None)]),
    ("Сьогодні ми згадуємо ці події. Вчора відбулася зустріч.", "2020-04-23",
     [("Сьогодні", "2020-04-23"), ("Вчора", "2020-04-22")]),
    # never the narrative time
    ("12 травня 1920 р. делегація прибула. Завтра буде інша.", None,
     [("12 травня 1920 р.", "1920-05-12"), ("Завтра", None)]),
    ("У 1975 р. підписали акт. Протягом наступного десятиліття рух зріс.", None,
     [("У 1975 р.", "1975"), ("наступного десятиліття", "198X")]),
])
def test_deictic_and_next_decade(text: str, anchor: str | None,
                                 expected: list[tuple[str, str | None]]) -> None:
    assert [(t.text, t.value) for t in tag(text, anchor=anchor)] == expected


@pytest.mark.parametrize("text,expected", [
    # a new excerpt whose first sentence gives its own year
    ("Мир уклали 5 грудня 1994 року.\n\n12 травня, ще у 1993 році, посли зустрілися.",
     [("5 грудня 1994 року", "1994-12-05"), ("12 травня", "1993-05-12"), ("1993 році", "1993")]),
    # one narrative: the next paragraph goes on in the same year, a later year comes later
    ("Переговори почалися 12 лютого 2015 року.\n\n15 лютого бої тривали. Згодом, 21 лютого 2022 року, "
     "все змінилося.",
     [("12 лютого 2015 року", "2015-02-12"), ("15 лютого", "2015-02-15"),
      ("21 лютого 2022 року", "2022-02-21")]),
])
def test_excerpts_and_paragraphs(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Переговоры шли июль/август – август/сентябрь 1772 г.",
     [("июль/август – август/сентябрь 1772 г.", "1772-08/1772-09")]),
    ("Облога тривала грудень/січень – січень/лютий 1774 р.",
     [("грудень/січень – січень/лютий 1774 р.", "1774-01/1774-02")]),
    ("Посли чекали травень/липень – серпень/жовтень 1773 р.",
     [("травень/липень – серпень/жовтень 1773 р.", "1773-05/1773-10")]),
    # one pair alone is not read as two calendars
    ("Посли чекали липень/серпень 1773 р.", [("серпень 1773 р.", "1773-08")]),
    ("Це листопад/падолист.", []),
])
def test_month_pairs(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,value", [
    ("Пакт підписали 23 серпня 1939 року. Протокол оприлюднили наприкінці 80-х років.", "198X"),
    ("Мир уклали 1918 року. У 30-х роках почався голод.", "193X"),
    ("Перемир'я уклали 1667 року. У 80-х роках уклали Вічний мир.", "168X"),
    ("Перемир'я уклали 1667 року. У 40-х роках точилася війна.", "164X"),
    ("Угоду підписали 2014 року. У 90-х роках цього не було.", "199X"),
    ("Угоду підписали 2024 року. У 10-х роках цього не було.", "201X"),
])
def test_decade_without_century(text: str, value: str) -> None:
    assert found(text)[-1][1] == value
