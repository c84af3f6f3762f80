"""GEXF 1.2: the actor network for Gephi, with time.

The graph is dynamic (``mode="dynamic"``, ``timeformat="date"``): an edge with
dated events carries ``start`` (the first day they cover) and ``end`` (the
last), so Gephi's timeline shows it only over that period; an edge with no
dated event has neither and is shown at every time.

DOCS: docs/WEB.md
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from litopys.export.graph import graph_rows, write_xml
from litopys.export.registry import register
from litopys.store.db import Store

GEXF_NS = "http://www.gexf.net/1.2draft"

EDGE_FIELDS: tuple[tuple[str, str], ...] = (
    ("goldstein", "double"), ("cameo", "string"), ("first", "string"), ("last", "string"),
)
"""Edge attributes (title, GEXF type), numbered in this order."""


@register("gexf", extension="gexf", media_type="application/gexf+xml",
          description="the actor network for Gephi")
def write_gexf(store: Store, f: TextIO) -> int:
    """Write the actor network as GEXF 1.2 (Gephi). RETURNS (int): edges written."""
    nodes, edges = graph_rows(store)
    g = f"{{{GEXF_NS}}}"
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{g}gexf", version="1.2")
    meta = ET.SubElement(root, f"{g}meta")
    ET.SubElement(meta, f"{g}creator").text = "litopys"
    ET.SubElement(meta, f"{g}description").text = (
        "Actor network: edges are events from source to target; weight = number of events")
    graph = ET.SubElement(root, f"{g}graph", defaultedgetype="directed", mode="dynamic",
                          timeformat="date")
    nattrs = ET.SubElement(graph, f"{g}attributes", {"class": "node"})
    for i, (name, typ) in enumerate((("type", "string"), ("events", "integer"))):
        ET.SubElement(nattrs, f"{g}attribute", id=str(i), title=name, type=typ)
    eattrs = ET.SubElement(graph, f"{g}attributes", {"class": "edge"})
    for i, (name, typ) in enumerate(EDGE_FIELDS):
        ET.SubElement(eattrs, f"{g}attribute", id=str(i), title=name, type=typ)
    nodes_el = ET.SubElement(graph, f"{g}nodes")
    for n in nodes:
        node = ET.SubElement(nodes_el, f"{g}node", id=n["id"], label=n["name"])
        av = ET.SubElement(node, f"{g}attvalues")
        ET.SubElement(av, f"{g}attvalue", {"for": "0", "value": n["type"]})
        ET.SubElement(av, f"{g}attvalue", {"for": "1", "value": str(n["events"])})
    edges_el = ET.SubElement(graph, f"{g}edges")
    for i, e in enumerate(edges):
        interval = {"start": e["first"], "end": e["last"]} if e["first"] else {}
        edge = ET.SubElement(edges_el, f"{g}edge", id=str(i), source=e["source"],
                             target=e["target"], weight=str(e["count"]), **interval)
        av = ET.SubElement(edge, f"{g}attvalues")
        for j, (name, _) in enumerate(EDGE_FIELDS):
            if e[name] is not None:
                ET.SubElement(av, f"{g}attvalue", {"for": str(j), "value": str(e[name])})
    write_xml(root, f)
    return len(edges)
