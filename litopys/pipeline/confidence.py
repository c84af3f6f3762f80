"""Provenance and calibrated confidence for every value the pipeline finds.

The last stage, ``litopys_confidence``, also puts the entity mentions in
``doc.ents`` (for spaCy users), and gives each event, entity link, role,
affiliation and time expression

- ``provenance``: how it was found: ``text`` (the sentence says it),
  ``narrative`` (carried over from the story told before: the narrative time,
  the parties of the last event), ``dictionary`` (a gazetteer or office list),
  ``model`` (the statistical NER model); corrections add ``human``;
- ``confidence``: the share of such values that were right on the development
  set, by feature bucket (``litopys/data/curated/confidence.yaml``, written by
  ``scripts/calibrate.py`` from the odd half; the even half checks it).

Event buckets combine the number of distinct participants (1, 2, 3, 4+) with
the date source (text / narrative / none); a bucket is Beta-smoothed toward
its parent (participants only), which is smoothed toward the prior. Richer
buckets (how the participants were found, the trigger's part of speech,
whether there is a target) were tried and did not carry over to the held-out
half (docs/TRUST.md).

DOCS: docs/TRUST.md
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from litopys.chronicle import Entity, Event, Timex

TABLE_FILE = Path(__file__).resolve().parents[1] / "data" / "curated" / "confidence.yaml"
EVENT_LEVELS: tuple[tuple[str, ...], ...] = (("n", "date"), ("n",))
"""Event buckets from the most to the least specific (then the prior, "*")."""


@cache
def load_table(path: str | None = None) -> dict[str, Any]:
    """The calibration table (cached). RETURNS (dict): see confidence.yaml."""
    with open(path or TABLE_FILE, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _covers(ent: Entity, start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end for m in ent.mentions)


def event_features(doc: Doc, ev: Event, entities: dict[str, Entity]) -> dict[str, str]:
    """The calibration features of one event (offsets into ``doc.text``).

    RETURNS (dict[str, str]): ents (dictionary: every participant from the gazetteer),
        n (distinct participants: 1, 2, 3, 4+), date (text, narrative, none), parts
        (text: every participant named in the sentence, else narrative), trigger
        (verb, noun), target (yes, no).
    """
    parts = ev.source + ev.target
    in_text = all(a in entities and _covers(entities[a], ev.evidence_start, ev.evidence_end)
                  for a in parts)
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
    pos = span.root.pos_ if span is not None and len(span) else ""
    n = len(set(parts))
    return {
        "ents": "dictionary" if all(a in entities and entity_provenance(entities[a]) ==
                                    "dictionary" for a in parts) else "model",
        "n": "1" if n <= 1 else ("2" if n == 2 else ("3" if n == 3 else "4+")),
        "date": ev.date_source or "none",
        "parts": "text" if in_text else "narrative",
        "trigger": "verb" if pos in ("VERB", "AUX") else "noun",
        "target": "yes" if ev.target else "no",
    }


def bucket_keys(features: dict[str, str]) -> list[str]:
    """Keys from the most to the least specific (EVENT_LEVELS), then the prior "*"."""
    return ["|".join(f"{k}={features[k]}" for k in level) for level in EVENT_LEVELS] + ["*"]


def smoothed(hits: float, n: float, prior: float, strength: float) -> float:
    """Beta-smoothed rate: ``(hits + strength * prior) / (n + strength)``."""
    return (hits + strength * prior) / (n + strength)


def event_confidence(features: dict[str, str], table: dict[str, Any]) -> float:
    """RETURNS (float): the calibrated confidence of an event with these features."""
    buckets = table["events"]
    for key in bucket_keys(features):
        if key in buckets:
            return float(buckets[key])
    return float(table["events"]["*"])


def event_provenance(features: dict[str, str]) -> str:
    """``narrative`` when the date or a participant is carried over, else ``text``."""
    return "narrative" if "narrative" in (features["date"], features["parts"]) else "text"


def entity_provenance(ent: Entity) -> str:
    """``dictionary`` for a gazetteer entity (it has a Wikidata id or CAMEO code), else
    ``model`` (found by the NER model or the name patterns)."""
    return "dictionary" if ent.wikidata or ent.cameo else "model"


def entity_key(ent: Entity) -> str:
    return f"{ent.type}|{entity_provenance(ent)}"


def _lookup(table: dict[str, Any], section: str, key: str) -> float:
    values = table[section]
    return float(values.get(key, values["*"]))


def assign(doc: Doc, table: dict[str, Any] | None = None) -> Doc:
    """Set provenance and confidence on the events, entities and time expressions of a
    processed Doc (in place). RETURNS (Doc): the same doc."""
    table = table or load_table()
    entities: dict[str, Entity] = doc._.entities or {}
    for ev in doc._.events or []:
        features = event_features(doc, ev, entities)
        ev.provenance = event_provenance(features)
        ev.confidence = round(event_confidence(features, table), 3)
    for ent in entities.values():
        ent.provenance = entity_provenance(ent)
        ent.confidence = round(_lookup(table, "entities", entity_key(ent)), 3)
        for role in ent.roles:
            ent.trust[f"role:{role}"] = {"provenance": "text",
                                         "confidence": float(table["roles"]["text"])}
        if ent.affiliation:
            kind = "text" if ent.affiliation in entities and entities[ent.affiliation].mentions \
                else "dictionary"
            ent.trust["affiliation"] = {"provenance": kind,
                                        "confidence": float(table["affiliations"][kind])}
    for span in doc.spans.get("timex", []):
        t: Timex = span._.timex
        if t is not None:
            t.confidence = round(_lookup(table, "timexes", t.source or "text"), 3)
    set_ents(doc)
    return doc


def set_ents(doc: Doc) -> Doc:
    """Expose the entity mentions as ``doc.ents`` for spaCy users (the longest of
    overlapping mentions wins; ``kb_id_`` is the entity id). RETURNS (Doc): the doc."""
    spans = [Span(doc, m.start, m.end, label=m.label_, kb_id=m._.entity_id or "")
             for m in doc.spans.get("mentions", [])]
    doc.ents = filter_spans(spans)
    return doc


class ConfidenceScorer:
    """The ``litopys_confidence`` stage: provenance and calibrated confidence.

    nlp (Language): the pipeline.
    name (str): the component name.
    table_path (str | None): a calibration table other than the packaged one.
    """

    def __init__(self, nlp: Language, name: str, table_path: str | None = None) -> None:
        self.name = name
        self.table_path = table_path

    def __call__(self, doc: Doc) -> Doc:
        return assign(doc, load_table(self.table_path))

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


# -- display ----------------------------------------------------------------
def display_date(value: str | None, source: str | None, lang: str = "uk") -> str:
    """A date as a reader should see it: an inferred date is marked plainly
    ("≈ жовтень 1935, з контексту"); a date the text gives is shown as is.

    value (str | None): TIMEX3 value.
    source (str | None): text, narrative, human or None.
    RETURNS (str): the label ("" for no date).
    """
    from litopys.lang import load

    if not value:
        return ""
    words = load("trust", lang)
    time_words = load("time", lang)  # the first form of a month or season: its nominative
    label = value
    parts = value.split("-")
    if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
        label = f"{time_words['months'][int(parts[1])][0]} {parts[0]}"
    elif len(parts) == 2 and parts[1] in time_words["seasons"]:
        label = f"{time_words['seasons'][parts[1]]['nouns'][0]} {parts[0]}"
    if source == "narrative":
        return words["inferred"].format(date=label)
    if source == "human":
        return words["corrected"].format(date=label)
    return label
