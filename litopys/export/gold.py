"""A stored (corrected) chronicle as a gold file (``shared/eval/FORMAT.md``).

``litopys export --format gold --out DIR`` writes, per document, ``NAME.txt`` (the text)
and ``NAME.gold.json``, so ``litopys eval DIR`` and training can use the
documents a user corrected.

DOCS: docs/TRUST.md
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from litopys.chronicle import Chronicle
from litopys.export.registry import register
from litopys.store.db import Store


def gold_name(path: str | None, doc_id: str) -> str:
    """A file stem for a document: its path's stem (made safe) and its id.

    RETURNS (str): e.g. ``seed-6a750e7f70ff7d9d``.
    """
    stem = re.sub(r"[^\w.-]+", "_", Path(path).stem if path else "").strip("._")[:60]
    return f"{stem}-{doc_id}" if stem else doc_id


def chronicle_to_gold(ch: Chronicle, text_file: str,
                      names: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """One chronicle as a gold dict.

    ch (Chronicle): the chronicle (from the store: corrections applied).
    text_file (str): the text's file name, for ``text_file``.
    names (dict | None): entity rows by id (``Store.entity``) for participants the
        text never names (a person's state implied by a dictionary).
    RETURNS (dict): entities, timexes and events in the gold format.
    """
    from litopys.evaluate import ENTITY_TYPES  # (lazy: `litopys --help` loads every exporter)

    entities: list[dict[str, Any]] = []
    ids: set[str] = set()
    for e in ch.entities:
        if e.type not in ENTITY_TYPES:
            continue
        item: dict[str, Any] = {"id": e.id, "type": e.type, "name": e.name,
                                "aliases": [f for f in e.surface_forms if f != e.name]}
        if e.roles:
            item["roles"] = list(e.roles)
        entities.append(item)
        ids.add(e.id)
    for ev in ch.events:  # participants without a mention in the text
        for a in ev.source + ev.target:
            row = (names or {}).get(a)
            if a not in ids and row and row.get("type") in ENTITY_TYPES:
                entities.append({"id": a, "type": row["type"], "name": row["name"],
                                 "aliases": []})
                ids.add(a)
    by_id = {item["id"]: item for item in entities}
    for e in ch.entities:
        if e.id in by_id and e.affiliation in ids and e.affiliation != e.id:
            by_id[e.id]["affiliation"] = e.affiliation
    events = [
        {"id": f"e{i}", "cameo": ev.cameo[:2], "trigger": ev.trigger,
         "source": [a for a in ev.source if a in ids],
         "target": [a for a in ev.target if a in ids],
         "date": ev.date, "mode": ev.mode, "evidence": ev.evidence}
        for i, ev in enumerate(ch.events, 1)
    ]
    return {
        "text_file": text_file,
        "language": "uk",
        "entities": entities,
        "timexes": [{"text": t.text, "value": t.value} for t in ch.timexes],
        "events": events,
    }


@register("gold", extension="", media_type="application/zip", directory=True,
          description="NAME.txt + NAME.gold.json per document (litopys eval, training)")
def write_gold(store: Store, out: Path | str) -> int:
    """Write ``NAME.txt`` + ``NAME.gold.json`` for every stored document.

    store (Store): an open store.
    out (Path | str): the directory (created if missing).
    RETURNS (int): documents written.
    """
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    n = 0
    for doc in store.documents():
        ch = store.chronicle(doc["id"])
        if ch is None:
            continue
        wanted = {a for ev in ch.events for a in ev.source + ev.target}
        names = {a: row for a in wanted if (row := store.entity(a)) is not None}
        name = gold_name(doc["path"], doc["id"])
        (directory / f"{name}.txt").write_text(ch.document.text, encoding="utf-8", newline="")
        gold = chronicle_to_gold(ch, f"{name}.txt", names)
        (directory / f"{name}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n += 1
    return n
