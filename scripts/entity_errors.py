"""List the entity errors of the pipeline on a gold directory, one block per document.

    python scripts/entity_errors.py                    # ../shared/eval/dev, both halves
    python scripts/entity_errors.py --half odd         # the half to write rules against
    python scripts/entity_errors.py --doc riga_1921    # one document

For each document: false positives (system entities that match no gold entity of their
type: name and mentions) and misses (gold entities no system entity of their type
matches: name and aliases). The matching rule is the evaluator's (`litopys.evaluate`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from litopys.evaluate import _fold, find_pairs, load_gold, select_half
from litopys.pipeline.ingest import read_path
from litopys.pipeline.language import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "dev"


def errors(chronicle, gold) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    """The false positives and the misses of one chronicle, as printable lines."""
    forms = {g["id"]: {_fold(g["name"])} | {_fold(a) for a in g.get("aliases") or []}
             for g in gold["entities"]}
    types = {g["id"]: g["type"] for g in gold["entities"]}
    matched: set[str] = set()
    fps: list[str] = []
    for e in chronicle.entities:
        if not e.mentions:
            continue  # a link target the text does not name: the scorer skips it too
        sys_forms = {_fold(e.name)} | {_fold(m.text) for m in e.mentions}
        hit = next((gid for gid, gf in forms.items() if types[gid] == e.type and sys_forms & gf),
                   None)
        if hit is None:
            other = next((f"{types[gid]}:{gid}" for gid, gf in forms.items() if sys_forms & gf),
                         "")
            texts = sorted({m.text for m in e.mentions})
            fps.append(f"  FP {e.type:<6} {e.name!r} {texts} {('~' + other) if other else ''}")
        else:
            matched.add(hit)
    misses = [f"  FN {types[g['id']]:<6} {g['name']!r} {g.get('aliases')}"
              for g in gold["entities"] if g["id"] not in matched]
    return fps, misses


def per_document(description: str, lines_of, argv: list[str] | None = None) -> int:  # type: ignore[no-untyped-def]
    """The command line of the error lists (this script and `time_errors.py`): run the
    pipeline on each text of a gold directory (or one half, or one document) and print
    ``lines_of(chronicle, gold)``, a (heading, lines) pair, per document."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--half", choices=("odd", "even"))
    ap.add_argument("--doc", help="only the document with this name (no extension)")
    args = ap.parse_args(argv)
    pipeline = Pipeline()
    for text_path, gold_path in select_half(find_pairs(Path(args.directory)), args.half):
        name = text_path.name.removesuffix(".txt")
        if args.doc and name != args.doc:
            continue
        heading, lines = lines_of(pipeline(read_path(text_path)), load_gold(gold_path))
        print(f"== {name}: {heading}")
        if lines:
            print("\n".join(lines))
    return 0


def _entity_lines(chronicle, gold) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    fps, misses = errors(chronicle, gold)
    return f"{len(fps)} FP, {len(misses)} FN", fps + misses


def main(argv: list[str] | None = None) -> int:
    return per_document(__doc__.splitlines()[0], _entity_lines, argv)


if __name__ == "__main__":
    raise SystemExit(main())
