"""The fresh Ukrainian check sets (tests/eval/fresh, tests/eval/fresh2, tests/eval/fresh3, tests/eval/fresh4,
tests/eval/fresh5, tests/eval/fresh6, tests/eval/fresh7, tests/eval/fresh8,
tests/eval/fresh9, tests/eval/fresh10,
tests/eval/fresh11, tests/eval/fresh12, tests/eval/fresh13, tests/eval/fresh14,
tests/eval/fresh15, tests/eval/fresh16, tests/eval/fresh17): gold files follow FORMAT.md,
SOURCES.md lists every excerpt.

Fast: reads the files only; the pipeline is not run. fresh9, fresh12, fresh13, fresh14, fresh15 and fresh17 are held-out
estimates of accuracy on real texts nobody tuned for: do not write rules against them. fresh, fresh2 and fresh3 were looked at by
category in later rounds, and fresh4, fresh5 and fresh8 (held out until session 10) too (each README says when).
fresh6, fresh7, fresh10 and fresh11 are development sets, made to be read for
rules, with gold that follows the shared dev annotator's conventions (see their README.md); they are checked
here for their file format only.
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

EVAL_DIR = Path(__file__).resolve().parent
FRESH_SETS = [
    EVAL_DIR / "fresh",
    EVAL_DIR / "fresh2",
    EVAL_DIR / "fresh3",
    EVAL_DIR / "fresh4",
    EVAL_DIR / "fresh5",
    EVAL_DIR / "fresh6",
    EVAL_DIR / "fresh7",
    EVAL_DIR / "fresh8",
    EVAL_DIR / "fresh9",
    EVAL_DIR / "fresh10",
    EVAL_DIR / "fresh11",
    EVAL_DIR / "fresh12",
    EVAL_DIR / "fresh13",
    EVAL_DIR / "fresh14",
    EVAL_DIR / "fresh15",
    EVAL_DIR / "fresh16",
    EVAL_DIR / "fresh17",
]
FRESH = FRESH_SETS[0]


def _gold_files(directory: Path = FRESH) -> list[Path]:
    return sorted(directory.glob("*.gold.json"))


def _all_gold_files() -> list[Path]:
    return [g for d in FRESH_SETS for g in _gold_files(d)]


def _gold_id(gold_path: Path) -> str:
    return f"{gold_path.parent.name}/{gold_path.name}"


@pytest.mark.parametrize("directory", FRESH_SETS, ids=lambda d: d.name)
def test_fresh_set_has_five_texts_of_two_or_three_excerpts(directory: Path) -> None:
    pairs = find_pairs(directory)
    assert len(pairs) == 5
    assert len(pairs) == len(_gold_files(directory))
    for text_path, _ in pairs:
        text = text_path.read_text(encoding="utf-8")
        assert 1500 <= len(text.rstrip("\n")) <= 2500, text_path.name
        assert 2 <= len(excerpt_ranges(text)) <= 3, text_path.name


@pytest.mark.parametrize("directory", FRESH_SETS, ids=lambda d: d.name)
def test_fresh_set_sources_list_every_excerpt(directory: Path) -> None:
    listed = sources_ranges(directory / "SOURCES.md")
    for text_path, _ in find_pairs(directory):
        assert text_path.name in listed, f"{text_path.name} missing from SOURCES.md"
        text = text_path.read_text(encoding="utf-8")
        assert listed[text_path.name] == excerpt_ranges(text), text_path.name
    assert set(listed) == {t.name for t, _ in find_pairs(directory)}


@pytest.mark.parametrize("directory", FRESH_SETS, ids=lambda d: d.name)
def test_fresh_topics_are_not_in_the_dev_sets(directory: Path) -> None:
    # A set is only fresh if its topics were not studied: no file stem shared with a dev set
    # or with the other fresh sets.
    shared = EVAL_DIR.parents[1].parent / "shared" / "eval" / "dev"
    other = [d for d in FRESH_SETS if d != directory]
    dev_dirs = [EVAL_DIR / "dev", EVAL_DIR / "dev-ru", shared, *other]
    dev_topics = {p.name.split("_")[0] for d in dev_dirs if d.is_dir() for p in d.glob("*.txt")}
    for text_path, _ in find_pairs(directory):
        assert text_path.name.split("_")[0] not in dev_topics, text_path.name


@pytest.mark.parametrize("gold_path", _all_gold_files(), ids=_gold_id)
def test_fresh_gold_entities(gold_path: Path) -> None:
    gold, text = load_pair(gold_path)
    check_entities(gold, text, gold_path, "uk")


@pytest.mark.parametrize("gold_path", _all_gold_files(), ids=_gold_id)
def test_fresh_gold_timexes(gold_path: Path) -> None:
    check_timexes(*load_pair(gold_path))


@pytest.mark.parametrize("gold_path", _all_gold_files(), ids=_gold_id)
def test_fresh_gold_events(gold_path: Path) -> None:
    check_events(*load_pair(gold_path))


def test_fresh_gold_is_plain_json() -> None:
    for gold_path in _all_gold_files():
        check_plain_json(gold_path)
