"""Write routes of ``serve --edit`` over a real SQLite file, in process (httpx over ASGI):
absent without --edit, refused cross-origin or without the CSRF token, and every
accepted correction visible (and marked) in the JSON twins, listed and undoable."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from litopys.store.corrections import KINDS
from litopys.web.app import create_app

from .chronicles import diplomacy_chronicle, write_db

BASE = "http://127.0.0.1:8000"


def _call(app: Any, method: str, url: str, **kw: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as c:
            return await c.request(method, url, **kw)

    return asyncio.run(go())


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return write_db(tmp_path / "edit.db", [diplomacy_chronicle()])


@pytest.fixture()
def doc_id() -> str:
    return diplomacy_chronicle().document.id


def _token(app: Any) -> str:
    page = _call(app, "GET", "/").text
    m = re.search(r'<meta name="csrf-token" content="([^"]+)">', page)
    assert m, "the edit page must carry the CSRF token"
    return m.group(1)


def _post(app: Any, url: str, body: dict[str, Any], token: str | None,
          origin: str | None = BASE) -> httpx.Response:
    headers = {"content-type": "application/json"}
    if token is not None:
        headers["x-csrf-token"] = token
    if origin is not None:
        headers["origin"] = origin
    return _call(app, "POST", url, json=body, headers=headers)


@pytest.mark.parametrize("kind", KINDS)
def test_edit_no_write_route_without_flag(db: Path, doc_id: str, kind: str) -> None:
    app = create_app(str(db))
    r = _post(app, f"/edit/documents/{doc_id}/{kind}", {"event": "e1", "mode": "negated"},
              token="x")
    assert r.status_code in (404, 405)
    assert 'name="csrf-token"' not in _call(app, "GET", "/").text
    assert _post(app, "/edit/corrections/1/undo", {}, token="x").status_code in (404, 405)
    assert _call(app, "GET", "/corrections.json").json()["count"] == 0


@pytest.mark.parametrize("origin,token_ok,status", [
    ("http://evil.example", True, 403),
    ("http://127.0.0.1:8000.evil.example", True, 403),
    ("http://127.0.0.1:8001", True, 403),
    ("null", True, 403),
    (None, True, 403),
    (BASE, False, 403),
    (BASE, True, 200),
])
def test_edit_same_origin_and_csrf(db: Path, doc_id: str, origin: str | None, token_ok: bool,
                                   status: int) -> None:
    app = create_app(str(db), edit=True)
    token = _token(app) if token_ok else "forged"
    r = _post(app, f"/edit/documents/{doc_id}/event_update", {"event": "e1", "mode": "negated"},
              token=token, origin=origin)
    assert r.status_code == status, r.text
    modes = {e["local_id"]: e["mode"] for e in
             _call(app, "GET", f"/documents/{doc_id}.json").json()["events"]}
    assert modes["e1"] == ("negated" if status == 200 else "asserted")


def test_edit_referer_counts_when_origin_missing(db: Path, doc_id: str) -> None:
    app = create_app(str(db), edit=True)
    r = _call(app, "POST", f"/edit/documents/{doc_id}/event_delete", json={"event": "e6"},
              headers={"x-csrf-token": _token(app), "referer": f"{BASE}/documents/{doc_id}"})
    assert r.status_code == 200, r.text


def test_edit_correction_shown_listed_and_undone(db: Path, doc_id: str) -> None:
    app = create_app(str(db), edit=True)
    token = _token(app)
    r = _post(app, f"/edit/documents/{doc_id}/event_update",
              {"event": "e3", "date": "1935-11", "source": ["Q15180"]}, token)
    assert r.status_code == 200, r.text
    cid = r.json()["correction"]["id"]
    timeline = _call(app, "GET", f"/timeline.json?document={doc_id}").json()
    item = next(i for i in timeline["items"] if i["local_id"] == "e3")
    assert item["corrected"] and item["date_source"] == "human" and item["confidence"] == 1.0
    assert item["start"] == "1935-11-01" and "corrected" in item["className"]
    human = _call(app, "GET", "/timeline.json?date_source=human").json()
    assert [i["local_id"] for i in human["items"]] == ["e3"]
    listed = _call(app, "GET", "/corrections.json").json()["corrections"]
    assert [c["id"] for c in listed] == [cid] and listed[0]["replaced"]["date"] == "1935-10"
    page = _call(app, "GET", "/corrections").text
    assert f'data-id="{cid}"' in page and "зустрівся" in page
    r = _post(app, f"/edit/corrections/{cid}/undo", {}, token)
    assert r.status_code == 200 and r.json()["correction"]["undone_at"]
    ev = next(e for e in _call(app, "GET", f"/documents/{doc_id}.json").json()["events"]
              if e["local_id"] == "e3")
    assert ev["date"] == "1935-10" and not ev["corrected"]


@pytest.mark.parametrize("kind,body,status", [
    ("event_update", {"event": "e3", "date": "в жовтні"}, 400),
    ("event_update", {"event": "e99", "mode": "negated"}, 404),
    ("event_update", {"event": "e3", "source": ["nobody"]}, 400),
    ("entity_merge", {"entity": "Q649", "into": "Q649"}, 400),
    ("entity_delete", {"entity": "nobody"}, 404),
    ("event_add", {"start": 5, "end": 2, "cameo": "04"}, 400),
    ("nonsense", {}, 404),
])
def test_edit_bad_corrections_refused(db: Path, doc_id: str, kind: str, body: dict[str, Any],
                                      status: int) -> None:
    app = create_app(str(db), edit=True)
    r = _post(app, f"/edit/documents/{doc_id}/{kind}", body, _token(app))
    assert r.status_code == status, r.text
    assert "Traceback" not in r.text
    assert _call(app, "GET", "/corrections.json").json()["count"] == 0


def test_edit_entity_merge_link_and_add(db: Path, doc_id: str) -> None:
    app = create_app(str(db), edit=True)
    token = _token(app)
    text = diplomacy_chronicle().document.text
    url = f"/edit/documents/{doc_id}"
    assert _post(app, f"{url}/entity_merge", {"entity": "person:чан кайши",
                                              "into": "person:богомолов"}, token).status_code == 200
    start = text.index("Москви")
    assert _post(app, f"{url}/mention_link", {"start": start, "end": start + 6,
                                              "entity": "Q15180"}, token).status_code == 200
    start = text.index("не підписав")
    r = _post(app, f"{url}/event_add", {"start": start, "end": start + 11, "cameo": "057",
                                        "source": ["Q15180"], "target": ["Q13426199"],
                                        "mode": "negated"}, token)
    assert r.status_code == 200
    payload = _call(app, "GET", f"/documents/{doc_id}.json").json()
    ids = {e["id"] for e in payload["entities"]}
    assert "person:чан кайши" not in ids and "Q649" not in ids
    assert payload["document"]["text"] == text


@pytest.mark.parametrize("url,lang,words,absent", [
    ("/timeline", None, ["Хронологія", "Групувати за", 'lang="uk"', "English"], ["Group by"]),
    ("/timeline?lang=en", "en", ["Timeline", "Group by", 'lang="en"', "Українська"], ["Хронологія"]),
    ("/search", None, ["Консультації", "Кого / з ким", "сталося"], ["Consult", "asserted<"]),
    ("/search?lang=en", "en", ["Consult", "Target", "asserted"], ["Консультації"]),
    ("/corrections?lang=uk", "uk", ["Виправлення", "новіші першими"], ["newest first"]),
])
def test_edit_interface_language(db: Path, url: str, lang: str | None, words: list[str],
                                 absent: list[str]) -> None:
    app = create_app(str(db))
    r = _call(app, "GET", url)
    assert r.status_code == 200
    for w in words:
        assert w in r.text, w
    for w in absent:
        assert w not in r.text, w
    cookie = r.headers.get("set-cookie", "")
    assert (f"litopys_lang={lang}" in cookie) if lang else not cookie
    if lang == "en":  # the cookie keeps the choice on the next page
        again = _call(app, "GET", "/network", headers={"cookie": "litopys_lang=en"}).text
        assert "Actor network" in again


def test_edit_timeline_item_trust_fields(db: Path, doc_id: str) -> None:
    """Every timeline.json item carries date_source and confidence (and the marks)."""
    app = create_app(str(db))
    items = _call(app, "GET", "/timeline.json").json()["items"]
    assert items
    for it in items:
        assert {"date_source", "confidence", "provenance", "corrected", "date_display",
                "cameo_root_label"} <= set(it)
    e3 = next(i for i in items if i["local_id"] == "e3")
    assert e3["cameo_root_label"] == "Консультації"
    en = _call(app, "GET", "/timeline.json?lang=en").json()["items"]
    assert next(i for i in en if i["local_id"] == "e3")["cameo_root_label"] == "Consult"


@pytest.mark.parametrize("host,ok", [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("[::1]:8000", True),
    ("192.168.1.5:8000", True), ("evil.example:8000", False), ("127.0.0.1.nip.io", False),
    (None, False), ("", False),
])
def test_edit_trusted_host(host: str | None, ok: bool) -> None:
    from litopys.web.edit import trusted_host

    assert trusted_host(host) is ok


def test_edit_dns_rebinding_refused(db: Path, doc_id: str) -> None:
    """A page on a domain resolving to this machine has a matching Origin; still refused."""
    app = create_app(str(db), edit=True)
    token = _token(app)

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://evil.example") as c:
            return await c.post(f"/edit/documents/{doc_id}/event_delete", json={"event": "e1"},
                                headers={"origin": "http://evil.example", "x-csrf-token": token})

    r = asyncio.run(go())
    assert r.status_code == 403 and "127.0.0.1" in r.text
