"""The corrections layer: what a user changed, kept apart from the machine output.

A correction records what was changed (``kind``, ``value``), where (``anchor``:
character offsets into the document text, plus the ids it named), who and when,
and what it replaced. It is applied to the stored rows at once, so every view,
query and export shows the corrected chronicle; the corrected rows carry
``corrected = 1`` and ``provenance = 'human'``.

Because the document id is a hash of its text, offsets stay valid when the same
text is extracted again: :func:`after_write` (called by ``Store.write_one``
inside the write transaction) re-applies every active correction to the new
machine output and returns those that can no longer be placed.

Undo works in any order: the machine output of a document is kept as a
*baseline* when it is first corrected; undoing restores the baseline and
re-applies the remaining corrections.

Kinds (``anchor`` / ``value``):

- ``event_update``: trigger ``start``/``end`` / any of ``cameo``, ``source``,
  ``target``, ``date``, ``mode``.
- ``event_delete``: trigger ``start``/``end`` / nothing.
- ``event_add``: the selected span ``start``/``end`` / ``cameo``, ``source``,
  ``target``, ``date``, ``mode``.
- ``entity_delete``: ``entity`` id and its ``mentions`` offsets / nothing.
- ``entity_merge``: ``entity`` id and ``mentions`` / ``into``: the entity it joins.
- ``mention_link``: the mention's ``start``/``end`` / ``entity``: the entity it names.

DOCS: docs/TRUST.md
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from litopys.chronicle import MODES
from litopys.errors import CorrectionError, Errors
from litopys.pipeline.time.values import TimexValue

if TYPE_CHECKING:
    from litopys.chronicle import Chronicle
    from litopys.store.db import Store

KINDS = ("event_update", "event_delete", "event_add", "entity_delete", "entity_merge",
         "mention_link")
EVENT_FIELDS = ("cameo", "source", "target", "date", "mode")
PROVENANCES = ("text", "narrative", "dictionary", "model", "human")
_DOC_EVENTS = "(SELECT id FROM events WHERE document_id=?)"
# a sentence ends at . ! ? … before a space, but not after a short abbreviation ("1932 р. СРСР")
_SENTENCE_END = re.compile(r"(?<![\s(]\w)(?<![\s(]\w\w)[.!?…](?=\s)|\n")


@dataclass
class Correction:
    """One stored correction (a row of ``corrections``)."""

    id: int
    document_id: str
    kind: str
    anchor: dict[str, Any]
    value: dict[str, Any] = field(default_factory=dict)
    replaced: dict[str, Any] = field(default_factory=dict)
    author: str = ""
    origin: str = "web"
    created_at: str = ""
    undone_at: str | None = None
    placed: bool = True

    @classmethod
    def from_row(cls, r: sqlite3.Row) -> Correction:
        return cls(id=r["id"], document_id=r["document_id"], kind=r["kind"],
                   anchor=json.loads(r["anchor"]), value=json.loads(r["value"]),
                   replaced=json.loads(r["replaced"]), author=r["author"], origin=r["origin"],
                   created_at=r["created_at"], undone_at=r["undone_at"],
                   placed=bool(r["placed"]))

    def describe(self) -> str:
        """RETURNS (str): one line naming the correction, for messages and lists."""
        a = self.anchor
        where = (f"entity {a.get('entity')}" if "entity" in a
                 else f"chars {a.get('start')}-{a.get('end')}")
        if a.get("text"):
            where += f" '{a['text']}'"
        what = ", ".join(f"{k}={v}" for k, v in self.value.items())
        return f"correction {self.id} ({self.kind} at {where}{': ' + what if what else ''})"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["description"] = self.describe()
        return d


def available(conn: sqlite3.Connection) -> bool:
    """RETURNS (bool): whether the file has the corrections tables (an old read-only file may not)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='corrections'").fetchone()
    return row is not None


# -- validation ---------------------------------------------------------------
def _bad(fld: str, value: object, reason: str) -> CorrectionError:
    return CorrectionError(Errors.E091, field=fld, value=value, reason=reason)


def _span(anchor: dict[str, Any], text_len: int) -> tuple[int, int]:
    try:
        start, end = int(anchor["start"]), int(anchor["end"])
    except (KeyError, TypeError, ValueError):
        raise _bad("anchor", anchor, "give whole-number 'start' and 'end' offsets") from None
    if not 0 <= start < end <= text_len:
        raise _bad("anchor", f"{start}-{end}", f"offsets must lie inside the text (0..{text_len})")
    return start, end


def check_value(kind: str, value: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise the new values of a correction.

    kind (str): one of KINDS.
    value (dict): the new values.
    RETURNS (dict): the values kept (unknown keys dropped).
    """
    from litopys.data.lexicon import label

    if kind not in KINDS:
        raise _bad("kind", kind, f"use one of {', '.join(KINDS)}")
    if not isinstance(value, dict):
        raise _bad("value", value, "expected an object")
    out: dict[str, Any] = {}
    if kind in ("event_update", "event_add"):
        for key in EVENT_FIELDS:
            if key not in value:
                continue
            v = value[key]
            if key == "cameo":
                if not (isinstance(v, str) and v.isdigit() and 2 <= len(v) <= 4 and label(v)):
                    raise _bad("cameo", v, "a CAMEO code of 2-4 digits, e.g. 04 or 042")
            elif key == "mode":
                if v not in MODES:
                    raise _bad("mode", v, f"use one of {', '.join(MODES)}")
            elif key == "date":
                if v in ("", None):
                    v = None
                elif not (isinstance(v, str) and TimexValue.parse(v) is not None):
                    raise _bad("date", v, "a TIMEX3 date such as 1935-10, 1935-10-07 or 1934-SU")
            elif not (isinstance(v, list) and all(isinstance(a, str) and a for a in v)):
                raise _bad(key, v, "a list of entity ids")
            out[key] = v
        if kind == "event_add":
            out.setdefault("mode", "asserted")
            out.setdefault("source", [])
            out.setdefault("target", [])
            out.setdefault("date", None)
            if "cameo" not in out:
                raise _bad("cameo", None, "a new event needs a CAMEO code")
        elif not out:
            raise _bad("value", value, f"change at least one of {', '.join(EVENT_FIELDS)}")
    elif kind == "entity_merge":
        if not (isinstance(value.get("into"), str) and value["into"]):
            raise _bad("into", value.get("into"), "the id of the entity to merge into")
        out["into"] = value["into"]
    elif kind == "mention_link":
        if not (isinstance(value.get("entity"), str) and value["entity"]):
            raise _bad("entity", value.get("entity"), "the id of the entity the mention names")
        out["entity"] = value["entity"]
    return out


# -- baseline -----------------------------------------------------------------
def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, params)]


_SNAPSHOT_SQL = {
    "events": "SELECT * FROM events WHERE document_id=?",
    "event_participants": ("SELECT p.* FROM event_participants p JOIN events e "
                           "ON e.id = p.event_id WHERE e.document_id=?"),
    "mentions": "SELECT * FROM mentions WHERE document_id=?",
    "entity_roles": "SELECT * FROM entity_roles WHERE document_id=?",
    "affiliations": "SELECT * FROM affiliations WHERE document_id=?",
    "entity_names": "SELECT * FROM entity_names WHERE document_id=?",
}


def _snapshot(conn: sqlite3.Connection, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    return {table: _rows(conn, sql, (doc_id,)) for table, sql in _SNAPSHOT_SQL.items()}


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" * len(cols))
    conn.executemany(f"INSERT OR IGNORE INTO {table}({names}) VALUES ({marks})",
                     [tuple(r[c] for c in cols) for r in rows])


def _restore(conn: sqlite3.Connection, doc_id: str, snap: dict[str, list[dict[str, Any]]]) -> None:
    conn.execute("DELETE FROM events WHERE document_id=?", (doc_id,))  # participants cascade
    # a baseline saved before a table existed leaves that table as it is
    tables = [t for t in ("mentions", "entity_roles", "affiliations", "entity_names")
              if t in snap]
    for table in tables:
        conn.execute(f"DELETE FROM {table} WHERE document_id=?", (doc_id,))
    for table in ("events", "event_participants", *tables):
        _insert(conn, table, snap.get(table, []))


def _save_baseline(conn: sqlite3.Connection, doc_id: str, replace: bool) -> None:
    verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
    conn.execute(f"{verb} INTO correction_baselines(document_id, data) VALUES (?, ?)",
                 (doc_id, json.dumps(_snapshot(conn, doc_id), ensure_ascii=False)))


# -- locating -----------------------------------------------------------------
def _find_event(conn: sqlite3.Connection, doc_id: str,
                anchor: dict[str, Any]) -> sqlite3.Row | None:
    """The event whose trigger is at the anchored offsets, else the nearest overlapping one."""
    start, end = int(anchor["start"]), int(anchor["end"])
    row = conn.execute("SELECT * FROM events WHERE document_id=? AND start=? AND end=?",
                       (doc_id, start, end)).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT * FROM events WHERE document_id=? AND start < ? AND end > ? "
            "ORDER BY abs(start - ?) LIMIT 1", (doc_id, end, start, start)).fetchone()
    return row


def _find_entity(conn: sqlite3.Connection, doc_id: str, anchor: dict[str, Any]) -> str | None:
    """The anchored entity if it still has mentions in the document, else the entity now
    at one of its anchored mention offsets."""
    eid = anchor.get("entity")
    if eid and conn.execute("SELECT 1 FROM mentions WHERE document_id=? AND entity_id=?",
                            (doc_id, eid)).fetchone():
        return str(eid)
    for start, end in anchor.get("mentions") or []:
        row = conn.execute("SELECT entity_id FROM mentions WHERE document_id=? AND start=? "
                           "AND end=?", (doc_id, start, end)).fetchone()
        if row is not None:
            return str(row[0])
    return None


def _check_entities(conn: sqlite3.Connection, ids: list[str]) -> None:
    for eid in ids:
        if not conn.execute("SELECT 1 FROM entities WHERE id=?", (eid,)).fetchone():
            raise _bad("entity", eid, "no such entity in the store")


def _evidence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span: from the previous sentence end to the next one."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    m = _SENTENCE_END.search(text, end)
    stop = m.end() if m and m.group() != "\n" else (m.start() if m else len(text))
    while begin < start and text[begin].isspace():
        begin += 1
    return begin, max(stop, end)


# -- applying -----------------------------------------------------------------
def _set_participants(conn: sqlite3.Connection, event_id: str, role: str,
                      ids: list[str]) -> None:
    conn.execute("DELETE FROM event_participants WHERE event_id=? AND role=?", (event_id, role))
    conn.executemany("INSERT OR IGNORE INTO event_participants(event_id, entity_id, role, "
                     "position) VALUES (?, ?, ?, ?)",
                     [(event_id, a, role, i) for i, a in enumerate(ids)])


def _participants(conn: sqlite3.Connection, event_id: str, role: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT entity_id FROM event_participants WHERE event_id=? AND role=? ORDER BY position",
        (event_id, role))]


def _update_event(conn: sqlite3.Connection, row: sqlite3.Row,
                  value: dict[str, Any]) -> dict[str, Any]:
    from litopys.data.lexicon import goldstein, label

    eid = row["id"]
    replaced: dict[str, Any] = {}
    sets: dict[str, Any] = {"provenance": "human", "confidence": 1.0, "corrected": 1}
    if "cameo" in value:
        replaced["cameo"] = row["cameo"]
        sets.update(cameo=value["cameo"], cameo_label=label(value["cameo"]),
                    goldstein=goldstein(value["cameo"]) or 0.0)
    if "mode" in value:
        replaced["mode"] = row["mode"]
        sets["mode"] = value["mode"]
    if "date" in value:
        replaced["date"] = row["date"]
        bounds = _bounds(value["date"])
        sets.update(date=value["date"], date_source="human" if value["date"] else None,
                    date_begin=bounds[0] if bounds else None,
                    date_end=bounds[1] if bounds else None)
    for role in ("source", "target"):
        if role in value:
            _check_entities(conn, value[role])
            replaced[role] = _participants(conn, eid, role)
            _set_participants(conn, eid, role, value[role])
    cols = ", ".join(f"{k}=?" for k in sets)
    conn.execute(f"UPDATE events SET {cols} WHERE id=?", (*sets.values(), eid))
    return replaced


def _add_event(conn: sqlite3.Connection, corr: Correction, text: str) -> dict[str, Any]:
    from litopys.data.lexicon import goldstein, label

    start, end = _span(corr.anchor, len(text))
    existing = conn.execute("SELECT * FROM events WHERE document_id=? AND start=? AND end=?",
                            (corr.document_id, start, end)).fetchone()
    if existing is not None:  # the machine found it meanwhile: correct that one
        return {"event": existing["id"].split(":", 1)[1], **_update_event(conn, existing,
                                                                           corr.value)}
    v = corr.value
    _check_entities(conn, v["source"] + v["target"])
    es, ee = _evidence(text, start, end)
    bounds = _bounds(v["date"])
    eid = f"{corr.document_id}:h{corr.id}"
    conn.execute(
        "INSERT INTO events(id, document_id, cameo, cameo_label, goldstein, mode, date, "
        "date_source, date_begin, date_end, trigger, start, end, evidence, evidence_start, "
        "evidence_end, provenance, confidence, corrected) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'human',1.0,1)",
        (eid, corr.document_id, v["cameo"], label(v["cameo"]), goldstein(v["cameo"]) or 0.0,
         v["mode"], v["date"], "human" if v["date"] else None,
         bounds[0] if bounds else None, bounds[1] if bounds else None, text[start:end],
         start, end, text[es:ee].strip(), es, ee),
    )
    _set_participants(conn, eid, "source", v["source"])
    _set_participants(conn, eid, "target", v["target"])
    return {"event": None}


def _touch_events(conn: sqlite3.Connection, doc_id: str, entity_id: str) -> None:
    conn.execute("UPDATE events SET corrected=1 WHERE document_id=? AND id IN (SELECT event_id "
                 "FROM event_participants WHERE entity_id=?)", (doc_id, entity_id))


def _delete_entity(conn: sqlite3.Connection, doc_id: str, eid: str) -> dict[str, Any]:
    name = conn.execute("SELECT name FROM entities WHERE id=?", (eid,)).fetchone()
    n = conn.execute("DELETE FROM mentions WHERE document_id=? AND entity_id=?",
                     (doc_id, eid)).rowcount
    _touch_events(conn, doc_id, eid)
    conn.execute(f"DELETE FROM event_participants WHERE entity_id=? AND event_id IN "
                 f"{_DOC_EVENTS}", (eid, doc_id))
    conn.execute("DELETE FROM entity_roles WHERE document_id=? AND entity_id=?", (doc_id, eid))
    conn.execute("DELETE FROM affiliations WHERE document_id=? AND (entity_id=? OR "
                 "affiliation_id=?)", (doc_id, eid, eid))
    conn.execute("DELETE FROM entity_names WHERE document_id=? AND entity_id=?", (doc_id, eid))
    return {"entity": eid, "name": name[0] if name else eid, "mentions": n}


def _merge_entity(conn: sqlite3.Connection, doc_id: str, eid: str, into: str) -> dict[str, Any]:
    _check_entities(conn, [into])
    if eid == into:
        raise _bad("into", into, "an entity cannot be merged into itself")
    n = conn.execute("UPDATE mentions SET entity_id=?, corrected=1 WHERE document_id=? AND "
                     "entity_id=?", (into, doc_id, eid)).rowcount
    _touch_events(conn, doc_id, eid)
    conn.execute(f"INSERT OR IGNORE INTO event_participants(event_id, entity_id, role, position) "
                 f"SELECT event_id, ?, role, position FROM event_participants WHERE entity_id=? "
                 f"AND event_id IN {_DOC_EVENTS}", (into, eid, doc_id))
    conn.execute(f"DELETE FROM event_participants WHERE entity_id=? AND event_id IN "
                 f"{_DOC_EVENTS}", (eid, doc_id))
    conn.execute("INSERT OR IGNORE INTO entity_roles(entity_id, document_id, role) "
                 "SELECT ?, document_id, role FROM entity_roles WHERE document_id=? AND "
                 "entity_id=?", (into, doc_id, eid))
    conn.execute("DELETE FROM entity_roles WHERE document_id=? AND entity_id=?", (doc_id, eid))
    conn.execute("INSERT OR IGNORE INTO affiliations(entity_id, document_id, affiliation_id) "
                 "SELECT ?, document_id, affiliation_id FROM affiliations WHERE document_id=? "
                 "AND entity_id=?", (into, doc_id, eid))
    conn.execute("DELETE FROM affiliations WHERE document_id=? AND entity_id=?", (doc_id, eid))
    conn.execute("UPDATE OR IGNORE affiliations SET affiliation_id=? WHERE document_id=? AND "
                 "affiliation_id=?", (into, doc_id, eid))
    conn.execute("DELETE FROM affiliations WHERE document_id=? AND (affiliation_id=? OR "
                 "entity_id=affiliation_id)", (doc_id, eid))
    # the name this document gave the merged entity is not a name of the one it joined
    conn.execute("DELETE FROM entity_names WHERE document_id=? AND entity_id=?", (doc_id, eid))
    return {"entity": eid, "mentions": n}


def _apply(conn: sqlite3.Connection, corr: Correction, text: str) -> dict[str, Any] | None:
    """Apply one correction to the stored rows.

    RETURNS (dict | None): what it replaced, or None when its anchor is gone.
    """
    doc_id, kind = corr.document_id, corr.kind
    if kind in ("event_update", "event_delete"):
        row = _find_event(conn, doc_id, corr.anchor)
        if row is None:
            return None
        if kind == "event_delete":
            conn.execute("DELETE FROM events WHERE id=?", (row["id"],))
            return {"event": row["id"].split(":", 1)[1], "cameo": row["cameo"],
                    "trigger": row["trigger"], "date": row["date"]}
        return _update_event(conn, row, corr.value)
    if kind == "event_add":
        return _add_event(conn, corr, text)
    if kind == "mention_link":
        start, end = _span(corr.anchor, len(text))
        row = conn.execute("SELECT entity_id FROM mentions WHERE document_id=? AND start=? AND "
                           "end=?", (doc_id, start, end)).fetchone()
        if row is None:
            return None
        _check_entities(conn, [corr.value["entity"]])
        conn.execute("UPDATE mentions SET entity_id=?, corrected=1 WHERE document_id=? AND "
                     "start=? AND end=?", (corr.value["entity"], doc_id, start, end))
        if row[0] != corr.value["entity"] and not conn.execute(
                "SELECT 1 FROM mentions WHERE document_id=? AND entity_id=?",
                (doc_id, row[0])).fetchone():
            # its last mention moved: the entity's roles in this document move with it
            _merge_entity(conn, doc_id, row[0], corr.value["entity"])
        return {"entity": row[0]}
    eid = _find_entity(conn, doc_id, corr.anchor)
    if eid is None:
        return None
    if kind == "entity_delete":
        return _delete_entity(conn, doc_id, eid)
    return _merge_entity(conn, doc_id, eid, corr.value["into"])


# -- the public API -------------------------------------------------------------
def _bounds(value: str | None) -> tuple[str, str] | None:
    """The first and last day a date value covers (None: no date, or a duration)."""
    parsed = TimexValue.parse(value) if value else None
    return None if parsed is None else parsed.bounds()


def _active(conn: sqlite3.Connection, doc_id: str) -> list[Correction]:
    return [Correction.from_row(r) for r in conn.execute(
        "SELECT * FROM corrections WHERE document_id=? AND undone_at IS NULL ORDER BY id",
        (doc_id,))]


def _text(conn: sqlite3.Connection, doc_id: str) -> str | None:
    row = conn.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()
    return None if row is None else str(row[0])


def _reapply(conn: sqlite3.Connection, doc_id: str, text: str) -> list[Correction]:
    """Apply every active correction of a document in order; RETURNS those not placed."""
    unplaced: list[Correction] = []
    for corr in _active(conn, doc_id):
        try:
            replaced = _apply(conn, corr, text)
        except CorrectionError:
            replaced = None
        corr.placed = replaced is not None
        if replaced is None:
            unplaced.append(corr)
            conn.execute("UPDATE corrections SET placed=0 WHERE id=?", (corr.id,))
        else:
            conn.execute("UPDATE corrections SET placed=1, replaced=? WHERE id=?",
                         (json.dumps(replaced, ensure_ascii=False), corr.id))
    return unplaced


def add_correction(store: Store, document_id: str, kind: str, anchor: dict[str, Any],
                   value: dict[str, Any] | None = None, author: str = "",
                   origin: str = "web") -> Correction:
    """Record a correction and apply it, in one transaction.

    store (Store): a writable store.
    document_id (str): the document it corrects.
    kind (str): one of KINDS.
    anchor (dict): offsets (and ids) that find what it corrects.
    value (dict | None): the new values (see the module docs).
    author (str): who made it.
    origin (str): "web" or "brat".
    RETURNS (Correction): the stored correction, with what it replaced.
    """
    conn = store.conn
    value = check_value(kind, value or {})
    text = _text(conn, document_id)
    if text is None:
        raise CorrectionError(Errors.E090, document=document_id, reason="no such document")
    if not isinstance(anchor, dict):
        raise _bad("anchor", anchor, "expected an object")
    if "entity" not in anchor:
        _span(anchor, len(text))
    anchor = {**anchor}
    if "start" in anchor:
        anchor["text"] = text[int(anchor["start"]):int(anchor["end"])]
    conn.execute("BEGIN IMMEDIATE")
    try:
        _save_baseline(conn, document_id, replace=False)
        cur = conn.execute(
            "INSERT INTO corrections(document_id, kind, anchor, value, author, origin) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (document_id, kind, json.dumps(anchor, ensure_ascii=False),
             json.dumps(value, ensure_ascii=False), author, origin))
        corr = Correction(id=int(cur.lastrowid or 0), document_id=document_id, kind=kind,
                          anchor=anchor, value=value, author=author, origin=origin)
        replaced = _apply(conn, corr, text)
        if replaced is None:
            raise CorrectionError(Errors.E090, document=document_id,
                                  reason=f"nothing to correct at {corr.describe()}")
        conn.execute("UPDATE corrections SET replaced=? WHERE id=?",
                     (json.dumps(replaced, ensure_ascii=False), corr.id))
        row = conn.execute("SELECT * FROM corrections WHERE id=?", (corr.id,)).fetchone()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return Correction.from_row(row)


def undo_correction(store: Store, correction_id: int) -> tuple[Correction, list[Correction]]:
    """Undo one correction (in any order): restore the machine baseline of its document
    and re-apply the corrections still active.

    RETURNS (tuple[Correction, list[Correction]]): the undone correction and the
        remaining ones that could not be placed again.
    """
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT * FROM corrections WHERE id=?", (correction_id,)).fetchone()
        if row is None:
            raise CorrectionError(Errors.E092, id=correction_id)
        corr = Correction.from_row(row)
        unplaced: list[Correction] = []
        if corr.undone_at is None:
            conn.execute("UPDATE corrections SET undone_at=strftime('%Y-%m-%dT%H:%M:%SZ', "
                         "'now') WHERE id=?", (correction_id,))
            base = conn.execute("SELECT data FROM correction_baselines WHERE document_id=?",
                                (corr.document_id,)).fetchone()
            text = _text(conn, corr.document_id)
            if base is not None and text is not None:
                _restore(conn, corr.document_id, json.loads(base[0]))
                unplaced = _reapply(conn, corr.document_id, text)
        row = conn.execute("SELECT * FROM corrections WHERE id=?", (correction_id,)).fetchone()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return Correction.from_row(row), unplaced


def after_write(conn: sqlite3.Connection, ch: Chronicle) -> list[Correction]:
    """Store the provenance and confidence of a freshly written chronicle and re-apply
    the document's corrections. Runs inside ``Store.write_one``'s transaction.

    conn (sqlite3.Connection): the store's connection, in a transaction.
    ch (Chronicle): the chronicle just written.
    RETURNS (list[Correction]): corrections that can no longer be placed.
    """
    doc_id = ch.document.id
    if not available(conn):
        return []
    conn.executemany(
        "UPDATE events SET provenance=?, confidence=? WHERE id=?",
        [(ev.provenance, ev.confidence, f"{doc_id}:{ev.id}") for ev in ch.events
         if ev.provenance is not None or ev.confidence is not None])
    for e in ch.entities:
        if e.provenance is not None or e.confidence is not None:
            conn.execute("UPDATE mentions SET provenance=?, confidence=? WHERE document_id=? "
                         "AND entity_id=?", (e.provenance, e.confidence, doc_id, e.id))
        for key, t in e.trust.items():
            if key == "affiliation":
                conn.execute("UPDATE affiliations SET provenance=?, confidence=? WHERE "
                             "entity_id=? AND document_id=?",
                             (t.get("provenance"), t.get("confidence"), e.id, doc_id))
            elif key.startswith("role:"):
                conn.execute("UPDATE entity_roles SET provenance=?, confidence=? WHERE "
                             "entity_id=? AND document_id=? AND role=?",
                             (t.get("provenance"), t.get("confidence"), e.id, doc_id, key[5:]))
    conn.executemany(
        "UPDATE timexes SET confidence=? WHERE document_id=? AND start=? AND end=?",
        [(t.confidence, doc_id, t.start, t.end) for t in ch.timexes if t.confidence is not None])
    conn.execute("DELETE FROM correction_baselines WHERE document_id=?", (doc_id,))
    if not conn.execute("SELECT 1 FROM corrections WHERE document_id=? AND undone_at IS NULL",
                        (doc_id,)).fetchone():
        return []
    _save_baseline(conn, doc_id, replace=True)
    return _reapply(conn, doc_id, ch.document.text)


def load_trust(conn: sqlite3.Connection, ch: Chronicle) -> Chronicle:
    """Fill provenance, confidence and corrected marks of a chronicle read from the store.

    RETURNS (Chronicle): the same chronicle.
    """
    doc_id = ch.document.id
    if not available(conn):
        return ch
    ents = {e.id: e for e in ch.entities}
    for r in conn.execute("SELECT entity_id, provenance, confidence, max(corrected) AS c "
                          "FROM mentions WHERE document_id=? GROUP BY entity_id", (doc_id,)):
        e = ents.get(r["entity_id"])
        if e is not None:
            e.provenance = "human" if r["c"] else r["provenance"]
            e.confidence = 1.0 if r["c"] else r["confidence"]
    for r in conn.execute("SELECT entity_id, role, provenance, confidence FROM entity_roles "
                          "WHERE document_id=?", (doc_id,)):
        if r["entity_id"] in ents and r["provenance"] is not None:
            ents[r["entity_id"]].trust[f"role:{r['role']}"] = {
                "provenance": r["provenance"], "confidence": r["confidence"]}
    for r in conn.execute("SELECT entity_id, provenance, confidence FROM affiliations "
                          "WHERE document_id=?", (doc_id,)):
        if r["entity_id"] in ents and r["provenance"] is not None:
            ents[r["entity_id"]].trust["affiliation"] = {
                "provenance": r["provenance"], "confidence": r["confidence"]}
    conf = {(r["start"], r["end"]): r["confidence"] for r in conn.execute(
        "SELECT start, end, confidence FROM timexes WHERE document_id=?", (doc_id,))}
    for t in ch.timexes:
        t.confidence = conf.get((t.start, t.end))
    return ch


def list_corrections(store: Store, document: str | None = None) -> list[Correction]:
    """Every correction (newest first), optionally of one document.

    RETURNS (list[Correction]): with ``undone_at`` set for undone ones.
    """
    if not available(store.conn):
        return []
    if document:
        rows = store.conn.execute("SELECT * FROM corrections WHERE document_id=? ORDER BY id "
                                  "DESC", (document,))
    else:
        rows = store.conn.execute("SELECT * FROM corrections ORDER BY id DESC")
    return [Correction.from_row(r) for r in rows]
