"""Analyse: tokenizer tweaks, sentence boundaries and pymorphy3 morphology.

spaCy's blank ``uk`` tokenizer is kept (it is fast and keeps offsets); we add
special cases for the abbreviations historical prose is full of ("р.", "рр.",
"ст.", "н. е.") and split sentences with rules that know about initials
("Д. В. Богомоловим") and year abbreviations ("1932 р. було").
Morphology comes from pymorphy3's Ukrainian dictionary, cached per word form.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from litopys.lang import each_language
from litopys.pipeline import extensions  # noqa: F401  (registers slots)
from litopys.pipeline.morph import adverbs_first, language_cache, parses

ABBREVIATIONS = (
    "р.", "рр.", "ст.", "ст.ст.", "н.", "е.", "г.", "гг.", "т.", "д.", "п.", "див.", "с.",
    "стор.", "тис.", "млн.", "млрд.", "грн.", "км.", "проф.", "акад.", "ген.", "ім.", "вул.",
    "обл.", "р-н", "рос.", "укр.", "англ.", "нім.", "франц.", "пол.", "кит.", "яп.",
)
# tokens after which a full stop does not end a sentence
NO_BREAK_AFTER = {a.rstrip(".").lower() for a in ABBREVIATIONS} | {"т.д", "т.п", "і"}
# abbreviated month names of every language ("квіт.", "апр."): a full stop after one does
# not end a sentence when a number follows ("25 апр. 1945 г.")
MONTH_ABBREVIATIONS = frozenset(
    word.rstrip(".").lower() for table in each_language("time", "month_abbreviations")
    for words in dict(table).values() for word in words)

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
    "INFN": ("VerbForm", "Inf"), "infn": ("VerbForm", "Inf"), "GRND": ("VerbForm", "Conv"), "PRTF": ("VerbForm", "Part"),
    "PRTS": ("VerbForm", "Part"),
}


@language_cache(maxsize=200_000)
def analyse_word(word: str) -> tuple[str, str, str, tuple[str, ...], tuple[str, ...]]:
    """Analyse one word form (cached).

    word (str): the token text.
    RETURNS (tuple): lemma, UD POS, UD feature string, all lemmas, all tags.
    """
    if not any(map(str.isalpha, word)):
        pos = "NUM" if any(map(str.isdigit, word)) else "PUNCT"
        return word, pos, "", (word,), ()
    ps = parses(word)
    if not ps:
        return word.lower(), "X", "", (word.lower(),), ()
    # the part of speech and tag string of every parse, read once (pymorphy3 computes
    # ``tag.POS`` anew on each read); ``b`` is the index of the chosen parse
    poses = [p.tag.POS for p in ps]
    tags = tuple(str(p.tag) for p in ps)
    b = 0
    # pymorphy3 scores every parse alike; for closed-class words ("до", "на",
    # "з") the function-word reading is almost always right
    adverb = poses.index("ADVB") if word.lower() in adverbs_first() and "ADVB" in poses \
        else None
    for wanted in ("PREP", "CONJ", "PRCL", "NPRO"):
        if wanted in poses:
            b = poses.index(wanted)
            break
    if adverb is not None:
        b = adverb  # "Раніше Столтенберг підтвердив", "Пізніше Рада скасувала"

    if poses[b] == "VERB" and any(g in tags[b] for g in ("impr", "1per", "2per")):
        # imperatives and first/second persons are rare in historical prose:
        # "війну" is the noun, not "(я) війну"
        noun = next((k for k, q in enumerate(poses) if q in ("NOUN", "ADJF")), None)
        if noun is not None:
            b = noun
    if "voct" in tags[b]:
        # the vocative is rare in historical prose: "Петро Порошенко" is the nominative of
        # "Петро", not the vocative of "Петра"
        other = next((k for k, q in enumerate(poses) if q == poses[b] and "voct" not in tags[k]),
                     None)
        if other is not None:
            b = other
    if poses[b] == "INFN" and not word.lower().endswith(("ти", "тися", "тись")):
        # "звільнить" is a 3rd-person future, not a colloquial short infinitive
        if "VERB" in poses:
            b = poses.index("VERB")
    best = ps[b]
    grams = set(tags[b].replace(" ", ",").split(","))
    pos = _POS.get(poses[b] or "", "X")
    if pos == "NOUN" and grams & {"Name", "Surn", "Patr", "Geox", "Orgn"}:
        pos = "PROPN"
    feats: dict[str, str] = {}
    for g in grams:
        f = _FEATS.get(g)
        if f and f[0] not in feats:
            feats[f[0]] = f[1]
    feat_str = "|".join(f"{k}={v}" for k, v in sorted(feats.items()))
    lemmas = tuple(dict.fromkeys(p.normal_form for p in ps))
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
        f = Features([], [], [], [], [], [], [])
        prev_adj: tuple[str, str] | None = None
        user_data = doc.user_data
        for token in doc:
            text = token.text
            lemma, pos, feats, lemmas, tags = analyse_word(text)
            if prev_adj is not None and pos in ("NOUN", "PROPN"):
                # agreement: after "Верховна" (femn nomn), "Рада" is the nominative
                # "рада", not the genitive plural of "рад"
                agreed = agree_with(text, *prev_adj)
                if agreed is not None:
                    lemma, pos, feats = agreed
            prev_adj = _adj_case_gender(pos, feats)
            token.lemma_ = lemma
            token.pos_ = pos
            if feats:
                token.set_morph(feats)
            # token._.lemmas, token._.tags: written where spaCy keeps them (much cheaper;
            # the key is extensions.token_extension_key's, inlined in this hot loop)
            idx = token.idx
            user_data[("._.", "lemmas", idx, None)] = lemmas
            user_data[("._.", "tags", idx, None)] = tags
            f.text.append(text)
            f.lower.append(text.lower())
            f.lemma.append(lemma)
            f.pos.append(pos)
            f.case.append(_CASE_OF.get(feats.split("Case=", 1)[1][:3]) if "Case=" in feats
                          else None)
            f.lemmas.append(lemmas)
            f.tags.append(tags)
        doc.user_data["litopys_features"] = f
        return doc


def _adj_case_gender(pos: str, feats: str) -> tuple[str, str] | None:
    """(case, gender) of an adjective's analysis, for agreement with the next noun."""
    if pos != "ADJ" or "Case=" not in feats:
        return None
    case = feats.split("Case=", 1)[1][:3]
    gender = feats.split("Gender=", 1)[1][:4].rstrip("|") if "Gender=" in feats else ""
    return case, gender


_UD_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt",
            "Loc": "loct", "Voc": "voct"}
_UD_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


@language_cache(maxsize=100_000)
def agree_with(word: str, case: str, gender: str) -> tuple[str, str, str] | None:
    """The analysis of a noun that agrees with the adjective before it, when its best
    parse does not. RETURNS (tuple | None): lemma, POS, features, or None to keep."""
    want_case = _UD_CASE.get(case)
    want_gender = _UD_GENDER.get(gender)
    if want_case is None:
        return None
    ps = parses(word)
    if not ps:
        return None
    first = str(ps[0].tag)
    if want_case in first:
        return None
    for p in ps:
        t = str(p.tag)
        if p.tag.POS == "NOUN" and want_case in t and (want_gender is None or want_gender in t):
            grams = set(t.replace(" ", ",").split(","))
            feats: dict[str, str] = {}
            for g in grams:
                fe = _FEATS.get(g)
                if fe and fe[0] not in feats:
                    feats[fe[0]] = fe[1]
            pos = "PROPN" if grams & {"Name", "Surn", "Patr"} else "NOUN"
            return p.normal_form, pos, "|".join(f"{k}={v}" for k, v in sorted(feats.items()))
    return None


_CASE_OF = {"Nom": "Nom", "Gen": "Gen", "Dat": "Dat", "Acc": "Acc", "Ins": "Ins", "Loc": "Loc",
            "Voc": "Voc"}


@dataclass
class Features:
    """Per-token analyses as plain lists: reading them is much faster than
    creating spaCy Token objects in the hot loops of later stages."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    case: list[str | None]
    lemmas: list[tuple[str, ...]]
    tags: list[tuple[str, ...]]


def features(doc: Doc) -> Features:
    """The per-token feature lists of a doc (computed if the Morphology stage did not run)."""
    f = doc.user_data.get("litopys_features")
    if f is None:
        f = Features(
            [t.text for t in doc], [t.lower_ for t in doc], [t.lemma_ for t in doc],
            [t.pos_ for t in doc],
            [(t.morph.get("Case") or [None])[0] for t in doc],
            [t._.lemmas or (t.lemma_,) for t in doc], [t._.tags for t in doc],
        )
        doc.user_data["litopys_features"] = f
    return f


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
        texts = [t.text for t in doc]
        ws = [t.whitespace_ for t in doc]
        starts = [False] * n
        starts[0] = True
        for i in range(1, n):
            prev = texts[i - 1]
            if "\n" in prev or "\n" in ws[i - 1]:
                starts[i] = not texts[i].isspace() or "\n" in texts[i]
                continue
            if texts[i].isspace() or not _ends_sentence(texts, i - 1):
                continue
            # what follows must look like a sentence start
            j = i
            while j < n and (texts[j] in _OPENERS or texts[j].isspace()):
                j += 1
            if j < n and (texts[j][:1].isupper() or texts[j][:1].isdigit()) and \
                    not (texts[j][:1].isdigit() and _month_before(texts, i - 1)):
                starts[i] = True
        _cap_sentences(texts, starts)
        arr = numpy.array([1 if x else -1 for x in starts], dtype="int64").astype("uint64")
        arr = arr.reshape(-1, 1)
        doc.from_array([SENT_START], arr)
        _store_sentence_index(doc, starts)
        return doc


# Text without spaces or full stops ("1932р.СРСР,Китай;..." over pages) gives no
# boundary; stages that look across a sentence would then scale with its square.
# Real sentences of historical prose stay far below this (the dev set: 110 tokens).
MAX_SENTENCE_TOKENS = 300
_SOFT_BREAKS = (frozenset(";:"), frozenset("—–"), frozenset(","))  # strongest first


def _cap_sentences(texts: list[str], starts: list[bool],
                   cap: int = MAX_SENTENCE_TOKENS) -> None:
    """Break a run longer than ``cap`` tokens after its last ";" or ":" in the
    second half of the window, else its last dash, else its last comma, else at
    ``cap`` (in place)."""
    n = len(texts)
    begin = 0
    for i in range(1, n + 1):
        if i < n and not starts[i]:
            continue
        s = begin
        while i - s > cap:
            window = range(s + cap - 1, s + cap // 2, -1)
            cut = next((j + 1 for marks in _SOFT_BREAKS for j in window if texts[j] in marks),
                       s + cap)
            starts[cut] = True
            s = cut
        begin = i


def _month_before(texts: list[str], k: int) -> bool:
    """Is token k the full stop of an abbreviated month name ("апр." or "апр", ".")?"""
    t = texts[k]
    if t.endswith(".") and t != ".":
        return t[:-1].lower() in MONTH_ABBREVIATIONS
    return t == "." and k > 0 and texts[k - 1].lower() in MONTH_ABBREVIATIONS


def _ends_sentence(texts: list[str], k: int) -> bool:
    """Does token k close a sentence (allowing closing quotes after it)?"""
    while k >= 0 and texts[k] in _CLOSERS:
        k -= 1
    if k < 0:
        return False
    t = texts[k]
    if t in ("!", "?", "…", "...", "?!", "!?"):
        return True
    if t.endswith(".") and t != ".":
        # "Д." "р." "т.д." are abbreviations or initials
        core = t[:-1]
        if len(core) == 1 and core.isalpha():
            return False
        return core.lower() not in NO_BREAK_AFTER
    if t == ".":
        if k == 0:
            return True
        before = texts[k - 1]
        if len(before) == 1 and before.isalpha() and before.isupper():
            return False  # an initial split from its dot
        return before.lower() not in NO_BREAK_AFTER
    return False


def _store_sentence_index(doc: Doc, starts: list[bool]) -> None:
    first: list[int] = []
    number: list[int] = []
    cur, k = 0, -1
    for i, is_start in enumerate(starts):
        if is_start or i == 0:
            cur, k = i, k + 1
        first.append(cur)
        number.append(k)
    doc.user_data["litopys_sent_first"] = first
    doc.user_data["litopys_sent_no"] = number


def sentence_index(doc: Doc) -> tuple[list[int], list[int]]:
    """For every token: the index of the first token of its sentence, and the
    sentence number. Cached on the doc (computing ``token.sent`` per token is slow).
    """
    if "litopys_sent_first" not in doc.user_data:
        starts = [t.is_sent_start or i == 0 for i, t in enumerate(doc)] \
            if doc.has_annotation("SENT_START") else [i == 0 for i in range(len(doc))]
        _store_sentence_index(doc, starts)
    return doc.user_data["litopys_sent_first"], doc.user_data["litopys_sent_no"]
