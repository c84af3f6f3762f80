"""Language identification (litopys/pipeline/langid.py) on real texts and a mixed one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DEV, ROOT

from litopys.chronicle import Document
from litopys.lang import languages, load
from litopys.pipeline.langid import detect, identify, paragraph_spans, scores

DEV_RU = ROOT / "tests" / "eval" / "dev-ru"
DEV_UK_OWN = ROOT / "tests" / "eval" / "dev"


def _texts(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.txt"))


@pytest.mark.parametrize("path", _texts(DEV) + _texts(DEV_UK_OWN), ids=lambda p: p.name)
def test_ukrainian_dev_texts_are_uk(path: Path) -> None:
    language, paragraphs = detect(path.read_text(encoding="utf-8"))
    assert language == "uk"
    assert paragraphs and {p.language for p in paragraphs} == {"uk"}


@pytest.mark.parametrize("path", _texts(DEV_RU), ids=lambda p: p.name)
def test_russian_dev_texts_are_ru(path: Path) -> None:
    language, paragraphs = detect(path.read_text(encoding="utf-8"))
    assert language == "ru"
    assert paragraphs and {p.language for p in paragraphs} == {"ru"}


def test_the_dev_sets_are_not_empty() -> None:
    assert len(_texts(DEV)) == 18 and len(_texts(DEV_RU)) == 11


def test_mixed_text_paragraphs() -> None:
    uk = _texts(DEV)[0].read_text(encoding="utf-8").split("\n\n")[0]
    ru = _texts(DEV_RU)[0].read_text(encoding="utf-8").split("\n\n")[0]
    short_ru = "Россия и Китай подписали договор."
    text = f"{uk}\n\n{ru}\n\n{short_ru}\n\n1654\n"
    language, paragraphs = detect(text)
    assert [p.language for p in paragraphs] == ["uk", "ru", "ru", language]
    assert [text[p.start:p.end] for p in paragraphs] == [uk.strip(), ru.strip(), short_ru, "1654"]
    # the document's language is the one of the most characters
    assert language == ("uk" if len(uk.strip()) > len(ru.strip()) + len(short_ru) else "ru")


@pytest.mark.parametrize(("text", "expected"), [
    ("Договор был подписан в Москве.", "ru"),
    ("Договір було підписано в Москві.", "uk"),
    ("Об этом сообщил МИД.", "ru"),
    ("Про це повідомило МЗС.", "uk"),
    ("", "uk"),
    ("1991", "uk"),
    ("The treaty was signed.", "uk"),
])
def test_identify_short_sentences(text: str, expected: str) -> None:
    assert identify(text) == expected


def test_identify_default_when_nothing_says() -> None:
    assert identify("12.05.1932", default="ru") == "ru"
    assert detect("   \n\n  ", default="ru") == ("ru", [])


def test_scores_count_letters_and_words() -> None:
    s = scores("Это было")
    assert s["ru"] > 0 and s["uk"] == 0


def test_paragraph_spans_cover_text_between_blank_lines() -> None:
    text = "one\n\n  \ntwo three\n\n\nfour\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["one", "two three", "four"]


@pytest.mark.parametrize("code", [c for c in languages() if c in ("uk", "ru")])
def test_langid_files_hold_no_shared_evidence(code: str) -> None:
    data = load("langid", code)
    others = [c for c in ("uk", "ru") if c != code]
    for other in others:
        theirs = load("langid", other)
        assert not set(data["letters"]) & set(theirs["letters"])
        assert not set(data["function_words"]) & set(theirs["function_words"])


def test_document_json_has_language_and_paragraphs(pipeline) -> None:
    text = "Договор был подписан в Москве 23 августа 1939 года.\n\nЦе було в Москві."
    ch = pipeline.text(text)
    d = json.loads(json.dumps(ch.to_dict()))["document"]
    assert d["language"] == "ru"
    assert d["paragraphs"] == [{"start": 0, "end": 51, "language": "ru"},
                               {"start": 53, "end": len(text), "language": "uk"}]


def test_given_language_is_kept(pipeline) -> None:
    doc = Document(id="x", path=None, text="Это было.", language="uk")
    ch = pipeline(doc)
    assert ch.document.language == "uk"
    assert [p[2] for p in ch.document.paragraphs] == ["ru"]


def test_store_keeps_the_language(pipeline, tmp_path) -> None:
    from litopys.store.db import Store

    text = "Договор был подписан в Москве.\n\nДоговір було підписано."
    ch = pipeline.text(text)
    with Store(tmp_path / "l.db") as store:
        store.write_one(ch)
        got = store.document(ch.document.id)
        assert got is not None
        assert got.language == "ru"
        assert got.paragraphs == [(0, 30, "ru"), (32, len(text), "uk")]
        assert [d["language"] for d in store.documents()] == ["ru"]
