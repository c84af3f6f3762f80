"""Convert NER-UK 2.0 (brat standoff) to spaCy DocBin and train the litopys NER model.

The corpus is CC BY-NC-SA 4.0 (lang-uk) and is never copied into the repo:
converted corpora and training runs go to ``training/`` (git-ignored); only the
trained weights are packaged into ``litopys/models/ner_uk/``.

Steps (each can be run alone):

    python scripts/train_ner.py convert     # brat -> training/corpus/{train,dev,test}.spacy
    python scripts/train_ner.py train       # spacy train configs/ner_morph.cfg, one CPU thread
    python scripts/train_ner.py package     # model-best -> litopys/models/ner_uk/
    python scripts/train_ner.py all         # the three above

Alignment is on character offsets: each brat span becomes
``doc.char_span(start, end, label, alignment_mode="expand")`` on a doc made by
the blank ``uk`` tokenizer. Spans that cannot be aligned, and nested spans that
overlap a longer one (spaCy ``doc.ents`` cannot overlap), are dropped and counted.

Domain adaptation: ``convert --extra-gold DIR[:odd|:even] --extra-repeat N`` also reads
litopys gold chronicles (``X.txt`` + ``X.gold.json``, docs/NER.md "Domain adaptation")
and adds them, N times, to the training part only; their entity aliases are found in
the text and become entities (``gold_to_doc``). The texts stay where they are: like
NER-UK, they are read at conversion time and never copied into the repo.

DOCS: docs/NER.md
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ner-uk-2.0"
DEFAULT_CONFIG = REPO / "configs" / "ner_morph.cfg"
DEFAULT_WORK = REPO / "training"
DEFAULT_TARGET = REPO / "litopys" / "models" / "ner_uk"

# Thread limits so training uses one core: the machine is shared.
ONE_THREAD_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "BLIS_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
}

# brat text-bound annotation: "T1<TAB>LABEL START END[;START END...]<TAB>text".
# NER-UK 2.0 separates label and offsets with tabs, standard brat with spaces.
BRAT_SPAN = re.compile(
    r"^T\d+\t(?P<label>\S+)[ \t](?P<offsets>\d+[ \t]\d+(?:;\d+[ \t]\d+)*)(?:\t|$)"
)

LICENSE_NOTE = """\
litopys NER model for Ukrainian (spaCy, tok2vec CNN + transition-based NER)

Trained on NER-UK 2.0 by lang-uk: https://github.com/lang-uk/ner-uk
("Корпус NER-анотацій українських текстів", texts from the BRUK corpus
and from «Наші гроші»).

Because it is derived from NER-UK 2.0, this model is licensed under the
Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International
License (CC BY-NC-SA 4.0): https://creativecommons.org/licenses/by-nc-sa/4.0/

The litopys code is MIT; this directory (the model) is CC BY-NC-SA 4.0.
No corpus text is included. Rebuild with scripts/train_ner.py; see docs/NER.md.
"""


class _Counts:
    """Counts of a conversion with a ``labels`` Counter, as one JSON-serialisable dict."""

    labels: Counter

    def to_dict(self) -> dict:
        """RETURNS (dict): the counts, JSON-serialisable."""
        out = {k: v for k, v in self.__dict__.items() if k != "labels"}
        out["labels"] = dict(sorted(self.labels.items()))
        return out


@dataclass
class ConversionStats(_Counts):
    """Counts from brat-to-DocBin conversion.

    docs (int): brat documents read.
    segments (int): spaCy docs written (documents split at line breaks).
    spans (int): brat text-bound annotations read.
    kept (int): entities set on docs.
    expanded (int): kept entities whose boundaries fell inside a token and were widened.
    misaligned (int): spans dropped because no token could be aligned.
    overlapping (int): nested/overlapping spans dropped in favour of the longest one.
    labels (Counter): kept entities per label.
    """

    docs: int = 0
    segments: int = 0
    spans: int = 0
    kept: int = 0
    expanded: int = 0
    misaligned: int = 0
    overlapping: int = 0
    labels: Counter = field(default_factory=Counter)


def read_split(path: Path) -> dict[str, str]:
    """Read the NER-UK standard split file.

    path (Path): ``dev-test-split.txt``: a ``DEV`` header, doc ids, a ``TEST`` header, doc ids.
    RETURNS (dict[str, str]): doc id -> "DEV" or "TEST".
    """
    split: dict[str, str] = {}
    section = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line in ("DEV", "TEST"):
            section = line
        elif section is not None:
            split[line] = section
    return split


def read_brat(ann_path: Path) -> list[tuple[int, int, str]]:
    """Read text-bound annotations from a brat ``.ann`` file.

    Discontinuous spans (``0 5;9 12``) are taken from the first start to the last end.
    Relations, events and notes are ignored, and so are continuation lines of entity
    text that contained a line break.

    ann_path (Path): the ``.ann`` file.
    RETURNS (list[tuple[int, int, str]]): (start, end, label) character offsets.
    """
    spans = []
    text = ann_path.read_text(encoding="utf-8")
    for line in text.split("\n"):
        m = BRAT_SPAN.match(line)
        if m is None:
            continue
        bounds = [int(x) for x in re.split(r"[ \t;]", m["offsets"])]
        spans.append((min(bounds), max(bounds), m["label"]))
    return spans


def brat_to_doc(
    nlp: Language, text: str, spans: list[tuple[int, int, str]], stats: ConversionStats
) -> Doc:
    """Tokenize a text and set its brat spans as ``doc.ents``, aligned on characters.

    nlp (Language): a pipeline whose tokenizer is used (blank ``uk``).
    text (str): the document text, exactly as the offsets count it.
    spans (list[tuple[int, int, str]]): (start, end, label) from ``read_brat``.
    stats (ConversionStats): updated in place.
    RETURNS (Doc): the doc with non-overlapping entities.
    """
    doc = nlp.make_doc(text)
    ents = []
    for start, end, label in spans:
        stats.spans += 1
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None or not span.text.strip():
            stats.misaligned += 1
            continue
        if span.start_char != start or span.end_char != end:
            stats.expanded += 1
        ents.append(span)
    # Nested entities (e.g. LOC inside ORG) cannot coexist in doc.ents; keep the
    # longest, as the NER-UK IOB export does.
    kept = filter_spans(ents)
    stats.overlapping += len(ents) - len(kept)
    doc.ents = kept
    stats.kept += len(kept)
    stats.labels.update(ent.label_ for ent in kept)
    return doc


def split_lines(doc: Doc) -> list[Doc]:
    """Split a doc at line breaks that are not inside an entity.

    NER-UK texts put one sentence or paragraph per line; short docs give the
    batcher something to work with and keep the parser's state small.

    doc (Doc): a doc with entities.
    RETURNS (list[Doc]): the non-blank segments, entities kept.
    """
    inside = set()
    for ent in doc.ents:
        inside.update(range(ent.start, ent.end))
    segments = []
    start = 0
    for token in doc:
        breaks = "\n" in token.text if token.is_space else "\n" in token.whitespace_
        if not breaks or token.i in inside:
            continue
        end = token.i if token.is_space else token.i + 1
        if end > start:
            segments.append(doc[start:end])
        start = token.i + 1
    if start < len(doc):
        segments.append(doc[start:])
    out = []
    for span in segments:
        # Trim leading/trailing whitespace tokens so segments do not start with "\n".
        s, e = span.start, span.end
        while s < e and doc[s].is_space and s not in inside:
            s += 1
        while e > s and doc[e - 1].is_space and (e - 1) not in inside:
            e -= 1
        if e > s:
            out.append(doc[s:e].as_doc())
    return out


# litopys gold entity types -> model labels. The entity stage reads the model's LOC back
# as GPE or LOC by the dictionary (litopys/pipeline/entities.py MODEL_LABELS and
# place_label), so both gold place types train LOC, as NER-UK has no GPE.
GOLD_LABELS = {"PERSON": "PERS", "ORG": "ORG", "DOC": "DOC", "GPE": "LOC", "LOC": "LOC"}


@dataclass
class GoldStats(_Counts):
    """Counts from gold-chronicle-to-Doc conversion (``gold_to_doc``).

    texts (int): gold texts read.
    segments (int): spaCy docs written (texts split at line breaks).
    aliases (int): distinct (alias, label) pairs looked for.
    lowercase (int): aliases skipped because they start with a lower-case letter
        ("союзники", "японський", "декларації": descriptions and adjectives standing
        for an actor, which NER-UK does not tag); their occurrences are left unannotated.
    ambiguous (int): surface forms skipped because two gold entities of different
        labels list them; their occurrences are left unannotated.
    found (int): alias occurrences found in the text (word-bounded, case-sensitive).
    misaligned (int): occurrences whose boundaries fall inside a token (dropped).
    overlapping (int): occurrences inside or across a longer one (dropped by filter_spans).
    kept (int): entities set on docs.
    missing_tokens (int): tokens left unannotated (neither entity nor "O"): see ``gold_to_doc``.
    labels (Counter): kept entities per label.
    """

    texts: int = 0
    segments: int = 0
    aliases: int = 0
    lowercase: int = 0
    ambiguous: int = 0
    found: int = 0
    misaligned: int = 0
    overlapping: int = 0
    kept: int = 0
    missing_tokens: int = 0
    labels: Counter = field(default_factory=Counter)


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Word-bounded, case-sensitive occurrences of ``surface`` in ``text``."""
    pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def gold_to_doc(nlp: Language, text: str, gold: dict, stats: GoldStats) -> Doc:
    """Tokenize a gold text and set its entity aliases as ``doc.ents``.

    Every occurrence of every alias (word-bounded, case-sensitive, as written) becomes
    an entity of the mapped label (``GOLD_LABELS``); the longest wins where occurrences
    overlap (``filter_spans``). A gold chronicle lists the actors of the text, not every
    name, date or office in it, so only some tokens are taught as "O": tokens of a
    capitalised word no alias covers (perhaps a name the gold leaves out), of a gold time
    expression (NER-UK's DATE/PERIOD), and of a lower-case or ambiguous alias are set
    *missing* (spaCy ignores them in the loss) rather than "outside".

    nlp (Language): supplies the tokenizer (blank ``uk``).
    text (str): the gold text.
    gold (dict): the parsed ``.gold.json`` (``entities`` with ``type`` and ``aliases``;
        ``timexes`` with ``text``).
    stats (GoldStats): updated in place.
    RETURNS (Doc): the doc with entities and missing tokens set.
    """
    doc = nlp.make_doc(text)
    labels_of: dict[str, set[str]] = {}
    for ent in gold.get("entities", []):
        label = GOLD_LABELS.get(ent.get("type"))
        if label is None:
            continue
        for alias in ent.get("aliases", []) + [ent.get("name", "")]:
            alias = alias.strip()
            if alias:
                labels_of.setdefault(alias, set()).add(label)
    cands = []
    unsure_chars: list[tuple[int, int]] = []
    # longest alias first, so "Східної Європи" is tried before "Європи"
    for alias in sorted(labels_of, key=lambda a: (-len(a), a)):
        labels = labels_of[alias]
        stats.aliases += len(labels)
        occ = _occurrences(text, alias)
        if not alias[0].isupper() and not alias[0].isdigit():
            stats.lowercase += len(labels)
            unsure_chars.extend(occ)
            continue
        if len(labels) > 1:
            stats.ambiguous += len(labels)
            unsure_chars.extend(occ)
            continue
        (label,) = labels
        for start, end in occ:
            stats.found += 1
            span = doc.char_span(start, end, label=label, alignment_mode="strict")
            if span is None:
                stats.misaligned += 1
                continue
            cands.append(span)
    ents = filter_spans(cands)
    stats.overlapping += len(cands) - len(ents)
    stats.kept += len(ents)
    stats.labels.update(e.label_ for e in ents)
    for timex in gold.get("timexes", []):
        if timex.get("text"):
            unsure_chars.extend(_occurrences(text, timex["text"]))
    covered = set()
    for ent in ents:
        covered.update(range(ent.start, ent.end))
    unsure = set()
    for start, end in unsure_chars:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            unsure.update(range(span.start, span.end))
    unsure.update(t.i for t in doc if t.text[:1].isupper())
    unsure -= covered
    stats.missing_tokens += len(unsure)
    doc.set_ents(ents, missing=[doc[i : i + 1] for i in sorted(unsure)], default="outside")
    return doc


def parse_gold_spec(spec: str) -> tuple[Path, str | None]:
    """``DIR`` or ``DIR:odd`` / ``DIR:even`` -> (directory, half or None for all)."""
    head, _, half = spec.rpartition(":")
    if head and half in ("odd", "even", "all"):
        return Path(head), None if half == "all" else half
    return Path(spec), None


def convert_gold_dirs(nlp: Language, specs: list[str], stats: GoldStats) -> list[Doc]:
    """Convert the gold chronicles of each ``DIR[:half]`` (halves: ``litopys.evaluate.select_half``).

    nlp (Language): supplies the tokenizer.
    specs (list[str]): directories, each optionally with ``:odd`` or ``:even``.
    stats (GoldStats): updated in place.
    RETURNS (list[Doc]): line segments of all texts.
    """
    from litopys.evaluate import find_pairs, load_gold, select_half

    out = []
    for spec in specs:
        directory, half = parse_gold_spec(spec)
        for txt, gold_path in select_half(find_pairs(directory), half):
            with open(txt, encoding="utf-8", newline="") as fh:
                text = fh.read()
            doc = gold_to_doc(nlp, text, load_gold(gold_path), stats)
            stats.texts += 1
            segments = split_lines(doc)
            stats.segments += len(segments)
            out.extend(segments)
    return out


def convert_docs(
    nlp: Language, data_dir: Path, ids: list[str], stats: ConversionStats
) -> list[Doc]:
    """Convert the brat documents with the given ids.

    nlp (Language): supplies the tokenizer.
    data_dir (Path): ``v2.0/data`` holding ``bruk/`` and ``ng/``.
    ids (list[str]): document ids (file stems).
    stats (ConversionStats): updated in place.
    RETURNS (list[Doc]): line segments of all documents, in id order.
    """
    index = {p.stem: p for p in sorted(data_dir.glob("*/*.ann"))}
    out = []
    for doc_id in ids:
        ann = index.get(doc_id)
        if ann is None:
            raise FileNotFoundError(f"{doc_id}.ann not found under {data_dir}: check --data")
        # newline="" keeps offsets valid should a file ever have \r\n line ends.
        with open(ann.with_suffix(".txt"), encoding="utf-8", newline="") as fh:
            text = fh.read()
        doc = brat_to_doc(nlp, text, read_brat(ann), stats)
        stats.docs += 1
        segments = split_lines(doc)
        stats.segments += len(segments)
        out.extend(segments)
    return out


def data_root(data: Path) -> Path:
    """Find ``v2.0/data`` from a path to the corpus checkout or to the data folder itself.

    data (Path): ``ner-uk-2.0``, ``ner-uk-2.0/v2.0`` or ``ner-uk-2.0/v2.0/data``.
    RETURNS (Path): the folder holding ``dev-test-split.txt``.
    """
    for cand in (data, data / "data", data / "v2.0" / "data"):
        if (cand / "dev-test-split.txt").exists():
            return cand
    raise FileNotFoundError(
        f"dev-test-split.txt not found under {data}: pass --data pointing to the ner-uk-2.0 checkout"
    )


def convert(
    data: Path,
    out_dir: Path,
    dev_fraction: float = 0.1,
    seed: int = 0,
    extra_gold: list[str] | None = None,
    extra_repeat: int = 1,
) -> dict:
    """Write train/dev/test DocBins from the standard NER-UK split.

    The split file has DEV (391 docs, for training) and TEST (169 docs). A seeded
    ``dev_fraction`` of the DEV documents is held out, whole documents at a time,
    for early stopping; TEST is used only by ``scripts/eval_ner.py``.

    data (Path): corpus location, see ``data_root``.
    out_dir (Path): where ``train.spacy``, ``dev.spacy``, ``test.spacy`` and ``stats.json`` go.
    dev_fraction (float): share of DEV documents held out for early stopping.
    seed (int): seed for choosing them.
    extra_gold (list[str] | None): litopys gold directories (``DIR[:odd|:even]``) whose
        texts are added to the training part (``convert_gold_dirs``); dev and test stay
        NER-UK's.
    extra_repeat (int): how many times the gold texts are added (oversampling).
    RETURNS (dict): conversion statistics per part (``extra`` for the gold texts).
    """
    root = data_root(data)
    split = read_split(root / "dev-test-split.txt")
    train_ids = sorted(k for k, v in split.items() if v == "DEV")
    test_ids = sorted(k for k, v in split.items() if v == "TEST")
    rng = random.Random(seed)
    held = set(rng.sample(train_ids, max(1, round(len(train_ids) * dev_fraction))))
    parts = {
        "train": [i for i in train_ids if i not in held],
        "dev": [i for i in train_ids if i in held],
        "test": test_ids,
    }
    nlp = spacy.blank("uk")
    out_dir.mkdir(parents=True, exist_ok=True)
    report = {}
    for name, ids in parts.items():
        stats = ConversionStats()
        docs = convert_docs(nlp, root, ids, stats)
        if name == "train" and extra_gold:
            gold_stats = GoldStats()
            extra = convert_gold_dirs(nlp, extra_gold, gold_stats)
            report["extra"] = gold_stats.to_dict()
            report["extra"]["tokens"] = sum(len(d) for d in extra)
            report["extra"]["repeat"] = extra_repeat
            report["extra"]["sources"] = list(extra_gold)
            docs = docs + extra * extra_repeat
        DocBin(docs=docs, store_user_data=False).to_disk(out_dir / f"{name}.spacy")
        report[name] = stats.to_dict()
        report[name]["tokens"] = sum(len(d) for d in docs)
    (out_dir / "stats.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return report


def train(
    config: Path,
    corpus_dir: Path,
    output: Path,
    max_minutes: float | None = None,
    overrides: list[str] | None = None,
) -> float:
    """Run ``python -m spacy train`` on one CPU thread.

    config (Path): the spaCy training config.
    corpus_dir (Path): holds ``train.spacy`` and ``dev.spacy``.
    output (Path): spaCy output dir (``model-best``, ``model-last``).
    max_minutes (float | None): wall-clock cap; on expiry training is interrupted
        (SIGINT), and spaCy still writes ``model-last``; ``model-best`` is kept.
    overrides (list[str] | None): extra ``--section.key value`` config overrides.
    RETURNS (float): wall time in seconds.
    """
    cmd = [
        sys.executable, "-m", "spacy", "train", str(config),
        "--output", str(output),
        "--paths.train", str(corpus_dir / "train.spacy"),
        "--paths.dev", str(corpus_dir / "dev.spacy"),
    ] + list(overrides or [])  # fmt: skip
    env = {**os.environ, **ONE_THREAD_ENV}
    start = time.monotonic()
    # A child started from a background shell inherits SIGINT as ignored, and then
    # Python never raises KeyboardInterrupt; restore the default so the cap works.
    proc = subprocess.Popen(
        cmd, env=env, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)
    )
    try:
        proc.wait(timeout=None if max_minutes is None else max_minutes * 60)
    except subprocess.TimeoutExpired:
        print(f"train_ner: {max_minutes} min reached, stopping training", file=sys.stderr)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()
    else:
        if proc.returncode != 0:
            raise SystemExit(f"spacy train failed with exit code {proc.returncode}")
    return time.monotonic() - start


def package(model_dir: Path, target: Path) -> Path:
    """Copy a trained pipeline into the package, with a licence note and a small vocab.

    ``vocab/strings.json`` from training lists every word form seen in the corpus;
    the model needs only its labels there (embeddings hash the attributes), so it is
    replaced with the strings the pipeline itself references.

    model_dir (Path): spaCy ``model-best``.
    target (Path): destination, replaced if present.
    RETURNS (Path): target.
    """
    nlp = spacy.load(model_dir)
    if target.exists():
        shutil.rmtree(target)
    nlp.vocab.strings._reset_and_load(sorted(set(nlp.pipe_labels.get("ner", []))))
    nlp.to_disk(target)
    # The corpus paths of this machine mean nothing to users of the package.
    cfg = spacy.util.load_config(target / "config.cfg", interpolate=False)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(target / "config.cfg")
    (target / "LICENSE").write_text(LICENSE_NOTE, encoding="utf-8")
    # Sanity: loads offline and still tags.
    check = spacy.load(target)
    check("Тарас Шевченко народився в Моринцях.")
    return target


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=["convert", "train", "package", "all"])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="NER-UK 2.0 checkout (default: ../shared/data/ner-uk-2.0)",
    )
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="spaCy config")
    parser.add_argument(
        "--work",
        type=Path,
        default=DEFAULT_WORK,
        help="git-ignored working dir for corpora and runs (default: training/)",
    )
    parser.add_argument("--run", default="ner", help="run name under WORK/runs/")
    parser.add_argument(
        "--dev-fraction",
        type=float,
        default=0.1,
        help="share of the DEV split held out for early stopping",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for the held-out choice")
    parser.add_argument(
        "--extra-gold",
        action="append",
        default=[],
        metavar="DIR[:odd|:even]",
        help="convert: also train on the litopys gold chronicles in DIR (one half with "
        ":odd/:even, see litopys.evaluate.select_half); repeatable",
    )
    parser.add_argument(
        "--extra-repeat",
        type=int,
        default=1,
        help="convert: add the --extra-gold texts this many times (oversampling)",
    )
    parser.add_argument(
        "--max-minutes", type=float, default=35.0, help="wall-clock cap on training (default 35)"
    )
    parser.add_argument(
        "--target",
        type=Path,
        default=DEFAULT_TARGET,
        help="where `package` puts the model (default litopys/models/ner_uk)",
    )
    args, overrides = parser.parse_known_args(argv)  # the rest go to spacy train

    corpus = args.work / "corpus"
    run_dir = args.work / "runs" / args.run
    if args.step in ("convert", "all"):
        report = convert(
            args.data, corpus, args.dev_fraction, args.seed, args.extra_gold, args.extra_repeat
        )
        print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.step in ("train", "all"):
        seconds = train(args.config, corpus, run_dir, args.max_minutes, overrides)
        (run_dir / "train_time.txt").write_text(f"{seconds:.0f}\n")
        print(f"train_ner: training took {seconds / 60:.1f} min", file=sys.stderr)
    if args.step in ("package", "all"):
        target = package(run_dir / "model-best", args.target)
        print(f"train_ner: packaged {run_dir / 'model-best'} -> {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
