"""Trigger lookup: the hand matcher of the events stage against spaCy's Matcher (issue 12.4).

The event lexicon (``data/curated/event_triggers.tsv``, ``event_phrases.tsv``) is data; the
events stage reads it with dict lookups per token (every pymorphy3 lemma of the token, its
surface form) and a first-word index of the phrases. This script compiles the same data to
one spaCy ``Matcher`` (a word: ``{"_": {"lemmas": {"INTERSECTS": [lemma]}}}`` or its surface
forms by ``LOWER``; a phrase: one such token per word, "*" as an optional token), runs both
over the same analysed doc, checks they find the same trigger starts, and times them (CPU
seconds, best of ``--runs``).

    python bench/trigger_matcher.py [--repeat 2] [--runs 5]

Figures: docs/EVENTS.md ("Trigger matching: hand lookups or spaCy Matcher").
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from spacy.matcher import Matcher
from spacy.tokens import Doc

from litopys.data import lexicon as lx
from litopys.pipeline.analysis import features
from litopys.pipeline.language import Pipeline
from litopys.pipeline.normalise import normalise

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


def analysed_doc(pipe: Pipeline, text: str) -> Doc:
    """The doc as the events stage sees it (every stage before it has run)."""
    norm, offsets = normalise(text)
    doc = pipe.nlp.make_doc(norm)
    doc._.original = text
    doc._.offsets = offsets
    for name, proc in pipe.nlp.pipeline:
        if name == "litopys_events":
            break
        doc = proc(doc)
    return doc


def build_matcher(pipe: Pipeline) -> Matcher:
    """One Matcher with every trigger row and phrase of the lexicon."""
    lex = lx.load_triggers()
    m = Matcher(pipe.nlp.vocab)
    for i, t in enumerate(lex):
        pats = [[{"_": {"lemmas": {"INTERSECTS": [t.lemma]}}}]]
        pats += [[{"LOWER": f}] for f in t.forms]
        m.add(f"t{i}", pats)
    add_phrases(m, lambda alts: {"_": {"lemmas": {"INTERSECTS": alts}}})
    return m


def add_phrases(m: Matcher, token) -> None:  # type: ignore[no-untyped-def]
    """Add every phrase of the lexicon, ``token(alternatives)`` giving a word's pattern."""
    variants = dict(lx._WORD_VARIANTS)
    for i, ph in enumerate(lx.load_triggers().phrases):
        pat = []
        for w in ph.pattern:
            if w == lx.PHRASE_GAP:
                pat.append({"OP": "?"})
            else:
                alts = sorted({w, variants.get(w, w)} | {k for k, v in variants.items()
                                                         if v == variants.get(w, w)})
                pat.append(token(alts))
        m.add(f"p{i}", [pat])


def build_fast_matcher(pipe: Pipeline) -> Matcher:
    """The Matcher written for speed: the single words as two patterns over built-in
    attributes (``LEMMA`` in the set of lemmas, ``LOWER`` in the set of forms), the phrases as
    ``LEMMA`` sequences. It sees only the token's first lemma, not every pymorphy3 reading."""
    lex = lx.load_triggers()
    m = Matcher(pipe.nlp.vocab)
    m.add("word", [[{"LEMMA": {"IN": sorted({t.lemma for t in lex})}}],
                   [{"LOWER": {"IN": sorted({f for t in lex for f in t.forms})}}]])
    add_phrases(m, lambda alts: {"LEMMA": {"IN": alts}})
    return m


def hand_starts(doc: Doc) -> set[int]:
    """Token indices where the hand lookups find a word or phrase trigger."""
    lex = lx.load_triggers()
    F = features(doc)
    out: set[int] = set()
    lemmas = F.lemma
    for k in range(len(doc)):
        if lex.match_phrases(lemmas, k):
            out.add(k)
            continue
        if lex.lookup_form(F.lower[k]) or any(lex.lookup(le) for le in F.lemmas[k] or (F.lemma[k],)):
            out.add(k)
    return out


def matcher_starts(matcher: Matcher, doc: Doc) -> set[int]:
    return {start for _, start, _ in matcher(doc)}


def best_of(runs: int, fn, *args):  # type: ignore[no-untyped-def]
    best = None
    result = None
    for _ in range(runs):
        t0 = time.process_time()
        result = fn(*args)
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    return best, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    pipe = Pipeline()
    texts = sorted(DEV.glob("*.txt"))
    doc = analysed_doc(pipe, "\n\n".join(t.read_text(encoding="utf-8")
                                         for t in texts * args.repeat))
    t0 = time.process_time()
    matcher = build_matcher(pipe)
    build = time.process_time() - t0
    hand_t, hand = best_of(args.runs, hand_starts, doc)
    match_t, found = best_of(1, matcher_starts, matcher, doc)
    fast = build_fast_matcher(pipe)
    fast_t, fast_found = best_of(args.runs, matcher_starts, fast, doc)
    n = len(doc)
    print(f"doc: {n} tokens; best of {args.runs} runs (CPU)")
    print(f"  hand lookups        {hand_t * 1000:8.1f} ms  {hand_t / n * 1e6:6.2f} µs/token  "
          f"{len(hand)} trigger starts")
    print(f"  spaCy Matcher       {match_t * 1000:8.1f} ms  {match_t / n * 1e6:6.2f} µs/token  "
          f"{len(found)} trigger starts  (+ {build * 1000:.0f} ms to build, once)")
    print(f"  same starts: {len(hand & found)}; hand only: {len(hand - found)}; "
          f"Matcher only: {len(found - hand)}")
    print(f"  Matcher / hand time: {match_t / hand_t:.2f} (one run: it is slow)")
    print(f"  spaCy Matcher, built-in attributes {fast_t * 1000:8.1f} ms  "
          f"{fast_t / n * 1e6:6.2f} µs/token  {len(fast_found)} trigger starts; "
          f"hand only: {len(hand - fast_found)}, Matcher only: {len(fast_found - hand)}; "
          f"time / hand: {fast_t / hand_t:.2f}")


if __name__ == "__main__":
    main()
