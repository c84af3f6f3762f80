"""Score the natasha/slovnet Russian NER (PER, LOC, ORG) against the dev-ru gold names.

A measurement for issue 16, not a project dependency: natasha is not in pyproject.
Install it in a local venv only (``.venv/bin/pip install natasha``; its wheels carry
the navec embeddings and the slovnet NER model, so it runs offline). Without it the
script says so and exits 0.

Matching follows shared/eval/FORMAT.md: a system entity (mentions grouped by their
normalised, case-folded form) matches a gold entity of the same class when its name
or one of its mentions equals, case folded, the gold ``name`` or an ``alias``.
natasha has no GPE, so its LOC is scored against gold GPE + LOC ("LOC+GPE"); with
``--litopys`` the litopys pipeline is scored the same way, side by side.

    python scripts/eval_natasha.py                      # tests/eval/dev-ru, table
    python scripts/eval_natasha.py --litopys --json

DOCS: docs/RUSSIAN.md
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# One thread: the machine is shared. Set before numpy is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from litopys.evaluate import PRF, _fold, find_pairs, load_gold  # noqa: E402

# Scoring classes: gold types they cover, and the system labels that fall in them.
CLASSES: dict[str, tuple[set[str], set[str]]] = {
    "PERSON": ({"PERSON"}, {"PER", "PERSON"}),
    "LOC+GPE": ({"GPE", "LOC"}, {"LOC", "GPE"}),
    "ORG": ({"ORG"}, {"ORG"}),
}

SysEntity = tuple[str, set[str]]  # (system label, case-folded forms: name + mentions)


def score_entities(system: Iterable[SysEntity], gold: dict[str, Any]) -> dict[str, PRF]:
    """Per class, precision over system entities and recall over gold entities.

    system (Iterable[SysEntity]): (label, forms) per system entity.
    gold (dict): a gold chronicle (FORMAT.md).
    RETURNS (dict[str, PRF]): counts per scoring class.
    """
    out = {cls: PRF() for cls in CLASSES}
    forms = {g["id"]: {_fold(g["name"])} | {_fold(a) for a in g.get("aliases") or []}
             for g in gold["entities"]}
    gtype = {g["id"]: g["type"] for g in gold["entities"]}
    matched: set[str] = set()
    for label, sys_forms in system:
        cls = next((c for c, (_, labels) in CLASSES.items() if label in labels), None)
        if cls is None:
            continue
        out[cls].n_sys += 1
        hit = next((gid for gid, gf in forms.items()
                    if gtype[gid] in CLASSES[cls][0] and sys_forms & gf), None)
        if hit is not None:
            out[cls].tp_sys += 1
            matched.add(hit)
    for gid, t in gtype.items():
        for cls, (types, _) in CLASSES.items():
            if t in types:
                out[cls].n_gold += 1
                out[cls].tp_gold += gid in matched
    return out


class NatashaNER:
    """natasha's news NER with lemma normalisation of each span."""

    def __init__(self) -> None:
        from natasha import (
            Doc,
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            Segmenter,
        )

        self._doc = Doc
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        emb = NewsEmbedding()
        self.morph = NewsMorphTagger(emb)
        self.ner = NewsNERTagger(emb)

    def __call__(self, text: str) -> list[SysEntity]:
        doc = self._doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph)
        doc.tag_ner(self.ner)
        groups: dict[tuple[str, str], set[str]] = {}
        for span in doc.spans:
            span.normalize(self.morph_vocab)
            key = (span.type, _fold(span.normal or span.text))
            groups.setdefault(key, {key[1]}).add(_fold(span.text))
        return [(label, forms) for (label, _), forms in groups.items()]


def litopys_entities(pipeline: Any, path: Path) -> list[SysEntity]:
    """The litopys pipeline's entities as (label, forms)."""
    from litopys.pipeline.ingest import read_path

    chron = pipeline(read_path(path))
    return [(e.type, {_fold(e.name)} | {_fold(m.text) for m in e.mentions})
            for e in chron.entities]


def _table(results: dict[str, dict[str, PRF]]) -> str:
    lines = ["| system | class | P | R | F1 |", "|---|---|---|---|---|"]
    for name, per in results.items():
        for cls, prf in per.items():
            lines.append(f"| {name} | {cls} | {prf.precision:.2f} | {prf.recall:.2f} "
                         f"| {prf.f1:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", nargs="?", default=str(ROOT / "tests" / "eval" / "dev-ru"),
                    help="gold directory (NAME.txt + NAME.gold.json)")
    ap.add_argument("--litopys", action="store_true", help="also score litopys the same way")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    try:
        import natasha  # noqa: F401
    except ImportError:
        print("eval_natasha: natasha is not installed; skipping "
              "(install it in a local venv: .venv/bin/pip install natasha).", file=sys.stderr)
        return 0
    pairs = find_pairs(Path(args.directory))
    t0 = time.perf_counter()
    ner = NatashaNER()
    load_s = time.perf_counter() - t0
    systems: dict[str, Any] = {"natasha": ner}
    if args.litopys:
        from litopys.pipeline.language import Pipeline

        systems["litopys"] = Pipeline()
    results: dict[str, dict[str, PRF]] = {}
    timing: dict[str, float] = {}
    chars = 0
    for name, system in systems.items():
        total = {cls: PRF() for cls in CLASSES}
        t0 = time.perf_counter()
        for txt, gold_path in pairs:
            text = txt.read_text(encoding="utf-8")
            chars += len(text) if name == "natasha" else 0
            ents = system(text) if name == "natasha" else litopys_entities(system, txt)
            for cls, prf in score_entities(ents, load_gold(gold_path)).items():
                total[cls].add(prf)
        timing[name] = time.perf_counter() - t0
        results[name] = total
    report = {
        "documents": len(pairs),
        "natasha_load_seconds": round(load_s, 2),
        "seconds": {k: round(v, 2) for k, v in timing.items()},
        "natasha_chars_per_second": round(chars / timing["natasha"]) if timing["natasha"] else 0,
        "scores": {n: {c: p.to_dict() for c, p in per.items()} for n, per in results.items()},
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(_table(results))
        print(f"\n{len(pairs)} documents; natasha load {load_s:.1f} s, "
              + ", ".join(f"{k} {v:.1f} s" for k, v in timing.items())
              + f"; natasha {report['natasha_chars_per_second']} chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
