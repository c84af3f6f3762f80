"""Sentence boundaries: the cap on runs the language gives no boundary in (issue 17)."""

from __future__ import annotations

import pytest

from litopys.pipeline.analysis import MAX_SENTENCE_TOKENS, _cap_sentences
from litopys.pipeline.ingest import from_text


@pytest.mark.parametrize("texts,cap,expected", [
    # a run of 10 with a comma at 6: broken after it, then the rest fits
    (["a", "b", "c", "d", "e", ",", "f", "g", "h", "i"], 8, [0, 6]),
    # no soft break in the second half of the window: cut at the cap
    (list("abcdefghij"), 4, [0, 4, 8]),
    # short sentences are left alone
    (["a", "b", ".", "C", "d"], 4, [0, 3]),
])
def test_analysis_cap_sentences(texts: list[str], cap: int, expected: list[int]) -> None:
    starts = [False] * len(texts)
    starts[0] = True
    if "." in texts:
        starts[texts.index(".") + 1] = True
    _cap_sentences(texts, starts, cap=cap)
    assert [i for i, s in enumerate(starts) if s] == expected


def test_analysis_text_without_spaces_is_split(pipeline) -> None:
    """"1932р.СРСР,Китай;" repeated is one endless sentence to the rules; capped, no
    sentence is longer than MAX_SENTENCE_TOKENS tokens."""
    doc = pipeline.make_doc(from_text("1932р.СРСР,Китай;" * 400), None)
    lengths = [len(s) for s in doc.sents]
    assert len(lengths) > 1 and max(lengths) <= MAX_SENTENCE_TOKENS
    # broken after punctuation ("...СРСР,"), not inside a name
    assert all(s.text.rstrip()[-1] in ";:—–," for s in list(doc.sents)[:-1])
