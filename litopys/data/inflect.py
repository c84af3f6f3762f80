"""Case forms of names and phrases: the inflection engine behind the build tables.

``scripts/build_data.py`` (through :mod:`litopys.data.tables`) expands every
curated name into the forms texts use: ``inflect_phrase`` for actor names and
offices (the head noun and the adjectives agreeing with it inflect; genitive
complements and abbreviations stay), ``inflect_adjective`` and
``inflect_plural_noun`` for relational adjectives and demonyms, ``inflect_name``
for personal names. Morphology comes from pymorphy3 (Ukrainian dictionaries;
Russian ones for the Russian-script forms machine translation leaves in); the
hand paradigms of ``litopys/lang/<code>/inflect.yaml`` cover the words the
dictionaries lack, so this module holds no word of any language.

DOCS: docs/ARCHITECTURE.md
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import pymorphy3

from litopys.data.gazetteer import normalize_form
from litopys.lang import load as load_lang

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
"""The six cases the tables hold (the vocative is never indexed)."""

_ABBR = re.compile(r"^([^\W_]{2,})(?:\(([^\W\d_]+)\))?$")
_HAS_LETTER = re.compile(r"[^\W\d_]")

Paradigm = dict[str, set[str]]
"""Case -> forms."""


@lru_cache(maxsize=8)
def hand_rules(lang: str) -> dict[str, Any] | None:
    """The hand paradigms of a language (``litopys/lang/<lang>/inflect.yaml``), or
    None when the language has none (its dictionaries alone are used).

    RETURNS (dict | None): the parsed file (cached: do not mutate).
    """
    try:
        return load_lang("inflect", lang)
    except FileNotFoundError:
        return None


def _apply(stem: str, table: dict[str, list[str]]) -> Paradigm:
    return {case: {stem + end for end in ends} for case, ends in table.items()}


@lru_cache(maxsize=2)
def analyzer(lang: str) -> pymorphy3.MorphAnalyzer:
    """Return a cached pymorphy3 analyzer for "uk" or "ru"."""
    return pymorphy3.MorphAnalyzer(lang=lang)


def is_abbr(token: str) -> bool:
    """Whether a token is an abbreviation that never inflects ("СРСР", "ВКП(б)"): two or
    more capitals or digits, in any script, with an optional lower-case part in brackets."""
    m = _ABBR.match(token)
    return bool(m) and all(c.isdecimal() or c.isupper() for c in m.group(1)) and (
        m.group(2) is None or m.group(2).islower())


def _number(tag) -> str:
    return "plur" if "plur" in tag.grammemes else "sing"


def _gender(tag) -> str | None:
    for gender in ("masc", "femn", "neut"):
        if gender in tag.grammemes:
            return gender
    return None


def _case_set(tag) -> set[str]:
    """The cases of a tag; a form without any case grammeme is the dictionary
    (nominative) form, as for "секретар" in the Ukrainian dictionaries."""
    cases = {case for case in CASES if case in tag.grammemes}
    if cases or tag.grammemes & {"voct", "gen2", "loc2", "acc2"}:
        return cases
    return {"nomn"}


def _known(word: str, lang: str) -> bool:
    return analyzer(lang).word_is_known(word)


def _pick(word: str, lang: str, pos: str, number: str | None = None, gender: str | None = None):
    """Return the first dictionary parse of ``word`` as a nominative ``pos``."""
    if not _known(word, lang):
        return None
    for parse in analyzer(lang).parse(word):
        tag = parse.tag
        if tag.POS != pos or "nomn" not in _case_set(tag):
            continue
        if number and _number(tag) != number:
            continue
        if gender and number == "sing" and _gender(tag) != gender:
            continue
        return parse
    return None


def _lexeme_by_case(parse, number: str, gender: str | None) -> dict[str, set[str]]:
    """Group the forms of a parse's lexeme by case, for one number (and gender)."""
    forms: dict[str, set[str]] = {case: set() for case in CASES}
    for form in parse.lexeme:
        tag = form.tag
        if tag.POS != parse.tag.POS or _number(tag) != number:
            continue
        if gender and number == "sing" and tag.POS == "ADJF" and _gender(tag) != gender:
            continue
        for case in _case_set(tag):
            forms[case].add(form.word)
    return forms


def _hand_noun(word: str, lang: str) -> Paradigm | None:
    """Case forms of an unknown noun by its ending (the language's hand paradigms), or None."""
    rules = hand_rules(lang)
    lower = word.lower()
    if rules is None or len(lower) < rules["noun"]["min_length"]:
        return None
    for rule in rules["noun"]["endings"]:
        if lower.endswith(rule["ending"]):
            return _apply(lower[: -len(rule["ending"])], rule["cases"])
    if lower[-1] in rules["consonants"]:
        return _apply(lower, rules["noun"]["consonant"])
    return None


def genitive_variants(name: str, forms: set[str], lang: str = "uk") -> set[str]:
    """The forms of a one-word place name on a consonant with every genitive ending of the
    language's unknown masculine nouns, where the dictionary gave one of them: texts write
    "Тясмина" and "Тясмину", "Стира" and "Стиру" (``noun.consonant.gent`` of the hand
    paradigms).

    name (str): the nominative name ("Тясмин").
    forms (set[str]): its forms so far (normalised).
    lang (str): the language of the name.
    RETURNS (set[str]): the forms with the other genitive endings added.
    """
    rules = hand_rules(lang)
    lower = normalize_form(name)
    if rules is None or " " in lower or "-" in lower or not lower or \
            lower[-1] not in rules.get("consonants", ""):
        return forms
    endings = (rules.get("noun", {}).get("consonant") or {}).get("gent") or []
    if not any(lower + end in forms for end in endings):
        return forms
    return forms | {lower + end for end in endings}


def _noun_cases(word: str, lang: str) -> tuple[dict[str, set[str]] | None, str, str | None]:
    """Case forms of a head noun, with its number and gender."""
    lower = word.lower()
    parse = _pick(lower, lang, "NOUN")
    if parse is not None:
        number, gender = _number(parse.tag), _gender(parse.tag)
        cases = _lexeme_by_case(parse, number, gender)
        animate = "inan" not in parse.tag.grammemes
        for other in analyzer(lang).parse(lower):
            # the dictionary may hold one noun twice, with the two genitives of a
            # masculine noun on a consonant ("універсала" and "універсалу"): both are its
            if other.tag.POS == "NOUN" and other.normal_form == parse.normal_form and \
                    "nomn" in _case_set(other.tag) and _number(other.tag) == number and \
                    _gender(other.tag) == gender and \
                    ("inan" not in other.tag.grammemes) == animate:
                for form in other.lexeme:
                    tag = form.tag
                    if tag.POS == "NOUN" and _number(tag) == number and \
                            (gender is None or _gender(tag) == gender):
                        # (not the accusative: some inanimate lexemes give "акта" as one)
                        for case in _case_set(tag) - {"accs"}:
                            cases[case].add(form.word)
        return cases, number, gender
    if "-" in lower:
        # An unknown compound ("маньчжоу-го", "брест-литовськ"): inflect the last part.
        prefix, _, last = lower.rpartition("-")
        cases, number, gender = _noun_cases(last, lang)
        if cases is not None:
            return (
                {case: {f"{prefix}-{form}" for form in forms} for case, forms in cases.items()},
                number,
                gender,
            )
        return None, "sing", None
    hand = _hand_noun(lower, lang)
    if hand is not None:
        gender = "masc" if lower[-1] in hand_rules(lang)["consonants"] else "femn"  # type: ignore[index]
        return hand, "sing", gender
    return None, "sing", None


def _adjective_parse(word: str, lang: str, number: str | None = None, gender: str | None = None):
    lower = word.lower()
    parse = _pick(lower, lang, "ADJF", number, gender)
    if parse is None and "-" in lower:
        prefix, _, last = lower.rpartition("-")
        inner = _pick(last, lang, "ADJF", number, gender)
        if inner is not None:
            return prefix, inner
    return ("", parse) if parse is not None else None


def _hand_adjective_stem(word: str, lang: str) -> tuple[str, dict[str, Any]] | None:
    """The stem of an unknown hard-stem adjective ("нанкинський"), with the rules."""
    rules = hand_rules(lang)
    if rules is None:
        return None
    adj = rules["adjective"]
    lower = word.lower()
    ending = adj["ending"]
    if (len(lower) > adj["longer_than"] and lower.endswith(ending)
            and lower[-len(ending) - 1] in rules["consonants"]):
        return lower[: -len(ending)], adj
    return None


def _hand_adjective(word: str, lang: str) -> set[str] | None:
    """All forms of an unknown hard-stem adjective, or None."""
    found = _hand_adjective_stem(word, lang)
    if found is None:
        return None
    stem, adj = found
    return {stem + ending for ending in adj["forms"]}


def _hand_adjective_cases(word: str, lang: str, number: str,
                          gender: str | None) -> Paradigm | None:
    """Case forms of an unknown hard-stem adjective agreeing in number and gender."""
    found = _hand_adjective_stem(word, lang)
    if found is None:
        return None
    stem, adj = found
    return _apply(stem, adj["cases"]["plur" if number == "plur" else (gender or "masc")])


def _modifier_cases(
    word: str, lang: str, number: str, gender: str | None, own: bool
) -> dict[str, set[str]] | None:
    """Case forms of an adjective agreeing with a head (or with itself if ``own``)."""
    found = _adjective_parse(word, lang, None if own else number, None if own else gender)
    if found is None:
        rules = hand_rules(lang)
        if rules and word.lower().endswith(rules["adjective"]["ending"]) and not own:
            return _hand_adjective_cases(word, lang, number, gender)
        return None
    prefix, parse = found
    if own:
        number, gender = _number(parse.tag), _gender(parse.tag)
    cases = _lexeme_by_case(parse, number, gender)
    if prefix:
        cases = {case: {f"{prefix}-{form}" for form in forms} for case, forms in cases.items()}
    return cases


def _looks_adjective(word: str, lang: str) -> bool:
    lower = word.lower()
    if _pick(lower, lang, "ADJF") is not None:
        return True
    if "-" in lower and _pick(lower.rpartition("-")[2], lang, "ADJF") is not None:
        return True
    return not _known(lower, lang) and _hand_adjective(lower, lang) is not None


def inflect_phrase(phrase: str, lang: str = "uk", numbers: Iterable[str] | None = None) -> set[str]:
    """Return the case forms of a nominative name or phrase.

    phrase (str): A nominative phrase ("Велика Британія", "Статут ООН").
    lang (str): "uk" or "ru": which morphology to use.
    numbers (Iterable[str] | None): Extra numbers for the head noun (e.g.
        ("sing", "plur") for offices); None keeps the number as written.
    RETURNS (set[str]): Normalised forms, always including the phrase itself.
    """
    tokens = phrase.split()
    result = {normalize_form(phrase)}
    if not tokens or all(is_abbr(t) or not _HAS_LETTER.search(t) for t in tokens):
        return result
    # Leading adjectives agree with the head noun that follows them; a leading Roman
    # ordinal stays as written ("I Універсал": "I Універсалу").
    numeral = len(tokens) > 1 and tokens[0].isupper() and \
        bool(_ROMAN_LOOKALIKE.match(tokens[0].lower()))
    head = 1 if numeral else 0
    while (
        head < len(tokens) - 1
        and not is_abbr(tokens[head])
        and _looks_adjective(tokens[head], lang)
    ):
        head += 1
    head_token = tokens[head]
    if is_abbr(head_token) or not _HAS_LETTER.search(head_token):
        head_cases, number, gender = None, "sing", None
    else:
        head_cases, number, gender = _noun_cases(head_token, lang)
        if head_cases is None and head == len(tokens) - 1 and _looks_adjective(head_token, lang):
            # A lone adjective used as a name ("Уповноважений"): inflect it on its own.
            head_cases = _modifier_cases(head_token, lang, "sing", None, own=True)
    animate = True
    if head_cases is not None:
        head_parse = _pick(head_token.lower(), lang, "NOUN")
        animate = head_parse is None or "inan" not in head_parse.tag.grammemes
    variants = [(number, gender, head_cases)]
    if numbers:
        for extra in numbers:
            if extra != number and head_cases is not None:
                parse = _pick(head_token.lower(), lang, "NOUN")
                if parse is not None:
                    variants.append((extra, gender, _lexeme_by_case(parse, extra, gender)))
    for var_number, var_gender, cases in variants:
        own = cases is None
        slots: list[dict[str, set[str]] | None] = []
        for index, token in enumerate(tokens):
            if numeral and index == 0:
                slots.append(None)
            elif index < head:
                modifier = _modifier_cases(token, lang, var_number, var_gender, own)
                if modifier and not animate:
                    # Inanimate heads take the nominative-like accusative:
                    # "на Радянський Союз", never "на Радянського Союз".
                    modifier["accs"] -= modifier["gent"] - modifier["nomn"]
                slots.append(modifier)
            elif index == head:
                slots.append(cases)
            else:
                slots.append(None)
        # Postposed agreeing adjectives: "Річ Посполита", "Військо Польське".
        index = head + 1
        while not own and index < len(tokens) and not is_abbr(tokens[index]):
            found = _adjective_parse(tokens[index], lang, var_number, var_gender)
            if found is None:
                break
            slots[index] = _modifier_cases(tokens[index], lang, var_number, var_gender, False)
            index += 1
        # A proper-noun apposition after a common head may or may not inflect:
        # "Королівства Угорщина" and "Королівства Угорщини" both occur.
        if not own and index == head + 1 and index < len(tokens) and tokens[index][:1].isupper():
            appositive = tokens[index]
            parse = None if is_abbr(appositive) else _pick(appositive.lower(), lang, "NOUN")
            # "Країна Рад": "рад" is a genitive plural, not an apposition.
            oblique = _known(appositive.lower(), lang) and any(
                parse_.tag.POS == "NOUN" and "nomn" not in _case_set(parse_.tag)
                for parse_ in analyzer(lang).parse(appositive.lower())
            )
            if parse is not None and not oblique and head_token[:1].isupper():
                cases_app = _lexeme_by_case(parse, _number(parse.tag), _gender(parse.tag))
                slots[index] = {case: forms | {appositive} for case, forms in cases_app.items()}
        for case in CASES:
            choices = []
            for token, slot in zip(tokens, slots, strict=True):
                if slot is None:
                    choices.append([token])
                elif slot.get(case):
                    choices.append(sorted(slot[case]))
                else:
                    break  # an inflecting word lacks this case: skip the case
            if len(choices) < len(tokens):
                continue
            for combo in itertools.product(*choices):
                result.add(normalize_form(" ".join(combo)))
    return result


def inflect_adjective(word: str, lang: str = "uk") -> set[str]:
    """Return every gender, number and case form of a relational adjective.

    word (str): Masculine nominative singular ("радянський").
    lang (str): "uk" or "ru".
    RETURNS (set[str]): Normalised forms (short and comparative forms excluded).
    """
    lower = word.lower()
    result = {normalize_form(lower)}
    found = _adjective_parse(lower, lang)
    if found is None:
        return result | (_hand_adjective(lower, lang) or set())
    prefix, parse = found
    for form in parse.lexeme:
        grammemes = form.tag.grammemes
        if form.tag.POS != "ADJF" or "voct" in grammemes or grammemes & {"COMP", "Supr", "Cmp2"}:
            continue
        result.add(normalize_form(f"{prefix}-{form.word}" if prefix else form.word))
    return result


def inflect_plural_noun(word: str, lang: str = "uk") -> set[str]:
    """Return the plural case forms of a demonym ("поляки" -> "поляків", ...)."""
    lower = word.lower()
    result = {normalize_form(lower)}
    parse = _pick(lower, lang, "NOUN", "plur")
    if parse is None:
        return result
    for forms in _lexeme_by_case(parse, "plur", None).values():
        result.update(normalize_form(form) for form in forms)
    return result


def compound_prefix(adjective: str, lang: str = "uk") -> str | None:
    """The first part of a hyphenated compound: "китайський" -> "китайсько"."""
    rules = hand_rules(lang)
    if rules is None:
        return None
    rule = rules["compound_prefix"]
    if adjective.endswith(tuple(rule["suffixes"])):
        return adjective[: -rule["replace"]] + rule["with"]
    return None


_ROMAN = re.compile(r"^[ivxlc]+$")
_ROMAN_LOOKALIKE = re.compile(r"^[ivxlcіх]+$")  # Cyrillic І and Х typed for I and X


def _is_frozen(word: str) -> bool:
    """Whether a lowercased name token never inflects: a regnal number, a
    particle ("фон"), an initial ("т.") or punctuation."""
    return (
        bool(_ROMAN.match(word))
        or word in hand_rules("uk")["particles"]  # type: ignore[index]
        or word.endswith(".")
        or not _HAS_LETTER.search(word)
    )


def with_cyrillic_numerals(forms: set[str], lang: str = "uk") -> set[str]:
    """Add "петро і" for "петро i" (Latin) where every numeral has a look-alike."""
    rules = hand_rules(lang)
    if rules is None:
        return forms
    table = str.maketrans(rules["roman_lookalikes"])
    extra = set()
    for form in forms:
        tokens = form.split()
        numerals = [t for t in tokens if _ROMAN.match(t)]
        if numerals and all(c in rules["roman_lookalikes"] for t in numerals for c in t):
            extra.add(" ".join(t.translate(table) if _ROMAN.match(t) else t for t in tokens))
    return forms | extra


def _fixed(word: str) -> dict[str, set[str]]:
    return {case: {word} for case in CASES}


def _name_rule_matches(rule: dict[str, Any], word: str, gender: str) -> bool:
    """Whether a name rule's conditions (gender, suffixes, length, letters) all hold."""
    if "gender" in rule and rule["gender"] != gender:
        return False
    if "longer_than" in rule and len(word) <= rule["longer_than"]:
        return False
    if "last_not_in" in rule and word[-1] in rule["last_not_in"]:
        return False
    if "suffixes" in rule:
        suffix = next((s for s in rule["suffixes"] if word.endswith(s)), None)
        if suffix is None:
            return False
        if "before_suffix" in rule and word[-len(suffix) - 1] not in rule["before_suffix"]:
            return False
    return True


def _hand_name_word(word: str, gender: str, lang: str = "uk") -> Paradigm:
    """Case forms of a name word the dictionaries lack, by the first matching rule
    of the language's hand paradigms (``names`` in ``lang/<code>/inflect.yaml``).

    In Ukrainian, foreign names ending in a vowel other than -а/-я, and women's
    names on a consonant, are indeclinable; Ukrainian-style -ко names decline.
    """
    rules = hand_rules(lang)
    for rule in rules["names"] if rules else ():
        if not _name_rule_matches(rule, word, gender):
            continue
        if rule.get("fixed"):
            return _fixed(word)
        stem = word[: len(word) - rule["cut"]]
        forms = _apply(stem, rule["cases"])
        palatal = rule.get("palatal_dative")
        if palatal:
            soft = palatal["soften"]
            base = stem[:-1] + soft[stem[-1]] if stem[-1] in soft else stem
            forms["datv"] = forms["loct"] = {base + palatal["ending"]}
        for override in rule.get("overrides", ()):
            if _name_rule_matches(override, word, gender):
                forms.update(_apply(stem, override["cases"]))
        return forms
    return _fixed(word)


def _dictionary_name_word(word: str, gender: str, kinds: tuple[str, ...], lang: str = "uk"):
    """Case forms from a pymorphy3 parse tagged with one of ``kinds`` ("Surn",
    "Name", "Patr") in the right gender; the fixed paradigm for an
    indeclinable (Fixd) parse; None if the dictionaries have no such parse."""
    if not _known(word, lang):
        return None
    want = "femn" if gender == "f" else "masc"
    for kind in kinds:
        for parse in analyzer(lang).parse(word):
            tag = parse.tag
            if kind not in tag.grammemes or tag.POS != "NOUN" or want not in tag.grammemes:
                continue
            if "nomn" not in tag.grammemes or "plur" in tag.grammemes:
                continue
            if "Fixd" in tag.grammemes:
                return _fixed(word)
            forms: dict[str, set[str]] = {case: set() for case in CASES}
            for form in parse.lexeme:
                grammemes = form.tag.grammemes
                if "plur" in grammemes or ({"masc", "femn"} & grammemes - {want}):
                    continue
                for case in CASES:
                    if case in grammemes:
                        forms[case].add(form.word)
            forms["nomn"].add(word)
            if all(forms.values()):
                return forms
    return None


@lru_cache(maxsize=8192)
def _name_word_cases(word: str, gender: str, kinds: tuple[str, ...], lang: str = "uk") -> tuple:
    """Case forms of one lowercased name word (read with the morphology of ``lang``), as a
    hashable (case, forms) tuple."""
    if _is_frozen(word):
        forms = _fixed(word)
    else:
        forms = _dictionary_name_word(word, gender, kinds, lang) or None
        if forms is None and "-" in word:
            # The last part always declines ("абдул-гаміда", "кай-шека"); the
            # earlier ones too when the dictionaries know them as names
            # ("ульянова-леніна", "буша-молодшого").
            parts = word.split("-")
            tables = [dict(_name_word_cases(part, gender, kinds, lang)) for part in parts]
            forms = {case: set() for case in CASES}
            prefix = "-".join(parts[:-1])
            both = all(_dictionary_name_word(part, gender, kinds, lang) for part in parts[:-1])
            for case in CASES:
                forms[case].update(f"{prefix}-{form}" for form in tables[-1][case])
                if both:
                    for combo in itertools.product(*(sorted(t[case]) for t in tables)):
                        forms[case].add("-".join(combo))
        if forms is None:
            # Epithets and ordinals: "Петро Великий", "Катерина Друга".
            parse = _pick(word, lang, "ADJF")
            if parse is not None:
                forms = _lexeme_by_case(parse, "sing", "femn" if gender == "f" else "masc")
                forms["nomn"].add(word)
                if gender != "f":
                    # A person is animate: "Петра Першого", never "Петра Перший".
                    forms["accs"] = set(forms["gent"])
                if not all(forms.values()):
                    forms = None
        if forms is None:
            forms = _hand_name_word(word, gender, lang)
    return tuple((case, tuple(sorted(forms[case]))) for case in CASES)


def inflect_name(
    phrase: str, gender: str = "m", mode: str = "last", kinds: tuple[str, ...] = ("Surn",),
    lang: str = "uk",
) -> dict[str, set[str]]:
    """Return the singular case forms of a personal name or name phrase.

    phrase (str): Nominative name ("Молотов", "Мао Цзедун", "Франц Йосиф I").
    gender (str): "m" or "f".
    mode (str): "last" inflects only the last word that can inflect, "all"
        every word (regnal names), "fixed" none.
    kinds (tuple[str, ...]): pymorphy3 name grammemes to try, in order.
    lang (str): the language the name is written in ("ru": a Russian display name).
    RETURNS (dict[str, set[str]]): Normalised forms by case.
    """
    tokens = normalize_form(phrase).split()
    if mode == "fixed" or not tokens:
        return _fixed(" ".join(tokens))
    if mode == "all":
        # Regnal names are first names: "Петра I", "Катерини II".
        kinds = ("Name", "Patr", *kinds)
    tables = [dict(_name_word_cases(token, gender, kinds, lang)) for token in tokens]
    inflecting = [
        i
        for i, token in enumerate(tokens)
        if not _is_frozen(token)
    ]
    if mode == "last" and inflecting:
        keep = inflecting[-1]
        tables = [table if i == keep else _fixed(tokens[i]) for i, table in enumerate(tables)]
    result: dict[str, set[str]] = {}
    for case in CASES:
        result[case] = {
            normalize_form(" ".join(combo))
            for combo in itertools.product(*(sorted(table[case]) for table in tables))
        }
    return result


def given_cases(given: str, gender: str, lang: str = "uk") -> list[dict[str, set[str]]]:
    """Case forms of the first name alone and of the whole given part."""
    words = given.split()
    kinds = ("Name", "Patr", "Surn")
    variants = [inflect_name(words[0], gender, "all", kinds, lang)]
    if len(words) > 1:
        variants.append(inflect_name(given, gender, "all", kinds, lang))
    return variants


def initials(given: str) -> list[str]:
    """"Й.", "Й. В." for "Йосип Віссаріонович"."""
    letters = [word[0].lower() + "." for word in given.split() if word[:1].isalpha()]
    return [" ".join(letters[: n + 1]) for n in range(len(letters))]
