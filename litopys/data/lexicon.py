"""Event lexicon: CAMEO codes, Ukrainian trigger words and phrases, modality cues.

The data lives in ``curated/`` next to this module (``cameo.tsv``, ``event_triggers.tsv``,
``event_phrases.tsv``, ``modality.yaml``); this module only reads it. Every loader is cached,
and every lookup is a dict access, so the events stage can call them once per token.

DOCS: docs/EVENTS.md
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from litopys.lang import DEFAULT_LANGUAGE, load

# libyaml's C loader is ten times faster at start-up; same safety
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CURATED = Path(__file__).parent / "curated"
CAMEO_FILE = CURATED / "cameo.tsv"
TRIGGERS_FILE = CURATED / "event_triggers.tsv"
PHRASES_FILE = CURATED / "event_phrases.tsv"
MODALITY_FILE = CURATED / "modality.yaml"

# The 16 PLOVER event types (the set POLECAT codes); cameo.tsv maps every code to one.
PLOVER_TYPES: frozenset[str] = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip
TRIGGER_POS: frozenset[str] = frozenset({"VERB", "NOUN"})

# pymorphy3 (and UD) part-of-speech tags -> the coarse pos of event_triggers.tsv. Verb forms
# (infinitive, finite, gerund, participle) all look up VERB rows; anything else is used as is.
_POS_GROUP: dict[str, str] = {
    "VERB": "VERB",
    "INFN": "VERB",
    "GRND": "VERB",
    "PRTF": "VERB",
    "PRTS": "VERB",
    "AUX": "VERB",
    "NOUN": "NOUN",
    "PROPN": "NOUN",
}

PHRASE_GAP = "*"
# Variants the phrase matcher treats as one word ("у війну" / "в війну", "з" / "із" / "зі"):
# litopys/lang/<lang>/events.yaml `word_variants`.
_WORD_VARIANTS: dict[str, str] = dict(load("events", DEFAULT_LANGUAGE)["word_variants"])


class LexiconError(ValueError):
    """A curated lexicon file is malformed: the message names the file, line, value and fix."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code (root or subcode).

    code (str): the CAMEO code as a string of 2-4 digits ("04", "046", "0233").
    label (str): the English label from the CAMEO codebook (roots are in capitals).
    goldstein (float): the Goldstein (1992) conflict-cooperation weight, -10 .. +10.
    plover (str): the PLOVER event type the code maps to (one of PLOVER_TYPES).
    """

    code: str
    label: str
    goldstein: float
    plover: str

    @property
    def root(self) -> str:
        """RETURNS (str): the two-digit root code ("046" -> "04")."""
        return self.code[:2]

    @property
    def is_root(self) -> bool:
        """RETURNS (bool): whether this is one of the 20 root codes."""
        return len(self.code) == 2


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of event_triggers.tsv: a word that reports an event.

    lemma (str): pymorphy3 normal form, lower case.
    pos (str): "VERB" or "NOUN".
    cameo (str): the CAMEO code (present in cameo.tsv).
    frame (str): the argument frame name (how to find source and target; see docs/EVENTS.md).
    forms (tuple[str, ...]): extra surface forms that point to this row (gerunds, participles,
        Russian forms left by machine translation).
    notes (str): why this code, and its ambiguities.
    """

    lemma: str
    pos: str
    cameo: str
    frame: str
    forms: tuple[str, ...] = ()
    notes: str = ""

    @property
    def root(self) -> str:
        """RETURNS (str): the two-digit CAMEO root of the trigger's code."""
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class Phrase:
    """One row of event_phrases.tsv: a multiword trigger.

    pattern (tuple[str, ...]): normal forms in text order; "*" is one optional word.
    cameo (str): the CAMEO code (present in cameo.tsv).
    frame (str): the argument frame name.
    notes (str): why, and which construction it covers.
    """

    pattern: tuple[str, ...]
    cameo: str
    frame: str
    notes: str = ""

    @property
    def root(self) -> str:
        """RETURNS (str): the two-digit CAMEO root of the phrase's code."""
        return self.cameo[:2]

    @property
    def words(self) -> tuple[str, ...]:
        """RETURNS (tuple[str, ...]): the pattern without its optional slots."""
        return tuple(w for w in self.pattern if w != PHRASE_GAP)

    def match_at(self, lemmas: Sequence[str], start: int) -> int | None:
        """Match the pattern against normal forms beginning at `start`.

        lemmas (Sequence[str]): the normal forms of a sentence's tokens, lower case.
        start (int): index of the token to match the first pattern word against.
        RETURNS (int | None): the index one past the last matched token, or None.
        """
        return _match(self.pattern, 0, lemmas, start)


def _norm_word(word: str) -> str:
    return _WORD_VARIANTS.get(word, word)


def _match(pattern: tuple[str, ...], p: int, lemmas: Sequence[str], i: int) -> int | None:
    # Patterns are at most a few words long, so plain recursion over the one-word gaps is cheap.
    if p == len(pattern):
        return i
    word = pattern[p]
    if word == PHRASE_GAP:
        skipped = _match(pattern, p + 1, lemmas, i + 1) if i < len(lemmas) else None
        return skipped if skipped is not None else _match(pattern, p + 1, lemmas, i)
    if i < len(lemmas) and _norm_word(lemmas[i]) == _norm_word(word):
        return _match(pattern, p + 1, lemmas, i + 1)
    return None


@dataclass(slots=True)
class TriggerLexicon:
    """Trigger words and phrases, indexed for per-token lookup.

    triggers (tuple[Trigger, ...]): all rows of event_triggers.tsv, in file order.
    phrases (tuple[Phrase, ...]): all rows of event_phrases.tsv, in file order.
    """

    triggers: tuple[Trigger, ...]
    phrases: tuple[Phrase, ...]
    _by_lemma: dict[str, tuple[Trigger, ...]] = field(default_factory=dict, repr=False)
    _by_lemma_pos: dict[tuple[str, str], tuple[Trigger, ...]] = field(
        default_factory=dict, repr=False
    )
    _by_form: dict[str, tuple[Trigger, ...]] = field(default_factory=dict, repr=False)
    _phrases_by_first: dict[str, tuple[Phrase, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_lemma: dict[str, list[Trigger]] = {}
        by_lemma_pos: dict[tuple[str, str], list[Trigger]] = {}
        by_form: dict[str, list[Trigger]] = {}
        for trig in self.triggers:
            by_lemma.setdefault(trig.lemma, []).append(trig)
            by_lemma_pos.setdefault((trig.lemma, trig.pos), []).append(trig)
            for form in trig.forms:
                by_form.setdefault(form, []).append(trig)
        by_first: dict[str, list[Phrase]] = {}
        for phrase in self.phrases:
            by_first.setdefault(_norm_word(phrase.pattern[0]), []).append(phrase)
        self._by_lemma = {k: tuple(v) for k, v in by_lemma.items()}
        self._by_lemma_pos = {k: tuple(v) for k, v in by_lemma_pos.items()}
        self._by_form = {k: tuple(v) for k, v in by_form.items()}
        # Longest pattern first, so a matcher that takes the first hit takes the most specific.
        self._phrases_by_first = {
            k: tuple(sorted(v, key=lambda ph: -len(ph.words))) for k, v in by_first.items()
        }

    def __len__(self) -> int:
        return len(self.triggers)

    def __iter__(self) -> Iterator[Trigger]:
        return iter(self.triggers)

    def __contains__(self, key: object) -> bool:
        return key in self._by_lemma or key in self._by_form

    @property
    def lemmas(self) -> frozenset[str]:
        """RETURNS (frozenset[str]): every lemma in the trigger table."""
        return frozenset(self._by_lemma)

    def lookup(self, lemma: str, pos: str | None = None) -> list[Trigger]:
        """Find the triggers for a normal form (or a listed surface form).

        lemma (str): a pymorphy3 normal form, lower case. Surface forms listed in the `forms`
            column ("заявивши", "заявил", "підписан") are found too, whatever `pos` says,
            because pymorphy3 gives them their own (or a wrong) normal form.
        pos (str | None): restrict lemma hits to this part of speech; pymorphy3/UD tags are
            grouped (INFN, GRND, PRTF, PRTS, AUX -> VERB; PROPN -> NOUN). None: any.
        RETURNS (list[Trigger]): matching rows in file order; empty if none.
        """
        if pos is None:
            hits = self._by_lemma.get(lemma)
        else:
            hits = self._by_lemma_pos.get((lemma, _POS_GROUP.get(pos, pos)))
        if hits:
            return list(hits)
        forms = self._by_form.get(lemma)
        return list(forms) if forms else []

    def lookup_form(self, surface: str) -> list[Trigger]:
        """Find the triggers that list a surface form in their `forms` column.

        surface (str): a token's text; matched lower-cased.
        RETURNS (list[Trigger]): matching rows; empty if none.
        """
        hits = self._by_form.get(surface.lower())
        return list(hits) if hits else []

    def phrases_starting_with(self, lemma: str) -> tuple[Phrase, ...]:
        """Phrases whose first word is `lemma`, longest first.

        lemma (str): a normal form, lower case.
        RETURNS (tuple[Phrase, ...]): candidate phrases; empty if none.
        """
        return self._phrases_by_first.get(_norm_word(lemma), ())

    def match_phrases(self, lemmas: Sequence[str], start: int) -> list[tuple[Phrase, int]]:
        """All phrases that match the normal forms beginning at `start`.

        lemmas (Sequence[str]): a sentence's normal forms, lower case.
        start (int): the token index a phrase must start at.
        RETURNS (list[tuple[Phrase, int]]): (phrase, end index) pairs, longest pattern first.
        """
        out: list[tuple[Phrase, int]] = []
        if start >= len(lemmas):
            return out
        for phrase in self.phrases_starting_with(lemmas[start]):
            end = phrase.match_at(lemmas, start)
            if end is not None:
                out.append((phrase, end))
        return out


@dataclass(frozen=True, slots=True)
class Cue:
    """One modality cue from modality.yaml.

    cue (str): the normal form (or surface form, for `surface` groups); may be two words.
    mode (str): "negated" or "hypothetical".
    group (str): the yaml group it came from ("particles", "intent_verbs", ...).
    scope (str): "next", "clause", "complement" or "sentence".
    why (str): a short explanation.
    """

    cue: str
    mode: str
    group: str
    scope: str
    why: str


@dataclass(slots=True)
class Modality:
    """Cue words for an event's mode.

    negation (dict[str, Cue]): cue -> cue data for negation.
    hypothetical (dict[str, Cue]): cue -> cue data for hypothetical/irrealis mode.
    future_tags (frozenset[str]): pymorphy3 grammemes marking a future-tense verb.
    future_auxiliaries (frozenset[str]): normal forms of the analytic-future auxiliary.
    not_cues (dict[str, str]): words that look like cues but are not -> why.
    """

    negation: dict[str, Cue]
    hypothetical: dict[str, Cue]
    future_tags: frozenset[str]
    future_auxiliaries: frozenset[str]
    not_cues: dict[str, str]

    def cue(self, word: str) -> Cue | None:
        """The cue for a normal form or surface form, negation first.

        word (str): a normal form or a surface form, lower case.
        RETURNS (Cue | None): the cue, or None if the word is no cue.
        """
        return self.negation.get(word) or self.hypothetical.get(word)

    def is_negation(self, word: str) -> bool:
        """RETURNS (bool): whether `word` (lower case) is a negation cue."""
        return word in self.negation

    def is_hypothetical(self, word: str) -> bool:
        """RETURNS (bool): whether `word` (lower case) is a hypothetical-mode cue."""
        return word in self.hypothetical

    def is_future(self, grammemes: frozenset[str] | set[str]) -> bool:
        """RETURNS (bool): whether a verb's grammemes include a future-tense marker."""
        return not self.future_tags.isdisjoint(grammemes)


def _rows(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for a TSV with '#' comments and a header line."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, 1) if line.strip()]
    body = [(n, line) for n, line in lines if not line.startswith("#")]
    if not body:
        raise LexiconError(f"{path.name}: no header line; add a tab-separated header {columns}")
    header_no, header_line = body[0]
    header = header_line.rstrip("\r\n").split("\t")
    missing = [c for c in columns if c not in header]
    if missing:
        raise LexiconError(
            f"{path.name}:{header_no}: header {header} lacks {missing}; add the columns"
        )
    reader = csv.reader((line for _, line in body[1:]), delimiter="\t", quoting=csv.QUOTE_NONE)
    for (n, _), cells in zip(body[1:], reader, strict=True):
        if len(cells) > len(header):
            raise LexiconError(f"{path.name}:{n}: {len(cells)} cells, header has {len(header)}")
        row = dict(zip(header, (c.strip() for c in cells), strict=False))
        yield n, {c: row.get(c, "") for c in header}


@lru_cache(maxsize=1)
def load_cameo() -> dict[str, CameoCode]:
    """Load cameo.tsv: every CAMEO code with its label, Goldstein weight and PLOVER type.

    RETURNS (dict[str, CameoCode]): code -> CameoCode, in file order. Cached: do not mutate.
    """
    codes: dict[str, CameoCode] = {}
    for n, row in _rows(CAMEO_FILE, ("code", "label", "goldstein", "plover")):
        code = row["code"]
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise LexiconError(f"{CAMEO_FILE.name}:{n}: code {code!r} is not 2-4 digits")
        try:
            weight = float(row["goldstein"])
        except ValueError:
            raise LexiconError(
                f"{CAMEO_FILE.name}:{n}: goldstein {row['goldstein']!r} is not a number"
            ) from None
        if row["plover"] not in PLOVER_TYPES:
            raise LexiconError(
                f"{CAMEO_FILE.name}:{n}: plover {row['plover']!r} is not one of "
                f"{sorted(PLOVER_TYPES)}"
            )
        if code in codes:
            raise LexiconError(f"{CAMEO_FILE.name}:{n}: code {code} listed twice; keep one row")
        codes[code] = CameoCode(code, row["label"], weight, row["plover"])
    return codes


def root(code: str) -> str:
    """The two-digit CAMEO root of a code.

    code (str): a CAMEO code ("046", "0233", "04").
    RETURNS (str): its root ("04", "02", "04").
    """
    return code[:2]


def label(code: str) -> str:
    """The CAMEO label of a code, or of its nearest listed ancestor.

    code (str): a CAMEO code.
    RETURNS (str): the label ("046" -> "Engage in negotiation"); "" if the root is unknown.
    """
    codes = load_cameo()
    for cut in range(len(code), 1, -1):
        entry = codes.get(code[:cut])
        if entry is not None:
            return entry.label
    return ""


def root_label(code: str) -> str:
    """The label of a code's root ("0233" -> "APPEAL").

    code (str): a CAMEO code.
    RETURNS (str): the root's label, "" if unknown.
    """
    entry = load_cameo().get(root(code))
    return entry.label if entry is not None else ""


def goldstein(code: str) -> float | None:
    """The Goldstein weight of a code, falling back to its nearest listed ancestor.

    code (str): a CAMEO code.
    RETURNS (float | None): the weight, or None if neither the code nor its root is listed.
    """
    codes = load_cameo()
    for cut in range(len(code), 1, -1):
        entry = codes.get(code[:cut])
        if entry is not None:
            return entry.goldstein
    return None


def _check_code(path: Path, n: int, code: str) -> None:
    if code not in load_cameo():
        raise LexiconError(f"{path.name}:{n}: cameo {code!r} is not in cameo.tsv; add it there")


@lru_cache(maxsize=1)
def load_triggers() -> TriggerLexicon:
    """Load event_triggers.tsv and event_phrases.tsv.

    RETURNS (TriggerLexicon): the indexed lexicon. Cached: one instance per process.
    """
    triggers: list[Trigger] = []
    for n, row in _rows(TRIGGERS_FILE, ("lemma", "pos", "cameo", "frame")):
        lemma = row["lemma"]
        if lemma != lemma.lower() or not lemma:
            raise LexiconError(f"{TRIGGERS_FILE.name}:{n}: lemma {lemma!r} must be lower case")
        if row["pos"] not in TRIGGER_POS:
            raise LexiconError(
                f"{TRIGGERS_FILE.name}:{n}: pos {row['pos']!r} must be one of {sorted(TRIGGER_POS)}"
            )
        _check_code(TRIGGERS_FILE, n, row["cameo"])
        forms = tuple(f.strip().lower() for f in row.get("forms", "").split(",") if f.strip())
        triggers.append(
            Trigger(lemma, row["pos"], row["cameo"], row["frame"], forms, row.get("notes", ""))
        )
    phrases: list[Phrase] = []
    for n, row in _rows(PHRASES_FILE, ("pattern", "cameo", "frame")):
        pattern = tuple(row["pattern"].lower().split())
        if not pattern or pattern[0] == PHRASE_GAP or pattern[-1] == PHRASE_GAP:
            raise LexiconError(
                f"{PHRASES_FILE.name}:{n}: pattern {row['pattern']!r} must start and end "
                "with a word, not '*'"
            )
        _check_code(PHRASES_FILE, n, row["cameo"])
        phrases.append(Phrase(pattern, row["cameo"], row["frame"], row.get("notes", "")))
    return TriggerLexicon(tuple(triggers), tuple(phrases))


def _cues(groups: dict, mode: str, path: Path) -> dict[str, Cue]:
    out: dict[str, Cue] = {}
    for group, items in (groups or {}).items():
        if not isinstance(items, list):
            continue  # e.g. future_tense: a mapping read separately
        for item in items:
            if not isinstance(item, dict) or "cue" not in item:
                raise LexiconError(f"{path.name}: {mode}.{group}: {item!r} lacks 'cue'")
            cue = str(item["cue"]).lower()
            out.setdefault(
                cue, Cue(cue, mode, group, str(item.get("scope", "clause")), item.get("why", ""))
            )
    return out


@lru_cache(maxsize=1)
def load_modality() -> Modality:
    """Load modality.yaml: negation and hypothetical cues, future-tense markers.

    RETURNS (Modality): the cue tables. Cached: one instance per process.
    """
    data = yaml.load(MODALITY_FILE.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    for key in ("negation", "hypothetical"):
        if not isinstance(data.get(key), dict):
            raise LexiconError(f"{MODALITY_FILE.name}: top-level '{key}' mapping is missing")
    future = data["hypothetical"].get("future_tense") or {}
    return Modality(
        negation=_cues(data["negation"], "negated", MODALITY_FILE),
        hypothetical=_cues(data["hypothetical"], "hypothetical", MODALITY_FILE),
        future_tags=frozenset(future.get("tags", ())),
        future_auxiliaries=frozenset(future.get("auxiliaries", ())),
        not_cues={str(i["cue"]).lower(): i.get("why", "") for i in data.get("not_cues", [])},
    )
