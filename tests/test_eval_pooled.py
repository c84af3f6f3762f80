"""scripts/eval_pooled.py: groups of check sets scored together (each text once), and two
saved runs printed side by side."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_pooled", ROOT / "scripts" /
                                                  "eval_pooled.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_groups_pool_their_texts_and_share_one_run(tmp_path: Path) -> None:
    mod = _script()
    src = sorted((ROOT / "tests" / "eval" / "dev").glob("*.gold.json"))[:2]
    for gold in src:
        shutil.copy(gold, tmp_path / gold.name)
        txt = gold.with_name(gold.name.replace(".gold.json", ".txt"))
        shutil.copy(txt, tmp_path / txt.name)
    result = mod.run_groups({"odd": [(tmp_path, "odd")], "all": [(tmp_path, None)],
                             "missing": [(tmp_path / "nowhere", None)]})
    assert result["odd"]["documents"] == 1
    assert result["all"]["documents"] == 2
    assert result["missing"]["documents"] == 0
    assert 0.0 < result["all"]["entities"]["overall"]["f1"] <= 1.0


def test_compare_prints_both_runs_and_refuses_a_bad_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mod = _script()
    empty = {"documents": 0, "entities": {"overall": {"precision": 0.0, "recall": 0.0,
                                                      "f1": 0.0}, "by_type": {}},
             "timexes": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "value_accuracy": 0.0,
                         "by_kind": {}},
             "events": {"relaxed": {"precision": 0.0, "recall": 0.0, "f1": 0.0},
                        "strict": {"precision": 0.0, "recall": 0.0, "f1": 0.0}}}
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps({"clean": empty}), encoding="utf-8")
    b.write_text(json.dumps({"clean": empty}), encoding="utf-8")
    assert mod.main(["--compare", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "clean before" in out and "clean after" in out
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert mod.main(["--compare", str(bad), str(b)]) == 2
    assert "save one with --json" in capsys.readouterr().err
