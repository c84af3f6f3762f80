"""Evaluate the litopys NER model on the NER-UK 2.0 standard TEST split.

Reports precision, recall and F1 per entity type (all 13 NER-UK types) and the
micro average, exact span match, as spaCy's scorer counts them. The gold test set
is ``training/corpus/test.spacy`` from ``scripts/train_ner.py convert``; it is
converted on the fly from ``--data`` if missing. Nested gold entities are reduced
to the longest one, as in training (see docs/NER.md).

    python scripts/eval_ner.py                       # packaged model, text table
    python scripts/eval_ner.py --model training/runs/ner/model-best --markdown

DOCS: docs/NER.md
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

# One thread: the machine is shared. Set before numpy is imported via spaCy.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_ner  # noqa: E402

LABELS = ["ART", "DATE", "DOC", "JOB", "LOC", "MISC", "MON", "ORG", "PCT", "PERIOD", "PERS",
          "QUANT", "TIME"]  # fmt: skip


def load_gold(test_path: Path, data: Path, vocab) -> list:
    """Read the gold test docs, converting the corpus first if needed.

    test_path (Path): ``test.spacy``.
    data (Path): NER-UK checkout, used when ``test_path`` does not exist.
    vocab (Vocab): vocab to deserialize into.
    RETURNS (list[Doc]): gold docs.
    """
    if not test_path.exists():
        with tempfile.TemporaryDirectory() as tmp:
            train_ner.convert(data, Path(tmp))
            return list(DocBin().from_disk(Path(tmp) / "test.spacy").get_docs(vocab))
    return list(DocBin().from_disk(test_path).get_docs(vocab))


def evaluate(model: Path, test_path: Path, data: Path) -> dict:
    """Run the model on the gold texts and score entities.

    model (Path): a spaCy pipeline directory.
    test_path (Path): gold ``test.spacy``.
    data (Path): NER-UK checkout (fallback for the gold set).
    RETURNS (dict): {"per_type": {label: {"p","r","f","support"}}, "micro": {...}, "seconds", "words"}.
    """
    nlp = spacy.load(model)
    gold = load_gold(test_path, data, nlp.vocab)
    start = time.monotonic()
    preds = list(nlp.pipe((nlp.make_doc(d.text) for d in gold), batch_size=256))
    seconds = time.monotonic() - start
    examples = [Example(p, g) for p, g in zip(preds, gold, strict=True)]
    scores = nlp.get_pipe("ner").score(examples)
    support = {label: 0 for label in LABELS}
    for doc in gold:
        for ent in doc.ents:
            support[ent.label_] = support.get(ent.label_, 0) + 1
    per_type = {}
    for label in sorted(set(LABELS) | set(scores["ents_per_type"] or {})):
        s = (scores["ents_per_type"] or {}).get(label, {"p": 0.0, "r": 0.0, "f": 0.0})
        per_type[label] = {**s, "support": support.get(label, 0)}
    micro = {
        "p": scores["ents_p"],
        "r": scores["ents_r"],
        "f": scores["ents_f"],
        "support": sum(support.values()),
    }
    words = sum(len(d) for d in gold)
    return {"per_type": per_type, "micro": micro, "seconds": seconds, "words": words}


def format_table(result: dict, markdown: bool = False) -> str:
    """Render per-type and micro scores.

    result (dict): from ``evaluate``.
    markdown (bool): a Markdown table instead of aligned text.
    RETURNS (str): the table.
    """
    rows = [(k, v) for k, v in result["per_type"].items()] + [("micro", result["micro"])]
    lines = []
    if markdown:
        lines.append("| type | P | R | F1 | gold |")
        lines.append("|---|---:|---:|---:|---:|")
        for label, s in rows:
            name = f"**{label}**" if label == "micro" else label
            lines.append(
                f"| {name} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | {s['support']} |"
            )
    else:
        lines.append(f"{'type':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
        for label, s in rows:
            lines.append(
                f"{label:<8} {s['p']:>6.3f} {s['r']:>6.3f} {s['f']:>6.3f} {s['support']:>6}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model",
        type=Path,
        default=train_ner.DEFAULT_TARGET,
        help="spaCy pipeline dir (default: litopys/models/ner_uk)",
    )
    parser.add_argument(
        "--test",
        type=Path,
        default=train_ner.DEFAULT_WORK / "corpus" / "test.spacy",
        help="gold DocBin (default: training/corpus/test.spacy)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=train_ner.DEFAULT_DATA,
        help="NER-UK 2.0 checkout, used if --test is missing",
    )
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = parser.parse_args(argv)

    result = evaluate(args.model, args.test, args.data)
    print(format_table(result, args.markdown))
    print(
        f"\n{result['words']} words tagged in {result['seconds']:.1f} s "
        f"({result['words'] / max(result['seconds'], 1e-9):.0f} words/s, one thread)",
        file=sys.stderr,
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
