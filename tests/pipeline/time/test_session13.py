"""Session 13: forms seen on unannotated real pages (made-up sentences)."""

from __future__ import annotations

import pytest

from litopys.pipeline.time import tag


def _tags(text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Темою була Козаччина, зокрема 17 століття.", [("17 століття", "16XX")]),
    ("Край занепав наприкінці 19 століття.", [("наприкінці 19 століття", "18XX")]),
    ("Так було з 21 сторіччя.", [("21 сторіччя", "20XX")]),
    ("Это случилось в конце 17 века.", [("в конце 17 века", "16XX")]),
])
def test_a_century_in_digits_before_the_singular_noun_is_that_century(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Місто стояло протягом 17 століть.", [("протягом 17 століть", "P1700Y")]),
    ("Місто стояло протягом 3 століття.", [("протягом 3 століття", "P300Y")]),
])
def test_a_count_of_centuries_stays_a_duration(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


def _extract(text: str) -> list[tuple[str, str | None]]:
    import litopys

    return [(t.text, t.value) for t in litopys.extract(text).timexes]


@pytest.mark.parametrize(("text", "expected"), [
    ("Незалежність проголосили 1991 року. За 20 років незалежності країна змінилась.",
     ("За 20 років", "P20Y")),
    ("Незалежність проголосили 1991 року. За 20 років незалежної України вийшло багато книг.",
     ("За 20 років", "P20Y")),
    ("Договор подписали в 2019 году. За 3 года войны погибли тысячи.", ("За 3 года", "P3Y")),
    ("Після двох років важкої війни уряд пішов на переговори.", ("двох років", "P2Y")),
])
def test_a_count_within_which_something_lasted_is_a_duration(
        text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _extract(text)


def test_a_count_before_a_preposition_stays_a_point() -> None:
    assert ("За два роки до того", "2017") in _extract(
        "Саміт відбувся 2019 року. За два роки до того уряд зібрався.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Саміт відбувся 2019 року. Уперше за 3 роки розпочалася зустріч.", ("за 3 роки", "P3Y")),
    ("Саммит прошел в 2019 году. Впервые за 3 года началась встреча.", ("за 3 года", "P3Y")),
])
def test_for_the_first_time_in_a_count_is_the_span_looked_back_over(
        text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _extract(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("На початку 1855 до коаліції приєдналося королівство.", ("На початку 1855", "1855")),
    ("На поч. 1855 до коаліції приєдналося королівство.", ("На поч. 1855", "1855")),
    ("В начале 1855 к коалиции присоединилось королевство.", ("В начале 1855", "1855")),
])
def test_a_part_word_before_a_bare_year_makes_it_a_year(
        text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _extract(text)


def test_a_part_word_before_a_count_of_something_is_no_year() -> None:
    assert _extract("На початку 1000 кілометрів дорога була рівна.") == []


def test_a_zero_count_is_no_duration() -> None:
    assert _extract("Припинення вогню з 00 годин 15 лютого 2015 року.") == [
        ("15 лютого 2015 року", "2015-02-15")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Митрополит Михайло Рогоза (1588\u201299 рр.).", [("1588\u201299 рр.", "1588/1599")]),
    ("Війна тривала у 1648\u22121657 роках.", [("1648\u22121657 роках", "1648/1657")]),
    ("Війна тривала у 1648\u20111657 роках.", [("1648\u20111657 роках", "1648/1657")]),
])
def test_rarer_dashes_of_web_pages_make_ranges(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


def test_a_dated_first_line_is_no_headline_over_a_dateline() -> None:
    # the excerpt's first line opens with a date in the narrative and its second line is
    # no dateline: "сьогодні" has no document date (it had the first line's day)
    text = ("6-11 жовтня 1596 р. у Бересті відбулися два собори.\n"
            "Тобто, сьогодні ми маємо ювілей цієї події.")
    assert ("сьогодні", None) in _extract(text)


def test_now_takes_the_dateline_under_a_headline() -> None:
    text = ("Новий договір. Чому його порівнюють з договором 1963 року?\n"
            "31 березня 2023, 13:54\n"
            "Київ та Варшава зараз посилюють співпрацю.")
    assert ("зараз", "2023-03-31") in _extract(text)


def test_now_without_a_document_date_is_dropped() -> None:
    text = "Армії зійшлися біля Берестечка (зараз місто в складі громади) 1651 року."
    assert _extract(text) == [("1651 року", "1651")]


def test_a_count_before_an_event_counts_back_from_the_narrative_and_leaves_it() -> None:
    text = ("Влітку 1711 року армія рушила. За два роки до вищеописаних подій Росія "
            "перемогла. Наступного року цар помер.")
    assert _extract(text) == [("Влітку 1711 року", "1711-SU"), ("За два роки", "1709"),
                              ("Наступного року", "1712")]


def test_a_count_before_an_event_after_a_day() -> None:
    text = "Угоду уклали 5 травня 1920 року. За два дні до укладання угоди сторони зустрілися."
    assert ("За два дні", "1920-05-03") in _extract(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Переговори почалися 18 червня 1999 року. За два з половиною місяці до цього сторони "
     "зустрілися.", ("За два з половиною місяці до цього", "1999-04")),
    ("Переговори почалися 18 березня 1999 року. Через два з половиною місяці сторони "
     "зустрілися.", ("Через два з половиною місяці", "1999-06")),
    ("Переговори почалися в березні 1999 року. Через два з половиною роки сторони "
     "зустрілися.", ("Через два з половиною роки", "2001")),
    ("Переговори почалися 18 березня 1999 року. Протягом двох з половиною місяців сторони "
     "зустрічалися.", ("Протягом двох з половиною місяців", "P2M15D")),
])
def test_a_count_and_a_half_from_the_narrative_is_a_point(
        text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _extract(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Навесні 1648 р. почалося повстання. З середини липня до кінця серпня 1649 р. тривала "
     "облога.", ("З середини липня до кінця серпня 1649 р.", "1649-07/1649-08")),
    ("Навесні 1648 р. почалося повстання. Від початку липня до середини серпня 1649 р. "
     "тривала облога.", ("Від початку липня до середини серпня 1649 р.", "1649-07/1649-08")),
    ("Навесні 1648 р. почалося повстання. З середини грудня до кінця січня 1650 р. тривала "
     "облога.", ("З середини грудня до кінця січня 1650 р.", "1649-12/1650-01")),
])
def test_the_first_end_of_a_range_takes_the_year_the_second_writes(
        text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _extract(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Навесні 1647 р. почалося. Наприкінці травня – на початку червня 1648 р. відбулися "
     "битви.", ("Наприкінці травня – на початку червня 1648 р.", "1648-05/1648-06")),
    ("Наприкінці травня 1648 р. – на початку червня відбулися битви.",
     ("Наприкінці травня 1648 р. – на початку червня", "1648-05/1648-06")),
])
def test_parts_of_two_months_joined_by_a_dash_are_one_range(
        text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _extract(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Зерно експортуватимуть протягом 120-ти днів.", [("протягом 120-ти днів", "P120D")]),
    ("Соглашение действует в течение 5-ти лет.", [("в течение 5-ти лет", "P5Y")]),
    ("Так було у 90-х роках.", [("90-х роках", "199X")]),
])
def test_a_count_in_digits_may_carry_its_case_ending(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _tags(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Договір 1654 року. У 30-х роках минулого століття почалися репресії.",
     ("У 30-х роках минулого століття", "193X")),
    ("Договір 1654 року. На початку минулого століття почалися репресії.",
     ("На початку минулого століття", "19XX")),
    ("Договор 1654 года. В 20-е годы прошлого века начались репрессии.",
     ("В 20-е годы прошлого века", "192X")),
])
def test_the_last_century_is_the_one_before_the_time_of_writing(
        text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _extract(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Він вийшов весною року 1648 на Україну. В році 1649 він був записаний до реєстру.",
     [("весною року 1648", "1648-SP"), ("В році 1649", "1649")]),
    ("Це сталося в січні року 1649.", [("січні року 1649", "1649-01")]),
    ("Весной года 1648 войско вышло.", [("Весной года 1648", "1648-SP")]),
    ("Протягом року 1500 козаків служили.", [("Протягом року", "P1Y")]),
])
def test_older_prose_writes_the_year_word_before_the_year(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _extract(text) == expected
