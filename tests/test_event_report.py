"""evaluate.event_report: relaxed/strict counts as `score` gives them, the type tables, and
why each unmatched event was missed."""

from __future__ import annotations

import pytest

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention
from litopys.evaluate import event_report, score

TEXT = ("1 травня 1920 р. Польща підписала договір з УНР. "
        "2 травня 1920 р. Польща напала на Росію. Потім Литва протестувала.")


def _entity(eid: str, name: str) -> Entity:
    k = TEXT.index(name)
    return Entity(id=eid, type="GPE", name=name, mentions=[Mention(k, k + len(name), name)])


def _event(eid: str, cameo: str, src: list[str], tgt: list[str], date: str | None,
           sentence: int, mode: str = "asserted") -> Event:
    starts = [0, TEXT.index("2 травня"), TEXT.index("Потім")]
    ends = starts[1:] + [len(TEXT)]
    return Event(id=eid, cameo=cameo, cameo_label="", goldstein=0.0, mode=mode, date=date,
                 date_source="text", source=src, target=tgt, trigger="x",
                 evidence=TEXT[starts[sentence]:ends[sentence]].strip(), start=starts[sentence],
                 end=starts[sentence] + 1, evidence_start=starts[sentence],
                 evidence_end=ends[sentence], location="pol" if sentence == 0 else None)


GOLD = {
    "entities": [
        {"id": "poland", "type": "GPE", "name": "Польща"},
        {"id": "unr", "type": "GPE", "name": "УНР"},
        {"id": "russia", "type": "GPE", "name": "Росія", "aliases": ["Росію"]},
        {"id": "lithuania", "type": "GPE", "name": "Литва"},
    ],
    "timexes": [],
    "events": [
        {"cameo": "05", "source": ["poland"], "target": ["unr"], "date": "1920-05-01",
         "mode": "asserted", "evidence": "1 травня 1920 р. Польща підписала договір з УНР.",
         "location": "poland"},
        {"cameo": "19", "source": ["poland"], "target": ["russia"], "date": "1920-05-02",
         "mode": "asserted", "evidence": "2 травня 1920 р. Польща напала на Росію."},
        {"cameo": "14", "source": ["lithuania"], "target": [], "date": None,
         "mode": "asserted", "evidence": "Потім Литва протестувала."},
    ],
}


def _chronicle(events: list[Event]) -> Chronicle:
    ents = [_entity("pol", "Польща"), _entity("unr", "УНР"), _entity("rus", "Росію"),
            _entity("ltu", "Литва")]
    return Chronicle(document=Document(id="d", path=None, text=TEXT), entities=ents,
                     events=events)


@pytest.mark.parametrize("events,relaxed,strict,whys", [
    # all right
    ([_event("e1", "057", ["pol"], ["unr"], "1920-05-01", 0),
      _event("e2", "190", ["pol"], ["rus"], "1920-05-02", 1),
      _event("e3", "141", ["ltu"], [], None, 2)], 3, 3, []),
    # a wrong root (strict only), a wrong date, a missing event
    ([_event("e1", "040", ["pol"], ["unr"], "1920-05-01", 0),
      _event("e2", "190", ["pol"], ["rus"], "1921", 1)], 1, 0, ["date", "missing"]),
])
def test_event_report_counts_and_reasons(events: list[Event], relaxed: int, strict: int,
                                         whys: list[str]) -> None:
    ch = _chronicle(events)
    report = event_report(ch, GOLD, "d")
    scored = score(ch, GOLD)
    assert report["relaxed"]["tp"] == scored.relaxed.tp_sys == relaxed
    assert report["strict"]["tp"] == scored.strict.tp_sys == strict
    assert sorted(g["why"] for g in report["gold_unmatched"]) == whys
    assert report["location"] == {"correct": 1, "scored": 1}


def test_event_report_confusion_pairs_the_same_sentence() -> None:
    report = event_report(_chronicle([_event("e1", "040", ["pol"], ["unr"], "1920-05-01", 0)]),
                          GOLD, "d")
    assert report["confusion"] == {"05": {"04": 1}}
    assert report["mode"] == {"asserted": {"asserted": 1}}
    assert report["system_unmatched"] == []


def test_type_errors_list_root_and_mode_disagreements() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "event_report.py"
    spec = importlib.util.spec_from_file_location("event_report_script", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    right = _event("e1", "057", ["pol"], ["unr"], "1920-05-01", 0)
    wrong_root = _event("e2", "040", ["pol"], ["rus"], "1920-05-02", 1)
    wrong_mode = _event("e3", "140", ["ltu"], [], None, 2, mode="negated")
    lines = mod.type_errors(_chronicle([right, wrong_root, wrong_mode]), GOLD)
    assert len(lines) == 2
    assert "gold 19" in lines[0] and "sys 040" in lines[0]
    assert "gold 14" in lines[1] and "nega" in lines[1]
