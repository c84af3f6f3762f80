"""Shared fixtures: paths to ../shared, the pipeline, temporary stores."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "samples" / "seed.txt"
DEV = SHARED / "eval" / "dev"
SAMPLE = ROOT / "samples" / "sample.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="run slow tests")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: long tests, run with --slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pipeline():
    from litopys.pipeline.language import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/samples/seed.txt is not available")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_chronicle(pipeline, seed_text):
    from litopys.pipeline.ingest import read_path

    return pipeline(read_path(SEED))


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


def curated_yaml(name: str):
    """A curated YAML file as data, parsed with the fast safe loader the build uses."""
    import yaml

    from litopys.data.loader import SAFE_LOADER

    path = ROOT / "litopys" / "data" / "curated" / name
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506


@pytest.fixture(scope="session")
def actors_yaml():
    """The curated actor dictionary, as YAML data (tests/data)."""
    return curated_yaml("actors.yaml")


@pytest.fixture(scope="session")
def fresh_build(build_data, tmp_path_factory) -> Path:
    """The build tables made once per session by ``scripts/build_data.py`` (tests/data)."""
    out = tmp_path_factory.mktemp("build")
    assert build_data.main(["--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def gazetteer():
    """The compiled gazetteer (tests/data)."""
    from litopys.data.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def build_data():
    """The scripts/build_data.py module (scripts/ is not a package; tests/data)."""
    import importlib.util

    pytest.importorskip("pymorphy3")
    spec = importlib.util.spec_from_file_location("build_data", ROOT / "scripts" / "build_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
