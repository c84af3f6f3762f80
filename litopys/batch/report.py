"""``litopys show --corroborated``: events by number of independent sources.

DOCS: docs/BATCH.md
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from litopys.errors import StoreError
from litopys.store.db import Store
from litopys.store.merge import corroborated, ensure_merged


def corroborated_groups(db: str, min_sources: int = 2,
                        limit: int | None = None) -> list[dict[str, Any]]:
    """Merge the store if it changed since the last merge, then list event groups.

    db (str): the SQLite store.
    min_sources (int): only groups reported by at least this many documents.
    limit (int | None): at most this many groups.
    RETURNS (list[dict]): groups, most sources first (see store.merge.corroborated).
    """
    try:
        store = Store(db)
    except StoreError as err:
        if err.code != "E023":
            raise
        store = Store(db, read_only=True)  # a read-only store: show the last merge as is
    try:
        if not store.read_only:
            ensure_merged(store)
        return corroborated(store, min_sources=min_sources, limit=limit)
    finally:
        store.close()


def _flags(g: dict[str, Any]) -> str:
    flags = []
    if g["date_disagreement"]:
        flags.append("dates differ: " + ", ".join(g["dates"]))
    if g["actor_disagreement"]:
        flags.append("actors differ")
    return "; ".join(flags)


def print_corroborated(groups: list[dict[str, Any]], fmt: str = "table") -> None:
    """Print event groups as a table, JSON or JSON Lines (to stdout).

    groups (list[dict]): from :func:`corroborated_groups`.
    fmt (str): "table", "json" or "jsonl".
    """
    if fmt == "json":
        print(json.dumps(groups, ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        for g in groups:
            print(json.dumps(g, ensure_ascii=False))
        return
    table = Table(title=f"Corroborated events ({len(groups)})")
    for col in ("sources", "date", "event", "who", "whom", "disagreement", "documents"):
        table.add_column(col)
    for g in groups:
        when = g["date_begin"] or "?"
        if g["date_end"] and g["date_end"] != g["date_begin"]:
            when += f" … {g['date_end']}"
        docs = sorted({r["path"] or r["document_id"] for r in g["reports"]})
        table.add_row(
            str(g["sources"]), when, f"{g['cameo']} {g['cameo_label']}",
            ", ".join(g["source_names"]), ", ".join(g["target_names"]), _flags(g),
            "\n".join(docs),
        )
    Console(soft_wrap=False, highlight=False).print(table)
