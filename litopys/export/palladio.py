"""Palladio CSV: one row per source-target pair of each event.

DOCS: docs/WEB.md
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from litopys.export.registry import register
from litopys.store import queries as q
from litopys.store.db import Store

PALLADIO_COLUMNS: tuple[str, ...] = (
    "source", "source_type", "target", "target_type", "date", "date_end", "date_text",
    "cameo", "cameo_root", "event_type", "plover", "goldstein", "mode", "trigger",
    "document", "evidence", "event_id",
)


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


@register("palladio", extension="csv", media_type="text/csv",
          description="one CSV row per source-target pair, the columns Palladio maps")
def write_palladio(store: Store, f: TextIO) -> int:
    """Write the Palladio CSV. RETURNS (int): rows written."""
    w = csv.DictWriter(f, fieldnames=list(PALLADIO_COLUMNS))
    w.writeheader()
    n = 0
    for row in palladio_rows(q.all_events(store)):
        w.writerow(row)
        n += 1
    return n
