"""The TimelineJS3 export (litopys/export/timelinejs.py), validated against timelinejs3.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litopys.export import export_string
from litopys.store.db import Store


def test_export_timelinejs(store) -> None:
    doc = json.loads(export_string(store, "timelinejs"))
    assert "headline" in doc["title"]["text"]
    slides = doc["events"]
    assert len(slides) == 6  # the undated negated event has no slide
    for s in slides:
        assert set(s["start_date"]) <= {"year", "month", "day", "display_date"}
        assert s["start_date"]["year"].isdigit()
        assert {"headline", "text"} <= set(s["text"])
        assert "<script>" not in json.dumps(s)  # TimelineJS renders HTML: escaped
    october = next(s for s in slides if s["display_date"] == "У жовтні 1935 р.")
    assert october["start_date"] == {"year": "1935", "month": "10"}
    assert october["end_date"] == {"year": "1935", "month": "10"}
    day = next(s for s in slides if s["display_date"] == "12 грудня 1932 р.")
    assert day["start_date"]["day"] == "12" and "end_date" not in day


TIMELINEJS_SCHEMA = Path(__file__).with_name("timelinejs3.schema.json")


def _tl_tuple(d: dict[str, str]) -> tuple[int, int, int]:
    return int(d["year"]), int(d.get("month", 1)), int(d.get("day", 1))


def check_timelinejs(doc: dict) -> None:
    """Validate a TimelineJS3 document against the schema, and its date order."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(TIMELINEJS_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    ids = [s["unique_id"] for s in doc["events"]]
    assert len(ids) == len(set(ids))
    for s in doc["events"]:
        if "end_date" in s:
            assert _tl_tuple(s["start_date"]) <= _tl_tuple(s["end_date"]), s


def test_timelinejs_schema_rejects_what_timelinejs_cannot_read() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(TIMELINEJS_SCHEMA.read_text(encoding="utf-8"))
    good = {"start_date": {"year": "1935", "month": "10"}, "text": {"headline": "h"}}
    jsonschema.validate({"events": [good]}, schema)
    for bad in ({"events": [{"text": {"headline": "no date"}}]},
                {"events": [{**good, "start_date": {"month": "10"}}]},
                {"events": [{**good, "start_date": {"year": "1935", "month": "13"}}]},
                {"events": [{**good, "start_date": {"year": "1935", "day": "2"}}]},
                {"events": [{**good, "start_date": {"year": "MCMXXXV"}}]},
                {"events": [{**good, "text": "not an object"}]},
                {"events": [{**good, "startdate": {"year": "1935"}}]},
                {"slides": []}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def test_export_timelinejs_schema(store) -> None:
    check_timelinejs(json.loads(export_string(store, "timelinejs")))


def test_export_timelinejs_seed_schema(seed_db: Path) -> None:
    with Store(seed_db, read_only=True) as s:
        doc = json.loads(export_string(s, "timelinejs"))
    check_timelinejs(doc)
    assert len(doc["events"]) >= 20
    october = [e for e in doc["events"] if e["start_date"] == {"year": "1935", "month": "10"}]
    assert len(october) == 1 and october[0]["display_date"] == "Жовтень 1935р."
    assert october[0]["end_date"] == {"year": "1935", "month": "10"}


@pytest.mark.slow  # the whole dev corpus (1667-2023); the seed test above is the fast check
def test_export_timelinejs_dev_corpus_schema(dev_db: Path) -> None:
    with Store(dev_db, read_only=True) as s:
        doc = json.loads(export_string(s, "timelinejs"))
    check_timelinejs(doc)
    years = {int(e["start_date"]["year"]) for e in doc["events"]}
    assert min(years) < 1700 and max(years) > 2000


def test_export_timelinejs_marks_inferred_dates() -> None:
    from litopys.export.timelinejs import timelinejs_event

    ev = {"id": "d:e1", "date": "1935-10", "date_text": "У жовтні 1935 р.",
          "date_source": "narrative", "date_begin": "1935-10-01", "date_end": "1935-10-31",
          "source": [{"name": "СРСР"}], "target": [], "trigger": "заявив", "evidence": "x",
          "cameo": "01", "cameo_label": "заява", "mode": "asserted", "goldstein": 0.0,
          "document_path": "a.txt", "document_id": "d"}
    inferred = timelinejs_event(ev)
    assert inferred is not None and inferred["display_date"].startswith("≈")
    assert "з контексту" in inferred["display_date"]
    stated = timelinejs_event({**ev, "date_source": "text"})
    assert stated is not None and stated["display_date"] == "У жовтні 1935 р."
