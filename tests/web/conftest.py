"""Fixtures for the web tests: real SQLite files.

``seed_db`` is made by the pipeline (``litopys extract``) from the shared seed text;
the browser and live-server tests run on it. ``web_db`` is hand-built with
``Store.write_one`` for the tests that need exact data (escaping payloads, offsets).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from .chronicles import diplomacy_chronicle, payload_chronicle, write_db

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "samples" / "seed.txt"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store made by the pipeline from ``../shared/samples/seed.txt``."""
    if not SEED.is_file():
        pytest.skip(f"seed text missing: {SEED} (the shared samples folder next to the repo)")
    path = tmp_path_factory.mktemp("seed") / "seed.db"
    run = subprocess.run(
        [sys.executable, "-m", "litopys", "extract", str(SEED), "--db", str(path), "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0 and path.is_file(), run.stderr
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the diplomacy chronicle and the script-payload document."""
    path = tmp_path_factory.mktemp("web") / "litopys.db"
    return write_db(path, [diplomacy_chronicle(), payload_chronicle()])


@pytest.fixture(scope="session")
def doc_ids() -> dict[str, str]:
    """Ids of the fixture documents by short name."""
    return {"diplomacy": diplomacy_chronicle().document.id,
            "payload": payload_chronicle().document.id}


class ASGIClient:
    """A synchronous in-process client: httpx over ASGITransport, no server.

    app (ASGIApp): the app to call.
    """

    def __init__(self, app: object) -> None:
        self.app = app

    def get(self, url: str, **kwargs: object) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)  # type: ignore[arg-type]
            async with httpx.AsyncClient(transport=transport,
                                         base_url="http://testserver") as c:
                return await c.get(url, **kwargs)  # type: ignore[arg-type]

        return asyncio.run(go())


@pytest.fixture(scope="session")
def client(web_db: Path) -> ASGIClient:
    """An in-process client for the app over ``web_db``."""
    from litopys.web.app import create_app

    return ASGIClient(create_app(str(web_db)))
