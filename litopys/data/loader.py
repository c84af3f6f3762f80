"""Load the project's data files (word lists, gazetteers, patterns).

Stages read their data through this module, never by opening paths
themselves. A name is looked up first in ``litopys/data/build`` (compiled
tables, see ``scripts/build_data.py``) and then in ``litopys/data/curated``
(hand-edited files), so a built table overrides its curated source.
Results are cached: each file is parsed once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

# libyaml's C loader is ten times faster at start-up; same safety
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(__file__).resolve().parent
SEARCH_DIRS: tuple[Path, ...] = (DATA_DIR / "build", DATA_DIR / "curated")


def find_data_file(name: str) -> Path:
    """Find a data file by name in the build, then the curated directory.

    name (str): file name relative to a data directory, e.g. "time_words.yaml".
    RETURNS (Path): the path of the first existing file.
    """
    for directory in SEARCH_DIRS:
        path = directory / name
        if path.is_file():
            return path
    searched = ", ".join(str(d) for d in SEARCH_DIRS)
    raise FileNotFoundError(
        f"Data file {name!r} not found in {searched}. "
        "Add it to litopys/data/curated or run scripts/build_data.py."
    )


@cache
def load_yaml(name: str) -> Any:
    """Parse a YAML data file, once per process.

    name (str): file name, with or without the ".yaml" extension.
    RETURNS (Any): the parsed document (treat it as read-only: it is cached).
    """
    if not name.endswith((".yaml", ".yml")):
        name = f"{name}.yaml"
    with find_data_file(name).open(encoding="utf-8") as f:
        return yaml.load(f, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)
