"""The pipeline driver (litopys/pipeline/language.py): chunking of long documents,
offsets mapped back into the original text, and the date preamble between chunks."""

from __future__ import annotations

import re

import pytest
from conftest import DEV

from litopys.chronicle import Chronicle
from litopys.pipeline.ingest import from_text
from litopys.pipeline.language import Pipeline, _preamble, split_chunks


@pytest.mark.parametrize("text,size,expected", [
    # a paragraph break in the second half of the window wins over later line breaks
    ("a" * 600 + "\n\n" + "b" * 300 + "\n" + "c" * 300, 1000, [(0, 602), (602, 1203)]),
    # no paragraph break: the last line break
    ("a" * 700 + "\n" + "b" * 700, 1000, [(0, 701), (701, 1401)]),
    # no line break: after the last sentence end
    ("a" * 800 + ". " + "b" * 500, 1000, [(0, 802), (802, 1302)]),
    # no sentence end: after the last space
    ("a" * 900 + " " + "b" * 500, 1000, [(0, 901), (901, 1401)]),
    # a break in the first half is too early: cut anywhere at the size
    ("a" * 100 + "\n\n" + "b" * 1500, 1000, [(0, 1000), (1000, 1602)]),
    # short texts are one piece; the empty text none
    ("коротко", 1000, [(0, 7)]),
    ("", 1000, []),
])
def test_language_split_chunks_boundaries(text: str, size: int, expected) -> None:
    pieces = split_chunks(text, size)
    assert pieces == expected
    assert "".join(text[s:e] for s, e in pieces) == text


@pytest.mark.parametrize("ref,expected", [
    (None, ""),
    ("1932-12-12", "12 грудня 1932 року.\n\n"),
    ("1935-10", "жовтень 1935 року.\n\n"),
    ("1937", "1937 рік.\n\n"),
    ("1934-SU", "1934 рік.\n\n"),  # a season: the year is all a sentence can carry
    ("P3Y", ""),  # a duration is not a point in time
])
def test_language_preamble(ref: str | None, expected: str) -> None:
    assert _preamble(ref) == expected


def _check_spans(ch: Chronicle) -> None:
    text = ch.document.text
    for e in ch.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text, (e.id, m)
    for t in ch.timexes:
        assert text[t.start:t.end] == t.text, t
    for ev in ch.events:
        assert text[ev.start:ev.end] == ev.trigger, ev
        assert ev.evidence == text[ev.evidence_start:ev.evidence_end].strip()
    assert [ev.id for ev in ch.events] == [f"e{k}" for k in range(1, len(ch.events) + 1)]


# characters the normaliser rewrites, drops or inserts around: a typographic
# apostrophe, a soft hyphen, a Latin "i" inside a Cyrillic word, a glued year, CRLF
MESSY = ("12 грудня 1932 р. СРСР і Китай відновили дипломатичні від\u00adносини.\r\n\r\n"
         "У жовтні 1935р. радянський повпред Богомолов зустрівся з Чан Кайши в Нанкінi.\r\n\r\n"
         "Пам\u2019ятна записка Литвинова від 1936 р. передана урядові Японії.\r\n\r\n")


def test_language_offsets_map_back_exactly(pipeline) -> None:
    text = MESSY * 12
    whole = pipeline(from_text(text))
    chunked = Pipeline(chunk_chars=1000)(from_text(text))
    for ch in (whole, chunked):
        _check_spans(ch)
    assert {e.id for e in whole.entities} == {e.id for e in chunked.entities}
    assert len(chunked.entities) >= 4 and len(chunked.events) >= 12


def _mentions(ch: Chronicle, shift: int = 0) -> set[tuple[str, int, int]]:
    return {(e.id, m.start + shift, m.end + shift) for e in ch.entities for m in e.mentions}


def test_language_long_document_same_entities_as_its_parts(pipeline) -> None:
    names = ["andrusovo_1667", "anschluss_1938", "kaynarca_1774"]
    paths = [DEV / f"{n}.txt" for n in names]
    if not all(p.is_file() for p in paths):
        pytest.skip("../shared/eval/dev texts are not available")
    # one paragraph per text, so the chunks fall exactly between the texts
    parts = [re.sub(r"\n\s*\n", "\n", p.read_text(encoding="utf-8")).strip() for p in paths]
    text = "\n\n".join(parts)
    size = max(len(p) for p in parts) + 10
    assert len(split_chunks(text, size)) == len(parts)
    chunker = Pipeline(chunk_chars=size)
    long = chunker(from_text(text))
    _check_spans(long)
    expected: set[tuple[str, int, int]] = set()
    shift = 0
    for part in parts:
        expected |= _mentions(pipeline(from_text(part)), shift)
        shift += len(part) + 2
    assert _mentions(long) == expected
    # sentence numbers run on across the chunks
    sentences = [m.sentence for e in long.entities for m in e.mentions]
    assert max(sentences) > max(m.sentence for e in pipeline(from_text(parts[0])).entities
                                for m in e.mentions)


def test_language_other_paragraphs_keep_their_letters() -> None:
    from litopys.pipeline.language import keep_paragraph_letters
    from litopys.pipeline.normalise import normalise

    text = "Обличчя ворога.\n\nВёл переговоры Эстонии.\n\nЩе ы."
    norm, offsets = normalise(text, "uk")
    assert "Вел переговори Естонии" in norm  # the Ukrainian rewrites everywhere
    kept = keep_paragraph_letters(norm, offsets, text, [(17, 40, "ru")], "uk")
    assert len(kept) == len(norm)
    assert "Вёл переговоры Эстонии." in kept and kept.endswith("Ще и.")
