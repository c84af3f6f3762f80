"""errors: one-line coded messages, and file names shown losslessly (issue 17)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litopys.errors import (
    Errors,
    InputError,
    LitopysError,
    Warnings,
    display_path,
    message,
    one_line,
    path_from_display,
)

NAMES = [
    (b"plain.txt", "plain.txt"),
    ("Хроніка 1932.txt".encode(), "Хроніка 1932.txt"),
    (b"x\xff.txt", "x\\xff.txt"),
    (b"a\nE001 forged.txt", "a\\nE001 forged.txt"),
    (b"tab\tcr\r.txt", "tab\\tcr\\r.txt"),
    (b"back\\slash\\xff.txt", "back\\\\slash\\\\xff.txt"),
    ("c1\u0085 ls\u2028.txt".encode(), "c1\\u0085 ls\\u2028.txt"),
    (b"\x1b[31mred", "\\x1b[31mred"),
]


@pytest.mark.parametrize("raw,shown", NAMES, ids=[n[1] for n in NAMES])
def test_errors_display_path_lossless(raw: bytes, shown: str) -> None:
    assert display_path(os.fsdecode(raw)) == shown
    assert display_path(raw) == shown
    assert path_from_display(shown) == raw
    shown.encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_errors_display_path_round_trip_any_bytes(raw: bytes) -> None:
    shown = display_path(os.fsdecode(raw))
    assert path_from_display(shown) == raw
    assert not any(c in shown for c in "\n\r\x85\u2028\u2029")
    shown.encode("utf-8")


@pytest.mark.parametrize("template,kwargs", [
    (Errors.E001, {"path": os.fsdecode(b"a\n\xff.txt"), "reason": "line one\nline two"}),
    (Errors.E021, {"path": "db\r\nE000 fake", "reason": "file is not a database"}),
    (Errors.E031, {"value": "1\n2", "option": "--workers", "reason": "r", "fix": "f"}),
    (Warnings.W001, {"path": "a\nb.html", "dropped": 10, "fmt": "HTML", "reason": "x"}),
])
def test_errors_messages_are_one_line(template: str, kwargs: dict[str, object]) -> None:
    text = message(template, **kwargs)
    assert "\n" not in text and "\r" not in text
    text.encode("utf-8")
    assert text.split(" ", 1)[0] == template.split(" ", 1)[0]
    err = InputError(template, **kwargs)
    assert str(err) == text and err.code == template.split(" ", 1)[0]


def test_errors_e021_names_the_database(tmp_path: object) -> None:
    """A database with other tables used to be called 'database', not by its path."""
    import sqlite3
    from pathlib import Path

    from litopys.store.db import Store

    path = Path(str(tmp_path)) / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(LitopysError) as info:
        Store(path)
    assert info.value.code == "E021" and f"'{path}'" in str(info.value)


def test_errors_one_line_keeps_printable_text() -> None:
    assert one_line("Литвинов — «угода» №5") == "Литвинов — «угода» №5"
