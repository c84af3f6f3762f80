"""Time stage: the spaCy component around the temporal tagger in ``timex.py``.

``timex.tag`` works on plain text; this stage runs it on ``doc.text`` and puts
each expression in ``doc.spans["timex"]`` with its ``litopys.model.Timex`` in
``span._.timex`` (offsets into doc.text, mapped to the original later).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from litopys.pipeline import extensions  # noqa: F401
from litopys.pipeline.timex import tag


class TimeTagger:
    """Tag and normalise time expressions; track the narrative reference time."""

    def __init__(self, nlp: Language, name: str = "litopys_time") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for t in tag(doc.text, anchor=doc._.anchor):
            span = doc.char_span(t.start, t.end, label="TIMEX", alignment_mode="expand")
            if span is None:
                continue
            span._.timex = t
            spans.append(span)
        doc.spans["timex"] = spans
        return doc
