"""Build the litopys ``nlp`` object and turn its output into a Chronicle."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from litopys.model import Chronicle, Document, Entity, Event, Mention, Timex
from litopys.pipeline import factories  # noqa: F401  (registers the factories)
from litopys.pipeline.analysis import customise_tokenizer
from litopys.pipeline.ingest import from_text
from litopys.pipeline.normalise import OffsetMap, normalise

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "configs" / "default.cfg"


def make_nlp(config_path: str | Path | None = None) -> Language:
    """Build the pipeline from a config file (default: configs/default.cfg)."""
    config = spacy.util.load_config(config_path or DEFAULT_CONFIG)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    customise_tokenizer(nlp)
    return nlp


@lru_cache(maxsize=4)
def shared_nlp(config_path: str | None = None) -> Language:
    """One pipeline per process and config (workers load it once)."""
    return make_nlp(config_path)


class Pipeline:
    """Run litopys on documents.

    config_path (str | None): a pipeline config; None for the default.
    """

    def __init__(self, config_path: str | None = None) -> None:
        self.nlp = shared_nlp(config_path)

    def make_doc(self, document: Document, anchor: str | None = None) -> Doc:
        """Normalise and analyse a document; RETURNS the processed spaCy Doc."""
        text, offsets = normalise(document.text)
        doc = self.nlp.make_doc(text)
        doc._.original = document.text
        doc._.offsets = offsets
        doc._.doc_id = document.id
        doc._.anchor = anchor
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    def __call__(self, document: Document, anchor: str | None = None) -> Chronicle:
        return to_chronicle(self.make_doc(document, anchor), document)

    def text(self, text: str, anchor: str | None = None) -> Chronicle:
        return self(from_text(text), anchor)


def _map(offsets: OffsetMap | None, start: int, end: int) -> tuple[int, int]:
    return offsets.span(start, end) if offsets is not None else (start, end)


def to_chronicle(doc: Doc, document: Document) -> Chronicle:
    """Convert a processed Doc into a Chronicle with offsets into the original text."""
    original = document.text
    offsets: OffsetMap | None = doc._.offsets
    entities: list[Entity] = []
    for ent in (doc._.entities or {}).values():
        mentions = []
        for m in ent.mentions:
            s, e = _map(offsets, m.start, m.end)
            mentions.append(Mention(s, e, original[s:e], m.sentence))
        entities.append(Entity(
            id=ent.id, type=ent.type, name=ent.name, key=ent.key, mentions=mentions,
            roles=list(ent.roles), affiliation=ent.affiliation, cameo=ent.cameo,
            wikidata=ent.wikidata,
        ))
    entities.sort(key=lambda e: (e.mentions[0].start if e.mentions else 10**12, e.id))
    timexes: list[Timex] = []
    for span in doc.spans.get("timex", []):
        t: Timex = span._.timex
        s, e = _map(offsets, t.start, t.end)
        timexes.append(Timex(
            start=s, end=e, text=original[s:e], value=t.value, begin=t.begin,
            end_date=t.end_date, precision=t.precision, source=t.source, anchor=t.anchor,
            old_style=t.old_style,
        ))
    events: list[Event] = []
    for ev in doc._.events or []:
        s, e = _map(offsets, ev.start, ev.end)
        es, ee = _map(offsets, ev.evidence_start, ev.evidence_end)
        events.append(Event(
            id=ev.id, cameo=ev.cameo, cameo_label=ev.cameo_label, goldstein=ev.goldstein,
            mode=ev.mode, date=ev.date, date_source=ev.date_source, source=list(ev.source),
            target=list(ev.target), trigger=original[s:e], evidence=original[es:ee].strip(),
            start=s, end=e, evidence_start=es, evidence_end=ee, plover=ev.plover,
            date_begin=ev.date_begin, date_end=ev.date_end,
        ))
    return Chronicle(document=document, entities=entities, timexes=timexes, events=events)
