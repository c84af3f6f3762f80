"""Read corrected brat / INCEpTION standoff back into the corrections layer.

The input is a directory as ``litopys export --format brat`` writes it: per
document ``NAME-<doc id>.txt`` + ``NAME-<doc id>.ann`` with

- ``T`` lines for entity mentions (type PERSON, GPE, ...; an ``AnnotatorNotes``
  line ``Name [entity id]``), time expressions (``TIMEX``) and event triggers
  (``CAMEO_<root>``);
- ``E`` lines ``CAMEO_<root>:T<n> Source:T<m> Target:T<k> ...``;
- ``A`` lines ``Mode E<n> asserted|negated|hypothetical``;
- ``#`` notes; an event's note holds ``date <TIMEX3 value>``.

The import compares each file with what the store would export for the same
document now (corrections included) and records the differences as
corrections (origin ``brat``), so exporting and importing again changes
nothing. Supported differences: an event removed, added, or with another CAMEO
root, mode, date or participants; every mention of an entity removed (the
entity is deleted from the document); a mention whose note names another
entity id (the mention is linked to it). Anything else (a new entity mention,
some mentions of an entity removed) is reported and left alone.

DOCS: docs/TRUST.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litopys.errors import CorrectionError, Errors, LitopysError
from litopys.evaluate import MODES
from litopys.store.corrections import add_correction
from litopys.store.db import Store

_NOTE_ID = re.compile(r"\[([^\[\]]+)\]\s*$")
_NOTE_DATE = re.compile(r"(?:^|;)\s*date\s+(\S+)")


@dataclass
class Ann:
    """One parsed ``.ann`` file: spans by T id, events, modes and notes."""

    spans: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    events: dict[str, tuple[str, list[tuple[str, str]]]] = field(default_factory=dict)
    modes: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


@dataclass
class ImportReport:
    """What an import did: corrections by kind, and what it left alone."""

    documents: int = 0
    corrections: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def count(self, kind: str) -> None:
        self.corrections[kind] = self.corrections.get(kind, 0) + 1


def parse_ann(text: str, path: Path | str = "ann") -> Ann:
    """Parse brat standoff.

    text (str): the ``.ann`` content.
    path (Path | str): the file, for messages.
    RETURNS (Ann): the parsed annotations; malformed lines raise E093.
    """
    ann = Ann()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"line {n}"
        cols = line.split("\t")
        key = cols[0]
        try:
            if key.startswith("T"):
                kind, _, frags = cols[1].partition(" ")
                offsets = [int(x) for part in frags.split(";") for x in part.split()]
                ann.spans[key] = (kind, min(offsets), max(offsets))
            elif key.startswith("E"):
                args = [a.split(":", 1) for a in cols[1].split()]
                kind, trig = args[0]
                ann.events[key] = (f"{kind}:{trig}", [(role, tid) for role, tid in args[1:]])
            elif key.startswith("A"):
                name, target, value = cols[1].split()
                if name == "Mode":
                    ann.modes[target] = value
            elif key.startswith("#"):
                _, target = cols[1].split()
                ann.notes[target] = cols[2] if len(cols) > 2 else ""
        except (IndexError, ValueError):
            raise CorrectionError(Errors.E093, path=path, where=where,
                                  reason=f"cannot read {line[:60]!r}") from None
    return ann


def _doc_id(ann_path: Path) -> str:
    return ann_path.stem.rsplit("-", 1)[-1]


def _entity_of(ann: Ann, tid: str) -> str | None:
    m = _NOTE_ID.search(ann.notes.get(tid, ""))
    return m.group(1) if m else None


@dataclass
class _Event:
    start: int
    end: int
    root: str
    mode: str
    date: str | None
    source: list[str]
    target: list[str]


def _events(ann: Ann, mention_entity: dict[tuple[int, int], str]) -> dict[tuple[int, int],
                                                                          _Event]:
    out: dict[tuple[int, int], _Event] = {}
    for eid, (head, args) in ann.events.items():
        kind, trig = head.split(":", 1)
        if trig not in ann.spans:
            continue
        _, start, end = ann.spans[trig]
        parts: dict[str, list[str]] = {"Source": [], "Target": []}
        for role, tid in args:
            base = role.rstrip("0123456789")
            if base not in parts or tid not in ann.spans:
                continue
            _, s, e = ann.spans[tid]
            ent = _entity_of(ann, tid) or mention_entity.get((s, e))
            if ent and ent not in parts[base]:
                parts[base].append(ent)
        m = _NOTE_DATE.search(ann.notes.get(eid, ""))
        date = m.group(1) if m else None
        out[(start, end)] = _Event(start, end, kind.removeprefix("CAMEO_"),
                                   ann.modes.get(eid, "asserted"),
                                   None if date in (None, "?") else date,
                                   parts["Source"], parts["Target"])
    return out


def _mentions(ann: Ann) -> dict[tuple[int, int], str | None]:
    return {(s, e): _entity_of(ann, tid) for tid, (kind, s, e) in ann.spans.items()
            if kind != "TIMEX" and not kind.startswith("CAMEO_")}


def diff(before: Ann, after: Ann) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """The corrections that turn one document's export into the edited file.

    RETURNS (list[tuple[str, dict, dict]]): (kind, anchor, value) triples, in order:
        mention links, entity deletions, event deletions, updates, additions.
    """
    out: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    m_before, m_after = _mentions(before), _mentions(after)
    by_entity: dict[str, list[tuple[int, int]]] = {}
    for span, ent in m_before.items():
        if ent:
            by_entity.setdefault(ent, []).append(span)
    for span, ent in m_after.items():
        old = m_before.get(span)
        if old and ent and ent != old:
            out.append(("mention_link", {"start": span[0], "end": span[1]}, {"entity": ent}))
    for ent, spans in by_entity.items():
        if all(s not in m_after for s in spans):
            out.append(("entity_delete", {"entity": ent, "mentions": [list(s) for s in spans]},
                        {}))
    resolved = {s: e for s, e in m_before.items() if e}
    ev_before, ev_after = _events(before, resolved), _events(after, resolved)
    for span in ev_before:
        if span not in ev_after:
            out.append(("event_delete", {"start": span[0], "end": span[1]}, {}))
    for span, new in ev_after.items():
        old = ev_before.get(span)
        anchor = {"start": span[0], "end": span[1]}
        if old is None:
            out.append(("event_add", anchor, {"cameo": new.root, "mode": new.mode,
                                              "date": new.date, "source": new.source,
                                              "target": new.target}))
            continue
        value: dict[str, Any] = {}
        if new.root != old.root:
            value["cameo"] = new.root
        for key in ("mode", "date", "source", "target"):
            if getattr(new, key) != getattr(old, key):
                value[key] = getattr(new, key)
        if value:
            out.append(("event_update", anchor, value))
    return out


def _current(store: Store, doc_id: str) -> str:
    from litopys.export.brat import brat_annotations

    return brat_annotations(store, doc_id)[1]


def import_brat(store: Store, directory: Path | str, author: str = "brat") -> ImportReport:
    """Import every ``.ann`` file of a brat export directory as corrections.

    store (Store): the writable store the export came from.
    directory (Path | str): the directory with ``NAME-<id>.txt`` + ``.ann`` files.
    author (str): recorded as the corrections' author.
    RETURNS (ImportReport): corrections made by kind, and what was skipped.
    """
    report = ImportReport()
    files = sorted(Path(directory).glob("*.ann"))
    if not files:
        raise CorrectionError(Errors.E093, path=directory, where="directory",
                              reason="no .ann files")
    for ann_path in files:
        doc_id = _doc_id(ann_path)
        document = store.document(doc_id)
        if document is None:
            raise CorrectionError(Errors.E094, path=ann_path, document=doc_id)
        txt = ann_path.with_suffix(".txt")
        if txt.is_file() and txt.read_text(encoding="utf-8") != document.text:
            raise CorrectionError(Errors.E093, path=txt, where="text",
                                  reason="the text differs from the stored document; brat "
                                         "annotations must not change the text")
        after = parse_ann(ann_path.read_text(encoding="utf-8"), ann_path)
        before = parse_ann(_current(store, doc_id), "export")
        report.documents += 1
        for span, ent in _mentions(after).items():
            if span not in _mentions(before):
                report.skipped.append(f"{ann_path.name}: new mention {span[0]}-{span[1]} "
                                      f"({ent or 'no id'}) is not imported")
        for kind, anchor, value in diff(before, after):
            if kind.startswith("event") and value.get("mode", "asserted") not in MODES:
                report.skipped.append(f"{ann_path.name}: unknown mode {value['mode']!r}")
                continue
            try:
                add_correction(store, doc_id, kind, anchor, value, author=author,
                               origin="brat")
            except LitopysError as err:
                report.skipped.append(f"{ann_path.name}: {err}")
                continue
            report.count(kind)
    return report
