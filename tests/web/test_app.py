"""The web app in process: every route and its JSON twin, escaping, headers, limits."""

from __future__ import annotations

import re

import pytest

from .chronicles import XSS_IMG, XSS_SCRIPT

PAGES = ["/", "/search", "/timeline", "/network", "/dyad"]


def _doc_pages(doc_ids: dict[str, str]) -> list[str]:
    return [f"/documents/{d}" for d in doc_ids.values()]


@pytest.mark.parametrize("path", PAGES + ["/actors/Q15180", "/dyad?a=Q15180&b=Q13426199"])
def test_app_page_renders_html(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "<!DOCTYPE html>" in r.text


@pytest.mark.parametrize("path", [
    "/index.json", "/search.json", "/timeline.json", "/network.json",
    "/actors/Q15180.json", "/dyad.json?a=Q15180&b=Q13426199",
])
def test_app_json_twin(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert isinstance(r.json(), dict)


def test_app_pages_advertise_json_twin(client) -> None:
    for path in ("/timeline", "/network", "/search?mode=negated"):
        r = client.get(path)
        m = re.search(r'data-json="([^"]*)"', r.text)
        assert m, path
        twin = m.group(1).replace("&amp;", "&")
        assert client.get(twin).status_code == 200


def test_app_document_reader_and_twin(client, doc_ids) -> None:
    doc = doc_ids["diplomacy"]
    r = client.get(f"/documents/{doc}")
    assert r.status_code == 200
    # the event of October 1935 has an anchor inside its evidence sentence
    assert 'id="event-e3"' in r.text
    sent = re.search(r'<span class="sent" id="sent-\d+" data-events="e3">(.*?)</span>',
                     r.text, re.S)
    assert sent and "зустрівся" in sent.group(1)
    assert 'class="timex"' in r.text and "1935-10" in r.text
    data = client.get(f"/documents/{doc}.json").json()
    text = data["document"]["text"]
    for ent in data["entities"]:
        for start, end in ent["spans"]:
            assert text[start:end] in ent["mentions"]
    for ev in data["events"]:
        assert text[ev["start"]:ev["end"]] == ev["trigger"]


def test_app_reader_text_round_trips(client, doc_ids) -> None:
    """Stripping the marks from the reader gives the document text back."""
    import html as htmlmod

    doc = doc_ids["diplomacy"]
    r = client.get(f"/documents/{doc}")
    body = re.search(r'<article id="text" class="reader">(.*?)</article>', r.text, re.S)
    plain = htmlmod.unescape(re.sub(r"<[^>]+>", "", body.group(1)))
    assert plain == client.get(f"/documents/{doc}.json").json()["document"]["text"]


def test_app_timeline_items(client, doc_ids) -> None:
    data = client.get(f"/timeline.json?document={doc_ids['diplomacy']}").json()
    items = {i["local_id"]: i for i in data["items"]}
    assert items["e1"]["type"] == "point" and items["e1"]["end"] is None
    # imprecise dates are ranges over the days they cover (end exclusive)
    assert items["e3"]["type"] == "range"
    assert (items["e3"]["start"], items["e3"]["end"]) == ("1935-10-01", "1935-11-01")
    assert items["e2"]["date"] == "1934-SU" and items["e2"]["end"] == "1934-09-01"
    assert "mode-hypothetical" in items["e5"]["className"]
    assert "gs-m" in items["e6"]["className"] and "gs-p" in items["e1"]["className"]
    assert data["undated"] == 1  # the negated pact has no date
    assert {g["id"] for g in data["groups"]} >= {i["group"] for i in data["items"]}


@pytest.mark.parametrize("group", ["actor", "dyad", "mode", "document"])
def test_app_timeline_group_by(client, group: str) -> None:
    data = client.get(f"/timeline.json?group={group}").json()
    assert data["group_by"] == group
    assert {g["id"] for g in data["groups"]} == {i["group"] for i in data["items"]}


@pytest.mark.parametrize("query,expected", [
    ("actor=Богомолов", {"e3"}),
    ("actor=Q17", {"e6"}),
    ("cameo=04", {"e2", "e3"}),
    ("mode=negated", {"e4"}),
    ("mode=hypothetical", {"e5"}),
    ("date_from=1935&date_to=1935", {"e3", "e6"}),
    ("date_from=1937-06-15", {"e5", "e6"}),
    ("q=пакт", {"e4", "e5"}),
])
def test_app_search_filters(client, doc_ids, query: str, expected: set[str]) -> None:
    doc = doc_ids["diplomacy"]
    data = client.get(f"/search.json?document={doc}&{query}").json()
    assert {e["local_id"] for e in data["events"]} == expected
    assert data["count"] == len(expected)


def test_app_network(client) -> None:
    data = client.get("/network.json").json()
    ids = {n["id"] for n in data["nodes"]}
    assert {"Q15180", "Q13426199", "Q17"} <= ids
    edge = next(e for e in data["edges"] if (e["source"], e["target"]) == ("Q15180", "Q13426199"))
    # a negated or hypothetical event is not an interaction that happened
    assert (edge["count"], edge["negated"], edge["hypothetical"]) == (1, 1, 1)
    assert edge["goldstein"] == pytest.approx(7.0, abs=0.01)  # asserted events only
    only = client.get("/network.json?cameo=13").json()
    assert {(e["source"], e["target"]) for e in only["edges"]} == {("Q17", "Q13426199")}


def test_app_actor_page(client) -> None:
    data = client.get("/actors/person:богомолов.json").json()
    ent = data["entity"]
    assert ent["name"] == "Богомолов" and ent["roles"] == ["повпред"]
    assert ent["affiliations"] == [{"id": "Q15180", "name": "СРСР"}]
    assert [e["local_id"] for e in data["events"]] == ["e3"]
    ussr = client.get("/actors/Q15180.json").json()
    dates = [e["date_begin"] for e in ussr["events"] if e["date_begin"]]
    assert dates == sorted(dates)
    assert {m["id"] for m in ussr["entity"]["members"]} == {"person:богомолов"}
    html = client.get("/actors/Q15180").text
    assert "Радянський Союз" in html and "Q15180" in html


def test_app_dyad_includes_affiliated_people(client) -> None:
    data = client.get("/dyad.json?a=Q15180&b=Q13426199").json()
    got = {e["local_id"]: e["direction"] for e in data["events"]}
    assert got["e3"] == "a→b"  # Bogomolov (USSR) meets Chiang Kai-shek (China)
    assert "e6" not in got  # Japan–China is another dyad
    assert all(p["goldstein"] is not None for p in data["series"])
    rev = client.get("/dyad.json?a=Q13426199&b=Q15180").json()
    assert {e["direction"] for e in rev["events"]} == {"b→a"}


@pytest.mark.parametrize("path", [
    "/documents/nope", "/documents/nope.json", "/actors/nope", "/actors/nope.json",
    "/dyad.json?a=Q15180&b=nope", "/dyad.json",
])
def test_app_not_found(client, path: str) -> None:
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("query", [
    "limit=0", "limit=5001", "limit=999999999", "limit=abc", "mode=maybe",
    "date_from=1935-1", "date_to=yesterday", "cameo=04;drop", "actor=" + "x" * 201,
    "group=weird",
])
def test_app_bad_params_rejected(client, query: str) -> None:
    r = client.get(f"/timeline.json?{query}")
    assert r.status_code == 400
    assert "error" in r.json()


def test_app_limit_bounds_result(client) -> None:
    data = client.get("/search.json?limit=2").json()
    assert len(data["events"]) == 2 and data["truncated"] is True
    assert client.get("/search.json?limit=5000").status_code == 200


@pytest.mark.parametrize("path", PAGES + ["/timeline.json", "/static/litopys.css",
                                          "/documents/nope"])
def test_app_security_headers(client, path: str) -> None:
    r = client.get(path)
    csp = dict(d.strip().split(" ", 1) for d in r.headers["content-security-policy"].split(";"))
    assert csp["script-src"] == "'self'"
    assert csp["default-src"] == "'none'" and csp["object-src"] == "'none'"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_app_no_inline_scripts(client, doc_ids) -> None:
    for path in PAGES + _doc_pages(doc_ids) + ["/dyad?a=Q15180&b=Q13426199"]:
        html = client.get(path).text
        for tag in re.findall(r"<script[^>]*>", html):
            assert re.match(r'<script src="/(static|vendor)/[^"]+"></script>|<script src',
                            tag), (path, tag)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        handlers = _event_handler_attributes(html)
        assert not handlers, (path, handlers)


def _event_handler_attributes(html: str) -> list[str]:
    """Every on* attribute and javascript: URL in the markup (parsed, not grepped)."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if name.startswith("on") or (value or "").strip().lower().startswith(
                        "javascript:"):
                    found.append(f"{tag} {name}={value}")
            if tag in ("img", "iframe", "object", "embed"):
                found.append(tag)

    Parser().feed(html)
    return found


@pytest.mark.parametrize("path", [
    "/", "/search", "/timeline", "/network", "/actors/evil:script",
    "/search?q=%3Cscript%3E", f"/search?actor={XSS_IMG}",
])
def test_app_escapes_payloads(client, doc_ids, path: str) -> None:
    pages = [path, f"/documents/{doc_ids['payload']}", f"/actors/evil:{XSS_IMG}"]
    for p in pages:
        r = client.get(p)
        assert r.status_code == 200, p
        assert XSS_SCRIPT not in r.text, p
        assert "<img" not in r.text, p
        assert not _event_handler_attributes(r.text), p


def test_app_payload_document_is_shown_escaped(client, doc_ids) -> None:
    r = client.get(f"/documents/{doc_ids['payload']}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in r.text
    data = client.get(f"/documents/{doc_ids['payload']}.json").json()
    assert XSS_SCRIPT in data["document"]["text"]  # JSON keeps the text as data


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/..%2fapp.py", "/static/..%2F..%2Fstore%2Fdb.py",
    "/static/%2e%2e/app.py", "/static/%252e%252e%252fapp.py", "/static/templates/base.html",
    "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/litopys.css%00.js",
    "/vendor/../package.json", "/vendor/..%2f..%2fpackage.json", "/vendor/%2e%2e%2fpackage.json",
    "/vendor/cytoscape/package.json", "/vendor/cytoscape/dist/../package.json",
    "/vendor/cytoscape%2fdist%2f..%2fpackage.json", "/vendor//etc/passwd",
    "/vendor/playwright-core/index.js", "/vendor/vis-timeline/standalone/umd/index.js",
])
def test_app_no_path_traversal(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (404, 400), path
    assert "import" not in r.text and "root:" not in r.text


def test_app_static_and_vendor_allow_list(client) -> None:
    r = client.get("/static/timeline.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    app = client.app.state.litopys
    if not app.vendor_ok:
        pytest.skip("node_modules missing: run `npm ci`")
    for name in ("vis-timeline/standalone/umd/vis-timeline-graph2d.min.js",
                 "cytoscape/dist/cytoscape.min.js", "chart.js/dist/chart.umd.min.js",
                 "vis-timeline/styles/vis-timeline-graph2d.min.css"):
        assert client.get(f"/vendor/{name}").status_code == 200, name


def test_app_store_opened_read_only(client) -> None:
    import sqlite3

    store = client.app.state.litopys.store
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM events")


@pytest.fixture(scope="module")
def long_doc(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, str, str]:
    """A client over one document of about 150,000 characters, its id and text."""
    from litopys.web.app import create_app

    from .chronicles import bulk_chronicles, write_db
    from .conftest import ASGIClient

    ch = next(bulk_chronicles(3000, per_doc=3000))
    db = write_db(tmp_path_factory.mktemp("long") / "long.db", [ch])
    return ASGIClient(create_app(str(db))), ch.document.id, ch.document.text


def test_app_reader_pages_a_long_document(long_doc) -> None:
    import html as htmlmod

    from litopys.web.app import PAGE_CHARS

    client, doc, text = long_doc
    first = client.get(f"/documents/{doc}.json").json()
    pages = first["page"]["pages"]
    assert pages == len(text) // PAGE_CHARS + 1 and first["page"]["prev"] is None
    pieces, triggers, events = [], 0, set()
    for n in range(1, pages + 1):
        data = client.get(f"/documents/{doc}.json?page={n}").json()
        page, part = data["page"], data["document"]["text"]
        assert len(part) <= PAGE_CHARS and part == text[page["start"]:page["end"]]
        assert (page["next"] is None) == (n == pages)
        pieces.append(part)
        for ev in data["events"]:  # offsets are into the page's text
            assert part[ev["start"]:ev["end"]] == ev["trigger"]
            events.add(ev["id"])
        for ent in data["entities"]:
            for s, e in ent["spans"]:
                assert part[s:e] in ent["mentions"]
        r = client.get(f"/documents/{doc}?page={n}")
        assert r.status_code == 200 and len(r.text) < 20 * PAGE_CHARS  # dense: 3 marks a line
        assert f'data-json="/documents/{doc}.json?page={n}"' in r.text
        assert f"page {n} of {pages}" in r.text
        body = re.search(r'<article id="text" class="reader">(.*?)</article>', r.text, re.S)
        assert htmlmod.unescape(re.sub(r"<[^>]+>", "", body.group(1))) == part
        triggers += r.text.count('class="trigger')
    assert "".join(pieces) == text and len(events) == 3000
    assert client.get(f"/documents/{doc}?page={pages + 1}").status_code == 404
    assert client.get(f"/documents/{doc}.json?page=x").status_code == 400
    # a link to an event opens the page that shows it
    r = client.get(f"/documents/{doc}?event=e2999")
    assert f"page {pages} of {pages}" in r.text and 'id="event-e2999"' in r.text


def test_app_short_document_is_one_page(client, doc_ids) -> None:
    data = client.get(f"/documents/{doc_ids['diplomacy']}.json").json()
    assert data["page"]["pages"] == 1 and data["page"]["start"] == 0
    assert "page 1 of" not in client.get(f"/documents/{doc_ids['diplomacy']}").text


def test_app_actor_page_lists_names_by_language(client) -> None:
    """The actor page lists the name each document showed, with its language, and the
    dictionary's names in other languages (issue 16: one entity across languages)."""
    data = client.get("/actors/Q15180.json").json()
    names = data["entity"]["names"]
    assert names[0] == {"name": "СРСР", "languages": ["uk"], "documents": names[0]["documents"]}
    assert {"name": "СССР", "languages": [], "documents": names[0]["documents"]} in names
    html = client.get("/actors/Q15180").text
    assert "Назви" in html and "СССР" in html and "словник" in html
