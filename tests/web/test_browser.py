"""Runs the Node browser tests (tests/web/browser.test.mjs) against live servers.

One server is over the store the pipeline made from the seed text (timeline, the
October 1935 event, actor filter, network, dyad USSR–China, reader); the other over
the hand-built store with script payloads (escaping).

Skipped, with the reason, when /usr/bin/chromium, node or node_modules is missing.
Screenshots go to the test's tmp folder (printed on failure) and, when
``LITOPYS_SHOTS`` is set, there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .test_server import free_port, start_server

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHROMIUM = Path(os.environ.get("LITOPYS_CHROMIUM", "/usr/bin/chromium"))


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} missing: apt-get install chromium"
    if shutil.which("node") is None:
        return "node missing: install Node.js 20"
    if not (ROOT / "node_modules" / "playwright-core").is_dir():
        return "node_modules missing: run `npm ci` in the checkout"
    return None


@pytest.mark.skipif(_missing() is not None, reason=_missing() or "")
def test_browser_pages(seed_db: Path, web_db: Path, doc_ids: dict[str, str],
                       tmp_path: Path) -> None:
    shots = Path(os.environ.get("LITOPYS_SHOTS") or tmp_path / "shots")
    port, fixture_port = free_port(), free_port()
    procs = [start_server(seed_db, port), start_server(web_db, fixture_port)]
    try:
        env = {**os.environ, "LITOPYS_BASE_URL": f"http://127.0.0.1:{port}",
               "LITOPYS_FIXTURE_URL": f"http://127.0.0.1:{fixture_port}",
               "LITOPYS_DOCS": json.dumps(doc_ids), "LITOPYS_SHOTS": str(shots),
               "LITOPYS_CHROMIUM": str(CHROMIUM)}
        run = subprocess.run(
            ["node", "--test", "--test-reporter=tap", str(HERE / "browser.test.mjs")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=10)
    assert run.returncode == 0, f"screenshots in {shots}\n{run.stdout}\n{run.stderr}"
    assert "# fail 0" in run.stdout and "# skipped 0" in run.stdout, run.stdout
    names = {p.stem for p in shots.glob("*.png")}
    assert {"timeline", "timeline-evidence", "reader-marked", "network", "dyad",
            "payload-reader", "timeline-litvinov", "actor", "reader"} <= names


@pytest.mark.skipif(_missing() is not None, reason=_missing() or "")
def test_browser_corrections(seed_db: Path, tmp_path: Path) -> None:
    """Correct an event's date and source in the reader (serve --edit), reload, run
    ``extract --refresh``: the correction is still there and marked; cross-origin writes
    and writes without --edit are refused."""
    import sys

    from .conftest import SEED

    db = tmp_path / "edit.db"
    shutil.copy(seed_db, db)
    shots = Path(os.environ.get("LITOPYS_SHOTS") or tmp_path / "shots")
    edit_port, plain_port = free_port(), free_port()
    procs = [start_server(db, edit_port, edit=True), start_server(db, plain_port)]
    env = {**os.environ, "LITOPYS_EDIT_URL": f"http://127.0.0.1:{edit_port}",
           "LITOPYS_NOEDIT_URL": f"http://127.0.0.1:{plain_port}",
           "LITOPYS_EDIT_STATE": str(tmp_path / "state.json"),
           "LITOPYS_SHOTS": str(shots), "LITOPYS_CHROMIUM": str(CHROMIUM)}

    def node(phase: str) -> None:
        run = subprocess.run(
            ["node", "--test", "--test-reporter=tap", str(HERE / "browser_edit.test.mjs")],
            cwd=ROOT, env={**env, "LITOPYS_EDIT_PHASE": phase}, capture_output=True,
            text=True, timeout=300,
        )
        assert run.returncode == 0, f"{phase}: screenshots in {shots}\n{run.stdout}\n{run.stderr}"
        assert "# fail 0" in run.stdout and "# skipped 0" in run.stdout, run.stdout

    try:
        node("edit")
        refresh = subprocess.run(
            [sys.executable, "-m", "litopys", "extract", str(SEED), "--db", str(db), "-q",
             "--refresh"], cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert refresh.returncode == 0, refresh.stderr
        assert "no longer be placed" not in refresh.stderr
        node("verify")
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=10)
    assert {"reader-corrected", "corrections"} <= {p.stem for p in shots.glob("*.png")}
