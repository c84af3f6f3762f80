"""The web downloads of the export registry: ``/export/FORMAT`` (litopys/web/app.py)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from litopys.export import EXPORT_FORMATS, EXPORTERS, export, export_string
from litopys.store.db import Store


@pytest.fixture()
def store(web_db: Path):
    with Store(web_db, read_only=True) as s:
        yield s


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_web_download(client, store, fmt: str, tmp_path: Path) -> None:
    r = client.get(f"/export/{fmt}")
    assert r.status_code == 200
    exporter = EXPORTERS[fmt]
    assert r.headers["content-type"].startswith(exporter.media_type)
    disposition = r.headers["content-disposition"]
    if not exporter.directory:
        assert disposition == f'attachment; filename="litopys.{exporter.extension}"'
        assert r.content.decode("utf-8") == export_string(store, fmt)
        return
    assert disposition == f'attachment; filename="litopys-{fmt}.zip"'
    export(store, fmt, tmp_path / "dir")
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        names = sorted(zf.namelist())
        assert names == sorted(f"litopys-{fmt}/{p.name}" for p in (tmp_path / "dir").iterdir())
        for name in names:
            assert zf.read(name) == (tmp_path / "dir" / name.split("/", 1)[1]).read_bytes()


def test_export_web_download_unknown(client) -> None:
    r = client.get("/export/xlsx")
    assert r.status_code == 404 and "jsonl" in r.text
