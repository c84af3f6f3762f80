"""The Russian dev set (tests/eval/dev-ru): gold files follow FORMAT.md, SOURCES.md lists every excerpt.

Fast: reads the files only; the pipeline is not run (the baseline is in docs/RUSSIAN.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from goldfiles import (
    check_entities,
    check_events,
    check_plain_json,
    check_timexes,
    excerpt_ranges,
    load_pair,
    sources_ranges,
)

from litopys.evaluate import find_pairs

DEV_RU = Path(__file__).resolve().parent / "dev-ru"
SOURCES = DEV_RU / "SOURCES.md"


def _gold_files() -> list[Path]:
    return sorted(DEV_RU.glob("*.gold.json"))


def test_dev_ru_set_has_eight_texts() -> None:
    pairs = find_pairs(DEV_RU)
    assert len(pairs) >= 8
    assert len(pairs) == len(_gold_files())


def test_dev_ru_set_sources_list_every_excerpt() -> None:
    listed = sources_ranges(SOURCES)
    for text_path, _ in find_pairs(DEV_RU):
        assert text_path.name in listed, f"{text_path.name} missing from SOURCES.md"
        text = text_path.read_text(encoding="utf-8")
        assert listed[text_path.name] == excerpt_ranges(text), text_path.name
    assert set(listed) == {t.name for t, _ in find_pairs(DEV_RU)}


@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.name)
def test_dev_ru_gold_entities(gold_path: Path) -> None:
    gold, text = load_pair(gold_path)
    assert 1500 <= len(text) <= 3200
    check_entities(gold, text, gold_path, "ru")


@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.name)
def test_dev_ru_gold_timexes(gold_path: Path) -> None:
    check_timexes(*load_pair(gold_path))


@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.name)
def test_dev_ru_gold_events(gold_path: Path) -> None:
    check_events(*load_pair(gold_path))


def test_dev_ru_gold_is_plain_json() -> None:
    for gold_path in _gold_files():
        check_plain_json(gold_path)
