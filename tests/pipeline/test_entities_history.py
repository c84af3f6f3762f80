"""The entity stage on bodies, documents, media and places of Ukrainian history: the
dictionary of well-known names, places by their head noun, words that name no actor, and
names that run on into ordinary words (made-up sentences, one per category)."""

from __future__ import annotations

import pytest
from test_entities_bodies import _by_mention, _mentions

import litopys


@pytest.mark.parametrize("text,mention,entity_id,kind", [
    ("Восени 1937 року співробітники НКВС заарештували поета у Харкові.", "НКВС", "nkvd",
     "ORG"),
    ("У 1944 році загін УПА відступив у ліси під Рівним.", "УПА", "upa", "ORG"),
    ("Навесні 1942 року ґестапо провело арешти у Львові.", "ґестапо", "gestapo", "ORG"),
    ("Після 1876 року Емський указ заборонив друк українських книжок.", "Емський указ",
     "ems_ukaz", "DOC"),
    ("У грудні 1917 року загони Червоної гвардії рушили на Харків.", "Червоної гвардії",
     "red_guard", "ORG"),
    ("Про нові призначення у 2015 році повідомляє УНІАН.", "УНІАН", "unian", "ORG"),
    ("Влітку 1940 року Генеральна губернія отримала нового очільника.", "Генеральна губернія",
     "general_government", "GPE"),
])
def test_entities_dictionary_of_history(text: str, mention: str, entity_id: str,
                                        kind: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == entity_id and entity.type == kind


def test_entities_media_name_that_is_a_common_word_only_capitalised() -> None:
    ch = litopys.extract("Як пише Фокус, уряд змінив фокус своєї політики у 2010 році.")
    assert _by_mention(ch, "Фокус") is not None
    assert _by_mention(ch, "фокус") is None


@pytest.mark.parametrize("text,mention", [
    ("Мешканці Вінницької області зібрали врожай у 1975 році.", "Вінницької області"),
    ("Туристи поклали квіти на Байковому цвинтарі у Києві.", "Байковому цвинтарі"),
    ("Козаки поховали отамана на Личаківському кладовищі.", "Личаківському кладовищі"),
])
def test_entities_place_by_its_head_noun(text: str, mention: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "LOC"


@pytest.mark.parametrize("text,word", [
    ("Про це повідомили ЗМІ у Києві.", "ЗМІ"),
    ("Після Празької весни цензура у Празі посилилася.", "Празької весни"),
    ("За Відлиги до Києва повернулися письменники.", "Відлиги"),
])
def test_entities_period_or_common_abbreviation_is_no_actor(text: str, word: str) -> None:
    assert not any(word in m for m in _mentions(litopys.extract(text)))


@pytest.mark.parametrize("text,name,tail", [
    ("Тоді Крайовою Радою рішення про вибори було ухвалено у Києві.", "Крайовою Радою",
     "рішення"),
    ("Посли зібралися у Бад-Гомбурзі наприкінці травня.", "Бад-Гомбурзі", "наприкінці"),
])
def test_entities_name_does_not_run_on_into_ordinary_words(text: str, name: str,
                                                           tail: str) -> None:
    mentions = _mentions(litopys.extract(text))
    assert any(m.startswith(name) for m in mentions)
    assert not any(tail in m for m in mentions)


def test_entities_abbreviated_eponym_makes_one_body() -> None:
    ch = litopys.extract("Курсанти 3-ї Одеської школи ім. Тараса Шевченка прибули до Полтави.")
    assert "3-ї Одеської школи ім. Тараса Шевченка" in _mentions(ch)
    assert not any(e.type == "PERSON" for e in ch.entities)


@pytest.mark.parametrize("text,names", [
    ("Мешканці Полтавської та Сумської областей голосували у 1994 році.",
     {"Полтавська область", "Сумська область"}),
    ("Шляхта трьох воєводств: Волинського, Подільського і Руського зібралася у 1650 році.",
     {"Волинське воєводство", "Подільське воєводство", "Руське воєводство"}),
])
def test_entities_regions_that_share_one_plural_noun(text: str, names: set[str]) -> None:
    ch = litopys.extract(text)
    assert names <= {e.name for e in ch.entities if e.type == "LOC"}


def test_entities_town_after_resort_word() -> None:
    ch = litopys.extract("Міністр відпочивав на австрійському курорті Бад-Ішль. Там він і помер.")
    entity = _by_mention(ch, "Бад-Ішль")
    assert entity is not None and entity.type == "GPE"


def test_entities_eponymous_body_keeps_its_capitalised_adjective_and_ordinal() -> None:
    ch = litopys.extract("Курсанти 2-ї Української артилерійської школи імені Івана Богуна "
                         "прибули до Полтави.")
    assert "2-ї Української артилерійської школи імені Івана Богуна" in _mentions(ch)


def test_entities_congress_of_soviets_in_the_genitive() -> None:
    ch = litopys.extract("Делегати II Всеукраїнського з’їзду рад зібралися у 1918 році.")
    assert any(e.id == "all_ukrainian_congress_of_soviets" for e in ch.entities)


def test_entities_double_surname_is_one_person() -> None:
    ch = litopys.extract("Як згадував Гнатенко-Ковальчук, загін відступив до Полтави.")
    entity = _by_mention(ch, "Гнатенко-Ковальчук")
    assert entity is not None and entity.type == "PERSON"


def test_entities_double_initial_with_a_dash() -> None:
    ch = litopys.extract("Угоду підписав Я.–Б. Ковальський у Варшаві у 1660 році.")
    assert "Я.–Б. Ковальський" in _mentions(ch)


def test_entities_office_and_rank_are_no_organisation() -> None:
    ch = litopys.extract("Верховний головнокомандуючий підполковник Сидоренко прибув до Києва.")
    assert not any(e.type == "ORG" for e in ch.entities)
    assert _by_mention(ch, "Сидоренко") is not None


def test_entities_cathedral_is_a_place_and_church_council_is_no_place() -> None:
    ch = litopys.extract("Туристи оглянули Софійський собор у Києві.")
    entity = _by_mention(ch, "Софійський собор")
    assert entity is not None and entity.type == "LOC"
    ch = litopys.extract("У 1946 році Ужгородський собор ухвалив постанову.")
    assert not any(e.type == "LOC" for e in ch.entities)


@pytest.mark.parametrize("text,mention,entity_id,kind", [
    ("Навесні 1780 року купці з Великопольщі приїхали до Гданська.", "Великопольщі",
     "greater_poland", "LOC"),
    ("Загони шляхти зібралися у Куявії восени 1768 року.", "Куявії", "kuyavia", "LOC"),
    ("Прочани у 1700 році дійшли до Храму Гробу Господнього.", "Храму Гробу Господнього",
     "holy_sepulchre", "LOC"),
    ("У 2009 році посли обговорили кордони Південної Осетії.", "Південної Осетії",
     "south_ossetia", "GPE"),
    ("Взимку 2014 року учасники Євромайдану вимагали відставки уряду.", "Євромайдану",
     "euromaidan", "ORG"),
    ("Восени 1945 року юристи готували Статут Міжнародного військового трибуналу.",
     "Статут Міжнародного військового трибуналу", "imt_charter", "DOC"),
    ("У 2015 році Радбез ООН зібрався на позачергове засідання.", "Радбез ООН",
     "un_security_council", "ORG"),
])
def test_entities_regions_sites_and_bodies_abroad(text: str, mention: str, entity_id: str,
                                                 kind: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == entity_id and entity.type == kind


def test_entities_senate_is_a_body_and_sich_only_capitalised() -> None:
    ch = litopys.extract("У 1920 році Сенат Франції відхилив проєкт закону.")
    entity = _by_mention(ch, "Сенат Франції")
    assert entity is not None and entity.type == "ORG"
    ch = litopys.extract("Конвенцію ратифіковано 12 січ. 1921 у Женеві.")
    assert not any(e.type == "ORG" for e in ch.entities)


def test_entities_media_of_a_state_are_a_group_and_media_alone_none() -> None:
    ch = litopys.extract("Восени 1970 року польські ЗМІ мовчали про страйк.")
    entity = _by_mention(ch, "польські ЗМІ")
    assert entity is not None and entity.type == "ORG"
    ch = litopys.extract("Як пишуть ЗМІ, міністр подав у відставку у 2011 році.")
    assert not ch.entities


def test_entities_feast_is_no_place() -> None:
    ch = litopys.extract("Напередодні Різдва 1700 року посли виїхали з Києва.")
    assert _by_mention(ch, "Різдва") is None
    assert _by_mention(ch, "Києва") is not None


def test_entities_document_not_named_by_a_referential_adjective_nor_run_into_a_verb() -> None:
    ch = litopys.extract("Новий договір уклали у Варшаві 1700 року.")
    assert not any(e.type == "DOC" for e in ch.entities)
    ch = litopys.extract("Угода про обмін була укладена у Відні 1800 року.")
    assert "Угода про обмін" in _mentions(ch)


def test_entities_encyclopedic_initials_of_a_document() -> None:
    ch = litopys.extract("Лубенський прикордонний трактат уклали у 1701 році. "
                         "Умови Л.п.т. виконали не всі.")
    entity = _by_mention(ch, "Л.п.т")
    assert entity is not None and entity.type == "DOC"
    assert "Лубенський прикордонний трактат" in [m.text for m in entity.mentions]
    assert not any(e.type == "PERSON" for e in ch.entities)


def test_entities_constitution_named_by_its_year() -> None:
    ch = litopys.extract("Депутати пропонували відновити дію Конституції 1978 року.")
    entity = _by_mention(ch, "Конституції 1978 року")
    assert entity is not None and entity.type == "DOC"


@pytest.mark.parametrize("text,mention,entity_id,kind", [
    # a historical region is a place, not a state
    ("У 1915 році російські війська відступили з Добруджі.", "Добруджі", "dobruja", "LOC"),
    ("Навесні 1922 року грецька армія відступала через Анатолію.", "Анатолію", "anatolia",
     "LOC"),
    # a river after "річки"
    ("Восени 1943 року дивізії вийшли до річки Сули біля Лубен.", "Сули", "sula", "LOC"),
    # a Russian-script form
    ("Летом 1920 года финские отряды отступили из Карелии.", "Карелии", "karelia", "LOC"),
    ("В 1945 году армия вышла к Эльбе.", "Эльбе", "elbe", "LOC"),
])
def test_entities_regions_and_waters(text: str, mention: str, entity_id: str,
                                     kind: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == entity_id and entity.type == kind


@pytest.mark.parametrize("text,entity_id,kind", [
    # a state of its period, a region after unification
    ("У 1850 році Баварія уклала союз з Австрією.", "bavaria_state", "GPE"),
    ("У 1923 році Баварія стала осередком заколоту.", "bavaria", "LOC"),
    ("У 1855 році Сардинія вступила у війну проти Росії.", "sardinia_kingdom", "GPE"),
    ("У 1950 році Сардинія залишалася бідним островом.", "sardinia_island", "LOC"),
    # an island before independence, a state after
    ("У 1878 році Кіпр перейшов під управління Британії.", "cyprus_island", "LOC"),
    ("У 1974 році Кіпр звернувся до ООН.", "cyp", "GPE"),
])
def test_entities_state_of_its_period_then_region(text: str, entity_id: str,
                                                  kind: str) -> None:
    name = text.split()[3]
    entity = _by_mention(litopys.extract(text), name)
    assert entity is not None and entity.id == entity_id and entity.type == kind


@pytest.mark.parametrize("text,mention,eid", [
    ("У 1595 році у Ватикані проголосили унію.", "Ватикані", "vatican_hill"),
    ("У 1990 році Ватикан визнав Литву.", "Ватикан", "vat"),
    ("У 1998 році парламент Автономної Республіки Крим ухвалив конституцію.",
     "Автономної Республіки Крим", "crimea_arc"),
])
def test_entities_vatican_and_crimea_by_period(text: str, mention: str, eid: str) -> None:
    ch = litopys.extract(text)
    assert any(e.id == eid and mention in [m.text for m in e.mentions] for e in ch.entities)


def test_entities_universal_in_the_genitive_on_u_links_to_the_dictionary() -> None:
    # "Універсалу": the dictionary has the genitive on -у in a second lexeme of the noun
    ch = litopys.extract("Після Третього Універсалу Центральна Рада оголосила вибори.")
    assert any(e.id == "third_universal" for e in ch.entities)


@pytest.mark.parametrize("text,actor_id", [
    ("Після оголошення I-го Універсалу почалися переговори.", "first_universal"),
    ("Текст 1-го Універсалу схвалив Комітет.", "first_universal"),
    ("Після ІІІ-го Універсалу почалися переговори.", "third_universal"),
])
def test_entities_ordinal_with_its_case_ending_names_a_known_document(
        text: str, actor_id: str) -> None:
    # "I-го Універсалу" was read as a person's name
    ch = litopys.extract(text)
    assert any(e.id == actor_id for e in ch.entities)
    assert not any(e.type == "PERSON" for e in ch.entities)


@pytest.mark.parametrize("word,key", [
    ("i-го", "i"), ("1-го", "i"), ("4-го", "iv"), ("ііі-го", "ііі"), ("полк", "полк"),
])
def test_entities_ordinal_key(word: str, key: str) -> None:
    from litopys.pipeline.entities import ordinal_key
    assert ordinal_key(word) == key
