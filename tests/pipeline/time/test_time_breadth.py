"""Forms real pages use that no evaluation set had yet (time helper, round 2): made-up
sentences, every expression in text order, span and value."""

from __future__ import annotations

import pytest
import spacy

from litopys.pipeline.time.tagger import TimeTagger, tag
from litopys.pipeline.time.values import VALUE_RE, Point, TimexValue


def found(text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(text)]


@pytest.mark.parametrize("text,expected", [
    # a list of years under one plural year word: first to last listed year
    ("Голод лютував у 1932 та 1933 роках.", [("1932 та 1933 роках", "1932/1933")]),
    ("У 1932, 1933 і 1934 роках уряд реквізував зерно.",
     [("У 1932, 1933 і 1934 роках", "1932/1934")]),
    # a gap: separate years
    ("Вибори пройшли у 1920, 1922 та 1925 рр.",
     [("1920", "1920"), ("1922", "1922"), ("1925 рр.", "1925")]),
    ("У 1931, 1933 і 1934 роках.", [("У 1931", "1931"), ("1933", "1933"), ("1934 роках", "1934")]),
    ("Голод был в 1932 и 1933 годах.", [("1932 и 1933 годах", "1932/1933")]),
    # years with an ordinal ending in a "з ... по ..." range
    ("З 2014-го по 2022-й тривала війна.", [("З 2014-го по 2022-й", "2014/2022")]),
    ("Война шла с 1918-го до 1921 года.", [("с 1918-го до 1921 года", "1918/1921")]),
    # a singular year word lists separate years
    ("Це сталося у 1920 і 1921 році.", [("1920", "1920"), ("1921 році", "1921")]),
    # a page number before the list is not a year
    ("Див. с. 1932, 1933 і 1934 роках.", [("1933 і 1934 роках", "1933/1934")]),
])
def test_lists_of_years(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("У першому кварталі 1933 року смертність зросла.",
     [("У першому кварталі 1933 року", "1933-Q1")]),
    ("Видобуток упав у IV кварталі 1931 р.", [("IV кварталі 1931 р.", "1931-Q4")]),
    ("Угоду підписали 5 березня 1920 р. У другому півріччі того ж року почалася війна.",
     [("5 березня 1920 р.", "1920-03-05"), ("У другому півріччі того ж року", "1920-H2")]),
    ("В третьем квартале 1933 года смертность выросла.",
     [("В третьем квартале 1933 года", "1933-Q3")]),
    # no year: a city block, not a quarter of a year
    ("У першому кварталі міста жили робітники.", []),
    ("У третьому півріччі 1933 року.", [("1933 року", "1933")]),
])
def test_quarters_and_halves(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("value,first,last", [
    ("1933-Q1", "1933-01-01", "1933-03-31"),
    ("1932-Q4", "1932-10-01", "1932-12-31"),
    ("1934-H2", "1934-07-01", "1934-12-31"),
])
def test_quarter_values(value: str, first: str, last: str) -> None:
    assert VALUE_RE.match(value)
    v = TimexValue.parse(value)
    assert v is not None and v.first is not None and v.last is not None
    assert (v.first.iso, v.last.iso) == (first, last)


def test_quarter_days_from_the_tagger() -> None:
    (t,) = tag("У другому кварталі 1933 року.")
    assert (t.begin, t.end_date) == ("1933-04-01", "1933-06-30")


@pytest.mark.parametrize("text,expected", [
    # from a part of one century to a part of the next
    ("Кінець XIX — початок XX ст. був часом змін.", [("Кінець XIX — початок XX ст.", "18XX/19XX")]),
    ("Наприкінці XVIII — на початку XIX століття місто зросло.",
     [("Наприкінці XVIII — на початку XIX століття", "17XX/18XX")]),
    ("В конце XIX — начале XX в. город вырос.", [("В конце XIX — начале XX в.", "18XX/19XX")]),
    # the nominative "середина" as a part word
    ("Середина XVII ст. стала часом змін.", [("Середина XVII ст.", "16XX")]),
    ("Середина 1930-х годов была тяжёлой.", [("Середина 1930-х годов", "193X")]),
])
def test_parts_of_centuries(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a range whose end has no year takes the start's year (the next one across a new year)
    ("Облога тривала з 30 квітня 1709 р. до 27 червня. Далі.",
     [("з 30 квітня 1709 р. до 27 червня", "1709-04-30/1709-06-27")]),
    ("Переговори йшли з 20 грудня 1920 р. по 5 січня.",
     [("з 20 грудня 1920 р. по 5 січня", "1920-12-20/1921-01-05")]),
    ("Осада длилась с 30 апреля 1709 г. до 27 июня.",
     [("с 30 апреля 1709 г. до 27 июня", "1709-04-30/1709-06-27")]),
])
def test_range_end_takes_the_start_year(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


def staged(text: str) -> list[tuple[str, str | None]]:
    nlp = spacy.blank("xx")
    doc = TimeTagger(nlp)(nlp(text))
    return [(s._.timex.text, s._.timex.value) for s in doc.spans["timex"]]


@pytest.mark.parametrize("text,expected", [
    ("Облогу почали 30 квітня 1709 р. Шведи тримали місто в облозі два місяці. "
     "За цей час вони втратили 6 тис. людей.",
     [("30 квітня 1709 р.", "1709-04-30"), ("два місяці", "P2M"),
      ("За цей час", "1709-04-30/1709-06-30")]),
    ("Війна тривала з 1918 по 1921 рік. За цей період змінилося п'ять урядів.",
     [("з 1918 по 1921 рік", "1918/1921"), ("За цей період", "1918/1921")]),
    ("Осада началась 1 мая 1709 г. Она длилась три недели. За это время погибли тысячи.",
     [("1 мая 1709 г.", "1709-05-01"), ("три недели", "P3W"),
      ("За это время", "1709-05-01/1709-05-22")]),
    # nothing measured just before: left untagged
    ("Переговори почалися 5 березня 1920 р. За цей час нічого не змінилося.",
     [("5 березня 1920 р.", "1920-03-05")]),
])
def test_that_time_after_a_duration_or_range(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert staged(text) == expected


def test_point_later_keeps_precision() -> None:
    assert Point(1709, 4, 30).later("M", 2) == Point(1709, 6, 30)
    assert Point(1920, 1, 31).later("M", 1) == Point(1920, 2, 29)
    assert Point(1920, 5).later("Y", 1) == Point(1921, 5)
    assert Point(1920).later("D", 3) is None


@pytest.mark.parametrize("text,expected", [
    # a year by its last two digits: the narrative century's nearest year
    ("У 1932 р. почався голод, а у 33-му він досяг піку.",
     [("У 1932 р.", "1932"), ("33-му", "1933")]),
    ("У 1932 р. почався голод, а в 33-му році він скінчився.",
     [("У 1932 р.", "1932"), ("33-му році", "1933")]),
    ("В 1932 г. начался голод, а в 33-м он достиг пика.", [("В 1932 г.", "1932"), ("33-м", "1933")]),
    ("У 1998 р. почалася криза, а в 01-му вона скінчилась.",
     [("У 1998 р.", "1998"), ("01-му", "2001")]),
    # an ordinal of a noun, not a year
    ("У 1932 р. полк стояв у 33-му кварталі.", [("У 1932 р.", "1932")]),
])
def test_short_years(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # OCR slips: letters read for digits, digits pulled apart
    ("Бій почався ЗО квітня 1920 р.", [("ЗО квітня 1920 р.", "1920-04-30")]),
    ("Це сталося у l932 році.", [("l932 році", "1932")]),
    ("Это случилось в 19З2 году.", [("19З2 году", "1932")]),
    ("Це сталося 1 9 3 2 року.", [("1 9 3 2 року", "1932")]),
    # the same letters as words are left alone
    ("Він зо мною говорив про колo друзів.", []),
    ("Село Зозулі 1 квітня 1920 р.", [("1 квітня 1920 р.", "1920-04-01")]),
])
def test_ocr_slips(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # from a part of one decade to a part of the next: years, as "1920—30-х" in the gold
    ("Наприкінці 1980-х – на початку 1990-х років місто зросло.",
     [("Наприкінці 1980-х – на початку 1990-х років", "1980/1999")]),
    ("В конце 1980-х – начале 1990-х годов город вырос.",
     [("В конце 1980-х – начале 1990-х годов", "1980/1999")]),
    # the 2000s by name
    ("У двотисячних місто зросло.", [("У двотисячних", "200X")]),
    ("В нулевые годы город вырос.", [("В нулевые годы", "200X")]),
    ("Нульових результатів не було.", []),
])
def test_decade_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a weekday alone after a dated day: the next such day (5 March 1920 was a Friday)
    ("Договір підписали у п'ятницю, 5 березня 1920 р. У понеділок почалися переговори.",
     [("у п'ятницю, 5 березня 1920 р.", "1920-03-05"), ("У понеділок", "1920-03-08")]),
    ("Договор подписали 8 марта 1920 г. В понедельник начались переговоры.",
     [("8 марта 1920 г.", "1920-03-08"), ("В понедельник", "1920-03-15")]),
    # a date in apposition keeps its own value; without a narrative day, nothing
    ("Договір підписали 5 березня 1920 р. У неділю, 7 березня, почалися переговори.",
     [("5 березня 1920 р.", "1920-03-05"), ("У неділю, 7 березня", "1920-03-07")]),
    ("У понеділок почалися переговори.", []),
])
def test_weekday_alone(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected
