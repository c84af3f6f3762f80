"""The entity stage on names of real encyclopedic and news pages (session 13): an
abbreviation in brackets after a name, a place in the locative after "на" (made-up sentences, one per category)."""

from __future__ import annotations

import pytest
from test_entities_bodies import _by_mention

import litopys
from litopys.pipeline.entities import spells


@pytest.mark.parametrize("text,name,abbreviation", [
    ("У 1929 році слідчі вигадали Спілку визволення України (СВУ). У справі СВУ засудили "
     "45 осіб.", "Спілку визволення України", "СВУ"),
    ("Навесні 1917 року постала Українська Центральна Рада (УЦР). УЦР скликала з'їзд.",
     "Українська Центральна Рада", "УЦР"),
])
def test_entities_bracketed_abbreviation_names_the_name_before_it(
        text: str, name: str, abbreviation: str) -> None:
    ch = litopys.extract(text)
    entity = _by_mention(ch, name)
    assert entity is not None
    assert sum(m.text == abbreviation for m in entity.mentions) == 2
    assert all(e is entity for e in ch.entities if any(m.text == abbreviation for m in e.mentions))


def test_entities_bracketed_abbreviation_of_another_name_stays_apart() -> None:
    ch = litopys.extract("У 1945 році делегати прибули до м. Сан-Франциско (США).")
    city, state = _by_mention(ch, "Сан-Франциско"), _by_mention(ch, "США")
    assert city is not None and state is not None and city is not state


@pytest.mark.parametrize("abbreviation,words,expected", [
    ("ОБСЄ", ["Організації", "з", "безпеки", "і", "співробітництва", "в", "Європі"], True),
    ("ЗУНР", ["Західноукраїнської", "Народної", "Республіки"], True),
    ("США", ["Сан-Франциско"], False),
    ("ТВП", ["Угорської", "партії", "трудящих"], False),
])
def test_entities_spells(abbreviation: str, words: list[str], expected: bool) -> None:
    assert spells(abbreviation, words) is expected


@pytest.mark.parametrize("text,word", [
    ("У 1559 році князь Дмитро Вишневецький побив кримців на Яйдарі.", "Яйдарі"),
    ("Навесні 1223 року монголи розбили руських князів на Калмарці.", "Калмарці"),
])
def test_entities_capitalised_word_in_the_locative_after_na_is_no_person(
        text: str, word: str) -> None:
    entity = _by_mention(litopys.extract(text), word)
    assert entity is None or entity.type != "PERSON"


def test_entities_person_after_na_in_another_case_stays_a_person() -> None:
    entity = _by_mention(litopys.extract("У 1651 році поляки напали на Хмельницького."),
                         "Хмельницького")
    assert entity is not None and entity.type == "PERSON"


@pytest.mark.parametrize("text,name", [
    ("У 1918 році делегати Союзу залізничників підтримали повстання.", "Союзу залізничників"),
    ("Гетьман спирався на Союз земельних власників у 1918 році.", "Союз земельних власників"),
    ("У 1930 році суд розглядав справу Спілки визволення України.",
     "Спілки визволення України"),
])
def test_entities_union_with_its_genitive_is_one_body(text: str, name: str) -> None:
    entity = _by_mention(litopys.extract(text), name)
    assert entity is not None and entity.type == "ORG"


@pytest.mark.parametrize("text,name", [
    ("Того ж дня 1918 року гетьман оголосив «Грамоту до всього українського народу».",
     "Грамоту до всього українського народу"),
    ("У 1917 році уряд ухвалив «Тимчасовий закон про верховне управління».",
     "Тимчасовий закон про верховне управління"),
])
def test_entities_quoted_title_opening_with_a_document_noun_is_one_document(
        text: str, name: str) -> None:
    entity = _by_mention(litopys.extract(text), name)
    assert entity is not None and entity.type == "DOC"


@pytest.mark.parametrize("text,name", [
    ("У листопаді 1917 року з'їзд ухвалив Декрет про землю.", "Декрет про землю"),
    ("Генеральний Маніфест гетьмана оприлюднили 1918 року.", "Генеральний Маніфест"),
    ("У 1863 році вийшов Київський циркуляр.", "Київський циркуляр"),
])
def test_entities_decree_manifesto_charter_circular_head_a_document(text: str, name: str) -> None:
    entity = _by_mention(litopys.extract(text), name)
    assert entity is not None and entity.type == "DOC"


def test_entities_decree_and_resolution_head_a_document() -> None:
    ch = litopys.extract("У 2022 році Президент підписав Указ про загальну мобілізацію, а уряд "
                         "ухвалив Постанову про евакуацію населення.")
    for name in ("Указ про загальну мобілізацію", "Постанову про евакуацію населення"):
        entity = _by_mention(ch, name)
        assert entity is not None and entity.type == "DOC"


def test_entities_document_subject_joined_by_a_conjunction_to_a_word_read_as_a_name() -> None:
    ch = litopys.extract("У 1939 році сторони уклали Договір про дружбу і кордон між СРСР та "
                         "Німеччиною.")
    entity = _by_mention(ch, "Договір про дружбу і кордон")
    assert entity is not None and entity.type == "DOC"


@pytest.mark.parametrize("text,entity_id", [
    ("Восени 1920 року війська стояли на Сіверському Дінці.", "siverskyi_donets"),
    ("У 1648 році козаки рушили до Василькова.", "vasylkiv"),
    ("Влітку 1944 року фронт пройшов по Західному Бузі.", "western_bug"),
])
def test_entities_oblique_forms_the_inflector_misses(text: str, entity_id: str) -> None:
    assert any(e.id == entity_id and e.mentions for e in litopys.extract(text).entities)


@pytest.mark.parametrize("text,name", [
    ("25 березня 1918 року в Лубнах відбувся з'їзд українських хліборобів.",
     "з'їзд українських хліборобів"),
    ("Того ж року було створено партію хліборобів-демократів.", "партію хліборобів-демократів"),
])
def test_entities_lower_case_party_or_congress_of_people_is_a_body(text: str, name: str) -> None:
    entity = _by_mention(litopys.extract(text), name)
    assert entity is not None and entity.type == "ORG"


def test_entities_party_of_a_dictionary_group_stays_the_dictionary_party() -> None:
    ch = litopys.extract("У 1917 році партія есерів виграла вибори.")
    assert _by_mention(ch, "партія есерів") is None and _by_mention(ch, "есерів") is not None


def test_entities_institute_with_its_genitive_is_a_body() -> None:
    ch = litopys.extract("У 1936 році співробітників Інституту історії України заарештували.")
    entity = _by_mention(ch, "Інституту історії України")
    assert entity is not None and entity.type == "ORG"


@pytest.mark.parametrize("text,name", [
    ("У січні 1944 року у котлі опинилася дивізія СС «Вікінг».", "Вікінг"),
    ("У 2006 році фракція «Регіони України» проголосувала за уряд.", "Регіони України"),
])
def test_entities_name_in_quotes_after_a_unit_or_faction_is_an_organisation(
        text: str, name: str) -> None:
    entity = _by_mention(litopys.extract(text), name)
    assert entity is not None and entity.type == "ORG"


def test_entities_ukraine_before_the_hetmanate_is_a_land() -> None:
    land = _by_mention(litopys.extract("У 1596 році в Україні проголосили церковну унію."),
                       "Україні")
    state = _by_mention(litopys.extract("У 1654 році Україна уклала договір з Москвою."),
                        "Україна")
    assert land is not None and land.type == "LOC"
    assert state is not None and state.type == "GPE"


def test_entities_office_after_a_name_is_no_part_of_it() -> None:
    ch = litopys.extract("Після обрання Кравчука Президентом у 1991 році співголовою комісії "
                         "став Іван Плющ.")
    assert _by_mention(ch, "Кравчука") is not None
    assert _by_mention(ch, "Кравчука Президентом") is None


def test_entities_saint_word_is_part_of_the_name_and_the_holy_spirit_is_nobody() -> None:
    ch = litopys.extract("У 1596 році синод визнав папу наступником святого Петра і догмат "
                         "про походження Святого Духа.")
    saint = _by_mention(ch, "святого Петра")
    assert saint is not None and saint.type == "PERSON" and saint.name == "святий Петро"
    assert not any("Духа" in m.text for e in ch.entities for m in e.mentions)


def test_entities_place_adjective_alone_is_no_name_unless_listed() -> None:
    ch = litopys.extract("Угоду підписали генерал Нам Іл, який представляв Корейську народну "
                         "армію, і Китайську народну добровольчу армію у 1953 році.")
    assert not any(m.text == "Китайську" for e in ch.entities for m in e.mentions)


def test_entities_continent_is_a_landmark() -> None:
    entity = _by_mention(litopys.extract("Після 1997 року мир на Європейському континенті "
                                         "зміцнів."), "Європейському континенті")
    assert entity is not None and entity.type == "LOC"


def test_entities_model_name_cut_before_ordinary_words_loses_the_comma_too() -> None:
    ch = litopys.extract("Звертаючись до учасників Центру, міністр оборони Туреччини "
                         "наголосив на цьому у 2022 році.")
    assert not any(m.text.endswith(",") for e in ch.entities for m in e.mentions)


def test_entities_document_subject_stops_at_a_noun_in_the_instrumental() -> None:
    ch = litopys.extract("25 липня 1932 р. у Москві було підписано польсько-радянський договір "
                         "про ненапад строком на три роки.")
    assert _by_mention(ch, "польсько-радянський договір про ненапад") is not None


def test_entities_town_name_after_a_first_name_is_a_surname() -> None:
    ch = litopys.extract("Про це заявив заступник керівника Офісу Президента Ігор Жовква у "
                         "2024 році.")
    person = _by_mention(ch, "Ігор Жовква")
    assert person is not None and person.type == "PERSON"


@pytest.mark.parametrize("text,entity_id", [
    ("У 1878 році Австро-Угорщина окупувала Боснію і Герцеговину.", "bosnia_land"),
    ("Після 1871 року Німеччина володіла Ельзасом і Лотарингією.", "alsace_lorraine"),
])
def test_entities_coordinated_names_in_oblique_cases(text: str, entity_id: str) -> None:
    ch = litopys.extract(text)
    entity = next((e for e in ch.entities if e.id == entity_id and e.mentions), None)
    assert entity is not None and len(entity.mentions[0].text.split()) == 3


def test_entities_unknown_word_in_the_locative_after_pry_is_no_person() -> None:
    ch = litopys.extract("14 червня 1807 р. Наполеон розгромив при Фрідланді російську армію. "
                         "При Сигізмунді Августі шляхта зміцніла.")
    assert not any(e.type == "PERSON" and any("Фрідланд" in m.text for m in e.mentions)
                   for e in ch.entities)
    king = _by_mention(ch, "Сигізмунді Августі")
    assert king is not None and king.type == "PERSON"


def test_entities_last_stop_of_a_route_of_places_is_a_place() -> None:
    ch = litopys.extract("У 1920 році фронт пройшов по лінії Рівно — Сарни — Лунінець — Вілейка "
                         "— Дієна і зупинився.")
    entity = _by_mention(ch, "Дієна")
    assert entity is not None and entity.type == "GPE"


def test_entities_river_after_a_word_for_part_of_a_river_is_a_river() -> None:
    ch = litopys.extract("У 1651 році поляки побудували в межиріччі Пляшевки і Стирі "
                         "укріплений табір.")
    entity = _by_mention(ch, "Пляшевки")
    assert entity is not None and entity.type == "LOC"


@pytest.mark.parametrize("states", ["Російської та Османської", "Рос. та Осман."])
def test_adjectives_sharing_a_plural_state_noun_name_a_state_each(states: str) -> None:
    # "Російської та Османської імперій": the dictionary finds the second with the noun,
    # the first is the Russian Empire by its adjective and the noun in the singular; the
    # encyclopedic abbreviations the same ("Осман." is no person)
    ch = litopys.extract(f"Переговори {states} імперій розпочалися у 1772 р.")
    ids = {e.id for e in ch.entities}
    assert {"russian_empire", "ottoman_empire"} <= ids
    assert not any(e.type == "PERSON" for e in ch.entities)


def test_entities_rescript_after_lower_case_adjectives_is_a_document() -> None:
    # session 14: "рескрипт" is a document head and a treaty noun
    ch = litopys.extract("У 1812 році Кутузов отримав імператорський рескрипт.")
    entity = _by_mention(ch, "імператорський рескрипт")
    assert entity is not None and entity.type == "DOC"


@pytest.mark.parametrize("text,mention,entity_id", [
    ("Делегація УНР вела переговори з Четверним блоком у 1918 році.", "Четверним блоком",
     "central_powers"),
    ("У 2015 році ВР ухвалила закон.", "ВР", "verkhovna_rada"),
    ("Простори Великого Литовського князівства лежали на схід від Польщі 1385 року.",
     "Великого Литовського князівства", "grand_duchy_lithuania"),
])
def test_entities_aliases_of_real_pages(text: str, mention: str, entity_id: str) -> None:
    # session 14: names seen on unannotated pages the dictionary lacked
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.id == entity_id


@pytest.mark.parametrize("text,mention,entity_id", [
    ("У 1918 році німецькі окупаційні війська увійшли до Києва.",
     "німецькі окупаційні війська", "org:deu:військо"),
    ("У 1709 році шведська регулярна армія підійшла до Полтави.", "шведська регулярна армія",
     "org:swe:армія"),
])
def test_entities_state_adjective_with_adjectives_before_a_force(
        text: str, mention: str, entity_id: str) -> None:
    # session 14: lower-case adjectives between the state's adjective and the force noun
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "ORG" and entity.id == entity_id


def test_entities_state_adjective_with_adjectives_before_a_government_is_no_organisation() -> None:
    ch = litopys.extract("У 1943 році польський емігрантський уряд протестував.")
    assert _by_mention(ch, "польський емігрантський уряд") is None


def test_entities_regiments_after_a_state_adjective_are_its_force() -> None:
    # session 14: "полк" is an actor noun ("козацькі полки" act for the Hetmanate)
    ch = litopys.extract("У 1618 році козацькі полки підійшли до Москви.")
    entity = _by_mention(ch, "козацькі полки")
    assert entity is not None and entity.type == "ORG"


@pytest.mark.parametrize("text,mention", [
    ("У 1672 році договір підписали у Козачій Діброві поблизу Конотопа.", "Козачій Діброві"),
    ("У 1651 році бій відбувся біля Червоної Гірки.", "Червоної Гірки"),
])
def test_entities_adjective_and_noun_after_a_place_preposition_are_one_place(
        text: str, mention: str) -> None:
    # session 14: the noun alone was read as a surname
    ch = litopys.extract(text)
    entity = _by_mention(ch, mention)
    assert entity is not None and entity.type == "GPE"
    assert not any(e.type == "PERSON" for e in ch.entities)


def test_entities_abbreviated_bank_adjective_before_a_land_is_a_region() -> None:
    # session 14: "Правобереж." is an encyclopedic abbreviation (abbreviated_adjectives)
    ch = litopys.extract("У 1672 році під владою Дорошенка перебувала Правобереж. Київщина.")
    entity = _by_mention(ch, "Правобереж. Київщина")
    assert entity is not None and entity.type == "LOC"
    assert not any(e.type == "GPE" and e.name.startswith("Правобереж") for e in ch.entities)


@pytest.mark.parametrize("text,mention", [
    ("У 1672 році Поділля зайняли турец. війська.", "турец. війська"),
    ("У 1648 році козац. військо рушило на захід.", "козац. військо"),
])
def test_entities_encyclopedic_abbreviations_of_state_adjectives(text: str, mention: str) -> None:
    # session 14: more abbreviated adjectives of encyclopedia pages
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "ORG"


def test_entities_titled_body_of_a_polity_named_with_a_postposed_adjective() -> None:
    # session 14: "Війська Запорізького" ends on an adjective, and the body's name with it
    ch = litopys.extract("На початку війни вищим органом влади була Військова рада Війська "
                         "Запорізького.")
    entity = _by_mention(ch, "Військова рада Війська Запорізького")
    assert entity is not None and entity.type == "ORG"
    assert any(e.type == "GPE" and any(m.text == "Війська Запорізького" for m in e.mentions)
               for e in ch.entities)


@pytest.mark.parametrize("text,mention,name", [
    ("У 1793 році Правобережжя увійшло до складу Рос. імп. разом з Київщиною.",
     "Рос. імп.", "Російська імперія"),
    ("Кримське ханство було васалом Осман. імп. до 1774 року.",
     "Осман. імп.", "Османська імперія"),
])
def test_entities_abbreviated_adjective_and_noun_name_a_state(
        text: str, mention: str, name: str) -> None:
    # session 14, second round: an abbreviated noun after an abbreviated adjective
    entity = _by_mention(litopys.extract(text), mention)
    assert entity is not None and entity.type == "GPE" and entity.name == name


def test_entities_names_listed_after_a_plural_river_noun_are_rivers() -> None:
    # session 14, second round: "Лабунь" of the list was a person
    ch = litopys.extract("У 1366 році кордон пролягав по річках Горинь, Случ і Лабунь.")
    entity = _by_mention(ch, "Лабунь")
    assert entity is not None and entity.type == "LOC"


def test_entities_a_person_after_a_list_of_towns_stays_a_person() -> None:
    ch = litopys.extract("Полки стояли в містах Київ, Чернігів та Мазепа їхав туди.")
    entity = _by_mention(ch, "Мазепа")
    assert entity is not None and entity.type == "PERSON"


def test_entities_a_name_ending_on_an_adjective_is_no_landmark_with_the_next_noun() -> None:
    # session 14, second round: "Посполитої землі" was a place "Посполита земля"
    ch = litopys.extract("Після поділів Речі Посполитої землі відійшли до Росії.")
    assert not any(e.name.startswith("Посполит") for e in ch.entities)
    entity = _by_mention(ch, "Речі Посполитої")
    assert entity is not None and entity.type == "GPE"


def test_entities_a_document_subject_stops_at_an_office_in_the_instrumental() -> None:
    # session 14, second round: the tagger reads "гетьманом" as a name (PROPN)
    ch = litopys.extract(
        "Вийшла грамота про зречення влади гетьманом П. Скоропадським 14 грудня 1918 року.")
    entity = _by_mention(ch, "грамота про зречення влади")
    assert entity is not None and entity.type == "DOC"
    person = _by_mention(ch, "П. Скоропадським")
    assert person is not None and person.type == "PERSON"


def test_entities_a_body_named_with_people_ends_before_a_singular_object() -> None:
    # session 14, second round: "Ради народних міністрів впливу" ran on
    ch = litopys.extract("У 1919 році голова Ради народних міністрів впливу не мав.")
    entity = _by_mention(ch, "Ради народних міністрів")
    assert entity is not None and entity.type == "ORG"


def test_entities_a_name_ending_on_an_adjective_names_no_force_with_the_next_noun() -> None:
    # session 14, second round: "Посполитої війська" was a force "Посполита військо"
    ch = litopys.extract("У 1650 році король Речі Посполитої війська не мав.")
    assert not any(e.name.startswith("Посполит") for e in ch.entities)


@pytest.mark.parametrize("text,mention", [
    ("Проти проголосували два нардепи (Барна О. С., Усов К.Г.).", "Барна О. С."),
    ("Проти голосував один нардеп (Ледовських О. В.).", "Ледовських О. В."),
    ("Проти голосував один нардеп (Німченко В.І).", "Німченко В.І"),
])
def test_entities_surname_with_initials_after_it_is_a_person(text: str, mention: str) -> None:
    # "Барна О. С." was a place (GPE)
    ch = litopys.extract(text)
    entity = next((e for e in ch.entities if any(m.text == mention for m in e.mentions)), None)
    assert entity is not None and entity.type == "PERSON"


def test_entities_initial_before_a_surname_stays_with_it() -> None:
    ch = litopys.extract("Уряд у Фастові П. Скоропадський не визнав.")
    assert {e.type for e in ch.entities if e.name == "Фастів"} == {"GPE"}


@pytest.mark.parametrize("text,mention", [
    ("У 1768 році повстанці діяли в районі Білої Церкви, Василькова, Богуслава.", "Богуслава"),
    ("У 1665 році польське військо зазнало поразки під Білою Церквою та Корсунню.",
     "Корсунню"),
])
def test_entities_last_word_of_a_list_of_towns_is_a_town(text: str, mention: str) -> None:
    ch = litopys.extract(text)
    entity = next((e for e in ch.entities if any(m.text == mention for m in e.mentions)), None)
    assert entity is not None and entity.type == "GPE"


def test_entities_list_of_states_does_not_make_its_last_person_a_town() -> None:
    ch = litopys.extract("У 1768 році гайдамаки воювали з Польщею, Литвою та Младановичем.")
    entity = _by_mention(ch, "Младановичем")
    assert entity is None or entity.type == "PERSON"
