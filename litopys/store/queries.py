"""Read-only queries for the web interface and the exports.

``db.py`` holds the writer and the basic readers; this module adds the
queries the pages and exports need (filtered event lists with participant
names, the actor network, dyads, whole tables for CSV). Only the store layer
runs SQL, so ``litopys.web`` calls these functions and never the connection.

Every function takes a :class:`~litopys.store.db.Store` (opened read-only
when serving) and returns plain dicts and lists, ready for JSON.

DOCS: docs/WEB.md
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from litopys.pipeline.time.values import day_bounds, is_calendar_date
from litopys.store.db import Store

MAX_LIMIT = 5000
"""Upper bound on any list a query returns (the web layer caps ``limit`` to it)."""

MODES = ("asserted", "negated", "hypothetical")
DATE_SOURCES = ("text", "narrative", "human", "none")
"""Values of the ``date_source`` filter ("none": undated events)."""

EXPORT_TABLES: dict[str, str] = {
    "documents": "SELECT id, path, chars, encoding, format, added_at FROM documents ORDER BY id",
    "entities": (
        "SELECT e.id, e.type, e.name, e.cameo, e.wikidata, "
        "(SELECT group_concat(DISTINCT a.affiliation_id) FROM affiliations a "
        "WHERE a.entity_id = e.id) AS affiliations, "
        "(SELECT group_concat(DISTINCT r.role) FROM entity_roles r "
        "WHERE r.entity_id = e.id) AS roles, "
        "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions "
        "FROM entities e ORDER BY e.id"
    ),
    "mentions": (
        "SELECT document_id, entity_id, start, end, text, sentence FROM mentions "
        "ORDER BY document_id, start"
    ),
    "participants": (
        "SELECT p.event_id, p.entity_id, e.name AS entity_name, p.role, p.position "
        "FROM event_participants p JOIN entities e ON e.id = p.entity_id "
        "ORDER BY p.event_id, p.role, p.position"
    ),
    "timexes": (
        "SELECT document_id, start, end, text, value, begin, end_date, precision, source, "
        "anchor, old_style, confidence FROM timexes ORDER BY document_id, start"
    ),
    "events": (
        "SELECT id, document_id, cameo, cameo_label, goldstein, plover, mode, date, "
        "date_source, date_begin, date_end, trigger, start, end, evidence, evidence_start, "
        "evidence_end, provenance, confidence, corrected FROM events "
        "ORDER BY date_begin, document_id, start"
    ),
}
"""Tables the CSV export writes, by file stem (fixed SQL: no name from input)."""



@dataclass
class EventFilter:
    """Filters shared by every page and export (the query string of ``/search``).

    actor (str | None): entity id, or a case-insensitive part of a name or surface form.
    actor_id (str | None): exact entity id (the actor page).
    cameo (str | None): CAMEO code or root prefix ("04", "042").
    mode (str | None): asserted, negated or hypothetical.
    date_from / date_to (str | None): YYYY, YYYY-MM or YYYY-MM-DD; events whose
        interval overlaps the period are kept (undated ones are dropped).
    document (str | None): document id.
    q (str | None): a part of the trigger or evidence text.
    limit (int): at most this many events (capped at MAX_LIMIT).
    """

    actor: str | None = None
    actor_id: str | None = None
    cameo: str | None = None
    mode: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    document: str | None = None
    q: str | None = None
    limit: int = MAX_LIMIT
    min_confidence: float | None = None
    date_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def query_string_items(self) -> list[tuple[str, str]]:
        """RETURNS (list[tuple[str, str]]): the non-empty filters, for links."""
        return [(k, str(v)) for k, v in asdict(self).items() if v and k != "limit"]


def _lower_bound(value: str) -> str:
    """First ISO day of a YYYY / YYYY-MM / YYYY-MM-DD value."""
    bounds = day_bounds(value)
    return value if bounds is None else bounds[0]


def _upper_bound(value: str) -> str:
    """Last ISO day of a YYYY / YYYY-MM / YYYY-MM-DD value."""
    bounds = day_bounds(value)
    return value if bounds is None else bounds[1]


def is_date(value: str) -> bool:
    """RETURNS (bool): whether ``value`` is a real YYYY, YYYY-MM or YYYY-MM-DD of the
    common era (the web's filters; the CLI's also take "-" years)."""
    return not value.startswith("-") and is_calendar_date(value)


def _unicode_lower(store: Store) -> None:
    """Register ``py_lower``: SQLite's own lower() folds ASCII only, not Cyrillic."""
    store.conn.create_function("py_lower", 1, lambda s: s.lower() if isinstance(s, str) else s,
                               deterministic=True)


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.actor:
        like = f"%{f.actor.lower()}%"
        clauses.append(
            "ev.id IN (SELECT p.event_id FROM event_participants p JOIN entities e "
            "ON e.id = p.entity_id WHERE e.id = ? OR py_lower(e.name) LIKE ? OR e.id IN "
            "(SELECT entity_id FROM mentions WHERE py_lower(text) LIKE ?) OR e.id IN "
            "(SELECT entity_id FROM entity_names WHERE py_lower(name) LIKE ?))"
        )
        params += [f.actor, like, like, like]
    if f.actor_id:
        clauses.append("ev.id IN (SELECT event_id FROM event_participants WHERE entity_id = ?)")
        params.append(f.actor_id)
    if f.cameo:
        clauses.append("ev.cameo LIKE ?")
        params.append(f"{f.cameo}%")
    if f.mode:
        clauses.append("ev.mode = ?")
        params.append(f.mode)
    if f.date_from:
        clauses.append("ev.date_end IS NOT NULL AND ev.date_end >= ?")
        params.append(_lower_bound(f.date_from))
    if f.date_to:
        clauses.append("ev.date_begin IS NOT NULL AND ev.date_begin <= ?")
        params.append(_upper_bound(f.date_to))
    if f.document:
        clauses.append("ev.document_id = ?")
        params.append(f.document)
    if f.q:
        clauses.append("(py_lower(ev.trigger) LIKE ? OR py_lower(ev.evidence) LIKE ?)")
        params += [f"%{f.q.lower()}%"] * 2
    if f.min_confidence is not None:  # provenance and confidence: litopys/store/corrections.py
        clauses.append("coalesce(ev.confidence, 0) >= ?")
        params.append(f.min_confidence)
    if f.date_source:
        clauses.append("coalesce(ev.date_source, 'none') = ?")
        params.append(f.date_source)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


_EVENT_COLUMNS = (
    "ev.id, ev.document_id, ev.cameo, ev.cameo_label, ev.goldstein, ev.plover, ev.mode, "
    "ev.date, ev.date_source, ev.date_begin, ev.date_end, ev.trigger, ev.start, ev.end, "
    "ev.evidence, ev.evidence_start, ev.evidence_end, d.path AS document_path, "
    "ev.provenance, ev.confidence, ev.corrected, "
    # the wording of the time expression that dates the event: one inside the
    # evidence sentence first, else any in the document with the same value
    "coalesce((SELECT t.text FROM timexes t WHERE t.document_id = ev.document_id "
    "AND t.value = ev.date AND t.start >= ev.evidence_start AND t.end <= ev.evidence_end "
    "ORDER BY t.start LIMIT 1), (SELECT t.text FROM timexes t WHERE "
    "t.document_id = ev.document_id AND t.value = ev.date ORDER BY t.start LIMIT 1)) "
    "AS date_text"
)


def count_events(store: Store, f: EventFilter) -> int:
    """RETURNS (int): how many events match the filters (ignoring the limit)."""
    _unicode_lower(store)
    where, params = _where(f)
    return store.conn.execute(f"SELECT count(*) FROM events ev {where}", params).fetchone()[0]


def search_events(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Events matching the filters, in time order, with participants named.

    f (EventFilter): the filters; at most ``min(f.limit, MAX_LIMIT)`` events.
    RETURNS (list[dict]): one dict per event with the ``events`` columns plus
        ``local_id`` (the id inside its document), ``document_path``,
        ``date_text`` (wording of the dating time expression or None) and
        ``source`` / ``target``: lists of ``{"id", "name", "type"}``.
    """
    _unicode_lower(store)
    where, params = _where(f)
    limit = max(1, min(int(f.limit or MAX_LIMIT), MAX_LIMIT))
    rows = store.conn.execute(
        f"SELECT {_EVENT_COLUMNS} FROM events ev JOIN documents d ON d.id = ev.document_id "
        f"{where} ORDER BY ev.date_begin IS NULL, ev.date_begin, ev.date_end, "
        f"ev.document_id, ev.start LIMIT ?",
        [*params, limit],
    ).fetchall()
    return _with_participants(store, [dict(r) for r in rows])


def _with_participants(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id: dict[str, dict[str, Any]] = {}
    for ev in events:
        ev["local_id"] = ev["id"].split(":", 1)[1] if ":" in ev["id"] else ev["id"]
        ev["source"] = []
        ev["target"] = []
        by_id[ev["id"]] = ev
    ids = list(by_id)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(
            "SELECT p.event_id, p.role, e.id, e.name, e.type FROM event_participants p "
            f"JOIN entities e ON e.id = p.entity_id WHERE p.event_id IN ({marks}) "
            "ORDER BY p.event_id, p.role, p.position",
            chunk,
        ):
            by_id[r["event_id"]][r["role"]].append(
                {"id": r["id"], "name": r["name"], "type": r["type"]}
            )
    return events


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """RETURNS (dict | None): one event as :func:`search_events` gives it."""
    rows = store.conn.execute(
        f"SELECT {_EVENT_COLUMNS} FROM events ev JOIN documents d ON d.id = ev.document_id "
        "WHERE ev.id = ?",
        (event_id,),
    ).fetchall()
    evs = _with_participants(store, [dict(r) for r in rows])
    return evs[0] if evs else None


def overview(store: Store) -> dict[str, Any]:
    """Counts and extent of the whole chronicle.

    RETURNS (dict): ``documents``, ``entities``, ``events``, ``timexes``,
        ``mentions`` counts, ``date_min`` / ``date_max`` and ``modes``.
    """
    c = store.conn
    out: dict[str, Any] = {}
    for table in ("documents", "entities", "events", "timexes", "mentions"):
        out[table] = c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    r = c.execute("SELECT min(date_begin), max(date_end) FROM events").fetchone()
    out["date_min"], out["date_max"] = r[0], r[1]
    out["modes"] = {
        m: n for m, n in c.execute("SELECT mode, count(*) FROM events GROUP BY mode")
    }
    return out


def document_summaries(store: Store) -> list[dict[str, Any]]:
    """Each document with a title (its first line), the span of its event dates, and counts.

    RETURNS (list[dict]): id, path, chars, format, encoding, added_at, title,
        date_min, date_max, events, entities, timexes, corrections.
    """
    rows = store.conn.execute(
        "SELECT d.id, d.path, d.chars, d.format, d.encoding, d.added_at, "
        "substr(ltrim(d.text, char(10, 13, 32, 9)), 1, 300) AS head, "
        "(SELECT min(date_begin) FROM events e WHERE e.document_id = d.id) AS date_min, "
        "(SELECT max(date_end) FROM events e WHERE e.document_id = d.id) AS date_max, "
        "(SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events, "
        "(SELECT count(DISTINCT entity_id) FROM mentions m WHERE m.document_id = d.id) "
        "AS entities, "
        "(SELECT count(*) FROM timexes t WHERE t.document_id = d.id) AS timexes "
        "FROM documents d ORDER BY d.added_at, d.id").fetchall()
    out = []
    for r in rows:
        d = dict(r)
        first = d.pop("head").splitlines()[0].strip().lstrip("#").strip() if r["head"] else ""
        d["title"] = first if len(first) <= 120 else first[:119].rstrip() + "…"
        out.append(d)
    return out


def top_actors(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """RETURNS (list[dict]): entities taking part in most events: id, name, type, events."""
    rows = store.conn.execute(
        "SELECT e.id, e.name, e.type, count(DISTINCT p.event_id) AS events "
        "FROM entities e JOIN event_participants p ON p.entity_id = e.id "
        "GROUP BY e.id ORDER BY events DESC, e.name LIMIT ?",
        (max(1, min(limit, MAX_LIMIT)),),
    )
    return [dict(r) for r in rows]


def cameo_codes(store: Store) -> list[dict[str, Any]]:
    """RETURNS (list[dict]): CAMEO codes used in the store: code, label, events."""
    rows = store.conn.execute(
        "SELECT cameo AS code, min(cameo_label) AS label, count(*) AS events FROM events "
        "GROUP BY cameo ORDER BY cameo"
    )
    return [dict(r) for r in rows]


def entity_names(store: Store, ids: list[str]) -> dict[str, str]:
    """RETURNS (dict[str, str]): entity id -> canonical name, for the ids found."""
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(
            f"SELECT id, name FROM entities WHERE id IN ({marks})", chunk
        ):
            out[r["id"]] = r["name"]
    return out


def entity_detail(store: Store, entity_id: str) -> dict[str, Any] | None:
    """An actor's page: canonical name, surface forms, offices, affiliations, documents.

    RETURNS (dict | None): ``Store.entity`` plus ``affiliations`` as
        ``{"id", "name"}`` dicts, ``members`` (entities affiliated to it) and
        ``documents`` (id, path, mentions).
    """
    ent = store.entity(entity_id)
    if ent is None:
        return None
    names = entity_names(store, ent["affiliations"])
    ent["affiliations"] = [{"id": a, "name": names.get(a, a)} for a in ent["affiliations"]]
    ent["members"] = [
        dict(r) for r in store.conn.execute(
            "SELECT DISTINCT e.id, e.name, e.type FROM affiliations a "
            "JOIN entities e ON e.id = a.entity_id WHERE a.affiliation_id = ? ORDER BY e.name",
            (entity_id,),
        )
    ]
    ent["documents"] = [
        dict(r) for r in store.conn.execute(
            "SELECT d.id, d.path, count(*) AS mentions FROM mentions m "
            "JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ? "
            "GROUP BY d.id ORDER BY d.path, d.id",
            (entity_id,),
        )
    ]
    return ent


def side(store: Store, entity_id: str) -> set[str]:
    """An actor and everyone affiliated to it (a polity and its officials).

    RETURNS (set[str]): entity ids.
    """
    ids = {entity_id}
    for r in store.conn.execute(
        "SELECT DISTINCT entity_id FROM affiliations WHERE affiliation_id = ?", (entity_id,)
    ):
        ids.add(r[0])
    return ids


def dyad_events(store: Store, a: str, b: str, f: EventFilter) -> list[dict[str, Any]]:
    """Events between two sides: one participant on a's side and one on b's.

    a / b (str): entity ids; each side includes the entities affiliated to it.
    f (EventFilter): further filters (actor is ignored).
    RETURNS (list[dict]): events as :func:`search_events` gives them, each with
        ``direction``: "a→b", "b→a" or "mixed".
    """
    _unicode_lower(store)
    side_a, side_b = side(store, a), side(store, b)
    both = sorted(side_a | side_b)
    marks = ",".join("?" * len(both))
    where, params = _where(EventFilter(**{**f.to_dict(), "actor": None, "actor_id": None}))
    extra = f"ev.id IN (SELECT event_id FROM event_participants WHERE entity_id IN ({marks}))"
    where = f"{where} AND {extra}" if where else f"WHERE {extra}"
    rows = store.conn.execute(
        f"SELECT {_EVENT_COLUMNS} FROM events ev JOIN documents d ON d.id = ev.document_id "
        f"{where} ORDER BY ev.date_begin IS NULL, ev.date_begin, ev.document_id, ev.start",
        [*params, *both],
    ).fetchall()
    out: list[dict[str, Any]] = []
    limit = max(1, min(int(f.limit or MAX_LIMIT), MAX_LIMIT))
    for ev in _with_participants(store, [dict(r) for r in rows]):
        src = {p["id"] for p in ev["source"]}
        tgt = {p["id"] for p in ev["target"]}
        parts = src | tgt
        if not (parts & side_a and parts & side_b) or (side_a & side_b & parts == parts):
            continue
        if src & side_a and tgt & side_b:
            ev["direction"] = "a→b"
        elif src & side_b and tgt & side_a:
            ev["direction"] = "b→a"
        else:
            ev["direction"] = "mixed"
        out.append(ev)
        if len(out) >= limit:
            break
    return out


@dataclass
class NetworkEdge:
    """The events from one actor to another, aggregated.

    events (int): every event, whatever its mode.
    total (float): the sum of their Goldstein weights.
    modes (dict[str, int]): events by mode (asserted, negated, hypothetical).
    asserted_total / other_total (float): Goldstein sums of the asserted and the other events.
    cameo (set[str]): CAMEO codes seen.
    first / last (str | None): the first day and last day any dated event covers.
    """

    source: str
    target: str
    events: int = 0
    total: float = 0.0
    modes: dict[str, int] = field(default_factory=dict)
    asserted_total: float = 0.0
    other_total: float = 0.0
    cameo: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None

    def add(self, ev: dict[str, Any]) -> None:
        """Count one event (as :func:`search_events` gives it) on this edge."""
        self.events += 1
        self.total += ev["goldstein"]
        self.modes[ev["mode"]] = self.modes.get(ev["mode"], 0) + 1
        if ev["mode"] == "asserted":
            self.asserted_total += ev["goldstein"]
        else:
            self.other_total += ev["goldstein"]
        self.cameo.add(ev["cameo"])
        if ev["date_begin"]:
            self.first = min(filter(None, (self.first, ev["date_begin"])))
            self.last = max(filter(None, (self.last, ev["date_end"] or ev["date_begin"])))

    def asserted_goldstein(self) -> float:
        """RETURNS (float): mean Goldstein weight of the asserted events (of the
        others when none is asserted), to two decimals."""
        asserted = self.modes.get("asserted", 0)
        if asserted:
            return round(self.asserted_total / asserted, 2)
        others = self.events - asserted
        return round(self.other_total / others, 2) if others else 0.0


@dataclass
class ActorNetwork:
    """Actors as nodes, ordered (source, target) pairs as edges.

    nodes (dict[str, dict]): entity id -> {id, name, type, events (participations)}.
    edges (dict[tuple[str, str], NetworkEdge]): one edge per ordered pair of
        different actors, in the order first seen.
    events (int): how many events were read.
    """

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[tuple[str, str], NetworkEdge] = field(default_factory=dict)
    events: int = 0


def actor_network(events: Iterable[dict[str, Any]]) -> ActorNetwork:
    """Build the actor network of some events: the one builder behind the web
    network view and the GEXF / GraphML exports.

    events (Iterable[dict]): events as :func:`search_events` gives them.
    RETURNS (ActorNetwork): nodes and weighted edges.
    """
    net = ActorNetwork()
    for ev in events:
        net.events += 1
        for p in ev["source"] + ev["target"]:
            node = net.nodes.setdefault(p["id"], {**p, "events": 0})
            node["events"] += 1
        for s in ev["source"]:
            for t in ev["target"]:
                if s["id"] != t["id"]:
                    key = (s["id"], t["id"])
                    net.edges.setdefault(key, NetworkEdge(*key)).add(ev)
    return net


def network(store: Store, f: EventFilter) -> dict[str, Any]:
    """The actor network of the events matching the filters (``/network.json``).

    RETURNS (dict): ``nodes`` (id, name, type, events) and ``edges`` (source,
        target, count, goldstein: mean weight, cameo: codes seen, negated,
        hypothetical), one edge per ordered (source, target) pair. ``count`` and the
        mean Goldstein weight cover asserted events only: a negated or hypothetical
        event is not an interaction that happened (it is counted apart).
    """
    net = actor_network(search_events(store, f))
    edges = [
        {"source": e.source, "target": e.target, "count": e.modes.get("asserted", 0),
         "cameo": sorted(e.cameo), "negated": e.modes.get("negated", 0),
         "hypothetical": e.modes.get("hypothetical", 0), "goldstein": e.asserted_goldstein()}
        for e in net.edges.values()
    ]
    # each actor's polity (the affiliation most documents give), for the polity-level view
    for node in net.nodes.values():
        row = store.conn.execute(
            "SELECT a.affiliation_id, e.name, e.type FROM affiliations a JOIN entities e ON "
            "e.id = a.affiliation_id WHERE a.entity_id = ? GROUP BY a.affiliation_id "
            "ORDER BY count(*) DESC, a.affiliation_id LIMIT 1", (node["id"],)).fetchone()
        node["affiliation"] = dict(zip(("id", "name", "type"), row, strict=True)) if row else None
    return {"nodes": list(net.nodes.values()), "edges": edges, "events": net.events}


def table_rows(store: Store, name: str) -> Iterator[dict[str, Any]]:
    """Stream the rows of one export table.

    name (str): a key of EXPORT_TABLES.
    RETURNS (Iterator[dict]): one dict per row.
    """
    sql = EXPORT_TABLES[name]
    cur = store.conn.execute(sql)
    while True:
        rows = cur.fetchmany(1000)
        if not rows:
            return
        for r in rows:
            yield dict(r)


def all_events(store: Store) -> Iterator[dict[str, Any]]:
    """Every event (no limit) in time order, with participants, in batches.

    RETURNS (Iterator[dict]): events as :func:`search_events` gives them.
    """
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM events ORDER BY date_begin IS NULL, date_begin, date_end, "
        "document_id, start"
    )]
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events ev JOIN documents d "
            f"ON d.id = ev.document_id WHERE ev.id IN ({marks})",
            chunk,
        ).fetchall()
        order = {eid: n for n, eid in enumerate(chunk)}
        evs = sorted((dict(r) for r in rows), key=lambda e: order[e["id"]])
        yield from _with_participants(store, evs)


def document_ids(store: Store) -> list[str]:
    """RETURNS (list[str]): every document id, in the order they were added."""
    return [d["id"] for d in store.documents()]
