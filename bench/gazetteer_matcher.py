"""Gazetteer lookup: the entity stage's hand matcher against spaCy's PhraseMatcher (issue 12.4).

The gazetteer (``data/build/gazetteer.jsonl``: every inflected form of every state, body,
place and document) is data. The entity stage finds its names by a greedy longest match:
for each token, a first-word index gives the most words a form starting with it can have,
and dict lookups of the joined lower-case words try the longest first. This script builds
one spaCy ``PhraseMatcher`` (``attr="LOWER"``) over the same forms, runs both over the dev
texts (normalised as the pipeline does), checks they find the same greedy longest spans,
and times them (CPU seconds, best of ``--runs``), with the PhraseMatcher's build time.

    python bench/gazetteer_matcher.py [--runs 5]

Figures: docs/ACTORS.md ("Gazetteer matching: hand lookups or PhraseMatcher").
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from litopys.data.gazetteer import load_gazetteer
from litopys.pipeline.entities import first_word_lengths
from litopys.pipeline.language import shared_nlp
from litopys.pipeline.normalise import normalise

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


def hand(doc: Doc, first_len: dict[str, int], forms: set[str]) -> list[tuple[int, int]]:
    """Greedy longest match with the first-word index (what the entity stage does)."""
    words = [t.lower_ for t in doc]
    out: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        for size in range(min(first_len.get(words[i], 0), n - i), 0, -1):
            if " ".join(words[i:i + size]) in forms:
                out.append((i, i + size))
                i += size
                break
        else:
            i += 1
    return out


def phrase(doc: Doc, matcher: PhraseMatcher) -> list[tuple[int, int]]:
    """PhraseMatcher candidates reduced to the same greedy longest spans."""
    longest: dict[int, int] = {}
    for _, start, end in matcher(doc):
        longest[start] = max(longest.get(start, 0), end)
    out: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        if i in longest:
            out.append((i, longest[i]))
            i = longest[i]
        else:
            i += 1
    return out


def best(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    nlp = shared_nlp()
    docs = [nlp.make_doc(normalise(p.read_text(encoding="utf-8"))[0])
            for p in sorted(DEV.glob("*.txt"))]
    tokens = sum(len(d) for d in docs)
    forms = {form for form, _ in load_gazetteer().forms()}
    first_len = first_word_lengths()
    t = time.process_time()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("GAZ", list(nlp.tokenizer.pipe(sorted(forms))))
    build = time.process_time() - t
    same = all(hand(d, first_len, forms) == phrase(d, matcher) for d in docs)
    t_hand = best(lambda: [hand(d, first_len, forms) for d in docs], args.runs)
    t_phrase = best(lambda: [phrase(d, matcher) for d in docs], args.runs)
    print(f"{len(docs)} dev texts, {tokens:,} tokens, {len(forms):,} gazetteer forms")
    print(f"same spans: {same}")
    print(f"hand matcher:  {t_hand / tokens * 1e6:6.2f} µs/token (no build step)")
    print(f"PhraseMatcher: {t_phrase / tokens * 1e6:6.2f} µs/token; build {build:.2f} s "
          f"(ratio {t_phrase / max(t_hand, 1e-9):.2f}x the hand matcher)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
