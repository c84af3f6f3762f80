"""Events on the dev set: per text and per half relaxed/strict, CAMEO root confusion,
mode accuracy, location accuracy, and (with --why) every unmatched event and why.

    python scripts/event_report.py                    # ../shared/eval/dev, both halves
    python scripts/event_report.py --half odd --why   # the diagnostic for one half
    python scripts/event_report.py --json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from litopys.chronicle import Chronicle
from litopys.evaluate import (
    HALVES,
    event_report,
    find_pairs,
    load_gold,
    locate_evidence,
    same_report,
    score,
    select_half,
)
from litopys.pipeline.ingest import read_path
from litopys.pipeline.language import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "dev"


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def totals(reports: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"confusion": {}, "mode": {}, "location": {"correct": 0, "scored": 0}}
    for kind in ("relaxed", "strict"):
        out[kind] = {k: sum(r[kind][k] for r in reports) for k in ("tp", "n_sys", "n_gold")}
    for r in reports:
        for table in ("confusion", "mode"):
            for g, row in r[table].items():
                dst = out[table].setdefault(g, {})
                for s, n in row.items():
                    dst[s] = dst.get(s, 0) + n
        for k in ("correct", "scored"):
            out["location"][k] += r["location"][k]
    return out


def line(name: str, r: dict[str, Any]) -> str:
    rel, st = prf(**r["relaxed"]), prf(**r["strict"])
    return (f"{name:<38} rel {rel[2]:.3f} (P {rel[0]:.2f} R {rel[1]:.2f})  strict {st[2]:.3f}  "
            f"tp {r['relaxed']['tp']}/{r['relaxed']['n_gold']} gold, {r['relaxed']['n_sys']} sys")


def print_tables(t: dict[str, Any]) -> None:
    conf = t["confusion"]
    roots = sorted(set(conf) | {s for row in conf.values() for s in row})
    print("CAMEO root confusion (rows gold, columns system; relaxed matches in the same sentence):")
    print("     " + " ".join(f"{r:>3}" for r in roots))
    for g in roots:
        row = conf.get(g, {})
        print(f"  {g} " + " ".join(f"{row.get(s, 0) or '.':>3}" for s in roots))
    same = sum(row.get(g, 0) for g, row in conf.items())
    n = sum(sum(row.values()) for row in conf.values())
    print(f"  root agreement {same}/{n} = {same / n if n else 0:.2f}")
    ok = sum(row.get(g, 0) for g, row in t["mode"].items())
    n = sum(sum(row.values()) for row in t["mode"].values())
    print(f"mode accuracy {ok}/{n} = {ok / n if n else 0:.2f}  {t['mode']}")
    loc = t["location"]
    print(f"location accuracy {loc['correct']}/{loc['scored']}"
          + ("" if loc["scored"] else " (no gold event gives a location)"))


def print_why(r: dict[str, Any]) -> None:
    for g in r["gold_unmatched"]:
        print(f"  - GOLD {g['why']:<12} {g['cameo']} {g['trigger']!r} {g['date']} "
              f"{g['source']}->{g['target']} | {g['evidence'][:90]}")
        if g["system"]:
            s = g["system"]
            print(f"      sys {s['trigger']!r} {s['date']} {s['ids']} (linked {s['participants']})")
    for s in r["system_unmatched"]:
        print(f"  + SYS  {s['why']:<12} {s['cameo']} {s['trigger']!r} {s['date']} "
              f"({s['date_source']}) {s['source']}->{s['target']} | {s['evidence'][:90]}")


def type_errors(chronicle: Chronicle, gold: dict[str, Any]) -> list[str]:
    """The scorer's relaxed pairs in the same sentence whose CAMEO root or mode differs
    (the off-diagonal cells of the confusion tables), in gold order: one line each (gold
    root/mode/trigger, system root/mode/trigger)."""
    gold_events = list(gold["events"])
    at = locate_evidence(chronicle.document.text, gold_events)
    out = []
    for i, k in sorted(score(chronicle, gold).pairs.items(), key=lambda p: p[1]):
        g, ev = gold_events[k], chronicle.events[i]
        if at[k] < 0 or not same_report(ev, at[k]):
            continue
        if ev.cameo[:2] != str(g["cameo"])[:2] or ev.mode != g["mode"]:
            out.append(f"  ~ gold {g['cameo']:<4} {g['mode'][:4]} {g.get('trigger')!r:<40.40} "
                       f"sys {ev.cameo:<4} {ev.mode[:4]} {ev.trigger!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--half", choices=HALVES, help="only one half of the fixed split")
    ap.add_argument("--why", action="store_true", help="list unmatched events and why")
    ap.add_argument("--types", action="store_true",
                    help="list events found with the right parties but another CAMEO root or mode")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    pipeline = Pipeline()
    pairs = find_pairs(Path(args.directory))
    halves = [args.half] if args.half else list(HALVES)
    reports: dict[str, list[dict[str, Any]]] = {}
    typos: dict[str, list[str]] = {}
    for half in halves:
        reports[half] = []
        for txt, gold_path in select_half(pairs, half):
            chronicle, gold = pipeline(read_path(txt)), load_gold(gold_path)
            reports[half].append(event_report(chronicle, gold, txt.stem))
            if args.types:
                typos[txt.stem] = type_errors(chronicle, gold)
    everything = [r for rs in reports.values() for r in rs]
    if args.json:
        json.dump({"halves": {h: totals(rs) for h, rs in reports.items()},
                   "all": totals(everything), "documents": everything},
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for half, rs in reports.items():
        for r in rs:
            print(line(f"[{half}] {r['name']}", r))
            if args.why:
                print_why(r)
            for t in typos.get(r["name"], []):
                print(t)
    print()
    for half, rs in reports.items():
        print(line(half, totals(rs)))
    if len(reports) > 1:
        print(line("all", totals(everything)))
    print()
    print_tables(totals(everything))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
