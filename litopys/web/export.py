"""Exports of a stored chronicle to the tools historians already use.

``export(store, fmt, out)`` writes one of :data:`EXPORT_FORMATS`:

- ``jsonl``: one event a line, with its document and participants named.
- ``csv``: a directory of ``events.csv``, ``entities.csv``, ``participants.csv``,
  ``timexes.csv``, ``mentions.csv`` and ``documents.csv``.
- ``gexf`` / ``graphml``: the actor network (Gephi, networkx, Cytoscape desktop).
- ``timelinejs``: TimelineJS3 JSON; ``display_date`` keeps the wording of the text.
- ``palladio``: one CSV row per source-target pair, the columns Palladio maps.
- ``brat``: a directory of ``NAME.txt`` + ``NAME.ann`` standoff files per document
  (and an ``annotation.conf``), for correction in brat or INCEpTION.

The SQL lives in :mod:`litopys.store.queries`; this module only formats.

DOCS: docs/WEB.md
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from litopys.errors import Errors, LitopysError
from litopys.store import queries as q
from litopys.store.db import Store

EXPORT_FORMATS: tuple[str, ...] = (
    "jsonl", "csv", "gexf", "graphml", "timelinejs", "palladio", "brat",
)
"""Every format :func:`export` writes."""

DIRECTORY_FORMATS: tuple[str, ...] = ("csv", "brat")
"""Formats whose ``out`` is a directory (created if missing); the others write one file."""

CSV_TABLES: tuple[str, ...] = (
    "events", "entities", "participants", "timexes", "mentions", "documents",
)

PALLADIO_COLUMNS: tuple[str, ...] = (
    "source", "source_type", "target", "target_type", "date", "date_end", "date_text",
    "cameo", "cameo_root", "event_type", "plover", "goldstein", "mode", "trigger",
    "document", "evidence", "event_id",
)


def export(store: Store, fmt: str, out: str | Path | None = None) -> int:
    """Write the whole stored chronicle in one format.

    store (Store): an open store (read-only is enough).
    fmt (str): one of EXPORT_FORMATS.
    out (str | Path | None): file to write; a directory for csv and brat;
        None or "-" writes to stdout (not for csv and brat).
    RETURNS (int): how many records were written (events, or documents for brat).
    """
    if fmt not in EXPORT_FORMATS:
        raise LitopysError(Errors.E050, fmt=fmt, choices=", ".join(EXPORT_FORMATS))
    if fmt in DIRECTORY_FORMATS:
        if out is None or str(out) == "-":
            raise LitopysError(Errors.E051, fmt=fmt)
        directory = Path(out)
        directory.mkdir(parents=True, exist_ok=True)
        return write_csv(store, directory) if fmt == "csv" else write_brat(store, directory)
    writer = {
        "jsonl": write_jsonl, "gexf": write_gexf, "graphml": write_graphml,
        "timelinejs": write_timelinejs, "palladio": write_palladio,
    }[fmt]
    if out is None or str(out) == "-":
        return writer(store, sys.stdout)
    with open(out, "w", encoding="utf-8", newline="") as f:
        return writer(store, f)


# -- JSON Lines ------------------------------------------------------------------
def event_record(ev: dict[str, Any]) -> dict[str, Any]:
    """One event as exported: document, participants with names, dates, evidence.

    ev (dict): an event as ``store.queries.search_events`` returns it.
    RETURNS (dict): a JSON-ready record.
    """
    return {
        "id": ev["id"],
        "document": {"id": ev["document_id"], "path": ev["document_path"]},
        "cameo": ev["cameo"],
        "cameo_label": ev["cameo_label"],
        "plover": ev["plover"],
        "goldstein": ev["goldstein"],
        "mode": ev["mode"],
        "date": ev["date"],
        "date_text": ev["date_text"],
        "date_source": ev["date_source"],
        "date_begin": ev["date_begin"],
        "date_end": ev["date_end"],
        "source": ev["source"],
        "target": ev["target"],
        "trigger": ev["trigger"],
        "trigger_span": [ev["start"], ev["end"]],
        "evidence": ev["evidence"],
        "evidence_span": [ev["evidence_start"], ev["evidence_end"]],
    }


def write_jsonl(store: Store, f: TextIO) -> int:
    """Write every event as one JSON object a line. RETURNS (int): events written."""
    n = 0
    for ev in q.all_events(store):
        f.write(json.dumps(event_record(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


# -- CSV -------------------------------------------------------------------------
def write_csv(store: Store, directory: Path) -> int:
    """Write one CSV file per table into ``directory``. RETURNS (int): events written."""
    events = 0
    for table in CSV_TABLES:
        rows = q.table_rows(store, table)
        first = next(rows, None)
        columns = list(first) if first else _columns(table)
        with open(directory / f"{table}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=columns)
            w.writeheader()
            if first is not None:
                w.writerow(first)
                n = 1
                for row in rows:
                    w.writerow(row)
                    n += 1
                if table == "events":
                    events = n
    return events


def _columns(table: str) -> list[str]:
    """Column names of an export query, parsed from its SELECT list (for empty tables)."""
    select = q.EXPORT_TABLES[table].split(" FROM ")[0]
    # the last word of each top-level item: "e.id" -> id, "... AS roles" -> roles
    names = []
    depth = 0
    item = ""
    for ch in select[len("SELECT "):]:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            names.append(item)
            item = ""
        else:
            item += ch
    names.append(item)
    return [re.split(r"[\s.]", n.strip())[-1] for n in names]


# -- the actor network -----------------------------------------------------------
def _full_network(store: Store) -> dict[str, Any]:
    """The actor network of every event (no limit), with first and last dates."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    n_events = 0
    for ev in q.all_events(store):
        n_events += 1
        for p in ev["source"] + ev["target"]:
            node = nodes.setdefault(p["id"], {**p, "events": 0})
            node["events"] += 1
        for s in ev["source"]:
            for t in ev["target"]:
                if s["id"] == t["id"]:
                    continue
                e = edges.setdefault((s["id"], t["id"]), {
                    "source": s["id"], "target": t["id"], "count": 0, "total": 0.0,
                    "cameo": set(), "first": None, "last": None,
                })
                e["count"] += 1
                e["total"] += ev["goldstein"]
                e["cameo"].add(ev["cameo"])
                if ev["date_begin"]:
                    e["first"] = min(filter(None, (e["first"], ev["date_begin"])))
                    e["last"] = max(filter(None, (e["last"], ev["date_end"] or ev["date_begin"])))
    for e in edges.values():
        e["goldstein"] = round(e.pop("total") / e["count"], 3)
        e["cameo"] = " ".join(sorted(e["cameo"]))
    return {"nodes": list(nodes.values()), "edges": list(edges.values()), "events": n_events}


def _xml_out(root: ET.Element, f: TextIO) -> None:
    ET.indent(root)
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    f.write(ET.tostring(root, encoding="unicode"))
    f.write("\n")


GEXF_NS = "http://www.gexf.net/1.2draft"


def write_gexf(store: Store, f: TextIO) -> int:
    """Write the actor network as GEXF 1.2 (Gephi). RETURNS (int): edges written."""
    net = _full_network(store)
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", version="1.2")
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "litopys"
    ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = (
        "Actor network: edges are events from source to target; weight = number of events")
    graph = ET.SubElement(root, f"{{{GEXF_NS}}}graph", defaultedgetype="directed",
                          mode="static")
    nattrs = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": "node"})
    for i, (name, typ) in enumerate((("type", "string"), ("events", "integer"))):
        ET.SubElement(nattrs, f"{{{GEXF_NS}}}attribute", id=str(i), title=name, type=typ)
    eattrs = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": "edge"})
    edge_fields = (("goldstein", "double"), ("cameo", "string"), ("first", "string"),
                   ("last", "string"))
    for i, (name, typ) in enumerate(edge_fields):
        ET.SubElement(eattrs, f"{{{GEXF_NS}}}attribute", id=str(i), title=name, type=typ)
    nodes_el = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for n in net["nodes"]:
        node = ET.SubElement(nodes_el, f"{{{GEXF_NS}}}node", id=n["id"], label=n["name"])
        av = ET.SubElement(node, f"{{{GEXF_NS}}}attvalues")
        ET.SubElement(av, f"{{{GEXF_NS}}}attvalue", {"for": "0", "value": n["type"]})
        ET.SubElement(av, f"{{{GEXF_NS}}}attvalue", {"for": "1", "value": str(n["events"])})
    edges_el = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for i, e in enumerate(net["edges"]):
        edge = ET.SubElement(edges_el, f"{{{GEXF_NS}}}edge", id=str(i), source=e["source"],
                             target=e["target"], weight=str(e["count"]))
        av = ET.SubElement(edge, f"{{{GEXF_NS}}}attvalues")
        for j, (name, _) in enumerate(edge_fields):
            if e[name] is not None:
                ET.SubElement(av, f"{{{GEXF_NS}}}attvalue", {"for": str(j),
                                                            "value": str(e[name])})
    _xml_out(root, f)
    return len(net["edges"])


GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def write_graphml(store: Store, f: TextIO) -> int:
    """Write the actor network as GraphML. RETURNS (int): edges written."""
    net = _full_network(store)
    ET.register_namespace("", GRAPHML_NS)
    g = f"{{{GRAPHML_NS}}}"
    root = ET.Element(f"{g}graphml")
    keys = [
        ("d0", "node", "name", "string"), ("d1", "node", "type", "string"),
        ("d2", "node", "events", "int"), ("d3", "edge", "weight", "int"),
        ("d4", "edge", "goldstein", "double"), ("d5", "edge", "cameo", "string"),
        ("d6", "edge", "first", "string"), ("d7", "edge", "last", "string"),
    ]
    for kid, domain, name, typ in keys:
        ET.SubElement(root, f"{g}key", {"id": kid, "for": domain, "attr.name": name,
                                        "attr.type": typ})
    graph = ET.SubElement(root, f"{g}graph", id="actors", edgedefault="directed")

    def data(parent: ET.Element, key: str, value: Any) -> None:
        if value is not None:
            ET.SubElement(parent, f"{g}data", key=key).text = str(value)

    for n in net["nodes"]:
        node = ET.SubElement(graph, f"{g}node", id=n["id"])
        data(node, "d0", n["name"])
        data(node, "d1", n["type"])
        data(node, "d2", n["events"])
    for i, e in enumerate(net["edges"]):
        edge = ET.SubElement(graph, f"{g}edge", id=f"e{i}", source=e["source"],
                             target=e["target"])
        data(edge, "d3", e["count"])
        data(edge, "d4", e["goldstein"])
        data(edge, "d5", e["cameo"])
        data(edge, "d6", e["first"])
        data(edge, "d7", e["last"])
    _xml_out(root, f)
    return len(net["edges"])


# -- TimelineJS ------------------------------------------------------------------
def _tl_date(iso: str, precision_of: str | None, display: str | None) -> dict[str, str]:
    """A TimelineJS date object; only as precise as the TIMEX3 value."""
    year, month, day = iso.split("-")
    out = {"year": str(int(year))}
    value = precision_of or ""
    if re.match(r"^\d{4}-\d{2}", value):
        out["month"] = str(int(month))
        if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            out["day"] = str(int(day))
    elif not value:
        out["month"], out["day"] = str(int(month)), str(int(day))
    if display:
        out["display_date"] = display
    return out


def timelinejs_event(ev: dict[str, Any]) -> dict[str, Any] | None:
    """One TimelineJS3 slide for an event, or None when it is undated.

    TimelineJS renders headline, text, group and display_date as HTML, so
    every text is escaped.
    RETURNS (dict | None): start_date, end_date (for imprecise dates),
        display_date (the wording of the text), text, group, unique_id.
    """
    if not ev["date_begin"]:
        return None
    names = ", ".join(p["name"] for p in ev["source"]) or "—"
    targets = ", ".join(p["name"] for p in ev["target"]) or "—"
    display = html.escape(ev["date_text"] or ev["date"], quote=False)
    slide: dict[str, Any] = {
        "unique_id": re.sub(r"[^A-Za-z0-9_-]", "-", ev["id"]),
        "start_date": _tl_date(ev["date_begin"], ev["date"], display),
        "display_date": display,
        "text": {
            "headline": html.escape(f"{names} — {ev['trigger']} — {targets}"),
            "text": (
                f"<p>{html.escape(ev['evidence'])}</p>"
                f"<p><small>CAMEO {html.escape(ev['cameo'])} {html.escape(ev['cameo_label'])}"
                f" · {html.escape(ev['mode'])} · Goldstein {ev['goldstein']:+g}"
                f" · {html.escape(ev['date'] or '')}"
                f" · {html.escape(ev['document_path'] or ev['document_id'])}</small></p>"
            ),
        },
        "group": html.escape(ev["cameo_label"] if ev["mode"] == "asserted" else ev["mode"]),
    }
    if ev["date_end"] and ev["date_end"] != ev["date_begin"]:
        slide["end_date"] = _tl_date(ev["date_end"], ev["date"], None)
        slide["start_date"].pop("display_date", None)
    return slide


def write_timelinejs(store: Store, f: TextIO) -> int:
    """Write a TimelineJS3 JSON file of every dated event. RETURNS (int): slides written."""
    events = [s for s in (timelinejs_event(ev) for ev in q.all_events(store)) if s]
    overview = q.overview(store)
    doc = {
        "title": {"text": {
            "headline": "litopys chronicle",
            "text": html.escape(f"{overview['events']} events from "
                                f"{overview['documents']} documents"),
        }},
        "events": events,
    }
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
    return len(events)


# -- Palladio --------------------------------------------------------------------
def palladio_rows(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per (source, target) pair of each event, with Palladio-friendly dates.

    Dates are YYYY-MM-DD (the first day covered); ``date_end`` the last.
    RETURNS (Iterator[dict]): rows with PALLADIO_COLUMNS.
    """
    for ev in events:
        sources = ev["source"] or [{"name": "", "type": ""}]
        targets = ev["target"] or [{"name": "", "type": ""}]
        for s in sources:
            for t in targets:
                yield {
                    "source": s["name"], "source_type": s["type"],
                    "target": t["name"], "target_type": t["type"],
                    "date": ev["date_begin"] or "", "date_end": ev["date_end"] or "",
                    "date_text": ev["date_text"] or ev["date"] or "",
                    "cameo": ev["cameo"], "cameo_root": ev["cameo"][:2],
                    "event_type": ev["cameo_label"], "plover": ev["plover"] or "",
                    "goldstein": ev["goldstein"], "mode": ev["mode"],
                    "trigger": ev["trigger"],
                    "document": ev["document_path"] or ev["document_id"],
                    "evidence": ev["evidence"], "event_id": ev["id"],
                }


def write_palladio(store: Store, f: TextIO) -> int:
    """Write the Palladio CSV. RETURNS (int): rows written."""
    w = csv.DictWriter(f, fieldnames=list(PALLADIO_COLUMNS))
    w.writeheader()
    n = 0
    for row in palladio_rows(q.all_events(store)):
        w.writerow(row)
        n += 1
    return n


# -- brat standoff ---------------------------------------------------------------
BRAT_CONF = """[entities]
PERSON
GPE
ORG
LOC
DOC
MISC
TIMEX

[relations]

[events]
{events}

[attributes]
Mode Arg:<EVENT>, Value:asserted|negated|hypothetical
"""


def _fragments(text: str, start: int, end: int) -> str:
    """brat offsets for a span, split at line breaks (brat spans cannot cross them)."""
    parts: list[str] = []
    pos = start
    for piece in re.split(r"(\n)", text[start:end]):
        if piece == "\n" or not piece:
            pos += len(piece)
            continue
        parts.append(f"{pos} {pos + len(piece)}")
        pos += len(piece)
    return ";".join(parts)


def _brat_text(text: str, start: int, end: int) -> str:
    return " ".join(p for p in text[start:end].split("\n") if p)


def brat_type(label: str) -> str:
    """A brat-safe type name (letters, digits, underscore, hyphen)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", label).strip("_") or "X"


def brat_name(doc: dict[str, Any]) -> str:
    """A file stem for a document: its path's stem (made safe) and id."""
    stem = Path(doc["path"]).stem if doc.get("path") else ""
    stem = re.sub(r"[^\w.-]+", "_", stem).strip("._")[:60]
    return f"{stem}-{doc['id']}" if stem else doc["id"]


def brat_annotations(store: Store, doc_id: str) -> tuple[str, str]:
    """The brat ``.txt`` and ``.ann`` of one document.

    T lines for entity mentions (type PERSON, GPE, ...), time expressions
    (TIMEX, value in an AnnotatorNotes line) and event triggers (type
    ``CAMEO_<root>``); E lines with Source/Target arguments (the participant's
    mention nearest the trigger); A lines for the mode; # notes for the
    entity ids, normalised times and CAMEO codes.
    RETURNS (tuple[str, str]): text, annotations.
    """
    ch = store.chronicle(doc_id)
    assert ch is not None
    text = ch.document.text
    lines: list[str] = []
    t_n = 0
    notes = 0

    def t_line(kind: str, start: int, end: int) -> str | None:
        nonlocal t_n
        if not (0 <= start < end <= len(text)) or not text[start:end].strip("\n"):
            return None
        t_n += 1
        lines.append(f"T{t_n}\t{kind} {_fragments(text, start, end)}\t"
                     f"{_brat_text(text, start, end)}")
        return f"T{t_n}"

    def note(target: str, value: str) -> None:
        nonlocal notes
        notes += 1
        clean = value.replace("\n", " ").replace("\t", " ")
        lines.append(f"#{notes}\tAnnotatorNotes {target}\t{clean}")

    mention_ids: dict[str, list[tuple[int, str]]] = {}
    for ent in ch.entities:
        for m in ent.mentions:
            tid = t_line(brat_type(ent.type), m.start, m.end)
            if tid:
                mention_ids.setdefault(ent.id, []).append((m.start, tid))
                note(tid, f"{ent.name} [{ent.id}]")
    for t in ch.timexes:
        tid = t_line("TIMEX", t.start, t.end)
        if tid:
            note(tid, f"{t.value or '?'} ({t.begin or '?'}/{t.end_date or '?'})")
    e_n = a_n = 0
    for ev in ch.events:
        kind = f"CAMEO_{brat_type(ev.cameo[:2])}"
        trig = t_line(kind, ev.start, ev.end)
        if trig is None:
            continue
        args = [f"{kind}:{trig}"]
        for role, ids in (("Source", ev.source), ("Target", ev.target)):
            for i, eid in enumerate(ids):
                cands = mention_ids.get(eid)
                if not cands:
                    continue
                _, tid = min(cands, key=lambda c: abs(c[0] - ev.start))
                args.append(f"{role}{'' if i == 0 else i + 1}:{tid}")
        e_n += 1
        lines.append(f"E{e_n}\t{' '.join(args)}")
        a_n += 1
        lines.append(f"A{a_n}\tMode E{e_n} {ev.mode}")
        note(f"E{e_n}", f"CAMEO {ev.cameo} {ev.cameo_label}; Goldstein {ev.goldstein:+g}; "
                        f"date {ev.date or '?'}")
    return text, "".join(line + "\n" for line in lines)


def write_brat(store: Store, directory: Path) -> int:
    """Write NAME.txt + NAME.ann per document and an annotation.conf.

    RETURNS (int): documents written.
    """
    roots: set[str] = set()
    n = 0
    for doc in store.documents():
        text, ann = brat_annotations(store, doc["id"])
        name = brat_name(doc)
        (directory / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        (directory / f"{name}.ann").write_text(ann, encoding="utf-8", newline="")
        roots.update(re.findall(r"\tCAMEO_(\w+) ", ann))
        n += 1
    ev_lines = "\n".join(
        f"CAMEO_{r} Source*:<ENTITY>, Target*:<ENTITY>" for r in sorted(roots)
    ) or "CAMEO_01 Source*:<ENTITY>, Target*:<ENTITY>"
    (directory / "annotation.conf").write_text(BRAT_CONF.format(events=ev_lines),
                                                encoding="utf-8")
    return n


def export_string(store: Store, fmt: str) -> str:
    """The export of a single-file format as a string (for tests and the web).

    RETURNS (str): the file's content.
    """
    buf = io.StringIO()
    if fmt not in EXPORT_FORMATS or fmt in DIRECTORY_FORMATS:
        raise LitopysError(Errors.E050, fmt=fmt, choices=", ".join(
            f for f in EXPORT_FORMATS if f not in DIRECTORY_FORMATS))
    {"jsonl": write_jsonl, "gexf": write_gexf, "graphml": write_graphml,
     "timelinejs": write_timelinejs, "palladio": write_palladio}[fmt](store, buf)
    return buf.getvalue()
