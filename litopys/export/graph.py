"""What the graph formats (GEXF, GraphML) share: the actor network of every
event, as rows, and the XML writer.

The network itself comes from :func:`litopys.store.queries.actor_network`, the
builder the web network view uses too.

DOCS: docs/WEB.md
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, TextIO

from litopys.store import queries as q
from litopys.store.db import Store


def graph_rows(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The actor network of every event (no limit), as exported.

    Unlike the web view, an edge's ``count`` and mean ``goldstein`` cover every
    event on it, whatever its mode.
    RETURNS (tuple[list[dict], list[dict]]): nodes (id, name, type, events) and
        edges (source, target, count, goldstein to three decimals, cameo: the
        codes seen joined by spaces, first / last: the days any dated event covers).
    """
    net = q.actor_network(q.all_events(store))
    edges = [
        {"source": e.source, "target": e.target, "count": e.events,
         "goldstein": round(e.total / e.events, 3), "cameo": " ".join(sorted(e.cameo)),
         "first": e.first, "last": e.last}
        for e in net.edges.values()
    ]
    return list(net.nodes.values()), edges


def write_xml(root: ET.Element, f: TextIO) -> None:
    """Write an XML tree, indented, with its declaration."""
    ET.indent(root)
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    f.write(ET.tostring(root, encoding="unicode"))
    f.write("\n")
