"""TimelineJS3 JSON: one slide per dated event; ``display_date`` keeps the
wording of the text.

DOCS: docs/WEB.md
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, TextIO

from litopys.export.registry import register
from litopys.store import queries as q
from litopys.store.db import Store


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
    if ev.get("date_source") in ("narrative", "human"):  # say plainly it is inferred / corrected
        from litopys.pipeline.confidence import display_date

        display = html.escape(display_date(ev["date"], ev["date_source"]), quote=False)
    else:
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


@register("timelinejs", extension="json", media_type="application/json",
          description="TimelineJS3 JSON of every dated event")
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
