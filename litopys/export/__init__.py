"""Exports of a stored chronicle to the tools historians already use.

One module per format, each registered in :mod:`litopys.export.registry`:

- ``jsonl``: one event a line, with its document and participants named.
- ``csv``: a directory of ``events.csv``, ``entities.csv``, ``participants.csv``,
  ``timexes.csv``, ``mentions.csv`` and ``documents.csv``.
- ``gexf`` / ``graphml``: the actor network (Gephi, networkx, Cytoscape desktop).
- ``timelinejs``: TimelineJS3 JSON; ``display_date`` keeps the wording of the text.
- ``palladio``: one CSV row per source-target pair, the columns Palladio maps.
- ``brat``: a directory of ``NAME.txt`` + ``NAME.ann`` standoff files per document
  (and an ``annotation.conf``), for correction in brat or INCEpTION.
- ``gold``: a directory of ``NAME.txt`` + ``NAME.gold.json`` (the format of
  ``shared/eval/FORMAT.md``), the (corrected) chronicles for ``litopys eval`` and training.

The SQL lives in :mod:`litopys.store.queries`; these modules only format.

DOCS: docs/WEB.md
"""

from __future__ import annotations

import importlib
import io
import sys
import tempfile
import zipfile
from pathlib import Path

from litopys.errors import Errors, LitopysError
from litopys.export.registry import EXPORTERS, Exporter, get_exporter, register
from litopys.store.db import Store

__all__ = ["EXPORTERS", "EXPORT_FORMATS", "Exporter", "export", "export_bytes",
           "export_string", "get_exporter", "register"]

BUILTIN_MODULES: tuple[str, ...] = (
    "jsonl", "tables", "gexf", "graphml", "timelinejs", "palladio", "brat", "gold",
)
"""The format modules shipped with litopys (as Datasette's DEFAULT_PLUGINS); each
registers itself on import, and this order is the order of the format list."""

for _module in BUILTIN_MODULES:
    importlib.import_module(f"litopys.export.{_module}")

EXPORT_FORMATS: tuple[str, ...] = tuple(EXPORTERS)
"""Every format :func:`export` writes (the built-in ones)."""


def export(store: Store, fmt: str, out: str | Path | None = None) -> int:
    """Write the whole stored chronicle in one format.

    store (Store): an open store (read-only is enough).
    fmt (str): a registered format name.
    out (str | Path | None): file to write; a directory for directory formats
        (created if missing); None or "-" writes to stdout (one-file formats only).
    RETURNS (int): how many records were written (events, or documents for brat).
    """
    exporter = get_exporter(fmt)
    to_stdout = out is None or str(out) == "-"
    if exporter.directory and to_stdout:
        raise LitopysError(Errors.E051, fmt=fmt)
    if to_stdout:
        return exporter.write_file(store, sys.stdout)
    path = Path(out)  # type: ignore[arg-type]
    try:
        if exporter.directory:
            path.mkdir(parents=True, exist_ok=True)
            return exporter.write_directory(store, path)
        with open(path, "w", encoding="utf-8", newline="") as f:
            return exporter.write_file(store, f)
    except OSError as err:
        raise LitopysError(Errors.E052, fmt=fmt, path=path, reason=err.strerror or err,
                           target="directory" if exporter.directory else "file") from None


def export_string(store: Store, fmt: str) -> str:
    """The export of a one-file format as a string (for tests).

    RETURNS (str): the file's content.
    """
    buf = io.StringIO()
    get_exporter(fmt, one_file=True).write_file(store, buf)
    return buf.getvalue()


def export_bytes(store: Store, fmt: str) -> tuple[bytes, str, str]:
    """The export as one download: the file itself, or a zip of a directory format.

    RETURNS (tuple[bytes, str, str]): content, media type, file name.
    """
    exporter = get_exporter(fmt)
    if not exporter.directory:
        return (export_string(store, fmt).encode("utf-8"), exporter.media_type,
                f"litopys.{exporter.extension}")
    buf = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="litopys-export-") as tmp:
        exporter.write_directory(store, Path(tmp))
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(Path(tmp).iterdir()):
                zf.write(path, f"litopys-{fmt}/{path.name}")
    return buf.getvalue(), exporter.media_type, f"litopys-{fmt}.zip"
