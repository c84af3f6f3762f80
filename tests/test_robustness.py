"""Robustness end to end: a batch of good and bad files, and ``litopys check``.

- ``litopys extract DIR`` on a mix of good and bad inputs stores every good
  one, prints one ``error: E0xx ...`` line per bad one, a summary, exits 1 and
  never shows a traceback;
- ``litopys check`` passes on a clean store and names each kind of damage;
- (``--slow``) a ~5 MB text is analysed in bounded memory.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE, SHARED
from pipeline.test_ingest import ELF, PNG, make_docx, make_odt, make_pdf

from litopys.cli import main
from litopys.store.check import check_store

GOOD_TEXT = "12 грудня 1932 року нарком М. М. Литвинов підписав у Женеві угоду з Польщею.\n"


def _mixed_dir(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Write good and bad inputs; RETURNS (good name -> format, bad name -> code)."""
    root.mkdir()
    (root / "a_utf8.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "b_cp1251.txt").write_bytes(GOOD_TEXT.replace("Женеві", "Варшаві").encode("cp1251"))
    (root / "c_utf16.txt").write_bytes(("У березні 1934 року уряд УРСР звернувся до Польщі.\n")
                                       .encode("utf-16"))
    (root / "d.html").write_text(
        "<html><script>alert('x')</script><body><p>Бек зустрівся з Литвиновим "
        "у травні 1934 року.</p></body></html>", encoding="utf-8")
    (root / "e.docx").write_bytes(make_docx(["Сталін заявив протест Польщі 3 липня 1933 року."]))
    (root / "f.odt").write_bytes(make_odt("Хроніка", ["Литвинов прибув до Варшави 1935 року."]))
    (root / "g.pdf").write_bytes(make_pdf([["Бек підписав угоду з Литвиновим", "у 1932 році."]]))
    (root / "h.md").write_text("# Нотатки\n\n**Литвинов** поїхав до Києва у 1936 році.\n", "utf-8")
    good = {"a_utf8.txt": "text", "b_cp1251.txt": "text", "c_utf16.txt": "text",
            "d.html": "html", "e.docx": "docx", "f.odt": "odt", "g.pdf": "pdf",
            "h.md": "markdown"}
    (root / "img.txt").write_bytes(PNG)
    (root / "prog.txt").write_bytes(ELF)
    (root / "empty.txt").write_bytes(b"")
    (root / "spaces.txt").write_bytes(b"  \n\n \t\n")
    (root / "scan.pdf").write_bytes(make_pdf([[]]))
    (root / "scripts.html").write_text("<script>alert(1)</script><style>p{}</style>", "utf-8")
    (root / "big.txt").write_text("слово " * 2000, encoding="utf-8")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (root / "vanished.txt").symlink_to(root / "nowhere.txt")
    (root / "sub.txt").mkdir()  # a directory with a text suffix is not scanned as a file
    bad = {"img.txt": "E002", "prog.txt": "E002", "empty.txt": "E003", "spaces.txt": "E013",
           "scan.pdf": "E008", "scripts.html": "E013", "big.txt": "E004",
           "broken.docx": "E009", "vanished.txt": "E001"}
    return good, bad


def test_robustness_mixed_directory(tmp_path: Path) -> None:
    good, bad = _mixed_dir(tmp_path / "in")
    db = tmp_path / "mix.db"
    res = CliRunner().invoke(
        main, ["extract", str(tmp_path / "in"), "--db", str(db), "-q", "--max-bytes", "5000"])
    assert res.exit_code == 1, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    out = res.stderr if hasattr(res, "stderr") else res.output
    assert "Traceback" not in res.output
    errors = [ln for ln in out.splitlines() if ln.startswith("error: ")]
    assert len(errors) == len(bad)
    for name, code in bad.items():
        line = next((ln for ln in errors if f"/{name}'" in ln), None)
        assert line is not None, (name, errors)
        assert line.startswith(f"error: {code} "), line
    summary = out.strip().splitlines()[-1]
    assert summary == (f"{len(bad)} of {len(bad) + len(good)} inputs failed; "
                       f"{len(good)} stored in {db}.")
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT path, format FROM documents"))
    assert {Path(p).name: f for p, f in rows.items()} == good
    assert check_store(str(db)) == []


def test_robustness_missing_file_argument(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    db = tmp_path / "x.db"
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt"), str(good),
                                    "--db", str(db), "-q"])
    assert res.exit_code == 1
    assert "error: E001 " in res.output and "Traceback" not in res.output
    assert "1 of 2 inputs failed; 1 stored" in res.output


def test_robustness_max_bytes_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "big.txt"
    f.write_text("слово " * 100, encoding="utf-8")
    monkeypatch.setenv("LITOPYS_MAX_BYTES", "100")
    res = CliRunner().invoke(main, ["extract", str(f), "--db", str(tmp_path / "x.db"), "-q"])
    assert res.exit_code == 1
    assert "E004" in res.output and "LITOPYS_MAX_BYTES" in res.output


def test_robustness_cli_subprocess_one_line_errors(tmp_path: Path) -> None:
    """A real process: stderr has one line per bad file and no traceback."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "img.txt").write_bytes(PNG)
    (tmp_path / "in" / "ok.txt").write_text(GOOD_TEXT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "litopys", "extract", str(tmp_path / "in"),
         "--db", str(tmp_path / "x.db"), "-q"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith("error: E002 ") and "img.txt" in lines[0]
    assert lines[-1].startswith("1 of 2 inputs failed; 1 stored")


# -- issue 17: files that used to stop every run, in every mode --------------------
FORGED = b"a\nE001 forged.txt"


def _issue17_dir(root: Path) -> tuple[list[bytes], dict[str, str]]:
    """Good files and the inputs of issue 17; RETURNS (good names, bad name -> code)."""
    from pipeline.test_ingest import _docx_from_xml, _docx_xml, nested_docx, nested_odt

    root.mkdir()
    top = os.fsencode(root)
    (root / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    mention = "Автор згадує тег <head> у тексті.\n" + GOOD_TEXT
    (root / "head.txt").write_text(mention, encoding="utf-8")
    with open(os.path.join(top, b"x\xff.txt"), "wb") as fh:
        fh.write("12 грудня 1932 року СРСР і Китай відновили відносини.\n".encode())
    (root / "mixed.txt").write_bytes(GOOD_TEXT.encode() + b"\n" + "Литвинов прибув до "
                                     "Варшави у травні 1934 року.\n".encode("cp1251"))
    (root / "nested.docx").write_bytes(nested_docx("sdt", 900))
    (root / "nested.odt").write_bytes(nested_odt("span", 900))
    para = "<w:p><w:r><w:t>" + "Литвинов підписав угоду. " * 40 + "</w:t></w:r></w:p>"
    (root / "huge.docx").write_bytes(_docx_from_xml(_docx_xml(para * 30)))
    open(os.path.join(top, FORGED), "wb").close()
    good = [b"a.txt", b"head.txt", b"x\xff.txt", b"mixed.txt"]
    bad = {"nested.docx": "E009", "nested.odt": "E009", "huge.docx": "E014",
           "a\\nE001 forged.txt": "E003"}
    return good, bad


def _check_issue17_run(out: str, db: Path, good: list[bytes], bad: dict[str, str]) -> None:
    from litopys.errors import path_from_display

    assert "Traceback" not in out and "RecursionError" not in out
    assert not any(ln.lstrip().startswith("E001 forged") for ln in out.splitlines())
    for name, code in bad.items():
        lines = [ln for ln in out.splitlines() if f"/{name}'" in ln]
        assert lines and all(f"{code} " in ln for ln in lines), (name, out)
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT path, text FROM documents"))
    assert sorted(os.path.basename(path_from_display(p)) for p in rows) == sorted(good)
    texts = {os.path.basename(path_from_display(p)): t for p, t in rows.items()}
    if b"head.txt" in texts:
        assert texts[b"head.txt"] == "Автор згадує тег <head> у тексті.\n" + GOOD_TEXT
    if b"mixed.txt" in texts:
        assert "Литвинов прибув до Варшави у травні 1934 року." in texts[b"mixed.txt"]
    assert check_store(str(db)) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_robustness_issue17_batch(tmp_path: Path, workers: int) -> None:
    """Every good file stored, each bad one a one-line coded error, exit code 1."""
    good, bad = _issue17_dir(tmp_path / "in")
    db = tmp_path / "x.db"
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "--db", str(db), "-q",
                                    "--max-bytes", "20000", "--workers", str(workers)])
    assert res.exit_code == 1, res.output
    _check_issue17_run(res.output, db, good, bad)


def test_robustness_issue17_dask_local(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from pipeline.test_ingest import nested_docx

    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "nested.docx").write_bytes(nested_docx("table", 900))
    with open(os.path.join(os.fsencode(root), b"x\xff.txt"), "wb") as fh:
        fh.write("12 грудня 1932 року СРСР і Китай відновили відносини.\n".encode())
    db = tmp_path / "x.db"
    res = CliRunner().invoke(main, ["extract", str(root), "--db", str(db), "-q",
                                    "--dask", "local", "--workers", "1"])
    assert res.exit_code == 1, res.output
    _check_issue17_run(res.output, db, [b"a.txt", b"x\xff.txt"], {"nested.docx": "E009"})


def test_robustness_unreadable_subdirectory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "locked" / "b.txt").write_text(GOOD_TEXT, encoding="utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> object:
        # tests run as root, where chmod 000 does not stop listing: simulate it
        if os.fspath(path) == str(root / "locked"):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    res = CliRunner().invoke(main, ["extract", str(root), "--db", str(tmp_path / "x.db"), "-q"])
    assert res.exit_code == 1
    assert f"error: E015 Cannot list the directory '{root / 'locked'}'" in res.output
    assert "1 of 2 inputs failed; 1 stored" in res.output


BAD_OPTIONS = [
    (["extract", "{f}", "--anchor", "2020-13-45"], {}, "E030", "--anchor"),
    (["extract", "{f}", "--anchor", "0000-00-00"], {}, "E030", "--anchor"),
    (["extract", "{f}", "--no-db"], {}, "E031", "--out-parquet"),
    (["extract", "{f}", "--max-bytes", "0"], {}, "E031", "--max-bytes"),
    (["extract", "{f}", "--max-bytes", "-5"], {}, "E031", "--max-bytes"),
    (["extract", "{f}"], {"LITOPYS_MAX_BYTES": "abc"}, "E031", "LITOPYS_MAX_BYTES"),
    (["extract", "{f}", "--workers", "-1"], {}, "E031", "--workers"),
    (["show", "--from", "2020-13-45"], {}, "E030", "--from"),
    (["show", "--to", "1933-02-30"], {}, "E030", "--to"),
    (["serve", "--port", "99999"], {}, "E031", "--port"),
    (["serve"], {"LITOPYS_PORT": "http"}, "E031", "LITOPYS_PORT"),
]


@pytest.mark.parametrize("args,env,code,names", BAD_OPTIONS,
                         ids=["-".join(a[1:]) + "".join(e) for a, e, *_ in BAD_OPTIONS])
def test_robustness_bad_option_values(clean_store: Path, tmp_path: Path, args: list[str],
                                      env: dict[str, str], code: str, names: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD_TEXT, encoding="utf-8")
    db = tmp_path / "new.db" if args[0] == "extract" else clean_store
    argv = [a.format(f=f) for a in args] + ["--db", str(db)]
    res = CliRunner().invoke(main, argv, env=env)
    assert res.exit_code == 1, res.output
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {code} ") and names in lines[0]
    if args[0] == "extract":
        assert not db.exists()  # nothing was written (--no-db alone used to write the store)


def test_robustness_web_rejects_impossible_dates(clean_store: Path) -> None:
    import asyncio

    import httpx

    from litopys.web.app import create_app

    async def statuses() -> list[int]:
        transport = httpx.ASGITransport(app=create_app(str(clean_store)))  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            return [(await c.get(f"/timeline.json?date_from={d}")).status_code
                    for d in ("2020-13-45", "1933-02-29", "1932-02-29")]

    assert asyncio.run(statuses()) == [400, 400, 200]


# -- litopys check ---------------------------------------------------------------
@pytest.fixture(scope="module")
def clean_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "clean.db"
    res = CliRunner().invoke(main, ["extract", str(SAMPLE), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    with sqlite3.connect(db) as conn:
        for table in ("mentions", "timexes", "events", "event_participants"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    return db


@pytest.fixture()
def store(clean_store: Path, tmp_path: Path) -> Path:
    db = tmp_path / "copy.db"
    shutil.copy(clean_store, db)
    return db


def test_robustness_check_clean(store: Path) -> None:
    res = CliRunner().invoke(main, ["check", "--db", str(store)])
    assert res.exit_code == 0, res.output
    assert res.output.strip() == f"{store}: ok"


CORRUPTIONS = [
    ("mention_text", "UPDATE mentions SET text = text || 'x' WHERE rowid = "
                     "(SELECT min(rowid) FROM mentions)", "does not match its text"),
    ("mention_offsets", "UPDATE mentions SET end = 10000000 WHERE rowid = "
                        "(SELECT min(rowid) FROM mentions)", "outside document"),
    ("timex_value", "UPDATE timexes SET value = '19x2-13' WHERE rowid = "
                    "(SELECT min(rowid) FROM timexes)", "invalid time value"),
    ("timex_dates", "UPDATE timexes SET begin = '1999-01-01', end_date = '1900-01-01' "
                    "WHERE rowid = (SELECT min(rowid) FROM timexes)", "is after"),
    ("event_trigger", "UPDATE events SET trigger = 'ніщо' WHERE id = (SELECT min(id) FROM events)",
     "does not match its text"),
    ("event_evidence", "UPDATE events SET evidence = 'інше' WHERE id = "
                       "(SELECT min(id) FROM events)", "evidence"),
    ("event_evidence_offsets", "UPDATE events SET evidence_end = -1 WHERE id = "
                               "(SELECT min(id) FROM events)", "evidence offsets"),
    ("event_date", "UPDATE events SET date = 'вчора' WHERE id = (SELECT min(id) FROM events)",
     "invalid time value"),
    ("participant_entity", "UPDATE event_participants SET entity_id = 'ghost' WHERE rowid = "
                           "(SELECT min(rowid) FROM event_participants)",
     "missing source entity ghost|missing target entity ghost"),
    ("participant_event", "UPDATE event_participants SET event_id = 'ghost:e1' WHERE rowid = "
                          "(SELECT min(rowid) FROM event_participants)", "of missing event"),
    ("mention_entity", "UPDATE mentions SET entity_id = 'ghost' WHERE rowid = "
                       "(SELECT min(rowid) FROM mentions)", "entity ghost missing"),
    ("mention_document", "UPDATE mentions SET document_id = 'nodoc' WHERE rowid = "
                         "(SELECT min(rowid) FROM mentions)", "document nodoc missing"),
    ("document_chars", "UPDATE documents SET chars = chars + 1", "characters"),
    ("schema_version", "DELETE FROM meta WHERE key = 'schema_version'", "no schema_version"),
]


@pytest.mark.parametrize("name,sql,message", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_robustness_check_finds(store: Path, name: str, sql: str, message: str) -> None:
    conn = sqlite3.connect(store)
    conn.execute("PRAGMA foreign_keys=OFF")  # damage as an outside tool would do it
    conn.execute(sql)
    conn.commit()
    conn.close()
    problems = check_store(str(store))
    assert any(any(m in p for m in message.split("|")) for p in problems), problems
    res = CliRunner().invoke(main, ["check", "--db", str(store)])
    assert res.exit_code == 1
    assert "problem(s) found" in res.output and "Traceback" not in res.output


def test_robustness_check_not_a_database(tmp_path: Path) -> None:
    f = tmp_path / "junk.db"
    f.write_bytes(b"this is not sqlite" * 100)
    res = CliRunner().invoke(main, ["check", "--db", str(f)])
    assert res.exit_code == 1
    assert "not a litopys database" in res.output and "Traceback" not in res.output


def test_robustness_check_truncated_file(store: Path) -> None:
    data = store.read_bytes()
    store.write_bytes(data[: len(data) // 2])
    problems = check_store(str(store))
    assert problems


# -- bounded memory --------------------------------------------------------------
BRUK = SHARED / "data" / "ner-uk-2.0" / "v2.0" / "data" / "bruk"
MEMORY_SCRIPT = """
import glob, resource, sys
from litopys.pipeline.ingest import from_text
from litopys.pipeline.language import Pipeline
parts, size = [], 0
files = sorted(glob.glob(sys.argv[1] + '/*.txt'))
while size < int(sys.argv[2]):
    for f in files:
        t = open(f, encoding='utf-8').read().strip()
        parts.append(t); size += len(t.encode()) + 2
        if size >= int(sys.argv[2]): break
doc = from_text('\\n\\n'.join(parts)); del parts
p = Pipeline(); p.text('Литвинов підписав угоду 12 грудня 1932 року.')
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
ch = p(doc)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
bad = sum(1 for e in ch.entities for m in e.mentions if doc.text[m.start:m.end] != m.text)
print(base // 1024, peak // 1024, bad)
"""


@pytest.mark.slow
def test_robustness_five_megabytes_bounded_memory() -> None:
    """A ~5 MB text (built from the NER corpus at run time) stays within a few hundred MB."""
    if not BRUK.is_dir():
        pytest.skip("../shared/data/ner-uk-2.0 is not available")
    proc = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, str(BRUK), str(5 * 1024 * 1024)],
        capture_output=True, text=True, cwd=ROOT, timeout=3600, check=True,
    )
    base, peak, bad = map(int, proc.stdout.split())
    assert bad == 0
    assert peak - base < 600, (base, peak)


def test_robustness_check_reads_each_text_once(store: Path) -> None:
    """`litopys check` ran one substr() query per span (a 5 MB document: 403 s); it
    now reads each text once, so the queries do not grow with the spans."""
    from litopys.store.check import _check

    def queries(db: Path) -> list[str]:
        conn = sqlite3.connect(db)
        seen: list[str] = []
        conn.set_trace_callback(seen.append)
        assert list(_check(conn)) == []
        conn.close()
        return seen

    before = queries(store)
    with sqlite3.connect(store) as conn:
        n = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
        for _ in range(3):  # four times the spans, same documents
            conn.execute("INSERT INTO mentions(document_id, entity_id, start, end, text, "
                         "sentence) SELECT document_id, entity_id, start, end, text, sentence "
                         "FROM mentions LIMIT ?", (n,))
    after = queries(store)
    assert len(after) == len(before)
    assert not any("substr(" in q.lower() for q in after)


def test_robustness_text_without_spaces_scales_linearly(pipeline) -> None:
    """"1932р.СРСР,Китай;" repeated: brackets were rescanned per time expression over
    one endless sentence (200 KB: 46 s). Sixteen times the text must cost far less
    than 256 times the time (generous bound: linear is 16x, quadratic 256x)."""
    import time

    from litopys.pipeline.ingest import from_text

    def seconds(chars: int) -> float:
        text = ("1932р.СРСР,Китай;" * (chars // 17 + 1))[:chars]
        t = time.process_time()
        pipeline(from_text(text))
        return time.process_time() - t

    seconds(2000)  # warm the caches
    small, large = seconds(5000), seconds(80000)
    assert large < 40 * small + 1.0, (small, large)


def test_robustness_fuzz_smoke(tmp_path: Path) -> None:
    """A few seconds of scripts/fuzz.py's reading targets (the full run is 10 minutes,
    by hand: ``python scripts/fuzz.py --minutes 10``)."""
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "scripts" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    out = tmp_path / "fuzz.json"
    code = fuzz.main(["--minutes", "0.1", "--batch", "10", "--json", str(out), "--targets",
                      "decode,read_bytes,nested_office,file_names,mixed_encodings"])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0, report
    assert all(t["examples"] > 0 for t in report["targets"].values()), report
