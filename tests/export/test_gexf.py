"""The GEXF export (litopys/export/gexf.py): a schema-free XML parse with structural checks, and networkx."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from litopys.export import export
from litopys.store import queries as q
from litopys.store.db import Store

from .conftest import check_graph

GEXF = "{http://www.gexf.net/1.2draft}"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_gexf(path: Path) -> ET.Element:
    """Parse a GEXF file (no schema) and check its structure.

    Nodes and edges have unique ids, edges join declared nodes, every attvalue
    names a declared attribute of its class, and the graph is dynamic with
    ``start <= end`` ISO days on every dated edge.
    RETURNS (Element): the root.
    """
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.2"
    graphs = root.findall(f"{GEXF}graph")
    assert len(graphs) == 1
    graph = graphs[0]
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    declared = {cls: {a.get("id") for a in graph.iterfind(
        f"{GEXF}attributes[@class='{cls}']/{GEXF}attribute")} for cls in ("node", "edge")}
    nodes = graph.findall(f"{GEXF}nodes/{GEXF}node")
    node_ids = [n.get("id") for n in nodes]
    assert len(node_ids) == len(set(node_ids)) and all(node_ids)
    edges = graph.findall(f"{GEXF}edges/{GEXF}edge")
    assert len({e.get("id") for e in edges}) == len(edges)
    for kind, elements in (("node", nodes), ("edge", edges)):
        for el in elements:
            for av in el.iterfind(f"{GEXF}attvalues/{GEXF}attvalue"):
                assert av.get("for") in declared[kind], ET.tostring(av)
    for e in edges:
        assert e.get("source") in node_ids and e.get("target") in node_ids
        assert e.get("source") != e.get("target")
        assert int(e.get("weight")) >= 1
        start, end = e.get("start"), e.get("end")
        assert (start is None) == (end is None), ET.tostring(e)
        if start:
            assert _ISO_DAY.match(start) and _ISO_DAY.match(end) and start <= end
    return root


def test_export_gexf(store, tmp_path: Path) -> None:
    export(store, "gexf", tmp_path / "a.gexf")
    root = check_gexf(tmp_path / "a.gexf")
    nodes = {n.get("id"): n.get("label") for n in root.iter(f"{GEXF}node")}
    edges = {(e.get("source"), e.get("target")): e for e in root.iter(f"{GEXF}edge")}
    check_graph(nodes, list(edges))
    ussr_china = edges["Q15180", "Q13426199"]
    assert (ussr_china.get("start"), ussr_china.get("end")) == ("1932-12-12", "1937-06-30")
    nx = pytest.importorskip("networkx")
    g = nx.read_gexf(tmp_path / "a.gexf")
    assert g.has_edge("Q15180", "Q13426199")
    assert g.edges["Q15180", "Q13426199"]["weight"] == 3


def check_gexf_intervals(db: Path, tmp_path: Path) -> int:
    """Export a store as GEXF, check its structure and that each dated edge spans
    exactly the days its dated events cover. RETURNS (int): edges."""
    with Store(db, read_only=True) as s:
        n = export(s, "gexf", tmp_path / "a.gexf")
        events = list(q.all_events(s))
    root = check_gexf(tmp_path / "a.gexf")
    edges = list(root.iter(f"{GEXF}edge"))
    assert n == len(edges)
    for e in edges:
        on_edge = [ev for ev in events if ev["date_begin"]
                   and any(p["id"] == e.get("source") for p in ev["source"])
                   and any(p["id"] == e.get("target") for p in ev["target"])]
        if not on_edge:
            assert e.get("start") is None
            continue
        assert e.get("start") == min(ev["date_begin"] for ev in on_edge)
        assert e.get("end") == max(ev["date_end"] or ev["date_begin"] for ev in on_edge)
    return n


def test_export_gexf_seed_structure(seed_db: Path, tmp_path: Path) -> None:
    assert check_gexf_intervals(seed_db, tmp_path) > 10


@pytest.mark.slow  # the whole dev corpus; the seed test above is the fast check
def test_export_gexf_dev_corpus_structure(dev_db: Path, tmp_path: Path) -> None:
    assert check_gexf_intervals(dev_db, tmp_path) > 50
