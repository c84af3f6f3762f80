"""The chronicle: plain dataclasses that every layer above the pipeline reads.

The pipeline works on spaCy ``Doc`` objects; ``litopys.pipeline.language.to_chronicle``
turns a processed ``Doc`` into a :class:`Chronicle`. The store, the CLI, the
exports and the web UI only ever see these classes (or their ``to_dict()``).

All offsets are character offsets into the *original* document text
(``Document.text``), so ``text[start:end]`` is the span as written.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

MODES = ("asserted", "negated", "hypothetical")
"""An event's mode: it happened, the text says it did not, or it is hoped for,
proposed, conditional or intended (shared/eval/FORMAT.md)."""


@dataclass
class Document:
    """A text as litopys read it.

    id (str): content hash (sha256 of the decoded text, first 16 hex digits).
    path (str | None): where it came from, or None for a string / stdin.
    text (str): the decoded text; all offsets point into it.
    encoding (str): the encoding it was decoded from.
    language (str | None): its language code ("uk", "ru"); None until it is read
        (litopys.pipeline.langid).
    paragraphs (list[tuple[int, int, str]]): [start, end) and language of each paragraph.
    """

    id: str
    path: str | None
    text: str
    encoding: str = "utf-8"
    format: str = "text"
    language: str | None = None
    paragraphs: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return len(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "chars": self.chars,
                "language": self.language,
                "paragraphs": [{"start": s, "end": e, "language": lang}
                               for s, e, lang in self.paragraphs]}


@dataclass
class Mention:
    """One occurrence of an entity in the text."""

    start: int
    end: int
    text: str
    sentence: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Entity:
    """An actor (or place, or document) with all its mentions merged.

    type (str): PERSON, GPE, ORG, LOC or DOC (see shared/eval/FORMAT.md).
    name (str): canonical name in the nominative case.
    key (str): a normalised key used to merge the same entity across documents.
    roles (list[str]): offices the text gives a person.
    affiliation (str | None): id of the polity/organisation it acts for.
    cameo (str | None): CAMEO actor code (countries: ISO-like code, e.g. "CHN").
    wikidata (str | None): Wikidata id, e.g. "Q148".
    aliases (list[str]): the dictionary's names of the entry in other languages than the
        document's (``name`` is the one in the document's language, when the dictionary
        has it; the id stays the same in every language, so documents still merge).
    """

    id: str
    type: str
    name: str
    key: str = ""
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    cameo: str | None = None
    wikidata: str | None = None
    provenance: str | None = None
    confidence: float | None = None
    trust: dict[str, dict[str, Any]] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)

    @property
    def surface_forms(self) -> list[str]:
        seen: list[str] = []
        for m in self.mentions:
            if m.text not in seen:
                seen.append(m.text)
        return seen

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "mentions": self.surface_forms,
            "roles": list(self.roles),
            "affiliation": self.affiliation,
            "cameo": self.cameo,
            "wikidata": self.wikidata,
            "spans": [[m.start, m.end] for m in self.mentions],
            "provenance": self.provenance,
            "confidence": self.confidence,
            "trust": dict(self.trust),
        }


@dataclass
class Timex:
    """A normalised time expression.

    value (str | None): TIMEX3-style value ("1932-12-12", "1934-SU", "193X",
        "1937-05/1937-06", "P2W"), or None when it cannot be resolved.
    begin / end_date (str | None): first and last day it covers (ISO dates),
        for sorting and filtering.
    precision (str | None): day, month, season, year, decade, century, ...
    source (str): "text" when the text gives it fully, "narrative" when
        resolved against the narrative reference time.
    anchor (str | None): the value it was resolved against.
    """

    start: int
    end: int
    text: str
    value: str | None
    begin: str | None = None
    end_date: str | None = None
    precision: str | None = None
    source: str = "text"
    anchor: str | None = None
    old_style: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """Who did what to whom, when.

    cameo (str): CAMEO code (root "04" or subcode "042").
    mode (str): asserted, negated or hypothetical.
    date (str | None): TIMEX3 value of the event's time.
    date_source (str | None): "text" (the sentence dates it), "narrative"
        (inherited from the narrative time) or None.
    source / target (list[str]): entity ids.
    start / end: offsets of the trigger in the original text.
    evidence_start / evidence_end: offsets of the evidence sentence.
    location (str | None): the entity id of the place where it happened ("в Ризі").
    """

    id: str
    cameo: str
    cameo_label: str
    goldstein: float
    mode: str
    date: str | None
    date_source: str | None
    source: list[str]
    target: list[str]
    trigger: str
    evidence: str
    start: int
    end: int
    evidence_start: int = 0
    evidence_end: int = 0
    plover: str | None = None
    date_begin: str | None = None
    date_end: str | None = None
    provenance: str | None = None
    confidence: float | None = None
    corrected: bool = False
    location: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Chronicle:
    """Everything litopys found in one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
        }
