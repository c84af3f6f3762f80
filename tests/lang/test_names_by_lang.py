"""Display names per language (issue 16): ``name_by_lang`` in the curated dictionary, the
``names.jsonl`` table, and the name a chronicle shows for a document's language."""

from __future__ import annotations

import json

import pytest

from litopys.data.gazetteer import BUILD_DIR
from litopys.data.schema import BuildError, validate_actors
from litopys.data.tables import gazetteer_rows, name_rows
from litopys.pipeline.language import display_names


def _actor(**extra: object) -> dict:
    return {"id": "xland", "type": "GPE", "name": "Іксландія", **extra}


def test_name_by_lang_is_one_name_per_other_language() -> None:
    assert validate_actors([_actor(name_by_lang={"ru": "Иксландия"})])[0].name_by_lang == {
        "ru": "Иксландия"}
    for bad, says in (({"uk": "Іксландія"}, "language of `name`"),
                      ({"ru": ["Иксландия"]}, "valid string"),
                      ({"ru": " Иксландия"}, "without surrounding spaces")):
        with pytest.raises(BuildError, match=says) as err:
            validate_actors([_actor(name_by_lang=bad)])
        assert "entry 1 (id 'xland'): name_by_lang" in str(err.value)


def test_name_rows_and_the_name_is_read_in_its_language() -> None:
    entry = {"id": "isl", "type": "GPE", "name": "Ісландія", "name_by_lang": {"ru": "Исландия"}}
    assert name_rows([entry], [{"id": "ivanenko", "name_by_lang": {"ru": "Иван Иваненко"}}]) == [
        {"id": "isl", "lang": "ru", "name": "Исландия"},
        {"id": "ivanenko", "lang": "ru", "name": "Иван Иваненко"}]
    forms = {(r["form"], r["lang"]) for r in gazetteer_rows([entry])}
    assert ("исландии", "ru") in forms and ("ісландії", "uk") in forms


def test_names_table_matches_the_curated_files(fresh_build) -> None:
    fresh = (fresh_build / "names.jsonl").read_bytes()
    assert fresh == (BUILD_DIR / "names.jsonl").read_bytes(), \
        "names.jsonl drifted: run `python scripts/build_data.py` and commit"
    rows = [json.loads(line) for line in fresh.decode().splitlines()]
    assert {"id": "ussr", "lang": "ru", "name": "СССР"} in rows
    assert display_names()["deu"] == {"ru": "Германия"}


def test_chronicle_names_follow_the_document_language(pipeline) -> None:
    ru = pipeline.text("23 августа 1939 года Германия и Советский Союз подписали пакт о "
                       "ненападении.")
    uk = pipeline.text("23 серпня 1939 року Німеччина і Радянський Союз підписали пакт про "
                       "ненапад.")
    assert (ru.document.language, uk.document.language) == ("ru", "uk")
    ru_names = {e.id: (e.name, e.aliases) for e in ru.entities}
    uk_names = {e.id: (e.name, e.aliases) for e in uk.entities}
    assert ru_names["deu"] == ("Германия", ["Німеччина"])
    assert uk_names["deu"] == ("Німеччина", ["Германия"])
    assert ru_names["ussr"][0] == "СССР" and uk_names["ussr"][0] == "Радянський Союз"
    assert ru.to_dict()["entities"][0]["aliases"]
