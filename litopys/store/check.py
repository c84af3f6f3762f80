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

    yield from _check_documents(conn)
    yield from _check_orphans(conn)
    yield from _check_references(conn)
    yield from _check_values(conn)


# the spans of one document, per table: (table, columns, the stored text's column)
_SPANS = (("mentions", "rowid", "start", "end", "text"),
          ("timexes", "rowid", "start", "end", "text"),
          ("events", "rowid", "start", "end", "trigger"))


def _check_documents(conn: sqlite3.Connection) -> Iterator[str]:
    """Each document's length, and every span and evidence against its text.

    The text is fetched once per document and compared in Python (one
    ``substr()`` per span made checking a large document quadratic); only one
    text is held at a time, and the spans are read through the
    ``(document_id, start)`` indexes.
    """
    ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    for doc_id in ids:
        row = conn.execute("SELECT chars, text FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None:
            continue
        chars, text = row
        if not isinstance(text, str):
            yield f"documents {doc_id}: no text"
            text = ""
        length = len(text)
        if chars != length:
            yield f"documents {doc_id}: chars {chars} but the text has {length} characters"
        yield from _check_spans(conn, doc_id, text)
        yield from _check_evidence(conn, doc_id, text)


def _inside(start: object, end: object, length: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= length


def _check_spans(conn: sqlite3.Connection, doc: str, text: str) -> Iterator[str]:
    for table, key, s, e, t in _SPANS:
        rows = conn.execute(
            f"SELECT {key}, {s}, {e}, {t} FROM {table} WHERE document_id=?", (doc,)
        )
        for rid, start, end, stored in rows:
            if not _inside(start, end, len(text)):
                yield f"{table} {rid}: offsets {start}-{end} outside document {doc}"
            elif text[start:end] != stored:
                yield f"{table} {rid}: span {start}-{end} does not match its text {stored!r}"


def _check_evidence(conn: sqlite3.Connection, doc: str, text: str) -> Iterator[str]:
    rows = conn.execute(
        "SELECT id, evidence_start, evidence_end, evidence, start, end FROM events "
        "WHERE document_id=?", (doc,)
    )
    for eid, start, end, evidence, t_start, t_end in rows:
        if not _inside(start, end, len(text)):
            yield f"events {eid}: evidence offsets {start}-{end} outside document {doc}"
            continue
        if text[start:end].strip() != evidence:
            yield f"events {eid}: evidence {start}-{end} does not match its text"
        if isinstance(t_start, int) and not (start <= t_start and t_end <= end):
            yield f"events {eid}: trigger {t_start}-{t_end} outside its evidence {start}-{end}"


def _check_orphans(conn: sqlite3.Connection) -> Iterator[str]:
    """Mentions and time expressions whose document is missing (stores written with
    foreign keys off); events are reported by :func:`_check_references`."""
    for table, key, *_ in _SPANS[:2]:
        for rid, doc in conn.execute(
            f"SELECT t.{key}, t.document_id FROM {table} t "
            "LEFT JOIN documents d ON d.id = t.document_id WHERE d.id IS NULL"
        ):
            yield f"{table} {rid}: document {doc} missing"


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
    from litopys.pipeline.time.values import VALUE_RE, parse_day

    for table, key, value, begin, end in (("timexes", "rowid", "value", "begin", "end_date"),
                                          ("events", "id", "date", "date_begin", "date_end")):
        for rid, val, b, e in conn.execute(f"SELECT {key}, {value}, {begin}, {end} FROM {table}"):
            if val is not None and not (isinstance(val, str) and VALUE_RE.match(val)):
                yield f"{table} {rid}: invalid time value {val!r}"
            for name, d in ((begin, b), (end, e)):
                if d is not None and not (isinstance(d, str) and _ISO_DATE.match(d)):
                    yield f"{table} {rid}: {name} {d!r} is not an ISO date"
            first = parse_day(b) if isinstance(b, str) else None
            last = parse_day(e) if isinstance(e, str) else None
            if first is not None and last is not None and first > last:
                yield f"{table} {rid}: {begin} {b} is after {end} {e}"
