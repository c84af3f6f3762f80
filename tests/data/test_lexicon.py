"""Tests for litopys.data.lexicon: the curated CAMEO, trigger and modality data and its loader."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from litopys.data import lexicon
from litopys.data.lexicon import (
    PLOVER_TYPES,
    CameoCode,
    Trigger,
    load_cameo,
    load_modality,
    load_triggers,
)

pymorphy3 = pytest.importorskip("pymorphy3")

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD_FILES = sorted((SHARED / "eval" / "dev").glob("*.gold.json")) + sorted(
    (SHARED / "samples").glob("*.gold.json")
)
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
# Function words in gold trigger spans that are never triggers themselves.
STOP = {"і", "й", "та", "а", "з", "із", "до", "на", "у", "в", "від", "для", "після", "під", "не"}


@pytest.fixture(scope="module")
def morph():
    return pymorphy3.MorphAnalyzer(lang="uk")


def _normal_forms(morph, word: str) -> set[str]:
    return {p.normal_form for p in morph.parse(word.lower())}


def test_lexicon_cameo_has_all_roots_and_subcodes():
    codes = load_cameo()
    roots = {c for c in codes if len(c) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert len(codes) >= 120
    for code in ("036", "042", "043", "046", "057", "0233", "111", "154", "190", "192", "195"):
        assert code in codes, code
    assert codes["057"].label == "Sign formal agreement"
    assert codes["057"].plover == "AGREE"
    assert lexicon.root_label("0233") == "APPEAL"


@pytest.mark.parametrize("code", sorted(load_cameo()))
def test_lexicon_cameo_row_valid(code):
    entry = load_cameo()[code]
    assert isinstance(entry, CameoCode)
    assert -10.0 <= entry.goldstein <= 10.0
    assert entry.plover in PLOVER_TYPES
    assert entry.label
    # Every subcode has its root listed.
    assert entry.root in load_cameo()


def test_lexicon_goldstein_sign_follows_cooperation_conflict():
    codes = load_cameo()
    assert codes["057"].goldstein > 0 > codes["190"].goldstein
    assert lexicon.goldstein("0461") == codes["046"].goldstein  # falls back to the parent


def test_lexicon_trigger_codes_exist():
    codes = load_cameo()
    lex = load_triggers()
    assert len(lex) >= 200
    for trig in lex:
        assert trig.cameo in codes, trig
        assert trig.pos in ("VERB", "NOUN"), trig
        assert trig.frame, trig
    for phrase in lex.phrases:
        assert phrase.cameo in codes, phrase


def test_lexicon_trigger_lemmas_are_normal_forms(morph):
    ru = pymorphy3.MorphAnalyzer(lang="ru")  # the Russian rows (notes "Russian (ru) ...")
    bad = [t.lemma for t in load_triggers() if t.lemma not in _normal_forms(
        ru if t.notes.startswith("Russian (ru)") else morph, t.lemma)]
    assert not bad, f"not pymorphy3 normal forms: {bad}"


def test_lexicon_phrase_words_are_normal_forms(morph):
    words = {w for p in load_triggers().phrases for w in p.words}
    bad = sorted(w for w in words if w not in _normal_forms(morph, w))
    assert not bad, f"not pymorphy3 normal forms: {bad}"


@pytest.mark.parametrize(
    "surface,cameo",
    [
        ("підписали", "057"),
        ("зустрівся", "040"),
        ("переговорах", "046"),
        ("заявивши", "010"),
        ("обговорювалося", "040"),
        ("осуджуючи", "111"),
        ("напали", "190"),
        ("вторгнення", "190"),
        ("мобілізація", "154"),
        ("ратифікувала", "057"),
        ("погрожував", "130"),
        ("відмовився", "124"),
        ("прибули", "042"),
    ],
)
def test_lexicon_lookup_by_pymorphy_normal_form(morph, surface, cameo):
    lex = load_triggers()
    codes = {t.cameo for nf in _normal_forms(morph, surface) for t in lex.lookup(nf)}
    assert cameo in codes, (surface, _normal_forms(morph, surface), codes)


@pytest.mark.parametrize("surface,lemma", [("заявил", "заявити"), ("підписан", "підписати")])
def test_lexicon_lookup_russian_forms(surface, lemma):
    lex = load_triggers()
    assert lemma in {t.lemma for t in lex.lookup_form(surface)}
    assert lemma in {t.lemma for t in lex.lookup(surface)}


def test_lexicon_lookup_pos_filter():
    lex = load_triggers()
    assert all(t.pos == "VERB" for t in lex.lookup("підписати", "INFN"))
    assert lex.lookup("підписати", "NOUN") == []
    assert lex.lookup("ніщо-такого") == []
    assert {t.frame for t in lex.lookup("відмовитися")} >= {"renounce", "refuse"}


@pytest.mark.parametrize(
    "lemmas,cameo",
    [
        (["оголосити", "війна"], "190"),
        (["вести", "з", "переговори"], "046"),
        (["вести", "переговори"], "046"),
        (["надати", "військовий", "допомога"], "070"),
        (["розірвати", "дипломатичний", "відносини"], "161"),
        (["вивести", "військо"], "0874"),
        (["вступити", "в", "війна"], "190"),
    ],
)
def test_lexicon_phrases_match(lemmas, cameo):
    hits = load_triggers().match_phrases(lemmas, 0)
    assert any(p.cameo == cameo and end == len(lemmas) for p, end in hits), hits


def test_lexicon_modality_cues():
    mod = load_modality()
    for word in ("не", "ні", "ніколи", "відмовитися"):
        assert mod.is_negation(word), word
    for word in ("б", "би", "сподіватися", "прагнути", "пропонувати", "планувати", "якщо",
                 "намір", "готовність", "ідея", "передбачати", "погодитися"):  # fmt: skip
        assert mod.is_hypothetical(word), word
    assert mod.cue("б").mode == "hypothetical"
    assert mod.cue("не").mode == "negated"
    assert mod.is_future({"futr", "perf"})
    assert "ненапад" in mod.not_cues
    assert all(c.why for c in [*mod.negation.values(), *mod.hypothetical.values()])


def test_lexicon_loaders_cached():
    assert load_cameo() is load_cameo()
    assert load_triggers() is load_triggers()
    assert load_modality() is load_modality()


def test_lexicon_lookup_speed():
    lex = load_triggers()
    keys = [t.lemma for t in lex] + ["і", "в", "рік", "уряд", "союз"] * 50
    start = time.perf_counter()
    for _ in range(20):
        for k in keys:
            lex.lookup(k, "VERB")
            lex.phrases_starting_with(k)
    per_call = (time.perf_counter() - start) / (20 * len(keys))
    assert per_call < 20e-6  # well under the 200 µs/token budget of 5,000 tokens/s


def _gold_triggers() -> list[tuple[str, str, str]]:
    out = []
    for path in GOLD_FILES:
        for ev in json.loads(path.read_text(encoding="utf-8")).get("events", []):
            out.append((path.name, ev["trigger"], ev["cameo"]))
    return out


def _coverage(morph) -> tuple[int, int, int, list[str]]:
    """Count gold triggers with any lexicon hit, and with a hit of the gold root."""
    lex = load_triggers()
    covered = rooted = 0
    missed: list[str] = []
    triggers = _gold_triggers()
    for _, text, gold_root in triggers:
        words = [w.lower() for w in WORD.findall(text)]
        lemma_sets = [_normal_forms(morph, w) | {w} for w in words]
        hits: list[Trigger | lexicon.Phrase] = []
        for nfs in lemma_sets:
            for nf in nfs:
                if nf not in STOP:
                    hits.extend(lex.lookup(nf))
        # Phrases: try every combination of the first normal form at each start.
        for i in range(len(words)):
            for nf in lemma_sets[i]:
                for phrase in lex.phrases_starting_with(nf):
                    seq = [nf] + [
                        next(iter(s & set(phrase.words)), next(iter(s)))
                        for s in lemma_sets[i + 1 :]
                    ]
                    if phrase.match_at(seq, 0) is not None:
                        hits.append(phrase)
        if hits:
            covered += 1
            if any(h.root == gold_root for h in hits):
                rooted += 1
        else:
            missed.append(text)
    return len(triggers), covered, rooted, missed


@pytest.mark.skipif(not GOLD_FILES, reason="../shared gold files not available")
def test_lexicon_gold_trigger_coverage(morph):
    total, covered, rooted, missed = _coverage(morph)
    assert total > 0
    print(f"gold triggers: {total}, covered {covered} ({covered / total:.0%}), "
          f"with the gold root {rooted} ({rooted / total:.0%}); missed: {missed}")  # fmt: skip
    assert covered / total >= 0.70, missed
    assert rooted / total >= 0.60, missed
