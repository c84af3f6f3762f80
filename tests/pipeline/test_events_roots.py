"""The CAMEO root of an event in its context (issue 14, session 15): verb senses the object
or the frame decides, and the codes the shared annotator gives frequent verbs.
Sentences are made up for these tests."""

from __future__ import annotations

import pytest

import litopys


def _one(text: str, trigger_start: str):  # type: ignore[no-untyped-def]
    evs = litopys.extract(text).events
    found = [e for e in evs if e.trigger.startswith(trigger_start)]
    assert found, [(e.trigger, e.cameo) for e in evs]
    return found[0]


@pytest.mark.parametrize("text,trigger", [
    ("У 1938 р. Франція запропонувала Польщі провести спільне розслідування.", "запропонувала"),
    ("У 1807 р. Наполеон запропонував Росії поділ володінь Туреччини.", "запропонував"),
    ("В 1921 г. Франция предложила Польше провести расследование.", "предложила"),
])
def test_a_proposal_is_an_expressed_intent(text: str, trigger: str) -> None:
    # the golds code "запропонувати" 03 whatever is proposed (session 15)
    assert _one(text, trigger).cameo[:2] == "03"


@pytest.mark.parametrize("text,trigger", [
    ("У 1655 р. Польща і Литва домовилися про спільну боротьбу проти Москви.", "домовилися"),
    ("В 1655 г. Польша договорилась с Литвой о совместной борьбе.", "договорилась"),
])
def test_an_agreement_reached_is_cooperation(text: str, trigger: str) -> None:
    # "домовитися" is an agreement reached (05), not talks (046)
    assert _one(text, trigger).cameo[:2] == "05"


def test_an_adopted_act_is_cooperation() -> None:
    # "ухвалити" a decision, a law, a resolution: 05, not a bare statement (010)
    ev = _one("У 1994 р. Верховна Рада України ухвалила рішення про надання Грузії допомоги.",
              "ухвалила")
    assert ev.cameo[:2] == "05"


@pytest.mark.parametrize("text,trigger", [
    ("Фінляндія запропонувала переговори, але Москва не погодилася.", "погодилася"),
    ("У 1877 р. Туреччина не прийняла умов Росії.", "прийняла"),
])
def test_an_acceptance_negated_is_a_rejection(text: str, trigger: str) -> None:
    ev = _one(text, trigger)
    assert (ev.cameo[:2], ev.mode) == ("12", "asserted")


@pytest.mark.parametrize("text,trigger,root", [
    ("У 1596 р. єпископи Іпатій Потій і Кирило Терлецький прийняли католицьку віру.", "прийняли",
     "05"),
    ("У 1920 р. Сейм Польщі прийняв закон про кордон з Литвою.", "прийняв", "05"),
    ("У 1654 р. король Польщі прийняв посла Франції у Варшаві.", "прийняв", "04"),
])
def test_adopting_is_not_hosting(text: str, trigger: str, root: str) -> None:
    # "прийняти" hosts (043) only a visitor an actor's name tells; otherwise it adopts (05)
    assert _one(text, trigger).cameo[:2] == root


@pytest.mark.parametrize("text,trigger,root", [
    ("У 1939 р. Фінляндія відмовилася від радянської пропозиції.", "відмовилася", "12"),
    ("Кремль образився відмовою фінського уряду від радянських пропозицій.", "відмовою", "12"),
    ("У 1994 р. Україна відмовилася від ядерної зброї.", "відмовилася", "08"),
])
def test_a_proposal_renounced_is_rejected(text: str, trigger: str, root: str) -> None:
    assert _one(text, trigger).cameo[:2] == root


@pytest.mark.parametrize("text,trigger,code", [
    ("У 2014 р. ЄС ввів санкції проти Росії.", "ввів санкції", "163"),
    ("У 1878 р. Англія заперечувала проти створення Болгарії.", "заперечувала", "120"),
    ("У 2014 р. Франція висловила стурбованість діями Росії.", "висловила", "012"),
    ("У 1667 р. Польща надіслала посольство до Москви.", "надіслала", "042"),
])
def test_light_verb_phrases_of_the_codebook(text: str, trigger: str, code: str) -> None:
    assert _one(text, trigger).cameo == code


def test_a_signed_statement_is_a_statement_across_two_words() -> None:
    # "підписали у Києві спільну заяву": 01, as "підписали спільну заяву" (the shared gold)
    ev = _one("У 1994 р. президенти України і США підписали у Києві спільну заяву.", "підписали")
    assert ev.cameo[:2] == "01"


def test_a_finite_verb_after_a_purpose_infinitive_is_asserted() -> None:
    # "Щоб уникнути X, Y блокувала": the purpose is the infinitive's; "щоб Y підписала" is not
    ev = _one("Щоб уникнути війни Польща у 1934 р. підписала договір з Німеччиною.", "підписала")
    assert ev.mode == "asserted"
    ev = _one("У 1939 р. Франція вимагала, щоб Німеччина підписала договір.", "підписала")
    assert ev.mode == "hypothetical"


def test_cavalry_is_a_force_for_a_guessed_type() -> None:
    # an unlisted verb in a clause naming armed forces is guessed 190; cavalry is a force
    ev = _one("У 1678 р. Туреччина кинула проти Польщі велику кількість кінноти.", "кинула")
    assert ev.cameo[:2] == "19"


def test_going_over_to_the_offensive_is_fighting() -> None:
    ev = _one("У 1920 р. польська армія перейшла в наступ проти Червоної армії.", "перейшла")
    assert ev.cameo[:2] == "19"


def test_a_guessed_verb_in_a_story_of_fighting_is_fighting() -> None:
    # an unlisted verb after a conflict event (or beside one in its sentence) is guessed 190
    evs = litopys.extract("У 1709 р. Швеція напала на Росію. Згодом Карл XII переслідував "
                          "Петра I до Полтави.").events
    assert [e.cameo[:2] for e in evs if e.trigger.startswith("переслідував")] == ["19"]
    evs = litopys.extract("У 1709 р. Швеція уклала союз з Польщею. Згодом Карл XII "
                          "переслідував Петра I до Полтави.").events
    assert [e.cameo[:2] for e in evs if e.trigger.startswith("переслідував")] == ["05"]


def test_an_attempted_attack_is_the_attack() -> None:
    ev = _one("У 1618 р. Польща намагалася захопити Москву.", "захопити")
    assert ev.mode == "asserted"


def test_an_attempted_cooperative_act_is_an_expressed_intent() -> None:
    ev = _one("У 1710 р. Орлик намагався укласти союз зі Швецією.", "укласти")
    assert (ev.cameo, ev.mode) == ("030", "asserted")


def test_an_abbreviated_was_is_not_the_conditional_particle() -> None:
    # "б." abbreviates "була" in encyclopedic prose; "б" alone is the particle
    ev = _one("У 1812 р. Росія б. змушена поступитися Туреччині Молдавією.", "поступитися")
    assert ev.mode == "asserted"


def test_a_journey_with_armies_is_a_campaign() -> None:
    # "Орлик із … армією, з польським відділом …, вирушив": a journey with armies named
    # before the verb in its sentence is fighting (190), not a visit (042) (session 16)
    ev = _one("Весною 1711 р. Орлик із українською армією, з татарськими загонами, вирушив "
              "проти Росії.", "вирушив")
    assert ev.cameo == "190"
    ev = _one("Весною 1711 р. Орлик вирушив до Швеції.", "вирушив")
    assert ev.cameo[:2] == "04"
