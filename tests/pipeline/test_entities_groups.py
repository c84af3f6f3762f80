"""The entity stage on groups, bodies, documents and states named by common nouns (issue 13
§1, §3; made-up sentences, one per category)."""

from __future__ import annotations

import pytest
from test_entities_bodies import _by_mention, _mentions

import litopys


def _typed(text: str, mention: str, etype: str) -> bool:
    """Does the text have an entity of type ``etype`` with a mention written ``mention``?"""
    entity = _by_mention(litopys.extract(text), mention)
    return entity is not None and entity.type == etype


@pytest.mark.parametrize("text,mention", [
    ("Навесні 1651 року козаки перейшли річку.", "козаки"),
    ("Восени 1768 року повстанці оточили фортецю.", "повстанці"),
    ("Влітку 1943 року партизанів переслідували каральні загони.", "партизанів"),
])
def test_entities_group_named_by_a_plural_noun_is_an_organisation(text: str,
                                                                   mention: str) -> None:
    assert _typed(text, mention, "ORG")


def test_entities_state_adjective_before_members_in_the_plural_is_a_group_of_the_state() -> None:
    entity = _by_mention(litopys.extract("У 1863 році польські повстанці атакували гарнізон."),
                         "польські повстанці")
    assert entity is not None and entity.type == "ORG" and entity.affiliation == "pol"


def test_entities_state_adjective_before_voivodes_in_the_plural_is_a_group_of_the_state() -> None:
    entity = _by_mention(litopys.extract("У 1514 році московські воєводи відступили до Смоленська."),
                         "московські воєводи")
    assert entity is not None and entity.type == "ORG"


def test_entities_state_adjective_before_one_member_is_no_group() -> None:
    ch = litopys.extract("У 1863 році польський повстанець утік за кордон.")
    assert "польський повстанець" not in _mentions(ch)


def test_entities_group_word_of_another_language_is_no_group() -> None:
    ch = litopys.extract("В 1939 году Сталин не доверял нацистам и готовился к войне.")
    assert "нацистам" not in _mentions(ch)


def test_entities_compound_adjective_with_a_hyphen_finds_the_dictionary_name() -> None:
    entity = _by_mention(litopys.extract("Восени 1918 року у Львові проголосили "
                                         "Західно-Українську Народну Республіку."),
                         "Західно-Українську Народну Республіку")
    assert entity is not None and entity.id == "zunr"


@pytest.mark.parametrize("text,mention,name", [
    ("Навесні 1918 року в Катеринодарі проголосили Кубанську Народну Республіку.",
     "Кубанську Народну Республіку", "Кубанська Народна Республіка"),
    ("Тоді ж було створено Донецько-Криворізьку Радянську Республіку.",
     "Донецько-Криворізьку Радянську Республіку", "Донецько-Криворізька Радянська Республіка"),
])
def test_entities_adjectives_before_a_state_noun_name_a_state(text: str, mention: str,
                                                             name: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "GPE" and entity.name == name


@pytest.mark.parametrize("text,mention", [
    ("У 2008 році лідери ухвалили Декларацію Бухарестського саміту.",
     "Декларацію Бухарестського саміту"),
    ("У 1993 році держави схвалили Статут СНД.", "Статут СНД"),
])
def test_entities_document_named_by_a_body_in_the_genitive(text: str, mention: str) -> None:
    assert _typed(text, mention, "DOC")


def test_entities_quoted_title_after_the_state_belongs_to_the_document() -> None:
    ch = litopys.extract("У 1991 році парламент ухвалив Закон України «Про правонаступництво "
                         "України».")
    entity = _by_mention(ch, "Закон України «Про правонаступництво України»")
    assert entity is not None and entity.type == "DOC"
    ukraine = next(e for e in ch.entities if e.id == "ukr")
    assert len(ukraine.mentions) == 2  # both states' names stay its mentions


@pytest.mark.parametrize("text,mention", [
    ("У 2015 році генсек представив доповідь про виконання угоди.",
     "доповідь про виконання угоди"),
    ("У 1918 році сторони підписали попередню угоду.", "попередню угоду"),
])
def test_entities_reports_and_preliminary_agreements_are_documents(text: str,
                                                                   mention: str) -> None:
    assert _typed(text, mention, "DOC")


@pytest.mark.parametrize("text,mention", [
    ("У 2022 році в Офісі президента заявили про переговори.", "Офісі президента"),
    ("У 2014 році Служба безпеки України затримала диверсантів.", "Служба безпеки України"),
    ("Тоді ж Генеральний штаб ЗСУ повідомив про обстріли.", "Генеральний штаб ЗСУ"),
    ("У 2021 році секретар Ради національної безпеки і оборони України виступив.",
     "Ради національної безпеки і оборони України"),
])
def test_entities_offices_services_and_staffs_are_bodies(text: str, mention: str) -> None:
    assert _typed(text, mention, "ORG")


def test_entities_state_inside_a_body_name_stays_a_mention_of_the_state() -> None:
    ch = litopys.extract("У 2014 році Служба безпеки України затримала диверсантів.")
    assert "України" in {m.text for m in next(e for e in ch.entities if e.id == "ukr").mentions}


def test_entities_capitalised_document_head_with_a_surname_names_a_document() -> None:
    ch = litopys.extract("У 1947 році США запропонували План Маршалла.")
    entity = _by_mention(ch, "План Маршалла")
    assert entity is not None and entity.type == "DOC"
    assert _by_mention(ch, "Маршалла") is not None  # the person stays


def test_entities_group_of_seven_is_a_body() -> None:
    entity = _by_mention(litopys.extract("У 2022 році міністри Групи семи ухвалили заяву."),
                         "Групи семи")
    assert entity is not None and entity.id == "g7"


def test_entities_lower_case_adjective_before_an_assembly_noun_is_the_groups_assembly() -> None:
    entity = _by_mention(litopys.extract("У 1710 році на козацькій раді обрали гетьмана."),
                         "козацькій раді")
    assert entity is not None and entity.type == "ORG"


def test_entities_joint_statement_is_a_document() -> None:
    entity = _by_mention(litopys.extract("У 2022 році лідери ухвалили спільну заяву."),
                         "спільну заяву")
    assert entity is not None and entity.type == "DOC"


def test_entities_statement_without_an_adjective_is_no_document() -> None:
    ch = litopys.extract("У 2022 році у заяві йшлося про зерно.")
    assert not [e for e in ch.entities if e.type == "DOC"]


def test_entities_two_names_in_different_cases_are_two_people() -> None:
    ch = litopys.extract("У 2023 році прессекретар президента Володимира Путіна Дмитро "
                         "Пєсков заявив про вихід.")
    assert {"Володимира Путіна", "Дмитро Пєсков"} <= _mentions(ch)


def test_entities_first_name_and_surname_in_one_case_stay_one_person() -> None:
    ch = litopys.extract("У 2014 році Петро Олексійович Порошенко підписав указ.")
    assert "Петро Олексійович Порошенко" in _mentions(ch)


@pytest.mark.parametrize("text,mention", [
    ("У 2022 році, як інформує Lb.ua, угоду підписали.", "Lb.ua"),
    ("У 2013 році, повідомляє iPress.ua, переговори зірвалися.", "iPress.ua"),
])
def test_entities_web_site_is_an_organisation(text: str, mention: str) -> None:
    assert _typed(text, mention, "ORG")


def test_entities_state_noun_with_a_list_of_lands_is_one_state() -> None:
    ch = litopys.extract("Після 1772 року Королівство Галичини та Володимирії увійшло до "
                         "складу Австрії.")
    entity = _by_mention(ch, "Королівство Галичини та Володимирії")
    assert entity is not None and entity.type == "GPE"
    assert not any(e.type == "PERSON" for e in ch.entities)


def test_entities_name_with_a_comma_in_the_dictionary_is_one_name() -> None:
    entity = _by_mention(litopys.extract("У 1918 році утворилося Королівство Сербів, "
                                         "Хорватів і Словенців."),
                         "Королівство Сербів, Хорватів і Словенців")
    assert entity is not None and entity.id == "yugoslavia"


@pytest.mark.parametrize("text,mention,entity_id", [
    ("У 2022 році у Білому домі заявили про підтримку.", "Білому домі", "white_house"),
    ("У 2014 році Кремль відповів погрозами.", "Кремль", "kremlin"),
])
def test_entities_seat_of_a_government_stands_for_it(text: str, mention: str,
                                                     entity_id: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == entity_id


def test_entities_white_house_only_when_capitalised() -> None:
    ch = litopys.extract("У 1900 році у білому домі на околиці жив лікар.")
    assert not any(e.id == "white_house" for e in ch.entities)


@pytest.mark.parametrize("text,mention", [
    ("У 2015 році Рада Безпеки ухвалила резолюцію 2202 одноголосно.", "резолюцію 2202"),
    ("У 1939 році сейм ухвалив конституційний закон 4. 328 про автономію.",
     "конституційний закон 4. 328"),
    ("У 1918 році Центральна Рада проголосила IV Універсал.", "IV Універсал"),
])
def test_entities_document_named_by_its_number(text: str, mention: str) -> None:
    assert _typed(text, mention, "DOC")


def test_entities_law_of_a_year_is_no_numbered_document() -> None:
    ch = litopys.extract("Закон 1991 року про громадянство діяв недовго.")
    assert not any(m.startswith("Закон 1991") for m in _mentions(ch))


@pytest.mark.parametrize("text,mention", [
    ("В 1863 году польские повстанцы атаковали гарнизон.", "польские повстанцы"),
    ("В 1651 году казаки перешли реку.", "казаки"),
])
def test_entities_russian_groups_named_by_a_plural_noun(text: str, mention: str) -> None:
    assert _typed(text, mention, "ORG")


def test_entities_contact_group_alone_is_the_trilateral_group_from_2014() -> None:
    entity = _by_mention(litopys.extract("У вересні 2014 року контактна група зібралася в "
                                         "Мінську."), "контактна група")
    assert entity is not None and entity.id == "trilateral_contact_group"


@pytest.mark.parametrize("text,mention,state", [
    ("У 1770 році турецька ескадра увійшла в бухту.", "турецька ескадра", "tur"),
    ("Восени 1709 року шведський гарнізон капітулював.", "шведський гарнізон", "swe"),
    ("В 1812 году французская кавалерия перешла реку.", "французская кавалерия", "fra"),
])
def test_entities_state_adjective_before_a_kind_of_force_is_that_state_force(
        text: str, mention: str, state: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "ORG" and entity.affiliation == state


@pytest.mark.parametrize("text,name", [
    ("У 2019 році Кім Чен Ин зустрівся з президентом.", "Кім Чен Ин"),
    ("Угоду підписав північнокорейський генерал Нам Іл.", "Нам Іл"),
])
def test_entities_korean_family_name_before_a_short_given_name_is_one_person(
        text: str, name: str) -> None:
    assert _typed(text, name, "PERSON")


def test_entities_korean_family_name_that_is_a_pronoun_opens_no_name() -> None:
    assert "Нам" not in _mentions(litopys.extract("Нам Усім відомо, що мир підписали."))


@pytest.mark.parametrize("text,mention,state", [
    ("У 1920 році Грецьке королівство підписало угоду.", "Грецьке королівство", "grc"),
    ("Делегація Болгарського царства прибула у 1922 році.", "Болгарського царства", "bgr"),
    ("В 1878 году Румынское королевство не признало договор.", "Румынское королевство", "rou"),
])
def test_entities_state_adjective_before_a_word_for_a_monarchy_is_the_state(
        text: str, mention: str, state: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == state


@pytest.mark.parametrize("text,mention,name", [
    ("Кордони закріпили в Стокгольмському мирному договорі 1720 року.",
     "Стокгольмському мирному договорі", "Стокгольмський мирний договір"),
    ("Згідно з Тільзитським мирним договором Пруссія втратила землі.",
     "Тільзитським мирним договором", "Тільзитський мирний договір"),
])
def test_entities_adjective_the_tagger_reads_as_a_noun_stays_in_the_document_name(
        text: str, mention: str, name: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "DOC" and entity.name == name


def test_entities_date_before_a_document_noun_is_no_part_of_its_name() -> None:
    ch = litopys.extract("Після підписання 9 лютого 1918 року договору з УНР війська рушили.")
    assert not any(e.type == "DOC" and "лют" in e.name for e in ch.entities)


def test_entities_land_adjective_stands_for_the_polity_of_the_narrative_year() -> None:
    ch = litopys.extract("У 1651 році кримського правителя підтримали татари.")
    entity = _by_mention(ch, "кримського правителя")
    assert entity is not None and entity.id == "crimean_khanate"


@pytest.mark.parametrize("text,mention,state", [
    ("У 1992 році договір ратифікували депутати Верховної Ради України.",
     "Верховної Ради України", "ukr"),
    ("У 2023 році про це повідомили в МЗС Литви.", "МЗС Литви", "ltu"),
    ("У 2014 році в Міноборони Росії заперечили участь.", "Міноборони Росії", "rus"),
])
def test_entities_body_with_its_state_in_the_genitive_is_one_mention(
        text: str, mention: str, state: str) -> None:
    ch = litopys.extract(text)
    body = _by_mention(ch, mention)
    assert body is not None and body.type == "ORG"
    assert body.affiliation == state or body.id == "verkhovna_rada"
    assert any(e.id == state and e.mentions for e in ch.entities)


def test_entities_document_about_founding_a_body_takes_the_body_into_its_name() -> None:
    ch = litopys.extract("У 1991 році підписали Угоду про створення Співдружності Незалежних Держав.")
    doc_entity = _by_mention(ch, "Угоду про створення Співдружності Незалежних Держав")
    assert doc_entity is not None and doc_entity.type == "DOC"
    assert _by_mention(ch, "Співдружності Незалежних Держав") is not None


def test_entities_lower_case_adjective_of_another_case_is_no_part_of_a_document_name() -> None:
    ch = litopys.extract("У 1877 році це право дав секретний Будапештському угоді додаток.")
    assert not any(e.type == "DOC" and e.name.startswith("секретн") for e in ch.entities)


@pytest.mark.parametrize("text,name", [
    ("Ще Іван IV Грозний у 1558 році почав війну.", "Іван IV Грозний"),
    ("Вже Петро I у 1700 році розумів це.", "Петро I"),
])
def test_entities_particle_opening_a_sentence_is_no_part_of_a_name(text: str, name: str) -> None:
    ch = litopys.extract(text)
    assert _typed(text, name, "PERSON")
    assert not any(m.text.startswith(("Ще ", "Вже ")) for e in ch.entities for m in e.mentions)


def test_entities_conference_named_after_a_place_opens_a_sentence() -> None:
    ch = litopys.extract("Лозаннська конференція 1922—1923 років відкрилася в Лозанні.")
    assert _typed("Лозаннська конференція 1922—1923 років відкрилася в Лозанні.",
                  "Лозаннська конференція", "ORG")
    assert not _by_mention(litopys.extract("Міжнародна конференція відкрилася в 1922 році."),
                           "Міжнародна конференція")
    assert ch is not None


@pytest.mark.parametrize("text,mention,eid", [
    ("У 1955 році західні держави прийняли ФРН до НАТО.", "західні держави", "western_countries"),
    ("У 1961 році Західний Берлін оточили стіною.", "Західний Берлін", "west_berlin"),
    ("У 1596 році частина єпископів перейшла під зверхність католицької церкви.",
     "католицької церкви", "catholic_church"),
])
def test_entities_groups_and_places_of_the_dictionary(text: str, mention: str, eid: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == eid


@pytest.mark.parametrize("text,mention", [
    ("У 1654 році Богдан Хмельницький уклав договір.", "Богдан Хмельницький"),
    ("У 2022 році з Володимиром Зеленським зустрівся канцлер.", "Володимиром Зеленським"),
])
def test_entities_first_name_the_persons_dictionary_gives_joins_the_surname(
        text: str, mention: str) -> None:
    assert _typed(text, mention, "PERSON")


@pytest.mark.parametrize("text", [
    "Лозаннська конференція відкрилася у 1922 році. Конференція ухвалила рішення.",
    "Берлінський конгрес почався у 1878 році. Конгрес підтвердив право Австро-Угорщини.",
])
def test_entities_word_for_a_meeting_alone_is_the_meeting_named_before(text: str) -> None:
    ch = litopys.extract(text)
    named = [e for e in ch.entities if e.type == "ORG"]
    assert len(named) == 1 and len(named[0].mentions) == 2


def test_entities_word_for_a_meeting_with_an_adjective_is_another_meeting() -> None:
    ch = litopys.extract("Берлінський конгрес почався у 1878 році. Мирна конференція відбулася пізніше.")
    congress = [e for e in ch.entities if e.type == "ORG"]
    assert all(len(e.mentions) == 1 for e in congress)


def test_entities_alliance_word_alone_is_the_alliance_named_last() -> None:
    ch = litopys.extract("Саміт НАТО у Вільнюсі: альянс підтримав Україну у 2023 році.")
    nato = next(e for e in ch.entities if e.id == "nato")
    assert "альянс" in [m.text for m in nato.mentions]


@pytest.mark.parametrize("text,mention,eid", [
    ("У 1998 році український парламент ратифікував угоду.", "український парламент",
     "verkhovna_rada"),
    ("У 1925 році французький парламент схвалив договір.", "французький парламент",
     "org:fra:парламент"),
])
def test_entities_state_adjective_before_parliament_is_its_parliament(
        text: str, mention: str, eid: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "ORG" and entity.id == eid


def test_a_tatar_force_of_the_seventeenth_century_acts_for_the_crimean_khanate() -> None:
    ch = litopys.extract("У 1651 році татарська кіннота втекла з поля бою під Берестечком.")
    force = next(e for e in ch.entities if any(m.text == "татарська кіннота" for m in e.mentions))
    assert force.type == "ORG" and force.affiliation == "crimean_khanate"


@pytest.mark.parametrize("text,mention", [
    ("У 1677 році військова рада ухвалила відступити.", "військова рада"),
    ("Старшинська рада виконувала функцію дорадчого органу при гетьмані.", "Старшинська рада"),
])
def test_entities_assembly_named_by_its_kind_is_a_body(text: str, mention: str) -> None:
    assert _typed(text, mention, "ORG")


def test_entities_kind_adjective_before_another_noun_is_no_body() -> None:
    assert "військова допомога" not in _mentions(
        litopys.extract("У 1677 році військова допомога не надійшла."))


@pytest.mark.parametrize("text,name", [
    ("У 2014 році протестувальники вийшли на вулицю Грушевського.", "Грушевського"),
    ("У 1944 році його нагородили орденом Богдана Хмельницького.", "Богдана Хмельницького"),
    ("У 1990 році премію імені Олеся Гончара вручили письменникові.", "Олеся Гончара"),
    ("В 1990 году он жил на улице Пушкина.", "Пушкина"),
])
def test_entities_name_of_a_thing_called_after_a_person_is_no_person(text: str,
                                                                    name: str) -> None:
    assert name not in _mentions(litopys.extract(text))


def test_entities_person_after_an_ordinary_noun_stays_a_person() -> None:
    entity = _by_mention(litopys.extract("У 1654 році посли гетьмана Богдана Хмельницького "
                                         "прибули до Москви."), "Богдана Хмельницького")
    assert entity is not None and entity.type == "PERSON"
