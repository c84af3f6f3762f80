"""Fixtures for the export tests: real SQLite stores.

``chronicle_db`` holds the hand-built chronicles of the web tests (exact data:
escaping payloads, offsets); ``seed_db`` the pipeline's chronicle of
``../shared/samples/seed.txt``, written in-process with the session pipeline;
``dev_db`` every dev text (for the ``--slow`` corpus checks).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DEV
from web.chronicles import XSS_SCRIPT, diplomacy_chronicle, payload_chronicle, write_db

from litopys.pipeline.ingest import read_path
from litopys.store.db import Store

__all__ = ["XSS_SCRIPT", "check_graph"]


@pytest.fixture(scope="session")
def chronicle_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the diplomacy chronicle and the script-payload document."""
    return write_db(tmp_path_factory.mktemp("export") / "litopys.db",
                    [diplomacy_chronicle(), payload_chronicle()])


@pytest.fixture()
def store(chronicle_db: Path):
    """``chronicle_db`` opened read-only."""
    with Store(chronicle_db, read_only=True) as s:
        yield s


@pytest.fixture(scope="session")
def doc_ids() -> dict[str, str]:
    """Ids of the hand-built documents by short name."""
    return {"diplomacy": diplomacy_chronicle().document.id,
            "payload": payload_chronicle().document.id}


@pytest.fixture(scope="session")
def dev_db(pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of every dev text (``../shared/eval/dev``) through the pipeline (slow tests)."""
    texts = sorted(DEV.glob("*.txt"))
    if not texts:
        pytest.skip(f"no dev texts in {DEV}")
    path = tmp_path_factory.mktemp("dev") / "dev.db"
    with Store(path) as s:
        for text in texts:
            s.write_one(pipeline(read_path(text)))
    return path


@pytest.fixture(scope="session")
def seed_db(seed_chronicle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the pipeline's chronicle of the seed text."""
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    with Store(path) as s:
        s.write_one(seed_chronicle)
    return path


def check_graph(nodes: dict[str, str], edges: list[tuple[str, str]]) -> None:
    assert nodes["Q15180"] == "СРСР"
    assert ("Q15180", "Q13426199") in edges
    assert all(s in nodes and t in nodes for s, t in edges)
