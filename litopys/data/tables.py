"""The build tables, compiled from the curated YAML files.

:func:`build` validates ``actors.yaml``, ``offices.yaml`` and ``persons.yaml``
(:mod:`litopys.data.schema`), expands every name into its case forms
(:mod:`litopys.data.inflect`) and writes, sorted and deterministic, to
``litopys/data/build/``:

- gazetteer.jsonl: one line per (inflected form, actor id)
- actors.jsonl: one line per actor record
- offices.jsonl: one line per (inflected form, office)
- persons.jsonl: one line per person, with every case form of the surname and
  of "given surname" / "surname given"
- names.jsonl: one line per (actor or person id, language) with a display name in
  that language (``name_by_lang``; the canonical ``name`` is Ukrainian)

``rulers.yaml`` is only checked (persons and polities it names must exist); the
actor stage reads it as it is. ``scripts/build_data.py`` runs it; ``tests/data/test_data_integrity.py`` fails if
the committed tables drift from a fresh build.

DOCS: docs/ARCHITECTURE.md
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from pathlib import Path

import yaml

from litopys.data.gazetteer import normalize_form
from litopys.data.inflect import (
    CASES,
    compound_prefix,
    genitive_variants,
    given_cases,
    inflect_adjective,
    inflect_name,
    inflect_phrase,
    inflect_plural_noun,
    initials,
    is_abbr,
    with_cyrillic_numerals,
)
from litopys.data.loader import SAFE_LOADER
from litopys.data.schema import (
    BuildError,
    validate_actors,
    validate_offices,
    validate_persons,
    validate_rulers,
)

DATA_DIR = Path(__file__).resolve().parent
CURATED_DIR = DATA_DIR / "curated"
BUILD_DIR = DATA_DIR / "build"

KIND_RANK = {"name": 0, "abbr": 1, "alias": 2, "demonym": 3, "adjective": 4, "prefix": 5}
"""When one form has several kinds for the same actor, the strongest (lowest) wins."""


def _phrase_kind(text: str, default: str) -> str:
    tokens = text.split()
    return "abbr" if tokens and all(is_abbr(t) for t in tokens) else default


def _by_lang(entry: dict, field: str) -> list[tuple[str, str]]:
    """The other-language values of a field: ``ru_<field>`` and ``<field>_by_lang``.

    RETURNS (list[tuple[str, str]]): (language code, value) pairs.
    """
    pairs = [("ru", value) for value in entry.get(f"ru_{field}", [])]
    for lang, values in (entry.get(f"{field}_by_lang") or {}).items():
        pairs.extend((lang, value) for value in values)
    return pairs


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
        place = entry["type"] in ("GPE", "LOC")
        add(
            genitive_variants(entry["name"], inflect_phrase(entry["name"]))
            if place else inflect_phrase(entry["name"]),
            entry,
            _phrase_kind(entry["name"], "name"),
            "uk",
            entry["name"],
        )
        for alias in entry.get("aliases", []):
            forms = inflect_phrase(alias)
            add(genitive_variants(alias, forms) if place else forms, entry,
                _phrase_kind(alias, "alias"), "uk", alias)
        for lang, alias in _by_lang(entry, "aliases"):
            add(inflect_phrase(alias, lang), entry, _phrase_kind(alias, "alias"), lang, alias)
        for lang, alias in sorted((entry.get("name_by_lang") or {}).items()):
            # a display name is read as a name of that language, like its aliases
            add(inflect_phrase(alias, lang), entry, _phrase_kind(alias, "alias"), lang, alias)
        for adjective in entry.get("adjectives", []):
            add(inflect_adjective(adjective), entry, "adjective", "uk", adjective)
            prefix = compound_prefix(adjective)
            if prefix:
                add([prefix], entry, "prefix", "uk", adjective)
        for lang, adjective in _by_lang(entry, "adjectives"):
            add(inflect_adjective(adjective, lang), entry, "adjective", lang, adjective)
        for prefix in entry.get("prefixes", []):
            add([normalize_form(prefix)], entry, "prefix", "uk", prefix)
        for literal in entry.get("forms", []):
            add([normalize_form(literal)], entry, _phrase_kind(literal, "alias"), "uk", literal)
        for demonym in entry.get("demonyms", []):
            add(inflect_plural_noun(demonym), entry, "demonym", "uk", demonym)
        for lang, demonym in _by_lang(entry, "demonyms"):
            add(inflect_plural_noun(demonym, lang), entry, "demonym", lang, demonym)
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


def name_rows(*entry_lists: list[dict]) -> list[dict]:
    """The display names by language (``name_by_lang``) of actors and persons, sorted by
    id and language: ``{"id", "lang", "name"}``."""
    rows = [{"id": entry["id"], "lang": lang, "name": name}
            for entries in entry_lists for entry in entries
            for lang, name in (entry.get("name_by_lang") or {}).items()]
    return sorted(rows, key=lambda r: (r["id"], r["lang"]))


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
        return yaml.load(handle, Loader=SAFE_LOADER) or []  # noqa: S506 (a safe loader)


def build(out_dir: Path = BUILD_DIR, curated_dir: Path = CURATED_DIR) -> dict[str, Path]:
    """Compile the curated files into the build tables.

    out_dir (Path): Where to write gazetteer.jsonl, actors.jsonl, offices.jsonl,
        names.jsonl and (when persons.yaml exists) persons.jsonl.
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
    persons: list[dict] = []
    persons_path = curated_dir / "persons.yaml"
    if persons_path.exists():
        persons = _load_yaml(persons_path)
        validate_persons(persons, {entry["id"] for entry in actors})
        written["persons.jsonl"] = person_rows(persons)
        rulers_path = curated_dir / "rulers.yaml"
        if rulers_path.exists():
            # read at load time (litopys.data.gazetteer.load_rulers); checked here only
            validate_rulers(_load_yaml(rulers_path), {entry["id"] for entry in actors},
                            {entry["id"] for entry in persons})
    written["names.jsonl"] = name_rows(actors, persons)
    for name, rows in written.items():
        _write_jsonl(out_dir / name, rows)
    return {name: out_dir / name for name in written}


def _other_language_forms(entry: dict, lang: str, name: str, gender: str,
                          mode: str) -> tuple[set[str], set[str]]:
    """The surname forms and full-name forms of a person's display name in another
    language (``name_by_lang``: "Максим Литвинов"), inflected with that language's
    morphology. The surname is as many last words as the canonical surname has; the
    words before it are the first name."""
    words = name.split()
    size = len(entry["surname"].split())
    if len(words) < size:
        raise BuildError(
            f"person {entry['id']!r}: name_by_lang {lang}: {name!r} has fewer words than the "
            f"surname {entry['surname']!r}; write the whole name, first name then surname"
        )
    surname = inflect_name(" ".join(words[len(words) - size:]), gender, mode, lang=lang)
    surname_forms = with_cyrillic_numerals(
        {form for forms in surname.values() for form in forms})
    full_forms: set[str] = {normalize_form(name)}
    first = " ".join(words[: len(words) - size])
    if first:
        for cases in given_cases(first, gender, lang):
            for case in CASES:
                full_forms.update(f"{g} {s}" for g, s in itertools.product(
                    sorted(cases[case]), sorted(surname[case])))
        for letters in initials(first):
            full_forms.update(f"{letters} {form}" for form in surname_forms)
    else:
        full_forms.update(surname_forms)
    return surname_forms, full_forms


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
        surname_forms = with_cyrillic_numerals(surname_forms)
        full_forms: set[str] = set()
        if given:
            # "Ім'я Прізвище" with every spelling of the surname; the
            # official "Прізвище Ім'я" order and initials only with the
            # canonical one, to keep the table small.
            for first in given_cases(given, gender):
                for index, cases in enumerate(surnames):
                    for case in CASES:
                        for g, s in itertools.product(sorted(first[case]), sorted(cases[case])):
                            full_forms.add(f"{g} {s}")
                            if index == 0:
                                full_forms.add(f"{s} {g}")
            canonical = with_cyrillic_numerals(
                {form for forms in surnames[0].values() for form in forms}
            )
            for letters in initials(given):
                full_forms.update(f"{letters} {form}" for form in canonical)
        else:
            full_forms.update(surname_forms)
        name = normalize_form(entry["name"])
        if name not in full_forms and name not in surname_forms:
            raise BuildError(
                f"person {entry['id']!r}: name {entry['name']!r} is neither given + surname "
                "nor the surname; add the missing part as an alias"
            )
        full_forms.add(name)
        for lang, other in sorted((entry.get("name_by_lang") or {}).items()):
            other_surname, other_full = _other_language_forms(entry, lang, other, gender, mode)
            surname_forms.update(other_surname)
            full_forms.update(other_full)
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
