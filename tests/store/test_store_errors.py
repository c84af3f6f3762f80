"""Stores SQLite cannot fully use: locked, read-only, full, damaged, foreign.

Each case is reproduced for real (a second connection holding the write lock,
a WAL store whose ``-shm``/``-wal`` cannot be created, SQLite's own page
limit, overwritten pages, garbage bytes), and each must give a one-line coded
error, never a traceback. Unwritable places are paths under a regular file,
which blocks root too.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention
from litopys.cli import main
from litopys.errors import StoreError
from litopys.store.check import check_store
from litopys.store.db import Store, connect_read_only, store_error


def _chronicle(doc_id: str = "d1", size: int = 40) -> Chronicle:
    text = "СРСР і Китай відновили відносини. " * size
    doc = Document(id=doc_id, path=f"{doc_id}.txt", text=text)
    ents = [Entity(id="ussr", type="GPE", name="СРСР", mentions=[Mention(0, 4, "СРСР")]),
            Entity(id="chn", type="GPE", name="Китай", mentions=[Mention(7, 12, "Китай")])]
    events = [Event(id=f"e{i}", cameo="064", cameo_label="Share", goldstein=7.0,
                    mode="asserted", date="1932-12-12", date_source="text", source=["ussr"],
                    target=["chn"], trigger="відновили", evidence=text[:33], start=13, end=22,
                    evidence_start=0, evidence_end=33, date_begin="1932-12-12",
                    date_end="1932-12-12") for i in range(size)]
    return Chronicle(document=doc, entities=ents, events=events)


def _filled(path: Path, n: int = 3) -> Path:
    with Store(path) as store:
        for i in range(n):
            store.write_one(_chronicle(f"d{i}"))
    return path


def _read_only_place(db: Path) -> None:
    """Make SQLite unable to create the store's -wal and -shm, as in a read-only mount."""
    blocker = db.parent / "blocker"
    blocker.write_text("a regular file", encoding="utf-8")
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
        os.symlink(blocker / f"x{suffix}", f"{db}{suffix}")


def _damage(db: Path) -> None:
    """Overwrite every page but the first (the header and schema stay readable)."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    size = db.stat().st_size
    with open(db, "r+b") as f:
        for offset in range(2 * page, size, page):
            f.seek(offset)
            f.write(b"\xa5" * page)


def test_store_waits_for_a_long_write_lock(db_path: Path) -> None:
    _filled(db_path, 1)
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(6.0, lambda: holder.execute("COMMIT"))  # > SQLite's default 5 s
    release.start()
    t0 = time.perf_counter()
    try:
        with Store(db_path) as store:
            assert store.write_one(_chronicle("late"))
    finally:
        release.join()
        holder.close()
    assert time.perf_counter() - t0 >= 5.5


def test_store_read_only_place_opens_immutable(tmp_path: Path) -> None:
    db = _filled(tmp_path / "ro.db")
    _read_only_place(db)
    with pytest.raises(sqlite3.OperationalError):  # what mode=ro alone gives there
        sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("SELECT 1 FROM meta")
    with Store(db, read_only=True) as store:
        assert len(store.documents()) == 3
    conn = connect_read_only(db)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 120
    conn.close()
    assert check_store(str(db)) == []
    runner = CliRunner()
    res = runner.invoke(main, ["show", "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["show", "--db", str(db), "--corroborated"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["export", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert len(res.stdout.splitlines()) >= 3
    import asyncio

    import httpx

    from litopys.web.app import create_app

    async def serve(url: str) -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(str(db)))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            return await c.get(url)

    r = asyncio.run(serve("/index.json"))
    assert r.status_code == 200 and len(r.json()["documents"]) == 3


@pytest.mark.parametrize("args", [["extract", "{text}"], ["extract", "{text}", "--workers", "2"]])
def test_store_extract_into_read_only_store_is_coded(tmp_path: Path, args: list[str]) -> None:
    db = _filled(tmp_path / "ro.db")
    _read_only_place(db)
    text = tmp_path / "a.txt"
    text.write_text("У 1965 році СРСР запропонував переговори.", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        Store(db)
    assert err.value.code == "E023"
    res = CliRunner().invoke(main, [a.format(text=text) for a in args] + ["--db", str(db)])
    assert res.exit_code == 1
    assert "E023" in res.output and "read-only" in res.output
    assert "Traceback" not in res.output and res.exception is None or \
        isinstance(res.exception, SystemExit)


def test_store_disk_full_is_coded(db_path: Path) -> None:
    store = Store(db_path)
    store.write_one(_chronicle("d0", 2))
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count={pages + 1}")  # SQLite's own "disk is full"
    with pytest.raises(StoreError) as err:
        store.write_one(_chronicle("big", 400))
    store.close()
    assert err.value.code == "E024" and "disk is full" in str(err.value).lower()
    assert "Free some space" in str(err.value)
    with Store(db_path, read_only=True) as store:  # the failed document left nothing behind
        assert [d["id"] for d in store.documents()] == ["d0"]


@pytest.mark.parametrize("name,message,code", [
    ("SQLITE_FULL", "database or disk is full", "E024"),
    ("SQLITE_IOERR_WRITE", "disk I/O error", "E029"),
    ("SQLITE_READONLY", "attempt to write a readonly database", "E023"),
    ("SQLITE_CANTOPEN", "unable to open database file", "E023"),
    ("SQLITE_BUSY", "database is locked", "E026"),
    ("SQLITE_CORRUPT", "database disk image is malformed", "E025"),
])
def test_store_error_codes(name: str, message: str, code: str) -> None:
    err = sqlite3.OperationalError(message)
    err.sqlite_errorname = name  # type: ignore[attr-defined]
    assert store_error(err, "x.db").code == code


def test_store_garbage_file_is_not_a_database(tmp_path: Path) -> None:
    db = tmp_path / "garbage.db"
    db.write_bytes(os.urandom(8192))
    runner = CliRunner()
    for args in (["show"], ["show", "--corroborated"], ["export", "--format", "jsonl"],
                 ["extract", str(db)], ["serve"]):
        res = runner.invoke(main, [*args, "--db", str(db)])
        assert res.exit_code != 0, args
        assert "E021" in res.output, (args, res.output)
        assert "Traceback" not in res.output
        assert res.exception is None or isinstance(res.exception, SystemExit), args
    assert check_store(str(db))


def test_store_foreign_database(tmp_path: Path) -> None:
    db = tmp_path / "foreign.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    for args in (["export", "--format", "csv", "--out", str(tmp_path / "o")], ["show"]):
        res = CliRunner().invoke(main, [*args, "--db", str(db)])
        assert res.exit_code != 0 and "E021" in res.output, res.output
        assert isinstance(res.exception, SystemExit)


def test_store_damaged_pages(tmp_path: Path) -> None:
    db = _filled(tmp_path / "damaged.db", 6)
    _damage(db)
    runner = CliRunner()
    text = tmp_path / "a.txt"
    text.write_text("У 1965 році СРСР запропонував переговори.", encoding="utf-8")
    for args in (["show"], ["show", "--format", "json"], ["export", "--format", "jsonl"],
                 ["extract", str(text)]):
        res = runner.invoke(main, [*args, "--db", str(db)])
        assert res.exit_code != 0, (args, res.output)
        assert "E025" in res.output or "E021" in res.output, (args, res.output)
        assert "Traceback" not in res.output
        assert isinstance(res.exception, SystemExit), (args, res.exception)
    assert any("integrity" in p or "malformed" in p for p in check_store(str(db)))


def test_store_export_to_unwritable_out(tmp_path: Path) -> None:
    db = _filled(tmp_path / "x.db", 1)
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    for fmt, out in (("jsonl", blocker / "out.jsonl"), ("brat", blocker / "brat")):
        res = CliRunner().invoke(main, ["export", "--db", str(db), "--format", fmt,
                                        "--out", str(out)])
        assert res.exit_code != 0
        assert "E052" in res.output and "Traceback" not in res.output, res.output
        assert isinstance(res.exception, SystemExit)


def test_store_write_limit_at_start_is_coded(tmp_path: Path) -> None:
    """No room to create the store at all (a file size limit, as a full disk gives):
    a coded line naming the disk, not "not a litopys database" (E021)."""
    import resource
    import subprocess
    import sys

    text = tmp_path / "a.txt"
    text.write_text("У 1965 році СРСР запропонував переговори.", encoding="utf-8")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    run = subprocess.run([sys.executable, "-m", "litopys", "extract", str(text), "--db",
                          str(tmp_path / "x.db"), "-q"], preexec_fn=limit,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "E024" in run.stderr or "E029" in run.stderr, run.stderr
    assert "disk" in run.stderr and "E021" not in run.stderr
    assert "Traceback" not in run.stderr


def test_store_waits_while_another_process_opens_a_new_file(tmp_path: Path) -> None:
    """Switching a new file to WAL meets another opener's lock: the store waits, not fails.

    SQLite answers this ``SQLITE_BUSY`` at once, without its busy handler;
    two ``extract`` runs started together into one new store met it in CI.
    """
    db = tmp_path / "new.db"
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # the write lock on the new, empty file
    release = threading.Timer(1.0, lambda: holder.execute("COMMIT"))
    release.start()
    t0 = time.perf_counter()
    try:
        with Store(db) as store:
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert store.write_one(_chronicle("first"))
    finally:
        release.join()
        holder.close()
    assert time.perf_counter() - t0 >= 0.9
