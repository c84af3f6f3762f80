"""Calibrate the confidence of events, entity links and time expressions on the dev set.

    python scripts/calibrate.py                 # fit on odd, report on even, write the table
    python scripts/calibrate.py --check         # report only (the table as it is)
    python scripts/calibrate.py --json          # figures as JSON

Every system value is matched to gold with the evaluator's rules
(``litopys.evaluate.score``: events by the relaxed rule). The share of right
values per feature bucket on the **odd** half, Beta-smoothed toward the
bucket's parent, becomes ``litopys/data/curated/confidence.yaml``; the
reliability (confidence bins against the share actually right) is reported on
the **even** half, and drawn as an SVG in ``docs/trust_reliability.svg``.

DOCS: docs/TRUST.md
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from litopys.evaluate import find_pairs, load_gold, score, select_half
from litopys.pipeline import confidence as conf
from litopys.pipeline.ingest import read_path
from litopys.pipeline.language import Pipeline, to_chronicle

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "dev"
SVG_FILE = ROOT / "docs" / "trust_reliability.svg"
STRENGTH = 12.0
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)
HEADER = """\
# Confidence calibration table: the share of right values per feature bucket on the odd
# half of ../shared/eval/dev, Beta-smoothed toward the parent bucket (strength {strength}).
# Written by scripts/calibrate.py; do not edit by hand (run the script again).
# Events: n (distinct participants 1|2|3|4+) | date (source: text|narrative|none);
# "n=.." is the parent, "*" the prior.
# Roles and affiliations are not scored by the evaluator: fixed priors, not calibrated.
"""


def observe(directory: Path) -> dict[str, list[tuple[str, dict[str, Any], bool]]]:
    """Run the pipeline on both halves; RETURNS per kind: (half, features, right?) rows."""
    pipe = Pipeline()
    rows: dict[str, list[tuple[str, dict[str, Any], bool]]] = defaultdict(list)
    for half in ("odd", "even"):
        for txt, gold in select_half(find_pairs(directory), half):
            document = read_path(txt)
            doc = pipe.make_doc(document)
            ch = to_chronicle(doc, document)
            s = score(ch, load_gold(gold), name=txt.stem)
            for ev in doc._.events or []:
                rows["events"].append((half, conf.event_features(doc, ev, doc._.entities or {}),
                                       ev.id in s.matched["events"]))
            for ent in (doc._.entities or {}).values():
                rows["entities"].append((half, {"key": conf.entity_key(ent)},
                                         ent.id in s.matched["entities"]))
            for t in ch.timexes:
                rows["timexes"].append((half, {"key": t.source or "text"},
                                        (t.start, t.end) in s.matched["timexes"]))
    return rows


def _rate(items: list[bool]) -> tuple[int, int]:
    return sum(items), len(items)


def fit(rows: dict[str, list[tuple[str, dict[str, Any], bool]]],
        old: dict[str, Any]) -> dict[str, Any]:
    """The calibration table from the odd rows."""
    table: dict[str, Any] = {"roles": old.get("roles", {"text": 0.7}),
                             "affiliations": old.get("affiliations",
                                                     {"text": 0.8, "dictionary": 0.7})}
    ev = [(f, ok) for half, f, ok in rows["events"] if half == "odd"]
    hits, n = _rate([ok for _, ok in ev])
    prior = hits / n if n else 0.5
    levels = len(conf.EVENT_LEVELS)
    seen: list[dict[str, list[bool]]] = [defaultdict(list) for _ in range(levels)]
    parent_of: dict[str, str] = {}
    for f, ok in ev:
        keys = conf.bucket_keys(f)
        for i in range(levels):
            seen[i][keys[i]].append(ok)
            parent_of[keys[i]] = keys[i + 1]
    events: dict[str, float] = {"*": round(prior, 3)}
    for i in reversed(range(levels)):  # parents first
        for key, oks in sorted(seen[i].items()):
            events[key] = round(conf.smoothed(sum(oks), len(oks), events[parent_of[key]],
                                              STRENGTH), 3)
    table["events"] = events
    for kind in ("entities", "timexes"):
        obs = [(f["key"], ok) for half, f, ok in rows[kind] if half == "odd"]
        h, m = _rate([ok for _, ok in obs])
        p0 = h / m if m else 0.5
        by: dict[str, list[bool]] = defaultdict(list)
        for key, ok in obs:
            by[key].append(ok)
        table[kind] = {"*": round(p0, 3), **{
            k: round(conf.smoothed(sum(v), len(v), p0, STRENGTH), 3) for k, v in sorted(by.items())}}
    return table


def predict(kind: str, f: dict[str, Any], table: dict[str, Any]) -> float:
    if kind == "events":
        return conf.event_confidence(f, table)
    values = table[kind]
    return float(values.get(f["key"], values["*"]))


def reliability(rows: list[tuple[str, dict[str, Any], bool]], kind: str, table: dict[str, Any],
                half: str) -> dict[str, Any]:
    """Bins of predicted confidence against the observed share right, on one half."""
    pairs = [(predict(kind, f, table), ok) for h, f, ok in rows if h == half]
    bins = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [(p, ok) for p, ok in pairs if lo <= p < hi]
        if inside:
            bins.append({"from": lo, "to": min(hi, 1.0), "n": len(inside),
                         "confidence": round(sum(p for p, _ in inside) / len(inside), 3),
                         "right": round(sum(ok for _, ok in inside) / len(inside), 3)})
    high = [ok for p, ok in pairs if p >= 0.8]
    brier = sum((p - ok) ** 2 for p, ok in pairs) / len(pairs) if pairs else 0.0
    return {"half": half, "n": len(pairs), "bins": bins, "brier": round(brier, 4),
            "n_high": len(high),
            "precision_high": round(sum(high) / len(high), 3) if high else None,
            "share_right": round(sum(ok for _, ok in pairs) / len(pairs), 3) if pairs else None}


def svg(curves: dict[str, dict[str, Any]]) -> str:
    """A reliability diagram: predicted confidence (x) against share right (y)."""
    w, h, m = 420, 420, 50
    size = w - 2 * m

    def xy(x: float, y: float) -> tuple[float, float]:
        return m + x * size, h - m - y * size

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<rect x="{m}" y="{m}" width="{size}" height="{size}" fill="none" stroke="#333"/>']
    for k in range(1, 5):
        x, y = xy(k / 5, k / 5)
        out.append(f'<line x1="{x}" y1="{m}" x2="{x}" y2="{h - m}" stroke="#ddd"/>')
        out.append(f'<line x1="{m}" y1="{y}" x2="{w - m}" y2="{y}" stroke="#ddd"/>')
        out.append(f'<text x="{x}" y="{h - m + 16}" text-anchor="middle">{k / 5:.1f}</text>')
        out.append(f'<text x="{m - 6}" y="{y + 4}" text-anchor="end">{k / 5:.1f}</text>')
    (x0, y0), (x1, y1) = xy(0, 0), xy(1, 1)
    out.append(f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" stroke="#999" '
               f'stroke-dasharray="4 4"/>')
    colours = {"events": "#b2182b", "entities": "#2166ac", "timexes": "#1b7837"}
    for i, (kind, rel) in enumerate(curves.items()):
        colour = colours.get(kind, "#000")
        pts = [xy(b["confidence"], b["right"]) for b in rel["bins"]]
        if pts:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                       f'stroke-width="2"/>')
        for b, (x, y) in zip(rel["bins"], pts, strict=True):
            r = 3 + min(8, b["n"] ** 0.5 / 2)
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" '
                       f'fill-opacity="0.6"/>')
        out.append(f'<text x="{m + 8}" y="{m + 18 + 16 * i}" fill="{colour}">{kind} '
                   f'(even half, n={rel["n"]})</text>')
    out.append(f'<text x="{w / 2}" y="{h - 12}" text-anchor="middle">confidence given</text>')
    out.append(f'<text x="14" y="{h / 2}" text-anchor="middle" '
               f'transform="rotate(-90 14 {h / 2})">share right (relaxed match)</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--check", action="store_true", help="Report only; keep the table.")
    ap.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = ap.parse_args()
    rows = observe(Path(args.directory))
    old = conf.load_table()
    table = old if args.check else fit(rows, old)
    if not args.check:
        conf.TABLE_FILE.write_text(
            HEADER.format(strength=STRENGTH) + yaml.safe_dump(table, allow_unicode=True,
                                                              sort_keys=True),
            encoding="utf-8")
        conf.load_table.cache_clear()
    report = {kind: {half: reliability(rows[kind], kind, table, half) for half in ("odd", "even")}
              for kind in ("events", "entities", "timexes")}
    if not args.check:
        SVG_FILE.write_text(svg({k: v["even"] for k, v in report.items()}), encoding="utf-8")
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for kind, halves in report.items():
        for half, rel in halves.items():
            bins = "  ".join(f"[{b['from']:.1f},{b['to']:.1f}) n={b['n']} conf={b['confidence']:.2f}"
                             f" right={b['right']:.2f}" for b in rel["bins"])
            print(f"{kind:9} {half:4} n={rel['n']:4} right={rel['share_right']} "
                  f"brier={rel['brier']:.3f} conf>=0.8: n={rel['n_high']} "
                  f"precision={rel['precision_high']}\n    {bins}")


if __name__ == "__main__":
    main()
