"""The entity stage: places, bodies, documents and people on real pages, and its data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from spacy.tokens import Span

import litopys
from litopys.pipeline import actors, entities, normalise
from litopys.pipeline.entities import agreeing_forms, words

CYRILLIC = re.compile(r"[а-яіїєґА-ЯІЇЄҐ]")


def _entity(ch, text):  # type: ignore[no-untyped-def]
    """The entity with a mention written exactly ``text``."""
    hits = [e for e in ch.entities if any(m.text == text for m in e.mentions)]
    assert hits, (text, [(e.type, e.name, [m.text for m in e.mentions]) for e in ch.entities])
    return hits[0]


@pytest.mark.parametrize(
    "text,mention,etype",
    [
        ("Угоду підписали в с. Андрусово під Смоленськом.", "Андрусово", "GPE"),
        ("Перемир'я уклали у селі Андрусове.", "Андрусове", "GPE"),
        ("Кордон пройшов по р. Збручь на захід.", "Збручь", "LOC"),
        ("Військо стало табором біля м. Невель.", "Невель", "GPE"),
    ],
)
def test_entities_name_after_settlement_or_river_word(text: str, mention: str,
                                                      etype: str) -> None:
    assert _entity(litopys.extract(text), mention).type == etype


def test_entities_place_between_places_of_a_list() -> None:
    ch = litopys.extract("До Москви відійшли Смоленськ, Дорогобуж, Біла, Невель та ін. міста.")
    assert _entity(ch, "Біла").type == "GPE"


@pytest.mark.parametrize("text,kept", [
    ("На Балканах повстали серби і болгари.", set()),
    ("Серби вимагали, щоб Сербія отримала вихід до моря.", {"srb"}),
])
def test_actors_state_named_only_by_its_people(text: str, kept: set[str]) -> None:
    ids = {e.id for e in litopys.extract(text).entities}
    assert ids & {"srb", "bgr"} == kept


def test_entities_initial_is_not_a_settlement_word() -> None:
    ch = litopys.extract("Угоду від Польщі підписав С. Каузік.")
    assert _entity(ch, "С. Каузік").type == "PERSON"


@pytest.mark.parametrize(
    "text,mention,entity_id",
    [
        ("Договір уклали між Рос. імперією та Туреччиною.", "Рос. імперією", "russian_empire"),
        ("Війна тривала на Пн. Кавказі.", "Пн. Кавказі", "north_caucasus"),
        ("Кордон пройшов по Пд. Бугу.", "Пд. Бугу", "southern_bug"),
        ("Султан воював з Осман . імперією.", "Осман . імперією", "ottoman_empire"),
        ("Протест заявила Укр. Нар. Республіка.", "Укр. Нар. Республіка", "unr"),
        ("Протест заявив франц. уряд.", "франц. уряд", "fra"),
    ],
)
def test_entities_abbreviated_adjective(text: str, mention: str, entity_id: str) -> None:
    assert _entity(litopys.extract(text), mention).id == entity_id


def test_entities_abbreviated_compass_adjective_makes_a_region() -> None:
    ch = litopys.extract("Нім. війська увійшли в Зах. Україну.")
    assert _entity(ch, "Зах. Україну").type == "LOC"
    assert _entity(ch, "Нім. війська").affiliation == "deu"


@pytest.mark.parametrize(
    "adjective,noun,form",
    [("російський", "імперії", "російської"), ("північний", "кавказі", "північному"),
     ("російський", "військ", "російських")],
)
def test_entities_agreeing_forms(adjective: str, noun: str, form: str) -> None:
    assert form in agreeing_forms(adjective, noun)


@pytest.mark.parametrize(
    "text,mention,polity",
    [
        ("У 1921 році польська делегація прибула до Риги.", "польська делегація", "pol"),
        ("Радянська делегація 1921 року погодилася.", "Радянська делегація",
         "soviet_russia"),
        ("Німецькі війська ввійшли до Австрії 1938 року.", "Німецькі війська", "deu"),
    ],
)
def test_entities_envoys_and_forces_act_for_the_state(text: str, mention: str,
                                                     polity: str) -> None:
    ent = _entity(litopys.extract(text), mention)
    assert (ent.type, ent.affiliation) == ("ORG", polity)


def test_entities_one_delegation_per_state_and_year() -> None:
    ch = litopys.extract("У 1921 році радянська делегація приїхала до Риги. "
                         "Російська делегація вимагала кордону по Збручу.")
    assert _entity(ch, "радянська делегація").id == _entity(ch, "Російська делегація").id


@pytest.mark.parametrize(
    "text,entity_id",
    [
        ("Влітку 1920 року Варшавський договір підписали Пілсудський і Петлюра.",
         "warsaw_treaty_1920"),
        ("У 1968 році війська країн, що підписали Варшавський договір, увійшли до Праги.",
         "warsaw_pact"),
        ("У 1654 році Україна уклала союз з Росією.", "tsardom_of_muscovy"),
        ("У 1774 році Росія уклала мир з Туреччиною.", "russian_empire"),
    ],
)
def test_entities_link_by_the_narrative_year(text: str, entity_id: str) -> None:
    ids = {e.id for e in litopys.extract(text).entities}
    assert entity_id in ids, ids


@pytest.mark.parametrize("text,name", [
    ("Стривожені поїздкою Катерини II до Криму, турки готувалися до війни.", "Катерина II"),
    ("Король Владислав IV помер 1648 року.", "Владислав IV"),
])
def test_entities_regnal_number_stays_in_the_name(text: str, name: str) -> None:
    people = [e.name for e in litopys.extract(text).entities if e.type == "PERSON"]
    assert name in people, people


def test_entities_two_surnames_with_a_dash_are_no_person() -> None:
    ch = litopys.extract("Його називають договором Пілсудський-Петлюра.")
    assert not [e for e in ch.entities if e.type == "PERSON"]


@pytest.mark.parametrize("text", [
    "Він написав про це у Twitter увечері.",
    "Заява з'явилася 17 June на сайті.",
])
def test_entities_latin_word_alone_is_no_person(text: str) -> None:
    assert not [e for e in litopys.extract(text).entities if e.type == "PERSON"]


@pytest.mark.parametrize(
    "text,name",
    [
        ("Того ж дня був підписаний Лохвицький мир.", "Лохвицький мир"),
        ("Тоді були підписані Ризькі мирні договори.", "Ризькі мирні договори"),
        ("Була підписана Декларація про наміри підписання Угоди про асоціацію.",
         "Декларація про наміри підписання Угоди про асоціацію"),
        ("Сторони парафували Угоду про асоціацію 28 листопада.", "Угода про асоціацію"),
    ],
)
def test_entities_document_name_bounds(text: str, name: str) -> None:
    docs = [e.name for e in litopys.extract(text).entities if e.type == "DOC"]
    assert docs == [name], docs


def test_entities_heading_words_are_not_abbreviations() -> None:
    ch = litopys.extract("КЮЧУК-КАЙНАРДЖІЙСЬКИЙ МИРНИЙ ДОГОВІР 1774\n\n"
                         "Договір уклали Російська імперія та Османська імперія.")
    kinds = {(e.type, e.name) for e in ch.entities}
    assert ("DOC", "Кючук-Кайнарджійський мирний договір") in kinds, kinds
    assert not any(e.type in ("ORG", "GPE") and e.name.isupper() for e in ch.entities)
    heading = _entity(ch, "КЮЧУК-КАЙНАРДЖІЙСЬКИЙ МИРНИЙ ДОГОВІР")
    assert heading.type == "DOC"  # the mention is written as in the original


def test_entities_body_with_lower_case_head() -> None:
    ch = litopys.extract("Депутати сейму Карпатської України зібралися в Хусті.")
    body = _entity(ch, "сейму Карпатської України")
    assert body.type == "ORG" and body.affiliation == "carpatho_ukraine"


def test_entities_known_body_of_another_polity_and_its_short_mention() -> None:
    ch = litopys.extract("Рада народних комісарів Української СРР ухвалила постанову. "
                         "Пізніше Рада комісарів скасувала її.")
    body = _entity(ch, "Рада народних комісарів Української СРР")
    assert body.type == "ORG" and body.affiliation == "ukr"
    assert _entity(ch, "Рада комісарів").id == body.id


@pytest.mark.parametrize(
    "text,mention,etype",
    [
        ("Декларація прав національностей України була ухвалена 1917 року.",
         "Декларація прав національностей України", "DOC"),
        ("Уряд ухвалив постанову «Про заходи щодо охорони кордону» 1920 року.",
         "постанову «Про заходи щодо охорони кордону»", "DOC"),
        ("Генеральна асамблея Організації Об’єднаних Націй ухвалила резолюцію.",
         "Генеральна асамблея Організації Об’єднаних Націй", "ORG"),
    ],
)
def test_entities_long_names_of_bodies_and_documents(text: str, mention: str,
                                                     etype: str) -> None:
    assert _entity(litopys.extract(text), mention).type == etype


def test_entities_quoted_remark_is_no_title() -> None:
    ch = litopys.extract("Він назвав вихід із зернової угоди “чисто обурливим” кроком.")
    assert not [e for e in ch.entities if e.type == "DOC" and "“" in e.name]


def test_entities_titled_body_without_complement() -> None:
    ch = litopys.extract("Орлик сформував склад Генеральної Військової Канцелярії у Бендерах.")
    assert _entity(ch, "Генеральної Військової Канцелярії").type == "ORG"


def test_actors_short_mention_joins_the_body(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A capitalised head noun alone (whatever label the model gave it) is a mention of
    the one longer body of the text with that head."""
    nlp = pipeline.nlp
    doc = nlp.make_doc("Сойм Карпатської України зібрався в Хусті. Рішення Сойму було "
                       "одностайним.")
    for name, proc in nlp.pipeline:
        if name == "litopys_actors":
            k = next(t.i for t in doc if t.text == "Сойму")
            doc.spans["mentions"] = [*doc.spans["mentions"], Span(doc, k, k + 1, "GPE")]
        doc = proc(doc)
    ents = doc._.entities
    body = next(e for e in ents.values() if e.name.startswith("Сойм Карпатської"))
    assert [m.text for m in body.mentions] == ["Сойм Карпатської України", "Сойму"]
    assert not [e for e in ents.values() if e.name in ("Сойм", "Сойму")]


def test_entities_stress_marks_do_not_split_names() -> None:
    ch = litopys.extract("Варша́вський до́говір підписали 1920 року.")
    ent = _entity(ch, "Варша́вський до́говір")
    assert ent.id == "warsaw_treaty_1920"


# -- the language axis: stage code holds no words, the lists are language data ------
@pytest.mark.parametrize("module", [entities, actors, normalise])
def test_entities_stage_code_has_no_word_literals(module) -> None:  # type: ignore[no-untyped-def]
    """String constants in the code (not docstrings) have no Cyrillic letters."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr)
                  and isinstance(n.body[0].value, ast.Constant)}
    literals = [n.value for n in ast.walk(tree)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
                and id(n) not in docstrings and CYRILLIC.search(n.value)]
    # letters are allowed (character classes of patterns, look-alike letter tables);
    # words are not
    words_left = [v for v in literals
                  if re.search(r"[а-яіїєґА-ЯІЇЄҐ]{2,}", re.sub(r"\[[^\]]*\]", "", v))]
    assert not words_left, words_left


@pytest.mark.parametrize("name,key,word", [
    ("entities", "place_prepositions", "біля"),
    ("entities", "actor_head_forms", "правительство"),  # Russian, from lang/ru
    ("entities", "year_abbreviations", "гг"),
    ("actors", "role_stops", "проти"),
])
def test_entities_words_join_languages(name: str, key: str, word: str) -> None:
    assert word in words(name)[key]


def test_entities_a_year_naming_an_earlier_border_keeps_the_narrative_year() -> None:
    # "кордону 1772 року" in a text at 1920 does not date the Soviet delegation to 1772
    ch = litopys.extract("Переговори у Ризі почалися у вересні 1920 року. Польська делегація "
                         "вимагала кордону 1772 року, але радянська делегація відмовилася.")
    assert _entity(ch, "радянська делегація").id == "org:soviet_russia:делегація"
