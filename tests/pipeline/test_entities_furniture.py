"""The entity stage on words of real pages that name nobody: foreign-language glosses in
brackets, forms of address, headline tags, sentence-initial common nouns (issue 13 §5;
made-up sentences, one per category)."""

from __future__ import annotations

import pytest
from test_entities_bodies import _by_mention, _mentions

import litopys


@pytest.mark.parametrize("text,gloss,name", [
    ("Річ Посполита (пол. Rzeczpospolita Obojga Narodów) уклала мир у 1667 році.",
     "Rzeczpospolita Obojga Narodów", "Річ Посполита"),
    ("Гетьман Іван Виговський [pl. Jan Wyhowski] прибув до Варшави у 1658 році.",
     "Jan Wyhowski", "Іван Виговський"),
    ("Царство Польське (рос. Царство Польское) входило до складу Російської імперії.",
     "рос. Царство", "Російської імперії"),
    ("Королівство Угорщина (угор. Magyar Királyság) уклало союз у 1526 році.",
     "Magyar Királyság", "Угорщина"),
])
def test_entities_foreign_gloss_in_brackets_names_no_entity(text: str, gloss: str,
                                                            name: str) -> None:
    mentions = _mentions(litopys.extract(text))
    assert not any(gloss in m or m in gloss for m in mentions if m != name)
    assert any(name in m for m in mentions)


def test_entities_abbreviated_adjective_in_brackets_is_no_gloss() -> None:
    ch = litopys.extract("Війська (рос. та австр.) перейшли кордон. Петро Дорошенко втік.")
    assert "Петро Дорошенко" in _mentions(ch)


@pytest.mark.parametrize("text,address", [
    ("Шановні Колеги, дякую за запрошення до Києва.", "Шановні Колеги"),
    ("Дорогі Друзі! Пане Голово, дозвольте почати.", "Друзі"),
])
def test_entities_form_of_address_names_nobody(text: str, address: str) -> None:
    mentions = _mentions(litopys.extract(text))
    assert not any(address in m for m in mentions)


def test_entities_word_of_address_before_a_name_stays_out_of_it() -> None:
    ch = litopys.extract("Пане Петре Дорошенко, вітаю вас у Чигирині.")
    assert not any(m.startswith("Пане") for m in _mentions(ch))


@pytest.mark.parametrize("text,word", [
    ("ВІДЕО | Володимир Зеленський прибув до Вашингтона.", "ВІДЕО"),
    ("ФОТО: Президент Петро Порошенко у Брюсселі.", "ФОТО"),
    ("Власник фірми прибув до Одеси. Суддя Микола Петренко відмовив у позові.", "Суддя"),
])
def test_entities_headline_tag_or_role_noun_opening_a_sentence_is_no_place(text: str,
                                                                           word: str) -> None:
    assert word not in _mentions(litopys.extract(text))


@pytest.mark.parametrize("text,person", [
    ("Коронний гетьман Станіслав Потоцький керував військом у 1667 році.",
     "Станіслав Потоцький"),
    ("Карл XII підтримав кандидатуру Станіслава Потоцького у 1704 році.",
     "Станіслава Потоцького"),
])
def test_entities_first_name_that_is_a_town_before_an_adjective_surname_is_a_person(
        text: str, person: str) -> None:
    entity = _by_mention(litopys.extract(text), person)
    assert entity is not None and entity.type == "PERSON"


def test_entities_town_named_like_a_first_name_stays_a_town() -> None:
    entity = _by_mention(litopys.extract("У 1919 році Станіслав став столицею ЗУНР."),
                         "Станіслав")
    assert entity is not None and entity.type == "GPE"


def test_entities_hyphenated_name_is_no_form_of_address() -> None:
    ch = litopys.extract("Директор заповідника «Асканія-Нова» Петро Дорошенко виступив у Києві.")
    assert "Асканія-Нова" in _mentions(ch)


@pytest.mark.parametrize("text,adjective", [
    ("Указ підписала Всеросійською імператрицею проголошена Катерина II у 1762 році.",
     "Всеросійською"),
    ("У 1930 році Північний та Південний райони об'єднали.", "Північний"),
])
def test_entities_adjective_alone_names_no_place_or_body(text: str, adjective: str) -> None:
    entity = _by_mention(litopys.extract(text), adjective)
    assert entity is None or entity.type == "PERSON"


def test_entities_gloss_glued_to_a_name_is_cut_off() -> None:
    ch = litopys.extract("Ян III Собеський[pl. Jan III Sobieski] розбив турків під Віднем у 1683 році.")
    assert "Ян III Собеський" in _mentions(ch)
    assert not any("Sobieski" in m or "[pl" in m for m in _mentions(ch))


@pytest.mark.parametrize("text,name", [
    ("Міністр закордонних справ Dmytro Kuleba написав у Twitter 12 травня 2022 року.",
     "Dmytro Kuleba"),
    ("Про це 3 березня 2022 року заявив Oleksandr Kubrakov у Facebook.", "Oleksandr Kubrakov"),
])
def test_entities_transliterated_ukrainian_name_is_a_person(text: str, name: str) -> None:
    entity = _by_mention(litopys.extract(text), name)
    assert entity is None or entity.type == "PERSON"


@pytest.mark.parametrize("text,body", [
    ("У 1873 році у Львові засновано Наукове товариство імені Т. Шевченка.",
     "Наукове товариство імені Т. Шевченка"),
    ("У 1917 році 1-й український полк імені Богдана Хмельницького вирушив на фронт.",
     "1-й український полк імені Богдана Хмельницького"),
])
def test_entities_body_named_after_a_person_is_one_organisation(text: str, body: str) -> None:
    entity = _by_mention(litopys.extract(text), body)
    assert entity is not None and entity.type == "ORG"


def test_entities_street_named_after_a_person_is_no_organisation() -> None:
    ch = litopys.extract("Вулиця імені Шевченка у 1925 році вела до Києва.")
    assert not any("імені" in m for m in _mentions(ch))


@pytest.mark.parametrize("text,place", [
    ("В 1774 году русские войска стояли около Шумлы и ждали приказа.", "Шумлы"),
    ("Летом 1773 года армия перешла Дунай под Гирсовым и двинулась дальше.", "Гирсовым"),
])
def test_entities_word_after_a_preposition_that_takes_no_person_is_a_place(text: str,
                                                                           place: str) -> None:
    entity = _by_mention(litopys.extract(text), place)
    assert entity is not None and entity.type in ("GPE", "LOC")


def test_entities_person_after_a_preposition_that_takes_people_stays_a_person() -> None:
    entity = _by_mention(litopys.extract("В 1775 году письмо отправили к Румянцеву в Москву."),
                         "Румянцеву")
    assert entity is not None and entity.type == "PERSON"


def test_entities_second_place_after_a_preposition_that_takes_no_person() -> None:
    ch = litopys.extract("В 1770 году в Бендерах и Шумле стояли турецкие гарнизоны.")
    entity = _by_mention(ch, "Шумле")
    assert entity is not None and entity.type in ("GPE", "LOC")


@pytest.mark.parametrize("text,word", [
    ("Про це 3 березня 2022 року прем'єр написав у Фейсбуці.", "Фейсбуці"),
    ("Текст заяви 5 травня 2021 року з'явився в Інтернеті.", "Інтернеті"),
])
def test_entities_internet_platform_is_no_place(text: str, word: str) -> None:
    assert word not in _mentions(litopys.extract(text))
