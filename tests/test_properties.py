"""Property-based tests (hypothesis): the pipeline and ingest hold on any input.

- the pipeline never crashes on any Unicode text, and every offset it reports
  satisfies ``text[start:end] == span`` (entity mentions, time expressions,
  event triggers, evidence);
- the same holds for long texts analysed in chunks;
- ``timex.tag`` returns spans that match the text and values that are valid
  (``VALUE_RE``) or None;
- ``ingest.decode`` and ``ingest.read_bytes`` raise nothing but InputError;
- Latin look-alike letters are matched as Cyrillic without changing the text.

Example counts are modest for the normal run; ``scripts/fuzz.py`` runs the
ingest and time properties for as long as one likes.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from litopys.chronicle import Chronicle
from litopys.errors import InputError
from litopys.pipeline.ingest import decode, from_text, read_bytes
from litopys.pipeline.time.tagger import VALUE_RE, tag

PIPELINE_SETTINGS = settings(max_examples=100, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])
WORDS = [
    "Литвинов", "М. М. Литвинов", "нарком", "підписав", "угоду", "з", "Польщею", "Бек",
    "уряд", "УРСР", "Україна", "звернувся", "до", "Ліги", "Націй", "12", "грудня", "1932",
    "року", "р.", "1930-х", "рр.", "у", "березні", "того", "ж", "дня", "не", "відмовився",
    "зустрівся", "Києві", "Варшаві", "Сталін", "заявив", "протест", ",", ".", ";", "—", "«",
    "»", "\n", "\n\n", "Kиїв", "Литвинoв", "з’ясувати", "1932р.", "ХХ", "століття",
]
UKRAINIAN = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=3)), max_size=60).map(
    " ".join)
ANY_TEXT = st.text(max_size=200)


def _check_offsets(ch: Chronicle) -> None:
    text = ch.document.text
    for e in ch.entities:
        for m in e.mentions:
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start:m.end] == m.text
    for t in ch.timexes:
        assert 0 <= t.start <= t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.value is None or VALUE_RE.match(t.value)
    ids = {e.id for e in ch.entities}
    for ev in ch.events:
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start:ev.end] == ev.trigger
        assert 0 <= ev.evidence_start <= ev.evidence_end <= len(text)
        assert text[ev.evidence_start:ev.evidence_end].strip() == ev.evidence
        assert set(ev.source) | set(ev.target) <= ids


@PIPELINE_SETTINGS
@given(ANY_TEXT)
def test_properties_pipeline_any_unicode(pipeline, text: str) -> None:
    ch = pipeline.text(text)
    _check_offsets(ch)


@PIPELINE_SETTINGS
@given(UKRAINIAN)
def test_properties_pipeline_ukrainian_like(pipeline, text: str) -> None:
    ch = pipeline.text(text)
    _check_offsets(ch)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(UKRAINIAN, min_size=2, max_size=8).map("\n\n".join))
def test_properties_pipeline_chunked(text: str) -> None:
    from litopys.pipeline.language import Pipeline

    chunked = Pipeline(chunk_chars=1000)
    ch = chunked(from_text(text * 4))
    _check_offsets(ch)
    assert [e.id for e in ch.events] == [f"e{k}" for k in range(1, len(ch.events) + 1)]


@given(st.text(max_size=5000), st.integers(1000, 3000))
@settings(max_examples=100, deadline=None)
def test_properties_split_chunks_cover_text(text: str, size: int) -> None:
    from litopys.pipeline.language import split_chunks

    pieces = split_chunks(text, size)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(0 < e - s <= size for s, e in pieces)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY_TEXT, UKRAINIAN),
       st.one_of(st.none(), st.sampled_from(["2020", "1933-05", "1932-12-12", "-0500"])))
def test_properties_timex_tag_values_valid(text: str, anchor: str | None) -> None:
    for t in tag(text, anchor=anchor):
        assert 0 <= t.start <= t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.value is None or VALUE_RE.match(t.value), t.value


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=1024))
def test_properties_decode_only_input_error(data: bytes) -> None:
    try:
        text, enc = decode(data, "random.bin")
    except InputError:
        return
    assert isinstance(text, str) and enc


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=1024), st.sampled_from(["", ".txt", ".md", ".html", ".docx", ".pdf"]))
def test_properties_read_bytes_only_input_error(data: bytes, suffix: str) -> None:
    try:
        doc = read_bytes(data, "random" + suffix, suffix=suffix)
    except InputError:
        return
    assert doc.text.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("абвгдеєжзиіїйклмнопрстуфхцчшщьюяґ"), min_size=1,
               max_size=30))
def test_properties_decode_roundtrip_cp1251(word: str) -> None:
    text = f"Це речення про {word} і про Київ, написане давно."
    assert decode(text.encode("cp1251"), "x")[0] == text


@pytest.mark.parametrize(
    "mixed,clean",
    [
        ("Уряд Укрaїни звернувся до Пoльщі.", "Уряд України звернувся до Польщі."),
        ("Литвинoв поїхав до Kиєва.", "Литвинов поїхав до Києва."),
    ],
)
def test_properties_lookalikes_matched_text_unchanged(pipeline, mixed: str, clean: str) -> None:
    a, b = pipeline.text(mixed), pipeline.text(clean)
    assert a.document.text == mixed  # stored as written
    assert [e.id for e in a.entities] == [e.id for e in b.entities]
    for e in a.entities:
        for m in e.mentions:
            assert mixed[m.start:m.end] == m.text


def test_properties_unnamed_letter(pipeline) -> None:
    # found by hypothesis: U+17000 (TANGUT IDEOGRAPH) has no name in Python 3.11
    _check_offsets(pipeline.text("\U00017000"))
