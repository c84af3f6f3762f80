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
