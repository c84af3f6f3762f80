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
    ("Переговоры длились 6 часов и 40 минут.", [("6 часов и 40 минут", "PT6H40M")]),
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


@pytest.mark.parametrize("text,expected", [
    ("У 2013 р. протести. В ніч з 30 листопада на 1 грудня мітинг розігнали.",
     [("У 2013 р.", "2013"), ("ніч з 30 листопада на 1 грудня", "2013-11-30/2013-12-01")]),
    ("В ночь с 31 декабря 1941 на 1 января 1942 года.",
     [("В ночь с 31 декабря 1941 на 1 января 1942 года", "1941-12-31/1942-01-01")]),
    # "на" without a night: two dates
    ("У 2013 р. З 30 листопада на 1 грудня перенесли.",
     [("У 2013 р.", "2013"), ("30 листопада", "2013-11-30"), ("1 грудня", "2013-12-01")]),
])
def test_night_across_months(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("У 2013 р. протести. 30 листопада о 4-й ранку силовики розігнали мітинг.",
     [("У 2013 р.", "2013"), ("30 листопада о 4-й ранку", "2013-11-30T04:00")]),
    ("24 февраля 2022 г. в 5 утра началось вторжение.", [("24 февраля 2022 г. в 5 утра", "2022-02-24T05:00")]),
    ("У 2015 р. угода. Режим тиші діє з 00:00 15 лютого.",
     [("У 2015 р.", "2015"), ("00:00 15 лютого", "2015-02-15T00:00")]),
    # a number of hours is not a clock time without a preposition
    ("Бій тривав 5 годин.", [("5 годин", "PT5H")]),
])
def test_clock_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Зборівська битва 5–6 (15–16) серпня 1649 р.", [("5–6 (15–16) серпня 1649 р.", "1649-08-15/1649-08-16")]),
    ("Бій 5-6 (16-17) квітня 1710 р.", [("5-6 (16-17) квітня 1710 р.", "1710-04-16/1710-04-17")]),
    ("Майже рік делегація працювала.", [("Майже рік", "P1Y")]),
    ("Почти год длились переговоры.", [("Почти год", "P1Y")]),
    ("Понад місяць тривали бої.", [("Понад місяць", "P1M")]),
])
def test_two_calendar_day_ranges_and_bare_units(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("15 березня 1939 р. Сойм зібрався. Того ж вечора війська ввійшли. Тієї ж ночі.",
     [("15 березня 1939 р.", "1939-03-15"), ("Того ж вечора", "1939-03-15TEV"), ("Тієї ж ночі", "1939-03-15TNI")]),
    ("15 марта 1939 г. В тот же вечер войска вошли.",
     [("15 марта 1939 г.", "1939-03-15"), ("В тот же вечер", "1939-03-15TEV")]),
    ("У 1939 р. Того ж вечора.", [("У 1939 р.", "1939"), ("Того ж вечора", None)]),
])
def test_part_of_the_narrative_day(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Договір 18 серпня 1649 р. (8 серпня за ст. ст.) підписано.",
     [("18 серпня 1649 р. (8 серпня за ст. ст.)", "1649-08-18")]),
    ("Договір 8 серпня 1649 р. (18 серпня за н. ст.).", [("8 серпня 1649 р. (18 серпня за н. ст.)", "1649-08-18")]),
    ("Угода 5 травня 1920 р. (10 травня) набула чинності.",
     [("5 травня 1920 р.", "1920-05-05"), ("10 травня", "1920-05-10")]),
])
def test_other_calendar_in_brackets_after_the_year(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Декрет вступил в силу 1 февраля ст. ст. (14 февраля н. ст.) 1918 г.",
     [("1 февраля ст. ст. (14 февраля н. ст.) 1918 г.", "1918-02-14")]),
    ("Це сталося 14 лютого за н. ст. (1 лютого за ст. ст.) 1918 р.",
     [("14 лютого за н. ст. (1 лютого за ст. ст.) 1918 р.", "1918-02-14")]),
])
def test_style_marker_before_the_brackets(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("У 1921 р. уклали мир. Виснаження після двох років війни змусило Варшаву погодитися.",
     [("У 1921 р.", "1921"), ("двох років", "P2Y")]),
    ("У 1921 р. уклали мир. Після 9 місяців переговорів уклали договір.",
     [("У 1921 р.", "1921"), ("9 місяців", "P9M")]),
    # a point: no genitive noun after the count, or "через"
    ("У 1921 р. уклали мир. Після двох років Польща змінила курс.",
     [("У 1921 р.", "1921"), ("Після двох років", "1923")]),
    ("У 1921 р. уклали мир. Через два тижні війська рушили.",
     [("У 1921 р.", "1921"), ("Через два тижні", None)]),
])
def test_count_of_something(pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(t.text, t.value) for t in pipeline.text(text).timexes] == expected


@pytest.mark.parametrize("text,expected", [
    ("У 1920 р. армія рушила. На початку року було тихо.", [("У 1920 р.", "1920"), ("На початку року", "1920")]),
    ("12 травня 1920 р. армія рушила. Наприкінці місяця відступила.",
     [("12 травня 1920 р.", "1920-05-12"), ("Наприкінці місяця", "1920-05")]),
    ("Весной 1920 г. наступление. В конце года армия отступила.",
     [("Весной 1920 г.", "1920-SP"), ("В конце года", "1920")]),
])
def test_part_of_the_narrative_year(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Угода діяла 01.08.2022–17.07.2023 і продовжувалась.",
     [("01.08.2022–17.07.2023", "2022-08-01/2023-07-17")]),
    ("Наказ від 5.III.1918 р. і лист від 12.XI.1920.",
     [("5.III.1918 р.", "1918-03-05"), ("12.XI.1920", "1920-11-12")]),
    ("Наказ від 5.iii.1918 р.", []),  # lower-case letters are not a month
    ("Бої 12–14.V.1920 р. тривали.", [("12–14.V.1920 р.", "1920-05-12/1920-05-14")]),
])
def test_numeric_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("У сімнадцятому столітті козаки воювали.", [("У сімнадцятому столітті", "16XX")]),
    ("Події двадцять першого століття.", [("двадцять першого століття", "20XX")]),
    ("В семнадцатом веке казаки воевали.", [("В семнадцатом веке", "16XX")]),
    ("Десятого січня 1920 р.", [("Десятого січня 1920 р.", "1920-01-10")]),
    ("Експорт у 2022/2023 маркетинговому році.", [("2022/2023", "2022/2023")]),
    ("Справа 2022/2025 у суді.", []),
])
def test_centuries_in_words_and_season_years(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


def test_night_against_a_date() -> None:
    assert staged("У 1918 р. мир. У ніч проти 9 лютого підписали договір.") == [
        ("У 1918 р.", "1918"), ("ніч проти 9 лютого", "1918-02-08/1918-02-09")]


@pytest.mark.parametrize("text,expected", [
    ("Взимку 2014–2015 років бої точилися.", [("Взимку 2014–2015 років", "2014-WI")]),
    ("Зимой 1941/42 г. шли бои.", [("Зимой 1941/42 г.", "1941-WI")]),
    ("Влітку 1941–1942 рр. бої.", [("Влітку 1941–1942 рр.", "1941-SU/1942-SU")]),
    # not two consecutive years: the season and a year
    ("Взимку 1941–1943 рр. бої.", [("Взимку 1941", "1941-WI"), ("1943 рр.", "1943")]),
])
def test_season_over_two_years(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Бої влітку–восени 1920 р. тривали.", [("влітку–восени 1920 р.", "1920-SU/1920-FA")]),
    ("Летом и осенью 1920 г. шли бои.", [("Летом и осенью 1920 г.", "1920-SU/1920-FA")]),
    ("Бої взимку–навесні 1920 р.", [("взимку–навесні 1920 р.", "1919-WI/1920-SP")]),
    # not consecutive: two seasons of the same year
    ("Бої навесні та восени 1920 р.", [("навесні", "1920-SP"), ("восени 1920 р.", "1920-FA")]),
])
def test_season_ranges_and_lists(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Протягом 1920-х — 1930-х рр. країна змінилася.", [("1920-х — 1930-х рр.", "1920/1939")]),
    ("У 1990-х – 2000-х роках країна змінилася.", [("У 1990-х – 2000-х роках", "1990/2009")]),
])
def test_decade_ranges_with_both_suffixes(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


# -- round 3 of issue 13 item 6 (real pages) --

@pytest.mark.parametrize("text,expected", [
    ("Після дводенної битви полк відступив.", [("дводенної", "P2D")]),
    ("Сейм ухвалив десятирічну програму і п'ятирічний план.",
     [("десятирічну", "P10Y"), ("п'ятирічний", "P5Y")]),
    ("Уклали двотижневе перемир'я на 5-річний строк.", [("двотижневе", "P2W"), ("5-річний", "P5Y")]),
    ("Двогодинна нарада і двадцятип'ятирічне правління.",
     [("Двогодинна", "PT2H"), ("двадцятип'ятирічне", "P25Y")]),
    ("После двухдневного сражения принят пятилетний план.",
     [("двухдневного", "P2D"), ("пятилетний", "P5Y")]),
    # a capitalised one inside a sentence is a name; nouns are not adjectives
    ("Мир після Тридцятилітньої війни.", []),
    ("Почалася п'ятирічка, потім річниця.", []),
])
def test_time_duration_adjectives(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # "год." is hours in Ukrainian; minutes after the hour
    ("1 травня 1920 р. о 5 год. ранку почався наступ. О 18 год. 30 хв. прибув посол.",
     [("1 травня 1920 р. о 5 год. ранку", "1920-05-01T05:00"), ("О 18 год. 30 хв.", "1920-05-01T18:30")]),
    ("Засідання тривало протягом 2 год. і скінчилося.", [("протягом 2 год.", "PT2H")]),
    ("Война длилась 1 год.", [("1 год", "P1Y")]),
    ("1 травня 1920 р. О 9.30 вечора бій стих.",
     [("1 травня 1920 р.", "1920-05-01"), ("О 9.30 вечора", "1920-05-01T21:30")]),
    # the hour in words, with a preposition, or with a part of the day or a date
    ("12 травня 1920 р. Об одинадцятій годині вечора рада зібралася.",
     [("12 травня 1920 р.", "1920-05-12"), ("Об одинадцятій годині вечора", "1920-05-12T23:00")]),
    ("У 1939 р. пакт підписали близько третьої години ночі 24 серпня.",
     [("У 1939 р.", "1939"), ("третьої години ночі 24 серпня", "1939-08-24T03:00")]),
    ("У 1939 р. о 4 годині ранку 1 вересня почався наступ.",
     [("У 1939 р.", "1939"), ("о 4 годині ранку 1 вересня", "1939-09-01T04:00")]),
    ("9 декабря 1919 г. в пять часов утра прибыл посол.",
     [("9 декабря 1919 г. в пять часов утра", "1919-12-09T05:00")]),
    # an ordinal hour alone is "of the second hour", not a clock time
    ("Протягом другої години засідання делегати мовчали.", []),
])
def test_time_clock_in_hours_and_words(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("3 травня 1921 р. Польща визнала уряд, через кілька годин те саме зробила Литва.",
     [("3 травня 1921 р.", "1921-05-03"), ("через кілька годин", "1921-05-03")]),
    ("3 травня 1921 р. Через 4 години прибув посол. Нарада тривала 5 годин.",
     [("3 травня 1921 р.", "1921-05-03"), ("Через 4 години", "1921-05-03"), ("5 годин", "PT5H")]),
    ("Через кілька годин прибув посол.", [("Через кілька годин", None)]),
    # "10 години" (not the paucal count) is a clock time, not ten hours
    ("3 травня 1921 р. Близько 10 години прибув посол. Бій тривав 3 години.",
     [("3 травня 1921 р.", "1921-05-03"), ("3 години", "PT3H")]),
    ("3 травня 1921 р. місто впало, а за 6 годин до того комендант утік. Три години потому все.",
     [("3 травня 1921 р.", "1921-05-03"), ("за 6 годин до того", "1921-05-03"),
      ("Три години потому", "1921-05-03")]),
    ("3 мая 1921 г. город пал. Спустя 3 часа прибыл посол.",
     [("3 мая 1921 г.", "1921-05-03"), ("Спустя 3 часа", "1921-05-03")]),
])
def test_time_hours_after_the_narrative_day(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected


@pytest.mark.parametrize("text,expected", [
    # an ordinal stop after the day (older Western Ukrainian print)
    ("Лист з 3. березня 1919., підписаний урядом.", [("3. березня 1919", "1919-03-03")]),
    ("Угоди 1920 р. 5. Березень був холодним.", [("1920 р.", "1920")]),
    # two consecutive months in one case whose dash the page lost
    ("У березні квітні 1921 р. тривали переговори.", [("У березні квітні 1921 р.", "1921-03/1921-04")]),
    ("В марте апреле 1921 г. шли переговоры.", [("В марте апреле 1921 г.", "1921-03/1921-04")]),
    ("У березні травні 1921 р.", [("У березні", "1921-03"), ("травні 1921 р.", "1921-05")]),
    # a whole unit
    ("Переговори йшли цілий рік без успіху.", [("цілий рік", "P1Y")]),
    ("Переговоры шли целый месяц.", [("целый месяц", "P1M")]),
    ("Цілий народ повстав.", []),
    # a month after "протягом" is a date, as after "у"
    ("У 1920 р. мир. Протягом грудня того ж року армія відступала.",
     [("У 1920 р.", "1920"), ("грудня того ж року", "1920-12")]),
    ("В 1920 г. мир. В течение декабря армия отступала.", [("В 1920 г.", "1920"), ("декабря", "1920-12")]),
    # a count of a thousand years or more is a duration after a duration word or before
    # "тому", a year otherwise
    ("Церква стояла протягом 1000 років.", [("протягом 1000 років", "P1000Y")]),
    ("Понад 1000 років тому тут жили люди.", [("Понад 1000 років тому", None)]),
    ("Події 1920 років.", [("1920 років", "1920")]),
])
def test_time_page_layouts_and_whole_units(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a news dateline: its clock after a comma, its day the document date
    ("Львів, 12 березня 2021, 09:15. Сто років тому тут підписали мир. Сьогодні згадали.",
     [("12 березня 2021, 09:15", "2021-03-12T09:15"), ("Сто років тому", "1921"),
      ("Сьогодні", "2021-03-12")]),
    ("ЛЬВІВ — 12 березня 2021\n\nСто років тому тут підписали мир.",
     [("12 березня 2021", "2021-03-12"), ("Сто років тому", "1921")]),
    # a narrative opening with a date is not a dateline
    ("12 березня 2021 року делегати зустрілися. Сто років тому тут підписали мир.",
     [("12 березня 2021 року", "2021-03-12"), ("Сто років тому", None)]),
    ("Це було 12 березня 2021, 18 депутатів проти.", [("12 березня 2021", "2021-03-12")]),
    # a publication line anywhere gives the document date
    ("Сто років тому підписали мир. Дата публікації: 12.03.2021.",
     [("Сто років тому", "1921"), ("12.03.2021", "2021-03-12")]),
    ("Сто лет назад подписали мир.\n\nОпубликовано 5 мая 2020 г.",
     [("Сто лет назад", "1920"), ("5 мая 2020 г.", "2020-05-05")]),
])
def test_time_news_dateline(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected


@pytest.mark.parametrize("text,expected", [
    # anaphora after a range: the whole range; after a point: the point
    ("У 1790—1792 рр. армія стояла. В цей час флот рушив. 5 травня 1793 р. мир. На той час все.",
     [("У 1790—1792 рр.", "1790/1792"), ("В цей час", "1790/1792"), ("5 травня 1793 р.", "1793-05-05"),
      ("На той час", "1793-05-05")]),
    ("В 1790—1792 годах армия стояла. В это время флот двинулся.",
     [("В 1790—1792 годах", "1790/1792"), ("В это время", "1790/1792")]),
])
def test_time_anaphora_after_a_range(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # parts of two years: one range of the years
    ("Наприкінці 1918 – на початку 1919 року влада змінилася.",
     [("Наприкінці 1918 – на початку 1919 року", "1918/1919")]),
    ("В конце 1918 – начале 1919 года власть сменилась.", [("В конце 1918 – начале 1919 года", "1918/1919")]),
    # a clock after a numeric date; an ambiguous month in a month range after a preposition
    ("22.06.1941 о 4:00 почався наступ.", [("22.06.1941 о 4:00", "1941-06-22T04:00")]),
    ("22.06.1941 р. О 4:00 почався наступ.", [("22.06.1941 р.", "1941-06-22"), ("О 4:00", "1941-06-22T04:00")]),
    ("У лютому—березні 1917 р. почалася революція.", [("У лютому—березні 1917 р.", "1917-02/1917-03")]),
    ("Лютого–березня не було.", []),
])
def test_time_part_ranges_and_clock_after_numeric_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a part of the day joins a date only as a whole word ("опівночі" is not "вночі"); before
    # a written-out date the value stays the date (FORMAT.md has no part-of-day codes)
    ("Опівночі 10 грудня 1919 р. прибули. Уночі 11 грудня 1919 р. виїхали.",
     [("10 грудня 1919 р.", "1919-12-10"), ("Уночі 11 грудня 1919 р.", "1919-12-11")]),
    # after a day of the narrative it narrows that day
    ("11 грудня 1919 р. посли прибули. Увечері того ж дня виїхали.",
     [("11 грудня 1919 р.", "1919-12-11"), ("Увечері того ж дня", "1919-12-11TEV")]),
    # a month and a half
    ("5 квітня 1710 р. обрали гетьмана. Через півтора місяця він виїхав.",
     [("5 квітня 1710 р.", "1710-04-05"), ("Через півтора місяця", "1710-05-17")]),
])
def test_time_day_parts_and_half_units(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected


@pytest.mark.parametrize("text,expected", [
    # after a night from one day to the next: "that night" is the night, the next day
    # counts from the night's first day
    ("У 1920 р. війна. У ніч з 7 на 8 травня полк рушив. Тієї ж ночі штаб виїхав. Наступного дня бій.",
     [("У 1920 р.", "1920"), ("ніч з 7 на 8 травня", "1920-05-07/1920-05-08"),
      ("Тієї ж ночі", "1920-05-07/1920-05-08"), ("Наступного дня", "1920-05-08")]),
    ("Ніч з 30 квітня на 1 травня 1920 р. минула тихо. Наступного дня бій.",
     [("Ніч з 30 квітня на 1 травня 1920 р.", "1920-04-30/1920-05-01"), ("Наступного дня", "1920-05-01")]),
    # after a day it stays the night of that day
    ("7 травня 1920 р. бій. Тієї ж ночі штаб виїхав.", [("7 травня 1920 р.", "1920-05-07"), ("Тієї ж ночі", "1920-05-07TNI")]),
])
def test_time_the_night_of_the_narrative(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # ordinal years listed under one plural year word: one expression, as "у 1932 і 1933 рр."
    ("У 1932-му та 1933-му роках тривав голод.", [("У 1932-му та 1933-му роках", "1932/1933")]),
    ("В 1932-м и 1933-м годах был голод.", [("В 1932-м и 1933-м годах", "1932/1933")]),
    # a gap or a singular year word: separate years
    ("У 1932-му і 1935-му роках.", [("У 1932-му", "1932"), ("1935-му", "1935")]),
    ("У 1932-му та 1933-му році.", [("У 1932-му", "1932"), ("1933-му", "1933")]),
])
def test_time_lists_of_ordinal_years(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # two calendars with a slash: the calendar gap decides, else it is no double date
    ("Проголошено 5/18 березня 1918 р. у Києві.", [("5/18 березня 1918 р.", "1918-03-18")]),
    ("Лист від 28/10 лютого 1918 р.", [("28/10 лютого 1918 р.", "1918-02-10")]),
    ("Бій 5/6 травня 1920 р.", [("6 травня 1920 р.", "1920-05-06")]),
    # a clock after any day it falls on is one expression with it
    ("Підписано 1 (14) лютого 1918 р. о 2 годині ночі.",
     [("1 (14) лютого 1918 р. о 2 годині ночі", "1918-02-14T02:00")]),
    ("1 травня 1920 р. О 10:00 почалося.", [("1 травня 1920 р.", "1920-05-01"), ("О 10:00", "1920-05-01T10:00")]),
])
def test_time_slash_calendars_and_clock_after_a_day(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # Roman numerals joined by a hyphen survive the heading normaliser
    ("Війна скінчилася. У XVII-XVIII ст. козаки воювали.", [("У XVII-XVIII ст.", "16XX/17XX")]),
    ("Війна скінчилася. У ХІХ-ХХ ст. козаки воювали.", [("У ХІХ-ХХ ст.", "18XX/19XX")]),
])
def test_time_roman_ranges_through_the_pipeline(pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(t.text, t.value) for t in pipeline.text(text).timexes] == expected


@pytest.mark.parametrize("text,expected", [
    # a bare year after a preposition before a verb, a name or a nominative noun
    ("У 1999 очолив міністерство, а до 2018 був радником.", [("У 1999", "1999"), ("2018", "2018")]),
    ("У 1654 Хмельницький уклав договір.", [("У 1654", "1654")]),
    ("У 2013 фірма повідомила про це.", [("У 2013", "2013")]),
    # counts govern a genitive
    ("Витратили у 2000 гривень, а близько 1000 видів зникли.", []),
])
def test_time_bare_years_before_a_clause(pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(t.text, t.value) for t in pipeline.text(text).timexes] == expected


# -- round 4 of issue 13 item 6 --

@pytest.mark.parametrize("text,expected", [
    # a duration adjective before "війна" is a name at a sentence start too
    ("Семирічна війна тривала довго.", []),
    ("Шестиденна війна 1967 року.", [("1967 року", "1967")]),
    ("Тридцатилетняя война закончилась.", []),
    # other nouns keep the duration, at a sentence start as inside one
    ("Дводенна битва скінчилася.", [("Дводенна", "P2D")]),
    ("Семирічний план виконали.", [("Семирічний", "P7Y")]),
])
def test_time_duration_adjective_names(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the ISO week of the narrative day moved by weeks; the narrative day stays
    ("12 березня 1931 р. відкрили з'їзд. Наступного тижня він закрився. Наступного дня виїхали.",
     [("12 березня 1931 р.", "1931-03-12"), ("Наступного тижня", "1931-W12"),
      ("Наступного дня", "1931-03-13")]),
    ("2 січня 1911 р. почалися збори. Того ж тижня приїхав гетьман.",
     [("2 січня 1911 р.", "1911-01-02"), ("Того ж тижня", "1911-W01")]),
    ("1 січня 1911 р. була неділя; попереднього тижня йшов сніг.",
     [("1 січня 1911 р.", "1911-01-01"), ("попереднього тижня", "1910-W51")]),
    ("7 октября 1926 г. открылся съезд. На следующей неделе он закрылся.",
     [("7 октября 1926 г.", "1926-10-07"), ("На следующей неделе", "1926-W41")]),
    # without a narrative day: no value
    ("У квітні 1931 р. почалися збори. Наступного тижня приїхав гетьман.",
     [("У квітні 1931 р.", "1931-04"), ("Наступного тижня", None)]),
])
def test_time_relative_weeks(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # Latin look-alikes inside a Cyrillic word and as the year abbreviation
    ("Наступ почався 5 вepecня 1939 року.", [("5 вepecня 1939 року", "1939-09-05")]),
    ("У 1918 p. почалась війна, у 1918—1920 pp. тривала.",
     [("У 1918 p.", "1918"), ("1918—1920 pp.", "1918/1920")]),
    # Latin words and pages stay as they are
    ("Див. Linux p. 5 і 1918 pages.", []),
])
def test_time_latin_lookalikes(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the genitive of a two-digit year after its prepositions and after a season adverb
    ("У 1932 р. почався голод. Влітку 33-го вимирали села.",
     [("У 1932 р.", "1932"), ("Влітку 33-го", "1933-SU")]),
    ("У 1938 р. його заарештували. Після 39-го, як і до 37-го, він мовчав.",
     [("У 1938 р.", "1938"), ("39-го", "1939"), ("37-го", "1937")]),
    ("В 1932 г. началось. С 33-го года все изменилось.", [("В 1932 г.", "1932"), ("33-го года", "1933")]),
    # an ordinal before a noun is not a year; without a narrative year no value
    ("У 1941 р. з 33-го полку прибули бійці.", [("У 1941 р.", "1941")]),
    ("Восени 41-го місто впало.", [("Восени 41-го", None)]),
])
def test_time_genitive_short_years(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # day, month and year in two digits each: the year in the narrative's century
    ("У 1915 р. полк стояв під Ригою. 18.12.15 прибув новий командир.",
     [("У 1915 р.", "1915"), ("18.12.15", "1915-12-18")]),
    ("Рішення 2011 року. Наказ від 07.07.11 № 110 скасовано.",
     [("2011 року", "2011"), ("07.07.11", "2011-07-07")]),
    ("Наказ від 07.07.11 скасовано.", [("07.07.11", None)]),
    # not a version, a code or an impossible day
    ("У 1915 р. версія 1.12.15 і шифр 03.02.00-UA, а також 31.02.15.", [("У 1915 р.", "1915")]),
])
def test_time_numeric_dates_with_two_digit_years(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a year alone on its line is a heading
    ("Хроніка\n1918\nУ січні почалося повстання.\n1919:\nУ березні все скінчилося.",
     [("1918", "1918"), ("У січні", "1918-01"), ("1919", "1919"), ("У березні", "1919-03")]),
    # a life-date abbreviation before a bare year
    ("Гетьман Мазепа (р.н. 1639, пом. 1709) і полковник (бл. 1640).",
     [("1639", "1639"), ("1709", "1709"), ("1640", "1640")]),
    # a number with a unit stays a number
    ("Тираж бл. 1500 прим., ціна\n1918 грн", []),
])
def test_time_year_headings_and_life_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # life dates with one end uncertain or marked, in brackets or before a year word
    ("Гетьман Мазепа (1639 – бл. 1709) і Сірко (1610? – 1680).",
     [("1639 – бл. 1709", "1639/1709"), ("1610? – 1680", "1610/1680")]),
    ("Полковник (1640 — пом. 1700).", [("1640 — пом. 1700", "1640/1700")]),
    # a quantity after the marker is no year
    ("У 1918 – бл. 2000 прим. видано.", [("У 1918", "1918")]),
])
def test_time_life_date_ranges(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a season of the narrative year; "next" is the season's next beginning
    ("У 1648 р. почалося повстання. Того ж літа козаки взяли Київ. У серпні вони пішли далі.",
     [("У 1648 р.", "1648"), ("Того ж літа", "1648-SU"), ("У серпні", "1648-08")]),
    ("У 1648 р. почалося повстання. Наступної весни козаки рушили.",
     [("У 1648 р.", "1648"), ("Наступної весни", "1649-SP")]),
    ("10 жовтня 1648 р. почалася облога. Наступної зими місто здалося.",
     [("10 жовтня 1648 р.", "1648-10-10"), ("Наступної зими", "1648-WI")]),
    ("В 1648 г. началось восстание. Тем же летом казаки взяли Киев.",
     [("В 1648 г.", "1648"), ("Тем же летом", "1648-SU")]),
    ("Тієї осені козаки повернулися.", [("Тієї осені", None)]),
    # a year after the season: the season rule reads it
    ("У 1928 р. заготівлі зросли. Але наступної зими 1928-1929 рр. криза повторилася.",
     [("У 1928 р.", "1928"), ("зими 1928-1929 рр.", "1928-WI")]),
])
def test_time_seasons_of_the_narrative_year(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a clock time with no date of its own falls on the narrative day, even after a season
    # between them; a bare "HH:MM" is a clock time only where the narrative has a day
    ("Нарада почнеться 3 березня 2011 р. Це перша нарада з весни 2008 року. "
     "Після приїзду о 10:15 за місцевим часом (11:15 за Києвом) буде обід, а на 16:30 – брифінг.",
     [("3 березня 2011 р.", "2011-03-03"), ("весни 2008 року", "2008-SP"),
      ("о 10:15", "2011-03-03T10:15"), ("11:15", "2011-03-03T11:15"), ("16:30", "2011-03-03T16:30")]),
    ("Рахунок матчу 1990 року був 3:10.", [("1990 року", "1990")]),
    ("Засідання у 1920 році тривало до 12:40.", [("1920 році", "1920")]),
    # a new excerpt forgets the day
    ("Збори відбулися 2 квітня 1921 р.\n\nУ 1930 р. о 10:30 почалося засідання.",
     [("2 квітня 1921 р.", "1921-04-02"), ("У 1930 р.", "1930"), ("о 10:30", None)]),
])
def test_time_clock_on_the_narrative_day(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # day first, as Ukrainian writes it; month first where the second number is a day, and
    # in a content system's byline with a dash before the clock
    ("Опубліковано 14/03/2015.", [("14/03/2015", "2015-03-14")]),
    ("Опубліковано 03/14/2015.", [("03/14/2015", "2015-03-14")]),
    ("Автор: редактор, дата: пт, 03/06/2015 - 10:12\n7 березня буде свято.",
     [("03/06/2015 - 10:12", "2015-03-06T10:12"), ("7 березня", "2015-03-07")]),
    ("Номер 31/31/2015 не дата.", []),
    # a clock time at the end of a line is not the time of the next line's date
    ("Оновлено о 09:41\n12 травня 1945 р. уряд заявив",
     [("о 09:41", None), ("12 травня 1945 р.", "1945-05-12")]),
    # "літ" counts years; an abbreviated "Наступ. дня" is the next day
    ("Договору у 2011 р. виповнилося 350 літ.", [("2011 р.", "2011"), ("350 літ", "P350Y")]),
    ("Рада постала 5 листопада 1920. Наступ. дня вона звернулася до послів.",
     [("5 листопада 1920", "1920-11-05"), ("Наступ. дня", "1920-11-06")]),
])
def test_time_bylines_and_abbreviations(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # "Тоді" opening the sentence after a dated one is that date; after an undated sentence
    # or inside a sentence it stays untagged
    ("Перший етап. 3 квітня 1961 — 9 травня 1962 — другий етап нарад. Тоді ухвалили текст.",
     [("3 квітня 1961 — 9 травня 1962", "1961-04-03/1962-05-09"), ("Тоді", "1961-04-03/1962-05-09")]),
    ("Декрет видали 5 травня 1876 р. Тоді ж цар поїхав на води.",
     [("5 травня 1876 р.", "1876-05-05"), ("Тоді", "1876-05-05")]),
    ("Це станеться згодом. Тоді ніхто не вірив.", []),
    # a sentence marking an anniversary gives "Тоді" no date
    ("У 2021 році відзначаємо річницю битви. Тоді військо напало на місто.",
     [("У 2021 році", "2021")]),
    ("Уранці 27 червня 1709 р. військо рушило; тоді шведи відступили.",
     [("27 червня 1709 р.", "1709-06-27")]),
])
def test_time_then_after_a_dated_sentence(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected


@pytest.mark.parametrize("text,expected", [
    # last / this week, month and year of the narrative
    ("5 травня 1920 р. посол приїхав. Минулого тижня уряд заявив протест, а цього місяця "
     "підписав угоду поточного року.",
     [("5 травня 1920 р.", "1920-05-05"), ("Минулого тижня", "1920-W18"), ("цього місяця", "1920-05"),
      ("поточного року", "1920")]),
    ("Нарада була 10 березня 1933 р., а у минулому місяці посол виїхав.",
     [("10 березня 1933 р.", "1933-03-10"), ("у минулому місяці", "1933-02")]),
])
def test_time_last_and_this_units(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a count with an adjective before its unit, or between the duration word and the count
    ("Збори мали початися протягом трьох наступних днів.", [("протягом трьох наступних днів", "P3D")]),
    ("Протягом наступних двох тижнів полк стояв.", [("Протягом наступних двох тижнів", "P2W")]),
    # a duration adjective before "сейм" names the diet
    ("Чотирирічний сейм ухвалив закон.", []),
    # New Year's Day, and the day before it; a December day told in January is the one gone by
    ("У лютому 1920 року уряд упав. Напередодні Нового 1920 року посли виїхали. 19 грудня "
     "рада ухвалила закон.",
     [("У лютому 1920 року", "1920-02"), ("Напередодні", "1919-12-31"),
      ("Нового 1920 року", "1920-01-01"), ("19 грудня", "1919-12-19")]),
    ("У березні 1921 р. посли прибули. 5 травня уряд заявив.",
     [("У березні 1921 р.", "1921-03"), ("5 травня", "1921-05-05")]),
    # a year in a bracketed aside does not move the narrative year
    ("Договір 1919 р. з Королівством (від 1929 — Югославія) підписали 28 черв. у Версалі.",
     [("1919 р.", "1919"), ("1929", "1929"), ("28 черв.", "1919-06-28")]),
])
def test_time_counts_holidays_and_asides(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # encyclopedic bare years between a verb and a capitalised word; not a count before
    # a genitive
    ("Шляхта утворила 1792 Торговицьку конфедерацію.", [("1792", "1792")]),
    ("Поділ затвердив сейм 1793 в Гродно.", [("1793", "1793")]),
    ("Купили 1500 Козацьких шабель.", []),
    # "в той же час" is the narrative's time
    ("Влітку 1711 р. військо рушило на Прут. В той же час посли вели переговори.",
     [("Влітку 1711 р.", "1711-SU"), ("В той же час", "1711-SU")]),
])
def test_time_bare_years_after_verbs(pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(t.text, t.value) for t in pipeline.text(text).timexes] == expected


@pytest.mark.parametrize("text,expected", [
    # a dateline under a headline, and one that opens a later excerpt, date their "сьогодні"
    ("Міністри поїхали на зустріч\n3 квітня 2015, 10:20\nСьогодні вони говорили.",
     [("3 квітня 2015, 10:20", "2015-04-03T10:20"), ("Сьогодні", "2015-04-03")]),
    ("Влітку 2001 року почали будову.\n\nВівторок, 8 травня 2012, 11:05\n"
     "Сьогодні і вчора тривали переговори.",
     [("Влітку 2001 року", "2001-SU"), ("Вівторок, 8 травня 2012, 11:05", "2012-05-08T11:05"),
      ("Сьогодні", "2012-05-08"), ("вчора", "2012-05-07")]),
    # a date line deep inside an excerpt is no dateline
    ("Влітку 2001 року почали будову.\nЛюди раділи.\n8 травня 2012, 11:05\nСьогодні свято.",
     [("Влітку 2001 року", "2001-SU"), ("8 травня 2012, 11:05", "2012-05-08T11:05"),
      ("Сьогодні", None)]),
])
def test_excerpt_datelines(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a month alone before a later month with its year, in one list
    ("Зустрічі в Мюнхені у квітні і в Берліні в травні 1988 року.",
     [("квітні", "1988-04"), ("травні 1988 року", "1988-05")]),
    # one hour; days and hours as one duration
    ("Вони розмовляли близько години.", [("близько години", "PT1H")]),
    ("Облога тривала 12 діб та 6 годин.", [("12 діб та 6 годин", "P12DT6H")]),
    # the number of a resolution is no year
    ("Рада ухвалила резолюцію 1514, за якою війська пішли.", []),
])
def test_time_round_six(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a web page's byline: clock time, short month name, day, year
    ("Саміт у Вільнюсі\n18:07 Лип 11, 2023\nЗасідання відбудеться у середу, 12 липня.",
     [("18:07 Лип 11, 2023", "2023-07-11T18:07"), ("у середу, 12 липня", "2023-07-12")]),
    # a lower-case "лип" is a word, no month
    ("Серед лип 11, 2023 нових саджанців.", []),
    # a count in the instrumental before "потому"
    ("Угоду ратифікували 14 січня 1998 року. П’ятнадцятьма роками потому почалася війна.",
     [("14 січня 1998 року", "1998-01-14"), ("П’ятнадцятьма роками потому", "2013")]),
])
def test_time_bylines_and_instrumental_counts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected
