"""GraphML: the actor network for networkx, Cytoscape desktop, yEd.

DOCS: docs/WEB.md
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, TextIO

from litopys.export.graph import graph_rows, write_xml
from litopys.export.registry import register
from litopys.store.db import Store

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"

KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("d0", "node", "name", "string"), ("d1", "node", "type", "string"),
    ("d2", "node", "events", "int"), ("d3", "edge", "weight", "int"),
    ("d4", "edge", "goldstein", "double"), ("d5", "edge", "cameo", "string"),
    ("d6", "edge", "first", "string"), ("d7", "edge", "last", "string"),
)
"""The declared data keys: (id, domain, name, type)."""


@register("graphml", extension="graphml", media_type="application/graphml+xml",
          description="the actor network for networkx, Cytoscape desktop, yEd")
def write_graphml(store: Store, f: TextIO) -> int:
    """Write the actor network as GraphML. RETURNS (int): edges written."""
    nodes, edges = graph_rows(store)
    ET.register_namespace("", GRAPHML_NS)
    g = f"{{{GRAPHML_NS}}}"
    root = ET.Element(f"{g}graphml")
    for kid, domain, name, typ in KEYS:
        ET.SubElement(root, f"{g}key", {"id": kid, "for": domain, "attr.name": name,
                                        "attr.type": typ})
    graph = ET.SubElement(root, f"{g}graph", id="actors", edgedefault="directed")

    def data(parent: ET.Element, key: str, value: Any) -> None:
        if value is not None:
            ET.SubElement(parent, f"{g}data", key=key).text = str(value)

    for n in nodes:
        node = ET.SubElement(graph, f"{g}node", id=n["id"])
        data(node, "d0", n["name"])
        data(node, "d1", n["type"])
        data(node, "d2", n["events"])
    for i, e in enumerate(edges):
        edge = ET.SubElement(graph, f"{g}edge", id=f"e{i}", source=e["source"],
                             target=e["target"])
        data(edge, "d3", e["count"])
        data(edge, "d4", e["goldstein"])
        data(edge, "d5", e["cameo"])
        data(edge, "d6", e["first"])
        data(edge, "d7", e["last"])
    write_xml(root, f)
    return len(edges)
