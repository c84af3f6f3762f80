"""Provenance and calibrated confidence: every value gets both, from the real pipeline;
the packaged table keeps its promise on the held-out half of the dev set."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from litopys.pipeline.confidence import (
    bucket_keys,
    display_date,
    event_confidence,
    load_table,
    smoothed,
)
from tests.conftest import DEV, ROOT

PROVENANCES = {"text", "narrative", "dictionary", "model", "human"}


def test_confidence_every_value_has_provenance(seed_chronicle) -> None:  # type: ignore[no-untyped-def]
    ch = seed_chronicle
    assert ch.events and ch.entities and ch.timexes
    for ev in ch.events:
        assert ev.provenance in {"text", "narrative"} and 0.0 <= ev.confidence <= 1.0
        assert (ev.provenance == "narrative") >= (ev.date_source == "narrative")
    for e in ch.entities:
        assert e.provenance in {"dictionary", "model"} and 0.0 <= e.confidence <= 1.0
        for key, t in e.trust.items():
            assert key == "affiliation" or key.removeprefix("role:") in e.roles
            assert t["provenance"] in PROVENANCES and 0.0 <= t["confidence"] <= 1.0
    for t in ch.timexes:
        assert 0.0 <= t.confidence <= 1.0
    d = ch.to_dict()
    assert {"provenance", "confidence"} <= set(d["events"][0]) and "confidence" in d["timexes"][0]
    assert {"provenance", "confidence", "trust"} <= set(d["entities"][0])


@pytest.mark.parametrize("features,expected_keys", [
    ({"n": "2", "date": "text"}, ["n=2|date=text", "n=2", "*"]),
    ({"n": "4+", "date": "none"}, ["n=4+|date=none", "n=4+", "*"]),
])
def test_confidence_bucket_backoff(features: dict[str, str], expected_keys: list[str]) -> None:
    assert bucket_keys(features) == expected_keys
    table = {"events": {"*": 0.5, expected_keys[1]: 0.7}}
    assert event_confidence(features, table) == 0.7
    assert event_confidence({"n": "9", "date": "x"}, table) == 0.5


@pytest.mark.parametrize("hits,n,prior,strength,expected", [
    (0, 0, 0.6, 12, 0.6), (10, 10, 0.5, 10, 0.75), (0, 10, 0.5, 10, 0.25),
])
def test_confidence_smoothed(hits: int, n: int, prior: float, strength: float,
                             expected: float) -> None:
    assert smoothed(hits, n, prior, strength) == pytest.approx(expected)


@pytest.mark.parametrize("value,source,expected", [
    ("1935-10", "narrative", "≈ жовтень 1935, з контексту"),
    ("1934-SU", "narrative", "≈ літо 1934, з контексту"),
    ("1935-10-07", "text", "1935-10-07"),
    ("1935", "human", "1935 (виправлено)"),
    (None, "text", ""),
])
def test_confidence_display_date(value: str | None, source: str, expected: str) -> None:
    assert display_date(value, source) == expected


def test_confidence_table_is_complete() -> None:
    table = load_table()
    for section in ("events", "entities", "timexes", "roles", "affiliations"):
        assert table[section], section
        assert all(0.0 <= float(v) <= 1.0 for v in table[section].values())


def _calibrate():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("calibrate", ROOT / "scripts" / "calibrate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("half", ["odd", "even"])
def test_confidence_high_means_right_on_dev(half: str) -> None:
    """Events given confidence >= 0.8 are right (relaxed match) at least 80 % of the time,
    on the half the table was fitted on and on the held-out half."""
    if not Path(DEV).is_dir():
        pytest.skip("../shared/eval/dev is not available")
    cal = _calibrate()
    rows = _rows(cal)
    rel = cal.reliability(rows["events"], "events", load_table(), half)
    assert rel["n_high"] >= 10, rel
    assert rel["precision_high"] >= 0.8, rel


_CACHE: dict[str, object] = {}


def _rows(cal):  # type: ignore[no-untyped-def]
    if "rows" not in _CACHE:
        _CACHE["rows"] = cal.observe(Path(DEV))
    return _CACHE["rows"]


@pytest.mark.parametrize("args,expected", [
    (["--min-confidence", "0.8"], ["e1", "e3"]),
    (["--date-source", "narrative"], ["e3"]),
    (["--date-source", "none"], ["e4"]),
    (["--min-confidence", "0.8", "--date-source", "text"], ["e1"]),
])
def test_confidence_show_filters(tmp_path: Path, args: list[str], expected: list[str]) -> None:
    import json

    from click.testing import CliRunner

    from litopys.cli import main
    from tests.web.chronicles import diplomacy_chronicle, write_db

    ch = diplomacy_chronicle()
    for ev, conf in zip(ch.events, (0.9, 0.5, 0.85, 0.3, 0.6, 0.7), strict=True):
        ev.confidence, ev.provenance = conf, "text"
    ch.events[2].date_source = ch.events[2].provenance = "narrative"
    db = write_db(tmp_path / "s.db", [ch])
    result = CliRunner().invoke(main, ["show", "--db", str(db), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert sorted(r["id"] for r in rows) == expected
    assert all({"provenance", "confidence", "date_source"} <= set(r) for r in rows)
    table = CliRunner().invoke(main, ["show", "--db", str(db), "--date-source", "narrative"])
    assert "≈ жовтень 1935, з контексту" in table.output


def test_confidence_doc_ents_for_spacy_users(pipeline, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    from litopys.pipeline.ingest import from_text

    doc = pipeline.make_doc(from_text(seed_text))
    ents = list(doc.ents)
    assert len(ents) >= 20
    assert {e.label_ for e in ents} <= {"PERSON", "GPE", "ORG", "LOC", "DOC"}
    by_text = {e.text: e for e in ents}
    assert by_text["СРСР"].kb_id_ and by_text["СРСР"].label_ == "GPE"
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:], strict=False))
