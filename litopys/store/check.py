"""``litopys check``: verify a store's integrity and every span against its text.

What is checked (each problem is one line naming the table, the row and what
is wrong):

- SQLite's ``integrity_check`` and ``foreign_key_check``;
- the schema version is recorded;
- every mention, time expression and event trigger lies inside its document
  and its stored text equals ``documents.text[start:end]``;
- every event's evidence span lies inside its document and its stored
  evidence is that span's text (stripped);
- every event participant names an existing event and entity, and every
  mention an existing entity;
- every time expression's and event's value is valid per ``timex.VALUE_RE``,
  and begin <= end where both are given;
- ``documents.chars`` is the length of the text.

DOCS: docs/ROBUSTNESS.md
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

from litopys.store.db import connect_read_only

_ISO_DATE = re.compile(r"^-?\d{4,}-\d{2}-\d{2}$")


def check_store(path: str) -> list[str]:
    """Return a list of problems (empty when the store is sound).

    path (str): the SQLite file.
    RETURNS (list[str]): one line per problem.
    """
    problems: list[str] = []
    try:
        conn = connect_read_only(path)  # also in a read-only directory
    except sqlite3.OperationalError as err:
        return [f"cannot open the database: {err}"]
    except sqlite3.DatabaseError as err:  # its first read found no SQLite file
        return [f"not a litopys database: {err}"]
    try:
        problems.extend(_check(conn))
    except sqlite3.DatabaseError as err:
        problems.append(f"not a litopys database: {err}")
    finally:
        conn.close()
    return problems


def _check(conn: sqlite3.Connection) -> Iterator[str]:
    """Every check in turn; yields problem lines."""
    row = conn.execute("PRAGMA integrity_check").fetchone()
    if row[0] != "ok":
        yield f"integrity: {row[0]}"
    for r in conn.execute("PRAGMA foreign_key_check"):
        yield f"foreign key: table {r[0]} rowid {r[1]} -> {r[2]}"
    version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    if version is None:
        yield "meta: no schema_version recorded"

    lengths: dict[str, int] = {}
    for doc_id, chars, length in conn.execute(
        "SELECT id, chars, length(text) FROM documents"
    ):
        lengths[doc_id] = length
        if chars != length:
            yield f"documents {doc_id}: chars {chars} but the text has {length} characters"

    yield from _check_spans(conn, lengths)
    yield from _check_evidence(conn, lengths)
    yield from _check_references(conn)
    yield from _check_values(conn)


def _text_of(conn: sqlite3.Connection, doc_id: str, start: int, end: int) -> str:
    """documents.text[start:end] without loading the whole text into Python."""
    row = conn.execute(
        "SELECT substr(text, ?, ?) FROM documents WHERE id=?", (start + 1, end - start, doc_id)
    ).fetchone()
    return row[0] if row else ""


def _check_spans(conn: sqlite3.Connection, lengths: dict[str, int]) -> Iterator[str]:
    for table, s, e, t in (("mentions", "start", "end", "text"),
                           ("timexes", "start", "end", "text"),
                           ("events", "start", "end", "trigger")):
        rows = conn.execute(f"SELECT rowid, document_id, {s}, {e}, {t} FROM {table}").fetchall()
        for rid, doc, start, end, text in rows:
            length = lengths.get(doc)
            if length is None:
                yield f"{table} {rid}: document {doc} missing"
            elif not (isinstance(start, int) and isinstance(end, int)
                      and 0 <= start <= end <= length):
                yield f"{table} {rid}: offsets {start}-{end} outside document {doc}"
            elif _text_of(conn, doc, start, end) != text:
                yield f"{table} {rid}: span {start}-{end} does not match its text {text!r}"


def _check_evidence(conn: sqlite3.Connection, lengths: dict[str, int]) -> Iterator[str]:
    rows = conn.execute(
        "SELECT id, document_id, evidence_start, evidence_end, evidence, start, end FROM events"
    ).fetchall()
    for eid, doc, start, end, evidence, t_start, t_end in rows:
        length = lengths.get(doc)
        if length is None:
            continue  # reported with the trigger span
        if not (isinstance(start, int) and isinstance(end, int)
                and 0 <= start <= end <= length):
            yield f"events {eid}: evidence offsets {start}-{end} outside document {doc}"
            continue
        if _text_of(conn, doc, start, end).strip() != evidence:
            yield f"events {eid}: evidence {start}-{end} does not match its text"
        if isinstance(t_start, int) and not (start <= t_start and t_end <= end):
            yield f"events {eid}: trigger {t_start}-{t_end} outside its evidence {start}-{end}"


def _check_references(conn: sqlite3.Connection) -> Iterator[str]:
    # foreign_key_check covers these when the schema declares them; these
    # queries also catch stores written with foreign keys off, and say which
    for event_id, entity_id, role in conn.execute(
        "SELECT p.event_id, p.entity_id, p.role FROM event_participants p "
        "LEFT JOIN events e ON e.id = p.event_id WHERE e.id IS NULL"
    ):
        yield f"event_participants: {role} {entity_id} of missing event {event_id}"
    for event_id, entity_id, role in conn.execute(
        "SELECT p.event_id, p.entity_id, p.role FROM event_participants p "
        "LEFT JOIN entities n ON n.id = p.entity_id WHERE n.id IS NULL"
    ):
        yield f"event_participants: event {event_id} has missing {role} entity {entity_id}"
    for rid, entity_id in conn.execute(
        "SELECT m.rowid, m.entity_id FROM mentions m "
        "LEFT JOIN entities n ON n.id = m.entity_id WHERE n.id IS NULL"
    ):
        yield f"mentions {rid}: entity {entity_id} missing"
    for event_id, doc in conn.execute(
        "SELECT e.id, e.document_id FROM events e "
        "LEFT JOIN documents d ON d.id = e.document_id WHERE d.id IS NULL"
    ):
        yield f"events {event_id}: document {doc} missing"


def _check_values(conn: sqlite3.Connection) -> Iterator[str]:
    from litopys.pipeline.timex import VALUE_RE

    for table, key, value, begin, end in (("timexes", "rowid", "value", "begin", "end_date"),
                                          ("events", "id", "date", "date_begin", "date_end")):
        for rid, val, b, e in conn.execute(f"SELECT {key}, {value}, {begin}, {end} FROM {table}"):
            if val is not None and not (isinstance(val, str) and VALUE_RE.match(val)):
                yield f"{table} {rid}: invalid time value {val!r}"
            for name, d in ((begin, b), (end, e)):
                if d is not None and not (isinstance(d, str) and _ISO_DATE.match(d)):
                    yield f"{table} {rid}: {name} {d!r} is not an ISO date"
            if (isinstance(b, str) and isinstance(e, str) and _ISO_DATE.match(b)
                    and _ISO_DATE.match(e) and not b.startswith("-") and not e.startswith("-")
                    and b > e):
                yield f"{table} {rid}: {begin} {b} is after {end} {e}"
