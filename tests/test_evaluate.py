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
    evaluate_halves,
    gold_warnings,
    halves_lines,
    interval,
    load_gold,
    locate_evidence,
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


# -- one test per FORMAT.md rule (docs/EVAL.md lists them) ------------------------
def _typed_entity(eid: str, name: str, typ: str, mentions: list[str] = ()) -> Entity:
    return Entity(id=eid, type=typ, name=name,
                  mentions=[Mention(0, 1, m, 0) for m in (mentions or [name])])


def test_evaluate_rule_aliases_case_folded_same_type() -> None:
    gold = _gold(entities=[
        {"id": "lit", "type": "PERSON", "name": "Максим Литвинов",
         "aliases": ["Литвиновим", "М. М. Литвинов"]},
        {"id": "ussr", "type": "GPE", "name": "СРСР", "aliases": ["Радянського Союзу"]}])
    ents = [_typed_entity("p", "Литвинов М.", "PERSON", ["литвиновим"]),  # a mention, folded
            _typed_entity("g", "Радянського союзу", "GPE"),  # the canonical name, folded
            _typed_entity("o", "СРСР", "ORG")]  # right form, wrong type
    s = score(_chronicle("x", entities=ents), gold)
    overall = s.overall_entities()
    assert (overall.tp_sys, overall.n_sys, overall.tp_gold, overall.n_gold) == (2, 3, 2, 2)
    assert s.entities["ORG"].tp_sys == 0


def test_evaluate_entity_without_mention_is_not_scored() -> None:
    """An entity the text never names (a dictionary entry added as a person's polity,
    provenance "dictionary") is no claim about the text: neither right nor wrong."""
    gold = _gold(entities=[{"id": "lit", "type": "PERSON", "name": "Максим Литвинов"}])
    implied = Entity(id="h", type="GPE", name="Гетьманщина", mentions=[])
    s = score(_chronicle("x", entities=[_typed_entity("p", "Максим Литвинов", "PERSON"),
                                        implied]), gold)
    overall = s.overall_entities()
    assert (overall.tp_sys, overall.n_sys) == (1, 1)
    assert s.entities["GPE"].n_sys == 0
    # named in the text, the same entry counts (here: a false positive)
    named = _typed_entity("h", "Гетьманщина", "GPE")
    s = score(_chronicle("x", entities=[_typed_entity("p", "Максим Литвинов", "PERSON"),
                                        named]), gold)
    assert s.entities["GPE"].n_sys == 1


def test_evaluate_rule_two_calendar_dates_score_the_new_style_day() -> None:
    text = "Договір підписано 5(16) квітня 1710 р. у Москві."
    gold = _gold([("5(16) квітня 1710 р.", "1710-04-16")])
    new_style = score(_chronicle(text, [("5(16) квітня 1710 р.", "1710-04-16", 0)]), gold)
    old_style = score(_chronicle(text, [("5(16) квітня 1710 р.", "1710-04-05", 0)]), gold)
    part = score(_chronicle(text, [("16) квітня 1710", "1710-04-16", 0)]), gold)  # overlap
    assert (new_style.timexes.tp_gold, new_style.value_ok) == (1, 1)
    assert (old_style.detected, old_style.value_ok, old_style.timexes.tp_gold) == (1, 0, 0)
    assert part.timexes.tp_gold == 1


@pytest.mark.parametrize("system,correct", [("PT3H", 1), ("P3H", 0), ("P3D", 0), (None, 0)])
def test_evaluate_rule_time_durations(system: str | None, correct: int) -> None:
    text = "Засідання тривало три години і закінчилося."
    gold = _gold([("три години", "PT3H")])
    s = score(_chronicle(text, [("три години", system, 0)]), gold)
    assert (s.detected, s.value_ok) == (1, correct)
    assert summary([s])["timexes"]["by_kind"]["duration"]["gold"] == 1
    assert dates_compatible("PT3H", "1938") is False


def test_evaluate_rule_null_time_value_not_scored_either_way() -> None:
    text = "Наступного дня посли виїхали."
    gold = _gold([("Наступного дня", None)])
    s = score(_chronicle(text, [("Наступного дня", "1938-10-01", 0)]), gold)
    assert (s.timexes.n_gold, s.timexes.n_sys, s.timexes.tp_sys) == (0, 0, 0)


def test_evaluate_rule_compilation_repeated_sentence_placed_in_gold_order() -> None:
    text = "Польща визнала УНР.\n\nІнший уривок.\n\nПольща визнала УНР. Тоді ж."
    events = [{"evidence": "Польща визнала УНР."}, {"evidence": "Інший уривок."},
              {"evidence": "Польща визнала УНР."}, {"evidence": ""}]
    assert locate_evidence(text, events) == [0, text.index("Інший"), text.rindex("Польща"), -1]
    # typography and an ellipsis that shortens the sentence do not lose it
    assert locate_evidence("Сторони — «мир» обʼявили.", [
        {"evidence": "Сторони - \"мир\" об'явили."}, {"evidence": "Сторони … обʼявили"}]) == [0, 0]


def _sentence_event(eid: str, source: list[str], target: list[str], date: str | None,
                    span: tuple[int, int], cameo: str = "04", mode: str = "asserted",
                    location: str | None = None) -> Event:
    return Event(id=eid, cameo=cameo, cameo_label="", goldstein=0.0, mode=mode, date=date,
                 date_source="text", source=source, target=target, trigger="t", evidence="t",
                 start=span[0], end=span[0] + 1, evidence_start=span[0], evidence_end=span[1],
                 location=location)


REPORTS = "Україна уклала мир з Польщею. Україна і Польща підписали мир у Ризі."


def _reports_gold(**extra: Any) -> dict[str, Any]:
    first, second = REPORTS.split(". ")
    return _gold(entities=GOLD_ENTITIES + [{"id": "riga", "type": "GPE", "name": "Рига",
                                            "aliases": ["Ризі"]}], events=[
        {"cameo": "05", "source": ["ua"], "target": ["pl"], "date": None, "mode": "asserted",
         "evidence": first + "."},
        {"cameo": "05", "source": ["ua"], "target": ["pl"], "date": "1921-03-18",
         "mode": "asserted", "evidence": second, **extra}])


def test_evaluate_rule_one_gold_event_per_report_each_paired_with_its_own() -> None:
    """Two reports of one happening are two gold events; each system event is paired
    with the gold event of its own sentence, and no pair is lost to the order."""
    cut = REPORTS.index("Україна і")
    ents = [_entity("a", "Україна"), _entity("b", "Польща"), _entity("r", "Рига")]
    # both system events fit both gold events; listed second-sentence first, first-fit
    # would pair each with the other sentence's gold event (and lose the location)
    evs = [_sentence_event("e2", ["a"], ["b"], "1921-03-18", (cut, len(REPORTS)), cameo="040",
                           location="r"),
           _sentence_event("e1", ["a"], ["b"], "1921-03-18", (0, cut), cameo="057")]
    s = score(_chronicle(REPORTS, entities=ents, events=evs), _reports_gold(location="riga"))
    assert s.pairs == {0: 1, 1: 0}
    assert (s.relaxed.tp_gold, s.strict.tp_gold) == (2, 1)
    ev = summary([s])["events"]
    assert ev["confusion"] == {"05": {"04": 1, "05": 1}} and ev["root_accuracy"] == 0.5
    assert ev["location"] == {"correct": 1, "scored": 1, "accuracy": 1.0}


def test_evaluate_maximum_matching_whatever_the_order() -> None:
    """A system event that fits two gold events leaves the one another system event needs."""
    ents = [_entity("a", "Україна"), _entity("b", "Польща")]
    gold = _gold(entities=GOLD_ENTITIES, events=[
        {"cameo": "04", "source": ["ua"], "target": ["pl"], "date": "1920-04-21",
         "mode": "asserted"},
        {"cameo": "04", "source": ["ua"], "target": ["pl"], "date": "1920-06", "mode": "asserted"}])
    # "1920" fits both gold events, "1920-04-21" only the first: first-fit pairs one
    for order in ([_event(["a"], ["b"], "1920"), _event(["a"], ["b"], "1920-04-21")],
                  [_event(["a"], ["b"], "1920-04-21"), _event(["a"], ["b"], "1920")]):
        s = score(_chronicle("x", entities=ents, events=order), gold)
        assert s.relaxed.tp_gold == 2


@pytest.mark.parametrize("system_mode,location,mode_acc,loc", [
    ("asserted", "r", 1.0, {"correct": 1, "scored": 1, "accuracy": 1.0}),
    ("hypothetical", "b", 0.0, {"correct": 0, "scored": 1, "accuracy": 0.0}),
    ("asserted", None, 1.0, {"correct": 0, "scored": 1, "accuracy": 0.0}),
])
def test_evaluate_mode_and_location_accuracy_over_relaxed_pairs(
        system_mode: str, location: str | None, mode_acc: float, loc: dict) -> None:
    ents = [_entity("a", "Україна"), _entity("b", "Польща"), _entity("r", "Рига")]
    cut = REPORTS.index("Україна і")
    evs = [_sentence_event("e2", ["a"], ["b"], "1921-03", (cut, len(REPORTS)), cameo="05",
                           mode=system_mode, location=location)]
    ev = summary([score(_chronicle(REPORTS, entities=ents, events=evs),
                        _reports_gold(location="riga"))])["events"]
    assert ev["mode_accuracy"] == mode_acc and ev["location"] == loc
    assert ev["counts"] == {"gold": 2, "system": 1, "relaxed": 1, "strict": int(mode_acc),
                            "tables": 1}


def test_evaluate_tables_leave_out_pairs_across_sentences() -> None:
    """A relaxed pair whose gold event reports another sentence counts for P/R but not
    for the confusion, mode and location tables (it compares two reports)."""
    ents = [_entity("a", "Україна"), _entity("b", "Польща"), _entity("r", "Рига")]
    cut = REPORTS.index("Україна і")
    # dated 1921-03-18: only the second report's gold fits, but the event is in the first
    evs = [_sentence_event("e1", ["a"], ["b"], "1921-03-18", (0, cut), cameo="040", location="r")]
    gold = _reports_gold(location="riga")
    gold["events"][0]["date"] = "1920"
    s = score(_chronicle(REPORTS, entities=ents, events=evs), gold)
    ev = summary([s])["events"]
    assert s.pairs == {0: 1} and ev["counts"]["relaxed"] == 1 and ev["counts"]["tables"] == 0
    assert ev["confusion"] == {} and ev["location"]["scored"] == 0


def test_evaluate_accuracies_are_null_with_nothing_to_score() -> None:
    ev = summary([score(_chronicle("x"), _gold())])["events"]
    assert ev["mode_accuracy"] is None and ev["root_accuracy"] is None
    assert ev["location"] == {"correct": 0, "scored": 0, "accuracy": None}


def test_evaluate_gold_location_must_name_a_gold_entity(tmp_path: Path) -> None:
    assert load_gold(_write(tmp_path, json.dumps(_with("events.0.location", "ua"))))
    with pytest.raises(GoldError) as err:
        load_gold(_write(tmp_path, json.dumps(_with("events.0.location", "kyiv"))))
    assert "events[0].location" in str(err.value) and "'kyiv'" in str(err.value)
    with pytest.raises(GoldError, match=r"events\[0\]\.location: expected str"):
        load_gold(_write(tmp_path, json.dumps(_with("events.0.location", ["ua"]))))


def test_evaluate_gold_warnings_do_not_stop_scoring() -> None:
    gold = _gold([("1920 р.", "1920"), ("влітку", "summer"), ("пів року", "P2Y6M")],
                 entities=GOLD_ENTITIES,
                 events=[{"cameo": "4", "source": ["ua"], "target": [], "date": "1920-XX-YY",
                          "mode": "asserted"},
                         {"cameo": "057", "source": ["ua"], "target": [], "date": "1920",
                          "mode": "asserted"},
                         {"cameo": "20", "source": [], "target": [], "date": None,
                          "mode": "asserted"}])
    warnings = gold_warnings(gold, "a.gold.json")
    assert [w.split(": ")[1] for w in warnings] == [
        "timexes[1].value", "events[0].date", "events[0].cameo", "events[2]"]
    s = score(_chronicle("Влітку 1920 р. мир."), gold, name="a")
    assert s.warnings == ["a: timexes[1].text 'влітку' not found in the text (as written, "
                          "outside longer gold expressions): counted as missed",
                          "a: timexes[2].text 'пів року' not found in the text (as written, "
                          "outside longer gold expressions): counted as missed"]


def test_evaluate_halves_one_code_path(tmp_path: Path) -> None:
    for k, name in enumerate(["a", "b", "c"]):
        (tmp_path / f"{name}.txt").write_text(f"{1920 + k} р.", encoding="utf-8")
        (tmp_path / f"{name}.gold.json").write_text(json.dumps(
            {"entities": [], "timexes": [{"text": f"{1920 + k} р.", "value": str(1920 + k)}],
             "events": []}), encoding="utf-8")

    def run(path: Path) -> Chronicle:  # right on a and c, wrong on b
        text = path.read_text(encoding="utf-8")
        value = text[:4] if path.stem != "b" else "1900"
        return _chronicle(text, [(text, value, 0)])

    (tmp_path / "orphan.gold.json").write_text("{}", encoding="utf-8")  # no text: skipped
    result = evaluate_halves(tmp_path, run)
    assert result["warnings"] == ["orphan.gold.json: no orphan.txt beside it: not scored"]
    assert [(d["name"], d["half"]) for d in result["by_document"]] == \
        [("a", "odd"), ("c", "odd"), ("b", "even")]
    assert (result["odd"]["timexes"]["f1"], result["even"]["timexes"]["f1"]) == (1.0, 0.0)
    assert result["all"] == {k: v for k, v in result.items()
                             if k in result["all"]}  # the top level is all (--json keys)
    lines = halves_lines(result, per_doc=True)
    assert lines[0].startswith("[odd] a ") and any(x.startswith("even ") for x in lines)
    assert any("location accuracy n/a" in x for x in lines)


def test_evaluate_cli_half_and_halves_exclude_each_other(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from litopys.cli import main

    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--half", "odd", "--halves"])
    assert result.exit_code == 2 and "--half and --halves" in result.output


def test_evaluate_cli_halves_json_keeps_the_old_keys(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from litopys.cli import main

    for name, text in (("a", "12 грудня 1932 р. СРСР підписав договір з Польщею."),
                       ("b", "Влітку 1934 р. Польща відмовилася від переговорів з СРСР.")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.gold.json").write_text(json.dumps(
            {"entities": [{"id": "pl", "type": "GPE", "name": "Польща",
                           "aliases": ["Польщею"]}],
             "timexes": [{"text": text.split(" р.")[0] + " р.", "value": None}],
             "events": [{"cameo": "05", "source": ["pl"], "target": [], "date": None,
                         "mode": "asserted", "evidence": text, "location": "pl"}]},
            ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--halves", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("documents", "entities", "timexes", "events", "by_document", "odd", "even",
                "all", "warnings"):
        assert key in data, key
    assert data["documents"] == 2 and data["odd"]["documents"] == 1
    assert {"relaxed", "strict", "confusion", "mode_accuracy", "location"} <= set(data["events"])
    assert [d["half"] for d in data["by_document"]] == ["odd", "even"]
    text = CliRunner().invoke(main, ["eval", str(tmp_path), "--halves"])
    assert text.exit_code == 0 and "[odd] a" in text.stdout and "location accuracy" in text.stdout
