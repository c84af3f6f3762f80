"""Actor gazetteer and offices lexicon, loaded from the compiled build tables.

The tables in ``litopys/data/build/`` are written by ``scripts/build_data.py``
from ``litopys/data/curated/actors.yaml`` and ``offices.yaml``. Every name,
alias and adjective is stored in all its inflected forms, so a lookup is one
dict access on a normalised surface form.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

BUILD_DIR = Path(__file__).parent / "build"

# Apostrophe look-alikes that Ukrainian texts use interchangeably.
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "′": "'", "´": "'"})
_SPACES = re.compile(r"\s+")
# A hyphen inside a compound ("австро-угорщина") may come out of the tokenizer
# as a separate token; joining tokens with spaces then gives "австро - угорщина".
_HYPHEN = re.compile(r"\s*[-‐‑]\s*")
_DASH = re.compile(r"\s*[–—]\s*")
_BEFORE_CLOSE = re.compile(r"\s+([,.;:)])")
_AFTER_OPEN = re.compile(r"\s*\(\s*")
_TOKEN = re.compile(r"\w+(?:'\w+)*|[^\w\s]")
# A compound adjective written with a hyphen that the dictionary writes as one word
# ("західно-українська" for "західноукраїнська").
_COMPOUND = re.compile(r"(?<=[^\W\d]о)-(?=[^\W\d])")


def compound_key(form: str) -> str:
    """The form with the hyphens of its compound adjectives dropped ("західно-українська
    народна республіка" -> "західноукраїнська народна республіка"); the form itself when it
    has none.

    form (str): a normalised form.
    RETURNS (str): the form as one word per compound.
    """
    return _COMPOUND.sub("", form) if "о-" in form else form


def normalize_form(text: str) -> str:
    """Normalise a surface form for gazetteer keys and lookups.

    Lowercases, unifies apostrophes to ``'``, maps Russian ``ё`` to ``е``,
    collapses whitespace and removes the spaces a tokenizer leaves around
    hyphens and punctuation.

    text (str): One or more words, as written or space-joined tokens.
    RETURNS (str): The normalised key.
    """
    text = text.translate(_APOSTROPHES).lower().replace("ё", "е")
    text = _SPACES.sub(" ", text).strip()
    if "-" in text or "‐" in text or "‑" in text:
        text = _HYPHEN.sub("-", text)
    if "–" in text or "—" in text:
        text = _DASH.sub(" — ", text)
    if "(" in text or " " in text:
        text = _AFTER_OPEN.sub("(", _BEFORE_CLOSE.sub(r"\1", text))
    return text


_RU_LETTERS = str.maketrans({"ы": "и", "э": "е"})


def as_normalised(form: str) -> str:
    """A Russian form as it reads after ``litopys.pipeline.normalise``, which turns the
    Russian-only letters "ы", "э" into "и", "е" ("иностранных" -> "иностранних")."""
    return form.translate(_RU_LETTERS)


def count_words(form: str) -> int:
    """Count the tokens of a form, punctuation and hyphens included.

    This is an upper bound on the number of spaCy tokens that make up the
    form, so a matcher can stop widening its window at ``max_words``.

    form (str): A normalised form.
    RETURNS (int): The number of word and punctuation tokens.
    """
    return len(_TOKEN.findall(form))


@dataclass(frozen=True, slots=True)
class GazetteerHit:
    """One gazetteer entry matching a surface form.

    form (str): The normalised surface form.
    id (str): The actor id (see ``Gazetteer.actor``).
    kind (str): "name", "abbr", "alias", "adjective", "demonym" or "prefix".
    type (str): Actor type: GPE, ORG, LOC or DOC.
    lang (str): "uk", or "ru" for Russian-script forms.
    cap (bool): Whether the curated source form is capitalised; a lowercase
        match of a capitalised name is weaker evidence.
    """

    form: str
    id: str
    kind: str
    type: str
    lang: str = "uk"
    cap: bool = False


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """A curated actor: state, organisation, region or document.

    id (str): Unique id.
    type (str): GPE, ORG, LOC or DOC.
    name (str): Canonical Ukrainian nominative name.
    cameo (str | None): CAMEO actor code.
    wikidata (str | None): Wikidata Q-id.
    polity (str | None): Id of the state a city, body or region stands for.
    polity_history (tuple): ``(from_year, to_year, polity_id)`` periods that
        override ``polity`` for text about those years.
    capital (str | None): Id of the capital city entry.
    years (tuple | None): ``(from_year, to_year)``, either None for an open end: the
        years of the narrative in which a name of this entry means it ("Варшавський
        договір" is the Warsaw Pact only from 1955); None: any year.
    """

    id: str
    type: str
    name: str
    cameo: str | None = None
    wikidata: str | None = None
    polity: str | None = None
    polity_history: tuple[tuple[int, int, str], ...] = field(default_factory=tuple)
    capital: str | None = None
    years: tuple[int | None, int | None] | None = None

    def read_in(self, year: int | None) -> bool:
        """Can a name of this actor mean it in a text about ``year`` (None: unknown)?"""
        if year is None or self.years is None:
            return True
        first, last = self.years
        return (first is None or first <= year) and (last is None or year <= last)

    def polity_at(self, year: int | None) -> str | None:
        """Return the polity this actor stands for in a given year.

        year (int | None): The year of the text's events; None for the default.
        RETURNS (str | None): A polity id, or None if the actor has none.
        """
        if year is not None:
            for start, end, polity in self.polity_history:
                if start <= year <= end:
                    return polity
        return self.polity


class Gazetteer:
    """Inflected-form index over the actor dictionary.

    DOCS: litopys/data/curated/actors.yaml (field reference in its header)
    """

    def __init__(self, hits: Iterable[GazetteerHit], actors: Iterable[ActorRecord]) -> None:
        """Build the index.

        hits (Iterable[GazetteerHit]): One hit per (form, id).
        actors (Iterable[ActorRecord]): The actor records.
        """
        index: dict[str, list[GazetteerHit]] = {}
        for hit in hits:
            index.setdefault(hit.form, []).append(hit)
            if as_normalised(hit.form) != hit.form:
                # the pipeline's normaliser turns "ы", "э" into "и", "е" ("Соединённых")
                index.setdefault(as_normalised(hit.form), []).append(hit)
        self._index: dict[str, tuple[GazetteerHit, ...]] = {
            form: tuple(found) for form, found in index.items()
        }
        self._actors: dict[str, ActorRecord] = {actor.id: actor for actor in actors}
        self.max_words: int = max((count_words(form) for form in self._index), default=0)

    def lookup(self, form: str) -> list[GazetteerHit]:
        """Find the actors a surface form can refer to.

        form (str): One or more space-joined words; normalised here, so raw
            text ("Великої Британії", "пакт Молотова - Ріббентропа") is fine.
        RETURNS (list[GazetteerHit]): Matching hits, empty if none.
        """
        found = self._index.get(form)
        if found is None:
            key = normalize_form(form)
            found = self._index.get(key, ())
            if not found and "о-" in key:
                # "Західно-Українська Народна Республіка": the dictionary's compound
                found = self._index.get(compound_key(key), ())
        return list(found)

    def __contains__(self, form: str) -> bool:
        return bool(self.lookup(form))

    def forms(self) -> Iterator[tuple[str, tuple[GazetteerHit, ...]]]:
        """Every indexed surface form with its hits."""
        return iter(self._index.items())

    def __len__(self) -> int:
        return len(self._index)

    def actor(self, actor_id: str) -> ActorRecord:
        """Return the record for an actor id.

        actor_id (str): An id from a ``GazetteerHit``.
        RETURNS (ActorRecord): The record.
        RAISES (KeyError): If the id is unknown.
        """
        try:
            return self._actors[actor_id]
        except KeyError:
            raise KeyError(
                f"Unknown actor id {actor_id!r}: add it to litopys/data/curated/actors.yaml "
                "and run scripts/build_data.py"
            ) from None

    def actors(self) -> list[ActorRecord]:
        """RETURNS (list[ActorRecord]): All actor records, sorted by id."""
        return [self._actors[key] for key in sorted(self._actors)]


@dataclass(frozen=True, slots=True)
class OfficeHit:
    """An office, rank or role matching a surface form.

    form (str): The normalised surface form.
    office (str): Canonical nominative office ("нарком закордонних справ").
    gloss (str): English gloss.
    category (str): head_of_state, head_of_government, minister, diplomat,
        military, party, academic or other.
    lang (str): "uk", or "ru" for Russian-script forms.
    """

    form: str
    office: str
    gloss: str
    category: str
    lang: str = "uk"


class Offices:
    """Inflected-form index over the offices lexicon.

    DOCS: litopys/data/curated/offices.yaml (field reference in its header)
    """

    def __init__(self, hits: Iterable[OfficeHit]) -> None:
        """Build the index.

        hits (Iterable[OfficeHit]): One hit per (form, office); the first hit
            for a form wins.
        """
        self._index: dict[str, OfficeHit] = {}
        for hit in hits:
            self._index.setdefault(hit.form, hit)
            self._index.setdefault(as_normalised(hit.form), hit)  # "иностранних дел"
        self.max_words: int = max((count_words(form) for form in self._index), default=0)

    def lookup(self, form: str) -> OfficeHit | None:
        """Find the office a surface form names.

        form (str): One or more space-joined words ("наркома закордонних справ").
        RETURNS (OfficeHit | None): The office, or None.
        """
        hit = self._index.get(form)
        if hit is None:
            hit = self._index.get(normalize_form(form))
        return hit

    def __contains__(self, form: str) -> bool:
        return self.lookup(form) is not None

    def forms(self) -> Iterator[str]:
        """Every indexed surface form of an office."""
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_gazetteer(build_dir: Path) -> Gazetteer:
    """Load a gazetteer from a build directory (uncached).

    build_dir (Path): Directory holding gazetteer.jsonl and actors.jsonl.
    RETURNS (Gazetteer): The loaded gazetteer.
    """
    hits = (GazetteerHit(**row) for row in _read_jsonl(build_dir / "gazetteer.jsonl"))
    actors = []
    for row in _read_jsonl(build_dir / "actors.jsonl"):
        history = tuple(tuple(period) for period in row.pop("polity_history", None) or ())
        years = row.pop("years", None)
        actors.append(ActorRecord(polity_history=history,
                                  years=tuple(years) if years else None, **row))
    return Gazetteer(hits, actors)


def read_offices(build_dir: Path) -> Offices:
    """Load the offices lexicon from a build directory (uncached).

    build_dir (Path): Directory holding offices.jsonl.
    RETURNS (Offices): The loaded lexicon.
    """
    return Offices(OfficeHit(**row) for row in _read_jsonl(build_dir / "offices.jsonl"))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load the packaged actor gazetteer (cached).

    RETURNS (Gazetteer): The gazetteer built from litopys/data/build/.
    """
    return read_gazetteer(BUILD_DIR)


@lru_cache(maxsize=1)
def load_offices() -> Offices:
    """Load the packaged offices lexicon (cached).

    RETURNS (Offices): The lexicon built from litopys/data/build/offices.jsonl.
    """
    return read_offices(BUILD_DIR)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A curated person: a political figure with the polity they acted for.

    id (str): Unique id ("molotov").
    name (str): Canonical Ukrainian name, "Ім'я Прізвище".
    surname (str): Nominative surname as texts use it ("Молотов", "Мао Цзедун").
    given (str | None): Nominative first name(s), maybe with the patronymic.
    polity (str): Actor id (actors.yaml) of the state or body they acted for.
    polity_history (tuple): ``(from_year, to_year, polity_id)`` periods that
        override ``polity`` for text about those years.
    offices (tuple[str, ...]): Main offices, Ukrainian nominative.
    wikidata (str | None): Wikidata Q-id, only where certain.
    born (int | None): Year of birth.
    died (int | None): Year of death.
    """

    id: str
    name: str
    surname: str
    given: str | None = None
    polity: str | None = None
    polity_history: tuple[tuple[int, int, str], ...] = field(default_factory=tuple)
    offices: tuple[str, ...] = field(default_factory=tuple)
    wikidata: str | None = None
    born: int | None = None
    died: int | None = None

    def polity_at(self, year: int | None) -> str | None:
        """Return the polity this person acted for in a given year.

        year (int | None): The year of the text's events; None for the default.
        RETURNS (str | None): A polity id (see ``Gazetteer.actor``).
        """
        if year is not None:
            for start, end, polity in self.polity_history:
                if start <= year <= end:
                    return polity
        return self.polity


class Persons:
    """Inflected-form index over the person dictionary.

    Two indexes: every case form of each surname (and its alias spellings),
    and every case form of "ім'я прізвище" (also "прізвище ім'я" and
    initials + surname). A form may name several people ("Рузвельтом");
    callers disambiguate, e.g. by the years in ``born``/``died``.

    DOCS: litopys/data/curated/persons.yaml (field reference in its header)
    """

    def __init__(
        self,
        records: Iterable[PersonRecord],
        surname_forms: dict[str, Iterable[str]],
        full_forms: dict[str, Iterable[str]],
    ) -> None:
        """Build the index.

        records (Iterable[PersonRecord]): The person records.
        surname_forms (dict[str, Iterable[str]]): Person id -> normalised surname forms.
        full_forms (dict[str, Iterable[str]]): Person id -> normalised full-name forms.
        """
        self._persons: dict[str, PersonRecord] = {record.id: record for record in records}
        self._surnames = self._invert(surname_forms)
        self._full = self._invert(full_forms)

    def _invert(self, forms_by_id: dict[str, Iterable[str]]) -> dict[str, tuple[PersonRecord, ...]]:
        index: dict[str, list[str]] = {}
        for person_id in sorted(forms_by_id):
            for form in forms_by_id[person_id]:
                index.setdefault(form, []).append(person_id)
        return {
            form: tuple(self._persons[person_id] for person_id in ids)
            for form, ids in index.items()
        }

    @staticmethod
    def _get(index: dict[str, tuple[PersonRecord, ...]], form: str) -> list[PersonRecord]:
        found = index.get(form)
        if found is None:
            found = index.get(normalize_form(form), ())
        return list(found)

    def name_forms(self) -> Iterator[str]:
        """Every indexed surface form: surnames alone, then full names."""
        yield from self._surnames
        yield from self._full

    def lookup_surname(self, form: str) -> list[PersonRecord]:
        """Find the people a surname form can refer to.

        form (str): A surname in any case ("Молотовим", "Чан Кайши", "де Голля").
        RETURNS (list[PersonRecord]): Matching people sorted by id, empty if none.
        """
        return self._get(self._surnames, form)

    def lookup_full(self, form: str) -> list[PersonRecord]:
        """Find the people a full name in any case refers to.

        form (str): "ім'я прізвище", "прізвище ім'я [по батькові]" or initials +
            surname ("В. М. Молотовим"), in any case.
        RETURNS (list[PersonRecord]): Matching people sorted by id, empty if none.
        """
        return self._get(self._full, form)

    def person(self, person_id: str) -> PersonRecord:
        """Return the record for a person id.

        person_id (str): An id from a lookup.
        RETURNS (PersonRecord): The record.
        RAISES (KeyError): If the id is unknown.
        """
        try:
            return self._persons[person_id]
        except KeyError:
            raise KeyError(
                f"Unknown person id {person_id!r}: add it to litopys/data/curated/persons.yaml "
                "and run scripts/build_data.py"
            ) from None

    def persons(self) -> list[PersonRecord]:
        """RETURNS (list[PersonRecord]): All person records, sorted by id."""
        return [self._persons[key] for key in sorted(self._persons)]

    def __len__(self) -> int:
        return len(self._persons)


def read_persons(build_dir: Path) -> Persons:
    """Load the person dictionary from a build directory (uncached).

    build_dir (Path): Directory holding persons.jsonl.
    RETURNS (Persons): The loaded dictionary.
    """
    records = []
    surname_forms: dict[str, list[str]] = {}
    full_forms: dict[str, list[str]] = {}
    for row in _read_jsonl(build_dir / "persons.jsonl"):
        surname_forms[row["id"]] = row["surname_forms"]
        full_forms[row["id"]] = row["full_forms"]
        records.append(
            PersonRecord(
                id=row["id"],
                name=row["name"],
                surname=row["surname"],
                given=row.get("given"),
                polity=row.get("polity"),
                polity_history=tuple(tuple(p) for p in row.get("polity_history") or ()),
                offices=tuple(row.get("offices") or ()),
                wikidata=row.get("wikidata"),
                born=row.get("born"),
                died=row.get("died"),
            )
        )
    return Persons(records, surname_forms, full_forms)


@lru_cache(maxsize=1)
def load_persons() -> Persons:
    """Load the packaged person dictionary (cached).

    RETURNS (Persons): The dictionary built from litopys/data/build/persons.jsonl.
    """
    return read_persons(BUILD_DIR)


@dataclass(frozen=True)
class RulerRecord:
    """One reign of ``rulers.yaml``: ``person`` held ``office`` of ``polity`` in
    ``first``-``last`` (both inclusive); ``also``: other ids that name the polity then."""

    office: str
    polity: str
    person: str
    first: int
    last: int
    also: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_rulers() -> tuple[RulerRecord, ...]:
    """Load the curated reigns (``litopys/data/curated/rulers.yaml``), cached.

    RETURNS (tuple[RulerRecord, ...]): one record per reign, in file order.
    """
    from litopys.data.loader import load_yaml

    return tuple(
        RulerRecord(office=str(e["office"]), polity=str(e["polity"]), person=str(e["person"]),
                    first=int(e["from"]), last=int(e["to"]),
                    also=tuple(str(a) for a in e.get("also", ())))
        for e in load_yaml("rulers") or ())
