"""Score chronicles against gold files (``shared/eval/FORMAT.md``).

- Entities: a system entity matches a gold entity of the same type when its
  canonical name or one of its mentions equals (case-folded) the gold name or
  an alias. Precision over system entities, recall over gold entities.
- Time expressions: a system span is correct when it overlaps the gold span
  and has the same value; gold spans are found by text (the k-th gold entry
  with a text is its k-th occurrence that does not lie inside an occurrence of
  a longer gold expression). Gold ``null`` values are not scored, and system
  spans that overlap them are not counted. Value accuracy is over the detected
  expressions; ``by_kind`` splits the figures by the kind of gold value.
- Events: relaxed = compatible dates (equal, or one within the other, by the
  days each covers: :class:`litopys.pipeline.time.TimexValue`) and at least two
  shared participants (or the one the gold event has); strict adds the CAMEO
  root and the mode.

Gold files are validated with pydantic models; a malformed one gives a one-line
``E010`` naming the file and the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, StrictStr, ValidationError

from litopys.chronicle import MODES, Chronicle
from litopys.errors import Errors, GoldError
from litopys.pipeline.time.values import TimexValue

ENTITY_TYPES = ("PERSON", "GPE", "ORG", "LOC", "DOC")


@dataclass
class PRF:
    tp_sys: int = 0
    n_sys: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def add(self, other: PRF) -> None:
        self.tp_sys += other.tp_sys
        self.n_sys += other.n_sys
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    @property
    def precision(self) -> float:
        return self.tp_sys / self.n_sys if self.n_sys else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class DocScore:
    name: str
    entities: dict[str, PRF] = field(default_factory=dict)
    timexes: PRF = field(default_factory=PRF)
    detected: int = 0
    value_ok: int = 0
    relaxed: PRF = field(default_factory=PRF)
    strict: PRF = field(default_factory=PRF)
    #: time figures by kind of gold value: kind -> [gold, detected, correct]
    timex_kinds: dict[str, list[int]] = field(default_factory=dict)
    # which system values matched (for calibrating confidence: scripts/calibrate.py)
    matched: dict[str, set[Any]] = field(
        default_factory=lambda: {"entities": set(), "timexes": set(), "events": set()})

    def overall_entities(self) -> PRF:
        total = PRF()
        for prf in self.entities.values():
            total.add(prf)
        return total


# -- gold files ----------------------------------------------------------
class _Gold(BaseModel):
    model_config = ConfigDict(extra="allow")


class GoldEntity(_Gold):
    id: StrictStr
    type: Literal["PERSON", "GPE", "ORG", "LOC", "DOC"]
    name: StrictStr
    aliases: list[StrictStr] | None = None


class GoldTimex(_Gold):
    text: StrictStr
    value: StrictStr | None = None


class GoldEvent(_Gold):
    cameo: StrictStr
    source: list[StrictStr]
    target: list[StrictStr]
    date: StrictStr | None = None
    mode: Literal["asserted", "negated", "hypothetical"]


class GoldFile(_Gold):
    """A gold chronicle: the fields ``FORMAT.md`` requires (others are kept, unchecked)."""

    entities: list[GoldEntity]
    timexes: list[GoldTimex]
    events: list[GoldEvent]


def _where(loc: tuple[int | str, ...]) -> str:
    """("entities", 0, "type") -> "entities[0].type"."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "top level"


def _reason(err: dict[str, Any]) -> str:
    """A short reason for one pydantic error."""
    kind, loc = err["type"], err["loc"]
    if kind == "missing":
        return "missing field"
    if kind == "literal_error":
        allowed = ENTITY_TYPES if loc and loc[-1] == "type" else MODES
        return f"unknown {loc[-1]} {err['input']!r} (use {', '.join(allowed)})"
    expected = {"string_type": "str", "list_type": "list", "model_type": "object",
                "dict_type": "object", "model_attributes_type": "object"}.get(kind)
    if expected:
        return f"expected {expected}, got {type(err['input']).__name__}"
    return str(err["msg"])


def load_gold(path: Path) -> dict[str, Any]:
    """Read and validate a gold file; RAISES GoldError naming the file and field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        raise GoldError(Errors.E010, path=path, where="file", reason=f"not UTF-8 ({err})") from None
    except json.JSONDecodeError as err:
        raise GoldError(Errors.E010, path=path, where=f"line {err.lineno}",
                        reason=f"invalid JSON: {err.msg}") from None
    except RecursionError:
        raise GoldError(Errors.E010, path=path, where="file",
                        reason="nested too deeply to be a gold chronicle") from None
    except OSError as err:
        raise GoldError(Errors.E010, path=path, where="file", reason=str(err)) from None
    if not isinstance(data, dict):
        raise GoldError(Errors.E010, path=path, where="top level", reason="expected an object")
    try:
        gold = GoldFile.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        raise GoldError(Errors.E010, path=path, where=_where(first["loc"]),
                        reason=_reason(first)) from None
    except RecursionError:
        raise GoldError(Errors.E010, path=path, where="file",
                        reason="nested too deeply to be a gold chronicle") from None
    ids = {e.id for e in gold.entities}
    for k, ev in enumerate(gold.events):
        for side in ("source", "target"):
            for a in getattr(ev, side):
                if a not in ids:
                    raise GoldError(Errors.E010, path=path, where=f"events[{k}].{side}",
                                    reason=f"unknown entity id {a!r}")
    return data


def find_pairs(directory: Path) -> list[tuple[Path, Path]]:
    """(text, gold) pairs in a directory: NAME.gold.json with NAME.txt beside it."""
    pairs = []
    for gold in sorted(directory.glob("*.gold.json")):
        txt = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
        if txt.exists():
            pairs.append((txt, gold))
    if not pairs:
        raise GoldError(Errors.E011, path=directory)
    return pairs


# -- dates ---------------------------------------------------------------
def interval(value: str | None) -> tuple[str, str] | None:
    """The first and last day a TIMEX3 value covers, as ISO strings (None for a duration)."""
    parsed = TimexValue.parse(value)
    return None if parsed is None else parsed.bounds()


def dates_compatible(system: str | None, gold: str | None) -> bool:
    """Equal, or one lies within the other; a gold null fits anything."""
    if gold is None:
        return True
    if system is None:
        return False
    if system == gold:
        return True
    a, b = TimexValue.parse(system), TimexValue.parse(gold)
    return a is not None and b is not None and a.compatible(b)


def value_kind(value: str | None) -> str:
    """The kind of a TIMEX3 value, for the per-kind time figures.

    RETURNS (str): "day", "time", "month", "year", "season", "decade", "century",
        "range", "duration" or "other".
    """
    parsed = TimexValue.parse(value)
    if parsed is None:
        return "other"
    if parsed.kind != "point":
        return parsed.kind
    rest = parsed.value.lstrip("-")[4:]
    if "T" in rest:
        return "time"
    if rest[1:] in ("SP", "SU", "FA", "WI"):
        return "season"
    return {0: "year", 3: "month", 6: "day"}.get(len(rest), "other")


def locate_gold_timexes(text: str, gold: list[dict[str, Any]]) -> list[tuple[int, int, str | None]]:
    """Where each gold time expression is: the k-th entry with a text stands for its k-th
    occurrence that does not lie inside an occurrence of a longer gold expression
    ("30 вересня" alone, not the one inside "29—30 вересня").

    text (str): the document text.
    gold (list[dict]): the gold ``timexes`` entries, in order.
    RETURNS (list[tuple[int, int, str | None]]): (start, end, value) per entry;
        (-1, -1, value) when the text has no such occurrence.
    """
    texts = {g["text"] for g in gold if g["text"]}
    covers: dict[str, list[tuple[int, int]]] = {}
    for t in texts:
        spans, pos = [], text.find(t)
        while pos >= 0:
            spans.append((pos, pos + len(t)))
            pos = text.find(t, pos + 1)
        covers[t] = spans
    free: dict[str, list[int]] = {}
    for t in texts:
        longer = [s for o in texts if len(o) > len(t) and t in o for s in covers[o]]
        free[t] = [a for a, b in covers[t]
                   if not any(la <= a and b <= lb for la, lb in longer)]
    seen: dict[str, int] = {}
    out: list[tuple[int, int, str | None]] = []
    for g in gold:
        t = g["text"]
        k = seen.get(t, 0)
        seen[t] = k + 1
        starts = free.get(t, [])
        if k < len(starts):
            out.append((starts[k], starts[k] + len(t), g.get("value")))
        else:
            out.append((-1, -1, g.get("value")))
    return out


# -- scoring -------------------------------------------------------------
def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'").replace("ʼ", "'")).strip().casefold()


def score(chronicle: Chronicle, gold: dict[str, Any], name: str = "") -> DocScore:
    """Score one chronicle against one gold file."""
    out = DocScore(name=name)
    # entities
    gold_forms: dict[str, set[str]] = {}
    gold_type: dict[str, str] = {}
    for g in gold["entities"]:
        gold_forms[g["id"]] = {_fold(g["name"])} | {_fold(a) for a in g.get("aliases") or []}
        gold_type[g["id"]] = g["type"]
    sys_to_gold: dict[str, str] = {}
    matched_gold: set[str] = set()
    for t in ENTITY_TYPES:
        out.entities[t] = PRF()
    for e in chronicle.entities:
        if e.type not in ENTITY_TYPES:
            continue
        forms = {_fold(e.name)} | {_fold(m.text) for m in e.mentions}
        prf = out.entities[e.type]
        prf.n_sys += 1
        hit = next((gid for gid, gf in gold_forms.items()
                    if gold_type[gid] == e.type and forms & gf), None)
        if hit is None:  # for event matching, allow a type mismatch
            hit = next((gid for gid, gf in gold_forms.items() if forms & gf), None)
            if hit is not None:
                sys_to_gold[e.id] = hit
            continue
        prf.tp_sys += 1
        sys_to_gold[e.id] = hit
        matched_gold.add(hit)
        out.matched["entities"].add(e.id)
    for gid, t in gold_type.items():
        out.entities[t].n_gold += 1
        if gid in matched_gold:
            out.entities[t].tp_gold += 1
    # time expressions
    text = chronicle.document.text
    gold_spans = [g for g in locate_gold_timexes(text, gold["timexes"])
                  if g[0] >= 0 or g[2] is not None]
    sys_t = list(chronicle.timexes)
    used: set[int] = set()
    ignored: set[int] = set()
    for gs, ge, gv in gold_spans:
        overlapping = [k for k, t in enumerate(sys_t) if t.start < ge and gs < t.end]
        if gv is None:
            ignored.update(overlapping)
            continue
        kind = out.timex_kinds.setdefault(value_kind(gv), [0, 0, 0])
        kind[0] += 1
        out.timexes.n_gold += 1
        cands = [k for k in overlapping if k not in used]
        if not cands:
            continue
        out.detected += 1
        kind[1] += 1
        k = next((k for k in cands if sys_t[k].value == gv), cands[0])
        used.add(k)
        if sys_t[k].value == gv:
            out.matched["timexes"].add((sys_t[k].start, sys_t[k].end))
            out.value_ok += 1
            kind[2] += 1
            out.timexes.tp_gold += 1
            out.timexes.tp_sys += 1
    out.timexes.n_sys = len([k for k in range(len(sys_t)) if k not in ignored or k in used])
    # events
    gold_events = list(gold["events"])
    for strict, prf in ((False, out.relaxed), (True, out.strict)):
        prf.n_gold = len(gold_events)
        prf.n_sys = len(chronicle.events)
        taken: set[int] = set()
        for ev in chronicle.events:
            parts = {sys_to_gold.get(a) for a in ev.source + ev.target} - {None}
            for k, g in enumerate(gold_events):
                if k in taken:
                    continue
                gparts = set(g["source"]) | set(g["target"])
                need = 1 if len(gparts) == 1 else 2
                if len(parts & gparts) < need:
                    continue
                if not dates_compatible(ev.date, g.get("date")):
                    continue
                if strict and (ev.cameo[:2] != g["cameo"][:2] or ev.mode != g["mode"]):
                    continue
                taken.add(k)
                if not strict:
                    out.matched["events"].add(ev.id)
                prf.tp_sys += 1
                prf.tp_gold += 1
                break
    return out


HALVES = ("odd", "even")


def select_half(pairs: list[tuple[Path, Path]], half: str | None) -> list[tuple[Path, Path]]:
    """The fixed development split: the pairs in alphabetical order, numbered from 1;
    ``odd`` keeps the 1st, 3rd, ... (rules are written against it), ``even`` the 2nd,
    4th, ... (held out: a rule that helps only ``odd`` does not generalise)."""
    if half is None:
        return pairs
    if half not in HALVES:
        raise ValueError(f"unknown half {half!r} (use {' or '.join(HALVES)})")
    start = 0 if half == "odd" else 1
    return pairs[start::2]


def evaluate(directory: Path, run: Callable[[Path], Chronicle],
             half: str | None = None) -> list[DocScore]:
    """Score every (text, gold) pair in a directory with ``run(text_path)``.

    half (str | None): "odd" or "even" to score one half of the fixed split
        (see :func:`select_half`), None for all.
    """
    scores = []
    for txt, gold_path in select_half(find_pairs(directory), half):
        gold = load_gold(gold_path)
        scores.append(score(run(txt), gold, name=txt.stem))
    return scores


def summary(scores: list[DocScore]) -> dict[str, Any]:
    """The overall figures in the JSON shape ``litopys eval --json`` prints."""
    by_type: dict[str, PRF] = {t: PRF() for t in ENTITY_TYPES}
    overall, timex, relaxed, strict = PRF(), PRF(), PRF(), PRF()
    detected = value_ok = 0
    kinds: dict[str, list[int]] = {}
    for s in scores:
        for kind, counts in s.timex_kinds.items():
            total = kinds.setdefault(kind, [0, 0, 0])
            for i, c in enumerate(counts):
                total[i] += c
        for t, prf in s.entities.items():
            by_type[t].add(prf)
            overall.add(prf)
        timex.add(s.timexes)
        relaxed.add(s.relaxed)
        strict.add(s.strict)
        detected += s.detected
        value_ok += s.value_ok
    return {
        "documents": len(scores),
        "entities": {"overall": overall.to_dict(),
                     "by_type": {t: p.to_dict() for t, p in by_type.items() if p.n_gold or p.n_sys}},
        "timexes": {**timex.to_dict(),
                    "value_accuracy": round(value_ok / detected, 4) if detected else 0.0,
                    "by_kind": {k: {"gold": g, "detected": d, "correct": c,
                                    "recall": round(c / g, 4) if g else 0.0}
                                for k, (g, d, c) in sorted(kinds.items())}},
        "events": {"relaxed": relaxed.to_dict(), "strict": strict.to_dict()},
    }


def doc_summary(s: DocScore) -> dict[str, Any]:
    return {**summary([s]), "name": s.name}


# -- event report (scripts/event_report.py) ------------------------------
def _entity_links(chronicle: Chronicle, gold: dict[str, Any]) -> dict[str, str]:
    """System entity id -> gold entity id, as :func:`score` links them for events
    (a surface form in common; the same type preferred)."""
    forms = {g["id"]: {_fold(g["name"]), *(_fold(a) for a in g.get("aliases") or [])}
             for g in gold["entities"]}
    kinds = {g["id"]: g["type"] for g in gold["entities"]}
    links: dict[str, str] = {}
    for e in chronicle.entities:
        mine = {_fold(e.name), *(_fold(m.text) for m in e.mentions)}
        shared = [gid for gid, f in forms.items() if mine & f]
        if shared:
            links[e.id] = next((gid for gid in shared if kinds[gid] == e.type), shared[0])
    return links


def _participants_match(parts: set[str], gold_event: dict[str, Any]) -> bool:
    gparts = set(gold_event["source"]) | set(gold_event["target"])
    return len(parts & gparts) >= (1 if len(gparts) == 1 else 2)


def event_report(chronicle: Chronicle, gold: dict[str, Any], name: str = "") -> dict[str, Any]:
    """A diagnostic of one document's events against its gold chronicle.

    Matches as :func:`score` does (relaxed: participants and dates; strict adds the
    CAMEO root and the mode), then says for each unmatched event why: for a gold
    event, "date" (a system event has its participants but another date),
    "participants" (a system event in the same sentence with other parties) or
    "missing" (no system event there); for a system event, "spurious".
    A gold event may carry an optional ``location`` (a gold entity id); the
    system event's ``location`` is scored against it.

    chronicle (Chronicle): the system's output for the document.
    gold (dict): the gold chronicle (``load_gold``).
    name (str): the document's name.
    RETURNS (dict): counts (``relaxed``/``strict`` tp, n_sys, n_gold), ``confusion``
        {gold root: {system root: n}} over relaxed matches in the same sentence, ``mode`` {gold mode:
        {system mode: n}}, ``location`` (correct, scored), ``gold_unmatched`` and
        ``system_unmatched`` lists of dicts with a ``why``.
    """
    links = _entity_links(chronicle, gold)
    text = chronicle.document.text
    gold_events = list(gold["events"])
    sys_events = list(chronicle.events)
    parts = [{links.get(a) for a in ev.source + ev.target} - {None} for ev in sys_events]
    pairs: dict[int, int] = {}  # system index -> gold index, relaxed
    strict_tp = 0
    for strict in (False, True):
        taken: set[int] = set()
        for i, ev in enumerate(sys_events):
            for k, g in enumerate(gold_events):
                if k in taken or not _participants_match(parts[i], g) \
                        or not dates_compatible(ev.date, g.get("date")):
                    continue
                if strict and (ev.cameo[:2] != g["cameo"][:2] or ev.mode != g["mode"]):
                    continue
                taken.add(k)
                if strict:
                    strict_tp += 1
                else:
                    pairs[i] = k
                break
    def sentence_of(evidence: str) -> int:
        return text.find(evidence[:60]) if evidence else -1

    # the type tables compare events that report the same sentence (a relaxed match may
    # pair events of two sentences about the same parties)
    at = [sentence_of(g.get("evidence", "")) for g in gold_events]
    same: dict[int, int] = {}
    for i, ev in enumerate(sys_events):
        k = next((k for k, g in enumerate(gold_events) if k not in same.values()
                  and ev.evidence_start <= at[k] < ev.evidence_end
                  and _participants_match(parts[i], g)), None)
        if k is not None:
            same[i] = k
    confusion: dict[str, dict[str, int]] = {}
    modes: dict[str, dict[str, int]] = {}
    loc_ok = loc_n = 0
    for i, k in same.items():
        g, ev = gold_events[k], sys_events[i]
        row = confusion.setdefault(g["cameo"][:2], {})
        row[ev.cameo[:2]] = row.get(ev.cameo[:2], 0) + 1
        mrow = modes.setdefault(g["mode"], {})
        mrow[ev.mode] = mrow.get(ev.mode, 0) + 1
        if g.get("location"):
            loc_n += 1
            loc_ok += links.get(getattr(ev, "location", None) or "") == g["location"]

    gold_unmatched = []
    matched_gold = set(pairs.values())
    for k, g in enumerate(gold_events):
        if k in matched_gold:
            continue
        at = sentence_of(g.get("evidence", ""))
        same_parts = [i for i in range(len(sys_events)) if _participants_match(parts[i], g)]
        same_sent = [i for i, ev in enumerate(sys_events)
                     if 0 <= at and ev.evidence_start <= at < ev.evidence_end]
        why = "date" if same_parts and any(sys_events[i].evidence_start <= at <
                                           sys_events[i].evidence_end for i in same_parts) \
            else "participants" if same_sent else "missing"
        near = same_sent[0] if same_sent else None
        gold_unmatched.append({
            "why": why, "cameo": g["cameo"], "trigger": g.get("trigger"), "date": g.get("date"),
            "source": g["source"], "target": g["target"], "evidence": g.get("evidence", ""),
            "system": None if near is None else {
                "trigger": sys_events[near].trigger, "date": sys_events[near].date,
                "participants": sorted(parts[near]),
                "ids": sys_events[near].source + sys_events[near].target},
        })
    system_unmatched = [
        {"why": "spurious", "cameo": ev.cameo, "trigger": ev.trigger, "date": ev.date,
         "date_source": ev.date_source, "source": ev.source, "target": ev.target,
         "evidence": ev.evidence}
        for i, ev in enumerate(sys_events) if i not in pairs]
    return {
        "name": name,
        "relaxed": {"tp": len(pairs), "n_sys": len(sys_events), "n_gold": len(gold_events)},
        "strict": {"tp": strict_tp, "n_sys": len(sys_events), "n_gold": len(gold_events)},
        "confusion": confusion,
        "mode": modes,
        "location": {"correct": loc_ok, "scored": loc_n},
        "gold_unmatched": gold_unmatched,
        "system_unmatched": system_unmatched,
    }
