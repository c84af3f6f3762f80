"""Compile the curated actor dictionary and offices lexicon into build tables.

    python scripts/build_data.py [--out DIR]

Reads litopys/data/curated/actors.yaml and offices.yaml and writes, sorted and
deterministic, to litopys/data/build/ (or DIR):

- gazetteer.jsonl: one line per (inflected form, actor id)
- actors.jsonl: one line per actor record
- offices.jsonl: one line per (inflected form, office)
- persons.jsonl: one line per person (from persons.yaml), with every case
  form of the surname and of "given surname" / "surname given"

Inflection uses pymorphy3 (Ukrainian dictionaries; Russian ones for the
Russian-script forms machine translation leaves in). In a multiword name the
head noun and the adjectives agreeing with it inflect, the words after them
(genitive complements, abbreviations) stay as written.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pymorphy3
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from litopys.data.gazetteer import normalize_form  # noqa: E402

CURATED_DIR = ROOT / "litopys" / "data" / "curated"
BUILD_DIR = ROOT / "litopys" / "data" / "build"

ACTOR_TYPES = ("GPE", "ORG", "LOC", "DOC")
OFFICE_CATEGORIES = (
    "head_of_state",
    "head_of_government",
    "minister",
    "diplomat",
    "military",
    "party",
    "academic",
    "other",
)
ACTOR_FIELDS = {
    "id",
    "type",
    "name",
    "cameo",
    "wikidata",
    "polity",
    "polity_history",
    "capital",
    "years",
    "aliases",
    "aliases_by_lang",
    "adjectives",
    "adjectives_by_lang",
    "prefixes",
    "demonyms",
    "forms",
}
OFFICE_FIELDS = {"office", "gloss", "category", "aliases", "ru"}
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# When one form has several kinds for the same actor, keep the strongest.
KIND_RANK = {"name": 0, "abbr": 1, "alias": 2, "demonym": 3, "adjective": 4, "prefix": 5}

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_CAMEO = re.compile(r"^(?:[A-Z]{3})+$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ABBR = re.compile(r"^[А-ЯІЇЄҐA-Z0-9]{2,}(?:\([а-яіїєґa-z]+\))?$")
_HAS_LETTER = re.compile(r"[^\W\d_]")

# Hand paradigms for words pymorphy3 does not know: ending -> endings per case.
_NOUN_RULES_UK: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    (
        "ія",
        {
            "nomn": ("ія",),
            "gent": ("ії",),
            "datv": ("ії",),
            "accs": ("ію",),
            "ablt": ("ією",),
            "loct": ("ії",),
        },
    ),
    (
        "ка",
        {
            "nomn": ("ка",),
            "gent": ("ки",),
            "datv": ("ці",),
            "accs": ("ку",),
            "ablt": ("кою",),
            "loct": ("ці",),
        },
    ),
    (
        "а",
        {
            "nomn": ("а",),
            "gent": ("и",),
            "datv": ("і",),
            "accs": ("у",),
            "ablt": ("ою",),
            "loct": ("і",),
        },
    ),
    (
        "я",
        {
            "nomn": ("я",),
            "gent": ("і",),
            "datv": ("і",),
            "accs": ("ю",),
            "ablt": ("ею",),
            "loct": ("і",),
        },
    ),
)
_MASC_CONSONANT_UK = {
    "nomn": ("",),
    "gent": ("а", "у"),
    "datv": ("у", "ові"),
    "accs": ("",),
    "ablt": ("ом",),
    "loct": ("і", "у"),
}
_ADJ_ENDINGS_UK = (
    "ий",
    "ого",
    "ому",
    "им",
    "ім",
    "а",
    "ої",
    "ій",
    "у",
    "ою",
    "е",
    "і",
    "их",
    "ими",
)
_CONSONANTS = set("бвгґджзклмнпрстфхцчшщ")


class BuildError(ValueError):
    """A curated entry is malformed; the message names the entry and the fix."""


@lru_cache(maxsize=2)
def analyzer(lang: str) -> pymorphy3.MorphAnalyzer:
    """Return a cached pymorphy3 analyzer for "uk" or "ru"."""
    return pymorphy3.MorphAnalyzer(lang=lang)


def is_abbr(token: str) -> bool:
    """Whether a token is an abbreviation that never inflects ("СРСР", "ВКП(б)")."""
    return bool(_ABBR.match(token))


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


def _hand_noun(word: str) -> dict[str, set[str]] | None:
    """Ukrainian case forms of an unknown noun by its ending, or None."""
    lower = word.lower()
    if len(lower) < 4:
        return None
    for ending, paradigm in _NOUN_RULES_UK:
        if lower.endswith(ending):
            stem = lower[: -len(ending)]
            return {case: {stem + end for end in ends} for case, ends in paradigm.items()}
    if lower[-1] in _CONSONANTS:
        return {case: {lower + end for end in ends} for case, ends in _MASC_CONSONANT_UK.items()}
    return None


def _noun_cases(word: str, lang: str) -> tuple[dict[str, set[str]] | None, str, str | None]:
    """Case forms of a head noun, with its number and gender."""
    lower = word.lower()
    parse = _pick(lower, lang, "NOUN")
    if parse is not None:
        number, gender = _number(parse.tag), _gender(parse.tag)
        return _lexeme_by_case(parse, number, gender), number, gender
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
    if lang == "uk":
        hand = _hand_noun(lower)
        if hand is not None:
            gender = "masc" if lower[-1] in _CONSONANTS else "femn"
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


def _hand_adjective(word: str) -> set[str] | None:
    """All forms of an unknown Ukrainian hard-stem adjective ("нанкинський")."""
    lower = word.lower()
    if len(lower) > 4 and lower.endswith("ий") and lower[-3] in _CONSONANTS:
        stem = lower[:-2]
        return {stem + ending for ending in _ADJ_ENDINGS_UK}
    return None


def _hand_adjective_cases(word: str, number: str, gender: str | None) -> dict[str, set[str]] | None:
    lower = word.lower()
    if not (len(lower) > 4 and lower.endswith("ий") and lower[-3] in _CONSONANTS):
        return None
    stem = lower[:-2]
    table = {
        "masc": {
            "nomn": "ий",
            "gent": "ого",
            "datv": "ому",
            "accs": "ий",
            "ablt": "им",
            "loct": "ому",
        },
        "femn": {"nomn": "а", "gent": "ої", "datv": "ій", "accs": "у", "ablt": "ою", "loct": "ій"},
        "neut": {
            "nomn": "е",
            "gent": "ого",
            "datv": "ому",
            "accs": "е",
            "ablt": "им",
            "loct": "ому",
        },
        "plur": {"nomn": "і", "gent": "их", "datv": "им", "accs": "і", "ablt": "ими", "loct": "их"},
    }
    row = table["plur" if number == "plur" else (gender or "masc")]
    return {case: {stem + end} for case, end in row.items()}


def _modifier_cases(
    word: str, lang: str, number: str, gender: str | None, own: bool
) -> dict[str, set[str]] | None:
    """Case forms of an adjective agreeing with a head (or with itself if ``own``)."""
    found = _adjective_parse(word, lang, None if own else number, None if own else gender)
    if found is None:
        if lang == "uk" and word.lower().endswith("ий") and not own:
            return _hand_adjective_cases(word, number, gender)
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
    return lang == "uk" and not _known(lower, lang) and _hand_adjective(lower) is not None


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
    # Leading adjectives agree with the head noun that follows them.
    head = 0
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
            if index < head:
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
        hand = _hand_adjective(lower) if lang == "uk" else None
        return result | (hand or set())
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


def _compound_prefix(adjective: str) -> str | None:
    """The first part of a hyphenated compound: "китайський" -> "китайсько"."""
    for suffix in ("ський", "цький", "зький"):
        if adjective.endswith(suffix):
            return adjective[:-2] + "о"
    return None


def _check_entry(entry: object, file: str, kind: str, required: set[str],
                 allowed: set[str] | frozenset[str], ids: set[str]) -> str:
    """Check one curated entry's shape and id; record the id.

    entry (object): the YAML entry.
    file (str): the file name, for messages.
    kind (str): "actor" or "person", for messages.
    required (set[str]): fields it must have.
    allowed (set[str]): fields it may have.
    ids (set[str]): ids seen so far in the file; the entry's id is added.
    RETURNS (str): the id.
    """
    if not isinstance(entry, dict):
        raise BuildError(f"{file} entry {entry!r} is not a mapping")
    missing = required - entry.keys()
    if missing:
        raise BuildError(f"{file} entry {entry!r} lacks {sorted(missing)}")
    entry_id = entry["id"]
    unknown = entry.keys() - allowed
    if unknown:
        raise BuildError(
            f"{kind} {entry_id!r} has unknown fields {sorted(unknown)}; allowed: {sorted(allowed)}"
        )
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise BuildError(f"{kind} id {entry_id!r} must be snake_case ASCII")
    if entry_id in ids:
        raise BuildError(f"{kind} id {entry_id!r} is used twice; ids must be unique")
    ids.add(entry_id)
    return entry_id


def validate_actors(entries: list) -> None:
    """Check the curated actor entries; raise BuildError naming the fix."""
    if not isinstance(entries, list):
        raise BuildError("actors.yaml must be a YAML list of mappings")
    ids: set[str] = set()
    for entry in entries:
        actor_id = _check_entry(entry, "actors.yaml", "actor", {"id", "type", "name"},
                                ACTOR_FIELDS, ids)
        if entry["type"] not in ACTOR_TYPES:
            raise BuildError(
                f"actor {actor_id!r} has type {entry['type']!r}; use one of {ACTOR_TYPES}"
            )
        if entry.get("cameo") is not None and not _CAMEO.match(str(entry["cameo"])):
            raise BuildError(
                f"actor {actor_id!r} has CAMEO code {entry['cameo']!r}; use 3-letter blocks"
            )
        if entry.get("wikidata") is not None and not _QID.match(str(entry["wikidata"])):
            raise BuildError(
                f"actor {actor_id!r} has Wikidata id {entry['wikidata']!r}; use Q<digits>"
            )
        lists = [(key, entry.get(key, []))
                 for key in ("aliases", "adjectives", "prefixes", "demonyms", "forms")]
        for key in ("aliases_by_lang", "adjectives_by_lang"):
            by_lang = entry.get(key, {})
            if not isinstance(by_lang, dict):
                raise BuildError(f"actor {actor_id!r}: {key} must map a language code to a list")
            lists += [(f"{key}.{lang}", value) for lang, value in by_lang.items()]
        for key, value in lists:
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise BuildError(f"actor {actor_id!r}: {key} must be a list of non-empty strings")
    for entry in entries:
        refs = [entry.get("polity"), entry.get("capital")]
        refs += [period[2] for period in entry.get("polity_history", [])]
        for ref in refs:
            if ref is not None and ref not in ids:
                raise BuildError(
                    f"actor {entry['id']!r} refers to unknown id {ref!r}; add that entry first"
                )
        years = entry.get("years")
        if years is not None and not (
            isinstance(years, list) and len(years) == 2
            and all(y is None or isinstance(y, int) for y in years)
        ):
            raise BuildError(f"actor {entry['id']!r}: years must be [from_year, to_year] "
                             "(null for an open end)")
        for period in entry.get("polity_history", []):
            if not (isinstance(period, list) and len(period) == 3 and period[0] <= period[1]):
                raise BuildError(
                    f"actor {entry['id']!r}: polity_history items are [from_year, to_year, id]"
                )


def validate_offices(entries: list) -> None:
    """Check the curated office entries; raise BuildError naming the fix."""
    if not isinstance(entries, list):
        raise BuildError("offices.yaml must be a YAML list of mappings")
    seen: set[str] = set()
    for entry in entries:
        if not isinstance(entry, dict) or {"office", "gloss", "category"} - entry.keys():
            raise BuildError(f"offices.yaml entry {entry!r} needs office, gloss and category")
        unknown = entry.keys() - OFFICE_FIELDS
        if unknown:
            raise BuildError(f"office {entry['office']!r} has unknown fields {sorted(unknown)}")
        if entry["category"] not in OFFICE_CATEGORIES:
            raise BuildError(
                f"office {entry['office']!r} has category {entry['category']!r}; use one of {OFFICE_CATEGORIES}"
            )
        key = normalize_form(entry["office"])
        if key in seen:
            raise BuildError(f"office {entry['office']!r} is listed twice")
        seen.add(key)


def _phrase_kind(text: str, default: str) -> str:
    tokens = text.split()
    return "abbr" if tokens and all(is_abbr(t) for t in tokens) else default


def gazetteer_rows(entries: list[dict]) -> list[dict]:
    """Expand actor entries into sorted (form, id) rows."""
    best: dict[tuple[str, str], dict] = {}

    def add(forms: Iterable[str], entry: dict, kind: str, lang: str, source: str) -> None:
        cap = source[:1].isupper()
        for form in forms:
            if not form:
                continue
            row = {
                "form": form,
                "id": entry["id"],
                "kind": kind,
                "type": entry["type"],
                "lang": lang,
                "cap": cap,
            }
            key = (form, entry["id"])
            old = best.get(key)
            if old is None or (KIND_RANK[kind], lang != "uk") < (
                KIND_RANK[old["kind"]],
                old["lang"] != "uk",
            ):
                best[key] = row

    for entry in entries:
        add(
            inflect_phrase(entry["name"]),
            entry,
            _phrase_kind(entry["name"], "name"),
            "uk",
            entry["name"],
        )
        for alias in entry.get("aliases", []):
            add(inflect_phrase(alias), entry, _phrase_kind(alias, "alias"), "uk", alias)
        for lang, aliases in entry.get("aliases_by_lang", {}).items():
            for alias in aliases:
                add(inflect_phrase(alias, lang), entry, _phrase_kind(alias, "alias"), lang, alias)
        for adjective in entry.get("adjectives", []):
            add(inflect_adjective(adjective), entry, "adjective", "uk", adjective)
            prefix = _compound_prefix(adjective)
            if prefix:
                add([prefix], entry, "prefix", "uk", adjective)
        for lang, adjectives in entry.get("adjectives_by_lang", {}).items():
            for adjective in adjectives:
                add(inflect_adjective(adjective, lang), entry, "adjective", lang, adjective)
        for prefix in entry.get("prefixes", []):
            add([normalize_form(prefix)], entry, "prefix", "uk", prefix)
        for literal in entry.get("forms", []):
            add([normalize_form(literal)], entry, _phrase_kind(literal, "alias"), "uk", literal)
        for demonym in entry.get("demonyms", []):
            add(inflect_plural_noun(demonym), entry, "demonym", "uk", demonym)
    return [best[key] for key in sorted(best)]


def actor_rows(entries: list[dict]) -> list[dict]:
    """The actor records, sorted by id, with optional fields as null."""
    rows = []
    for entry in sorted(entries, key=lambda e: e["id"]):
        rows.append(
            {
                "id": entry["id"],
                "type": entry["type"],
                "name": entry["name"],
                "cameo": entry.get("cameo"),
                "wikidata": entry.get("wikidata"),
                "polity": entry.get("polity"),
                "polity_history": entry.get("polity_history") or [],
                "capital": entry.get("capital"),
                # only entries read in some years carry the field
                **({"years": entry["years"]} if entry.get("years") else {}),
            }
        )
    return rows


def office_rows(entries: list[dict]) -> list[dict]:
    """Expand office entries into sorted (form, office) rows."""
    best: dict[tuple[str, str], dict] = {}
    for entry in entries:
        lang = "ru" if entry.get("ru") else "uk"
        for phrase in [entry["office"], *entry.get("aliases", [])]:
            for form in inflect_phrase(phrase, lang, numbers=("sing", "plur")):
                key = (form, entry["office"])
                best.setdefault(
                    key,
                    {
                        "form": form,
                        "office": entry["office"],
                        "gloss": entry["gloss"],
                        "category": entry["category"],
                        "lang": lang,
                    },
                )
    # A form shared by two offices ("голови") resolves to the shorter, more general one.
    return sorted(best.values(), key=lambda r: (r["form"], len(r["office"]), r["office"]))


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write(
                json.dumps(row, ensure_ascii=False, sort_keys=False, separators=(",", ":")) + "\n"
            )


def _load_yaml(path: Path) -> list:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or []


def build(out_dir: Path = BUILD_DIR, curated_dir: Path = CURATED_DIR) -> dict[str, Path]:
    """Compile the curated files into the build tables.

    out_dir (Path): Where to write gazetteer.jsonl, actors.jsonl, offices.jsonl
        and (when persons.yaml exists) persons.jsonl.
    curated_dir (Path): Where actors.yaml, offices.yaml and persons.yaml live.
    RETURNS (dict[str, Path]): The written files by name.
    """
    actors = _load_yaml(curated_dir / "actors.yaml")
    offices = _load_yaml(curated_dir / "offices.yaml")
    validate_actors(actors)
    validate_offices(offices)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {
        "gazetteer.jsonl": gazetteer_rows(actors),
        "actors.jsonl": actor_rows(actors),
        "offices.jsonl": office_rows(offices),
    }
    persons_path = curated_dir / "persons.yaml"
    if persons_path.exists():
        persons = _load_yaml(persons_path)
        validate_persons(persons, {entry["id"] for entry in actors})
        written["persons.jsonl"] = person_rows(persons)
    for name, rows in written.items():
        _write_jsonl(out_dir / name, rows)
    return {name: out_dir / name for name in written}


PERSON_FIELDS = {
    "id",
    "name",
    "surname",
    "given",
    "aliases",
    "gender",
    "inflect",
    "forms",
    "polity",
    "polity_history",
    "offices",
    "born",
    "died",
    "wikidata",
}
PERSON_INFLECT = ("last", "all", "fixed")
_ROMAN = re.compile(r"^[ivxlc]+$")
# Texts type regnal numbers with Cyrillic look-alikes as often as with Latin.
_ROMAN_CYRILLIC = str.maketrans({"i": "і", "x": "х", "c": "с"})
_LATIN = re.compile(r"[A-Za-z]")
# Particles of foreign surnames that never inflect: "де Голль", "фон Папен".
_PARTICLES = frozenset(
    {"де", "фон", "дер", "ван", "да", "ді", "ла", "ле", "дю", "ібн", "бен", "аль", "лорд"}
)
# Foreign names ending in these vowels do not decline ("Кеннеді", "Клемансо").
_FIXED_VOWELS = set("оеєіїуюиэ")
_VELARS = set("кгґх")
_SIBILANTS = set("жчшщц")
_PALATAL = {"к": "ц", "г": "з", "ґ": "з", "х": "с"}


def _is_frozen(word: str) -> bool:
    """Whether a lowercased name token never inflects: a regnal number, a
    particle ("фон"), an initial ("т.") or punctuation."""
    return (
        bool(_ROMAN.match(word))
        or word in _PARTICLES
        or word.endswith(".")
        or not _HAS_LETTER.search(word)
    )


def _with_cyrillic_numerals(forms: set[str]) -> set[str]:
    """Add "петро і" for "петро i" (Latin) where every numeral has a look-alike."""
    extra = set()
    for form in forms:
        tokens = form.split()
        if any(_ROMAN.match(t) for t in tokens) and not any(
            _ROMAN.match(t) and ("v" in t or "l" in t) for t in tokens
        ):
            extra.add(" ".join(t.translate(_ROMAN_CYRILLIC) if _ROMAN.match(t) else t for t in tokens))
    return forms | extra


def _paradigm(stem: str, table: dict[str, tuple[str, ...]]) -> dict[str, set[str]]:
    return {case: {stem + end for end in ends} for case, ends in table.items()}


def _fixed(word: str) -> dict[str, set[str]]:
    return {case: {word} for case in CASES}


def _hand_name_word(word: str, gender: str) -> dict[str, set[str]]:
    """Case forms of a name word pymorphy3 does not know, by its ending.

    Foreign names ending in a vowel other than -а/-я, and women's names on a
    consonant, are indeclinable; Ukrainian-style -ко names decline.
    """
    last = word[-1]
    if word.endswith(("ський", "цький", "зький")) and gender == "m" or (
        gender == "m" and word.endswith("ий") and len(word) > 4 and word[-3] in _CONSONANTS
    ):
        return _paradigm(
            word[:-2],
            {
                "nomn": ("ий",),
                "gent": ("ого",),
                "datv": ("ому",),
                "accs": ("ого",),
                "ablt": ("им",),
                "loct": ("ому", "ім"),
            },
        )
    if gender == "f" and word.endswith(("ська", "цька", "зька")):
        return _paradigm(
            word[:-1],
            {"nomn": ("а",), "gent": ("ої",), "datv": ("ій",), "accs": ("у",), "ablt": ("ою",), "loct": ("ій",)},
        )
    if word.endswith("ія"):
        return _paradigm(
            word[:-2],
            {"nomn": ("ія",), "gent": ("ії",), "datv": ("ії",), "accs": ("ію",), "ablt": ("ією",), "loct": ("ії",)},
        )
    if last == "я":
        return _paradigm(
            word[:-1],
            {"nomn": ("я",), "gent": ("і",), "datv": ("і",), "accs": ("ю",), "ablt": ("ею",), "loct": ("і",)},
        )
    if last == "а" and len(word) > 1:
        stem = word[:-1]
        dative = stem[:-1] + _PALATAL[stem[-1]] + "і" if stem[-1] in _PALATAL else stem + "і"
        forms = _paradigm(
            stem, {"nomn": ("а",), "gent": ("и",), "accs": ("у",), "ablt": ("ою",)}
        )
        forms["datv"] = {dative}
        forms["loct"] = {dative}
        return forms
    if gender == "f":
        return _fixed(word)
    if word.endswith("ко") and len(word) > 3:
        return _paradigm(
            word[:-1],
            {"nomn": ("о",), "gent": ("а",), "datv": ("у", "ові"), "accs": ("а",), "ablt": ("ом",), "loct": ("ові", "у")},
        )
    if last in _FIXED_VOWELS or last not in _CONSONANTS | {"ь", "й"}:
        return _fixed(word)
    if last == "ь":
        return _paradigm(
            word[:-1],
            {"nomn": ("ь",), "gent": ("я",), "datv": ("ю", "еві"), "accs": ("я",), "ablt": ("ем",), "loct": ("і", "еві")},
        )
    if last == "й":
        return _paradigm(
            word[:-1],
            {"nomn": ("й",), "gent": ("я",), "datv": ("ю", "єві"), "accs": ("я",), "ablt": ("єм",), "loct": ("ї", "єві")},
        )
    if last in _SIBILANTS:
        return _paradigm(
            word,
            {"nomn": ("",), "gent": ("а",), "datv": ("у", "еві"), "accs": ("а",), "ablt": ("ем",), "loct": ("і", "еві")},
        )
    ablative: tuple[str, ...] = ("ом",)
    if word.endswith(("ов", "ев", "єв")):
        ablative = ("им",)
    elif word.endswith(("ін", "ин", "їн")):
        ablative = ("им", "ом")
    locative = ("ові", "у") if last in _VELARS else ("ові", "у", "і")
    return _paradigm(
        word,
        {"nomn": ("",), "gent": ("а",), "datv": ("у", "ові"), "accs": ("а",), "ablt": ablative, "loct": locative},
    )


def _dictionary_name_word(word: str, gender: str, kinds: tuple[str, ...]):
    """Case forms from a pymorphy3 parse tagged with one of ``kinds`` ("Surn",
    "Name", "Patr") in the right gender; the fixed paradigm for an
    indeclinable (Fixd) parse; None if the dictionaries have no such parse."""
    if not _known(word, "uk"):
        return None
    want = "femn" if gender == "f" else "masc"
    for kind in kinds:
        for parse in analyzer("uk").parse(word):
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
def _name_word_cases(word: str, gender: str, kinds: tuple[str, ...]) -> tuple:
    """Case forms of one lowercased name word, as a hashable (case, forms) tuple."""
    if _is_frozen(word):
        forms = _fixed(word)
    else:
        forms = _dictionary_name_word(word, gender, kinds) or None
        if forms is None and "-" in word:
            # The last part always declines ("абдул-гаміда", "кай-шека"); the
            # earlier ones too when the dictionaries know them as names
            # ("ульянова-леніна", "буша-молодшого").
            parts = word.split("-")
            tables = [dict(_name_word_cases(part, gender, kinds)) for part in parts]
            forms = {case: set() for case in CASES}
            prefix = "-".join(parts[:-1])
            both = all(_dictionary_name_word(part, gender, kinds) for part in parts[:-1])
            for case in CASES:
                forms[case].update(f"{prefix}-{form}" for form in tables[-1][case])
                if both:
                    for combo in itertools.product(*(sorted(t[case]) for t in tables)):
                        forms[case].add("-".join(combo))
        if forms is None:
            # Epithets and ordinals: "Петро Великий", "Катерина Друга".
            parse = _pick(word, "uk", "ADJF")
            if parse is not None:
                forms = _lexeme_by_case(parse, "sing", "femn" if gender == "f" else "masc")
                forms["nomn"].add(word)
                if gender != "f":
                    # A person is animate: "Петра Першого", never "Петра Перший".
                    forms["accs"] = set(forms["gent"])
                if not all(forms.values()):
                    forms = None
        if forms is None:
            forms = _hand_name_word(word, gender)
    return tuple((case, tuple(sorted(forms[case]))) for case in CASES)


def inflect_name(
    phrase: str, gender: str = "m", mode: str = "last", kinds: tuple[str, ...] = ("Surn",)
) -> dict[str, set[str]]:
    """Return the singular case forms of a personal name or name phrase.

    phrase (str): Nominative name ("Молотов", "Мао Цзедун", "Франц Йосиф I").
    gender (str): "m" or "f".
    mode (str): "last" inflects only the last word that can inflect, "all"
        every word (regnal names), "fixed" none.
    kinds (tuple[str, ...]): pymorphy3 name grammemes to try, in order.
    RETURNS (dict[str, set[str]]): Normalised forms by case.
    """
    tokens = normalize_form(phrase).split()
    if mode == "fixed" or not tokens:
        return _fixed(" ".join(tokens))
    if mode == "all":
        # Regnal names are first names: "Петра I", "Катерини II".
        kinds = ("Name", "Patr", *kinds)
    tables = [dict(_name_word_cases(token, gender, kinds)) for token in tokens]
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


def _given_cases(given: str, gender: str) -> list[dict[str, set[str]]]:
    """Case forms of the first name alone and of the whole given part."""
    words = given.split()
    kinds = ("Name", "Patr", "Surn")
    variants = [inflect_name(words[0], gender, "all", kinds)]
    if len(words) > 1:
        variants.append(inflect_name(given, gender, "all", kinds))
    return variants


def _initials(given: str) -> list[str]:
    """"Й.", "Й. В." for "Йосип Віссаріонович"."""
    letters = [word[0].lower() + "." for word in given.split() if word[:1].isalpha()]
    return [" ".join(letters[: n + 1]) for n in range(len(letters))]


def validate_persons(entries: list, actor_ids: set[str]) -> None:
    """Check the curated person entries; raise BuildError naming the fix."""
    if not isinstance(entries, list):
        raise BuildError("persons.yaml must be a YAML list of mappings")
    ids: set[str] = set()
    for entry in entries:
        person_id = _check_entry(entry, "persons.yaml", "person",
                                 {"id", "name", "surname", "polity"}, PERSON_FIELDS, ids)
        for key in ("name", "surname", "given"):
            value = entry.get(key, "")
            if not isinstance(value, str) or value != value.strip() or (key != "given" and not value):
                raise BuildError(f"person {person_id!r}: {key} must be a non-empty trimmed string")
        for key in ("aliases", "offices", "forms"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise BuildError(f"person {person_id!r}: {key} must be a list of non-empty strings")
        texts = [entry["name"], entry["surname"], entry.get("given", ""), *entry.get("aliases", [])]
        for text in texts:
            if _LATIN.search(text.replace("I", "").replace("V", "").replace("X", "")):
                raise BuildError(
                    f"person {person_id!r}: {text!r} mixes Latin letters into a Cyrillic name; retype it"
                )
        if entry.get("gender", "m") not in ("m", "f"):
            raise BuildError(f"person {person_id!r}: gender is m or f")
        if entry.get("inflect", "last") not in PERSON_INFLECT:
            raise BuildError(f"person {person_id!r}: inflect is one of {PERSON_INFLECT}")
        if entry.get("wikidata") is not None and not _QID.match(str(entry["wikidata"])):
            raise BuildError(f"person {person_id!r} has Wikidata id {entry['wikidata']!r}; use Q<digits>")
        for key in ("born", "died"):
            if entry.get(key) is not None and not isinstance(entry[key], int):
                raise BuildError(f"person {person_id!r}: {key} must be a year (int)")
        refs = [entry["polity"]] + [period[2] for period in entry.get("polity_history", [])]
        for ref in refs:
            if ref not in actor_ids:
                raise BuildError(
                    f"person {person_id!r} refers to polity {ref!r}, which actors.yaml lacks; "
                    "add it there or use an existing id"
                )
        for period in entry.get("polity_history", []):
            if not (isinstance(period, list) and len(period) == 3 and period[0] <= period[1]):
                raise BuildError(
                    f"person {person_id!r}: polity_history items are [from_year, to_year, id]"
                )


def person_rows(entries: list[dict]) -> list[dict]:
    """The person records, sorted by id, each with its surname and full-name forms."""
    rows = []
    for entry in sorted(entries, key=lambda e: e["id"]):
        gender = entry.get("gender", "m")
        mode = entry.get("inflect", "last")
        given = entry.get("given", "")
        surnames = [
            inflect_name(phrase, gender, mode)
            for phrase in [entry["surname"], *entry.get("aliases", [])]
        ]
        surname_forms = {form for cases in surnames for forms in cases.values() for form in forms}
        surname_forms.update(normalize_form(form) for form in entry.get("forms", []))
        surname_forms = _with_cyrillic_numerals(surname_forms)
        full_forms: set[str] = set()
        if given:
            # "Ім'я Прізвище" with every spelling of the surname; the
            # official "Прізвище Ім'я" order and initials only with the
            # canonical one, to keep the table small.
            for first in _given_cases(given, gender):
                for index, cases in enumerate(surnames):
                    for case in CASES:
                        for g, s in itertools.product(sorted(first[case]), sorted(cases[case])):
                            full_forms.add(f"{g} {s}")
                            if index == 0:
                                full_forms.add(f"{s} {g}")
            canonical = _with_cyrillic_numerals(
                {form for forms in surnames[0].values() for form in forms}
            )
            for initials in _initials(given):
                full_forms.update(f"{initials} {form}" for form in canonical)
        else:
            full_forms.update(surname_forms)
        name = normalize_form(entry["name"])
        if name not in full_forms and name not in surname_forms:
            raise BuildError(
                f"person {entry['id']!r}: name {entry['name']!r} is neither given + surname "
                "nor the surname; add the missing part as an alias"
            )
        full_forms.add(name)
        rows.append(
            {
                "id": entry["id"],
                "name": entry["name"],
                "surname": entry["surname"],
                "given": given or None,
                "aliases": entry.get("aliases", []),
                "polity": entry["polity"],
                "polity_history": entry.get("polity_history") or [],
                "offices": entry.get("offices", []),
                "wikidata": entry.get("wikidata"),
                "born": entry.get("born"),
                "died": entry.get("died"),
                "surname_forms": sorted(surname_forms),
                "full_forms": sorted(full_forms),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=BUILD_DIR, help="output directory (default: litopys/data/build)"
    )
    args = parser.parse_args(argv)
    try:
        paths = build(args.out)
    except BuildError as err:
        print(f"build_data: {err}", file=sys.stderr)
        return 1
    for name, path in paths.items():
        lines = sum(1 for _ in path.open(encoding="utf-8"))
        print(f"{name}: {lines} lines, {path.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
