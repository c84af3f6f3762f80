"""Fixtures shared by the data tests: the curated actor file and the compiled gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from litopys.data.gazetteer import load_gazetteer

CURATED = Path(__file__).resolve().parents[2] / "litopys" / "data" / "curated"


@pytest.fixture(scope="module")
def actors_yaml():
    return yaml.safe_load((CURATED / "actors.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()
