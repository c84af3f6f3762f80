"""Session 16: categories from unannotated real pages (made-up sentences)."""

from __future__ import annotations

import pytest

from litopys.pipeline.time import tag


def _tags(text: str, anchor: str | None = None) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text, anchor=anchor)]


@pytest.mark.parametrize(
    "text",
    ["В 2022 году к 368-й годовщине Переяславской рады прошла конференция.",
     "к 1000-й годовщине крещения"],
)
def test_time_an_ordinal_before_an_anniversary_is_no_year(text: str) -> None:
    assert all(value not in ("0368", "1000") for _, value in _tags(text))


def test_time_an_ordinal_year_before_other_words_stays() -> None:
    assert ("У 1991-му", "1991") in _tags("У 1991-му річниця минула тихо.")
    assert ("з 1648-го по 1654-й", "1648/1654") in _tags("з 1648-го по 1654-й")


def _stage(text: str) -> list[tuple[str, str | None]]:
    from litopys.pipeline.language import Pipeline
    return [(t.text, t.value) for t in Pipeline().text(text).timexes]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Повітряна тривога тривала 1 год 24 хв, потім відбій.", ("1 год 24 хв", "PT1H24M")),
        ("Бій тривав 2 год. 30 хв., потім стих.", ("2 год. 30 хв.", "PT2H30M")),
        ("Засідання тривало 3 години 15 хвилин.", ("3 години 15 хвилин", "PT3H15M")),
        ("Переговоры длились 8 часов 40 минут.", ("8 часов 40 минут", "PT8H40M")),
    ],
)
def test_time_hours_and_minutes_are_one_duration(text: str, expected: tuple[str, str]) -> None:
    assert expected in _stage(text)


def test_time_minutes_after_hours_counted_forward_join_the_point() -> None:
    found = _stage("12 березня 1938 року почалося засідання. Через 2 години 30 хвилин усе "
                   "скінчилося.")
    assert ("Через 2 години 30 хвилин", "1938-03-12") in found
    assert all(text != "30 хвилин" for text, _ in found)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Двадцять перше листопада 2013 року стало початком.",
         ("Двадцять перше листопада 2013 року", "2013-11-21")),
        ("Перше травня 1919 року відзначали широко.", ("Перше травня 1919 року", "1919-05-01")),
        ("Двадцать первое ноября 2013 года.", ("Двадцать первое ноября 2013 года", "2013-11-21")),
    ],
)
def test_time_a_day_in_words_in_the_nominative(text: str, expected: tuple[str, str]) -> None:
    assert expected in _tags(text)


def test_time_a_nominative_ordinal_without_a_month_is_no_day() -> None:
    assert _tags("перше місце посів Київ; друге — Львів") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Сообщения доставили в субботу, 27 октября 1962 года. В Москве было 5 часов вечера.",
         ("5 часов вечера", "1962-10-27T17:00")),
        ("22 червня 1941 року. Було 4 години ранку, коли почався обстріл.",
         ("4 години ранку", "1941-06-22T04:00")),
        ("9 травня 1945 року. Близько 11 години ночі.", ("11 години ночі", "1945-05-09T23:00")),
    ],
)
def test_time_hours_with_a_part_of_the_day_are_a_clock_time(
        text: str, expected: tuple[str, str]) -> None:
    assert expected in _stage(text)


@pytest.mark.parametrize(
    "text",
    ["Історія битви\n8 липня 2019\nБитва відбулася влітку 1659 року. 29 червня (8 липня) козаки "
     "розбили військо.",
     "08.07.2019 12:30\nБитва відбулася влітку 1659 року. 29 червня (8 липня) козаки розбили "
     "військо."],
)
def test_time_the_page_date_is_no_earlier_telling_of_a_day(text: str) -> None:
    # a year-less day equal to an earlier dated day takes its year, but not the page's date's
    assert ("29 червня (8 липня)", "1659-07-08") in _tags(text)


@pytest.mark.parametrize(
    "phrase,value",
    [("Наступної доби", "1938-03-13"), ("Днем раніше", "1938-03-11"),
     ("Того ж числа", "1938-03-12"), ("За добу до того", "1938-03-11"),
     ("Днем раньше", "1938-03-11"), ("На следующие сутки", "1938-03-13")],
)
def test_time_more_days_of_the_narrative(phrase: str, value: str) -> None:
    text = f"12 березня 1938 року уряд пішов у відставку. {phrase} війська перейшли кордон."
    assert (phrase, value) in _tags(text)


def test_time_years_ago_move_a_narrative_at_the_page_date() -> None:
    text = ("22 червня 2021\nРівно 80 років тому почалася війна. Вранці 22 червня німецькі "
            "війська перейшли кордон. Того ж року вони захопили Київ.")
    found = _stage(text)
    assert ("Того ж року", "1941") in found
    assert any(t.startswith("Вранці 22 червня") and v and v.startswith("1941-06-22")
               for t, v in found)


def test_time_years_ago_leave_a_story_where_it_is() -> None:
    text = ("22 червня 2021\nУ 1991 році Україна стала незалежною. 100 років тому, 1891, нічого "
            "не було. 24 серпня проголосили незалежність.")
    assert ("24 серпня", "1991-08-24") in _tags(text)


@pytest.mark.parametrize(
    "line",
    ["Автор | 22.06.2021", "22.06.2021 | Історія", "Опубліковано 22 червня 2021 р. о 10:15",
     "Історія | 22 червня 2021 | 1250 переглядів"],
)
def test_time_page_date_lines_of_other_layouts(line: str) -> None:
    text = (f"{line}\nТрагедія війни 1941 року. Вранці 22 червня німецькі війська перейшли "
            "кордон. Того ж року вони захопили Київ.")
    assert ("Того ж року", "1941") in _tags(text)


def test_time_a_narrative_opening_with_a_date_still_holds_the_story() -> None:
    text = "22 червня 1941 року німецькі війська перейшли кордон.\nТого ж року вони захопили Київ."
    assert ("Того ж року", "1941") in _tags(text)


def test_time_a_writing_year_still_to_come_is_not_inferred() -> None:
    # "N років тому" beside a year infers the year of writing as that year + N; when that
    # lies in the future, the year given is the writing's own
    found = _stage("Вісімдесят років тому, у 2019 році, згадували пакт. Тоді ж відкрили музей.")
    assert ("Вісімдесят років тому", "1939") in found


def test_time_a_writing_year_by_apposition_stays() -> None:
    found = _stage("80 років тому, 23 серпня 1939 року, підписали пакт. Сто років тому було "
                   "інакше.")
    assert ("Сто років тому", "1919") in found


def test_time_a_part_of_the_day_before_a_written_day_keeps_the_day_plain() -> None:
    found = _stage("2 березня 2014 року почалися протести. Увечері 6 березня Рада ухвалила "
                   "постанову. Увечері того ж дня зібрався мітинг.")
    assert ("Увечері 6 березня", "2014-03-06") in found
    assert ("Увечері того ж дня", "2014-03-06TEV") in found


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2 лютого 1918 року делегація прибула. 20 грудня було засідання. 5 березня підписали.",
         ("5 березня", "1918-03-05")),
        ("У січні 1918 року почалися переговори. 2 лютого делегація прибула. Ще 11 листопада "
         "уряд ухвалив рішення. 15 січня відбулося засідання.", ("15 січня", "1918-01-15")),
    ],
)
def test_time_after_a_day_read_back_an_early_month_returns(text: str, expected: tuple[str, str]
                                                          ) -> None:
    # a late-year day told in the first months of a year is read in the year before; the
    # next early-month day is the narrative's year again, not the year before
    assert expected in _tags(text)


def test_time_december_days_after_a_day_read_back_stay_back() -> None:
    found = _tags("Напередодні Нового 2014 року. 19 грудня Янукович підписав. 21 грудня "
                  "зібрався Майдан. 16 січня ухвалили закони.")
    assert ("21 грудня", "2013-12-21") in found
    assert ("16 січня", "2014-01-16") in found


def test_time_during_the_day_after_a_narrative_day_is_that_day() -> None:
    found = _stage("12 березня 1938 року уряд пішов у відставку. Протягом дня війська стояли "
                   "на кордоні.")
    assert ("Протягом дня", "1938-03-12") in found


def test_time_during_the_day_without_a_day_stays_a_duration() -> None:
    assert ("протягом дня", "P1D") in _stage("Переговори тривали протягом дня.")
