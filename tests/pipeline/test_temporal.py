"""The time stage inside the pipeline: spans, narrative dates, the inferred writing year."""

from __future__ import annotations

import litopys


def test_temporal_writing_year_from_apposition() -> None:
    text = ("100 років тому, в ніч з 21 на 22 квітня 1920 року, було підписано договір. "
            "Сто років тому відбулася подія, яку пам'ятають досі.")
    ch = litopys.extract(text)
    values = {t.text: t.value for t in ch.timexes}
    assert values["100 років тому"] == "1920"
    assert values["Сто років тому"] == "1920"


def test_temporal_no_writing_year_without_a_date() -> None:
    ch = litopys.extract("Кілька років тому відбулася подія. Сто років тому було інакше.")
    assert all(t.value is None for t in ch.timexes if "тому" in t.text)


def test_temporal_anchor_option_wins() -> None:
    ch = litopys.extract("Сто років тому відбулася подія.", anchor="2018-11-01")
    assert ch.timexes[0].value == "1918"


def test_temporal_offsets_into_original_with_glued_year() -> None:
    text = "Ще 12 грудня 1932р. було підписано угоду, а влітку 1934р. почалися переговори."
    ch = litopys.extract(text)
    assert [(t.text, t.value) for t in ch.timexes] == [
        ("12 грудня 1932р.", "1932-12-12"), ("влітку 1934р.", "1934-SU")]
    for t in ch.timexes:
        assert text[t.start:t.end] == t.text


def test_temporal_night_before_a_date() -> None:
    text = "У ніч на 9 лютого 1918 року делегація підписала мир."
    t = litopys.extract(text).timexes[0]
    assert (t.text, t.value, t.begin, t.end_date) == (
        "ніч на 9 лютого 1918 року", "1918-02-08/1918-02-09", "1918-02-08", "1918-02-09")


def test_temporal_from_to_joins_two_expressions() -> None:
    text = "Переговори тривали з осені 1973 до літа 1975 року."
    t = litopys.extract(text).timexes
    assert [(x.text, x.value) for x in t] == [("з осені 1973 до літа 1975 року",
                                               "1973-FA/1975-SU")]
    assert t[0].begin == "1973-09-01" and t[0].end_date == "1975-08-31"


def test_temporal_part_of_day_and_hours() -> None:
    text = ("27 жовтня 1962 року збили літак. Увечері того ж дня почалися переговори, "
            "які тривали 16 годин.")
    got = [(t.text, t.value) for t in litopys.extract(text).timexes]
    assert ("Увечері того ж дня", "1962-10-27TEV") in got
    assert ("16 годин", "PT16H") in got


def test_temporal_no_hours_from_other_words() -> None:
    assert litopys.extract("Ціна становила 100 грн на годину.").timexes == []


def test_temporal_writing_year_from_the_same_paragraph() -> None:
    text = ("Угода стала поворотною. 300 років тому країну поділили навпіл. Наслідки відчутні.\n"
            "Трактат підписали 6 травня 1686 року в Москві.")
    values = {t.text: t.value for t in litopys.extract(text).timexes}
    assert values["300 років тому"] == "1686"


def test_temporal_no_writing_year_across_a_blank_line() -> None:
    text = "300 років тому країну поділили навпіл.\n\nТрактат підписали 6 травня 1686 року."
    values = {t.text: t.value for t in litopys.extract(text).timexes}
    assert values["300 років тому"] is None


def test_temporal_apposition_and_weekday() -> None:
    text = ("Штурм почався 2 квітня 1920 р. Наступного дня, 3 квітня, фронт прорвали, "
            "а у вівторок, 6 квітня, армія відступила.")
    got = [(t.text, t.value) for t in litopys.extract(text).timexes]
    assert ("Наступного дня", "1920-04-03") in got and ("3 квітня", "1920-04-03") in got
    assert ("у вівторок, 6 квітня", "1920-04-06") in got
