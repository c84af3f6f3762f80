"""The slots litopys stages read and write on a spaCy ``Doc``.

This module is the contract between stages. Offsets inside a ``Doc`` are
offsets into ``doc.text``, which is the *normalised* text; ``doc._.offsets``
maps them back to the original text (see ``litopys.pipeline.normalise``).

Doc slots
---------
doc._.original (str): the original text as read.
doc._.offsets (OffsetMap | None): normalised offset -> original offset.
doc._.doc_id (str | None): the document id (content hash).
doc._.entities (dict[str, litopys.chronicle.Entity]): canonical entities by id,
    set by the actors stage; mentions hold *doc.text* offsets until the
    chronicle is built.
doc._.events (list[litopys.chronicle.Event]): set by the events stage, offsets in
    doc.text.
doc._.anchor (str | None): document creation date, if known (for "100 років тому").

Span groups
-----------
doc.spans["mentions"]: every entity mention. ``span.label_`` is the type
    (PERSON, GPE, ORG, LOC, DOC); ``span._.entity_id`` the canonical id;
    ``span._.role`` an office given in apposition, if any.
doc.spans["timex"]: time expressions. ``span._.timex`` is a
    ``litopys.chronicle.Timex`` whose start/end are doc.text offsets.
doc.spans["events"]: event triggers. ``span._.event_id`` the event id.

Token slots
-----------
token.lemma_ : pymorphy3 normal form of the best parse (lower case).
token.morph  : UD-style features from pymorphy3 (Case, Number, Gender, Animacy,
    Aspect, Tense, Voice, NameType=Giv/Sur/Pat for first names, surnames,
    patronymics).
token.pos_   : UD POS from pymorphy3 (NOUN, PROPN, VERB, ADJ, ...).
token._.lemmas (tuple[str, ...]): every normal form pymorphy3 offers (any parse).
token._.tags (tuple[str, ...]): the pymorphy3 tag strings of every parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def register() -> None:
    """Register all custom attributes (idempotent)."""
    doc_attrs = {
        "original": None,
        "offsets": None,
        "doc_id": None,
        "entities": None,
        "events": None,
        "anchor": None,
        "language": None,
    }
    for name, default in doc_attrs.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("entity_id", "role", "timex", "event_id"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in ("lemmas", "tags"):
        if not Token.has_extension(name):
            Token.set_extension(name, default=())


register()


def token_extension_key(name: str, idx: int) -> tuple[str, str, int, None]:
    """The ``doc.user_data`` key under which spaCy keeps ``token._.<name>`` of the token
    at character offset ``idx`` (``Underscore._get_key``; tests/pipeline/test_analysis.py
    checks it). Writing it directly is ~10x cheaper than ``token._.<name> = value``, which
    builds an ``Underscore`` object per token (the morphology stage sets two per token)."""
    return ("._.", name, idx, None)

