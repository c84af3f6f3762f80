"""CSV: a directory of one file per table (events, entities, participants, ...).

DOCS: docs/WEB.md
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from litopys.export.registry import register
from litopys.store import queries as q
from litopys.store.db import Store

CSV_TABLES: tuple[str, ...] = (
    "events", "entities", "participants", "timexes", "mentions", "documents",
)
"""The files written, by stem (each a query in ``store.queries.EXPORT_TABLES``)."""


@register("csv", extension="", media_type="application/zip", directory=True,
          description="events.csv, entities.csv, participants.csv, timexes.csv, "
                      "mentions.csv, documents.csv")
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
