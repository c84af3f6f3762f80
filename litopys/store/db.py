"""The SQLite store: the only module that runs SQL.

One :class:`Store` per file. Every document is written in one
``BEGIN IMMEDIATE`` transaction, so a killed run never leaves half a document;
re-writing a document already stored (same content hash) changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention, Timex
from litopys.errors import Errors, LitopysError, StoreError, display_path
from litopys.store.corrections import Correction, after_write, load_trust
from litopys.store.migrate import migrate

BUSY_TIMEOUT = 60.0
"""Seconds a connection waits for another process's write lock (SQLite's default is 5)."""


def _storable_path(path: str | None) -> str | None:
    """A document path SQLite can hold: a name with undecodable bytes (surrogates)
    is kept in its lossless display form (``errors.display_path``)."""
    if path is None:
        return None
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return display_path(path)
    return path


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def store_error(err: sqlite3.Error, path: str | Path, opening: bool = False) -> StoreError:
    """The coded message for an SQLite failure on a store.

    err (sqlite3.Error): what SQLite raised.
    path (str | Path): the database file, for the message.
    opening (bool): the file was being opened (a file that is not SQLite at
        all is then "not a litopys database", not "damaged").
    RETURNS (StoreError): E024 disk full (also an I/O error with under 1 MiB
        free), E029 other I/O error, E023 read-only, E026 locked, E025 damaged,
        or E021 not a litopys database.
    """
    name = getattr(err, "sqlite_errorname", "") or ""
    reason = str(err)
    if name.startswith("SQLITE_FULL") or "disk is full" in reason or (
            name.startswith("SQLITE_IOERR") and _free_bytes(path) < 2**20):
        return StoreError(Errors.E024, path=path, reason=reason)
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in reason:
        return StoreError(Errors.E029, path=path, reason=reason)
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")) \
            or "readonly database" in reason or "unable to open" in reason:
        return StoreError(Errors.E023, path=path, reason=reason)
    if _is_busy(err):
        return StoreError(Errors.E026, path=path, seconds=f"{BUSY_TIMEOUT:g}")
    if opening and (name.startswith("SQLITE_NOTADB") or "not a database" in reason):
        return StoreError(Errors.E021, path=path, reason=reason)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) \
            or "malformed" in reason or "not a database" in reason:
        return StoreError(Errors.E025, path=path, reason=reason)
    return StoreError(Errors.E021, path=path, reason=reason)


def _free_bytes(path: str | Path) -> int:
    """Free space on the disk of ``path`` (a large number when it cannot be told)."""
    try:
        return shutil.disk_usage(Path(path).resolve().parent).free
    except OSError:
        return 2**62


def _uri(path: str | Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(Path(path).resolve()))}?{query}"


def _is_busy(err: sqlite3.Error) -> bool:
    """Whether SQLite failed because another connection holds a lock."""
    name = getattr(err, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "is locked" in str(err)


def enable_wal(conn: sqlite3.Connection, timeout: float = BUSY_TIMEOUT) -> None:
    """Put the database in WAL mode, waiting for other processes that open it.

    Switching a new file to WAL needs an exclusive lock, and SQLite answers
    ``SQLITE_BUSY`` at once (without its busy handler) while another process
    opens the same new file; so two ``extract`` runs started together into one
    fresh store would fail. The switch is retried with backoff for up to
    ``timeout`` seconds; a file already in WAL mode returns at once.

    conn (sqlite3.Connection): a writable connection in autocommit mode.
    timeout (float): seconds to keep trying before SQLite's error is raised.
    """
    deadline = time.monotonic() + timeout
    pause = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL").fetchone()
            return
        except sqlite3.OperationalError as err:
            if not _is_busy(err) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """Open a database for reading, also in a read-only directory or mount.

    A WAL database needs its ``-shm`` file, which SQLite cannot create where
    nothing may be written; such a file is opened ``immutable`` instead (it
    must then not change while open, which a read-only place guarantees).

    path (str | Path): an existing SQLite file.
    RETURNS (sqlite3.Connection): in autocommit mode, usable from any thread.
    """
    last: sqlite3.Error | None = None
    for params in ({"mode": "ro"}, {"mode": "ro", "immutable": "1"}):
        conn = sqlite3.connect(_uri(path, **params), uri=True, isolation_level=None,
                               check_same_thread=False, timeout=BUSY_TIMEOUT)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as err:
            conn.close()
            last = err
            if not (getattr(err, "sqlite_errorname", "").startswith("SQLITE_CANTOPEN")
                    or "unable to open" in str(err)):
                raise
        except sqlite3.Error:
            conn.close()
            raise
    assert last is not None
    raise last


class Store:
    """A litopys database file.

    path (str | Path): the SQLite file; created if missing (unless read_only).
    read_only (bool): open with ``mode=ro`` (for serving).
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(path).exists():
            raise StoreError(Errors.E022, path=path)
        self.unplaced: list[Correction] = []  # corrections the last write could not re-apply
        try:
            if read_only:
                self.conn = connect_read_only(path)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None,
                                            check_same_thread=False, timeout=BUSY_TIMEOUT)
                enable_wal(self.conn)
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            # SQLite's lower() folds ASCII only; Cyrillic names need Python's casefold
            self.conn.create_function("casefold", 1, _casefold, deterministic=True)
            self.conn.row_factory = sqlite3.Row
            if not read_only:
                migrate(self.conn, self.path)
            else:
                try:
                    self.conn.execute("SELECT value FROM meta WHERE key='schema_version'")
                except sqlite3.OperationalError as err:
                    if "no such table" not in str(err):
                        raise
                    raise StoreError(Errors.E021, path=path,
                                     reason="it has no litopys tables") from None
        except sqlite3.Error as err:
            raise store_error(err, path, opening=True) from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row is not None

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and everything extracted from it (mentions, roles, timexes,
        events cascade). RETURNS (bool): False if it was not stored."""
        with self.conn:
            cur = self.conn.execute("DELETE FROM documents WHERE id=?", (doc_id,))
        return cur.rowcount > 0

    def write(self, chronicles: Iterable[Chronicle]) -> int:
        """Store chronicles, one transaction each; skip documents already stored.

        RETURNS (int): how many documents were newly written.
        """
        written = 0
        for ch in chronicles:
            if self.write_one(ch):
                written += 1
        return written

    def write_one(self, ch: Chronicle) -> bool:
        """Store one chronicle in one transaction. RETURNS (bool): False if already there.

        Raises StoreError (E023 read-only, E024 disk full, E025 damaged, E026
        locked) when SQLite cannot write; the document is then not stored.
        """
        try:
            return self._write_one(ch)
        except sqlite3.Error as err:
            raise store_error(err, self.path) from None

    def _write_one(self, ch: Chronicle) -> bool:
        doc = ch.document
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            if c.execute("SELECT 1 FROM documents WHERE id=?", (doc.id,)).fetchone():
                c.execute("ROLLBACK")
                return False
            c.execute(
                "INSERT INTO documents(id, path, chars, encoding, format, text, language, "
                "paragraphs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, _storable_path(doc.path), doc.chars, doc.encoding, doc.format,
                 doc.text, doc.language, json.dumps(doc.paragraphs) if doc.paragraphs else None),
            )
            for e in ch.entities:
                c.execute(
                    "INSERT INTO entities(id, type, name, cameo, wikidata) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET "
                    "cameo=coalesce(entities.cameo, excluded.cameo), "
                    "wikidata=coalesce(entities.wikidata, excluded.wikidata)",
                    (e.id, e.type, e.name, e.cameo, e.wikidata),
                )
            c.executemany(
                "INSERT OR IGNORE INTO entity_names(entity_id, document_id, language, name) "
                "VALUES (?, ?, ?, ?)",
                [(e.id, doc.id, lang, name) for e in ch.entities
                 for name, lang in ((e.name, doc.language),
                                    *((a, None) for a in e.aliases if a != e.name))],
            )
            for e in ch.entities:
                c.executemany(
                    "INSERT OR IGNORE INTO entity_roles(entity_id, document_id, role) "
                    "VALUES (?, ?, ?)",
                    [(e.id, doc.id, r) for r in e.roles],
                )
                if e.affiliation:
                    c.execute(
                        "INSERT OR REPLACE INTO affiliations(entity_id, document_id, "
                        "affiliation_id) VALUES (?, ?, ?)",
                        (e.id, doc.id, e.affiliation),
                    )
                c.executemany(
                    "INSERT INTO mentions(document_id, entity_id, start, end, text, sentence) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [(doc.id, e.id, m.start, m.end, m.text, m.sentence) for m in e.mentions],
                )
            c.executemany(
                "INSERT INTO timexes(document_id, start, end, text, value, begin, end_date, "
                "precision, source, anchor, old_style) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (doc.id, t.start, t.end, t.text, t.value, t.begin, t.end_date,
                     t.precision, t.source, t.anchor, t.old_style)
                    for t in ch.timexes
                ],
            )
            for ev in ch.events:
                eid = f"{doc.id}:{ev.id}"
                c.execute(
                    "INSERT INTO events(id, document_id, cameo, cameo_label, goldstein, plover, "
                    "mode, date, date_source, date_begin, date_end, trigger, start, end, "
                    "evidence, evidence_start, evidence_end, location) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (eid, doc.id, ev.cameo, ev.cameo_label, ev.goldstein, ev.plover, ev.mode,
                     ev.date, ev.date_source, ev.date_begin, ev.date_end, ev.trigger,
                     ev.start, ev.end, ev.evidence, ev.evidence_start, ev.evidence_end,
                     ev.location),
                )
                rows = [(eid, a, "source", i) for i, a in enumerate(ev.source)]
                rows += [(eid, a, "target", i) for i, a in enumerate(ev.target)]
                c.executemany(
                    "INSERT OR IGNORE INTO event_participants(event_id, entity_id, role, "
                    "position) VALUES (?, ?, ?, ?)",
                    rows,
                )
            self.unplaced = after_write(c, ch)
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
        return True

    # -- reading ----------------------------------------------------------
    def documents(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT id, path, chars, encoding, format, language, added_at FROM documents "
            "ORDER BY added_at, id"
        )
        return [dict(r) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        r = self.conn.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        if r is None:
            return None
        return Document(id=r["id"], path=r["path"], text=r["text"], encoding=r["encoding"],
                        format=r["format"], language=r["language"],
                        paragraphs=[tuple(p) for p in json.loads(r["paragraphs"] or "[]")])

    def chronicle(self, doc_id: str) -> Chronicle | None:
        """Rebuild the chronicle of one stored document."""
        doc = self.document(doc_id)
        if doc is None:
            return None
        c = self.conn
        entities: dict[str, Entity] = {}
        for r in c.execute(
            "SELECT m.*, e.type, e.name, e.cameo, e.wikidata FROM mentions m "
            "JOIN entities e ON e.id = m.entity_id WHERE m.document_id=? ORDER BY m.start",
            (doc_id,),
        ):
            ent = entities.get(r["entity_id"])
            if ent is None:
                ent = entities[r["entity_id"]] = Entity(
                    id=r["entity_id"], type=r["type"], name=r["name"], key=r["entity_id"],
                    cameo=r["cameo"], wikidata=r["wikidata"],
                )
            ent.mentions.append(Mention(r["start"], r["end"], r["text"], r["sentence"]))
        for r in c.execute("SELECT * FROM entity_roles WHERE document_id=?", (doc_id,)):
            if r["entity_id"] in entities:
                entities[r["entity_id"]].roles.append(r["role"])
        for r in c.execute("SELECT * FROM affiliations WHERE document_id=?", (doc_id,)):
            if r["entity_id"] in entities:
                entities[r["entity_id"]].affiliation = r["affiliation_id"]
        timexes = [
            Timex(start=r["start"], end=r["end"], text=r["text"], value=r["value"],
                  begin=r["begin"], end_date=r["end_date"], precision=r["precision"],
                  source=r["source"], anchor=r["anchor"], old_style=r["old_style"])
            for r in c.execute("SELECT * FROM timexes WHERE document_id=? ORDER BY start",
                               (doc_id,))
        ]
        events = [ev for _, ev in self._events("WHERE ev.document_id=?", (doc_id,))]
        # entities taking part in events but not mentioned (e.g. inherited polity)
        wanted = {a for ev in events for a in ev.source + ev.target}
        wanted |= {e.affiliation for e in entities.values() if e.affiliation}
        for eid in sorted(wanted - entities.keys()):
            r = c.execute("SELECT * FROM entities WHERE id=?", (eid,)).fetchone()
            if r is not None:
                entities[eid] = Entity(id=eid, type=r["type"], name=r["name"], key=eid,
                                       cameo=r["cameo"], wikidata=r["wikidata"])
        return load_trust(c, Chronicle(document=doc, entities=list(entities.values()),
                                       timexes=timexes, events=events))

    def _events(self, where: str, params: tuple[Any, ...]) -> Iterator[tuple[str, Event]]:
        rows = self.conn.execute(
            f"SELECT ev.* FROM events ev {where} ORDER BY ev.document_id, ev.start", params
        ).fetchall()
        for r in rows:
            parts = self.conn.execute(
                "SELECT entity_id, role FROM event_participants WHERE event_id=? "
                "ORDER BY role, position",
                (r["id"],),
            ).fetchall()
            yield r["document_id"], Event(
                id=r["id"].split(":", 1)[1], cameo=r["cameo"], cameo_label=r["cameo_label"],
                goldstein=r["goldstein"], mode=r["mode"], date=r["date"],
                date_source=r["date_source"],
                source=[p["entity_id"] for p in parts if p["role"] == "source"],
                target=[p["entity_id"] for p in parts if p["role"] == "target"],
                trigger=r["trigger"], evidence=r["evidence"], start=r["start"], end=r["end"],
                evidence_start=r["evidence_start"], evidence_end=r["evidence_end"],
                plover=r["plover"], date_begin=r["date_begin"], date_end=r["date_end"],
                **{k: r[k] for k in ("provenance", "confidence") if k in r.keys()},
                corrected=bool(r["corrected"]) if "corrected" in r.keys() else False,
                location=r["location"],
            )

    def query_events(
        self,
        actor: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        document: str | None = None,
        limit: int | None = None,
    ) -> list[tuple[str, Event]]:
        """Events filtered by actor (id or name, case-insensitive substring), period, document.

        date_from / date_to (str | None): ISO dates; an event is kept when the
            interval it covers overlaps [date_from, date_to]. Undated events are
            dropped when a period is given.
        RETURNS (list[tuple[str, Event]]): (document id, event) pairs.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if actor:
            clauses.append(
                "ev.id IN (SELECT p.event_id FROM event_participants p JOIN entities e "
                "ON e.id = p.entity_id WHERE e.id = ? OR casefold(e.name) LIKE ? OR e.id IN "
                "(SELECT entity_id FROM mentions WHERE casefold(text) LIKE ?))"
            )
            like = f"%{actor.casefold()}%"
            params += [actor, like, like]
        if date_from:
            clauses.append("ev.date_end IS NOT NULL AND ev.date_end >= ?")
            params.append(date_from)
        if date_to:
            clauses.append("ev.date_begin IS NOT NULL AND ev.date_begin <= ?")
            params.append(date_to)
        if document:
            clauses.append("ev.document_id = ?")
            params.append(document)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        if limit:
            where += f" LIMIT {int(limit)}"
        rows = self.conn.execute(f"SELECT ev.id FROM events ev {where}", params).fetchall()
        ids = [r["id"] for r in rows]
        out: list[tuple[str, Event]] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.extend(self._events(f"WHERE ev.id IN ({marks})", tuple(chunk)))
        return out

    def entities(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT e.*, (SELECT count(*) FROM mentions m WHERE m.entity_id=e.id) AS mentions, "
            "(SELECT count(*) FROM event_participants p WHERE p.entity_id=e.id) AS events "
            "FROM entities e ORDER BY e.type, e.name"
        )
        return [dict(r) for r in rows]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        r = self.conn.execute("SELECT * FROM entities WHERE id=?", (entity_id,)).fetchone()
        if r is None:
            return None
        out = dict(r)
        out["mentions"] = [
            x[0] for x in self.conn.execute(
                "SELECT DISTINCT text FROM mentions WHERE entity_id=? ORDER BY text", (entity_id,)
            )
        ]
        # every name it is shown under: the documents' display names (with their languages)
        # first, most documents first; the dictionary's other-language names after (no
        # language; ``documents`` then counts the documents that listed them)
        out["names"] = [
            {"name": x[0], "languages": sorted(x[1].split(",")) if x[1] else [],
             "documents": x[2] or x[3]}
            for x in self.conn.execute(
                "SELECT name, group_concat(DISTINCT language), count(DISTINCT CASE WHEN "
                "language IS NOT NULL THEN document_id END) AS shown, count(DISTINCT "
                "document_id) FROM entity_names WHERE entity_id=? GROUP BY name "
                "ORDER BY shown = 0, shown DESC, name",
                (entity_id,),
            )
        ]
        out["roles"] = [
            x[0] for x in self.conn.execute(
                "SELECT DISTINCT role FROM entity_roles WHERE entity_id=? ORDER BY role",
                (entity_id,),
            )
        ]
        out["affiliations"] = [
            x[0] for x in self.conn.execute(
                "SELECT DISTINCT affiliation_id FROM affiliations WHERE entity_id=?", (entity_id,)
            )
        ]
        return out


def upgrade(path: str | Path) -> None:
    """Bring an existing store written by an older litopys up to date (new tables and
    columns) before it is opened read-only; one that cannot be written is left as it is
    (a read-only mount, a damaged file: the reader then reports it)."""
    if not Path(path).exists():
        return
    with contextlib.suppress(LitopysError, OSError):
        Store(path).close()
