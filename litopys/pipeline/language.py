"""Build the litopys ``nlp`` object and turn its output into a Chronicle."""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention, Timex
from litopys.data.gazetteer import BUILD_DIR
from litopys.lang import DEFAULT_LANGUAGE, load
from litopys.pipeline import factories  # noqa: F401  (registers the factories)
from litopys.pipeline.analysis import customise_tokenizer
from litopys.pipeline.ingest import from_text, markdown_mask
from litopys.pipeline.langid import detect
from litopys.pipeline.morph import morph_language, paragraph_words, word_languages
from litopys.pipeline.normalise import OffsetMap, foreign_letters, normalise
from litopys.pipeline.time.words import date_phrase

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


# Documents longer than this are analysed in chunks cut at paragraph breaks,
# so memory is bounded by the chunk, not by the document.
CHUNK_CHARS = 100_000
_POINT_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class Pipeline:
    """Run litopys on documents.

    A document longer than ``chunk_chars`` is split at paragraph breaks into
    chunks that are analysed one at a time (see :meth:`_chunked`), so a
    5 MB text needs the memory of one chunk's ``Doc``, not of the whole.

    config_path (str | None): a pipeline config; None for the default.
    chunk_chars (int): the largest text analysed in one piece.

    DOCS: docs/ROBUSTNESS.md
    """

    def __init__(self, config_path: str | None = None, chunk_chars: int = CHUNK_CHARS) -> None:
        self.nlp = shared_nlp(config_path)
        self.chunk_chars = max(1000, chunk_chars)

    def make_doc(self, document: Document, anchor: str | None = None) -> Doc:
        """Normalise and analyse a document; RETURNS the processed spaCy Doc.

        Markdown is analysed with its markup blanked (same length), so the
        offsets still point into the Markdown source that is stored.
        """
        identify_language(document)
        source = document.text
        if document.format == "markdown":
            source = markdown_mask(source)
        language = document.language or DEFAULT_LANGUAGE
        # the stages read the morphology of the document's language (langid.py), and the
        # words found only in paragraphs of another language with that language's
        others = [(s, e, lang) for s, e, lang in document.paragraphs if lang != language]
        with morph_language(language):
            text, offsets = normalise(source, document.language)
            if others:
                text = keep_paragraph_letters(text, offsets, source, others, language)
            doc = self.nlp.make_doc(text)
            doc._.original = document.text
            doc._.offsets = offsets
            doc._.doc_id = document.id
            doc._.anchor = anchor
            doc._.language = document.language
            words = paragraph_word_languages(doc, offsets, document.paragraphs, language) \
                if others else {}
            with paragraph_words(words):
                for _, proc in self.nlp.pipeline:
                    doc = proc(doc)
        return doc

    def __call__(self, document: Document, anchor: str | None = None) -> Chronicle:
        """Analyse a document. RETURNS (Chronicle): offsets into ``document.text``."""
        return self.run(document, anchor)[0]

    def run(self, document: Document, anchor: str | None = None) -> tuple[Chronicle, int]:
        """Analyse a document, in chunks when it is long (the batch worker's one call).

        document (Document): the input.
        anchor (str | None): creation date of the text.
        RETURNS (tuple[Chronicle, int]): the chronicle and the number of tokens analysed.
        """
        identify_language(document)
        if len(document.text) <= self.chunk_chars:
            doc = self.make_doc(document, anchor)
            return to_chronicle(doc, document), len(doc)
        return self._chunked(document, anchor)

    def text(self, text: str, anchor: str | None = None) -> Chronicle:
        """Analyse a string. RETURNS (Chronicle): its chronicle."""
        return self(from_text(text), anchor)

    def warm_up(self, language: str = DEFAULT_LANGUAGE) -> None:
        """Analyse a short text of the language (``warm_up.yaml``) and drop the result.

        The stages load their models, dictionaries and gazetteers when their first
        document comes (~0.6 CPU-s): the batch worker calls this while it loads the
        pipeline, so that loading is not charged to its first document. The caches it
        fills hold pure functions of a word: no later result changes.
        """
        document = from_text(load("warm_up", language)["text"])
        document.language = language
        self.run(document)

    def _chunked(self, document: Document, anchor: str | None) -> tuple[Chronicle, int]:
        """Analyse a long document chunk by chunk and merge the chronicles.

        - Offsets are shifted by the chunk's start, sentence numbers by the
          sentences before it.
        - Entities with the same id are merged: mentions appended, roles
          united, the first affiliation/CAMEO/Wikidata kept.
        - Events are renumbered e1, e2, ... in text order.
        - The narrative reference time (the last dated time expression) is
          carried into the next chunk: the chunk is analysed behind a one-line
          date preamble ("12 грудня 1932 року.") that sets the time stage's
          reference, and everything found in the preamble is dropped. The
          document ``anchor`` (creation date) is passed unchanged.

        RETURNS (tuple[Chronicle, int]): the merged chronicle and the tokens analysed.
        """
        full = document.text
        entities: dict[str, Entity] = {}
        timexes: list[Timex] = []
        events: list[Event] = []
        ref: str | None = None
        sentences = 0
        tokens = 0
        for start, end in split_chunks(full, self.chunk_chars):
            preamble = _preamble(ref)
            part = Document(id=document.id, path=document.path, text=preamble + full[start:end],
                            encoding=document.encoding, format=document.format,
                            language=document.language)
            doc = self.make_doc(part, anchor)
            n_sents = sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1
            pre_sents = 0
            if preamble and doc.has_annotation("SENT_START"):
                pre_sents = sum(1 for s in doc.sents if s.start_char < len(preamble.rstrip()))
            ch = to_chronicle(doc, part)
            tokens += len(doc)
            del doc
            cut = len(preamble)
            shift = start - cut

            implied = {e.affiliation for e in ch.entities if e.affiliation}
            for ent in ch.entities:
                mentions = [Mention(m.start + shift, m.end + shift, m.text,
                                    m.sentence - pre_sents + sentences)
                            for m in ent.mentions if m.start >= cut]
                if not mentions and not (not ent.mentions and ent.id in implied):
                    # found only in the preamble; but a polity the dictionaries imply
                    # (a person's state the text never names) is kept, as for a short text
                    continue
                have = entities.get(ent.id)
                if have is None:
                    ent.mentions = mentions
                    entities[ent.id] = ent
                    continue
                have.mentions.extend(mentions)
                have.roles.extend(r for r in ent.roles if r not in have.roles)
                have.affiliation = have.affiliation or ent.affiliation
                have.cameo = have.cameo or ent.cameo
                have.wikidata = have.wikidata or ent.wikidata
            for t in ch.timexes:
                if t.start < cut:
                    continue
                t.start += shift
                t.end += shift
                timexes.append(t)
                if t.value and not t.value.startswith("P") and _POINT_RE.match(t.value):
                    ref = t.value
            for ev in ch.events:
                if ev.start < cut:
                    continue
                ev.id = f"e{len(events) + 1}"
                ev.start += shift
                ev.end += shift
                ev.evidence_start = max(ev.evidence_start - cut, 0) + start
                ev.evidence_end = max(ev.evidence_end - cut, 0) + start
                ev.evidence = full[ev.evidence_start:ev.evidence_end].strip()
                events.append(ev)
            sentences += n_sents - pre_sents
        # an event's participants must be entities of this chronicle
        known = set(entities)
        for ev in events:
            ev.source = [a for a in ev.source if a in known]
            ev.target = [a for a in ev.target if a in known]
        merged = sorted(entities.values(),
                        key=lambda e: (e.mentions[0].start if e.mentions else 10**12, e.id))
        for e in merged:
            if e.affiliation and e.affiliation not in known:
                e.affiliation = None
        return (Chronicle(document=document, entities=merged, timexes=timexes, events=events),
                tokens)


def identify_language(document: Document) -> None:
    """Set the document's language and its paragraphs' (once; a language given by the
    caller is kept, its paragraphs are still listed)."""
    if document.language is not None and document.paragraphs:
        return
    language, paragraphs = detect(document.text)
    document.language = document.language or language
    document.paragraphs = [(p.start, p.end, p.language) for p in paragraphs]


def keep_paragraph_letters(text: str, offsets: OffsetMap, source: str,
                           paragraphs: list[tuple[int, int, str]], language: str) -> str:
    """Undo the document language's letter rewrites inside paragraphs of another
    language: a Russian quotation in a Ukrainian text keeps its ``ы``, ``э``, ``ё``.

    text (str): the normalised text; offsets (OffsetMap): its map to ``source``.
    source (str): the text that was normalised.
    paragraphs (list): [start, end, language] of the paragraphs (offsets into ``source``)
        whose language is not the document's.
    language (str): the document's language.
    RETURNS (str): ``text`` with those letters restored (same length).
    """
    home = foreign_letters(language)
    chars: list[str] | None = None
    to_orig = offsets.to_orig
    for start, end, lang in paragraphs:
        own = foreign_letters(lang)
        i = bisect_left(to_orig, start, 0, len(text))
        while i < len(text) and to_orig[i] < end:
            c, o = text[i], source[to_orig[i]]
            if c != o and o.translate(home) == c and o.translate(own) == o:
                if chars is None:
                    chars = list(text)
                chars[i] = o
            i += 1
    return text if chars is None else "".join(chars)


def paragraph_word_languages(doc: Doc, offsets: OffsetMap,
                             paragraphs: list[tuple[int, int, str]],
                             language: str) -> dict[str, str]:
    """The word forms of a document that occur only in paragraphs of another language,
    with that language (``morph.word_languages``; offsets of ``paragraphs`` point into
    the original text)."""
    starts = [s for s, _, _ in paragraphs]

    def lang_at(i: int) -> str:
        k = bisect_right(starts, offsets(i)) - 1
        return paragraphs[k][2] if k >= 0 and offsets(i) < paragraphs[k][1] else language

    return word_languages(((t.text, lang_at(t.idx)) for t in doc if t.is_alpha or
                           any(c.isalpha() for c in t.text)), language)


def split_chunks(text: str, size: int) -> list[tuple[int, int]]:
    """Cut a text into [start, end) pieces of at most about ``size`` characters.

    Cuts fall after a blank line (a paragraph break) where there is one in the
    second half of the window, else after a line break, else after a
    sentence end, else after a space, else anywhere. The pieces cover the
    text exactly, in order.

    text (str): the text.
    size (int): the target size.
    RETURNS (list[tuple[int, int]]): the pieces.
    """
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            lo = start + size // 2
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                k = text.rfind(sep, lo, end)
                if k != -1:
                    cut = k + len(sep)
                    break
            if cut > start:
                end = cut
        out.append((start, end))
        start = end
    return out


def _preamble(ref: str | None) -> str:
    """A one-sentence paragraph that names the date ``ref`` (or "" if none can)."""
    return date_phrase(ref)


def _map(offsets: OffsetMap | None, start: int, end: int) -> tuple[int, int]:
    return offsets.span(start, end) if offsets is not None else (start, end)


@lru_cache(maxsize=1)
def display_names() -> dict[str, dict[str, str]]:
    """Dictionary id -> {language: display name}, from ``names.jsonl`` of the build
    (``name_by_lang`` of actors.yaml and persons.yaml; empty when the table is missing)."""
    path = BUILD_DIR / "names.jsonl"
    if not path.exists():
        return {}
    out: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                out.setdefault(row["id"], {})[row["lang"]] = row["name"]
    return out


def name_by_language(entities: list[Entity], language: str) -> None:
    """Show dictionary entries by their name in the document's language, the other
    languages' names as aliases (in place). The id is unchanged, so a Ukrainian and a
    Russian document still merge into one entity."""
    names = display_names()
    for ent in entities:
        other = names.get(ent.id)
        if not other:
            continue
        own = other.get(language)
        if own is not None and own != ent.name:
            ent.aliases = [ent.name]
            ent.name = own
        else:
            ent.aliases = []
        ent.aliases += [n for lang, n in sorted(other.items())
                        if lang != language and n != ent.name and n not in ent.aliases]


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
            wikidata=ent.wikidata, provenance=ent.provenance, confidence=ent.confidence,
            trust=dict(ent.trust),
        ))
    entities.sort(key=lambda e: (e.mentions[0].start if e.mentions else 10**12, e.id))
    name_by_language(entities, document.language or DEFAULT_LANGUAGE)
    timexes: list[Timex] = []
    for span in doc.spans.get("timex", []):
        t: Timex = span._.timex
        s, e = _map(offsets, t.start, t.end)
        timexes.append(Timex(
            start=s, end=e, text=original[s:e], value=t.value, begin=t.begin,
            end_date=t.end_date, precision=t.precision, source=t.source, anchor=t.anchor,
            old_style=t.old_style, confidence=t.confidence,
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
            date_begin=ev.date_begin, date_end=ev.date_end, provenance=ev.provenance,
            confidence=ev.confidence,
            location=ev.location,
        ))
    return Chronicle(document=document, entities=entities, timexes=timexes, events=events)
