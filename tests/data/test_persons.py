"""Person dictionary: curated data, build, inflected lookups, polity by year (issue 8)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import curated_yaml

from litopys.data.gazetteer import BUILD_DIR, PersonRecord, load_persons, read_persons
from litopys.data.schema import BuildError, validate_persons, validate_rulers

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "litopys" / "data" / "curated"


@pytest.fixture(scope="module")
def persons_yaml():
    return curated_yaml("persons.yaml")


@pytest.fixture(scope="module")
def actor_ids(actors_yaml):
    return {entry["id"] for entry in actors_yaml}


@pytest.fixture(scope="module")
def persons():
    return load_persons()


def test_persons_build_matches_committed(fresh_build):
    fresh = (fresh_build / "persons.jsonl").read_bytes()
    committed = (BUILD_DIR / "persons.jsonl").read_bytes()
    assert fresh == committed, "persons.jsonl drifted: run `python scripts/build_data.py` and commit"


def test_persons_build_is_small():
    assert (BUILD_DIR / "persons.jsonl").stat().st_size < 1_200_000  # 1.06 MB with the rulers of rulers.yaml


def test_persons_curated_file_has_source_and_licence():
    header = (CURATED / "persons.yaml").read_text(encoding="utf-8")[:2000]
    assert "Source:" in header and "Licence:" in header


def test_persons_entries_valid(persons_yaml, actor_ids):
    validate_persons(persons_yaml, actor_ids)
    assert len(persons_yaml) >= 250
    ids = [entry["id"] for entry in persons_yaml]
    assert len(ids) == len(set(ids))
    for entry in persons_yaml:
        assert {"id", "name", "surname", "polity"} <= entry.keys(), entry
        assert re.fullmatch(r"[a-z][a-z0-9_]*", entry["id"])
        assert entry["name"].strip() == entry["name"]
        if entry.get("wikidata"):
            assert re.fullmatch(r"Q[1-9][0-9]*", entry["wikidata"])
        if entry.get("born") and entry.get("died"):
            assert entry["born"] <= entry["died"], entry["id"]


def test_persons_polities_exist_in_actors(persons_yaml, actor_ids):
    for entry in persons_yaml:
        assert entry["polity"] in actor_ids, entry["id"]
        for start, end, polity in entry.get("polity_history", []):
            assert start <= end and polity in actor_ids, entry["id"]


def test_persons_build_rows_have_forms():
    for line in (BUILD_DIR / "persons.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert row["surname_forms"] and row["full_forms"], row["id"]
        assert row["surname_forms"] == sorted(set(row["surname_forms"]))
        assert all(form == form.lower() and "’" not in form for form in row["full_forms"])


@pytest.mark.parametrize(
    "bad,message",
    [
        ([{"id": "x", "name": "Х", "surname": "Х", "polity": "nowhere"}], "polity: refers to unknown id 'nowhere'"),
        ([{"id": "x", "name": "Х", "surname": "Х"}], "polity: Field required"),
        ([{"id": "X", "name": "Х", "surname": "Х", "polity": "ukr"}], "id: must be a snake_case ASCII id"),
        ([{"id": "x", "name": "Х", "surname": "Хрущoв", "polity": "ukr"}], "surname: .*Latin"),
        ([{"id": "x", "name": "Х", "surname": "Х", "polity": "ukr", "rank": 1}], "rank: Extra inputs are not permitted"),
        (
            [
                {"id": "x", "name": "Х", "surname": "Х", "polity": "ukr"},
                {"id": "x", "name": "У", "surname": "У", "polity": "ukr"},
            ],
            "twice",
        ),
    ],
)
def test_persons_validate_rejects(bad, message):
    with pytest.raises(BuildError, match=message):
        validate_persons(bad, {"ukr"})


@pytest.mark.parametrize(
    "form,person_id",
    [
        ("Молотовим", "molotov"),
        ("Хрущова", "khrushchev"),
        ("Хрущева", "khrushchev"),
        ("Чан Кайши", "chiang_kai_shek"),
        ("Чан Кайші", "chiang_kai_shek"),
        ("Чан Кай-ші", "chiang_kai_shek"),
        ("Мао Цзедуна", "mao_zedong"),
        ("Сунь Ятсеном", "sun_yat_sen"),
        ("Чжоу Еньлаєві", "zhou_enlai"),
        ("Сталіним", "stalin"),
        ("Сталіну", "stalin"),
        ("Литвинову", "litvinov"),
        ("Чичеріна", "chicherin"),
        ("Громика", "gromyko"),
        ("Хмельницького", "khmelnytsky_bohdan"),
        ("Мазепою", "mazepa"),
        ("Орликові", "orlyk"),
        ("Петлюри", "petliura"),
        ("Скоропадським", "skoropadsky_pavlo"),
        ("Ющенка", "yushchenko"),
        ("Порошенку", "poroshenko"),
        ("Зеленського", "zelensky"),
        ("Кучмою", "kuchma"),
        ("Черчиллем", "churchill"),
        ("Гітлера", "hitler"),
        ("Ріббентропом", "ribbentrop"),
        ("фон Ріббентропа", "ribbentrop"),
        ("де Голля", "de_gaulle"),
        ("Ллойд Джорджа", "lloyd_george"),
        ("Меркель", "merkel"),
        ("Шеварднадзе", "shevardnadze"),
        ("Петра I", "peter_i"),
        ("Петра І", "peter_i"),
        ("Катерини II", "catherine_ii"),
        ("Петром Великим", "peter_i"),
        ("Франца Йосифа", "franz_joseph_i"),
        ("Пілсудським", "pilsudski"),
        ("Бенеша", "benes"),
        ("Ататюрка", "ataturk"),
        ("Гутерреша", "guterres"),
    ],
)
def test_persons_lookup_surname_inflected(persons, form, person_id):
    hits = [record.id for record in persons.lookup_surname(form)]
    assert person_id in hits, f"{form!r} -> {hits}"


@pytest.mark.parametrize(
    "form,ids",
    [
        ("Рузвельтом", {"roosevelt_franklin", "roosevelt_theodore"}),
        ("Мазепи", {"mazepa", "mazepa_isaak"}),
        ("Бушем", {"bush_george_hw", "bush_george_w"}),
        ("Клінтон", {"clinton_bill", "clinton_hillary"}),
    ],
)
def test_persons_lookup_surname_ambiguous(persons, form, ids):
    assert {record.id for record in persons.lookup_surname(form)} == ids


def test_persons_lookup_surname_female_indeclinable(persons):
    # "Клінтона" is Bill only: a woman's surname on a consonant does not decline.
    assert [record.id for record in persons.lookup_surname("Клінтона")] == ["clinton_bill"]
    assert persons.lookup_surname("Меркеля") == []


@pytest.mark.parametrize(
    "form,person_id",
    [
        ("В'ячеславом Молотовим", "molotov"),
        ("В’ячеслава Михайловича Молотова", "molotov"),
        ("Молотов В'ячеслав Михайлович", "molotov"),
        ("В. М. Молотову", "molotov"),
        ("Микитою Хрущовим", "khrushchev"),
        ("Чан Кайши", "chiang_kai_shek"),
        ("Мао Цзедуном", "mao_zedong"),
        ("Йосипа Сталіна", "stalin"),
        ("Й. В. Сталіним", "stalin"),
        ("Богдана Хмельницького", "khmelnytsky_bohdan"),
        ("Франкліном Рузвельтом", "roosevelt_franklin"),
        ("Теодора Рузвельта", "roosevelt_theodore"),
        ("Ангелою Меркель", "merkel"),
        ("Шарля де Голля", "de_gaulle"),
        ("Отто фон Бісмарка", "bismarck"),
        ("Д. В. Богомоловим", "bogomolov"),
        ("Юлії Тимошенко", "tymoshenko"),
        ("Мустафи Кемаля Ататюрка", "ataturk"),
        ("Урсулою фон дер Ляєн", "von_der_leyen"),
        ("Петра I", "peter_i"),
    ],
)
def test_persons_lookup_full_inflected(persons, form, person_id):
    hits = [record.id for record in persons.lookup_full(form)]
    assert hits == [person_id], f"{form!r} -> {hits}"


@pytest.mark.parametrize("form", ["Молотов", "Іван", "стіл", ""])
def test_persons_lookup_full_misses(persons, form):
    assert persons.lookup_full(form) == []


def test_persons_lookup_surname_miss(persons):
    assert persons.lookup_surname("стіл") == []


def test_persons_record(persons):
    molotov = persons.person("molotov")
    assert isinstance(molotov, PersonRecord)
    assert (molotov.name, molotov.surname, molotov.polity) == ("В'ячеслав Молотов", "Молотов", "ussr")
    assert molotov.given == "В'ячеслав Михайлович"
    assert "нарком закордонних справ" in molotov.offices
    assert (molotov.born, molotov.died) == (1890, 1986)
    assert persons.person("stalin").wikidata == "Q855"
    with pytest.raises(KeyError, match="persons.yaml"):
        persons.person("nobody")


@pytest.mark.parametrize(
    "person_id,year,polity",
    [
        ("stalin", 1920, "soviet_russia"),
        ("stalin", 1939, "ussr"),
        ("stalin", None, "ussr"),
        ("lenin", 1918, "soviet_russia"),
        ("lenin", 1923, "ussr"),
        ("shevardnadze", 1985, "ussr"),
        ("shevardnadze", 1995, "geo"),
        ("hrushevsky", 1918, "unr"),
        ("hrushevsky", 1930, "ussr"),
        ("khmelnytsky_bohdan", 1640, "rzeczpospolita"),
        ("khmelnytsky_bohdan", 1654, "hetmanate"),
        ("peter_i", 1700, "tsardom_of_muscovy"),
        ("peter_i", 1722, "russian_empire"),
    ],
)
def test_persons_polity_at(persons, person_id, year, polity):
    assert persons.person(person_id).polity_at(year) == polity


def test_persons_roosevelts_told_apart_by_years(persons):
    active_1935 = [
        record.id
        for record in persons.lookup_surname("Рузвельтом")
        if record.born <= 1935 <= (record.died or 9999)
    ]
    assert active_1935 == ["roosevelt_franklin"]


def test_persons_polities_resolve_in_gazetteer(persons):
    from litopys.data.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    for record in persons.persons():
        gazetteer.actor(record.polity)
        for _, _, polity in record.polity_history:
            gazetteer.actor(polity)


def test_persons_read_from_directory():
    persons = read_persons(BUILD_DIR)
    assert len(persons) >= 250
    assert persons.lookup_surname("молотова")[0].id == "molotov"


def test_rulers_name_persons_and_polities_that_exist() -> None:
    from litopys.data.gazetteer import load_rulers

    actors = {e["id"] for e in curated_yaml("actors.yaml")}
    people = {e["id"] for e in curated_yaml("persons.yaml")}
    validate_rulers(curated_yaml("rulers.yaml"), actors, people)
    reigns = load_rulers()
    assert any(r.person == "jan_kazimierz" and r.first <= 1651 <= r.last for r in reigns)


def test_rulers_unknown_person_is_an_error() -> None:
    with pytest.raises(BuildError, match="person: refers to unknown id 'nobody'"):
        validate_rulers([{"office": "король", "polity": "swe", "person": "nobody",
                          "from": 1600, "to": 1601}], {"swe"}, {"charles_xii"})
