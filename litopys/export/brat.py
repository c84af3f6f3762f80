"""brat standoff: ``NAME.txt`` + ``NAME.ann`` per document and an
``annotation.conf``, for correction in brat or INCEpTION.

DOCS: docs/WEB.md
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from litopys.export.registry import register
from litopys.store.db import Store

BRAT_CONF = """[entities]
PERSON
GPE
ORG
LOC
DOC
MISC
TIMEX

[relations]

[events]
{events}

[attributes]
Mode Arg:<EVENT>, Value:asserted|negated|hypothetical
"""


def _fragments(text: str, start: int, end: int) -> str:
    """brat offsets for a span, split at line breaks (brat spans cannot cross them)."""
    parts: list[str] = []
    pos = start
    for piece in re.split(r"(\n)", text[start:end]):
        if piece == "\n" or not piece:
            pos += len(piece)
            continue
        parts.append(f"{pos} {pos + len(piece)}")
        pos += len(piece)
    return ";".join(parts)


def _brat_text(text: str, start: int, end: int) -> str:
    return " ".join(p for p in text[start:end].split("\n") if p)


def brat_type(label: str) -> str:
    """A brat-safe type name (letters, digits, underscore, hyphen)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", label).strip("_") or "X"


def brat_name(doc: dict[str, Any]) -> str:
    """A file stem for a document: its path's stem (made safe) and id."""
    stem = Path(doc["path"]).stem if doc.get("path") else ""
    stem = re.sub(r"[^\w.-]+", "_", stem).strip("._")[:60]
    return f"{stem}-{doc['id']}" if stem else doc["id"]


def brat_annotations(store: Store, doc_id: str) -> tuple[str, str]:
    """The brat ``.txt`` and ``.ann`` of one document.

    T lines for entity mentions (type PERSON, GPE, ...), time expressions
    (TIMEX, value in an AnnotatorNotes line) and event triggers (type
    ``CAMEO_<root>``); E lines with Source/Target arguments (the participant's
    mention nearest the trigger); A lines for the mode; # notes for the
    entity ids, normalised times and CAMEO codes.
    RETURNS (tuple[str, str]): text, annotations.
    """
    ch = store.chronicle(doc_id)
    assert ch is not None
    text = ch.document.text
    lines: list[str] = []
    t_n = 0
    notes = 0

    def t_line(kind: str, start: int, end: int) -> str | None:
        nonlocal t_n
        if not (0 <= start < end <= len(text)) or not text[start:end].strip("\n"):
            return None
        t_n += 1
        lines.append(f"T{t_n}\t{kind} {_fragments(text, start, end)}\t"
                     f"{_brat_text(text, start, end)}")
        return f"T{t_n}"

    def note(target: str, value: str) -> None:
        nonlocal notes
        notes += 1
        clean = value.replace("\n", " ").replace("\t", " ")
        lines.append(f"#{notes}\tAnnotatorNotes {target}\t{clean}")

    mention_ids: dict[str, list[tuple[int, str]]] = {}
    for ent in ch.entities:
        for m in ent.mentions:
            tid = t_line(brat_type(ent.type), m.start, m.end)
            if tid:
                mention_ids.setdefault(ent.id, []).append((m.start, tid))
                note(tid, f"{ent.name} [{ent.id}]")
    for t in ch.timexes:
        tid = t_line("TIMEX", t.start, t.end)
        if tid:
            note(tid, f"{t.value or '?'} ({t.begin or '?'}/{t.end_date or '?'})")
    e_n = a_n = 0
    for ev in ch.events:
        kind = f"CAMEO_{brat_type(ev.cameo[:2])}"
        trig = t_line(kind, ev.start, ev.end)
        if trig is None:
            continue
        args = [f"{kind}:{trig}"]
        for role, ids in (("Source", ev.source), ("Target", ev.target)):
            for i, eid in enumerate(ids):
                cands = mention_ids.get(eid)
                if not cands:
                    continue
                _, tid = min(cands, key=lambda c: abs(c[0] - ev.start))
                args.append(f"{role}{'' if i == 0 else i + 1}:{tid}")
        e_n += 1
        lines.append(f"E{e_n}\t{' '.join(args)}")
        a_n += 1
        lines.append(f"A{a_n}\tMode E{e_n} {ev.mode}")
        note(f"E{e_n}", f"CAMEO {ev.cameo} {ev.cameo_label}; Goldstein {ev.goldstein:+g}; "
                        f"date {ev.date or '?'}")
    return text, "".join(line + "\n" for line in lines)


@register("brat", extension="", media_type="application/zip", directory=True,
          description="brat standoff .txt + .ann per document, with annotation.conf")
def write_brat(store: Store, directory: Path) -> int:
    """Write NAME.txt + NAME.ann per document, an annotation.conf and a visual.conf.

    annotation.conf declares every CAMEO root (01-20) as an event type;
    visual.conf gives each its CAMEO label.

    RETURNS (int): documents written.
    """
    from litopys.data.lexicon import load_cameo  # (lazy: `litopys --help` loads every exporter)

    cameo = load_cameo()
    roots = {code for code in cameo if len(code) == 2}
    n = 0
    for doc in store.documents():
        text, ann = brat_annotations(store, doc["id"])
        name = brat_name(doc)
        (directory / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        (directory / f"{name}.ann").write_text(ann, encoding="utf-8", newline="")
        roots.update(re.findall(r"\tCAMEO_(\w+) ", ann))
        n += 1
    # every CAMEO root, so an annotator can add an event type the pipeline missed
    ev_lines = "\n".join(f"CAMEO_{r} Source*:<ENTITY>, Target*:<ENTITY>" for r in sorted(roots))
    (directory / "annotation.conf").write_text(BRAT_CONF.format(events=ev_lines),
                                                encoding="utf-8")
    labels = "\n".join(f"CAMEO_{r} | {cameo[r].label.capitalize() if r in cameo else r} | {r}"
                       for r in sorted(roots))
    (directory / "visual.conf").write_text(f"[labels]\n{labels}\n", encoding="utf-8")
    return n
