"""The Palladio export (litopys/export/palladio.py)."""

from __future__ import annotations

import csv
import io
import re

from litopys.export import export_string
from litopys.export.palladio import PALLADIO_COLUMNS


def test_export_palladio(store) -> None:
    rows = list(csv.DictReader(io.StringIO(export_string(store, "palladio"))))
    assert list(rows[0]) == list(PALLADIO_COLUMNS)
    # the payload event has one source and two targets: two rows
    assert len(rows) == 8
    for r in rows:
        assert r["date"] == "" or re.match(r"^\d{4}-\d{2}-\d{2}$", r["date"])
    assert {"source": "Богомолов", "target": "Чан Кайши"}.items() <= next(
        r for r in rows if r["trigger"] == "зустрівся").items()
