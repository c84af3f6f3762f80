"""Fixtures for the web tests: real SQLite files written by ``Store.write_one``."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from .chronicles import diplomacy_chronicle, payload_chronicle, write_db


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
