"""The shape of the curated YAML files, as pydantic models.

``actors.yaml``, ``persons.yaml`` and ``offices.yaml`` are checked here before
``scripts/build_data.py`` compiles them: known fields strictly (types, id and
code patterns, allowed values), unknown fields refused, and cross-references
(polity, capital, polity_history) resolved. A language-keyed field
``<name>_by_lang: {ru: [...]}`` is accepted on actors and persons for any
``<name>``, as a mapping of language code to a list of non-empty strings;
``name_by_lang: {ru: Советский Союз}`` (one display name per language, not the
dictionary's own language ``uk``) is the name shown for a document in that language.

An invalid entry raises :class:`BuildError` with one line naming the file, the
entry and the field, e.g. ``actors.yaml: entry 3 (id 'x'): type: Input should be
'GPE', 'ORG', 'LOC' or 'DOC'``.

DOCS: docs/ARCHITECTURE.md
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from litopys.data.gazetteer import normalize_form


class BuildError(ValueError):
    """A curated entry is malformed; the message names the file, the entry and the field."""


ACTOR_TYPES = ("GPE", "ORG", "LOC", "DOC")
OFFICE_CATEGORIES = (
    "head_of_state", "head_of_government", "minister", "diplomat", "military", "party",
    "academic", "other",
)
PERSON_INFLECT = ("last", "all", "fixed")

PATTERNS: dict[str, str] = {
    r"^[a-z][a-z0-9_]*$": "must be a snake_case ASCII id",
    r"\S": "must be a non-empty string",
    r"^\S(.*\S)?$": "must be a non-empty string without surrounding spaces",
    r"^(\S(.*\S)?)?$": "must be a string without surrounding spaces",
    r"^Q[1-9][0-9]*$": "must be a Wikidata id, Q<digits>",
    r"^(?:[A-Z]{3})+$": "must be a CAMEO actor code in 3-letter blocks (USR, UKRGOV)",
    r"^[a-z]{2,3}$": "must be a language code (ru, pl)",
}
"""Each string pattern below with the message an entry that breaks it gets."""


def _str(pattern: str) -> Any:
    assert pattern in PATTERNS
    return Annotated[StrictStr, StringConstraints(pattern=pattern)]


Id = _str(r"^[a-z][a-z0-9_]*$")
"""A snake_case ASCII id."""
Text = _str(r"\S")
"""A string with at least one non-space character."""
Trimmed = _str(r"^\S(.*\S)?$")
"""A non-empty string without leading or trailing spaces."""
Qid = _str(r"^Q[1-9][0-9]*$")
CameoActor = _str(r"^(?:[A-Z]{3})+$")
LangCode = _str(r"^[a-z]{2,3}$")
ByLang = dict[LangCode, list[Text]]
"""Language code -> list of forms (``{ru: [Россия]}``)."""
NAME_LANGUAGE = "uk"
"""The language of the canonical ``name`` of every curated entry."""


def _names_by_lang(value: dict[str, str]) -> dict[str, str]:
    if NAME_LANGUAGE in value:
        raise ValueError(f"{NAME_LANGUAGE!r} is the language of `name` itself; give only "
                         "other languages here")
    return value


NameByLang = Annotated[dict[LangCode, Trimmed], AfterValidator(_names_by_lang)]
"""Language code -> the display name in that language (``{ru: Советский Союз}``)."""


def _period(value: list[Any]) -> list[Any]:
    ok = (len(value) == 3 and all(isinstance(v, int) and not isinstance(v, bool)
                                  for v in value[:2])
          and isinstance(value[2], str) and value[0] <= value[1])
    if not ok:
        raise ValueError("items are [from_year, to_year, id] with from_year <= to_year")
    return value


Period = Annotated[list[Any], AfterValidator(_period)]


class _Entry(BaseModel):
    """Shared settings: unknown fields are errors; ``*_by_lang`` fields are gathered."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    by_lang: dict[str, ByLang] = Field(default_factory=dict, exclude=True)
    name_by_lang: NameByLang = {}

    @model_validator(mode="before")
    @classmethod
    def _gather_by_lang(cls, data: Any) -> Any:
        if isinstance(data, dict):
            keyed = {k: v for k, v in data.items() if isinstance(k, str)
                     and k.endswith("_by_lang") and k != "name_by_lang"}
            if keyed:
                data = {k: v for k, v in data.items() if k not in keyed}
                data["by_lang"] = keyed
        return data


class Actor(_Entry):
    """One entry of ``actors.yaml`` (the fields are described in its header)."""

    id: Id
    type: Literal["GPE", "ORG", "LOC", "DOC"]
    name: Trimmed
    cameo: CameoActor | None = None
    wikidata: Qid | None = None
    polity: Id | None = None
    polity_history: list[Period] = []
    capital: Id | None = None
    # the narrative years in which a name of this entry means it: [from, to], null = open
    years: tuple[int | None, int | None] | None = None
    aliases: list[Text] = []
    ru_aliases: list[Text] = []
    adjectives: list[Text] = []
    ru_adjectives: list[Text] = []
    prefixes: list[Text] = []
    demonyms: list[Text] = []
    forms: list[Text] = []


_LATIN = re.compile(r"[A-Za-z]")


class Person(_Entry):
    """One entry of ``persons.yaml`` (the fields are described in its header)."""

    id: Id
    name: Trimmed
    surname: Trimmed
    given: _str(r"^(\S(.*\S)?)?$") = ""  # type: ignore[valid-type]
    aliases: list[Text] = []
    gender: Literal["m", "f"] = "m"
    inflect: Literal["last", "all", "fixed"] = "last"
    forms: list[Text] = []
    polity: Id
    polity_history: list[Period] = []
    offices: list[Text] = []
    born: StrictInt | None = None
    died: StrictInt | None = None
    wikidata: Qid | None = None

    @field_validator("name", "surname", "given", "aliases")
    @classmethod
    def _cyrillic(cls, value: str | list[str]) -> str | list[str]:
        # Roman numerals (I, V, X) are the only Latin letters a name may hold.
        for text in [value] if isinstance(value, str) else value:
            if _LATIN.search(text.replace("I", "").replace("V", "").replace("X", "")):
                raise ValueError(f"{text!r} mixes Latin letters into a Cyrillic name; retype it")
        return value


class Ruler(BaseModel):
    """One entry of ``rulers.yaml`` (the fields are described in its header)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    office: Trimmed
    polity: Id
    person: Id
    from_: StrictInt = Field(alias="from")
    to: StrictInt
    also: list[Id] = []

    @model_validator(mode="after")
    def _years(self) -> Ruler:
        if self.to < self.from_:
            raise ValueError(f"to: {self.to} is before from: {self.from_}")
        return self


class Office(BaseModel):
    """One entry of ``offices.yaml`` (the fields are described in its header)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    office: Trimmed
    gloss: Text
    category: Literal[OFFICE_CATEGORIES]  # type: ignore[valid-type]
    aliases: list[Text] = []
    ru: bool = False


def _label(entry: Any, n: int, key: str) -> str:
    if isinstance(entry, dict) and isinstance(entry.get(key), str):
        return f"entry {n} ({key} {entry[key]!r})"
    return f"entry {n}"


def _validate(model: type[BaseModel], entries: Any, file: str, key: str) -> list[Any]:
    """Validate a YAML list entry by entry.

    RETURNS (list[BaseModel]): the entries as models.
    """
    if not isinstance(entries, list):
        raise BuildError(f"{file} must be a YAML list of mappings; got {type(entries).__name__}")
    out = []
    for n, entry in enumerate(entries, 1):
        try:
            out.append(model.model_validate(entry))
        except ValidationError as err:
            first = err.errors()[0]
            loc = first["loc"][1:] if first["loc"][:1] == ("by_lang",) else first["loc"]
            where = ".".join(str(p) for p in loc) or "entry"
            msg = first["msg"].removeprefix("Value error, ")
            if first["type"] == "string_pattern_mismatch":
                msg = PATTERNS.get(first["ctx"]["pattern"], msg)
            got = first.get("input")
            quiet = isinstance(got, dict) or first["type"] in ("missing", "value_error")
            shown = "" if quiet else f" (got {got!r})"
            more = f" (+{err.error_count() - 1} more)" if err.error_count() > 1 else ""
            raise BuildError(f"{file}: {_label(entry, n, key)}: {where}: {msg}{shown}{more}") from None
    return out


def _unique(values: list[str], file: str, what: str, key: Any = None) -> None:
    """Refuse a value seen twice (compared through ``key``, e.g. a normalised form)."""
    seen: set[str] = set()
    for n, value in enumerate(values, 1):
        k = key(value) if key else value
        if k in seen:
            raise BuildError(f"{file}: entry {n} ({what} {value!r}): {what}: is used twice; "
                             f"{what}s must be unique")
        seen.add(k)


def _refs(file: str, n: int, entry_id: str, refs: dict[str, str | None], known: set[str],
          where: str) -> None:
    for field_name, ref in refs.items():
        if ref is not None and ref not in known:
            raise BuildError(f"{file}: entry {n} (id {entry_id!r}): {field_name}: refers to "
                             f"unknown id {ref!r}; add it to {where} first")


def validate_actors(entries: Any, file: str = "actors.yaml") -> list[Actor]:
    """Check the curated actors: fields, unique ids, references between entries.

    RETURNS (list[Actor]): the entries as models.
    """
    actors = _validate(Actor, entries, file, "id")
    _unique([a.id for a in actors], file, "id")
    ids = {a.id for a in actors}
    for n, a in enumerate(actors, 1):
        refs = {"polity": a.polity, "capital": a.capital}
        refs.update({f"polity_history.{i}": p[2] for i, p in enumerate(a.polity_history)})
        _refs(file, n, a.id, refs, ids, "actors.yaml")
    return actors


def validate_persons(entries: Any, actor_ids: set[str],
                     file: str = "persons.yaml") -> list[Person]:
    """Check the curated persons: fields, unique ids, polities that exist in actors.yaml.

    RETURNS (list[Person]): the entries as models.
    """
    persons = _validate(Person, entries, file, "id")
    _unique([p.id for p in persons], file, "id")
    for n, p in enumerate(persons, 1):
        refs: dict[str, str | None] = {"polity": p.polity}
        refs.update({f"polity_history.{i}": h[2] for i, h in enumerate(p.polity_history)})
        _refs(file, n, p.id, refs, actor_ids, "actors.yaml")
    return persons


def validate_rulers(entries: Any, actor_ids: set[str], person_ids: set[str],
                    file: str = "rulers.yaml") -> list[Ruler]:
    """Check the curated rulers: fields, years, polities and persons that exist.

    RETURNS (list[Ruler]): the entries as models.
    """
    rulers = _validate(Ruler, entries, file, "person")
    for n, r in enumerate(rulers, 1):
        _refs(file, n, r.person, {"polity": r.polity,
                                  **{f"also.{i}": a for i, a in enumerate(r.also)}},
              actor_ids, "actors.yaml")
        _refs(file, n, r.person, {"person": r.person}, person_ids, "persons.yaml")
    return rulers


def validate_offices(entries: Any, file: str = "offices.yaml") -> list[Office]:
    """Check the curated offices: fields, categories, no office listed twice.

    RETURNS (list[Office]): the entries as models.
    """
    offices = _validate(Office, entries, file, "office")
    _unique([o.office for o in offices], file, "office", key=normalize_form)
    return offices
