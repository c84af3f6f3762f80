"""The shared actor-network builder (store/queries.py), used by the web network
view and the GEXF / GraphML exports."""

from __future__ import annotations

from typing import Any

import pytest

from litopys.store.queries import actor_network


def _ev(src: list[str], tgt: list[str], goldstein: float, mode: str = "asserted",
        begin: str | None = None, end: str | None = None, cameo: str = "040") -> dict[str, Any]:
    def parts(ids: list[str]) -> list[dict[str, str]]:
        return [{"id": i, "name": i.upper(), "type": "GPE"} for i in ids]

    return {"source": parts(src), "target": parts(tgt), "goldstein": goldstein, "mode": mode,
            "date_begin": begin, "date_end": end, "cameo": cameo}


EVENTS = [
    _ev(["a"], ["b"], 4.0, begin="1935-10-01", end="1935-10-31"),
    _ev(["a"], ["b"], -2.0, mode="negated", begin="1932-12-12", end="1932-12-12", cameo="120"),
    _ev(["a"], ["b", "c"], 1.0, mode="hypothetical", cameo="036"),
    _ev(["c"], ["c"], 3.0),  # a self-loop is a node, never an edge
]


def test_queries_actor_network_nodes_and_edges() -> None:
    net = actor_network(EVENTS)
    assert net.events == 4
    assert {k: v["events"] for k, v in net.nodes.items()} == {"a": 3, "b": 3, "c": 3}
    assert list(net.edges) == [("a", "b"), ("a", "c")]


@pytest.mark.parametrize("pair,events,modes,first,last,cameo", [
    (("a", "b"), 3, {"asserted": 1, "negated": 1, "hypothetical": 1}, "1932-12-12",
     "1935-10-31", {"040", "120", "036"}),
    (("a", "c"), 1, {"hypothetical": 1}, None, None, {"036"}),
])
def test_queries_actor_network_edge(pair, events, modes, first, last, cameo) -> None:
    e = actor_network(EVENTS).edges[pair]
    assert (e.events, e.modes, e.first, e.last, e.cameo) == (events, modes, first, last, cameo)


@pytest.mark.parametrize("pair,mean_all,asserted", [
    (("a", "b"), 1.0, 4.0),   # asserted events only, when there are any
    (("a", "c"), 1.0, 1.0),   # else the mean of the others
])
def test_queries_actor_network_weights(pair, mean_all: float, asserted: float) -> None:
    e = actor_network(EVENTS).edges[pair]
    assert e.total / e.events == mean_all
    assert e.asserted_goldstein() == asserted
