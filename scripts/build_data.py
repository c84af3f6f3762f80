"""Compile the curated actor dictionary and offices lexicon into build tables.

    python scripts/build_data.py [--out DIR]

Reads litopys/data/curated/actors.yaml and offices.yaml and writes, sorted and
deterministic, to litopys/data/build/ (or DIR):

- gazetteer.jsonl: one line per (inflected form, actor id)
- actors.jsonl: one line per actor record
- offices.jsonl: one line per (inflected form, office)

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
    "aliases",
    "ru_aliases",
    "adjectives",
    "ru_adjectives",
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


def validate_actors(entries: list) -> None:
    """Check the curated actor entries; raise BuildError naming the fix."""
    if not isinstance(entries, list):
        raise BuildError("actors.yaml must be a YAML list of mappings")
    ids: set[str] = set()
    for entry in entries:
        if not isinstance(entry, dict):
            raise BuildError(f"actors.yaml entry {entry!r} is not a mapping")
        missing = {"id", "type", "name"} - entry.keys()
        if missing:
            raise BuildError(f"actors.yaml entry {entry!r} lacks {sorted(missing)}")
        actor_id = entry["id"]
        unknown = entry.keys() - ACTOR_FIELDS
        if unknown:
            raise BuildError(
                f"actor {actor_id!r} has unknown fields {sorted(unknown)}; allowed: {sorted(ACTOR_FIELDS)}"
            )
        if not isinstance(actor_id, str) or not _ID.match(actor_id):
            raise BuildError(f"actor id {actor_id!r} must be snake_case ASCII")
        if actor_id in ids:
            raise BuildError(f"actor id {actor_id!r} is used twice; ids must be unique")
        ids.add(actor_id)
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
        for key in (
            "aliases",
            "ru_aliases",
            "adjectives",
            "ru_adjectives",
            "prefixes",
            "demonyms",
            "forms",
        ):
            value = entry.get(key, [])
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
        for alias in entry.get("ru_aliases", []):
            add(inflect_phrase(alias, "ru"), entry, _phrase_kind(alias, "alias"), "ru", alias)
        for adjective in entry.get("adjectives", []):
            add(inflect_adjective(adjective), entry, "adjective", "uk", adjective)
            prefix = _compound_prefix(adjective)
            if prefix:
                add([prefix], entry, "prefix", "uk", adjective)
        for adjective in entry.get("ru_adjectives", []):
            add(inflect_adjective(adjective, "ru"), entry, "adjective", "ru", adjective)
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

    out_dir (Path): Where to write gazetteer.jsonl, actors.jsonl and offices.jsonl.
    curated_dir (Path): Where actors.yaml and offices.yaml live.
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
    for name, rows in written.items():
        _write_jsonl(out_dir / name, rows)
    return {name: out_dir / name for name in written}


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
