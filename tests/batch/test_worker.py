"""The one batch worker: a document in, its rows or a coded error out."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from litopys.batch import worker
from litopys.batch.executors import PoolExecutor
from litopys.pipeline.ingest import from_text

TEXT = "9 лютого 1918 року УНР підписала мирний договір з Німеччиною.\n\n"


def test_worker_runs_the_chunked_pipeline(pipeline) -> None:
    """A long text goes through the same chunking as Pipeline()(document)."""
    from litopys.pipeline.language import Pipeline

    long = from_text(TEXT * 40)  # about 2,500 characters
    small = Pipeline(chunk_chars=1000)
    worker._PIPELINE, worker._CONFIG = small, None
    try:
        result = worker.work(long)
    finally:
        worker._PIPELINE = None
    assert result.ok and result.tokens > 0 and result.pid
    assert result.chronicle is not None
    assert result.chronicle.to_dict() == small(long).to_dict()
    assert len(result.chronicle.events) == 40


@pytest.mark.parametrize("item,code", [
    (b"", "E003"),
    (b"\x00\x01\x02\x00" * 10, "E002"),
    ("missing.txt", "E001"),
])
def test_worker_bad_input_is_a_coded_error(item: bytes | str, code: str, tmp_path: Path) -> None:
    if isinstance(item, str):
        item = str(tmp_path / item)
    result = worker.work(item)
    assert not result.ok and result.chronicle is None
    assert result.error is not None and result.error.startswith(code), result.error


def test_worker_path_and_bytes_give_the_same_rows(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    by_path, by_bytes = worker.work(p), worker.work(TEXT.encode("utf-8"))
    assert by_path.ok and by_bytes.ok
    assert by_path.chronicle.to_dict()["events"] == by_bytes.chronicle.to_dict()["events"]


def test_worker_pool_of_one_runs_in_this_process() -> None:
    import os

    docs = [from_text(TEXT), from_text(TEXT + "Кінець.")]
    with PoolExecutor(1) as ex:
        batches = list(ex.results(iter(docs), set()))
    assert [b.results[0].document_id for b in batches] == [d.id for d in docs]
    assert all(b.results[0].pid.endswith(f":{os.getpid()}") for b in batches)


def test_worker_load_freezes_the_pipeline_out_of_the_collector(monkeypatch) -> None:
    """A worker's pipeline lives as long as the process: load() moves it (and everything
    alive then) to the collector's permanent generation (speed, no output change)."""
    import gc

    import litopys.pipeline.language as language

    frozen: list[bool] = []
    monkeypatch.setattr(language, "Pipeline",
                        lambda config_path=None: SimpleNamespace(warm_up=lambda: None))
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(worker, "_PIPELINE", None)
    monkeypatch.setattr(worker, "_CONFIG", None)
    worker.load()
    assert frozen == [True]


def test_worker_load_warms_the_pipeline_before_counting_cpu(monkeypatch) -> None:
    """The stages load their models on their first document: load() runs the warm-up
    text before it takes the CPU mark, so the first document is not charged for it."""
    import litopys.pipeline.language as language

    calls: list[str] = []
    monkeypatch.setattr(language, "Pipeline", lambda config_path=None: SimpleNamespace(
        warm_up=lambda: calls.append("warm")))
    monkeypatch.setattr(worker, "cpu_seconds", lambda: calls.append("cpu") or 0.0)
    monkeypatch.setattr(worker, "_PIPELINE", None)
    monkeypatch.setattr(worker, "_CONFIG", None)
    worker.load()
    assert calls == ["warm", "cpu"]


def test_pipeline_warm_up_loads_the_stages_in_every_language() -> None:
    """Every language with a morphology dictionary has a warm-up text, and analysing it
    loads the lazily loaded entity model."""
    from litopys.pipeline.language import Pipeline
    from litopys.pipeline.morph import MORPH_LANGUAGES

    pipeline = Pipeline()
    for language in MORPH_LANGUAGES:
        pipeline.warm_up(language)
    entities = dict(pipeline.nlp.pipeline)["litopys_entities"]
    assert entities._ner_loaded
