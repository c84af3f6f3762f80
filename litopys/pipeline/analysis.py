"""Analyse: tokenizer tweaks, sentence boundaries and pymorphy3 morphology.

spaCy's blank ``uk`` tokenizer is kept (it is fast and keeps offsets); we add
special cases for the abbreviations historical prose is full of ("р.", "рр.",
"ст.", "н. е.") and split sentences with rules that know about initials
("Д. В. Богомоловим") and year abbreviations ("1932 р. було").
Morphology comes from pymorphy3's Ukrainian dictionary, cached per word form.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from litopys.pipeline import extensions  # noqa: F401  (registers slots)
from litopys.pipeline.morph import parses

ABBREVIATIONS = (
    "р.", "рр.", "ст.", "ст.ст.", "н.", "е.", "г.", "гг.", "т.", "д.", "п.", "див.", "с.",
    "стор.", "тис.", "млн.", "млрд.", "грн.", "км.", "проф.", "акад.", "ген.", "ім.", "вул.",
    "обл.", "р-н", "рос.", "укр.", "англ.", "нім.", "франц.", "пол.", "кит.", "яп.",
)
# tokens after which a full stop does not end a sentence
NO_BREAK_AFTER = {a.rstrip(".").lower() for a in ABBREVIATIONS} | {"т.д", "т.п", "і"}

_POS = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB",
    "INFN": "VERB", "PRTF": "ADJ", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM",
    "ADVB": "ADV", "NPRO": "PRON", "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ",
    "PRCL": "PART", "INTJ": "INTJ", "LATN": "X", "NUMB": "NUM", "PNCT": "PUNCT",
    "ROMN": "NUM",
}
_FEATS = {
    "nomn": ("Case", "Nom"), "gent": ("Case", "Gen"), "datv": ("Case", "Dat"),
    "accs": ("Case", "Acc"), "ablt": ("Case", "Ins"), "loct": ("Case", "Loc"),
    "voct": ("Case", "Voc"), "v_naz": ("Case", "Nom"), "v_rod": ("Case", "Gen"),
    "v_dav": ("Case", "Dat"), "v_zna": ("Case", "Acc"), "v_oru": ("Case", "Ins"),
    "v_mis": ("Case", "Loc"), "v_kly": ("Case", "Voc"),
    "sing": ("Number", "Sing"), "plur": ("Number", "Plur"),
    "masc": ("Gender", "Masc"), "femn": ("Gender", "Fem"), "neut": ("Gender", "Neut"),
    "anim": ("Animacy", "Anim"), "inan": ("Animacy", "Inan"),
    "perf": ("Aspect", "Perf"), "impf": ("Aspect", "Imp"),
    "past": ("Tense", "Past"), "pres": ("Tense", "Pres"), "futr": ("Tense", "Fut"),
    "Name": ("NameType", "Giv"), "Surn": ("NameType", "Sur"), "Patr": ("NameType", "Pat"),
    "Abbr": ("Abbr", "Yes"), "actv": ("Voice", "Act"), "pssv": ("Voice", "Pass"),
    "INFN": ("VerbForm", "Inf"), "GRND": ("VerbForm", "Conv"), "PRTF": ("VerbForm", "Part"),
    "PRTS": ("VerbForm", "Part"),
}


@lru_cache(maxsize=200_000)
def analyse_word(word: str) -> tuple[str, str, str, tuple[str, ...], tuple[str, ...]]:
    """Analyse one word form (cached).

    word (str): the token text.
    RETURNS (tuple): lemma, UD POS, UD feature string, all lemmas, all tags.
    """
    if not any(c.isalpha() for c in word):
        pos = "NUM" if any(c.isdigit() for c in word) else "PUNCT"
        return word, pos, "", (word,), ()
    ps = parses(word)
    if not ps:
        return word.lower(), "X", "", (word.lower(),), ()
    best = ps[0]
    # pymorphy3 scores every parse alike; for closed-class words ("до", "на",
    # "з") the function-word reading is almost always right
    for wanted in ("PREP", "CONJ", "PRCL"):
        hit = next((p for p in ps if p.tag.POS == wanted), None)
        if hit is not None:
            best = hit
            break
    if best.tag.POS == "INFN" and not word.lower().endswith(("ти", "тися", "тись")):
        # "звільнить" is a 3rd-person future, not a colloquial short infinitive
        finite = next((p for p in ps if p.tag.POS == "VERB"), None)
        if finite is not None:
            best = finite
    tag = best.tag
    grams = set(str(tag).replace(" ", ",").split(","))
    pos = _POS.get(tag.POS or "", "X")
    if pos == "NOUN" and grams & {"Name", "Surn", "Patr", "Geox", "Orgn"}:
        pos = "PROPN"
    feats: dict[str, str] = {}
    for g in grams:
        f = _FEATS.get(g)
        if f and f[0] not in feats:
            feats[f[0]] = f[1]
    feat_str = "|".join(f"{k}={v}" for k, v in sorted(feats.items()))
    lemmas = tuple(dict.fromkeys(p.normal_form for p in ps))
    tags = tuple(str(p.tag) for p in ps)
    return best.normal_form, pos, feat_str, lemmas, tags


def customise_tokenizer(nlp: Language) -> None:
    """Keep hyphenated words whole and add abbreviation special cases.

    Ukrainian writes compounds and transliterated names with a hyphen
    ("радянсько-китайських", "Цин-Хуа", "травні-червні"); splitting them
    would give the morphology and the gazetteer halves that mean nothing.
    """
    from spacy.util import compile_infix_regex

    infixes = [p.replace("(?:-|–|—|", "(?:–|—|") for p in nlp.Defaults.infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        cap = abbr[0].upper() + abbr[1:]
        nlp.tokenizer.add_special_case(cap, [{ORTH: cap}])


class Morphology:
    """Set lemma, POS, morphological features and all parses on every token."""

    def __init__(self, nlp: Language, name: str = "litopys_morphology") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lemma, pos, feats, lemmas, tags = analyse_word(token.text)
            token.lemma_ = lemma
            token.pos_ = pos
            if feats:
                token.set_morph(feats)
            token._.lemmas = lemmas
            token._.tags = tags
        return doc


_CLOSERS = set("»\"”)')]")
_OPENERS = set("«\"“(['")


class Sentences:
    """Rule-based sentence boundaries that respect initials and abbreviations."""

    def __init__(self, nlp: Language, name: str = "litopys_sentences") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        starts = [False] * n
        starts[0] = True
        for i, tok in enumerate(doc):
            if i == 0:
                continue
            prev = doc[i - 1]
            if "\n" in prev.text or ("\n" in prev.whitespace_ if prev.whitespace_ else False):
                starts[i] = True
                continue
            if prev.is_space and "\n" in prev.text:
                starts[i] = True
                continue
            if tok.is_space:
                continue
            if not self._ends_sentence(doc, i - 1):
                continue
            # what follows must look like a sentence start
            j = i
            while j < n and (doc[j].text in _OPENERS or doc[j].is_space):
                j += 1
            if j < n and (doc[j].text[:1].isupper() or doc[j].text[:1].isdigit()):
                starts[i] = True
        for i, tok in enumerate(doc):
            tok.is_sent_start = starts[i]
        return doc

    @staticmethod
    def _ends_sentence(doc: Doc, k: int) -> bool:
        """Does token k close a sentence (allowing closing quotes after it)?"""
        while k >= 0 and doc[k].text in _CLOSERS:
            k -= 1
        if k < 0:
            return False
        t = doc[k].text
        if t in ("!", "?", "…", "...", "?!", "!?"):
            return True
        if t.endswith(".") and t != ".":
            # "Д." "р." "т.д." are abbreviations or initials; "1937р." glued
            core = t[:-1]
            if len(core) == 1 and core.isalpha():
                return False
            return core.lower() not in NO_BREAK_AFTER
        if t == ".":
            if k == 0:
                return True
            before = doc[k - 1].text
            if len(before) == 1 and before.isalpha() and before.isupper():
                return False  # an initial split from its dot
            return before.lower() not in NO_BREAK_AFTER
        return False
