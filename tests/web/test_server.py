"""One real uvicorn server on 127.0.0.1 (a subprocess on a free port) over the store the
pipeline made from the seed text, hit with httpx."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    """RETURNS (int): a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, edit: bool = False) -> subprocess.Popen[bytes]:
    """Run ``litopys.web.app.serve`` (with ``--edit`` if asked) in a subprocess and wait
    until it answers."""
    code = f"from litopys.web.app import serve; serve({str(db)!r}, port={port}, edit={edit})"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "server died")
        try:
            httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=1)
            return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start in 30 s")


@pytest.fixture(scope="module")
def server(seed_db: Path) -> Iterator[str]:
    """The base URL of a live server over the seed store."""
    port = free_port()
    proc = start_server(seed_db, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_server_serves_pages_and_twins(server: str) -> None:
    with httpx.Client(base_url=server, timeout=30) as c:
        docs = c.get("/index.json").json()["documents"]
        assert len(docs) == 1
        for path in ("/", "/timeline", "/network", "/search", "/dyad?a=ussr&b=chn",
                     f"/documents/{docs[0]['id']}", "/actors/ussr", "/actors/litvinov"):
            r = c.get(path)
            assert r.status_code == 200, path
            assert "script-src 'self'" in r.headers["content-security-policy"]
        data = c.get("/timeline.json?actor=ussr").json()
        assert data["items"] and all(
            "ussr" in {p["id"] for p in i["source"] + i["target"]} for i in data["items"])
        # the October 1935 meeting of Bogomolov and Chiang Kai-shek, dated as a month
        october = [i for i in c.get("/timeline.json").json()["items"] if i["date"] == "1935-10"]
        assert len(october) == 1 and october[0]["type"] == "range"
        assert october[0]["start"] == "1935-10-01" and october[0]["end"] == "1935-11-01"
        assert {"bogomolov", "chiang_kai_shek"} <= {
            p["id"] for p in october[0]["source"] + october[0]["target"]}
        litvinov = c.get("/timeline.json", params={"actor": "Литвинов"}).json()["items"]
        assert litvinov and all("litvinov" in {p["id"] for p in i["source"] + i["target"]}
                                for i in litvinov)
        dyad = c.get("/dyad.json?a=ussr&b=chn").json()
        assert len(dyad["series"]) >= 5 and len(dyad["events"]) >= 5
        assert c.get("/dyad.json?a=ussr&b=nowhere").status_code == 404


def test_server_binds_loopback_only(server: str) -> None:
    assert server.startswith("http://127.0.0.1:")
    port = int(server.rsplit(":", 1)[1])
    with socket.socket() as s:
        s.settimeout(1)
        host = socket.gethostbyname(socket.gethostname())
        if host.startswith("127."):
            pytest.skip("no non-loopback address on this machine")
        assert s.connect_ex((host, port)) != 0


def test_server_rejects_traversal_on_the_wire(server: str) -> None:
    # raw paths: httpx would normalise "..", so send them as the client typed them
    for raw in ("/static/../app.py", "/static/..%2fapp.py", "/vendor/..%2f..%2fpackage.json",
                "/static/%2e%2e/%2e%2e/store/db.py"):
        with socket.create_connection(("127.0.0.1", int(server.rsplit(":", 1)[1])), 5) as s:
            s.sendall(f"GET {raw} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            head = s.recv(200).decode("latin-1")
        assert head.split()[1] in ("400", "404"), (raw, head)


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60,000 events in 120 documents: an actor filter takes a second or so on it."""
    from .chronicles import bulk_chronicles, write_db

    return write_db(tmp_path_factory.mktemp("big") / "big.db",
                    bulk_chronicles(60_000, per_doc=500))


def test_server_slow_query_does_not_hold_up_a_fast_one(big_db: Path) -> None:
    """Queries run off the event loop: a fast query (one month of the timeline),
    sent while a slow one (a name filter over 60,000 events) is being answered,
    takes well under the slow one's own time. On the event loop it waited for the
    slow handler to finish."""
    import asyncio

    port = free_port()
    proc = start_server(big_db, port)
    # a name filter: SQLite calls casefold() on every mention, a small answer
    slow_url = "/timeline.json?limit=50&actor=держава 01"
    fast_url = "/timeline.json?date_from=1950-01-01&date_to=1950-01-31"

    async def timed(c: httpx.AsyncClient, url: str, delay: float = 0.0) -> float:
        await asyncio.sleep(delay)
        t0 = time.perf_counter()
        r = await c.get(url)
        assert r.status_code == 200, url
        return time.perf_counter() - t0

    async def measure() -> tuple[float, float, float]:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=300) as c:
            await timed(c, fast_url)  # warm up
            alone = min([await timed(c, slow_url) for _ in range(2)])
            fast_alone = await timed(c, fast_url)
            _, fast = await asyncio.gather(timed(c, slow_url), timed(c, fast_url, 0.1))
            return alone, fast_alone, fast

    try:
        alone, fast_alone, fast = asyncio.run(measure())
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert fast_alone < alone / 4, "the store is too small to tell"
    assert fast < alone / 2, (fast, alone)


def test_server_damaged_store_gives_a_coded_error_page(tmp_path: Path) -> None:
    from .chronicles import bulk_chronicles, write_db

    db = write_db(tmp_path / "damaged.db", bulk_chronicles(3000, per_doc=100))
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    size = db.stat().st_size
    with open(db, "r+b") as f:
        for offset in range(size // 2 // page * page, size, page):  # data, not schema
            f.seek(offset)
            f.write(b"\x5a" * page)
    port = free_port()
    proc = start_server(db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            for path in ("/index.json", "/timeline.json", "/search.json"):
                r = c.get(path)
                assert r.status_code == 503, (path, r.status_code)
                assert r.json()["error"].startswith("E025"), r.text
            r = c.get("/")
            assert r.status_code == 503 and "E025" in r.text and "litopys check" in r.text
            assert "Traceback" not in r.text
    finally:
        proc.terminate()
        proc.wait(timeout=10)
