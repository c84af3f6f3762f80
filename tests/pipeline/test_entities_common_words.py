"""Entities, session 11: capitalised common nouns the model calls places, towns that share
a first name's form, a state's form without its name, double first names. Made-up
sentences, one construction each."""

from __future__ import annotations

import pytest

import litopys


def _mentions(ch: litopys.Chronicle) -> dict[str, str]:
    return {m.text: e.type for e in ch.entities for m in e.mentions}


@pytest.mark.parametrize("text,word", [
    ("Російський уряд намагався прокласти собі Шлях до Балтійського моря.", "Шлях"),
    ("25 травня за результатами засідання Ставки Верховного Головнокомандувача "
     "Зеленський підписав указ.", "Ставки"),
])
def test_common_noun_the_model_calls_a_place_is_no_place(text: str, word: str) -> None:
    assert word not in _mentions(litopys.extract(text))


@pytest.mark.parametrize("text,word", [
    ("Бій під Крутами відбувся 29 січня 1918 року.", "Крутами"),
    ("Козаки завдали ударів по васалах Порти у 1620 році.", "Порти"),
])
def test_common_noun_that_names_a_place_or_polity_stays(text: str, word: str) -> None:
    assert _mentions(litopys.extract(text)).get(word) in ("GPE", "LOC")


def test_town_with_a_first_names_form_after_a_preposition_of_place() -> None:
    ch = litopys.extract("В Богуславі, Ніжині, Чигирині збиралися війська.")
    assert _mentions(ch).get("Богуславі") == "GPE"


def test_first_name_after_a_preposition_stays_a_person() -> None:
    ch = litopys.extract("Цар Олексій був у Ользі.")
    assert _mentions(ch).get("Ользі") == "PERSON"


@pytest.mark.parametrize("text,generic,name", [
    ("Автономію Косова гарантували в складі Федеративної Республіки Югославія.",
     "Федеративної Республіки", "Югославія"),
    ("Рада ухвалила злиття в одну суверенну Народну Республіку.", "Народну Республіку", None),
])
def test_state_form_without_a_name_names_no_state(text: str, generic: str,
                                                  name: str | None) -> None:
    mentions = _mentions(litopys.extract(text))
    assert not any(generic in m for m in mentions)
    if name:
        assert mentions.get(name) == "GPE"


def test_state_form_with_a_name_stays() -> None:
    mentions = _mentions(litopys.extract("Кубанська Народна Республіка проголосила незалежність."))
    assert mentions.get("Кубанська Народна Республіка") == "GPE"


def test_double_first_name_in_the_nominative() -> None:
    ch = litopys.extract("Порошенко зустрівся з міністром закордонних справ Німеччини "
                         "Франк-Вальтером Штайнмайером.")
    assert any(e.type == "PERSON" and e.name.startswith("Франк-Вальтер ") for e in ch.entities)


def test_common_noun_the_model_calls_a_body_is_no_body() -> None:
    ch = litopys.extract("Візит мав особливе значення у світлі відзначення Року французької мови "
                         "в Україні.")
    assert "Року" not in _mentions(ch)


def test_a_land_the_dictionary_keeps_as_a_common_noun_stays() -> None:
    ch = litopys.extract("Катерина мріяла про створення Дакії, нової країни на Дунаї.")
    assert _mentions(ch).get("Дакії") == "GPE"
