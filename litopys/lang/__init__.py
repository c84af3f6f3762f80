"""Per-language data: the words each stage needs, one folder per language.

The stage code under ``litopys/pipeline`` is language-neutral; everything that is
a word of a particular language (prepositions, pronouns, month names, intent verbs,
letter frequencies, ...) lives in ``litopys/lang/<code>/<name>.yaml`` and is read
through :func:`load`. Adding a language means adding a folder with the same files
(modelled on ``spacy/lang/<code>`` and dateparser's per-language YAML).

    >>> from litopys.lang import load
    >>> load("events", "uk")["subordinators"]        # doctest: +SKIP
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

# libyaml's C loader is ten times faster at start-up; same safety
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LANG_DIR = Path(__file__).resolve().parent
DEFAULT_LANGUAGE = "uk"


def languages() -> tuple[str, ...]:
    """The languages that have a data folder, e.g. ``("uk",)``."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir()
                        if p.is_dir() and not p.name.startswith(("_", "."))))


def lang_file(name: str, lang: str = DEFAULT_LANGUAGE) -> Path:
    """The path of one language data file; a clear error when it is missing."""
    if not name.endswith((".yaml", ".yml")):
        name = f"{name}.yaml"
    path = LANG_DIR / lang / name
    if not path.is_file():
        raise FileNotFoundError(
            f"Language data {name!r} for {lang!r} not found at {path}. "
            f"Languages with data: {', '.join(languages()) or 'none'}; "
            f"add litopys/lang/{lang}/{name}."
        )
    return path


@cache
def load(name: str, lang: str = DEFAULT_LANGUAGE) -> Any:
    """Parse ``litopys/lang/<lang>/<name>.yaml`` once per process (read-only: cached).

    name (str): the file name, with or without ".yaml" (e.g. "events", "time").
    lang (str): the language code ("uk").
    """
    with lang_file(name, lang).open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_LOADER)  # noqa: S506 (a safe loader)


def word_set(name: str, key: str, lang: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """A list under ``key`` in a language file as a frozenset (for membership tests)."""
    return frozenset(load(name, lang)[key])


def each_language(name: str, key: str) -> list[Any]:
    """The value under ``key`` in ``<lang>/<name>.yaml`` of every language that has the
    file (stages join them until a document's language picks one)."""
    out = []
    for lang in languages():
        try:
            data = load(name, lang)
        except FileNotFoundError:
            continue
        if data and data.get(key) is not None:
            out.append(data[key])
    return out
