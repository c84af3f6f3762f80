"""The project's own dev set (tests/eval/dev): gold files validate, eval runs, floors hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from litopys.cli import main
from litopys.evaluate import ENTITY_TYPES, find_pairs, load_gold

DEV = Path(__file__).resolve().parent / "eval" / "dev"

# Measured with the pipeline when the set was added (10 documents), minus ~0.1:
# entities F1 0.78 (PERSON 0.85, GPE 0.89), timexes F1 0.89 / value accuracy 0.94,
# events relaxed F1 0.37, strict F1 0.20.
FLOORS = {
    ("entities", "overall", "f1"): 0.68,
    ("entities", "by_type", "PERSON", "f1"): 0.75,
    ("entities", "by_type", "GPE", "f1"): 0.79,
    ("timexes", "f1"): 0.79,
    ("timexes", "value_accuracy"): 0.84,
    ("events", "relaxed", "f1"): 0.27,
    ("events", "strict", "f1"): 0.10,
}
# Per document (lowest measured: entities F1 0.67, timexes F1 0.75).
DOC_FLOORS = {
    ("entities", "overall", "f1"): 0.57,
    ("timexes", "f1"): 0.65,
}


def _gold_files() -> list[Path]:
    return sorted(DEV.glob("*.gold.json"))


def test_devset_has_texts() -> None:
    pairs = find_pairs(DEV)
    assert len(pairs) >= 10
    assert len(pairs) == len(_gold_files())


@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.name)
def test_gold_file_validates(gold_path: Path) -> None:
    gold = load_gold(gold_path)
    text_path = gold_path.with_name(gold["text_file"])
    assert text_path.exists()
    text = text_path.read_text(encoding="utf-8")
    assert gold["language"] == "uk"
    ids = [e["id"] for e in gold["entities"]]
    assert len(ids) == len(set(ids))
    for e in gold["entities"]:
        assert e["type"] in ENTITY_TYPES
        assert e.get("affiliation") in (None, *ids)
        assert any(a in text for a in e["aliases"]), e["id"]
    seen: dict[str, int] = {}
    for t in gold["timexes"]:
        seen[t["text"]] = seen.get(t["text"], 0) + 1
        assert text.count(t["text"]) >= seen[t["text"]], t["text"]
    for ev in gold["events"]:
        assert ev["source"], ev["id"]
        assert len(ev["cameo"]) == 2 and 1 <= int(ev["cameo"]) <= 20
        assert ev["evidence"].split(" ... ")[0] in text, ev["id"]


@pytest.fixture(scope="module")
def figures() -> dict:
    result = CliRunner().invoke(main, ["eval", str(DEV), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_eval_output_shape(figures: dict) -> None:
    assert figures["documents"] == len(_gold_files())
    assert set(figures["entities"]) == {"overall", "by_type"}
    for prf in (figures["entities"]["overall"], figures["events"]["relaxed"],
                figures["events"]["strict"]):
        assert set(prf) == {"precision", "recall", "f1"}
    assert {"precision", "recall", "f1", "value_accuracy"} <= set(figures["timexes"])
    names = {d["name"] for d in figures["by_document"]}
    assert names == {p.name[: -len(".gold.json")] for p in _gold_files()}
    for doc in figures["by_document"]:
        assert doc["documents"] == 1


@pytest.mark.parametrize("path", sorted(FLOORS), ids=lambda p: ".".join(p))
def test_eval_floor(figures: dict, path: tuple[str, ...]) -> None:
    value = figures
    for key in path:
        value = value[key]
    assert value >= FLOORS[path], f"{'.'.join(path)} = {value} < {FLOORS[path]}"


@pytest.mark.parametrize("path", sorted(DOC_FLOORS), ids=lambda p: ".".join(p))
def test_eval_floor_per_document(figures: dict, path: tuple[str, ...]) -> None:
    low = []
    for doc in figures["by_document"]:
        value = doc
        for key in path:
            value = value[key]
        if value < DOC_FLOORS[path]:
            low.append(f"{doc['name']}: {value}")
    assert not low, f"{'.'.join(path)} < {DOC_FLOORS[path]}: {low}"
