"""The brat standoff export (litopys/export/brat.py), read back line by line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litopys.export import export
from litopys.store.db import Store

_T = re.compile(r"^T\d+\t[\w-]+ \d+ \d+(;\d+ \d+)*\t[^\t\n]*$")
_E = re.compile(r"^E\d+\t[\w-]+:T\d+( (Source|Target)\d*:T\d+)*$")
_A = re.compile(r"^A\d+\tMode E\d+ (asserted|negated|hypothetical)$")
_N = re.compile(r"^#\d+\tAnnotatorNotes [TE]\d+\t[^\t\n]*$")


def read_brat(txt: Path, ann: Path) -> dict[str, tuple[str, list[tuple[int, int]], str]]:
    """Read a brat pair back, checking every line's form and offsets.

    RETURNS (dict): T id -> (type, fragments, text).
    """
    text = txt.read_text(encoding="utf-8")
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        assert any(p.match(line) for p in (_T, _E, _A, _N)), line
        if line.startswith("T"):
            tid, mid, surface = line.split("\t")
            kind, offsets = mid.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            assert " ".join(text[a:b] for a, b in frags) == surface, line
            spans[tid] = (kind, frags, surface)
        elif line.startswith("E"):
            for arg in line.split("\t")[1].split():
                assert arg.split(":")[1] in spans, line
    return spans


def test_export_brat(store, tmp_path: Path, doc_ids: dict[str, str]) -> None:
    n = export(store, "brat", tmp_path / "brat")
    assert n == 2
    out = tmp_path / "brat"
    assert (out / "annotation.conf").is_file()
    anns = sorted(out.glob("*.ann"))
    assert len(anns) == 2
    for ann in anns:
        spans = read_brat(ann.with_suffix(".txt"), ann)
        assert spans
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    declared = re.findall(r"^CAMEO_(\d+) Source\*:<ENTITY>, Target\*:<ENTITY>$", conf, re.M)
    assert declared == [f"{r:02d}" for r in range(1, 21)]  # every root, used or not
    labels = (out / "visual.conf").read_text(encoding="utf-8")
    assert "CAMEO_04 | Consult | 04" in labels and "CAMEO_20 |" in labels
    dip = next(a for a in anns if doc_ids["diplomacy"] in a.name)
    content = dip.read_text(encoding="utf-8")
    spans = read_brat(dip.with_suffix(".txt"), dip)
    assert any(k == "TIMEX" and s == "У жовтні 1935 р." for k, _, s in spans.values())
    assert re.search(r"^E\d+\tCAMEO_04:T\d+ Source:T\d+ Target:T\d+$", content, re.M)
    assert "Mode" in content and " negated" in content


def test_export_brat_span_across_lines(tmp_path: Path) -> None:
    from litopys.chronicle import Chronicle, Document, Entity, Mention

    text = "Рада\nНародних Комісарів ухвалила."
    ch = Chronicle(Document("abc", "x.txt", text), entities=[
        Entity("org:rnk", "ORG", "РНК", mentions=[Mention(0, 23, text[0:23])])])
    path = tmp_path / "x.db"
    with Store(path) as s:
        s.write_one(ch)
    with Store(path, read_only=True) as s:
        export(s, "brat", tmp_path / "b")
    spans = read_brat(tmp_path / "b" / "x-abc.txt", tmp_path / "b" / "x-abc.ann")
    assert list(spans.values())[0][1] == [(0, 4), (5, 23)]


@pytest.mark.slow  # the whole dev corpus; test_export_brat is the fast check
def test_export_brat_dev_corpus_reads_back(dev_db: Path, tmp_path: Path) -> None:
    with Store(dev_db, read_only=True) as s:
        n = export(s, "brat", tmp_path)
    anns = sorted(tmp_path.glob("*.ann"))
    assert n == len(anns) >= 10
    kinds = set()
    for ann in anns:
        kinds |= {k for k, _, _ in read_brat(ann.with_suffix(".txt"), ann).values()}
    assert {"PERSON", "GPE", "TIMEX"} <= kinds and any(k.startswith("CAMEO_") for k in kinds)
