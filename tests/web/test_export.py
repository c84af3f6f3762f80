"""Every export format parses with a reader of its own format; the registry
drives the CLI and the web downloads (litopys/export)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from litopys.cli import main
from litopys.errors import LitopysError
from litopys.export import EXPORT_FORMATS, EXPORTERS, export, export_bytes, export_string
from litopys.export.palladio import PALLADIO_COLUMNS
from litopys.export.registry import get_exporter, register
from litopys.store import queries as q
from litopys.store.db import Store

from .chronicles import XSS_SCRIPT


@pytest.fixture()
def store(web_db: Path):
    with Store(web_db, read_only=True) as s:
        yield s


def test_export_formats_listed() -> None:
    assert set(EXPORT_FORMATS) == {"jsonl", "csv", "gexf", "graphml", "timelinejs",
                                   "palladio", "brat"}


def test_export_unknown_format(store, tmp_path: Path) -> None:
    with pytest.raises(LitopysError, match="E050"):
        export(store, "xlsx", tmp_path / "x")
    with pytest.raises(LitopysError, match="E051.*--out DIRECTORY"):
        export(store, "brat", None)


@pytest.mark.parametrize("fmt,where", [
    ("gexf", "missing/x.gexf"),  # no such folder
    ("jsonl", "."),  # a directory where a file is wanted
    ("csv", "a-file"),  # a file where a directory is wanted
])
def test_export_unwritable_out_is_one_coded_line(web_db: Path, tmp_path: Path, fmt: str,
                                                where: str) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    with Store(web_db, read_only=True) as s, pytest.raises(LitopysError, match="^E052 ") as err:
        export(s, fmt, tmp_path / where)
    assert "\n" not in str(err.value)
    out = CliRunner().invoke(main, ["export", "--db", str(web_db), "--format", fmt,
                                    "--out", str(tmp_path / where)])
    assert out.exit_code == 1 and "E052" in out.output and "Traceback" not in out.output


def test_export_jsonl(store, tmp_path: Path) -> None:
    n = export(store, "jsonl", tmp_path / "events.jsonl")
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 7
    recs = [json.loads(line) for line in lines]
    e3 = next(r for r in recs if r["id"].endswith(":e3"))
    assert e3["document"]["path"] == "diplomacy.txt"
    assert [p["name"] for p in e3["source"]] == ["Богомолов"]
    assert e3["date"] == "1935-10" and e3["date_text"] == "У жовтні 1935 р."


def test_export_csv(store, tmp_path: Path) -> None:
    export(store, "csv", tmp_path / "csv")
    names = {p.name for p in (tmp_path / "csv").iterdir()}
    assert {"events.csv", "entities.csv", "participants.csv", "timexes.csv",
            "documents.csv"} <= names
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 7 and {"id", "cameo", "goldstein", "evidence"} <= set(rows[0])
    with open(tmp_path / "csv" / "entities.csv", encoding="utf-8", newline="") as f:
        ents = {r["id"]: r for r in csv.DictReader(f)}
    assert ents["evil:script"]["name"] == XSS_SCRIPT
    assert ents["person:богомолов"]["affiliations"] == "Q15180"


def test_export_csv_empty_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    Store(path).close()
    with Store(path, read_only=True) as s:
        assert export(s, "csv", tmp_path / "out") == 0
    with open(tmp_path / "out" / "events.csv", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:3] == ["id", "document_id", "cameo"]


def _check_graph(nodes: dict[str, str], edges: list[tuple[str, str]]) -> None:
    assert nodes["Q15180"] == "СРСР"
    assert ("Q15180", "Q13426199") in edges
    assert all(s in nodes and t in nodes for s, t in edges)


GEXF = "{http://www.gexf.net/1.2draft}"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_gexf(path: Path) -> ET.Element:
    """Parse a GEXF file (no schema) and check its structure.

    Nodes and edges have unique ids, edges join declared nodes, every attvalue
    names a declared attribute of its class, and the graph is dynamic with
    ``start <= end`` ISO days on every dated edge.
    RETURNS (Element): the root.
    """
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.2"
    graphs = root.findall(f"{GEXF}graph")
    assert len(graphs) == 1
    graph = graphs[0]
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    declared = {cls: {a.get("id") for a in graph.iterfind(
        f"{GEXF}attributes[@class='{cls}']/{GEXF}attribute")} for cls in ("node", "edge")}
    nodes = graph.findall(f"{GEXF}nodes/{GEXF}node")
    node_ids = [n.get("id") for n in nodes]
    assert len(node_ids) == len(set(node_ids)) and all(node_ids)
    edges = graph.findall(f"{GEXF}edges/{GEXF}edge")
    assert len({e.get("id") for e in edges}) == len(edges)
    for kind, elements in (("node", nodes), ("edge", edges)):
        for el in elements:
            for av in el.iterfind(f"{GEXF}attvalues/{GEXF}attvalue"):
                assert av.get("for") in declared[kind], ET.tostring(av)
    for e in edges:
        assert e.get("source") in node_ids and e.get("target") in node_ids
        assert e.get("source") != e.get("target")
        assert int(e.get("weight")) >= 1
        start, end = e.get("start"), e.get("end")
        assert (start is None) == (end is None), ET.tostring(e)
        if start:
            assert _ISO_DAY.match(start) and _ISO_DAY.match(end) and start <= end
    return root


def test_export_gexf(store, tmp_path: Path) -> None:
    export(store, "gexf", tmp_path / "a.gexf")
    root = check_gexf(tmp_path / "a.gexf")
    nodes = {n.get("id"): n.get("label") for n in root.iter(f"{GEXF}node")}
    edges = {(e.get("source"), e.get("target")): e for e in root.iter(f"{GEXF}edge")}
    _check_graph(nodes, list(edges))
    ussr_china = edges["Q15180", "Q13426199"]
    assert (ussr_china.get("start"), ussr_china.get("end")) == ("1932-12-12", "1937-06-30")
    nx = pytest.importorskip("networkx")
    g = nx.read_gexf(tmp_path / "a.gexf")
    assert g.has_edge("Q15180", "Q13426199")
    assert g.edges["Q15180", "Q13426199"]["weight"] == 3


def test_export_gexf_seed_structure(seed_db: Path, tmp_path: Path) -> None:
    with Store(seed_db, read_only=True) as s:
        n = export(s, "gexf", tmp_path / "seed.gexf")
        events = list(q.all_events(s))
    root = check_gexf(tmp_path / "seed.gexf")
    edges = list(root.iter(f"{GEXF}edge"))
    assert n == len(edges) > 10
    # each dated edge spans exactly the days its dated events cover
    for e in edges:
        on_edge = [ev for ev in events if ev["date_begin"]
                   and any(p["id"] == e.get("source") for p in ev["source"])
                   and any(p["id"] == e.get("target") for p in ev["target"])]
        if not on_edge:
            assert e.get("start") is None
            continue
        assert e.get("start") == min(ev["date_begin"] for ev in on_edge)
        assert e.get("end") == max(ev["date_end"] or ev["date_begin"] for ev in on_edge)


def test_export_graphml(store, tmp_path: Path) -> None:
    export(store, "graphml", tmp_path / "a.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(tmp_path / "a.graphml").getroot()
    nodes = {n.get("id"): n.find("g:data[@key='d0']", ns).text
             for n in root.iterfind(".//g:node", ns)}
    edges = [(e.get("source"), e.get("target")) for e in root.iterfind(".//g:edge", ns)]
    _check_graph(nodes, edges)
    nx = pytest.importorskip("networkx")
    g = nx.read_graphml(tmp_path / "a.graphml")
    assert g.nodes["Q13426199"]["name"] == "Китай"
    assert g.edges["Q15180", "Q13426199"]["weight"] == 3


def test_export_timelinejs(store) -> None:
    doc = json.loads(export_string(store, "timelinejs"))
    assert "headline" in doc["title"]["text"]
    slides = doc["events"]
    assert len(slides) == 6  # the undated negated event has no slide
    for s in slides:
        assert set(s["start_date"]) <= {"year", "month", "day", "display_date"}
        assert s["start_date"]["year"].isdigit()
        assert {"headline", "text"} <= set(s["text"])
        assert "<script>" not in json.dumps(s)  # TimelineJS renders HTML: escaped
    october = next(s for s in slides if s["display_date"] == "У жовтні 1935 р.")
    assert october["start_date"] == {"year": "1935", "month": "10"}
    assert october["end_date"] == {"year": "1935", "month": "10"}
    day = next(s for s in slides if s["display_date"] == "12 грудня 1932 р.")
    assert day["start_date"]["day"] == "12" and "end_date" not in day


TIMELINEJS_SCHEMA = Path(__file__).with_name("timelinejs3.schema.json")


def _tl_tuple(d: dict[str, str]) -> tuple[int, int, int]:
    return int(d["year"]), int(d.get("month", 1)), int(d.get("day", 1))


def check_timelinejs(doc: dict) -> None:
    """Validate a TimelineJS3 document against the schema, and its date order."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(TIMELINEJS_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    ids = [s["unique_id"] for s in doc["events"]]
    assert len(ids) == len(set(ids))
    for s in doc["events"]:
        if "end_date" in s:
            assert _tl_tuple(s["start_date"]) <= _tl_tuple(s["end_date"]), s


def test_timelinejs_schema_rejects_what_timelinejs_cannot_read() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(TIMELINEJS_SCHEMA.read_text(encoding="utf-8"))
    good = {"start_date": {"year": "1935", "month": "10"}, "text": {"headline": "h"}}
    jsonschema.validate({"events": [good]}, schema)
    for bad in ({"events": [{"text": {"headline": "no date"}}]},
                {"events": [{**good, "start_date": {"month": "10"}}]},
                {"events": [{**good, "start_date": {"year": "1935", "month": "13"}}]},
                {"events": [{**good, "start_date": {"year": "1935", "day": "2"}}]},
                {"events": [{**good, "start_date": {"year": "MCMXXXV"}}]},
                {"events": [{**good, "text": "not an object"}]},
                {"events": [{**good, "startdate": {"year": "1935"}}]},
                {"slides": []}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def test_export_timelinejs_schema(store) -> None:
    check_timelinejs(json.loads(export_string(store, "timelinejs")))


def test_export_timelinejs_seed_schema(seed_db: Path) -> None:
    with Store(seed_db, read_only=True) as s:
        doc = json.loads(export_string(s, "timelinejs"))
    check_timelinejs(doc)
    assert len(doc["events"]) >= 20
    october = [e for e in doc["events"] if e["start_date"] == {"year": "1935", "month": "10"}]
    assert len(october) == 1 and october[0]["display_date"] == "Жовтень 1935р."
    assert october[0]["end_date"] == {"year": "1935", "month": "10"}


def test_export_palladio(store) -> None:
    rows = list(csv.DictReader(io.StringIO(export_string(store, "palladio"))))
    assert list(rows[0]) == list(PALLADIO_COLUMNS)
    # the payload event has one source and two targets: two rows
    assert len(rows) == 8
    for r in rows:
        assert r["date"] == "" or re.match(r"^\d{4}-\d{2}-\d{2}$", r["date"])
    assert {"source": "Богомолов", "target": "Чан Кайши"}.items() <= next(
        r for r in rows if r["trigger"] == "зустрівся").items()


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
    from litopys.model import Chronicle, Document, Entity, Mention

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


def test_export_registry_entries() -> None:
    assert tuple(EXPORTERS) == EXPORT_FORMATS
    for name, e in EXPORTERS.items():
        assert e.name == name and e.description and "/" in e.media_type
        assert bool(e.extension) != e.directory  # a file has a suffix, a directory none
    assert {e.name for e in EXPORTERS.values() if e.directory} == {"csv", "brat"}
    with pytest.raises(LitopysError, match="E050.*jsonl.*palladio") as err:
        get_exporter("csv", one_file=True)
    assert "brat" not in str(err.value)


def test_export_registry_new_format_reaches_export(store, tmp_path: Path) -> None:
    @register("ids", extension="txt", media_type="text/plain", description="event ids")
    def write_ids(s: Store, f) -> int:
        ids = [ev["id"] for ev in q.all_events(s)]
        f.write("\n".join(ids) + "\n")
        return len(ids)

    try:
        assert export(store, "ids", tmp_path / "ids.txt") == 7
        assert len((tmp_path / "ids.txt").read_text(encoding="utf-8").split()) == 7
        content, media_type, name = export_bytes(store, "ids")
        assert (media_type, name) == ("text/plain", "litopys.txt") and content.count(b"\n") == 7
    finally:
        del EXPORTERS["ids"]


def test_export_cli_format_choices(web_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    help_text = runner.invoke(main, ["export", "--help"]).output
    assert "[" + "|".join(EXPORT_FORMATS) + "]" in help_text.replace("\n", "").replace(" ", "")
    bad = runner.invoke(main, ["export", "--db", str(web_db), "--format", "xlsx"])
    assert bad.exit_code == 2 and "xlsx" in bad.output and "Traceback" not in bad.output
    ok = runner.invoke(main, ["export", "--db", str(web_db), "--format", "palladio",
                              "--out", str(tmp_path / "p.csv")])
    assert ok.exit_code == 0, ok.output
    with Store(web_db, read_only=True) as s:
        assert (tmp_path / "p.csv").read_bytes().decode() == export_string(s, "palladio")


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_web_download(client, store, fmt: str, tmp_path: Path) -> None:
    r = client.get(f"/export/{fmt}")
    assert r.status_code == 200
    exporter = EXPORTERS[fmt]
    assert r.headers["content-type"].startswith(exporter.media_type)
    disposition = r.headers["content-disposition"]
    if not exporter.directory:
        assert disposition == f'attachment; filename="litopys.{exporter.extension}"'
        assert r.content.decode("utf-8") == export_string(store, fmt)
        return
    assert disposition == f'attachment; filename="litopys-{fmt}.zip"'
    export(store, fmt, tmp_path / "dir")
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        names = sorted(zf.namelist())
        assert names == sorted(f"litopys-{fmt}/{p.name}" for p in (tmp_path / "dir").iterdir())
        for name in names:
            assert zf.read(name) == (tmp_path / "dir" / name.split("/", 1)[1]).read_bytes()


def test_export_web_download_unknown(client) -> None:
    r = client.get("/export/xlsx")
    assert r.status_code == 404 and "jsonl" in r.text
