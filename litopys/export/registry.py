"""The registry of export formats: one entry per format, filled by its module.

Each format module calls :func:`register` once at import (as Datasette's output
renderers register themselves); the CLI (``litopys export --format``) and the
web downloads read the same registry, so a new format appears in both.

DOCS: docs/WEB.md
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from litopys.errors import Errors, LitopysError
from litopys.store.db import Store

Writer = Callable[[Store, Any], int]
"""``write(store, target) -> records``: target is a text file (``TextIO``) for
one-file formats, a directory (``Path``) for directory formats."""


@dataclass(frozen=True)
class Exporter:
    """One export format.

    name (str): the ``--format`` value (``gexf``).
    extension (str): file suffix without the dot; empty for directory formats.
    media_type (str): what the web download sends (directory formats: a zip).
    directory (bool): True when the export is a directory of files.
    write (Writer): writes the whole stored chronicle; RETURNS (int) records.
    description (str): one line for help texts.
    """

    name: str
    extension: str
    media_type: str
    directory: bool
    write: Writer
    description: str

    def write_file(self, store: Store, f: TextIO) -> int:
        """Write a one-file format to an open text file. RETURNS (int): records."""
        return self.write(store, f)

    def write_directory(self, store: Store, directory: Path) -> int:
        """Write a directory format into ``directory``. RETURNS (int): records."""
        return self.write(store, directory)


EXPORTERS: dict[str, Exporter] = {}
"""Every registered format by name, in registration order."""


def register(name: str, *, extension: str, media_type: str, description: str,
             directory: bool = False) -> Callable[[Writer], Writer]:
    """A decorator that registers ``write`` as the exporter of ``name``.

    RETURNS (Callable): the decorator (it returns the function unchanged).
    """

    def wrap(write: Writer) -> Writer:
        EXPORTERS[name] = Exporter(name, extension, media_type, directory, write, description)
        return write

    return wrap


def get_exporter(name: str, *, one_file: bool = False) -> Exporter:
    """The exporter of a format name.

    name (str): a registered format.
    one_file (bool): refuse directory formats (E050 lists only one-file formats).
    RETURNS (Exporter): the format.
    """
    choices = [e.name for e in EXPORTERS.values() if not (one_file and e.directory)]
    if name not in choices:
        raise LitopysError(Errors.E050, fmt=name, choices=", ".join(choices))
    return EXPORTERS[name]
