"""brat round trip on real files: export, edit the .ann as a user would in brat,
import, export gold; the edits persist through ``extract --refresh`` and the gold
files pass ``litopys eval``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from litopys.cli import main
from litopys.importers.brat import parse_ann
from litopys.store.corrections import list_corrections
from litopys.store.db import Store
from tests.conftest import SEED
from tests.web.chronicles import diplomacy_chronicle, write_db


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _drop(ann: str, keep) -> str:  # type: ignore[no-untyped-def]
    return "".join(line + "\n" for line in ann.splitlines() if keep(line))


def test_brat_export_import_changes_nothing(tmp_path: Path) -> None:
    db = write_db(tmp_path / "d.db", [diplomacy_chronicle()])
    _run("export", "--db", str(db), "--format", "brat", "--out", str(tmp_path / "brat"))
    out = _run("import", "brat", str(tmp_path / "brat"), "--db", str(db))
    assert "corrections: none" in out
    with Store(db) as s:
        assert list_corrections(s) == []


@pytest.mark.parametrize("edit,kind", [
    (lambda a: re.sub(r"(A\d+\tMode E1) asserted", r"\1 negated", a), "event_update"),
    (lambda a: re.sub(r"(#\d+\tAnnotatorNotes E3\t.*date) 1935-10", r"\1 1935-11", a),
     "event_update"),
    (lambda a: a.replace("CAMEO_06", "CAMEO_05"), "event_update"),
])
def test_brat_import_event_changes(tmp_path: Path, edit, kind: str) -> None:  # type: ignore[no-untyped-def]
    db = write_db(tmp_path / "d.db", [diplomacy_chronicle()])
    _run("export", "--db", str(db), "--format", "brat", "--out", str(tmp_path / "brat"))
    ann_path = next((tmp_path / "brat").glob("*.ann"))
    before = ann_path.read_text(encoding="utf-8")
    after = edit(before)
    assert after != before
    ann_path.write_text(after, encoding="utf-8")
    _run("import", "brat", str(tmp_path / "brat"), "--db", str(db))
    with Store(db) as s:
        assert [c.kind for c in list_corrections(s)] == [kind]
    # importing the same file again changes nothing more
    _run("import", "brat", str(tmp_path / "brat"), "--db", str(db))
    with Store(db) as s:
        assert len(list_corrections(s)) == 1


@pytest.mark.parametrize("ann,where", [
    ("T1\tPERSON x y\tЛитвинов\n", "line 1"),
    ("E1\tCAMEO_04\n", "line 1"),
])
def test_brat_malformed_line_is_coded(ann: str, where: str) -> None:
    from litopys.errors import CorrectionError

    with pytest.raises(CorrectionError) as err:
        parse_ann(ann, "x.ann")
    assert err.value.code == "E093" and where in str(err.value)


def test_brat_unknown_document_is_refused(tmp_path: Path) -> None:
    db = write_db(tmp_path / "d.db", [diplomacy_chronicle()])
    (tmp_path / "brat").mkdir()
    (tmp_path / "brat" / "x-0000000000000000.ann").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "brat", str(tmp_path / "brat"), "--db", str(db)])
    assert result.exit_code == 1 and "E094" in result.output and "Traceback" not in result.output


def test_brat_round_trip_survives_refresh(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip("../shared/samples/seed.txt is not available")
    db, brat, gold = str(tmp_path / "s.db"), tmp_path / "brat", tmp_path / "gold"
    _run("extract", str(SEED), "--db", db, "-q")
    _run("export", "--db", db, "--format", "brat", "--out", str(brat))
    ann_path = next(brat.glob("*.ann"))
    ann = ann_path.read_text(encoding="utf-8")
    parsed = parse_ann(ann)
    # the first event, and an entity that takes part in no event
    e_key, (head, _) = next(iter(parsed.events.items()))
    trig = head.split(":", 1)[1]
    _, t_start, t_end = parsed.spans[trig]
    used = {tid for _, args in parsed.events.values() for _, tid in args}
    notes = {t: n for t, n in parsed.notes.items() if t.startswith("T")}
    ent_ids = {re.search(r"\[(.+)\]$", n).group(1) for n in notes.values() if "[" in n}
    used_ids = {re.search(r"\[(.+)\]$", notes[t]).group(1) for t in used if t in notes}
    victim = sorted(ent_ids - used_ids)[0]
    victim_t = {t for t, n in notes.items() if n.endswith(f"[{victim}]")}
    edited = _drop(ann, lambda line: not line.startswith(f"{e_key}\t")
                   and line.split("\t")[0] not in victim_t
                   and not (line.startswith("#") and line.split("\t")[1].split()[1] in victim_t))
    ann_path.write_text(edited, encoding="utf-8")
    _run("import", "brat", str(brat), "--db", db)

    def check_gold() -> dict:
        _run("export", "--format", "gold", "--db", db, "--out", str(gold))
        data = json.loads(next(gold.glob("*.gold.json")).read_text(encoding="utf-8"))
        assert victim not in {e["id"] for e in data["entities"]}
        with Store(db, read_only=True) as s:
            ch = s.chronicle(next(iter(s.documents()))["id"])
        assert (t_start, t_end) not in {(ev.start, ev.end) for ev in ch.events}
        assert len(data["events"]) == len(ch.events) == len(parsed.events) - 1
        return data

    first = check_gold()
    result = CliRunner().invoke(main, ["extract", str(SEED), "--db", db, "-q", "--refresh"])
    assert result.exit_code == 0, result.output
    assert "no longer be placed" not in result.output
    assert check_gold() == first
    out = _run("eval", str(gold), "--json")
    scores = json.loads(out)
    assert scores["events"]["relaxed"]["f1"] > 0
