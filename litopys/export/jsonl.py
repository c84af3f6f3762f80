"""JSON Lines: one event a line, with its document and participants named.

DOCS: docs/WEB.md
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from litopys.export.registry import register
from litopys.store import queries as q
from litopys.store.db import Store


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
        # how the event was found and how far to trust it (docs/TRUST.md)
        "provenance": ev.get("provenance"),
        "confidence": ev.get("confidence"),
        "corrected": bool(ev.get("corrected")),
    }


@register("jsonl", extension="jsonl", media_type="application/x-ndjson",
          description="one event a line, with its document and participants named")
def write_jsonl(store: Store, f: TextIO) -> int:
    """Write every event as one JSON object a line. RETURNS (int): events written."""
    n = 0
    for ev in q.all_events(store):
        f.write(json.dumps(event_record(ev), ensure_ascii=False) + "\n")
        n += 1
    return n
