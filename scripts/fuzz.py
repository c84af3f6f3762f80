"""Fuzz ingest and the time stage with hypothesis, for a time budget.

Targets (each must hold for every input):

- ``decode``: random bytes and mutated encoded Ukrainian text decode or raise
  ``InputError`` -- nothing else;
- ``read_bytes``: random bytes and mutated DOCX, ODT, PDF, HTML and ZIP files
  (bytes flipped, cut, spliced) give a Document with text, or ``InputError``;
- ``markdown_mask``: the mask has the length and the line breaks of its input;
- ``timex``: ``timex.tag`` on text mixing Ukrainian date words, numbers and
  random characters never raises, every span satisfies
  ``text[start:end] == t.text``, and every value is None or matches
  ``VALUE_RE``.

The budget is shared out round-robin in rounds of ``--batch`` examples.
Failures are reported with hypothesis's shrunk example and the run goes on.

Usage::

    python scripts/fuzz.py --minutes 10 [--seed N] [--json out.json]

DOCS: docs/ROBUSTNESS.md
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from litopys.errors import InputError  # noqa: E402
from litopys.pipeline.ingest import decode, markdown_mask, read_bytes  # noqa: E402
from litopys.pipeline.time.tagger import VALUE_RE, tag  # noqa: E402

SENTENCE = "12 грудня 1932 року Литвинов підписав у Женеві угоду з Польщею; їхня зустріч — ґанок."
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1251", "koi8-u", "cp1125",
             "mac_cyrillic")
DATE_WORDS = [
    "12", "1932", "1933", "р.", "року", "рр.", "грудня", "січня", "березні", "весною",
    "влітку", "1930-х", "XIX", "ст.", "століття", "наприкінці", "на початку", "того ж",
    "наступного", "дня", "тижня", "через", "два", "місяці", "тому", "років", "з", "по",
    "до", "н. е.", "ранку", "о", "10:30", "–", "-", "/", ".", ",", "24.08.1991", "1991-08-24",
    "першої половини", "другій", "кварталі", "ночі", "вчора", "сьогодні", "наступного року",
    "100", "тис.", "ІІ", "тисячоліття", "до н.е.", "(", ")", "«", "»", "\n", "\n\n", " ",
]


def _seed_files() -> list[bytes]:
    """Small valid inputs of every format, to mutate."""
    seeds = [SENTENCE.encode(enc, errors="replace") for enc in ENCODINGS]
    seeds.append(f"<html><head><script>x()</script></head><body><p>{SENTENCE}</p>"
                 f"</body></html>".encode())
    seeds.append(f"# Заголовок\n\n**{SENTENCE}** [x](http://a)".encode())
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml",
                   f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>{SENTENCE}</w:t>'
                   f"</w:r></w:p></w:body></w:document>")
    seeds.append(docx.getvalue())
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml",
                   '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
                   'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:'
                   f'1.0"><office:body><office:text><text:p>{SENTENCE}</text:p></office:text>'
                   "</office:body></office:document-content>")
    seeds.append(odt.getvalue())
    # the PDF writer of the ingest tests (a text layer with a ToUnicode map)
    from tests.pipeline.test_ingest import make_pdf

    seeds.append(make_pdf([["Lytvynov signed the treaty on 12 December 1932."]]))
    return seeds


SEEDS = _seed_files()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A seed file with a few bytes flipped, cut, spliced or repeated."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "dup", "truncate"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[i:i + draw(st.integers(1, 64))]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=32))
        elif op == "dup":
            data[i:i] = data[i:i + draw(st.integers(1, 64))]
        else:
            del data[i:]
    return bytes(data)


ANY_BYTES = st.one_of(st.binary(max_size=2048), mutated())
SUFFIXES = st.sampled_from(["", ".txt", ".md", ".html", ".docx", ".odt", ".pdf"])
DATE_TEXT = st.lists(
    st.one_of(st.sampled_from(DATE_WORDS), st.integers(0, 3000).map(str),
              st.text(max_size=4)),
    max_size=40,
).map(" ".join)
ANCHORS = st.one_of(st.none(), st.sampled_from(["2020", "1933-05", "1932-12-12", "-0500",
                                                "0001", "9999-12-31"]))


def _check_decode(data: bytes) -> None:
    try:
        text, enc = decode(data, "fuzz")
    except InputError:
        return
    assert isinstance(text, str) and isinstance(enc, str)


def _check_read_bytes(data: bytes, suffix: str) -> None:
    try:
        doc = read_bytes(data, "fuzz" + suffix, suffix=suffix, max_bytes=1 << 20)
    except InputError:
        return
    assert doc.text.strip(), "a Document without text"


def _check_mask(text: str) -> None:
    masked = markdown_mask(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [
        i for i, c in enumerate(masked) if c == "\n"]


def _check_timex(text: str, anchor: str | None) -> None:
    for t in tag(text, anchor=anchor):
        assert 0 <= t.start <= t.end <= len(text), (t.start, t.end)
        assert text[t.start:t.end] == t.text, (t.start, t.end, t.text)
        assert t.value is None or VALUE_RE.match(t.value), t.value


_LAST_COUNT: dict[str, int] = {}


def _target(fn: Callable[..., None], *strategies: st.SearchStrategy) -> Callable[[int], int]:
    """Wrap a check as a runner of n examples; RETURNS how many ran."""
    count = [0]

    def body(args: tuple[object, ...]) -> None:
        count[0] += 1
        _LAST_COUNT[fn.__name__] = count[0]
        fn(*args)

    def run(n: int) -> int:
        """Run up to n examples; RETURNS how many ran (also when one fails)."""
        count[0] = 0
        test = settings(max_examples=n, deadline=None, database=None, derandomize=False,
                        suppress_health_check=list(HealthCheck))(given(st.tuples(*strategies))(body))
        test()
        return count[0]

    return run


TARGETS: dict[str, Callable[[int], int]] = {
    "decode": _target(_check_decode, ANY_BYTES),
    "read_bytes": _target(_check_read_bytes, ANY_BYTES, SUFFIXES),
    "markdown_mask": _target(_check_mask, st.text(max_size=300)),
    "timex": _target(_check_timex, DATE_TEXT, ANCHORS),
}


_FN_NAMES = {"decode": "_check_decode", "read_bytes": "_check_read_bytes",
             "markdown_mask": "_check_mask", "timex": "_check_timex"}


def main(argv: list[str] | None = None) -> int:
    """Run the targets until the budget is spent; print figures; RETURNS the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="Total time budget.")
    parser.add_argument("--batch", type=int, default=200, help="Examples per round per target.")
    parser.add_argument("--targets", default=",".join(TARGETS), help="Comma-separated targets.")
    parser.add_argument("--json", default=None, help="Also write the figures to this file.")
    args = parser.parse_args(argv)
    names = [n for n in args.targets.split(",") if n in TARGETS]
    stats = {n: {"examples": 0, "rounds": 0, "failures": [], "seconds": 0.0} for n in names}
    deadline = time.monotonic() + args.minutes * 60
    while time.monotonic() < deadline:
        for name in names:
            if time.monotonic() >= deadline:
                break
            t0 = time.monotonic()
            s = stats[name]
            try:
                ran = TARGETS[name](args.batch)
            except InvalidArgument:
                raise  # a bug in this script, not a finding
            except Exception as err:  # noqa: BLE001 - a failure is a finding, not a crash
                ran = _LAST_COUNT.get(_FN_NAMES[name], args.batch)
                msg = "".join(traceback.format_exception_only(type(err), err)).strip()
                if msg not in s["failures"]:
                    s["failures"].append(msg[:2000])
                    print(f"[{name}] FAILURE: {msg[:2000]}", file=sys.stderr, flush=True)
            s["examples"] += ran
            s["rounds"] += 1
            s["seconds"] += time.monotonic() - t0
        total = sum(s["examples"] for s in stats.values())
        print(f"... {total} examples", file=sys.stderr, flush=True)
    report = {"minutes": args.minutes, "targets": stats,
              "examples": sum(s["examples"] for s in stats.values()),
              "failures": sum(len(s["failures"]) for s in stats.values())}
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")
    return 1 if report["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
