"""Event dates (issue 14 §5): which time expression dates which event."""

from __future__ import annotations

import litopys


def _events(text: str):  # type: ignore[no-untyped-def]
    return litopys.extract(text).events


def _one_trigger(evs, trigger: str):  # type: ignore[no-untyped-def]
    """The event whose trigger is written so."""
    return next(e for e in evs if e.trigger == trigger)


def test_events_dates_year_told_by_a_word_after_a_noun_dates_the_clause() -> None:
    # "турки того року почали": "того року" after a noun is no attribute of it (only a year
    # written in figures is: "кордону 1772 року")
    evs = _events("У 1785 році Росія збудувала флот. Стривожені поїздкою Катерини II до Криму "
                  "1787 року, турки того року почали нову війну проти Росії.")
    assert _one_trigger(evs, "почали нову війну").date == "1787"


def test_events_dates_a_when_clause_takes_the_date_before_it() -> None:
    # "до 1711 року, коли Туреччина оголошує війну": the date "коли" hangs off, not the
    # story's time (1709)
    evs = _events("У 1709 році шведська армія була розбита під Полтавою. Король переховувався "
                  "в Бендерах, де він жив до 1711 року, коли Туреччина оголошує війну Росії.")
    assert _one_trigger(evs, "оголошує").date == "1711"


def test_events_dates_a_date_nearer_another_verb_is_that_verbs() -> None:
    # "Польща, що підписала пакт … у 1934 році, або Британія …, кожна з яких підписала …
    # в 1938 році": one clause, two verbs, each takes the date nearest it
    evs = _events("Такі договори укладали з Німеччиною й інші країни: Польща, що підписала "
                  "пакт з Німеччиною у 1934 році, або Британія і Франція, кожна з яких "
                  "підписала з Німеччиною декларацію в 1938 році.")
    assert _one_trigger(evs, "підписала").date == "1938"


def test_events_dates_an_anniversary_counts_the_years_back() -> None:
    # "23 серпня 2019 року минуло 80 років з дня підписання": the signing is 80 years
    # before the writer's date
    evs = _events("23 серпня 2019 року минуло 80 років з дня підписання договору про "
                  "ненапад між СРСР і Німеччиною.")
    assert _one_trigger(evs, "підписання").date == "1939-08-23"
