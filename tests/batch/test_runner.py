"""Batch runs (process pool, Dask, SIGKILL + resume) give the serial run's chronicles."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch.corpus import write_corpus
from click.testing import CliRunner

from litopys.cli import main
from litopys.store.db import Store

ROOT = Path(__file__).resolve().parents[2]


def _chronicles(db: Path) -> dict[str, dict]:
    store = Store(db)
    try:
        out = {}
        for d in store.documents():
            ch = store.chronicle(d["id"]).to_dict()
            ch["document"].pop("path", None)
            out[d["id"]] = ch
        return out
    finally:
        store.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("corpus")
    write_corpus(directory)
    return directory


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    db = tmp_path_factory.mktemp("serial") / "serial.db"
    result = CliRunner().invoke(main, ["extract", str(corpus), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    chronicles = _chronicles(db)
    assert len(chronicles) == 6
    return chronicles


def test_runner_pool_equals_serial(corpus: Path, serial: dict[str, dict], tmp_path: Path) -> None:
    from litopys.batch.parquet import from_tables, parts, read_part
    from litopys.batch.runner import run

    db = tmp_path / "pool.db"
    out = tmp_path / "pq"
    stats = run([str(corpus)], db=str(db), workers=2, quiet=True, out_parquet=str(out))
    assert stats.exit_code == 0 and stats.stored == 6 and stats.tokens > 0
    assert _chronicles(db) == serial
    # the Parquet parts hold the same chronicles
    from_parquet = {}
    for part in parts(out):
        for ch in from_tables(read_part(part)):
            d = ch.to_dict()
            d["document"].pop("path", None)
            from_parquet[ch.document.id] = d
    assert from_parquet.keys() == serial.keys()
    store = Store(db)
    for doc_id in serial:
        assert from_parquet[doc_id]["events"] == serial[doc_id]["events"]
        assert from_parquet[doc_id]["timexes"] == serial[doc_id]["timexes"]
    store.close()
    # a re-run stores nothing new
    again = run([str(corpus)], db=str(db), workers=2, quiet=True, out_parquet=str(out))
    assert (again.stored, again.skipped) == (0, 6)


def test_runner_bad_inputs_logged_and_skipped(tmp_path: Path) -> None:
    from litopys.batch.runner import run

    write_corpus(tmp_path / "c")
    (tmp_path / "c" / "binary.txt").write_bytes(b"\x00\x01\x02\x00")
    (tmp_path / "c" / "empty.txt").write_text("", encoding="utf-8")
    stats = run([str(tmp_path / "c")], db=str(tmp_path / "x.db"), workers=2, quiet=True)
    assert stats.stored == 6 and stats.failed == 2 and stats.exit_code == 1
    assert any("E002" in f for f in stats.failures) and any("E003" in f for f in stats.failures)


def test_runner_dask_cluster_equals_serial(corpus: Path, serial: dict[str, dict],
                                           tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    from litopys.batch.runner import run

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        db = tmp_path / "dask.db"
        stats = run([str(corpus)], db=str(db), dask_address=cluster.scheduler_address,
                    quiet=True, out_parquet=str(tmp_path / "pq"), partition_size=2)
        assert stats.exit_code == 0 and stats.stored == 6
        assert len(stats.peak_rss) >= 1
    assert _chronicles(db) == serial
    assert len(list((tmp_path / "pq").glob("part-*/events.parquet"))) == 3


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")
def test_runner_sigkill_then_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    paths = write_corpus(corpus, copies=5)
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "litopys", "extract", str(corpus), "--workers", "2",
           "--db", str(db), "-q"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while _count(db) < 3 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    import psutil

    children = [c.pid for c in psutil.Process(proc.pid).children(recursive=True)] \
        if proc.poll() is None else []
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_at_kill = _count(db)
    assert 0 < stored_at_kill < len(paths), "the run should be killed halfway"
    # the workers notice their parent is gone and exit
    deadline = time.time() + 10
    while any(_alive(pid) for pid in children) and time.time() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in children)
    rerun = subprocess.run(cmd[:-1], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{stored_at_kill} already stored" in rerun.stderr
    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM documents")]
    conn.close()
    assert len(ids) == len(set(ids)) == len(paths)
    check = subprocess.run([sys.executable, "-m", "litopys", "check", "--db", str(db)],
                           cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_runner_unreachable_dask_is_coded(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from litopys.batch.runner import run

    write_corpus(tmp_path / "c")
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    stats = run([str(tmp_path / "c")], db=str(tmp_path / "x.db"),
                dask_address=f"tcp://127.0.0.1:{port}", quiet=True, dask_timeout=2)
    assert stats.exit_code == 1 and stats.stored == 0
    assert stats.fatal is not None and stats.fatal.startswith("E027"), stats.fatal
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "c"), "--db",
                                    str(tmp_path / "y.db"), "--dask", "tcp://127.0.0.1:1"])
    assert res.exit_code == 1 and "E027" in res.output and "Traceback" not in res.output


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")
@pytest.mark.parametrize("mode", [["--workers", "1"], ["--workers", "2"], ["--dask", "local"]])
def test_runner_ctrl_c_is_clean(tmp_path: Path, mode: list[str]) -> None:
    """Ctrl-C mid-run: one line saying what was stored, exit 130, no traceback; a rerun
    finishes the job."""
    corpus = tmp_path / "corpus"
    paths = write_corpus(corpus, copies=6)
    db = tmp_path / "int.db"
    if "--dask" in mode:
        pytest.importorskip("dask.distributed")
    cmd = [sys.executable, "-m", "litopys", "extract", str(corpus), *mode, "--db", str(db), "-q"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.time() + 120
    while _count(db) < 2 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # the terminal sends it to the whole group
    _, err = proc.communicate(timeout=60)
    stored = _count(db)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "InvalidStateError" not in err, err
    assert f"interrupted, {stored} documents stored" in err and "rerun" in err, err
    assert 0 < stored < len(paths)
    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert _count(db) == len(paths)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")
def test_runner_one_megabyte_text_bounded_memory(tmp_path: Path) -> None:
    """A 1 MB text with --workers 2: no process of the run above 450 MiB (issue 12.2)."""
    import psutil

    dev = sorted((ROOT.parent / "shared" / "eval" / "dev").glob("*.txt"))
    if not dev:
        pytest.skip("../shared/eval/dev is not available")
    parts, size, k = [], 0, 0
    while size < 1_000_000:
        parts.append(dev[k % len(dev)].read_text(encoding="utf-8"))
        size += len(parts[-1].encode("utf-8"))
        k += 1
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(parts), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "litopys", "extract", str(big), "--workers",
                             "2", "--db", str(tmp_path / "big.db"), "-q"], cwd=ROOT)
    peak: dict[int, int] = {}
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            family = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in family:
            try:
                peak[p.pid] = max(peak.get(p.pid, 0), p.memory_info().rss)
            except psutil.Error:
                pass
        time.sleep(0.2)
    assert proc.returncode == 0
    assert _count(tmp_path / "big.db") == 1
    assert max(peak.values()) < 450 * 2**20, {pid: rss // 2**20 for pid, rss in peak.items()}


def test_runner_two_extracts_into_one_store(tmp_path: Path) -> None:
    """Two `extract` runs at once into one store both finish and store everything."""
    a = write_corpus(tmp_path / "a", copies=2)
    b = write_corpus(tmp_path / "b", copies=3)
    db = tmp_path / "shared.db"
    procs = [subprocess.Popen([sys.executable, "-m", "litopys", "extract", str(d), "--db",
                               str(db), "-q", "--workers", w], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True)
             for d, w in ((tmp_path / "a", "1"), (tmp_path / "b", "2"))]
    errs = [p.communicate(timeout=600)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert _count(db) == len({p.read_text(encoding="utf-8") for p in a + b})
    check = subprocess.run([sys.executable, "-m", "litopys", "check", "--db", str(db)],
                           cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
