"""The export registry (litopys/export/__init__.py, registry.py): formats, errors, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from litopys.cli import main
from litopys.errors import LitopysError
from litopys.export import EXPORT_FORMATS, EXPORTERS, export, export_bytes, export_string
from litopys.export.registry import get_exporter, register
from litopys.store import queries as q
from litopys.store.db import Store


def test_export_formats_listed() -> None:
    assert set(EXPORT_FORMATS) == {"jsonl", "csv", "gexf", "graphml", "timelinejs",
                                   "palladio", "brat", "gold"}


def test_export_unknown_format(store, tmp_path: Path) -> None:
    with pytest.raises(LitopysError, match="E050"):
        export(store, "xlsx", tmp_path / "x")
    with pytest.raises(LitopysError, match="E051.*--out DIRECTORY"):
        export(store, "brat", None)


@pytest.mark.parametrize("fmt,where", [
    ("gexf", "missing/x.gexf"),  # no such folder
    ("jsonl", "."),  # a directory where a file is wanted
    ("csv", "a-file"),  # a file where a directory is wanted
])
def test_export_unwritable_out_is_one_coded_line(chronicle_db: Path, tmp_path: Path, fmt: str,
                                                where: str) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    with Store(chronicle_db, read_only=True) as s, pytest.raises(LitopysError, match="^E052 ") as err:
        export(s, fmt, tmp_path / where)
    assert "\n" not in str(err.value)
    out = CliRunner().invoke(main, ["export", "--db", str(chronicle_db), "--format", fmt,
                                    "--out", str(tmp_path / where)])
    assert out.exit_code == 1 and "E052" in out.output and "Traceback" not in out.output


def test_export_registry_entries() -> None:
    assert tuple(EXPORTERS) == EXPORT_FORMATS
    for name, e in EXPORTERS.items():
        assert e.name == name and e.description and "/" in e.media_type
        assert bool(e.extension) != e.directory  # a file has a suffix, a directory none
    assert {e.name for e in EXPORTERS.values() if e.directory} == {"csv", "brat", "gold"}
    with pytest.raises(LitopysError, match="E050.*jsonl.*palladio") as err:
        get_exporter("csv", one_file=True)
    assert "brat" not in str(err.value)


def test_export_registry_new_format_reaches_export(store, tmp_path: Path) -> None:
    @register("ids", extension="txt", media_type="text/plain", description="event ids")
    def write_ids(s: Store, f) -> int:
        ids = [ev["id"] for ev in q.all_events(s)]
        f.write("\n".join(ids) + "\n")
        return len(ids)

    try:
        assert export(store, "ids", tmp_path / "ids.txt") == 7
        assert len((tmp_path / "ids.txt").read_text(encoding="utf-8").split()) == 7
        content, media_type, name = export_bytes(store, "ids")
        assert (media_type, name) == ("text/plain", "litopys.txt") and content.count(b"\n") == 7
    finally:
        del EXPORTERS["ids"]


def test_export_cli_format_choices(chronicle_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    help_text = runner.invoke(main, ["export", "--help"]).output
    assert "[" + "|".join(EXPORT_FORMATS) + "]" in help_text.replace("\n", "").replace(" ", "")
    bad = runner.invoke(main, ["export", "--db", str(chronicle_db), "--format", "xlsx"])
    assert bad.exit_code == 2 and "xlsx" in bad.output and "Traceback" not in bad.output
    ok = runner.invoke(main, ["export", "--db", str(chronicle_db), "--format", "palladio",
                              "--out", str(tmp_path / "p.csv")])
    assert ok.exit_code == 0, ok.output
    with Store(chronicle_db, read_only=True) as s:
        assert (tmp_path / "p.csv").read_bytes().decode() == export_string(s, "palladio")
