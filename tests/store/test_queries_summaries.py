"""Store queries behind the readable-at-a-glance pages: the index's document summaries
and each actor's polity in the network payload."""

from __future__ import annotations

from pathlib import Path

import pytest

from litopys.store import queries as q
from litopys.store.db import Store
from tests.web.chronicles import diplomacy_chronicle, payload_chronicle, write_db


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(write_db(tmp_path / "v.db", [diplomacy_chronicle(), payload_chronicle()]),
                 read_only=True)


def test_views_document_summaries(store: Store) -> None:
    by_id = {d["id"]: d for d in q.document_summaries(store)}
    d = by_id[diplomacy_chronicle().document.id]
    assert d["title"] == "12 грудня 1932 р. СРСР і Китай відновили дипломатичні відносини."
    assert (d["date_min"], d["date_max"]) == ("1930-01-01", "1939-12-31")
    assert (d["events"], d["entities"], d["timexes"]) == (6, 7, 5)
    payload = by_id[payload_chronicle().document.id]
    assert payload["title"].startswith("Заголовок <script>")  # escaped by the template


@pytest.mark.parametrize("entity,polity", [
    ("person:богомолов", "Q15180"), ("person:чан кайши", "Q13426199"), ("Q15180", None),
])
def test_views_network_nodes_carry_polity(store: Store, entity: str,
                                          polity: str | None) -> None:
    nodes = {n["id"]: n for n in q.network(store, q.EventFilter())["nodes"]}
    aff = nodes[entity]["affiliation"]
    assert (aff["id"] if aff else None) == polity
    if aff:
        assert aff["name"] and aff["type"] == "GPE"


def test_views_index_lists_summaries(tmp_path: Path) -> None:
    from litopys.web.app import create_app
    from tests.web.test_edit import _call

    db = write_db(tmp_path / "i.db", [diplomacy_chronicle(), payload_chronicle()])
    app = create_app(str(db))
    page = _call(app, "GET", "/").text
    assert "12 грудня 1932 р. СРСР і Китай відновили дипломатичні відносини." in page
    assert "1930–1939 · 6 подій · 7 акторів" in page  # Ukrainian by default
    assert "1930–1939 · 6 events · 7 actors" in _call(app, "GET", "/?lang=en").text
    assert "<script>alert(1)</script>" not in page
