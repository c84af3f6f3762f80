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

from litopys.chronicle import MODES, Chronicle, Event
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
    #: the relaxed event pairs: system event index -> gold event index
    pairs: dict[int, int] = field(default_factory=dict)
    #: over the relaxed pairs of the same sentence: gold CAMEO root -> system root -> n
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    #: over the relaxed pairs of the same sentence: gold mode -> system mode -> n
    modes: dict[str, dict[str, int]] = field(default_factory=dict)
    #: over those pairs whose gold event gives a location: [correct, scored]
    location: list[int] = field(default_factory=lambda: [0, 0])
    #: relaxed pairs left out of the tables (gold and system report other sentences)
    other_sentence: int = 0
    #: what in the gold could not be placed in the text (one line each)
    warnings: list[str] = field(default_factory=list)

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
    evidence: StrictStr | None = None
    #: our extension (tests/eval/README.md): the gold entity id of the place
    location: StrictStr | None = None


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
                                    reason=f"unknown entity id {a!r} (add it to entities)")
        if ev.location is not None and ev.location not in ids:
            raise GoldError(Errors.E010, path=path, where=f"events[{k}].location",
                            reason=f"unknown entity id {ev.location!r} (add it to entities)")
    return data


_CAMEO_ROOT = re.compile(r"^(?:0[1-9]|1\d|20)\d{0,2}$")
#: an ISO 8601 duration the time module does not model ("P2Y6M"): scored by equality
_ISO_DURATION = re.compile(r"^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?"
                           r"(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$")


def gold_warnings(gold: dict[str, Any], path: Path | str = "") -> list[str]:
    """What in a valid gold file cannot score as meant (not fatal: the value is still
    compared as written): a time value or event date that is not a TIMEX3 value of
    FORMAT.md, a CAMEO code whose first two digits are not a root 01..20, and an event
    without participants.

    RETURNS (list[str]): one line per problem, naming the file and the field.
    """
    out = []

    def bad_value(v: str | None) -> bool:
        return v is not None and TimexValue.parse(v) is None and not _ISO_DURATION.match(v)

    for k, t in enumerate(gold["timexes"]):
        if bad_value(t.get("value")):
            out.append(f"{path}: timexes[{k}].value: {t['value']!r} is not a TIMEX3 value "
                       "(FORMAT.md); it only matches the same string")
    for k, ev in enumerate(gold["events"]):
        if bad_value(ev.get("date")):
            out.append(f"{path}: events[{k}].date: {ev['date']!r} is not a TIMEX3 value "
                       "(FORMAT.md); it is only compatible with the same string")
        if not ev["source"] and not ev["target"]:
            out.append(f"{path}: events[{k}]: no source and no target: no system event "
                       "can match it (give at least the actor)")
        if not _CAMEO_ROOT.match(ev["cameo"]):
            out.append(f"{path}: events[{k}].cameo: {ev['cameo']!r} is not a CAMEO code "
                       "(two digits 01..20, e.g. \"04\"); strict matching will miss it")
    return out


def unpaired_gold(directory: Path) -> list[str]:
    """Warnings for gold files that :func:`find_pairs` skips (no NAME.txt beside them)."""
    return [f"{gold.name}: no {gold.name[: -len('.gold.json')]}.txt beside it: not scored"
            for gold in sorted(directory.glob("*.gold.json"))
            if not gold.with_name(gold.name[: -len(".gold.json")] + ".txt").exists()]


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


def link_entities(chronicle: Chronicle, gold: dict[str, Any]) -> tuple[dict[str, str], set[str]]:
    """Link system entities to gold entities by a surface form in common (FORMAT.md:
    the canonical name or a mention equals, case folded, the gold name or an alias).

    RETURNS (tuple[dict[str, str], set[str]]): system id -> gold id (the first gold
        entity of the same type, else the first of any type: events may still count a
        participant whose type is wrong), and the system ids linked with the same type
        (the ones that count for the entity figures).
    """
    forms = {g["id"]: {_fold(g["name"])} | {_fold(a) for a in g.get("aliases") or []}
             for g in gold["entities"]}
    kinds = {g["id"]: g["type"] for g in gold["entities"]}
    links: dict[str, str] = {}
    typed: set[str] = set()
    for e in chronicle.entities:
        mine = {_fold(e.name)} | {_fold(m.text) for m in e.mentions}
        shared = [gid for gid, f in forms.items() if mine & f]
        if not shared:
            continue
        same = next((gid for gid in shared if kinds[gid] == e.type), None)
        links[e.id] = same if same is not None else shared[0]
        if same is not None:
            typed.add(e.id)
    return links, typed


def locate_evidence(text: str, gold_events: list[dict[str, Any]]) -> list[int]:
    """Where each gold event's evidence sentence starts in the text (-1: not found).

    The evidence (its first 60 characters up to an ellipsis "..." that shortens it, as
    written, else case, apostrophes, dashes and quotes folded) is looked for from the
    previous gold event's place onwards, so that a sentence repeated in two excerpts of a compilation is placed at the occurrence the
    gold order implies; when it does not occur further on, its first occurrence.
    """
    folded: str | None = None
    out: list[int] = []
    cursor = 0
    for g in gold_events:
        head = re.split(r"\.\.\.|…", (g.get("evidence") or "").strip())[0].strip()[:60]
        if not head:
            out.append(-1)
            continue
        pos = text.find(head, cursor)
        if pos < 0:
            pos = text.find(head)
        if pos < 0:  # typography differs: fold both (same length, so offsets hold)
            if folded is None:
                folded = _fold_same_length(text)
            fh = _fold_same_length(head)
            pos = folded.find(fh, cursor)
            pos = folded.find(fh) if pos < 0 else pos
        out.append(pos)
        if pos >= 0:
            cursor = pos
    return out


def _fold_same_length(s: str) -> str:
    """Case, apostrophes, dashes, quotes and spaces folded character for character
    (the offsets of the result are the offsets of ``s``)."""
    s = s.translate(_SAME_LENGTH)
    low = s.lower()
    return low if len(low) == len(s) else "".join(
        c.lower() if len(c.lower()) == 1 else c for c in s)


_SAME_LENGTH = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "—": "-", "–": "-",
                              "\u00a0": " ", "\n": " ", "\t": " ", "«": '"', "»": '"',
                              "“": '"', "”": '"', "„": '"'})


def same_report(ev: Event, gold_at: int) -> bool:
    """Whether a gold event whose evidence starts at ``gold_at`` may report the same
    sentence as the system event (True when either place is unknown)."""
    if gold_at < 0 or ev.evidence_end <= ev.evidence_start:
        return True
    return ev.evidence_start <= gold_at < ev.evidence_end


def _participants_match(parts: set[str], gold_event: dict[str, Any]) -> bool:
    """At least two shared entities, or the one the gold event has."""
    gparts = set(gold_event["source"]) | set(gold_event["target"])
    return len(parts & gparts) >= (1 if len(gparts) == 1 else 2)


def _same_root_and_mode(ev: Event, gold_event: dict[str, Any]) -> bool:
    return ev.cameo[:2] == str(gold_event["cameo"])[:2] and ev.mode == gold_event["mode"]


def match_events(sys_events: list[Event], links: dict[str, str],
                 gold_events: list[dict[str, Any]], gold_at: list[int],
                 strict: bool = False) -> dict[int, int]:
    """Pair system events with gold events (FORMAT.md "Events"): a pair needs compatible
    dates and shared participants (strict: also the CAMEO root and the mode); each
    gold and each system event is in at most one pair.

    The pairing is a maximum matching (as many pairs as the rule allows, whatever the
    order of the events). Each system event, in text order, first takes its best free
    partner: a gold event whose evidence lies in its own sentence, else the nearest
    (gold lists one event per report, so a system event is paired with its own report
    where it can); then the events left without a partner get one along augmenting
    paths, which re-route earlier pairs but never undo them.

    RETURNS (dict[int, int]): system index -> gold index.
    """
    cands: list[list[int]] = []
    for ev in sys_events:
        parts = {links.get(a) for a in ev.source + ev.target} - {None}
        ks = [k for k, g in enumerate(gold_events)
              if _participants_match(parts, g)  # type: ignore[arg-type]
              and dates_compatible(ev.date, g.get("date"))
              and (not strict or _same_root_and_mode(ev, g))]
        known = ev.evidence_end > ev.evidence_start

        def inside(k: int, ev: Event = ev, known: bool = known) -> bool:
            return known and ev.evidence_start <= gold_at[k] < ev.evidence_end

        def distance(k: int, ev: Event = ev, known: bool = known) -> int:
            return abs(gold_at[k] - ev.evidence_start) if known and gold_at[k] >= 0 else 0

        ks.sort(key=lambda k: (not inside(k), distance(k), k))
        cands.append(ks)
    owner: dict[int, int] = {}  # gold index -> system index
    for i in range(len(sys_events)):  # each takes its best free partner, in text order
        k = next((k for k in cands[i] if k not in owner), None)
        if k is not None:
            owner[k] = i
    for i in range(len(sys_events)):  # then re-route pairs so that no pair is lost to order
        if i not in owner.values():
            _augment(i, cands, owner)
    return {i: k for k, i in owner.items()}


def _augment(start: int, edges: list[list[int]], owner: dict[int, int]) -> bool:
    """One augmenting path from the free system event ``start`` (breadth first, no
    recursion); RETURNS whether the matching grew."""
    parent: dict[int, int] = {}  # gold index -> the system index it was reached from
    queue = [start]
    for i in queue:
        for k in edges[i]:
            if k in parent:
                continue
            parent[k] = i
            if k not in owner:
                while True:  # flip the path back to start
                    i = parent[k]
                    previous = next((g for g, s in owner.items() if s == i), None)
                    owner[k] = i
                    if previous is None:
                        return True
                    k = previous
            queue.append(owner[k])
    return False


def score(chronicle: Chronicle, gold: dict[str, Any], name: str = "") -> DocScore:
    """Score one chronicle against one gold file."""
    out = DocScore(name=name)
    # entities
    sys_to_gold, typed = link_entities(chronicle, gold)
    gold_type = {g["id"]: g["type"] for g in gold["entities"]}
    matched_gold: set[str] = set()
    for t in ENTITY_TYPES:
        out.entities[t] = PRF()
    for e in chronicle.entities:
        if e.type not in ENTITY_TYPES or not e.mentions:
            # no mention: a dictionary entry added only as a link target (a person's
            # polity); the text does not name it, so it is no claim about the text
            continue
        prf = out.entities[e.type]
        prf.n_sys += 1
        if e.id in typed:
            prf.tp_sys += 1
            matched_gold.add(sys_to_gold[e.id])
            out.matched["entities"].add(e.id)
    for gid, t in gold_type.items():
        out.entities[t].n_gold += 1
        if gid in matched_gold:
            out.entities[t].tp_gold += 1
    _score_timexes(chronicle, gold, out)
    # events
    gold_events = list(gold["events"])
    sys_events = list(chronicle.events)
    gold_at = locate_evidence(chronicle.document.text, gold_events)
    out.warnings += [f"{name}: events[{k}].evidence not found in the text: {g['evidence'][:40]!r}"
                     for k, g in enumerate(gold_events) if gold_at[k] < 0 and g.get("evidence")]
    relaxed = match_events(sys_events, sys_to_gold, gold_events, gold_at)
    strict = match_events(sys_events, sys_to_gold, gold_events, gold_at, strict=True)
    for prf, pairs in ((out.relaxed, relaxed), (out.strict, strict)):
        prf.n_gold, prf.n_sys = len(gold_events), len(sys_events)
        prf.tp_sys = prf.tp_gold = len(pairs)
    out.matched["events"] = {sys_events[i].id for i in relaxed}
    out.pairs = relaxed
    for i, k in sorted(relaxed.items()):
        g, ev = gold_events[k], sys_events[i]
        if not same_report(ev, gold_at[k]):  # a pair across sentences compares two reports
            out.other_sentence += 1
            continue
        row = out.confusion.setdefault(str(g["cameo"])[:2], {})
        row[ev.cameo[:2]] = row.get(ev.cameo[:2], 0) + 1
        mrow = out.modes.setdefault(g["mode"], {})
        mrow[ev.mode] = mrow.get(ev.mode, 0) + 1
        if g.get("location"):
            out.location[1] += 1
            out.location[0] += sys_to_gold.get(ev.location or "") == g["location"]
    return out


def _score_timexes(chronicle: Chronicle, gold: dict[str, Any], out: DocScore) -> None:
    """Detection (overlap) and normalisation (equal values) of the time expressions."""
    text = chronicle.document.text
    located = locate_gold_timexes(text, gold["timexes"])
    out.warnings += [f"{out.name}: timexes[{k}].text {g['text']!r} not found in the text "
                     "(as written, outside longer gold expressions): counted as missed"
                     for k, (g, (start, _, value)) in enumerate(zip(gold["timexes"], located, strict=True))
                     if start < 0 and value is not None]
    gold_spans = [g for g in located if g[0] >= 0 or g[2] is not None]
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
        s = score(run(txt), gold, name=txt.stem)
        s.warnings[:0] = gold_warnings(gold, gold_path.name)
        scores.append(s)
    return scores


def evaluate_halves(directory: Path, run: Callable[[Path], Chronicle]) -> dict[str, Any]:
    """Both halves of the fixed split and all texts in one run: the figures of
    ``litopys eval --halves`` and ``scripts/eval_halves.py`` (one code path).

    RETURNS (dict): :func:`summary` of all texts (the keys of ``litopys eval --json``),
        plus ``odd``, ``even`` and ``all`` (a summary each), ``by_document`` (each with
        its ``half``) and ``warnings``.
    """
    halves = {h: evaluate(directory, run, half=h) for h in HALVES}
    everything = [s for h in HALVES for s in halves[h]]
    result = summary(everything)
    result.update({h: summary(halves[h]) for h in HALVES})
    result["all"] = summary(everything)
    result["by_document"] = [{**doc_summary(s), "half": h} for h in HALVES for s in halves[h]]
    result["warnings"] = unpaired_gold(directory) + [w for s in everything for w in s.warnings]
    return result


def _table_add(dst: dict[str, dict[str, int]], src: dict[str, dict[str, int]]) -> None:
    for g, row in src.items():
        out = dst.setdefault(g, {})
        for s, n in row.items():
            out[s] = out.get(s, 0) + n


def _diagonal(table: dict[str, dict[str, int]]) -> tuple[int, int]:
    """(agreeing, total) of a gold x system table."""
    return (sum(row.get(g, 0) for g, row in table.items()),
            sum(sum(row.values()) for row in table.values()))


def summary(scores: list[DocScore]) -> dict[str, Any]:
    """The overall figures in the JSON shape ``litopys eval --json`` prints.

    ``events`` has, besides ``relaxed`` and ``strict`` P/R/F1, over the relaxed pairs
    (events whose participants and date match a gold event) that report the same
    sentence (``counts.tables`` of them; a pair across sentences compares two reports,
    :func:`same_report`): ``confusion`` {gold CAMEO
    root: {system root: n}}, ``root_accuracy``, ``mode`` {gold mode: {system mode: n}},
    ``mode_accuracy``, and ``location`` (correct, scored and accuracy over the pairs
    whose gold event gives a location); an accuracy with nothing to score is null.
    """
    by_type: dict[str, PRF] = {t: PRF() for t in ENTITY_TYPES}
    overall, timex, relaxed, strict = PRF(), PRF(), PRF(), PRF()
    detected = value_ok = 0
    kinds: dict[str, list[int]] = {}
    confusion: dict[str, dict[str, int]] = {}
    modes: dict[str, dict[str, int]] = {}
    location = [0, 0]
    other_sentence = 0
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
        _table_add(confusion, s.confusion)
        _table_add(modes, s.modes)
        location[0] += s.location[0]
        location[1] += s.location[1]
        other_sentence += s.other_sentence

    def ratio(a: int, n: int) -> float | None:
        return round(a / n, 4) if n else None

    return {
        "documents": len(scores),
        "entities": {"overall": overall.to_dict(),
                     "by_type": {t: p.to_dict() for t, p in by_type.items() if p.n_gold or p.n_sys}},
        "timexes": {**timex.to_dict(),
                    "value_accuracy": round(value_ok / detected, 4) if detected else 0.0,
                    "by_kind": {k: {"gold": g, "detected": d, "correct": c,
                                    "recall": round(c / g, 4) if g else 0.0}
                                for k, (g, d, c) in sorted(kinds.items())}},
        "events": {"relaxed": relaxed.to_dict(), "strict": strict.to_dict(),
                   "counts": {"gold": relaxed.n_gold, "system": relaxed.n_sys,
                              "relaxed": relaxed.tp_gold, "strict": strict.tp_gold,
                              "tables": relaxed.tp_gold - other_sentence},
                   "confusion": {g: dict(sorted(r.items())) for g, r in sorted(confusion.items())},
                   "root_accuracy": ratio(*_diagonal(confusion)),
                   "mode": {g: dict(sorted(r.items())) for g, r in sorted(modes.items())},
                   "mode_accuracy": ratio(*_diagonal(modes)),
                   "location": {"correct": location[0], "scored": location[1],
                                "accuracy": ratio(*location)}},
    }


def doc_summary(s: DocScore) -> dict[str, Any]:
    return {**summary([s]), "name": s.name}


# -- text output (litopys eval --halves, scripts/eval_halves.py) ---------------
def figures_row(name: str, s: dict[str, Any]) -> str:
    """One line of figures: entities (by type), time, events relaxed and strict."""
    ents = s["entities"]
    by = ents["by_type"]
    types = " ".join(f"{t}={by[t]['f1']:.2f}" for t in ENTITY_TYPES if t in by)
    tx, ev = s["timexes"], s["events"]
    return (f"{name:<34} ent {ents['overall']['f1']:.3f} ({types}) | time {tx['f1']:.3f} "
            f"val {tx['value_accuracy']:.3f} | ev rel {ev['relaxed']['f1']:.3f} "
            f"(P {ev['relaxed']['precision']:.2f} R {ev['relaxed']['recall']:.2f}) "
            f"strict {ev['strict']['f1']:.3f}")


def event_tables(name: str, s: dict[str, Any]) -> list[str]:
    """The CAMEO root confusion, mode and location accuracy of a summary, as lines."""
    ev = s["events"]
    conf = ev["confusion"]
    roots = sorted(set(conf) | {r for row in conf.values() for r in row})

    def acc(x: float | None, a: int, n: int) -> str:
        return "n/a (nothing to score)" if x is None else f"{x:.3f} ({a}/{n})"

    lines = [f"{name}: CAMEO roots of the {ev['counts']['tables']} relaxed pairs in the same "
             "sentence (rows gold, columns system); "
             f"root accuracy {acc(ev['root_accuracy'], *_diagonal(conf))}",
             "      " + " ".join(f"{r:>3}" for r in roots)]
    for g in roots:
        row = conf.get(g, {})
        lines.append(f"   {g} " + " ".join(f"{row.get(r, 0) or '.':>3}" for r in roots))
    modes = ev["mode"]
    lines.append(f"{name}: mode accuracy {acc(ev['mode_accuracy'], *_diagonal(modes))} "
                 + "; ".join(f"{g}->" + ",".join(f"{m}:{n}" for m, n in row.items())
                             for g, row in modes.items()))
    loc = ev["location"]
    lines.append(f"{name}: location accuracy {acc(loc['accuracy'], loc['correct'], loc['scored'])}")
    return lines


def halves_lines(result: dict[str, Any], per_doc: bool = False, tables: bool = True) -> list[str]:
    """The text of ``litopys eval --halves``: (per document,) odd, even, all, then the
    event tables of each half and of all."""
    lines = []
    if per_doc:
        lines += [figures_row(f"[{d['half']}] {d['name']}", d) for d in result["by_document"]]
        lines.append("")
    lines += [figures_row(h, result[h]) for h in (*HALVES, "all")]
    if tables:
        for h in (*HALVES, "all"):
            lines.append("")
            lines += event_tables(h, result[h])
    return lines


# -- event report (scripts/event_report.py) ------------------------------
def event_report(chronicle: Chronicle, gold: dict[str, Any], name: str = "") -> dict[str, Any]:
    """A diagnostic of one document's events against its gold chronicle.

    The pairs, counts and tables are :func:`score`'s (relaxed: participants and dates;
    strict adds the CAMEO root and the mode; the tables over the relaxed pairs of the
    same sentence);
    then it says for each unmatched event why: for a gold event, "date" (a system event
    in its sentence has its participants but another date), "participants" (a system
    event in the same sentence with other parties) or "missing" (no system event
    there); for a system event, "spurious".
    A gold event may carry an optional ``location`` (a gold entity id); the
    system event's ``location`` is scored against it.

    chronicle (Chronicle): the system's output for the document.
    gold (dict): the gold chronicle (``load_gold``).
    name (str): the document's name.
    RETURNS (dict): counts (``relaxed``/``strict`` tp, n_sys, n_gold), ``confusion``
        {gold root: {system root: n}}, ``mode`` {gold mode: {system mode: n}},
        ``location`` (correct, scored), ``gold_unmatched`` and ``system_unmatched``
        lists of dicts with a ``why``.
    """
    scored = score(chronicle, gold, name)
    links, _ = link_entities(chronicle, gold)
    text = chronicle.document.text
    gold_events = list(gold["events"])
    sys_events = list(chronicle.events)
    parts = [{links.get(a) for a in ev.source + ev.target} - {None} for ev in sys_events]
    at = locate_evidence(text, gold_events)
    gold_unmatched = []
    matched_gold = set(scored.pairs.values())
    for k, g in enumerate(gold_events):
        if k in matched_gold:
            continue
        same_sent = [i for i, ev in enumerate(sys_events)
                     if 0 <= at[k] and ev.evidence_start <= at[k] < ev.evidence_end]
        why = "date" if any(_participants_match(parts[i], g) for i in same_sent) \
            else "participants" if same_sent else "missing"  # type: ignore[arg-type]
        near = same_sent[0] if same_sent else None
        gold_unmatched.append({
            "why": why, "cameo": g["cameo"], "trigger": g.get("trigger"), "date": g.get("date"),
            "source": g["source"], "target": g["target"], "evidence": g.get("evidence", ""),
            "system": None if near is None else {
                "trigger": sys_events[near].trigger, "date": sys_events[near].date,
                "participants": sorted(parts[near]),  # type: ignore[type-var]
                "ids": sys_events[near].source + sys_events[near].target},
        })
    system_unmatched = [
        {"why": "spurious", "cameo": ev.cameo, "trigger": ev.trigger, "date": ev.date,
         "date_source": ev.date_source, "source": ev.source, "target": ev.target,
         "evidence": ev.evidence}
        for i, ev in enumerate(sys_events) if i not in scored.pairs]
    return {
        "name": name,
        "relaxed": {"tp": scored.relaxed.tp_sys, "n_sys": len(sys_events),
                    "n_gold": len(gold_events)},
        "strict": {"tp": scored.strict.tp_sys, "n_sys": len(sys_events),
                   "n_gold": len(gold_events)},
        "confusion": scored.confusion,
        "mode": scored.modes,
        "location": {"correct": scored.location[0], "scored": scored.location[1]},
        "gold_unmatched": gold_unmatched,
        "system_unmatched": system_unmatched,
    }
