"""Capitals in the actor dictionary: every `capital:` is a city entry standing for its state."""

from __future__ import annotations

from pathlib import Path

import pytest

import litopys

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "litopys" / "data" / "curated"


def test_capitals_havana_found_inflected(gazetteer):
    hits = {(hit.id, hit.type) for hit in gazetteer.lookup("Гаваною")}
    assert ("havana", "GPE") in hits, hits
    assert gazetteer.actor("cub").capital == "havana"
    havana = gazetteer.actor("havana")
    assert (havana.type, havana.polity) == ("GPE", "cub")


@pytest.mark.parametrize(
    "form,city,state",
    [
        ("Анкарою", "ankara", "tur"),
        ("Тегерані", "tehran", "irn"),
        ("Брюсселем", "brussels", "bel"),
        ("Копенгагена", "copenhagen", "dnk"),
        ("Гельсінкі", "helsinki", "fin"),
        ("Вільнюсі", "vilnius", "ltu"),
        ("Афінам", "athens", "grc"),
        ("Софією", "sofia", "bgr"),
        ("Каїрі", "cairo", "egy"),
        ("Пхеньяном", "pyongyang", "prk"),
        ("Сеулі", "seoul", "kor"),
        ("Ханоєм", "hanoi", "vnm"),
        ("Улан-Баторі", "ulaanbaatar", "mng"),
        ("Мехіко", "mexico_city", "mex"),
        ("Кишинева", "chisinau", "mda"),
        ("Тбілісі", "tbilisi", "geo"),
        ("Єреваном", "yerevan", "arm"),
        ("Ташкенті", "tashkent", "uzb"),
        ("Братиславою", "bratislava", "svk"),
        ("Скоп'є", "skopje", "mkd"),
        ("Нью-Делі", "new_delhi", "ind"),
        ("Оттаві", "ottawa", "can"),
        ("Канберрою", "canberra", "aus"),
        ("Константинополя", "istanbul", "ottoman_empire"),
    ],
)
def test_capitals_inflected_form_is_the_state_capital(gazetteer, form, city, state):
    assert city in {hit.id for hit in gazetteer.lookup(form)}, form
    assert gazetteer.actor(state).capital == city


def test_capitals_existing_cities_reused(gazetteer):
    """Cities already in the dictionary become capitals, not duplicate entries."""
    assert gazetteer.actor("lva").capital == "riga"
    assert gazetteer.actor("srb").capital == "belgrade"
    assert gazetteer.actor("kyivan_rus").capital == "kyiv"
    assert gazetteer.actor("tsardom_of_muscovy").capital == "moscow"


def test_capitals_historical_states(gazetteer):
    istanbul = gazetteer.actor("istanbul")
    assert istanbul.polity == "tur"
    assert istanbul.polity_at(1000) == "byzantium"
    assert istanbul.polity_at(1700) == "ottoman_empire"
    assert istanbul.polity_at(1950) == "tur"
    assert gazetteer.actor("byzantium").capital == "istanbul"
    assert gazetteer.actor("tur").capital == "ankara"
    assert gazetteer.actor("kyiv").polity_at(1100) == "kyivan_rus"
    assert gazetteer.actor("kyiv").polity_at(1935) == "ukr"
    moscow = gazetteer.actor("moscow")
    assert (moscow.polity_at(1600), moscow.polity_at(1935), moscow.polity_at(1994)) == (
        "tsardom_of_muscovy",
        "ussr",
        "rus",
    )


def test_capitals_point_to_city_of_their_state(actors_yaml):
    """Each `capital:` names a GPE entry whose polity is the state, or was it in some
    years (polity_history), or is the same country under another regime, with the
    state's CAMEO code (Kyiv for the UNR and the Hetmanate, Moscow for Soviet Russia:
    the period rules of entity_rules.yaml resolve those by year)."""
    by_id = {entry["id"]: entry for entry in actors_yaml}
    capitals = {entry["id"]: entry["capital"] for entry in actors_yaml if entry.get("capital")}
    assert len(capitals) >= 100
    for state, city_id in capitals.items():
        assert city_id in by_id, f"{state}: capital {city_id!r} has no entry"
        city = by_id[city_id]
        assert city["type"] == "GPE", f"{state}: capital {city_id!r} is not a GPE"
        assert by_id[state]["type"] == "GPE", state
        polities = {city["polity"]} | {period[2] for period in city.get("polity_history", [])}
        if state in polities:
            continue
        cameo = by_id[state].get("cameo")
        assert cameo and cameo == by_id[city["polity"]].get("cameo"), (
            f"{state}: capital {city_id!r} stands for {sorted(polities)}"
        )


def test_capitals_are_cities_not_states(actors_yaml):
    """A capital entry is a city with a polity, never a state itself."""
    by_id = {entry["id"]: entry for entry in actors_yaml}
    for entry in actors_yaml:
        if entry.get("capital"):
            city = by_id[entry["capital"]]
            assert city.get("polity"), entry["capital"]
            assert not city.get("capital"), entry["capital"]


def test_capitals_cities_have_unique_names(actors_yaml):
    names = [entry["name"] for entry in actors_yaml if entry["type"] == "GPE"]
    assert len(names) == len(set(names))


def test_capitals_havana_in_extraction():
    chronicle = litopys.extract("У 1962 р. Москва не порадилася з Гаваною, а Куба протестувала.")
    entities = {entity.id: entity for entity in chronicle.entities}
    assert "havana" in entities, sorted(entities)
    havana = entities["havana"]
    assert havana.type == "GPE"
    assert havana.affiliation == "cub"
    assert [mention.text for mention in havana.mentions] == ["Гаваною"]
