"""The gold writer: a stored chronicle as NAME.gold.json that the evaluator reads, and
that scores itself perfectly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from litopys.cli import main
from litopys.evaluate import find_pairs, load_gold, score
from litopys.export.gold import chronicle_to_gold, gold_name
from litopys.store.db import Store
from tests.web.chronicles import diplomacy_chronicle, payload_chronicle, write_db


@pytest.mark.parametrize("path,doc_id,expected", [
    ("corpus/seed.txt", "ab12", "seed-ab12"),
    (None, "ab12", "ab12"),
    ("a b/Київ 1918!.docx", "ab12", "Київ_1918-ab12"),
])
def test_gold_name(path: str | None, doc_id: str, expected: str) -> None:
    assert gold_name(path, doc_id) == expected


@pytest.mark.parametrize("make", [diplomacy_chronicle, payload_chronicle])
def test_gold_scores_itself_perfectly(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    db = write_db(tmp_path / "g.db", [make()])
    result = CliRunner().invoke(main, ["export", "--format", "gold", "--db", str(db), "--out",
                                       str(tmp_path / "gold")])
    assert result.exit_code == 0, result.output
    [(txt, gold_path)] = find_pairs(tmp_path / "gold")
    gold = load_gold(gold_path)  # validates every field
    with Store(db, read_only=True) as s:
        ch = s.chronicle(make().document.id)
    assert txt.read_text(encoding="utf-8") == ch.document.text
    assert gold["text_file"] == txt.name
    s = score(ch, gold)
    assert s.relaxed.f1 == 1.0 and s.strict.f1 == 1.0
    assert s.overall_entities().f1 == 1.0


def test_gold_fields() -> None:
    ch = diplomacy_chronicle()
    gold = chronicle_to_gold(ch, "d.txt", {})
    bogomolov = next(e for e in gold["entities"] if e["id"] == "person:богомолов")
    assert bogomolov["affiliation"] == "Q15180" and bogomolov["roles"] == ["повпред"]
    ussr = next(e for e in gold["entities"] if e["id"] == "Q15180")
    assert ussr["aliases"] == ["Радянський Союз"]
    e4 = gold["events"][3]
    assert (e4["cameo"], e4["mode"], e4["date"]) == ("05", "negated", None)
    assert {"text": "Влітку 1934 р.", "value": "1934-SU"} in gold["timexes"]


def test_gold_implied_participant_gets_an_entity() -> None:
    ch = diplomacy_chronicle()
    ch.events[0].target.append("Q212")
    gold = chronicle_to_gold(ch, "d.txt", {"Q212": {"type": "GPE", "name": "Україна"}})
    assert {"id": "Q212", "type": "GPE", "name": "Україна", "aliases": []} in gold["entities"]
    assert gold["events"][0]["target"] == ["Q13426199", "Q212"]
    dropped = chronicle_to_gold(ch, "d.txt", {})
    assert dropped["events"][0]["target"] == ["Q13426199"]


def test_gold_missing_db_is_coded(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "gold", "--db", str(tmp_path / "none.db"),
                                       "--out", str(tmp_path / "g")])
    assert result.exit_code == 1 and "E022" in result.output
    assert json.dumps(result.output)  # one line, no traceback
    assert "Traceback" not in result.output
