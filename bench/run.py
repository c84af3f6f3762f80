"""litopys benchmark: throughput, scaling, memory, start-up and merge time in one run.

Builds a corpus from the NER-UK 2.0 texts in ../shared (read at run time, never
copied into the repo), or with ``--lang ru`` from the Russian dev texts of
tests/eval/dev-ru, repeated to a target token count, and measures in the
same run: the spaCy blank ``uk`` tokenizer alone (the baseline), litopys end to
end with a process pool of 1 and 2 workers and on a Dask LocalCluster, peak
RSS per worker, start-up time, and the cross-document merge of synthetic
events. Prints a Markdown table and writes it to bench/out/.

    python bench/run.py                      # 200,000 tokens (a few minutes)
    python bench/run.py --tokens 5000000     # the large run
    python bench/run.py --tokens 20000 --merge-events 10000   # a smoke test
    python bench/run.py --lang ru --tokens 60000 --no-dask --merge-events 0  # Russian

DOCS: bench/README.md
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "ner-uk-2.0" / "v2.0" / "data"
DEV_RU = ROOT / "tests" / "eval" / "dev-ru"
OUT = Path(__file__).resolve().parent / "out"
# per corpus language: where its texts come from, and the line that makes a copy new
CORPORA = {
    "uk": ("NER-UK 2.0 bruk + ng", "Примірник {n}."),
    "ru": ("tests/eval/dev-ru, 11 Russian texts", "Экземпляр {n}."),
}


def source_texts(lang: str = "uk") -> list[str]:
    """The corpus texts of a language, sorted by file name: for ``uk`` the NER-UK 2.0
    texts (bruk and ng), for ``ru`` the Russian dev texts."""
    if lang == "ru":
        files = sorted(DEV_RU.glob("*.txt"))
        where = f"{DEV_RU} (*.txt)"
    else:
        files = sorted(SHARED.glob("bruk/*.txt")) + sorted(SHARED.glob("ng/*.txt"))
        where = f"{SHARED} (bruk/*.txt, ng/*.txt)"
    if not files:
        sys.exit(f"bench: no texts under {where}")
    return [f.read_text(encoding="utf-8") for f in files]


def build_corpus(directory: Path, target_tokens: int,
                 lang: str = "uk") -> tuple[list[Path], int]:
    """Write the texts, repeated, until they hold target_tokens blank-``uk`` tokens.

    Each copy gets a line of its own so that its content hash, hence its
    document id, is new (litopys skips texts it has already stored).
    RETURNS (tuple[list[Path], int]): the files and their token count.
    """
    import spacy

    tokenizer = spacy.blank("uk").tokenizer
    texts = source_texts(lang)
    marker = CORPORA[lang][1]
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    total = 0
    copy = 0
    while total < target_tokens:
        for i, text in enumerate(texts):
            body = text if copy == 0 else f"{text}\n\n{marker.format(n=copy + 1)}\n"
            p = directory / f"{copy:04d}-{i:04d}.txt"
            p.write_text(body, encoding="utf-8")
            paths.append(p)
            total += len(tokenizer(body))
            if total >= target_tokens:
                break
        copy += 1
    return paths, total


def baseline(paths: list[Path], rounds: int = 3) -> float:
    """spaCy blank ``uk`` tokenizer alone, tokens per second (best of rounds)."""
    import spacy

    tokenizer = spacy.blank("uk").tokenizer
    texts = [p.read_text(encoding="utf-8") for p in paths]
    best = 0.0
    for _ in range(rounds):
        t0 = time.perf_counter()
        n = sum(len(tokenizer(t)) for t in texts)
        best = max(best, n / (time.perf_counter() - t0))
    return best


def litopys_run(paths: list[Path], work: Path, name: str, **kwargs: object) -> dict:
    """One end-to-end run into a fresh store; RETURNS its figures."""
    from litopys.batch.runner import run

    db = work / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    stats = run([str(work / "corpus")], db=str(db), quiet=True, merge=False, **kwargs)
    wall = time.perf_counter() - t0
    if stats.failed or stats.stored != len(paths):
        print(f"bench: {name}: {stats.failed} failed, {stats.stored}/{len(paths)} stored",
              file=sys.stderr)
    warm = stats.warm_tokens / stats.warm_seconds if stats.warm_seconds else 0.0
    return {
        "name": name, "workers": stats.workers, "tokens": stats.tokens, "wall": wall,
        "tokens_per_s": stats.tokens / wall, "warm_tokens_per_s": warm,
        "warm_per_core": warm / max(stats.workers, 1), "first_result": stats.first_result,
        "max_rss": stats.max_rss, "rss": stats.peak_rss, "cpu": stats.cpu_seconds,
        "tokens_per_cpu_s": stats.tokens / stats.cpu_seconds if stats.cpu_seconds else 0.0,
    }


def startup() -> dict:
    """`litopys --help`, and `litopys extract` of one short text, as subprocesses."""
    exe = [sys.executable, "-m", "litopys"]
    t0 = time.perf_counter()
    subprocess.run([*exe, "--help"], check=True, capture_output=True, cwd=ROOT)
    help_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "one.txt"
        doc.write_text("9 лютого 1918 року УНР підписала мирний договір з Німеччиною.\n",
                       encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run([*exe, "extract", str(doc), "--db", str(Path(tmp) / "x.db"), "-q"],
                       check=True, capture_output=True, cwd=ROOT)
        first_s = time.perf_counter() - t0
    return {"help": help_s, "first_document": first_s}


def synthetic_store(db: Path, n_events: int, seed: int = 6) -> None:
    """A store with n_events events over 20 documents' worth of actors each.

    Real events are reported by one to four documents, with jittered dates,
    occasionally a missing or extra actor, and some undated reports.
    """
    from datetime import date, timedelta

    from litopys.chronicle import Chronicle, Document, Entity, Event, Mention
    from litopys.store.db import Store

    rng = random.Random(seed)
    actors = [f"a{i}" for i in range(400)]
    roots = [f"{i:02d}" for i in range(1, 21)]
    per_doc = 50
    n_docs = max(1, n_events // per_doc)
    reports: list[list[tuple]] = [[] for _ in range(n_docs)]
    made = 0
    start = date(1900, 1, 1).toordinal()
    while made < n_events:
        root = rng.choice(roots)
        src = rng.sample(actors, rng.choice((1, 1, 2)))
        tgt = rng.sample(actors, 1)
        day = start + rng.randrange(90 * 365)
        for _ in range(rng.choice((1, 1, 2, 3, 4))):
            if made >= n_events:
                break
            d = day + (rng.choice((0, 0, 0, 5, 40)) if rng.random() < 0.2 else 0)
            s = src if rng.random() > 0.1 else src + [rng.choice(actors)]
            dated = rng.random() > 0.05
            reports[rng.randrange(n_docs)].append((root + "0", d if dated else None, s, tgt))
            made += 1
    with Store(db) as store:
        for k, evs in enumerate(reports):
            text = f"Синтетичний документ {k}."
            doc = Document(id=f"syn{k:012d}", path=None, text=text)
            ids = sorted({a for _, _, s, t in evs for a in s + t})
            ents = [Entity(id=a, type="GPE", name=a.upper(), mentions=[Mention(0, 1, "С")])
                    for a in ids]
            events = []
            for j, (code, d, s, t) in enumerate(evs):
                iso = date.fromordinal(d).isoformat() if d else None
                events.append(Event(
                    id=f"e{j}", cameo=code, cameo_label=f"code {code}", goldstein=0.0,
                    mode="asserted", date=iso, date_source="text" if iso else None, source=s,
                    target=t, trigger="С", evidence=text, start=0, end=1, evidence_start=0,
                    evidence_end=len(text), date_begin=iso,
                    date_end=(date.fromordinal(d) + timedelta(0)).isoformat() if d else None,
                ))
            store.write_one(Chronicle(document=doc, entities=ents, events=events))


def merge_bench(work: Path, n_events: int) -> dict:
    """Time the cross-document merge of n_events synthetic events."""
    from litopys.store.db import Store
    from litopys.store.merge import merge_store

    db = work / "merge.db"
    t0 = time.perf_counter()
    synthetic_store(db, n_events)
    build = time.perf_counter() - t0
    with Store(db) as store:
        stats = merge_store(store)
    return {"events": stats.events, "groups": stats.groups, "corroborated": stats.corroborated,
            "disagreements": stats.disagreements, "seconds": stats.seconds, "build": build}


def table(r: dict) -> str:
    """The results as a Markdown table."""
    base = r["baseline"]
    mib = 2**20
    rows = [("spaCy blank `uk` tokenizer alone (baseline), tokens/s", f"{base:,.0f}", "1.00")]
    for run in r["runs"]:
        rows.append((f"litopys {run['name']}, tokens per worker CPU-second",
                     f"{run['tokens_per_cpu_s']:,.0f}", f"{run['tokens_per_cpu_s'] / base:.3f}"))
        rows.append((f"litopys {run['name']}, tokens/s/core (warm)",
                     f"{run['warm_per_core']:,.0f}", f"{run['warm_per_core'] / base:.3f}"))
        rows.append((f"litopys {run['name']}, tokens/s total incl. start-up",
                     f"{run['tokens_per_s']:,.0f}", f"{run['tokens_per_s'] / base:.3f}"))
        rows.append((f"litopys {run['name']}, peak RSS per worker",
                     f"{run['max_rss'] / mib:,.0f} MiB", ""))
    runs = {x["name"]: x for x in r["runs"]}
    if "pool, 1 worker" in runs and "pool, 2 workers" in runs:
        one, two = runs["pool, 1 worker"], runs["pool, 2 workers"]
        rows.append(("2 workers / 1 worker, warm throughput",
                     f"{two['warm_tokens_per_s'] / max(one['warm_tokens_per_s'], 1e-9):.2f} x",
                     ""))
    if "pool, 2 workers" in runs and "Dask LocalCluster, 2 workers" in runs:
        pool, dask = runs["pool, 2 workers"], runs["Dask LocalCluster, 2 workers"]
        rows.append(("Dask / pool (2 workers), warm throughput",
                     f"{dask['warm_tokens_per_s'] / max(pool['warm_tokens_per_s'], 1e-9):.2f} x",
                     ""))
        rows.append(("Dask / pool (2 workers), wall time incl. start-up",
                     f"{dask['wall'] / max(pool['wall'], 1e-9):.2f} x", ""))
    if "pool, 1 worker" in runs:
        rows.append(("first document latency in a pool (pipeline load + 1 doc)",
                     f"{runs['pool, 1 worker']['first_result']:.1f} s", ""))
    rows.append(("`litopys --help`", f"{r['startup']['help']:.2f} s", ""))
    rows.append(("`litopys extract one.txt` (start-up + first document)",
                 f"{r['startup']['first_document']:.1f} s", ""))
    m = r.get("merge")
    if m:
        rows.append((f"merge of {m['events']:,} events ({m['groups']:,} groups, "
                     f"{m['corroborated']:,} corroborated, {m['disagreements']:,} flagged)",
                     f"{m['seconds']:.1f} s", ""))
    head = (f"Corpus: {r['tokens']:,} tokens in {r['documents']:,} documents "
            f"({CORPORA[r.get('lang', 'uk')][0]}, repeated). Machine: {r['machine']}; load average at start "
            f"{r['load']}.\n\n")
    lines = ["| measure | value | ratio to baseline |", "|---|---:|---:|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return head + "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tokens", type=int, default=200_000, help="corpus size in tokens")
    ap.add_argument("--merge-events", type=int, default=100_000,
                    help="synthetic events for the merge benchmark (0 = skip)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    ap.add_argument("--workers", default="1,2", help="pool sizes to run, e.g. 1,2")
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    ap.add_argument("--lang", choices=sorted(CORPORA), default="uk",
                    help="corpus language: uk (NER-UK 2.0) or ru (tests/eval/dev-ru)")
    args = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="litopys-bench-"))
    results: dict = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
                                f"{platform.python_version()}",
                     "load": " ".join(f"{x:.1f}" for x in os.getloadavg()), "runs": [],
                     "lang": args.lang}
    try:
        paths, tokens = build_corpus(work / "corpus", args.tokens, args.lang)
        results.update(tokens=tokens, documents=len(paths))
        print(f"bench: corpus of {tokens:,} tokens in {len(paths):,} documents", file=sys.stderr)
        results["baseline"] = baseline(paths)
        results["startup"] = startup()
        for n in (int(x) for x in args.workers.split(",") if x):
            label = f"pool, {n} worker" + ("s" if n > 1 else "")
            print(f"bench: {label} ...", file=sys.stderr)
            results["runs"].append(litopys_run(paths, work, label, workers=n))
        if not args.no_dask:
            print("bench: Dask LocalCluster ...", file=sys.stderr)
            results["runs"].append(litopys_run(paths, work, "Dask LocalCluster, 2 workers",
                                               workers=2, dask_address="local"))
        if args.merge_events:
            print(f"bench: merge of {args.merge_events:,} events ...", file=sys.stderr)
            results["merge"] = merge_bench(work, args.merge_events)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    md = table(results)
    print(md)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    name = f"bench-{args.tokens}" + ("" if args.lang == "uk" else f"-{args.lang}")
    (OUT / f"{name}-{stamp}.md").write_text(md, encoding="utf-8")
    (OUT / f"{name}-{stamp}.json").write_text(
        json.dumps(results, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
