"""The time code is language-neutral: its words live in litopys/lang/<lang>/time.yaml."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from litopys.lang import load
from litopys.pipeline.time import words
from litopys.pipeline.time.words import LANGUAGES, date_phrase, merge, time_words

TIME_DIR = Path(words.__file__).resolve().parent
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _string_literals(path: Path) -> list[tuple[int, str]]:
    """Every string constant of a module that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


@pytest.mark.parametrize("path", sorted(TIME_DIR.rglob("*.py")), ids=lambda p: p.name)
def test_time_words_no_word_literals_in_code(path: Path) -> None:
    found = [(line, s) for line, s in _string_literals(path) if CYRILLIC.search(s)]
    assert not found, f"{path.name}: words belong in litopys/lang/<lang>/time.yaml: {found}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_time_words_keys_are_shared(lang: str) -> None:
    uk = load("time", "uk")
    assert set(load("time", lang)) <= set(uk), "a key only one language has"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_time_words_lower_case(lang: str) -> None:
    def walk(node: object, key: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, str(k))
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and CYRILLIC.search(node) and key not in (
                "sentence_prepositions", "date_phrases"):
            assert node == node.lower(), (lang, key, node)

    walk(load("time", lang), "")


@pytest.mark.parametrize(
    "a,b,expected",
    [({"x": [1]}, {"x": [2]}, {"x": [1, 2]}), ({"x": {"1": ["a"]}}, {"x": {"1": ["b"], "2": ["c"]}},
                                                {"x": {"1": ["a", "b"], "2": ["c"]}}),
     ({"x": "uk"}, {"x": "ru"}, {"x": "uk"}), ({}, {"y": [1]}, {"y": [1]})],
)
def test_time_words_merge(a: dict, b: dict, expected: dict) -> None:
    assert merge(a, b) == expected


def test_time_words_russian_forms_are_loaded() -> None:
    merged = time_words()
    assert "декабря" in merged["months"][12] and "грудня" in merged["months"][12]
    assert "грудня" in time_words(("uk",))["months"][12]
    assert "декабря" not in time_words(("uk",))["months"][12]


@pytest.mark.parametrize(
    "value,expected",
    [("1932-12-12", "12 грудня 1932 року.\n\n"), ("1932-12", "грудень 1932 року.\n\n"),
     ("1932", "1932 рік.\n\n"), ("1932-SU", "1932 рік.\n\n"), (None, ""), ("P3Y", "")],
)
def test_time_words_date_phrase(value: str | None, expected: str) -> None:
    assert date_phrase(value) == expected
