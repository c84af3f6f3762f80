"""``litopys check``: verify a store's integrity and every span against its text."""

from __future__ import annotations

import sqlite3


def check_store(path: str) -> list[str]:
    """Return a list of problems (empty when the store is sound)."""
    problems: list[str] = []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("PRAGMA integrity_check").fetchone()
        if row[0] != "ok":
            problems.append(f"integrity: {row[0]}")
        for r in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: table {r[0]} rowid {r[1]} -> {r[2]}")
        texts = dict(conn.execute("SELECT id, text FROM documents"))
        for table, s, e, t in (("mentions", "start", "end", "text"),
                               ("timexes", "start", "end", "text"),
                               ("events", "start", "end", "trigger")):
            for rid, doc, start, end, text in conn.execute(
                f"SELECT rowid, document_id, {s}, {e}, {t} FROM {table}"
            ):
                body = texts.get(doc)
                if body is None:
                    problems.append(f"{table} {rid}: document {doc} missing")
                elif not (0 <= start <= end <= len(body)):
                    problems.append(f"{table} {rid}: offsets {start}-{end} outside document {doc}")
                elif body[start:end] != text:
                    problems.append(f"{table} {rid}: span {start}-{end} does not match its text")
        for rid, doc, start, end in conn.execute(
            "SELECT rowid, document_id, evidence_start, evidence_end FROM events"
        ):
            body = texts.get(doc, "")
            if not (0 <= start <= end <= len(body)):
                problems.append(f"events {rid}: evidence offsets outside document {doc}")
    except sqlite3.DatabaseError as err:
        problems.append(f"not a litopys database: {err}")
    finally:
        conn.close()
    return problems
