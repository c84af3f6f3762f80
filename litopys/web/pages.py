"""Payloads of the pages: what each ``.json`` twin returns, and the reader markup.

The functions here run no SQL (they call :mod:`litopys.store.queries` and
:class:`~litopys.store.db.Store`) and build plain dicts. The HTML pages render
the same dicts, and each page's script reads only the ``.json`` twin.

DOCS: docs/WEB.md
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from litopys.pipeline.confidence import display_date
from litopys.store import queries as q
from litopys.store.db import Store
from litopys.web.edit import cameo_root_label

GROUP_BY = ("actor", "dyad", "mode", "document")


def goldstein_class(value: float) -> str:
    """A CSS class for a Goldstein weight, from ``gs-m3`` (conflict) to ``gs-p3``.

    value (float): -10 .. +10.
    RETURNS (str): the class name (seven buckets; CSS colours them).
    """
    bucket = max(-3, min(3, round(value / 10 * 3)))
    return f"gs-{'m' if bucket < 0 else 'p'}{abs(bucket)}"


def _next_day(iso: str) -> str:
    try:
        return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()
    except ValueError:
        return iso


def event_link(ev: dict[str, Any]) -> str:
    """RETURNS (str): the reader URL that scrolls to the event's sentence."""
    return f"/documents/{ev['document_id']}#event-{ev['local_id']}"


def _names(parts: list[dict[str, Any]]) -> str:
    return ", ".join(p["name"] for p in parts) or "—"


def _group(ev: dict[str, Any], group_by: str) -> tuple[str, str]:
    if group_by == "mode":
        return ev["mode"], ev["mode"]
    if group_by == "document":
        return ev["document_id"], ev["document_path"] or ev["document_id"]
    src = ev["source"][0] if ev["source"] else None
    tgt = ev["target"][0] if ev["target"] else None
    if group_by == "dyad":
        pair = sorted((p for p in (src, tgt) if p is not None), key=lambda p: p["id"])
        if not pair:
            return "-", "(no actor)"
        return "|".join(p["id"] for p in pair), " – ".join(p["name"] for p in pair)
    first = src or tgt
    if first is None:
        return "-", "(no actor)"
    return first["id"], first["name"]


def timeline_item(ev: dict[str, Any], group_by: str = "actor") -> dict[str, Any] | None:
    """One vis-timeline item for an event, or None when it is undated.

    A precise date is a point; an imprecise one (a month, season, year) is a
    range over the days it covers (``end`` exclusive).
    RETURNS (dict | None): id, group, start, end (or None), type, goldstein,
        className, and the fields the evidence panel shows.
    """
    if not ev["date_begin"]:
        return None
    begin, end = ev["date_begin"], ev["date_end"] or ev["date_begin"]
    is_range = end != begin
    group_id, _ = _group(ev, group_by)
    return {
        "id": ev["id"],
        "local_id": ev["local_id"],
        "document_id": ev["document_id"],
        "group": group_id,
        "start": begin,
        "end": _next_day(end) if is_range else None,
        "type": "range" if is_range else "point",
        "date": ev["date"],
        "date_text": ev["date_text"],
        "date_begin": begin,
        "date_end": end,
        "goldstein": ev["goldstein"],
        "className": f"{goldstein_class(ev['goldstein'])} mode-{ev['mode']}"
                     + (" corrected" if ev.get("corrected") else "")
                     + (" inferred" if ev.get("date_source") == "narrative" else ""),
        "date_source": ev.get("date_source"), "confidence": ev.get("confidence"),
        "provenance": ev.get("provenance"), "corrected": bool(ev.get("corrected")),
        "date_display": display_date(ev["date"], ev.get("date_source")),
        "cameo_root_label": cameo_root_label(ev["cameo"], ev["cameo_label"]),
        "mode": ev["mode"],
        "cameo": ev["cameo"],
        "cameo_label": ev["cameo_label"],
        "trigger": ev["trigger"],
        "evidence": ev["evidence"],
        "source": ev["source"],
        "target": ev["target"],
        "label": ("✎ " if ev.get("corrected") else "")
                 + f"{_names(ev['source'])} → {ev['trigger']} → {_names(ev['target'])}",
        "url": event_link(ev),
    }


def timeline(store: Store, f: q.EventFilter, group_by: str = "actor") -> dict[str, Any]:
    """The ``/timeline.json`` payload.

    RETURNS (dict): ``items`` and ``groups`` for vis-timeline, ``undated``
        (events with no date, not drawn), ``count`` (all matching events),
        ``truncated`` and the ``filters`` applied.
    """
    events = q.search_events(store, f)
    items: list[dict[str, Any]] = []
    groups: dict[str, str] = {}
    undated = 0
    for ev in events:
        item = timeline_item(ev, group_by)
        if item is None:
            undated += 1
            continue
        gid, gname = _group(ev, group_by)
        groups.setdefault(gid, gname)
        items.append(item)
    total = q.count_events(store, f)
    return {
        "filters": f.to_dict(),
        "group_by": group_by,
        "groups": [{"id": k, "name": v} for k, v in sorted(groups.items(), key=lambda x: x[1])],
        "items": items,
        "undated": undated,
        "count": total,
        "truncated": total > len(events),
    }


@dataclass
class _Span:
    start: int
    end: int
    kind: str  # entity, timex, trigger
    title: str
    css: str
    data: dict[str, str] = field(default_factory=dict)
    anchor: str | None = None


def reader(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The ``/documents/{id}.json`` payload: the text and every span in it.

    RETURNS (dict | None): ``document`` (id, path, chars, encoding, format,
        text), ``entities``, ``timexes``, ``events`` (with full ``id`` and
        ``local_id``), or None when there is no such document.
    """
    ch = store.chronicle(doc_id)
    if ch is None:
        return None
    events = q.search_events(store, q.EventFilter(document=doc_id, limit=q.MAX_LIMIT))
    doc = ch.document
    return {
        "document": {**doc.to_dict(), "encoding": doc.encoding, "format": doc.format,
                     "text": doc.text},
        "entities": [e.to_dict() for e in ch.entities],
        "timexes": [t.to_dict() for t in ch.timexes],
        "events": events,
    }


def _spans(payload: dict[str, Any]) -> list[_Span]:
    spans: list[_Span] = []
    for e in payload["entities"]:
        title = f"{e['name']} ({e['type']})"
        for start, end in e["spans"]:
            spans.append(_Span(start, end, "entity", title, f"ent ent-{e['type']}",
                               {"entity": e["id"]}))
    for t in payload["timexes"]:
        title = f"{t['value'] or '?'}"
        if t["begin"]:
            title += f" ({t['begin']} … {t['end_date']})"
        spans.append(_Span(t["start"], t["end"], "timex", title, "timex"))
    for ev in payload["events"]:
        title = (f"{ev['cameo']} {ev['cameo_label']} · {ev['mode']} · "
                 f"Goldstein {ev['goldstein']:+g} · {ev['date'] or 'undated'}")
        title += " · ✎ corrected" if ev.get("corrected") else ""
        spans.append(_Span(ev["start"], ev["end"], "trigger", title,
                           f"trigger {goldstein_class(ev['goldstein'])} mode-{ev['mode']}"
                           + (" corrected" if ev.get("corrected") else ""),
                           {"event": ev["local_id"]}, anchor=f"event-{ev['local_id']}"))
    n = len(payload["document"]["text"])
    return [s for s in spans if 0 <= s.start < s.end <= n]


def reader_html(payload: dict[str, Any]) -> Markup:
    """The document text as HTML with every span marked, all text escaped.

    Evidence sentences become ``<span class="sent" id="sent-N">``; entity,
    time and trigger spans become ``<mark>`` elements (overlapping spans are
    cut into pieces that carry every class). The first piece of each trigger
    has ``id="event-<local id>"``, so ``#event-<id>`` finds it.
    RETURNS (Markup): safe HTML.
    """
    text: str = payload["document"]["text"]
    spans = _spans(payload)
    # evidence sentences, without overlaps
    sents: list[tuple[int, int, list[str]]] = []
    for ev in sorted(payload["events"], key=lambda e: (e["evidence_start"], e["evidence_end"])):
        s, e = ev["evidence_start"], ev["evidence_end"]
        if not (0 <= s < e <= len(text)):
            continue
        if sents and sents[-1][0] == s and sents[-1][1] == e:
            sents[-1][2].append(ev["local_id"])
        elif not sents or s >= sents[-1][1]:
            sents.append((s, e, [ev["local_id"]]))
    bounds = {0, len(text)}
    for sp in spans:
        bounds.update((sp.start, sp.end))
    for s, e, _ in sents:
        bounds.update((s, e))
    points = sorted(bounds)
    starts = {s: (i, e, ids) for i, (s, e, ids) in enumerate(sents)}
    out: list[str] = []
    anchors_done: set[str] = set()
    sent_end: int | None = None
    by_start = sorted(spans, key=lambda sp: (sp.start, -sp.end))
    active: list[_Span] = []
    j = 0
    for a, b in zip(points, points[1:], strict=False):
        if sent_end is not None and a >= sent_end:
            out.append("</span>")
            sent_end = None
        if a in starts and sent_end is None:
            i, e, ids = starts[a]
            out.append(str(Markup('<span class="sent" id="sent-{}" data-events="{}">').format(
                i, " ".join(ids))))
            sent_end = e
        active = [sp for sp in active if sp.end > a]
        while j < len(by_start) and by_start[j].start <= a:
            if by_start[j].end > a:
                active.append(by_start[j])
            j += 1
        piece = text[a:b]
        if not active:
            out.append(str(escape(piece)))
            continue
        classes = " ".join(dict.fromkeys(c for sp in active for c in sp.css.split()))
        title = "\n".join(f"{sp.kind}: {sp.title}" for sp in active)
        attrs = Markup(' class="{}" title="{}"').format(classes, title)
        for sp in active:
            for k, v in sp.data.items():
                attrs += Markup(' data-{}="{}"').format(k, v)
            if sp.anchor and sp.anchor not in anchors_done:
                anchors_done.add(sp.anchor)
                attrs += Markup(' id="{}"').format(sp.anchor)
        out.append(str(Markup("<mark{}>{}</mark>").format(attrs, piece)))
    if sent_end is not None:
        out.append("</span>")
    return Markup("".join(out))


def actor(store: Store, entity_id: str, f: q.EventFilter) -> dict[str, Any] | None:
    """The ``/actors/{id}.json`` payload: the entity and its events in time order.

    RETURNS (dict | None): ``entity`` (see ``entity_detail``), ``events``,
        ``count``, ``truncated``; None when there is no such entity.
    """
    ent = q.entity_detail(store, entity_id)
    if ent is None:
        return None
    flt = q.EventFilter(**{**f.to_dict(), "actor": None, "actor_id": entity_id})
    events = q.search_events(store, flt)
    total = q.count_events(store, flt)
    return {"entity": ent, "events": events, "count": total, "truncated": total > len(events)}


def dyad(store: Store, a: str, b: str, f: q.EventFilter) -> dict[str, Any] | None:
    """The ``/dyad.json`` payload: Goldstein weight over time between two sides.

    RETURNS (dict | None): ``a`` / ``b`` (id, name), ``events`` (each with
        ``direction``), ``series``: points {date, goldstein, id, direction}
        for dated events; None when either actor is unknown.
    """
    names = q.entity_names(store, [a, b])
    if a not in names or b not in names:
        return None
    events = q.dyad_events(store, a, b, f)
    series = [
        {"date": ev["date_begin"], "date_end": ev["date_end"], "goldstein": ev["goldstein"],
         "id": ev["id"], "direction": ev["direction"], "mode": ev["mode"],
         "label": f"{ev['cameo_label']} ({ev['date_text'] or ev['date']})",
         "url": event_link(ev)}
        for ev in events if ev["date_begin"]
    ]
    return {"a": {"id": a, "name": names[a]}, "b": {"id": b, "name": names[b]},
            "events": events, "series": series, "filters": f.to_dict()}
