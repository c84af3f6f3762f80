"""Cross-document merge: one entity across documents, one event across its reports.

Entities already share ids across documents (gazetteer ids such as "ussr",
or "person:<name-slug>"). :func:`entity_aliases` adds the name variants that
are safe to merge:

* ``wikidata``: two ids with the same Wikidata id;
* ``name``: same type and the same name up to case;
* ``surname``: a one-word person name ("Литвинов") and the only full name in
  the store ending with it ("Максим Литвинов");
* ``initials``: "М. Литвинов" and the only full name with that surname whose
  given names start with those letters.

An ambiguous variant (two Литвиновs) is never merged.

:func:`event_groups` clusters events reported by several documents. Two
events from different documents are the same event when they have the same
CAMEO root and mode, share at least half of the smaller participant set
(after entity merging), and either their date intervals overlap, or they have
the same code, the same sources and targets and dates at most
``DATE_TOLERANCE_DAYS`` apart. Undated events, and events dated only to more
than ``MAX_SPAN_DAYS`` (a decade, a century), are too vague to corroborate and
stay alone. A group whose members' dates do not all overlap is flagged
``date_disagreement``; one whose members name different sources or targets
is flagged ``actor_disagreement``. Nothing is silently resolved: every member
event keeps its own date and actors.

:func:`merge_store` computes the merge from a read snapshot and rewrites the
v2 tables in short ``BEGIN IMMEDIATE`` transactions, so a concurrent
``extract`` never waits long for the write lock. This module is part of ``store/``, the only layer that runs SQL.

DOCS: docs/BATCH.md
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from litopys.pipeline.time.values import Day, parse_day
from litopys.store.db import Store

DATE_TOLERANCE_DAYS = 31
MAX_SPAN_DAYS = 400
MAX_COMPARISONS = 400  # per event and block: bounds the worst case on hot actors
MERGE_STATE_KEY = "merge_state"


# -- entities -----------------------------------------------------------------
_INITIAL = re.compile(r"^\w{1,2}\.$")


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"\s+", name.replace(".", ". ").strip()) if w]


def entity_aliases(entities: Sequence[dict[str, Any]],
                   mentions: dict[str, int] | None = None) -> dict[str, tuple[str, str]]:
    """Find safe name variants.

    entities (Sequence[dict]): rows with id, type, name and wikidata.
    mentions (dict[str, int] | None): mention counts, to pick the canonical id.
    RETURNS (dict[str, tuple[str, str]]): alias id -> (canonical id, rule).
    """
    mentions = mentions or {}
    parent: dict[str, tuple[str, str]] = {}

    def weight(e: dict[str, Any]) -> tuple[int, int, str]:
        return (len(_words(e["name"])), mentions.get(e["id"], 0), e["id"])

    def link(group: list[dict[str, Any]], rule: str) -> None:
        best = max(group, key=weight)
        for e in group:
            if e["id"] != best["id"] and e["id"] not in parent:
                parent[e["id"]] = (best["id"], rule)

    by_wikidata: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in entities:
        if e.get("wikidata"):
            by_wikidata[e["wikidata"]].append(e)
        by_name[(e["type"], " ".join(_words(e["name"])).casefold())].append(e)
    for group in by_wikidata.values():
        if len(group) > 1:
            link(group, "wikidata")
    for group in by_name.values():
        if len(group) > 1:
            link(group, "name")

    persons = [e for e in entities if e["type"] == "PERSON" and e["id"] not in parent]
    full_by_surname: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in persons:
        w = _words(e["name"])
        if len(w) >= 2 and not any(_INITIAL.match(x) for x in w):
            full_by_surname[w[-1].casefold()].append(e)
    for e in persons:
        w = _words(e["name"])
        if not w:
            continue
        candidates = full_by_surname.get(w[-1].casefold(), [])
        if len(w) == 1:
            if len(candidates) == 1:
                parent[e["id"]] = (candidates[0]["id"], "surname")
        elif all(_INITIAL.match(x) for x in w[:-1]):
            letters = [x[0].casefold() for x in w[:-1]]
            fits = [c for c in candidates
                    if all(i < len(_words(c["name"])) - 1
                           and _words(c["name"])[i][0].casefold() == ch
                           for i, ch in enumerate(letters))]
            if len(fits) == 1:
                parent[e["id"]] = (fits[0]["id"], "initials")

    def root(x: str) -> str:
        seen = set()
        while x in parent and x not in seen:
            seen.add(x)
            x = parent[x][0]
        return x

    return {a: (root(a), rule) for a, (_, rule) in parent.items() if root(a) != a}


# -- events -------------------------------------------------------------------
@dataclass
class EventRow:
    """What the merge needs to know about one event."""

    id: str
    document_id: str
    cameo: str
    cameo_label: str
    mode: str
    date: str | None
    begin: int | None  # proleptic Gregorian day number of date_begin (Day.ordinal)
    end: int | None
    sources: frozenset[str]
    targets: frozenset[str]

    @property
    def participants(self) -> frozenset[str]:
        return self.sources | self.targets


def _ordinal(value: str | None) -> int | None:
    if not value:
        return None
    day = parse_day(value[:11] if value.startswith("-") else value[:10])
    return None if day is None else day.ordinal()


def _compatible(a: EventRow, b: EventRow) -> bool:
    pa, pb = a.participants, b.participants
    shared = len(pa & pb)
    if not shared or shared * 2 < min(len(pa), len(pb)):
        return False
    assert a.begin is not None and a.end is not None
    assert b.begin is not None and b.end is not None
    if a.begin <= b.end and b.begin <= a.end:
        return True
    gap = max(a.begin, b.begin) - min(a.end, b.end)
    return (gap <= DATE_TOLERANCE_DAYS and a.cameo == b.cameo and a.sources == b.sources
            and a.targets == b.targets)


@dataclass
class EventGroup:
    """One event and every report of it."""

    members: list[EventRow]
    sources: int = 0
    date_disagreement: bool = False
    actor_disagreement: bool = False
    cameo: str = ""
    cameo_label: str = ""
    date_begin: str | None = None
    date_end: str | None = None
    dates: list[str] = field(default_factory=list)
    source_actors: list[str] = field(default_factory=list)
    target_actors: list[str] = field(default_factory=list)


def event_groups(events: Sequence[EventRow]) -> list[EventGroup]:
    """Cluster events into groups (every event is in exactly one group).

    events (Sequence[EventRow]): the events, participants already merged.
    RETURNS (list[EventGroup]): groups, ordered by date then first member id.
    """
    n = len(events)
    up = list(range(n))

    def find(i: int) -> int:
        while up[i] != i:
            up[i] = up[up[i]]
            i = up[i]
        return i

    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        if ev.begin is None or ev.end is None or ev.end - ev.begin > MAX_SPAN_DAYS:
            continue
        for actor in ev.participants:
            blocks[(ev.cameo[:2], ev.mode, actor)].append(i)
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (events[i].begin, events[i].id))
        for k, i in enumerate(members):
            a = events[i]
            horizon = a.end + DATE_TOLERANCE_DAYS  # type: ignore[operator]
            for j in members[k + 1 : k + 1 + MAX_COMPARISONS]:
                b = events[j]
                if b.begin > horizon:  # type: ignore[operator]
                    break
                if a.document_id == b.document_id or find(i) == find(j):
                    continue
                if _compatible(a, b):
                    up[find(j)] = find(i)
    grouped: dict[int, list[EventRow]] = defaultdict(list)
    for i, ev in enumerate(events):
        grouped[find(i)].append(ev)
    groups = [_summarise(m) for m in grouped.values()]
    groups.sort(key=lambda g: (g.date_begin is None, g.date_begin or "", g.members[0].id))
    return groups


def _iso(ordinal: int) -> str:
    return Day.from_ordinal(ordinal).iso


def _summarise(members: list[EventRow]) -> EventGroup:
    if len(members) == 1:  # most groups: no voting, nothing to disagree about
        m = members[0]
        ok = m.begin is not None and m.end is not None
        return EventGroup(
            members=members, sources=1, cameo=m.cameo, cameo_label=m.cameo_label,
            date_begin=_iso(m.begin) if ok else None,  # type: ignore[arg-type]
            date_end=_iso(m.end) if ok else None,  # type: ignore[arg-type]
            dates=[m.date] if m.date else [], source_actors=sorted(m.sources),
            target_actors=sorted(m.targets))
    members.sort(key=lambda e: e.id)
    g = EventGroup(members=members)
    g.sources = len({m.document_id for m in members})
    codes = Counter(m.cameo for m in members)
    g.cameo = codes.most_common(1)[0][0]
    g.cameo_label = next(m.cameo_label for m in members if m.cameo == g.cameo)
    dated = [m for m in members if m.begin is not None and m.end is not None]
    if dated:
        lo = max(m.begin for m in dated)  # type: ignore[type-var]
        hi = min(m.end for m in dated)  # type: ignore[type-var]
        if lo <= hi:
            g.date_begin, g.date_end = _iso(lo), _iso(hi)
        else:
            g.date_disagreement = True
            g.date_begin = _iso(min(m.begin for m in dated))  # type: ignore[type-var]
            g.date_end = _iso(max(m.end for m in dated))  # type: ignore[type-var]
    g.dates = sorted({m.date for m in members if m.date})
    g.actor_disagreement = len({(m.sources, m.targets) for m in members}) > 1
    g.source_actors = sorted(set().union(*(m.sources for m in members)))
    g.target_actors = sorted(set().union(*(m.targets for m in members)))
    return g


# -- the store ------------------------------------------------------------------
@dataclass
class MergeStats:
    """What a merge did."""

    events: int = 0
    groups: int = 0
    corroborated: int = 0
    disagreements: int = 0
    aliases: int = 0
    seconds: float = 0.0


def _state(store: Store) -> str:
    row = store.conn.execute(
        "SELECT (SELECT count(*) FROM events), (SELECT coalesce(max(rowid), 0) FROM events), "
        "(SELECT count(*) FROM entities), (SELECT count(*) FROM event_participants)"
    ).fetchone()
    return ":".join(str(x) for x in row)


def is_stale(store: Store) -> bool:
    """True when events or entities changed since the last merge."""
    row = store.conn.execute("SELECT value FROM meta WHERE key=?", (MERGE_STATE_KEY,)).fetchone()
    return row is None or row[0] != _state(store)


def load_events(store: Store, aliases: dict[str, tuple[str, str]]) -> list[EventRow]:
    """Every stored event with its participants mapped to canonical entity ids."""
    c = store.conn
    sources: dict[str, set[str]] = defaultdict(set)
    targets: dict[str, set[str]] = defaultdict(set)
    for event_id, entity_id, role in c.execute(
        "SELECT event_id, entity_id, role FROM event_participants"
    ):
        canon = aliases[entity_id][0] if entity_id in aliases else entity_id
        (sources if role == "source" else targets)[event_id].add(canon)
    rows = []
    for eid, doc, cameo, label, mode, dt, b, e in c.execute(
        "SELECT id, document_id, cameo, cameo_label, mode, date, date_begin, date_end "
        "FROM events ORDER BY id"
    ):
        rows.append(EventRow(eid, doc, cameo, label, mode, dt, _ordinal(b), _ordinal(e),
                             frozenset(sources.get(eid, ())), frozenset(targets.get(eid, ()))))
    return rows


WRITE_CHUNK = 5_000
"""Rows per write transaction: each holds the write lock for milliseconds, so other
writers (a second ``extract``) never wait long for it."""

MERGE_OWNER_KEY = "merge_owner"


def merge_store(store: Store, chunk: int = WRITE_CHUNK) -> MergeStats:
    """Rebuild entity aliases and event groups, holding the write lock only briefly.

    The store is read in one read transaction (a snapshot: no lock in WAL
    mode), the groups are computed with no transaction open, and the tables
    are rewritten in short ``BEGIN IMMEDIATE`` transactions of ``chunk`` rows.
    The merge state is cleared first and recorded last, so a merge that is
    killed half-way leaves the store stale and the next run rebuilds it. If
    another process starts a merge meanwhile, this one gives way to it.

    store (Store): a writable store (the single writer).
    chunk (int): rows per write transaction.
    RETURNS (MergeStats): counts and the time taken.
    """
    t0 = time.perf_counter()
    c = store.conn
    stats = MergeStats()
    c.execute("BEGIN")  # one consistent snapshot of what is merged
    try:
        state = _state(store)
        ents = [dict(r) for r in c.execute("SELECT id, type, name, wikidata FROM entities")]
        counts = dict(c.execute("SELECT entity_id, count(*) FROM mentions GROUP BY entity_id")
                      .fetchall())
        aliases = entity_aliases(ents, counts)
        events = load_events(store, aliases)
    finally:
        c.execute("COMMIT")
    groups = event_groups(events)
    owner = f"{os.getpid()}:{t0}"
    _write(c, "DELETE FROM meta WHERE key=?", [(MERGE_STATE_KEY,)])
    _write(c, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [(MERGE_OWNER_KEY, owner)])
    for table in ("event_group_members", "event_groups", "entity_aliases"):
        while _owned(c, owner) and _write(
            c, f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} LIMIT ?)",
            [(chunk,)]):
            pass
    rows: list[tuple[str, list[tuple[Any, ...]]]] = [
        ("INSERT INTO entity_aliases(alias_id, entity_id, rule) VALUES (?, ?, ?)",
         [(a, t, rule) for a, (t, rule) in sorted(aliases.items())]),
        ("INSERT INTO event_groups(id, cameo, cameo_root, cameo_label, mode, date_begin, "
         "date_end, sources, members, date_disagreement, actor_disagreement, dates, "
         "source_actors, target_actors) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
         [(gid, g.cameo, g.cameo[:2], g.cameo_label, g.members[0].mode, g.date_begin,
           g.date_end, g.sources, len(g.members), int(g.date_disagreement),
           int(g.actor_disagreement), json.dumps(g.dates, ensure_ascii=False),
           json.dumps(g.source_actors, ensure_ascii=False),
           json.dumps(g.target_actors, ensure_ascii=False))
          for gid, g in enumerate(groups, 1)]),
        # members whose event was removed since the snapshot (``--refresh``) are skipped
        ("INSERT INTO event_group_members(event_id, group_id, document_id) "
         "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM events WHERE id=?1)",
         [(m.id, gid, m.document_id) for gid, g in enumerate(groups, 1) for m in g.members]),
    ]
    for sql, values in rows:
        for i in range(0, len(values), chunk):
            if not _owned(c, owner):
                break
            _write(c, sql, values[i : i + chunk])
    if _owned(c, owner):
        _write(c, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
               [(MERGE_STATE_KEY, state)])
    stats.events = len(events)
    stats.groups = len(groups)
    stats.corroborated = sum(1 for g in groups if g.sources > 1)
    stats.disagreements = sum(1 for g in groups if g.date_disagreement or g.actor_disagreement)
    stats.aliases = len(aliases)
    stats.seconds = time.perf_counter() - t0
    return stats


def _write(c: sqlite3.Connection, sql: str, values: list[tuple[Any, ...]]) -> int:
    """One short write transaction. RETURNS (int): rows changed."""
    c.execute("BEGIN IMMEDIATE")
    try:
        before = c.total_changes
        c.executemany(sql, values)
        c.execute("COMMIT")
    except BaseException:
        if c.in_transaction:
            c.execute("ROLLBACK")
        raise
    return c.total_changes - before


def _owned(c: sqlite3.Connection, owner: str) -> bool:
    """False once another merge has started (the last one to start finishes)."""
    row = c.execute("SELECT value FROM meta WHERE key=?", (MERGE_OWNER_KEY,)).fetchone()
    return row is not None and row[0] == owner


def ensure_merged(store: Store) -> MergeStats | None:
    """Merge when the store changed since the last merge. RETURNS (MergeStats | None)."""
    return merge_store(store) if is_stale(store) else None


def corroborated(store: Store, min_sources: int = 2,
                 limit: int | None = None) -> list[dict[str, Any]]:
    """Event groups by number of independent sources, most first.

    store (Store): the store (merged: see :func:`ensure_merged`).
    min_sources (int): only groups reported by at least this many documents.
    limit (int | None): at most this many groups.
    RETURNS (list[dict]): one dict per group, with its member reports.
    """
    c = store.conn
    sql = ("SELECT * FROM event_groups WHERE sources >= ? "
           "ORDER BY sources DESC, members DESC, date_begin, id")
    params: list[Any] = [min_sources]
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    groups = [dict(r) for r in c.execute(sql, params)]
    if not groups:
        return []
    names = dict(c.execute("SELECT id, name FROM entities").fetchall())
    by_id = {g["id"]: g for g in groups}
    for g in groups:
        for k in ("dates", "source_actors", "target_actors"):
            g[k] = json.loads(g[k])
        g["source_names"] = [names.get(a, a) for a in g["source_actors"]]
        g["target_names"] = [names.get(a, a) for a in g["target_actors"]]
        g["date_disagreement"] = bool(g["date_disagreement"])
        g["actor_disagreement"] = bool(g["actor_disagreement"])
        g["reports"] = []
    ids = list(by_id)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in c.execute(
            "SELECT m.group_id, ev.id, ev.document_id, d.path, ev.cameo, ev.date, ev.trigger, "
            "ev.evidence, (SELECT group_concat(p.role || '=' || p.entity_id, ' ') FROM "
            "event_participants p WHERE p.event_id = ev.id) AS actors "
            f"FROM event_group_members m JOIN events ev ON ev.id = m.event_id "
            f"JOIN documents d ON d.id = ev.document_id WHERE m.group_id IN ({marks}) "
            "ORDER BY m.group_id, ev.document_id, ev.start",
            chunk,
        ):
            rep = dict(r)
            group_id = rep.pop("group_id")
            actors = (rep.pop("actors") or "").split()
            rep["source"] = [a.split("=", 1)[1] for a in actors if a.startswith("source=")]
            rep["target"] = [a.split("=", 1)[1] for a in actors if a.startswith("target=")]
            by_id[group_id]["reports"].append(rep)
    return groups


