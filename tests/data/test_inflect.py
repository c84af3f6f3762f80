"""The inflection engine (litopys/data/inflect.py) that expands curated names
into the case forms the build tables index."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3")

from litopys.data.inflect import (  # noqa: E402
    CASES,
    compound_prefix,
    genitive_variants,
    given_cases,
    inflect_adjective,
    inflect_name,
    inflect_phrase,
    inflect_plural_noun,
    initials,
    is_abbr,
    with_cyrillic_numerals,
)


@pytest.mark.parametrize("phrase,lang,expected", [
    # head noun and the adjective agreeing with it; inanimate accusative = nominative
    ("Радянський Союз", "uk", {"радянського союзу", "радянським союзом", "радянському союзі"}),
    ("Велика Британія", "uk", {"великої британії", "велику британію", "великою британією"}),
    # a genitive complement and an abbreviation stay as written
    ("Статут ООН", "uk", {"статуту оон", "статутом оон", "статуті оон"}),
    ("Ліга Націй", "uk", {"ліги націй", "лігою націй"}),
    # a postposed agreeing adjective inflects too
    ("Річ Посполита", "uk", {"речі посполитої", "річчю посполитою"}),
    # an unknown word declines by its ending (hand paradigm)
    ("Нанкин", "uk", {"нанкина", "нанкином"}),
    # Russian-script forms inflect with the Russian dictionaries
    ("Германия", "ru", {"германии", "германией", "германию"}),
    # a noun the dictionary holds twice, with each genitive of a masculine noun
    ("Перший Універсал", "uk", {"першого універсалу", "першого універсала"}),
    ("Тевтонський орден", "uk", {"тевтонського ордену", "тевтонського ордена"}),
    # a leading Roman ordinal stays as written, Latin or Cyrillic look-alikes
    ("I Універсал", "uk", {"i універсалу", "i універсалом"}),
    ("ІІ Універсал", "uk", {"іі універсалу", "іі універсалом"}),
])
def test_inflect_phrase_cases(phrase: str, lang: str, expected: set[str]) -> None:
    forms = inflect_phrase(phrase, lang)
    assert phrase.lower() in forms
    assert expected <= forms, expected - forms
    assert all(f == f.lower() for f in forms)


@pytest.mark.parametrize("phrase,never", [
    ("Радянський Союз", "радянського союз"),  # no animate accusative on an inanimate head
    ("Статут ООН", "статуту оонові"),
    ("Заключний акт", "заключний акта"),  # no accusative from the other lexeme
])
def test_inflect_phrase_no_false_forms(phrase: str, never: str) -> None:
    assert never not in inflect_phrase(phrase)


@pytest.mark.parametrize("phrase", ["СРСР", "ВКП(б)", "1917", "Маньчжоу-Го"])
def test_inflect_phrase_frozen(phrase: str) -> None:
    assert inflect_phrase(phrase) == {phrase.lower()}


def test_inflect_phrase_plural_for_offices() -> None:
    singular = inflect_phrase("посол")
    both = inflect_phrase("посол", numbers=("sing", "plur"))
    assert {"посла", "послом"} <= singular and "послів" not in singular
    assert singular < both and {"посли", "послів", "послами"} <= both


@pytest.mark.parametrize("word,expected", [
    ("радянський", {"радянська", "радянське", "радянського", "радянською", "радянських"}),
    ("нанкинський", {"нанкинська", "нанкинського", "нанкинськими"}),  # not in the dictionary
])
def test_inflect_adjective_every_form(word: str, expected: set[str]) -> None:
    forms = inflect_adjective(word)
    assert expected <= forms
    assert len(forms) == 14  # the hard-stem paradigm, without comparatives


@pytest.mark.parametrize("word,expected", [
    ("поляки", {"поляки", "поляків", "полякам", "поляками", "поляках"}),
    ("українці", {"українців", "українцями"}),
])
def test_inflect_plural_noun(word: str, expected: set[str]) -> None:
    assert expected <= inflect_plural_noun(word)


@pytest.mark.parametrize("adjective,prefix", [
    ("китайський", "китайсько"), ("радянський", "радянсько"), ("німецький", "німецько"),
    ("великий", None),
])
def test_inflect_compound_prefix(adjective: str, prefix: str | None) -> None:
    assert compound_prefix(adjective) == prefix


@pytest.mark.parametrize("token,expected", [
    ("СРСР", True), ("ВКП(б)", True), ("США", True), ("Рада", False), ("у", False),
])
def test_inflect_is_abbr(token: str, expected: bool) -> None:
    assert is_abbr(token) is expected


@pytest.mark.parametrize("name,gender,mode,case,expected", [
    ("Молотов", "m", "last", "ablt", {"молотовим"}),
    ("Молотов", "m", "last", "gent", {"молотова"}),
    ("Шевченко", "m", "last", "datv", {"шевченку", "шевченкові"}),
    ("де Голль", "m", "last", "gent", {"де голля"}),  # the particle stays
    ("Кеннеді", "m", "last", "gent", {"кеннеді"}),  # foreign, on a vowel: indeclinable
    ("Тетчер", "f", "last", "ablt", {"тетчер"}),  # a woman's surname on a consonant
    ("Петро I", "m", "all", "gent", {"петра i"}),  # regnal name: the number stays
    ("Франко", "m", "fixed", "gent", {"франко"}),
])
def test_inflect_name_cases(name, gender, mode, case, expected) -> None:
    forms = inflect_name(name, gender, mode)
    assert set(forms) == set(CASES)
    assert forms[case] == expected


def test_inflect_name_given_and_initials() -> None:
    first, whole = given_cases("Йосип Віссаріонович", "m")
    assert "йосипа" in first["gent"] and "йосипа віссаріоновича" in whole["gent"]
    assert initials("Йосип Віссаріонович") == ["й.", "й. в."]


@pytest.mark.parametrize("forms,added", [
    ({"петро i"}, {"петро і"}),  # Cyrillic look-alike of the Latin numeral
    ({"карл v"}, set()),  # V has no Cyrillic look-alike
])
def test_inflect_with_cyrillic_numerals(forms: set[str], added: set[str]) -> None:
    assert with_cyrillic_numerals(forms) == forms | added


@pytest.mark.parametrize("word,gender,case,expected", [
    ("збжицький", "m", "gent", {"збжицького"}),  # adjective-like surname
    ("збжицька", "f", "gent", {"збжицької"}),
    ("гарсія", "m", "ablt", {"гарсією"}),
    ("бурка", "m", "datv", {"бурці"}),  # -а: the stem's к softens to ц
    ("нгуга", "m", "loct", {"нгузі"}),
    ("обама", "m", "datv", {"обамі"}),
    ("тетчер", "f", "gent", {"тетчер"}),  # a woman's name on a consonant stays
    ("мамченко", "m", "gent", {"мамченка"}),
    ("руссо", "m", "gent", {"руссо"}),  # a foreign name on a vowel stays
    ("голль", "m", "ablt", {"голлем"}),
    ("гарвей", "m", "ablt", {"гарвеєм"}),
    ("гонч", "m", "ablt", {"гончем"}),
    ("зброхов", "m", "ablt", {"зброховим"}),  # -ов: -им
    ("гуржин", "m", "ablt", {"гуржиним", "гуржином"}),
    ("блік", "m", "loct", {"блікові", "бліку"}),  # a velar: no -і
    ("трамп", "m", "loct", {"трампові", "трампу", "трампі"}),
])
def test_inflect_hand_name_rules(word: str, gender: str, case: str, expected: set[str]) -> None:
    from litopys.data.inflect import _hand_name_word

    assert _hand_name_word(word, gender)[case] == expected


def test_inflect_hand_rules_are_language_data() -> None:
    from litopys.data.inflect import hand_rules

    uk = hand_rules("uk")
    assert uk is not None and {"noun", "adjective", "names", "particles"} <= set(uk)
    for rule in uk["names"]:
        assert rule.get("fixed") or set(rule["cases"]) <= set(CASES)
    assert hand_rules("xx") is None  # no file: the dictionaries alone
    assert compound_prefix("китайський", "xx") is None


@pytest.mark.parametrize("name,form", [("Тясмин", "тясмина"), ("Стир", "стира")])
def test_inflect_genitive_variants_of_a_place_on_a_consonant(name: str, form: str) -> None:
    # texts write both "Тясмина" and "Тясмину"; the dictionary gives one
    assert form in genitive_variants(name, inflect_phrase(name))


def test_inflect_genitive_variants_leave_other_names_alone() -> None:
    forms = inflect_phrase("Чорне море")
    assert genitive_variants("Чорне море", forms) == forms


def test_gazetteer_reads_the_other_genitive_of_a_river() -> None:
    import litopys

    ch = litopys.extract("У 1677 році турки підійшли до Тясмина.")
    assert any(e.id == "tiasmyn" and e.type == "LOC" for e in ch.entities)
