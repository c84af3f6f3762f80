"""End-to-end tests through the CLI (click's CliRunner) with the real pipeline."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DEV, SAMPLE, SEED

from litopys.cli import main


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _check_offsets(doc: dict, text: str) -> None:
    for e in doc["entities"]:
        for s, t in e["spans"]:
            assert 0 <= s <= t <= len(text)
            assert text[s:t] in e["mentions"]
    for t in doc["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"]
    for ev in doc["events"]:
        assert text[ev["start"]:ev["end"]] == ev["trigger"]


def test_cli_extract_sample_json(runner, tmp_path) -> None:
    db = tmp_path / "x.db"
    res = runner.invoke(main, ["extract", str(SAMPLE), "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    text = SAMPLE.read_text(encoding="utf-8")
    assert set(doc) == {"document", "entities", "timexes", "events"}
    assert set(doc["document"]) >= {"id", "path", "chars"}
    assert doc["document"]["chars"] == len(text)
    for key in ("id", "type", "name", "mentions", "roles", "affiliation"):
        assert all(key in e for e in doc["entities"])
    for key in ("id", "cameo", "cameo_label", "goldstein", "mode", "date", "date_source",
                "source", "target", "trigger", "evidence", "start", "end"):
        assert all(key in e for e in doc["events"])
    _check_offsets(doc, text)
    values = {t["text"]: t["value"] for t in doc["timexes"]}
    assert values["9 лютого 1918 року"] == "1918-02-09"
    assert values["влітку 1918 р."] == "1918-SU"
    assert doc["events"], "the sample reports events"
    ids = {e["id"] for e in doc["entities"]}
    for ev in doc["events"]:
        assert set(ev["source"]) <= ids and set(ev["target"]) <= ids
        assert ev["mode"] in ("asserted", "negated", "hypothetical")


def test_cli_extract_is_idempotent(runner, tmp_path) -> None:
    db = tmp_path / "x.db"
    first = runner.invoke(main, ["extract", str(SAMPLE), "--db", str(db), "--format", "json"])
    second = runner.invoke(main, ["extract", str(SAMPLE), "--db", str(db), "--format", "json"])
    assert first.exit_code == second.exit_code == 0
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    assert a["events"] == b["events"]
    assert sorted(e["id"] for e in a["entities"]) == sorted(e["id"] for e in b["entities"])
    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_cli_extract_refresh_replaces_a_stored_document(runner, tmp_path) -> None:
    import sqlite3

    db = tmp_path / "x.db"
    first = runner.invoke(main, ["extract", str(SAMPLE), "--db", str(db), "--format", "json"])
    assert first.exit_code == 0
    # what an older litopys stored: fewer events and a stale mention
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys=ON")
    n_mentions = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    conn.execute("DELETE FROM events")
    conn.commit()
    conn.close()
    stale = runner.invoke(main, ["extract", str(SAMPLE), "--db", str(db), "--format", "json"])
    assert json.loads(stale.stdout)["events"] == []
    fresh = runner.invoke(main, ["extract", str(SAMPLE), "--db", str(db), "--format", "json",
                                 "--refresh"])
    assert fresh.exit_code == 0, fresh.output
    assert json.loads(fresh.stdout)["events"] == json.loads(first.stdout)["events"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == n_mentions
    conn.close()
    batch = runner.invoke(main, ["extract", str(SAMPLE), "--db", str(db), "--refresh",
                                 "--workers", "2"])
    assert batch.exit_code != 0 and "--refresh" in batch.output
    assert "Traceback" not in batch.output


def test_cli_extract_table_and_jsonl(runner, tmp_path) -> None:
    db = tmp_path / "x.db"
    res = runner.invoke(main, ["extract", str(SAMPLE), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "Events" in res.stdout and "Actors" in res.stdout and "Time expressions" in res.stdout
    res = runner.invoke(main, ["extract", str(SAMPLE), str(SAMPLE.parent), "--db", str(db),
                               "--format", "jsonl"])
    assert res.exit_code == 0
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(lines) == 2


def test_cli_extract_stdin(runner, tmp_path) -> None:
    text = "5 грудня 1994 року Україна, США і Велика Британія підписали меморандум."
    res = runner.invoke(main, ["extract", "-", "--db", str(tmp_path / "s.db"), "--format",
                               "json"], input=text.encode("utf-8"))
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["document"]["path"] is None
    assert doc["timexes"][0]["value"] == "1994-12-05"


def test_cli_extract_bad_inputs_do_not_stop_the_batch(runner, tmp_path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("У 1965 році СРСР запропонував переговори.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    res = runner.invoke(main, ["extract", str(empty), str(binary), str(good),
                               str(tmp_path / "missing.txt"), "--db", str(tmp_path / "b.db"),
                               "--format", "jsonl"])
    assert res.exit_code == 1
    assert "E003" in res.stderr and "E002" in res.stderr and "E001" in res.stderr
    assert "Traceback" not in res.output
    assert len([x for x in res.stdout.splitlines() if x.strip()]) == 1


def test_cli_extract_cp1251(runner, tmp_path) -> None:
    p = tmp_path / "old.txt"
    p.write_bytes("Восени 1919 року Директорія вела переговори з Польщею.".encode("cp1251"))
    res = runner.invoke(main, ["extract", str(p), "--db", str(tmp_path / "c.db"), "--format",
                               "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["timexes"][0]["value"] == "1919-FA"


def test_cli_show_filters(runner, tmp_path) -> None:
    db = tmp_path / "x.db"
    runner.invoke(main, ["extract", str(SAMPLE), "--db", str(db), "-q"])
    res = runner.invoke(main, ["show", "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    every = json.loads(res.stdout)
    assert every
    res = runner.invoke(main, ["show", "--db", str(db), "--from", "1918-03", "--to", "1918-12",
                               "--format", "json"])
    some = json.loads(res.stdout)
    assert len(some) < len(every)
    assert all(e["date_end"] >= "1918-03-01" and e["date_begin"] <= "1918-12-31" for e in some)
    res = runner.invoke(main, ["show", "--db", str(db), "--actor", "Україн", "--format", "json"])
    assert res.exit_code == 0
    res = runner.invoke(main, ["show", "--db", str(db), "--from", "березень"])
    assert res.exit_code != 0 and "E030" in res.output
    res = runner.invoke(main, ["show", "--db", str(tmp_path / "none.db")])
    assert res.exit_code != 0 and "E022" in res.output


def test_cli_eval_dev_json(runner) -> None:
    if not DEV.exists():
        pytest.skip("../shared/eval/dev is not available")
    res = runner.invoke(main, ["eval", str(DEV), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["documents"] == len(list(DEV.glob("*.gold.json")))
    for key in ("precision", "recall", "f1"):
        assert 0 <= data["entities"]["overall"][key] <= 1
        assert 0 <= data["events"]["relaxed"][key] <= 1
        assert 0 <= data["events"]["strict"][key] <= 1
    assert "value_accuracy" in data["timexes"]
    # floors, so that a regression is noticed (measured values are in the README)
    assert data["timexes"]["f1"] >= 0.6
    assert data["entities"]["overall"]["f1"] >= 0.5


def test_cli_eval_malformed_gold(runner, tmp_path) -> None:
    (tmp_path / "a.txt").write_text("СРСР", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text('{"entities": [{"id": "x"}], "timexes": [], '
                                          '"events": []}', encoding="utf-8")
    res = runner.invoke(main, ["eval", str(tmp_path)])
    assert res.exit_code != 0
    assert "E010" in res.output and "a.gold.json" in res.output and "entities[0].type" in res.output
    (tmp_path / "a.gold.json").write_text("{not json", encoding="utf-8")
    res = runner.invoke(main, ["eval", str(tmp_path)])
    assert "E010" in res.output and "invalid JSON" in res.output
    assert "Traceback" not in res.output


def test_cli_python_m_works(tmp_path) -> None:
    out = subprocess.run([sys.executable, "-m", "litopys", "--help"], capture_output=True,
                         text=True, check=True)
    for verb in ("extract", "show", "eval", "serve", "export", "check"):
        assert verb in out.stdout


def test_cli_seed_acceptance(runner, tmp_path) -> None:
    if not SEED.exists():
        pytest.skip("../shared/samples/seed.txt is not available")
    res = runner.invoke(main, ["extract", str(SEED), "--db", str(tmp_path / "s.db"),
                               "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    text = SEED.read_text(encoding="utf-8")
    _check_offsets(doc, text)
    people = {e["name"]: e for e in doc["entities"] if e["type"] == "PERSON"}
    expected = {"Литвинов": "ussr", "Богомолов": "ussr", "Стомоняков": "ussr",
                "Рузвельт": "usa", "Трояновський": "ussr", "Чан Кайши": "chn",
                "Цзян Тінфу": "chn", "Кун Сянсі": "chn"}
    for surname, polity in expected.items():
        hits = [e for name, e in people.items()
                if surname in name or any(surname in m for m in e["mentions"])]
        assert len(hits) == 1, (surname, list(people))
        assert hits[0]["affiliation"] == polity, (surname, hits[0])
        assert hits[0]["roles"] or surname == "Чан Кайши", (surname, hits[0])
    assert len(people) == 8, list(people)
    assert not any("Литвиновим" in p for p in people)
    ids = {e["id"] for e in doc["entities"]}
    for state in ("chn", "ussr", "jpn", "usa", "gbr", "deu", "aus", "league_of_nations"):
        assert state in ids, state
    values = {t["text"]: t["value"] for t in doc["timexes"]}
    assert values["влітку 1934р."] == "1934-SU"
    assert values["У травні-червні 1937р."] == "1937-05/1937-06"
    assert values["12 грудня 1932р."] == "1932-12-12"
    assert len(doc["events"]) >= 10
    assert sum(1 for e in doc["events"] if e["date"]) >= 8
    litvinov = next(e for e in doc["entities"] if "Литвинов" in e["name"])
    assert any("народний комісар закордонних справ" in r for r in litvinov["roles"])
    assert litvinov["affiliation"] == "ussr"


def test_cli_check(runner, tmp_path) -> None:
    db = tmp_path / "x.db"
    runner.invoke(main, ["extract", str(SAMPLE), "--db", str(db), "-q"])
    res = runner.invoke(main, ["check", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "ok" in res.stdout


def test_cli_console_script_installed() -> None:
    assert shutil.which("litopys") or Path(sys.executable).with_name("litopys").exists()


def test_cli_import_from_checkout_parent(tmp_path) -> None:
    """`import litopys` from a folder holding a `litopys` checkout (a directory without
    __init__.py) finds the package, not the folder as a namespace package (the Makefile
    installs in editable compat mode)."""
    (tmp_path / "litopys").mkdir()
    run = subprocess.run([sys.executable, "-c", "import litopys; print(litopys.extract)"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "function extract" in run.stdout, run.stderr


def test_cli_extract_many_shows_progress(tmp_path) -> None:
    """A single-process extract of many files logs progress lines on stderr."""
    for i in range(3):
        (tmp_path / f"t{i}.txt").write_text(f"У 1930-х роках Японія погрожувала Китаю {i}.\n",
                                            encoding="utf-8")
    code = ("import litopys.batch.progress as p, sys; from litopys.cli import main; "
            "p.Progress.__init__.__defaults__ = (False, None, 0.0); "
            f"sys.argv = ['litopys', 'extract', {str(tmp_path)!r}, '--db', "
            f"{str(tmp_path / 'x.db')!r}, '--format', 'jsonl']; main()")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "litopys: 3/3 docs (3 stored" in run.stderr
    assert len(run.stdout.splitlines()) == 3
