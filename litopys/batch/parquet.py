"""Chronicles as Parquet tables, for Dask partitions and for DuckDB.

A *part* is one directory holding six files, one per table::

    DIR/part-<run>-<n>/documents.parquet
                       entities.parquet  mentions.parquet  timexes.parquet
                       events.parquet    participants.parquet

A part is written in a hidden temporary directory and renamed into place, so
a reader (or a resumed run) never sees half a part. DuckDB reads a table of
the whole corpus with ``read_parquet('DIR/part-*/events.parquet')``.

This module converts data only; it holds no NLP logic and runs no SQL.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention, Timex

_s = pa.string()
_i = pa.int64()

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("id", _s), ("path", _s), ("chars", _i), ("encoding", _s), ("format", _s), ("text", _s),
        ("language", _s), ("paragraphs", _s),  # paragraphs: JSON [[start, end, language], ...]
    ]),
    "entities": pa.schema([
        ("document_id", _s), ("entity_id", _s), ("position", _i), ("type", _s), ("name", _s),
        ("key", _s), ("roles", pa.list_(_s)), ("affiliation", _s), ("cameo", _s),
        ("wikidata", _s), ("provenance", _s), ("confidence", pa.float64()), ("trust", _s),
    ]),
    "mentions": pa.schema([
        ("document_id", _s), ("entity_id", _s), ("start", _i), ("end", _i), ("text", _s),
        ("sentence", _i),
    ]),
    "timexes": pa.schema([
        ("document_id", _s), ("start", _i), ("end", _i), ("text", _s), ("value", _s),
        ("begin", _s), ("end_date", _s), ("precision", _s), ("source", _s), ("anchor", _s),
        ("old_style", _s), ("confidence", pa.float64()),
    ]),
    "events": pa.schema([
        ("document_id", _s), ("event_id", _s), ("local_id", _s), ("cameo", _s),
        ("cameo_label", _s), ("goldstein", pa.float64()), ("plover", _s), ("mode", _s),
        ("date", _s), ("date_source", _s), ("date_begin", _s), ("date_end", _s),
        ("trigger", _s), ("start", _i), ("end", _i), ("evidence", _s),
        ("evidence_start", _i), ("evidence_end", _i), ("provenance", _s),
        ("confidence", pa.float64()),
        ("location", _s),
    ]),
    "participants": pa.schema([
        ("document_id", _s), ("event_id", _s), ("entity_id", _s), ("role", _s),
        ("position", _i),
    ]),
}
# documents last: a part is complete once its documents table exists
TABLES = ("entities", "mentions", "timexes", "events", "participants", "documents")


def to_rows(chronicles: Iterable[Chronicle]) -> dict[str, list[dict[str, Any]]]:
    """Flatten chronicles into rows, one list per table.

    chronicles (Iterable[Chronicle]): the chronicles of one part.
    RETURNS (dict[str, list[dict]]): rows keyed by table name.
    """
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for ch in chronicles:
        d = ch.document
        rows["documents"].append({"id": d.id, "path": d.path, "chars": d.chars,
                                  "encoding": d.encoding, "format": d.format, "text": d.text,
                                  "language": d.language, "paragraphs": json.dumps(d.paragraphs)})
        for pos, e in enumerate(ch.entities):
            rows["entities"].append({
                "document_id": d.id, "entity_id": e.id, "position": pos, "type": e.type,
                "name": e.name, "key": e.key, "roles": list(e.roles),
                "affiliation": e.affiliation, "cameo": e.cameo, "wikidata": e.wikidata,
                "provenance": e.provenance, "confidence": e.confidence,
                "trust": json.dumps(e.trust, ensure_ascii=False),
            })
            for m in e.mentions:
                rows["mentions"].append({"document_id": d.id, "entity_id": e.id,
                                         "start": m.start, "end": m.end, "text": m.text,
                                         "sentence": m.sentence})
        for t in ch.timexes:
            rows["timexes"].append({"document_id": d.id, **t.to_dict()})
        for ev in ch.events:
            eid = f"{d.id}:{ev.id}"
            rows["events"].append({
                "document_id": d.id, "event_id": eid, "local_id": ev.id, "cameo": ev.cameo,
                "cameo_label": ev.cameo_label, "goldstein": ev.goldstein, "plover": ev.plover,
                "mode": ev.mode, "date": ev.date, "date_source": ev.date_source,
                "date_begin": ev.date_begin, "date_end": ev.date_end, "trigger": ev.trigger,
                "start": ev.start, "end": ev.end, "evidence": ev.evidence,
                "evidence_start": ev.evidence_start, "evidence_end": ev.evidence_end,
                "provenance": ev.provenance, "confidence": ev.confidence,
                "location": ev.location,
            })
            for role, actors in (("source", ev.source), ("target", ev.target)):
                for i, a in enumerate(actors):
                    rows["participants"].append({"document_id": d.id, "event_id": eid,
                                                 "entity_id": a, "role": role, "position": i})
    return rows


def to_tables(chronicles: Iterable[Chronicle]) -> dict[str, pa.Table]:
    """Chronicles as Arrow tables with fixed schemas (see SCHEMAS)."""
    rows = to_rows(chronicles)
    return {t: pa.Table.from_pylist(rows[t], schema=SCHEMAS[t]) for t in TABLES}


def to_parquet_bytes(chronicles: Iterable[Chronicle]) -> dict[str, bytes]:
    """Chronicles as one Parquet file image per table (what a Dask worker returns)."""
    out: dict[str, bytes] = {}
    for name, table in to_tables(chronicles).items():
        buf = io.BytesIO()
        pq.write_table(table, buf, compression="zstd")
        out[name] = buf.getvalue()
    return out


def from_tables(tables: dict[str, pa.Table]) -> Iterator[Chronicle]:
    """Rebuild the chronicles of one part, in document order.

    tables (dict[str, pa.Table]): the six tables of a part.
    RETURNS (Iterator[Chronicle]): one chronicle per document row.
    """
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name in TABLES:
        if name == "documents":
            continue
        for r in tables[name].to_pylist():
            by_doc.setdefault(r["document_id"], {}).setdefault(name, []).append(r)
    for d in tables["documents"].to_pylist():
        doc = Document(id=d["id"], path=d["path"], text=d["text"], encoding=d["encoding"],
                       format=d["format"], language=d.get("language"),
                       paragraphs=[tuple(p) for p in json.loads(d.get("paragraphs") or "[]")])
        parts = by_doc.get(d["id"], {})
        entities: dict[str, Entity] = {}
        for r in sorted(parts.get("entities", []), key=lambda r: r["position"]):
            entities[r["entity_id"]] = Entity(
                id=r["entity_id"], type=r["type"], name=r["name"], key=r["key"] or "",
                roles=list(r["roles"] or []), affiliation=r["affiliation"], cameo=r["cameo"],
                wikidata=r["wikidata"], provenance=r.get("provenance"),
                confidence=r.get("confidence"), trust=json.loads(r.get("trust") or "{}"),
            )
        for r in parts.get("mentions", []):
            entities[r["entity_id"]].mentions.append(
                Mention(r["start"], r["end"], r["text"], r["sentence"]))
        timexes = [Timex(**{k: v for k, v in r.items() if k != "document_id"})
                   for r in parts.get("timexes", [])]
        roles: dict[str, dict[str, list[tuple[int, str]]]] = {}
        for r in parts.get("participants", []):
            roles.setdefault(r["event_id"], {"source": [], "target": []})[r["role"]].append(
                (r["position"], r["entity_id"]))
        events = []
        for r in parts.get("events", []):
            who = roles.get(r["event_id"], {"source": [], "target": []})
            events.append(Event(
                id=r["local_id"], cameo=r["cameo"], cameo_label=r["cameo_label"],
                goldstein=r["goldstein"], mode=r["mode"], date=r["date"],
                date_source=r["date_source"], source=[a for _, a in sorted(who["source"])],
                target=[a for _, a in sorted(who["target"])], trigger=r["trigger"],
                evidence=r["evidence"], start=r["start"], end=r["end"],
                evidence_start=r["evidence_start"], evidence_end=r["evidence_end"],
                plover=r["plover"], date_begin=r["date_begin"], date_end=r["date_end"],
                provenance=r.get("provenance"), confidence=r.get("confidence"),
                location=r.get("location"),
            ))
        yield Chronicle(document=doc, entities=list(entities.values()), timexes=timexes,
                        events=events)


def new_run_id() -> str:
    """A short id that keeps the part names of two runs apart."""
    return uuid.uuid4().hex[:8]


def write_part(directory: str | Path, name: str, files: dict[str, bytes | pa.Table]) -> Path:
    """Write one part atomically (temporary directory, then rename).

    directory (str | Path): the Parquet root.
    name (str): the part's directory name, e.g. "part-1a2b3c4d-00007".
    files (dict[str, bytes | pa.Table]): Parquet file images or Arrow tables per table.
    RETURNS (Path): the part directory.
    """
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    for table in TABLES:
        data = files[table]
        target = tmp / f"{table}.parquet"
        if isinstance(data, bytes | bytearray):
            target.write_bytes(data)
        else:
            pq.write_table(data, target, compression="zstd")
    final = root / name
    os.replace(tmp, final)
    return final


def read_part(part: str | Path) -> dict[str, pa.Table]:
    """The six tables of one part."""
    p = Path(part)
    return {t: pq.read_table(p / f"{t}.parquet", schema=SCHEMAS[t]) for t in TABLES}


def parts(directory: str | Path) -> list[Path]:
    """Complete parts under a Parquet root, sorted by name."""
    root = Path(directory)
    if not root.is_dir():
        return []
    return sorted(p for p in root.glob("part-*") if (p / "documents.parquet").exists())


def stored_ids(directory: str | Path) -> set[str]:
    """Document ids already written as Parquet under a root (for resuming)."""
    ids: set[str] = set()
    for p in parts(directory):
        ids.update(pq.read_table(p / "documents.parquet", columns=["id"]).column("id")
                   .to_pylist())
    return ids


class PartWriter:
    """Buffer chronicles and write a part every ``size`` documents.

    directory (str | Path): the Parquet root.
    size (int): documents per part.
    """

    def __init__(self, directory: str | Path, size: int = 256) -> None:
        self.directory = Path(directory)
        self.size = size
        self.run = new_run_id()
        self.count = 0
        self.buffer: list[Chronicle] = []

    def add(self, chronicle: Chronicle) -> None:
        self.buffer.append(chronicle)
        if len(self.buffer) >= self.size:
            self.flush()

    def add_part(self, files: dict[str, bytes]) -> Path:
        """Write a part another process serialised (a Dask partition)."""
        self.count += 1
        return write_part(self.directory, f"part-{self.run}-{self.count:05d}", files)

    def flush(self) -> None:
        if not self.buffer:
            return
        self.count += 1
        write_part(self.directory, f"part-{self.run}-{self.count:05d}", to_tables(self.buffer))
        self.buffer = []
