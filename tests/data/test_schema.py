"""Pydantic models of the curated YAML files (litopys/data/schema.py)."""

from __future__ import annotations

import pytest

from litopys.data.schema import BuildError, validate_actors, validate_offices, validate_persons

ACTOR = {"id": "x", "type": "GPE", "name": "Х"}
PERSON = {"id": "p", "name": "Іван Х", "surname": "Х", "given": "Іван", "polity": "x"}
OFFICE = {"office": "посол", "gloss": "ambassador", "category": "diplomat"}


@pytest.mark.parametrize("extra", [
    {"aliases_by_lang": {"ru": ["Россия"]}},
    {"adjectives_by_lang": {"ru": ["российский"], "pl": ["rosyjski"]}},
    {"ru_aliases": ["Россия"], "demonyms_by_lang": {}},
])
def test_schema_language_keyed_fields_accepted(extra: dict) -> None:
    (actor,) = validate_actors([{**ACTOR, **extra}])
    assert actor.by_lang == {k: v for k, v in extra.items() if k.endswith("_by_lang")}


@pytest.mark.parametrize("validate,entry,message", [
    (validate_actors, {**ACTOR, "aliases_by_lang": {"ru": "Россия"}},
     r"^actors\.yaml: entry 1 \(id 'x'\): aliases_by_lang\.ru: .*list"),
    (validate_actors, {**ACTOR, "aliases_by_lang": {"Russian": ["Россия"]}},
     r"aliases_by_lang\.Russian.*language code"),
    (validate_actors, {**ACTOR, "aliases": ["Х", "  "]},
     r"entry 1 \(id 'x'\): aliases\.1: must be a non-empty string"),
    (validate_actors, {**ACTOR, "wikidata": "212"}, r"wikidata: must be a Wikidata id"),
    (validate_actors, {**ACTOR, "name": "Х "}, r"name: .*without surrounding spaces"),
    (validate_actors, {**ACTOR, "polity_history": [[1920, 1910, "x"]]},
     r"polity_history\.0: items are \[from_year, to_year, id\]"),
    (validate_actors, {**ACTOR, "colour": "red"}, r"colour: Extra inputs are not permitted"),
    (validate_actors, "Україна", r"entry 1: entry: .*dictionary"),
    (validate_offices, {**OFFICE, "category": "boss"},
     r"^offices\.yaml: entry 1 \(office 'посол'\): category: .*'diplomat'"),
    (validate_offices, {"office": "посол", "category": "diplomat"}, r"gloss: Field required"),
    (validate_persons, {**PERSON, "born": "1900"}, r"^persons\.yaml: .*born: .*integer"),
    (validate_persons, {**PERSON, "gender": "x"}, r"gender: Input should be 'm' or 'f'"),
    (validate_persons, {**PERSON, "polity_history": [[1900, 1910, "nowhere"]]},
     r"polity_history\.0: refers to unknown id 'nowhere'"),
])
def test_schema_rejects_naming_file_entry_field(validate, entry, message: str) -> None:
    args = ([entry], {"x"}) if validate is validate_persons else ([entry],)
    with pytest.raises(BuildError, match=message):
        validate(*args)


def test_schema_rejects_duplicates_and_non_lists() -> None:
    with pytest.raises(BuildError, match=r"entry 2 \(office 'Посол'\): office: is used twice"):
        validate_offices([OFFICE, {**OFFICE, "office": "Посол"}])
    with pytest.raises(BuildError, match=r"^actors\.yaml must be a YAML list"):
        validate_actors({"id": "x"})
