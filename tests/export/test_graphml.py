"""The GraphML export (litopys/export/graphml.py), read back with ElementTree and networkx."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from litopys.export import export

from .conftest import check_graph


def test_export_graphml(store, tmp_path: Path) -> None:
    export(store, "graphml", tmp_path / "a.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(tmp_path / "a.graphml").getroot()
    nodes = {n.get("id"): n.find("g:data[@key='d0']", ns).text
             for n in root.iterfind(".//g:node", ns)}
    edges = [(e.get("source"), e.get("target")) for e in root.iterfind(".//g:edge", ns)]
    check_graph(nodes, edges)
    nx = pytest.importorskip("networkx")
    g = nx.read_graphml(tmp_path / "a.graphml")
    assert g.nodes["Q13426199"]["name"] == "Китай"
    assert g.edges["Q15180", "Q13426199"]["weight"] == 3
