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
  ``VALUE_RE``;
- ``nested_office`` (issue 17): DOCX and ODT bodies nested up to 1,200 levels
  in random mixes of content controls, tables, hyperlinks, insertions and
  deletions, text boxes, sections, lists and spans, sometimes cut short: a
  Document or one ``InputError`` (never ``RecursionError``); within the depth
  cap, well-formed and outside deletions, the text is read;
- ``file_names`` (issue 17): files with random byte names (undecodable bytes,
  newlines, control characters, backslashes) through ``iter_paths`` and
  ``read_path``: ``Document.path`` is UTF-8 on one line and gives back the
  exact name (``errors.path_from_display``); every message is one UTF-8 line;
- ``mixed_encodings`` (issue 17): paragraphs of Ukrainian prose, each in
  UTF-8, windows-1251 or KOI8-U, joined: ``decode`` gives back the text;
- ``extract_dir`` (issue 17): ``litopys extract DIR`` (in process) on a
  directory of such files: exit 0 or 1, no traceback, one ``error: E0xx``
  line per failing file, stored + failed = inputs, and ``check_store`` clean.

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

from litopys.errors import InputError, path_from_display  # noqa: E402
from litopys.pipeline.ingest import (  # noqa: E402
    MAX_XML_DEPTH,
    decode,
    is_editor_lock,
    iter_paths,
    markdown_mask,
    read_bytes,
    read_path,
)
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


# -- issue 17 targets ----------------------------------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
# (open, close, hides its text) per kind of nesting; block kinds wrap paragraphs,
# inline kinds sit inside one
DOCX_BLOCK = [("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", False),
              ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", False),
              ("<w:customXml>", "</w:customXml>", False), ("<w:ins>", "</w:ins>", False)]
DOCX_INLINE = [("<w:hyperlink>", "</w:hyperlink>", False), ("<w:smartTag>", "</w:smartTag>", False),
               ("<w:ins>", "</w:ins>", False), ("<w:del>", "</w:del>", True),
               ("<w:p>", "</w:p>", False)]
ODT_BLOCK = [('<text:section text:name="s">', "</text:section>", False),
             ("<text:list><text:list-item>", "</text:list-item></text:list>", False),
             ("<table:table><table:table-row><table:table-cell>",
              "</table:table-cell></table:table-row></table:table>", False)]
ODT_INLINE = [("<text:span>", "</text:span>", False), ("<text:a>", "</text:a>", False),
              ("<text:note><text:note-body>", "</text:note-body></text:note>", True)]
PROSE = [
    "Литвинов підписав у Женеві угоду з Польщею дванадцятого грудня тридцять другого року.",
    "Уряд УРСР звернувся до Ліги Націй у березні тисяча дев'ятсот тридцять четвертого року.",
    "Їхня зустріч з'ясувала, що Ґалаґан і Єфремов не дійшли згоди щодо кордону.",
    "Після переговорів у Варшаві посол повернувся до Києва й доповів наркомові.",
    "Щоб уникнути війни, сторони домовилися про нейтралітет і обмін посольствами.",
]


def _xml_text(draw: st.DrawFn) -> str:
    from xml.sax.saxutils import escape

    return escape(draw(st.sampled_from(PROSE)) + draw(st.text(max_size=8).filter(
        lambda t: all(c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF for c in t))))


@st.composite
def nested_office(draw: st.DrawFn) -> tuple[bytes, str, str, bool]:
    """A DOCX or ODT with its text nested deep; RETURNS (file, suffix, text, expect it)."""
    docx = draw(st.booleans())
    block_kinds, inline_kinds = (DOCX_BLOCK, DOCX_INLINE) if docx else (ODT_BLOCK, ODT_INLINE)
    block = draw(st.lists(st.sampled_from(block_kinds), max_size=draw(st.sampled_from(
        [3, 40, 200, 700]))))
    inline = draw(st.lists(st.sampled_from(inline_kinds), max_size=draw(st.sampled_from(
        [3, 40, 300, 1200]))))
    text = _xml_text(draw)
    if docx:
        core = "<w:r><w:t>" + text + "</w:t></w:r>"
        para = ("<w:p>" + "".join(o for o, _, _ in inline) + core
                + "".join(c for _, c, _ in reversed(inline)) + "</w:p>")
    else:
        para = ("<text:p>" + "".join(o for o, _, _ in inline) + text
                + "".join(c for _, c, _ in reversed(inline)) + "</text:p>")
    body = "".join(o for o, _, _ in block) + para + "".join(c for _, c, _ in reversed(block))
    levels = sum(o.count("<") for o, _, _ in block + inline)
    cut = draw(st.booleans()) and draw(st.integers(0, 3)) == 0
    if docx:
        xml = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
        name, suffix = "word/document.xml", ".docx"
    else:
        xml = (f"<office:document-content {ODT_NS}><office:body><office:text>{body}"
               "</office:text></office:body></office:document-content>")
        name, suffix = "content.xml", ".odt"
    raw = xml.encode()
    if cut:
        raw = raw[: draw(st.integers(0, len(raw)))]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        if not docx:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr(name, raw)
    hidden = any(h for _, _, h in block + inline)
    expect = not cut and not hidden and levels + 8 < MAX_XML_DEPTH
    plain = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return buf.getvalue(), suffix, plain, expect


def _check_nested_office(case: tuple[bytes, str, str, bool]) -> None:
    data, suffix, text, expect = case
    try:
        doc = read_bytes(data, "fuzz" + suffix, suffix=suffix, max_bytes=1 << 20)
    except InputError as err:
        assert not expect, f"refused a readable file: {err}"
        assert "\n" not in str(err)
        return
    if expect:
        words = [w for w in text.split() if len(w) > 3 and w.isalpha()]
        assert all(w in doc.text for w in words), (text, doc.text[:200])


NAME_BYTES = st.binary(min_size=1, max_size=40).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b".."))
CONTENTS = st.one_of(
    st.sampled_from(PROSE).map(str.encode),
    st.sampled_from(PROSE).map(lambda t: t.encode("cp1251")),
    st.just(b""), st.binary(max_size=64),
)


def _check_file_names(files: list[tuple[bytes, bytes]]) -> None:
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        top = os.fsencode(tmp)
        names = {}
        for name, data in files:
            full = os.path.join(top, name + b".txt")
            with open(full, "wb") as fh:
                fh.write(data)
            if not is_editor_lock(os.fsdecode(name)):  # skipped on purpose by the walk
                names[full] = data
        try:
            found = list(iter_paths([tmp]))
        except InputError as err:
            assert "\n" not in str(err)
            return
        assert sorted(os.fsencode(p) for p in found) == sorted(names)
        for p in found:
            try:
                doc = read_path(p)
            except InputError as err:
                msg = str(err)
                assert "\n" not in msg and "\r" not in msg, msg
                msg.encode("utf-8")
                continue
            assert doc.path is not None
            doc.path.encode("utf-8")
            assert "\n" not in doc.path and "\r" not in doc.path
            assert path_from_display(doc.path) == os.fsencode(p)


@st.composite
def mixed_paragraphs(draw: st.DrawFn) -> tuple[str, bytes]:
    """Paragraphs of prose, each in its own encoding; RETURNS (text, bytes)."""
    paras = draw(st.lists(st.tuples(st.sampled_from(PROSE),
                                    st.sampled_from(["utf-8", "cp1251", "koi8-u"])),
                          min_size=1, max_size=6))
    sep = draw(st.sampled_from(["\n\n", "\n \n", "\r\n\r\n"]))
    text = sep.join(t for t, _ in paras)
    data = sep.encode().join(t.encode(e) for t, e in paras)
    return text, data


def _check_mixed_encodings(case: tuple[str, bytes]) -> None:
    import logging

    logging.getLogger("litopys.ingest").setLevel(logging.ERROR)  # W002 is expected here
    text, data = case
    decoded, encoding = decode(data, "fuzz")
    assert decoded == text, (encoding, decoded[:300])


def _check_extract_dir(files: list[tuple[bytes, bytes]],
                       office: list[tuple[bytes, str, str, bool]]) -> None:
    import os
    import sqlite3
    import tempfile

    from click.testing import CliRunner

    from litopys.cli import main
    from litopys.store.check import check_store

    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(os.fsencode(tmp), b"in")
        os.mkdir(src)
        written: set[bytes] = set()
        for name, data in files:
            path = os.path.join(src, name + b".txt")
            written.add(path)
            with open(path, "wb") as fh:
                fh.write(data)
        for k, (data, suffix, _, _) in enumerate(office):
            path = os.path.join(src, b"office%d" % k + suffix.encode())
            written.add(path)
            with open(path, "wb") as fh:
                fh.write(data)
        db = os.path.join(tmp, "x.db")
        res = CliRunner().invoke(main, ["extract", os.fsdecode(src), "--db", db, "-q",
                                        "--max-bytes", "200000"])
        out = res.output
        assert res.exit_code in (0, 1), (res.exit_code, out[-2000:], res.exception)
        assert "Traceback" not in out
        errors = [ln for ln in out.splitlines() if ln.startswith("error: ")]
        assert all(ln[7:9] == "E0" and ln[11] == " " for ln in errors), errors
        stored = 0
        if os.path.exists(db):
            with sqlite3.connect(db) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            assert check_store(db) == []
        # a repeated text is stored once: stored + failed <= inputs (an empty
        # directory is one error, E006)
        assert stored + len(errors) <= max(1, len(written)), (stored, errors, written)
        assert (res.exit_code == 1) == bool(errors)
        for ln in out.splitlines():
            assert ln.startswith(("error: ", "W00")) or " inputs failed; " in ln, ln


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
    "nested_office": _target(_check_nested_office, nested_office()),
    "file_names": _target(_check_file_names, st.lists(st.tuples(NAME_BYTES, CONTENTS),
                                                      min_size=1, max_size=6,
                                                      unique_by=lambda f: f[0])),
    "mixed_encodings": _target(_check_mixed_encodings, mixed_paragraphs()),
    "extract_dir": _target(_check_extract_dir,
                           st.lists(st.tuples(NAME_BYTES, CONTENTS), max_size=3,
                                    unique_by=lambda f: f[0]),
                           st.lists(nested_office(), max_size=2)),
}
# examples per round, as a share of --batch: extract_dir runs the whole pipeline
BATCH_SHARE = {"extract_dir": 0.05, "nested_office": 0.5}


_FN_NAMES = {"decode": "_check_decode", "read_bytes": "_check_read_bytes",
             "markdown_mask": "_check_mask", "timex": "_check_timex",
             "nested_office": "_check_nested_office", "file_names": "_check_file_names",
             "mixed_encodings": "_check_mixed_encodings", "extract_dir": "_check_extract_dir"}


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
                ran = TARGETS[name](max(1, int(args.batch * BATCH_SHARE.get(name, 1.0))))
            except InvalidArgument:
                raise  # a bug in this script, not a finding
            except Exception as err:  # noqa: BLE001 - a failure is a finding, not a crash
                ran = _LAST_COUNT.get(_FN_NAMES[name], 0)
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
