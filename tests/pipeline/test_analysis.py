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


@pytest.mark.parametrize("text,expected", [
    # an abbreviated month before a year does not end the sentence, in either language
    ("Конференція відкрилася 25 квіт. 1945 р. у Сан-Франциско. Потім усе скінчилося.",
     ["Конференція відкрилася 25 квіт. 1945 р. у Сан-Франциско.", "Потім усе скінчилося."]),
    ("Конференция открылась 25 апр. 1945 г. в Сан-Франциско.",
     ["Конференция открылась 25 апр. 1945 г. в Сан-Франциско."]),
    # before a capitalised word it still may
    ("Угоду підписали в серп. Наступного року все змінилося.",
     ["Угоду підписали в серп.", "Наступного року все змінилося."]),
    # another abbreviation before a number ends the sentence as before
    ("Прийшло 20 тис. 1945 року було інакше.", ["Прийшло 20 тис. 1945 року було інакше."]),
    ("Він прибув до Києва. 1945 рік став іншим.", ["Він прибув до Києва.", "1945 рік став іншим."]),
])
def test_analysis_month_abbreviation_keeps_the_sentence(pipeline, text: str,
                                                        expected: list[str]) -> None:
    doc = pipeline.make_doc(from_text(text), None)
    assert [s.text.strip() for s in doc.sents] == expected


def test_pymorphy3_reads_its_dictionaries_with_the_c_dawg() -> None:
    """pymorphy3[fast] installs DAWG2: the same parses as the pure-Python reader, and the
    whole pipeline ~1.5x faster (docs/ARCHITECTURE.md, Session 16: speed)."""
    import pymorphy3.dawg

    assert pymorphy3.dawg.DAWG.__module__ == "dawg"


def test_morphology_sets_token_extensions_where_spacy_reads_them(pipeline) -> None:
    """The morphology stage writes token._.lemmas and token._.tags straight into
    doc.user_data (token_extension_key); spaCy's Underscore must read them back."""
    from litopys.pipeline.extensions import token_extension_key

    doc = pipeline.make_doc(from_text("Верховна Рада ухвалила закон."))
    tok = doc[1]
    assert tok._._get_key("lemmas") == token_extension_key("lemmas", tok.idx)
    assert "рада" in tok._.lemmas
    assert tok._.tags and all(isinstance(t, str) for t in tok._.tags)
