"""Integrity of the actor gazetteer and offices lexicon: curated data, build, lookups."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import curated_yaml

from litopys.data.gazetteer import (
    BUILD_DIR,
    load_offices,
    normalize_form,
    read_gazetteer,
)
from litopys.data.schema import BuildError, validate_actors, validate_offices
from litopys.data.tables import build

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "litopys" / "data" / "curated"
SHARED = ROOT.parent / "shared"
BUILD_FILES = ("gazetteer.jsonl", "actors.jsonl", "offices.jsonl")


@pytest.fixture(scope="module")
def offices():
    return load_offices()


def test_data_integrity_build_matches_committed(fresh_build):
    for name in (*BUILD_FILES, "persons.jsonl"):
        fresh = (fresh_build / name).read_bytes()
        committed = (BUILD_DIR / name).read_bytes()
        assert fresh == committed, f"{name} drifted: run `python scripts/build_data.py` and commit"


@pytest.mark.slow  # a second full build; a drift also shows in build_matches_committed
def test_data_integrity_build_is_deterministic(fresh_build, tmp_path):
    build(tmp_path)
    for name in (*BUILD_FILES, "persons.jsonl"):
        assert (tmp_path / name).read_bytes() == (fresh_build / name).read_bytes(), name


def test_data_integrity_build_is_small():
    total = sum((BUILD_DIR / name).stat().st_size for name in BUILD_FILES)
    assert total < 3_300_000  # raised from 3.0 MB for the places gazetteer round (3.11 MB)


def test_data_integrity_curated_files_have_source_and_licence():
    for name in ("actors.yaml", "offices.yaml"):
        header = (CURATED / name).read_text(encoding="utf-8")[:2000]
        assert "Source:" in header and "Licence:" in header


def test_data_integrity_actor_entries_valid(actors_yaml):
    validate_actors(actors_yaml)
    ids = [entry["id"] for entry in actors_yaml]
    assert len(ids) == len(set(ids))
    for entry in actors_yaml:
        assert {"id", "type", "name"} <= entry.keys()
        assert entry["type"] in {"GPE", "ORG", "LOC", "DOC"}
        assert entry["name"].strip() == entry["name"]
    sovereign = [e for e in actors_yaml if e["type"] == "GPE" and "polity" not in e]
    assert len(sovereign) >= 80


def test_data_integrity_office_entries_valid():
    entries = curated_yaml("offices.yaml")
    validate_offices(entries)
    assert len(entries) >= 100


@pytest.mark.parametrize(
    "bad,message",
    [
        ([{"id": "x", "type": "PER", "name": "Х"}], r"entry 1 \(id 'x'\): type: .*'GPE'"),
        (
            [{"id": "x", "type": "GPE", "name": "Х"}, {"id": "x", "type": "GPE", "name": "У"}],
            r"entry 2 \(id 'x'\): id: is used twice",
        ),
        ([{"id": "x", "type": "GPE", "name": "Х", "polity": "nowhere"}],
         r"polity: refers to unknown id 'nowhere'"),
        ([{"id": "x", "type": "GPE", "name": "Х", "cameo": "ussr"}], r"cameo: .*CAMEO"),
        ([{"type": "GPE", "name": "Х"}], r"entry 1: id: Field required"),
    ],
)
def test_data_integrity_validate_rejects(bad, message):
    with pytest.raises(BuildError, match=r"^actors\.yaml: .*" + message):
        validate_actors(bad)


def test_data_integrity_actor_references_resolve(gazetteer, actors_yaml):
    for entry in actors_yaml:
        record = gazetteer.actor(entry["id"])
        assert record.name == entry["name"]
        for ref in (record.polity, record.capital):
            if ref is not None:
                gazetteer.actor(ref)


@pytest.mark.parametrize(
    "form,actor_id,kind",
    [
        ("Японією", "jpn", "name"),
        ("Радянським Союзом", "ussr", "name"),
        ("Радянському Союзі", "ussr", "name"),
        ("радянського", "ussr", "adjective"),
        ("радянською", "ussr", "adjective"),
        ("радянські", "ussr", "adjective"),
        ("Ліги Націй", "league_of_nations", "name"),
        ("германии", "deu", "alias"),
        ("Германия", "deu", "alias"),
        ("СССР", "ussr", "abbr"),
        ("гоминьдановские", "kuomintang", "adjective"),
        ("советской", "ussr", "adjective"),
        ("США", "usa", "abbr"),
        ("СРСР", "ussr", "abbr"),
        ("Великої Британії", "gbr", "name"),
        ("Великій Британії", "gbr", "name"),
        ("Сполученими Штатами", "usa", "alias"),
        ("Англії", "gbr", "alias"),
        ("Китаєм", "chn", "name"),
        ("Китайської Республіки", "chn", "alias"),
        ("Нанкинський", "nanjing", "adjective"),
        ("нанкінського уряду", "nanjing_gov", "name"),
        ("Української Народної Республіки", "unr", "name"),
        ("УНР", "unr", "abbr"),
        ("ЗУНР", "zunr", "abbr"),
        ("Речі Посполитої", "rzeczpospolita", "name"),
        ("Речі Посполитої Польської", "pol", "alias"),
        ("Королівства Угорщини", "hun", "alias"),
        ("Радянської Росії", "soviet_russia", "name"),
        ("Азіатсько-Тихоокеанському регіоні", "asia_pacific", "alias"),
        ("азіатсько - тихоокеанському регіоні", "asia_pacific", "alias"),
        ("Далекому Сході", "far_east", "name"),
        ("Судетською областю", "sudetenland", "name"),
        ("Москві", "moscow", "name"),
        ("Будапешті", "budapest", "name"),
        ("НБСЄ", "csce", "abbr"),
        ("Статуту ООН", "un_charter", "name"),
        ("Договору про нерозповсюдження ядерної зброї", "npt", "name"),
        ("Заключного акта НБСЄ", "helsinki_final_act", "name"),
        ("Мюнхенської угоди", "munich_agreement", "name"),
        ("пакту Молотова-Ріббентропа", "molotov_ribbentrop_pact", "name"),
        ("Червоної Армії", "red_army", "name"),
        ("Раднаркомові", "sovnarkom", "name"),
        ("ВКП(б)", "cpsu", "abbr"),
        ("ВКП ( б )", "cpsu", "abbr"),
        ("поляками", "pol", "demonym"),
        ("китайсько", "chn", "prefix"),
        ("германо", "deu", "prefix"),
        ("Прип’яті", "prypiat", "name"),
        ("Чехословаччини", "czechoslovakia", "name"),
        ("чехословацької", "czechoslovakia", "adjective"),
    ],
)
def test_gazetteer_lookup_inflected(gazetteer, form, actor_id, kind):
    hits = {(hit.id, hit.kind) for hit in gazetteer.lookup(form)}
    assert (actor_id, kind) in hits, f"{form!r} -> {sorted(hits)}"


@pytest.mark.parametrize("form", ["Союзники", "імперія", "порта", "на Радянського Союз", ""])
def test_gazetteer_lookup_misses(gazetteer, form):
    assert gazetteer.lookup(form) == []


def test_gazetteer_actor_record(gazetteer):
    ussr = gazetteer.actor("ussr")
    assert (ussr.type, ussr.cameo, ussr.wikidata) == ("GPE", "USR", "Q15180")
    moscow = gazetteer.actor("moscow")
    assert moscow.polity == "rus"
    assert moscow.polity_at(1935) == "ussr"
    assert moscow.polity_at(1994) == "rus"
    assert gazetteer.actor("nanjing").polity == "chn"
    with pytest.raises(KeyError, match="actors.yaml"):
        gazetteer.actor("atlantis")


def test_gazetteer_max_words(gazetteer):
    assert gazetteer.max_words >= len("Договору про нерозповсюдження ядерної зброї".split())


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Прип’ять", "прип'ять"),
        ("ПРИПʼЯТЬ", "прип'ять"),
        ("Австро - Угорщини", "австро-угорщини"),
        ("ВКП ( б )", "вкп(б)"),
        ("Советский  Союз", "советский союз"),
        ("Соединённые Штаты", "соединенные штаты"),
    ],
)
def test_gazetteer_normalize_form(raw, expected):
    assert normalize_form(raw) == expected


@pytest.mark.parametrize(
    "form,office,category",
    [
        ("наркома закордонних справ", "нарком закордонних справ", "minister"),
        ("заступник наркома закордонних справ", "заступник наркома закордонних справ", "minister"),
        ("Міністр фінансів", "міністр фінансів", "minister"),
        ("повпредом", "повпред", "diplomat"),
        ("повпреда", "повпред", "diplomat"),
        ("прем'єр-міністра", "прем'єр-міністр", "head_of_government"),
        ("рейхсканцлером", "рейхсканцлер", "head_of_government"),
        ("головного отамана", "головний отаман", "head_of_state"),
        ("маршалок", "маршалок", "other"),
        ("професором", "професор", "academic"),
        ("генерального секретаря", "генеральний секретар", "party"),
        ("міністрів закордонних справ", "міністр закордонних справ", "minister"),
        ("командувача", "командувач", "military"),
    ],
)
def test_offices_lookup_inflected(offices, form, office, category):
    hit = offices.lookup(form)
    assert hit is not None, form
    assert (hit.office, hit.category) == (office, category)


def test_offices_lookup_miss(offices):
    assert offices.lookup("стіл") is None


@pytest.mark.skipif(not (SHARED / "samples" / "seed.txt").exists(), reason="shared samples absent")
def test_gazetteer_finds_seed_actors(gazetteer):
    text = (SHARED / "samples" / "seed.txt").read_text(encoding="utf-8")
    words = re.findall(r"\w+(?:['’]\w+)*", text)
    found: set[str] = set()
    for size in range(1, 4):
        for start in range(len(words) - size + 1):
            for hit in gazetteer.lookup(" ".join(words[start : start + size])):
                found.add(hit.id)
    assert {"chn", "jpn", "ussr", "league_of_nations", "gbr", "usa", "moscow", "deu"} <= found


@pytest.mark.skipif(not (SHARED / "eval" / "dev").exists(), reason="shared eval absent")
def test_gazetteer_finds_dev_gold_names(gazetteer):
    """Most gold GPE names in the dev set resolve (ids differ; only coverage is checked)."""
    import json

    names = []
    for path in sorted((SHARED / "eval" / "dev").glob("*.gold.json")):
        for entity in json.loads(path.read_text(encoding="utf-8"))["entities"]:
            if entity["type"] == "GPE":
                names.extend([entity["name"], *entity.get("aliases", [])])
    found = [name for name in names if gazetteer.lookup(name)]
    assert len(found) / len(names) >= 0.8


def test_gazetteer_read_from_directory(tmp_path):
    gazetteer = read_gazetteer(BUILD_DIR)
    assert gazetteer.lookup("японії")[0].id == "jpn"


def test_data_integrity_build_script_reports_bad_entry(build_data, tmp_path, capsys):
    """scripts/build_data.py prints one line naming file, entry and field; no traceback."""
    curated = tmp_path / "curated"
    curated.mkdir()
    (curated / "actors.yaml").write_text("- {id: x, type: PER, name: Х}\n", encoding="utf-8")
    (curated / "offices.yaml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"^actors\.yaml: entry 1 \(id 'x'\): type: "):
        build(tmp_path / "out", curated)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "form,person_id",
    [
        ("Максимом Литвиновым", "litvinov"),
        ("Дмитрия Богомолова", "bogomolov"),
        ("Иоахима фон Риббентропа", "ribbentrop"),
        ("И. Риббентропом", "ribbentrop"),
        ("Шарлем де Голлем", "de_gaulle"),
    ],
)
def test_persons_russian_display_name_is_inflected_and_indexed(form, person_id):
    # persons.yaml name_by_lang {ru: ...}: the Russian name in every case (Russian
    # morphology), with initials, finds the person
    from litopys.data.gazetteer import load_persons

    assert [r.id for r in load_persons().lookup_full(form)] == [person_id]


def test_persons_russian_display_name_shorter_than_the_surname_is_an_error():
    from litopys.data.tables import person_rows

    entry = {"id": "x", "name": "Шарль де Голль", "surname": "де Голль", "given": "Шарль",
             "polity": "fra", "name_by_lang": {"ru": "Голль"}}
    with pytest.raises(BuildError, match="name_by_lang"):
        person_rows([entry])
