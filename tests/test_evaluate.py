"""Tests for the evaluator (litopys.evaluate): matching rules, the k-th occurrence
rule, event date compatibility and malformed gold files (shared/eval/FORMAT.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention, Timex
from litopys.errors import GoldError
from litopys.evaluate import (
    dates_compatible,
    interval,
    load_gold,
    locate_gold_timexes,
    score,
    summary,
    value_kind,
)


def _chronicle(text: str, timexes: list[tuple[str, str | None, int]] = (),
               entities: list[Entity] = (), events: list[Event] = ()) -> Chronicle:
    """A chronicle whose timexes are (text, value, occurrence) of the text."""
    found = []
    for t, value, k in timexes:
        pos = -1
        for _ in range(k + 1):
            pos = text.find(t, pos + 1)
        assert pos >= 0, t
        found.append(Timex(start=pos, end=pos + len(t), text=t, value=value))
    return Chronicle(document=Document(id="d", path=None, text=text), entities=list(entities),
                     timexes=found, events=list(events))


def _gold(timexes: list[tuple[str, str | None]] = (), entities: list[dict] = (),
          events: list[dict] = ()) -> dict[str, Any]:
    return {"entities": list(entities), "timexes": [{"text": t, "value": v} for t, v in timexes],
            "events": list(events)}


TEXT = "Переговори 29—30 вересня 1938 р. Угоду підписали 30 вересня. Потім, 30 вересня, мир."


@pytest.mark.parametrize(
    "gold,expected",
    [
        # the second "30 вересня" entry is the second occurrence outside the longer expression
        ([("29—30 вересня 1938 р.", "x"), ("30 вересня", "a"), ("30 вересня", "b")],
         [TEXT.find("29—30"), TEXT.find("30 вересня.") , TEXT.find("30 вересня,")]),
        # no third free occurrence: not found
        ([("29—30 вересня 1938 р.", "x"), ("30 вересня", "a"), ("30 вересня", "b"),
          ("30 вересня", "c")],
         [TEXT.find("29—30"), TEXT.find("30 вересня."), TEXT.find("30 вересня,"), -1]),
        # without the longer gold expression, the first occurrence is the inner one
        ([("30 вересня", "a")], [TEXT.find("30 вересня 1938")]),
    ],
)
def test_evaluate_kth_occurrence_outside_longer(gold: list, expected: list[int]) -> None:
    spans = locate_gold_timexes(TEXT, [{"text": t, "value": v} for t, v in gold])
    assert [s[0] for s in spans] == expected


@pytest.mark.parametrize(
    "system,tp,n_sys,n_gold,detected",
    [
        ([("30 вересня", "1938-09-30", 1)], 1, 1, 2, 1),  # right span, right value
        ([("30 вересня", "1938-09-29", 1)], 0, 1, 2, 1),  # detected, wrong value
        ([("Угоду", "1938", 0)], 0, 1, 2, 0),  # spurious
        ([("30 вересня", "1938-09-30", 1), ("30 вересня", None, 2)], 1, 1, 2, 1),  # null gold
        ([("Переговори 29", "1938-09-29/1938-09-30", 0)], 1, 1, 2, 1),  # overlap is enough
    ],
)
def test_evaluate_timex_matching(system: list, tp: int, n_sys: int, n_gold: int,
                                 detected: int) -> None:
    gold = _gold([("29—30 вересня 1938 р.", "1938-09-29/1938-09-30"),
                  ("30 вересня", "1938-09-30"), ("30 вересня", None)])
    s = score(_chronicle(TEXT, system), gold)
    assert (s.timexes.tp_sys, s.timexes.n_sys, s.timexes.n_gold, s.detected) == \
        (tp, n_sys, n_gold, detected)


def test_evaluate_timex_by_kind() -> None:
    gold = _gold([("29—30 вересня 1938 р.", "1938-09-29/1938-09-30"),
                  ("30 вересня", "1938-09-30")])
    s = score(_chronicle(TEXT, [("30 вересня", "1938-09-30", 1)]), gold)
    by_kind = summary([s])["timexes"]["by_kind"]
    assert by_kind["day"] == {"gold": 1, "detected": 1, "correct": 1, "recall": 1.0}
    assert by_kind["range"]["correct"] == 0


@pytest.mark.parametrize(
    "value,kind",
    [("1938-09-30", "day"), ("1938-09", "month"), ("1938", "year"), ("1938-WI", "season"),
     ("193X", "decade"), ("19XX", "century"), ("1938/1939", "range"), ("P3Y", "duration"),
     ("PT6H", "duration"), ("1939-08-21T23:15", "time"), ("soon", "other"), (None, "other")],
)
def test_evaluate_value_kind(value: str | None, kind: str) -> None:
    assert value_kind(value) == kind


@pytest.mark.parametrize(
    "system,gold,expected",
    [
        ("1935-01-15", "1934-WI", True),  # winter 1934 = 1934-12-01 .. 1935-02-28
        ("1934-02-15", "1934-WI", False),
        ("1938-03-12", "1938-WI", False),
        ("1938-WI", "1938", False),
        ("1938-03-12", "1938", True),
        ("1938", "1938-03-12", True),
        ("1938-03-11/1938-03-13", "1938-03-12", True),
        (None, "1938", False),
        ("1938", None, True),
        (None, None, True),
        ("-0479", "-04XX", True),
        ("P10Y", "1938", False),
    ],
)
def test_evaluate_dates_compatible(system: str | None, gold: str | None, expected: bool) -> None:
    assert dates_compatible(system, gold) is expected


def test_evaluate_interval_winter_in_order() -> None:
    assert interval("1934-WI") == ("1934-12-01", "1935-02-28")
    assert interval("1935-WI") == ("1935-12-01", "1936-02-29")
    assert interval("P3Y") is None


def _entity(eid: str, name: str, typ: str = "GPE") -> Entity:
    return Entity(id=eid, type=typ, name=name, mentions=[Mention(0, 1, name, 0)])


def _event(source: list[str], target: list[str], date: str | None, cameo: str = "04",
           mode: str = "asserted") -> Event:
    return Event(id="e", cameo=cameo, cameo_label="", goldstein=0.0, mode=mode, date=date,
                 date_source="text", source=source, target=target, trigger="t", evidence="t",
                 start=0, end=1)


GOLD_ENTITIES = [{"id": "ua", "type": "GPE", "name": "Україна"},
                 {"id": "pl", "type": "GPE", "name": "Польща"},
                 {"id": "ru", "type": "GPE", "name": "Росія"}]


@pytest.mark.parametrize(
    "event,gold_event,relaxed,strict",
    [
        (_event(["a"], ["b"], "1920-04-21"),
         {"cameo": "04", "source": ["ua"], "target": ["pl"], "date": "1920", "mode": "asserted"},
         1, 1),
        (_event(["a"], ["b"], "1920-04-21", cameo="05"),
         {"cameo": "04", "source": ["ua"], "target": ["pl"], "date": "1920", "mode": "asserted"},
         1, 0),
        (_event(["a"], ["b"], "1920-04-21", mode="negated"),
         {"cameo": "04", "source": ["ua"], "target": ["pl"], "date": None, "mode": "asserted"},
         1, 0),
        (_event(["a"], ["b"], "1921"),
         {"cameo": "04", "source": ["ua"], "target": ["pl"], "date": "1920", "mode": "asserted"},
         0, 0),
        (_event(["a"], ["c"], "1920"),  # one shared participant of two
         {"cameo": "04", "source": ["ua"], "target": ["pl"], "date": "1920", "mode": "asserted"},
         0, 0),
        (_event(["a"], ["c"], "1920"),  # the one the gold event has
         {"cameo": "04", "source": ["ua"], "target": [], "date": "1920", "mode": "asserted"},
         1, 1),
    ],
)
def test_evaluate_event_matching(event: Event, gold_event: dict, relaxed: int, strict: int) -> None:
    ents = [_entity("a", "Україна"), _entity("b", "Польща"), _entity("c", "Росія")]
    gold = _gold(entities=GOLD_ENTITIES, events=[gold_event])
    s = score(_chronicle("x", entities=ents, events=[event]), gold)
    assert (s.relaxed.tp_gold, s.strict.tp_gold) == (relaxed, strict)


def test_evaluate_each_gold_event_matched_once() -> None:
    ents = [_entity("a", "Україна"), _entity("b", "Польща")]
    gold = _gold(entities=GOLD_ENTITIES, events=[
        {"cameo": "04", "source": ["ua"], "target": ["pl"], "date": None, "mode": "asserted"}])
    s = score(_chronicle("x", entities=ents, events=[_event(["a"], ["b"], "1920")] * 2), gold)
    assert (s.relaxed.tp_sys, s.relaxed.n_sys, s.relaxed.n_gold) == (1, 2, 1)


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "a.gold.json"
    path.write_text(content, encoding="utf-8")
    return path


GOOD = {"entities": [{"id": "ua", "type": "GPE", "name": "Україна", "aliases": ["України"]}],
        "timexes": [{"text": "1920 р.", "value": "1920"}, {"text": "того ж дня", "value": None}],
        "events": [{"cameo": "04", "source": ["ua"], "target": [], "date": None,
                    "mode": "asserted", "extra": 1}]}


def _with(path: str, value: Any) -> dict[str, Any]:
    """GOOD with one field replaced (value None: removed)."""
    data = json.loads(json.dumps(GOOD))
    *parents, last = path.split(".")
    node: Any = data
    for p in parents:
        node = node[int(p)] if p.isdigit() else node[p]
    if value is None:
        del node[int(last) if last.isdigit() else last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return data


def test_evaluate_load_gold_accepts_a_good_file(tmp_path: Path) -> None:
    assert load_gold(_write(tmp_path, json.dumps(GOOD))) == GOOD


@pytest.mark.parametrize(
    "data,where,reason",
    [
        (_with("entities.0.type", None), "entities[0].type", "missing field"),
        (_with("entities.0.type", "CITY"), "entities[0].type", "unknown type 'CITY'"),
        (_with("entities.0.name", 5), "entities[0].name", "expected str, got int"),
        (_with("entities.0.aliases", ["x", 3]), "entities[0].aliases[1]", "expected str"),
        (_with("timexes.0.text", None), "timexes[0].text", "missing field"),
        (_with("timexes.0.value", 1920), "timexes[0].value", "expected str, got int"),
        (_with("events.0.mode", "maybe"), "events[0].mode", "unknown mode 'maybe'"),
        (_with("events.0.source", ["xx"]), "events[0].source", "unknown entity id 'xx'"),
        (_with("events", None), "events", "missing field"),
        (_with("timexes", {}), "timexes", "expected list, got dict"),
        ([1, 2], "top level", "expected an object"),
    ],
)
def test_evaluate_malformed_gold(tmp_path: Path, data: Any, where: str, reason: str) -> None:
    with pytest.raises(GoldError) as err:
        load_gold(_write(tmp_path, json.dumps(data)))
    msg = str(err.value)
    assert msg.startswith("E010") and "a.gold.json" in msg
    assert f": {where}: " in msg and reason in msg
    assert "\n" not in msg


@pytest.mark.parametrize(
    "content,reason",
    [("[" * 100_000 + "]" * 100_000, "nested too deeply"),
     ('{"entities": ' + "[" * 100_000 + "]" * 100_000 + ', "timexes": [], "events": []}',
      "nested too deeply"),
     ('{"entities": [' + '{"a": ' * 500 + "1" + "}" * 500 + '], "timexes": [], "events": []}',
      "entities[0].id"),
     ("{not json", "invalid JSON"),
     (b"\xff\xfe".decode("latin-1"), "")],
)
def test_evaluate_malformed_gold_one_line(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "a.gold.json"
    if content == b"\xff\xfe".decode("latin-1"):
        path.write_bytes(b"\xff\xfe{")
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold(path)
    msg = str(err.value)
    assert msg.startswith("E010") and reason in msg and "\n" not in msg
