"""The entity stage: meetings, names that end before a verb, regions, and the Russian names of
bodies, documents and places (made-up sentences, one per category)."""

from __future__ import annotations

import pytest

import litopys
from litopys.pipeline.entities import abbreviated_adjectives


def _by_mention(ch, text):  # type: ignore[no-untyped-def]
    """The entity with a mention written exactly ``text``, or None."""
    return next((e for e in ch.entities if any(m.text == text for m in e.mentions)), None)


def _mentions(ch) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.text for e in ch.entities for m in e.mentions}


@pytest.mark.parametrize("text,mention", [
    ("Навесні 1922 року Віденська мирна нарада закінчилася нічим.", "Віденська мирна нарада"),
    ("Делегати роз'їхалися після Лозаннської конференції 1923 року.",
     "Лозаннської конференції"),
    ("В 1815 году Венский конгресс завершил работу.", "Венский конгресс"),
])
def test_entities_adjective_before_a_meeting_noun_names_a_body(text: str, mention: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "ORG"


def test_entities_meeting_noun_opening_a_sentence_with_a_common_adjective_is_no_name() -> None:
    ch = litopys.extract("Міжнародна конференція тривала три дні.")
    assert not any("конференція" in m for m in _mentions(ch))


def test_entities_known_conference_in_russian_links_to_the_dictionary() -> None:
    entity = _by_mention(litopys.extract("В феврале 1945 года на Крымской конференции "
                                         "встретились союзники."), "Крымской конференции")
    assert entity is not None and entity.id == "yalta_conference"


def test_entities_verb_after_a_body_stays_outside_its_name() -> None:
    ch = litopys.extract("У червні 2022 року Європейська рада надала Україні статус.")
    assert "Європейська рада" in _mentions(ch)
    assert not any("надала" in m for m in _mentions(ch))


def test_entities_model_name_of_an_event_is_no_actor() -> None:
    ch = litopys.extract("Після Другої світової війни кордони змінилися.")
    assert not any(m.startswith("Друг") for m in _mentions(ch))


@pytest.mark.parametrize("text,mention", [
    ("Маєтки лежали в Сандомирському воєводстві.", "Сандомирському воєводстві"),
    ("Фортеця належала до Очаківського ейялету.", "Очаківського ейялету"),
    ("Земли отошли к Калишскому воеводству.", "Калишскому воеводству"),
])
def test_entities_adjective_before_a_province_noun_is_a_region(text: str, mention: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "LOC"


def test_entities_west_only_when_capitalised() -> None:
    ch = litopys.extract("Уряд вжив заходів, щоб здобути підтримку Заходу.")
    assert _by_mention(ch, "Заходу") is not None
    assert _by_mention(ch, "заходів") is None


@pytest.mark.parametrize("text,mention,entity_id", [
    ("Гетман воевал с Речью Посполитой.", "Речью Посполитой", "rzeczpospolita"),
    ("Страны вступили в Организацию по безопасности и сотрудничеству в Европе.",
     "Организацию по безопасности и сотрудничеству в Европе", "osce"),
    ("Права закрепил Устав ООН.", "Устав ООН", "un_charter"),
])
def test_entities_russian_names_of_dictionary_entries(text: str, mention: str,
                                                      entity_id: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == entity_id


def test_entities_abbreviation_stands_for_the_adjective_of_each_language() -> None:
    short = abbreviated_adjectives()
    assert len(short["рос"]) == 2  # "російський" and "российский"
    assert "польський" in short["польс"]


def test_entities_conference_and_organisation_are_two_bodies() -> None:
    ch = litopys.extract("У 1975 році НБСЄ ухвалила акт, а 1995 року постала ОБСЄ.")
    assert _by_mention(ch, "НБСЄ").id == "csce"
    assert _by_mention(ch, "ОБСЄ").id == "osce"


def test_entities_body_of_a_party_in_russian() -> None:
    entity = _by_mention(litopys.extract("В 1975 году ЦК КПСС одобрил решение."), "ЦК КПСС")
    assert entity is not None and entity.type == "ORG"


@pytest.mark.parametrize("text,mention", [
    ("Того ж року Дж. Кеннеді звернувся до Хрущова.", "Дж. Кеннеді"),
    ("В 1945 году генерал Дж. Дин прибыл в Москву.", "Дж. Дин"),
])
def test_entities_two_letter_initial_opens_a_name(text: str, mention: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "PERSON"
    assert " . " not in entity.name


def test_entities_common_noun_opening_a_sentence_is_no_person() -> None:
    ch = litopys.extract("Кордон пройшов по річці. Петлюра підписав угоду.")
    assert _by_mention(ch, "Кордон") is None
    assert _by_mention(ch, "Петлюра").type == "PERSON"


def test_entities_state_closes_the_subject_of_a_document() -> None:
    ch = litopys.extract("У 1990 році була ухвалена Декларація про державний суверенітет "
                         "України.")
    entity = _by_mention(ch, "Декларація про державний суверенітет України")
    assert entity is not None and entity.type == "DOC"


def test_entities_lower_case_treaty_is_a_document_where_no_other_has_its_head() -> None:
    ch = litopys.extract("Тоді ж сторони підписали політичну конвенцію.")
    entity = _by_mention(ch, "політичну конвенцію")
    assert entity is not None and entity.type == "DOC"


def test_entities_lower_case_treaty_joins_the_named_one() -> None:
    ch = litopys.extract("У 1921 році сторони уклали Ризький мирний договір. Тоді "
                         "мирний договір поділив Україну.")
    docs = [e for e in ch.entities if e.type == "DOC"]
    assert len(docs) == 1, [(e.name, [m.text for m in e.mentions]) for e in docs]
    assert {"Ризький мирний договір", "мирний договір"} <= {m.text for m in docs[0].mentions}


def test_entities_lower_case_word_for_peace_or_a_plan_is_no_document() -> None:
    ch = litopys.extract("Усі прагнули зберегти світовий мир і виконати економічний план.")
    assert not [e for e in ch.entities if e.type == "DOC"]


def test_entities_lower_case_treaty_with_a_referring_adjective_is_no_document() -> None:
    ch = litopys.extract("Згодом Туреччина запропонувала аналогічний договір.")
    assert not [e for e in ch.entities if e.type == "DOC"]


def test_entities_lower_case_treaty_with_other_adjectives_stays_its_own_document() -> None:
    ch = litopys.extract("У 1920 році сторони підписали політичну конвенцію, а згодом і "
                         "Військову конвенцію.")
    docs = [e for e in ch.entities if e.type == "DOC"]
    assert len(docs) == 2, [(e.name, [m.text for m in e.mentions]) for e in docs]


@pytest.mark.parametrize("text,mention", [
    ("В 2010 году партия «Единая Россия» поддержала решение.", "Единая Россия"),
    ("Того ж року газета «Правда» надрукувала статтю.", "Правда"),
])
def test_entities_quoted_name_after_an_organisation_noun(text: str, mention: str) -> None:
    ch = litopys.extract(text)
    entity = _by_mention(ch, mention)
    assert entity is not None and entity.type == "ORG"
    assert not [e for e in ch.entities if e.type == "GPE" and e.mentions]


@pytest.mark.parametrize("text,mention,entity_id", [
    ("В 1783 году войска вошли в Крым и вышли к Чёрному морю.", "Чёрному морю", "black_sea"),
    ("Казаки ушли в Северное Причерноморье и на Северный Кавказ.", "Северный Кавказ",
     "north_caucasus"),
    ("В 1667 году Левобережная Украина отошла к России.", "Левобережная Украина", "left_bank"),
])
def test_entities_russian_names_of_regions_seas_and_lands(text: str, mention: str,
                                                          entity_id: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == entity_id


def test_entities_capitalised_adjectives_before_a_force_noun_name_it() -> None:
    ch = litopys.extract("У 1919 році Добровольча армія наступала на Київ.")
    entity = _by_mention(ch, "Добровольча армія")
    assert entity is not None and entity.type == "ORG"


def test_entities_russian_adjective_of_a_state_before_an_actor_noun() -> None:
    ch = litopys.extract("В 1919 году турецкая сторона молчала, а греческие войска наступали.")
    assert _by_mention(ch, "турецкая сторона").id == "tur"
    forces = _by_mention(ch, "греческие войска")
    assert forces.type == "ORG" and forces.affiliation == "grc"


def test_entities_name_after_a_building_noun_is_a_place() -> None:
    ch = litopys.extract("У 2022 році угоду підписали в палаці Долмабахче у Стамбулі.")
    entity = _by_mention(ch, "палаці Долмабахче")
    assert entity is not None and entity.type == "LOC"
    assert not [e for e in ch.entities if e.type == "PERSON"]


def test_entities_latin_date_is_no_person() -> None:
    ch = litopys.extract("Заява з'явилася в мережі (June 17, 2022) і її поширив Кулеба.")
    assert not any(any(ch_.isdigit() for ch_ in m) for e in ch.entities if e.type == "PERSON"
                   for m in (x.text for x in e.mentions))


@pytest.mark.parametrize("text,mention,entity_id", [
    ("В 1918 году Центральные державы подписали мир.", "Центральные державы",
     "central_powers"),
    ("Інспекції 2022 року проводив Спільний координаційний центр у Стамбулі.",
     "Спільний координаційний центр", "joint_coordination_centre"),
    ("В 1654 году Войско Запорожское присягнуло царю.", "Войско Запорожское", "hetmanate"),
])
def test_entities_coalitions_and_joint_bodies(text: str, mention: str, entity_id: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == entity_id


@pytest.mark.parametrize("text,mention,polity", [
    ("У 1710 році козацька старшина обрала гетьмана.", "козацька старшина", "hetmanate"),
    ("У 1918 році гетьманські війська відступили.", "гетьманські війська", "ukrainian_state"),
])
def test_entities_cossack_and_hetman_groups_act_for_the_hetmanate_of_their_year(
        text: str, mention: str, polity: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "ORG" and entity.affiliation == polity


@pytest.mark.parametrize("text,mention,entity_id", [
    ("У 2022 році Єврокомісія підтримала заявку.", "Єврокомісія", "european_commission"),
    ("В 2005 году Совет Европы осудил решение.", "Совет Европы", "council_of_europe"),
    ("В 1994 году МАГАТЭ проверило объекты.", "МАГАТЭ", "iaea"),
])
def test_entities_european_and_international_bodies(text: str, mention: str,
                                                    entity_id: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == entity_id


@pytest.mark.parametrize("text", [
    "В 1945 году была достигнута договоренность о том, что граница пройдёт по реке.",
    "У 1945 році досягли домовленості про те, що кордон пройде по річці.",
])
def test_entities_agreement_about_a_clause_is_no_document(text: str) -> None:
    assert not [e for e in litopys.extract(text).entities if e.type == "DOC"]


@pytest.mark.parametrize(
    "text,name",
    [
        ("Конституція Литви набула чинності того ж року.", "Конституція Литви"),
        ("Сейм змінив Конституцію Польщі.", "Конституція Польщі"),
        ("Конституция СССР 1936 года провозгласила равенство. Позже приняли Конституцию СССР.",
         "Конституция СССР"),
    ],
)
def test_entities_a_constitution_named_by_its_state(text: str, name: str) -> None:
    # the state in the genitive is part of the document's name, also at a sentence
    # start; the name is in the nominative singular
    ch = litopys.extract(text)
    docs = [e for e in ch.entities if e.type == "DOC"]
    assert [d.name for d in docs] == [name], [(e.type, e.name) for e in ch.entities]


def test_entities_a_state_after_another_document_head_at_a_sentence_start_is_the_state() -> None:
    ch = litopys.extract("Угода Литви з Польщею не діяла.")
    assert not [e for e in ch.entities if e.type == "DOC"]
    assert {"ltu", "pol"} <= {e.id for e in ch.entities}


@pytest.mark.parametrize(
    "text",
    [
        "Обидві країни раніше уклали з сусідами договори про ненапад.",
        "Москва предлагала соседям договоры о ненападении и торговые соглашения.",
    ],
)
def test_entities_a_lower_case_plural_document_noun_is_a_kind_not_a_document(text: str) -> None:
    ch = litopys.extract(text)
    assert not [e for e in ch.entities if e.type == "DOC"], [(e.type, e.name) for e in ch.entities]


def test_entities_a_document_head_alone_is_a_mention_of_the_one_named_document() -> None:
    ch = litopys.extract("Рада ухвалила Декларацію про незалежність Литви. Декларація "
                         "проголосила верховенство законів республіки.")
    docs = [e for e in ch.entities if e.type == "DOC"]
    assert len(docs) == 1, [(e.type, e.name) for e in ch.entities]
    assert "Декларація" in [m.text for m in docs[0].mentions]


@pytest.mark.parametrize(
    "text",
    [
        # no named document with the head: the head alone names nothing
        "Сторони довго сперечалися. Угода так і не з'явилася.",
        # a demonstrative points back to another document, not to the one with the head
        "Після Мюнхенської угоди сторони уклали пакт. Однак ця угода нікого не захистила.",
    ],
)
def test_entities_a_document_head_alone_without_its_one_document(text: str) -> None:
    ch = litopys.extract(text)
    assert not [m.text for e in ch.entities if e.type == "DOC" for m in e.mentions
                if m.text.lower() == "угода"], [(e.name, [m.text for m in e.mentions])
                                                for e in ch.entities]


def test_entities_initials_alone_name_no_state_or_body() -> None:
    ch = litopys.extract("Со стороны Речи Посполитой договор подписали Е. (Ю.) К. Глебовичем "
                         "и С. Ледоховским, а со стороны России — другие послы.")
    assert not [e for e in ch.entities if e.type in ("ORG", "GPE") and all(
        len(m.text) <= 2 for m in e.mentions) and e.mentions], \
        [(e.type, e.name, [m.text for m in e.mentions]) for e in ch.entities]


def test_a_resolution_with_its_issuer_and_title_is_one_document() -> None:
    # "Постанови Верховної Ради України «Про ...»": the issuer in the genitive between the
    # document noun and its title; the capitalised noun alone was read as a place
    ch = litopys.extract('Урочистості відбуваються відповідно до Постанови Верховної Ради '
                         'України "Про урочисте засідання з нагоди річниці" та плану уряду.')
    docs = [e for e in ch.entities if e.type == "DOC"]
    assert len(docs) == 1
    assert docs[0].mentions[0].text.startswith("Постанови Верховної Ради України")
    assert docs[0].mentions[0].text.endswith('річниці"')
    assert not any(e.type == "GPE" and e.name.startswith("Постанов") for e in ch.entities)


@pytest.mark.parametrize("text,mention", [
    ("Президент підписав Указ Президента України «Про заходи щодо безпеки» минулого тижня.",
     "Указ Президента України «Про заходи щодо безпеки»"),
    ("Президент підписав Указ Президента України № 64 про заходи минулого тижня.",
     "Указ Президента України № 64"),
    ("Засідання перенесли відповідно до Розпорядження Голови Верховної Ради № 225.",
     "Розпорядження Голови Верховної Ради № 225"),
])
def test_a_decree_with_its_issuer_and_title_or_number_is_one_document(text: str,
                                                                      mention: str) -> None:
    ch = litopys.extract(text)
    assert [m.text for e in ch.entities if e.type == "DOC" for m in e.mentions] == [mention]


def test_a_state_form_with_its_adjective_is_a_state_whatever_the_model_says() -> None:
    ch = litopys.extract("Султан довго воював з Венеціанською республікою за острови.")
    states = [e for e in ch.entities if any("Венеціанськ" in m.text for m in e.mentions)]
    assert [e.type for e in states] == ["GPE"]


@pytest.mark.parametrize("text,mention", [
    ("3 січня 1919 року Українська Національна Рада приймає ухвалу.",
     "Українська Національна Рада"),
    ("У Львові було утворено Українську Національну Раду.", "Українську Національну Раду"),
])
def test_entities_adjective_read_as_a_surname_opens_a_body_name(text: str, mention: str) -> None:
    # "Українська" is read first as a surname (PROPN); its adjective reading opens the name
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "ORG"


@pytest.mark.parametrize("text,mention", [
    ("Визначено статус Рахункової палати України.", "Рахункової палати України"),
    ("Уряд звернувся до Національного банку України.", "Національного банку України"),
])
def test_entities_chamber_and_bank_with_their_state_name_a_body(text: str, mention: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "ORG"


@pytest.mark.parametrize("text,mention", [
    ("Свій внесок у створення Збройних Сил України зробили громадські організації.",
     "Збройних Сил України"),
    ("Генерал командував Збройними силами України.", "Збройними силами України"),
])
def test_entities_armed_forces_of_ukraine_by_their_full_name(text: str, mention: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == "zsu"


@pytest.mark.parametrize("text,mention,eid", [
    ("У 2022 році Державний департамент США схвалив продаж зброї.",
     "Державний департамент США", "us_state_department"),
    ("У 2022 році Пентагон передав Україні зброю.", "Пентагон", "pentagon"),
    ("У 2022 році Бундестаг проголосував за постачання зброї.", "Бундестаг", "bundestag"),
    ("У 2022 році Державна прикордонна служба не пропустила вантаж.",
     "Державна прикордонна служба", "border_guard_ukr"),
])
def test_entities_bodies_of_the_dictionary_by_their_full_names(text: str, mention: str,
                                                               eid: str) -> None:
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == eid


def test_entities_department_with_its_genitive_words_is_a_body() -> None:
    entity = _by_mention(litopys.extract("У 2015 році Департамент контррозвідки СБУ затримав "
                                         "агента."), "Департамент контррозвідки СБУ")
    assert entity is not None and entity.type == "ORG"
