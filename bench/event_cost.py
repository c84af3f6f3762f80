"""What the event stage costs next to the tokenizer and morphology before it (issue 4).

Builds a long text from the hand-written sentences of
``tests/pipeline/data/event_sentences.jsonl`` (paragraphs of ten sentences, the set
repeated) or, with ``--dev``, from the real texts of ``../shared/eval/dev``, runs the
pipeline's components one by one and times each in CPU seconds of this process (best of
``--runs``; CPU time, so that other processes on a shared machine do not count).

    python bench/event_cost.py [--repeat 8] [--runs 3] [--dev]

Figures: docs/EVENTS.md ("Measurements").
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from litopys.pipeline.language import Pipeline
from litopys.pipeline.normalise import normalise

DATA = Path(__file__).resolve().parent.parent / "tests" / "pipeline" / "data"
DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


def long_text(repeat: int) -> str:
    with (DATA / "event_sentences.jsonl").open(encoding="utf-8") as f:
        sents = [json.loads(line)["text"] for line in f if line.strip()]
    sents = sents * repeat
    paras = [" ".join(sents[i : i + 10]) for i in range(0, len(sents), 10)]
    return "\n\n".join(paras)


def dev_text(repeat: int) -> str:
    texts = sorted(DEV.glob("*.txt"))
    return "\n\n".join(t.read_text(encoding="utf-8") for t in texts * repeat)


def time_components(pipe: Pipeline, text: str) -> tuple[dict[str, float], int]:
    nlp = pipe.nlp
    out: dict[str, float] = {}
    t0 = time.process_time()
    norm, offsets = normalise(text)
    doc = nlp.make_doc(norm)
    doc._.original = text
    doc._.offsets = offsets
    out["make_doc (normalise + tokenizer)"] = time.process_time() - t0
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        doc = proc(doc)
        out[name] = time.process_time() - t0
    return out, len(doc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=8)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dev", action="store_true", help="the real dev texts, not the sentences")
    args = ap.parse_args()
    pipe = Pipeline()
    time_components(pipe, long_text(1))  # warm the caches and lexicons
    text = dev_text(args.repeat) if args.dev else long_text(args.repeat)
    best: dict[str, float] = {}
    n_tokens = 0
    for _ in range(args.runs):
        times, n_tokens = time_components(pipe, text)
        for k, v in times.items():
            best[k] = min(v, best.get(k, v))
    print(f"text: {len(text)} characters, {n_tokens} tokens; best of {args.runs} runs")
    for k, v in best.items():
        print(f"  {k:36} {v * 1000:9.1f} ms  {v / n_tokens * 1e6:7.1f} µs/token")
    base = (
        sum(best[k] for k in best if k.startswith("make_doc"))
        + best["litopys_sentences"]
        + best["litopys_morphology"]
    )
    ev = best["litopys_events"]
    print(f"  {'tokenizer + sentences + morphology':36} {base * 1000:9.1f} ms")
    print(f"  {'events / (tokenizer + morphology)':36} {ev / base:9.2f}")


if __name__ == "__main__":
    main()
