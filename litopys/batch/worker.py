"""The one batch worker: a document in, its rows or a coded error out.

Every way of running litopys on a corpus (``extract`` in one process, the
process pool, a Dask cluster) calls :func:`work` on each document, and
:func:`work` calls the same ``Pipeline.run`` as ``Pipeline()(document)``,
chunking included, so memory is bounded by a chunk whatever the executor.

A worker process builds its pipeline once (:func:`init_process` for a pool
process, :func:`load` in-process or from the Dask plugin). This module holds
no NLP logic and runs no SQL: results go back to the single writer.

DOCS: docs/BATCH.md
"""

from __future__ import annotations

import gc
import io
import os
import resource
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from litopys.chronicle import Chronicle, Document
from litopys.errors import LitopysError

_PIPELINE: Any = None
_CONFIG: str | None = None
_CPU0 = 0.0  # CPU time this process had used when its pipeline was ready


@dataclass
class WorkResult:
    """What the worker returns for one document.

    label (str): the document's path, or its id for stdin.
    document_id (str): the content hash ("" when the input could not be read).
    chronicle (Chronicle | None): the rows to store; None on error, or when the
        executor ships them otherwise (Dask: as Parquet images).
    tokens (int): tokens analysed.
    error (str | None): a one-line message (a coded one for bad input).
    pid (str): the worker process that did it.
    rss (int): that process's peak resident set, bytes.
    cpu (float): its CPU seconds spent on documents so far.
    """

    label: str
    document_id: str
    chronicle: Chronicle | None = None
    tokens: int = 0
    error: str | None = None
    pid: str = ""
    rss: int = 0
    cpu: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Batch:
    """What an executor hands the writer: results, and for Dask their rows as Parquet.

    results (list[WorkResult]): one per document, in submission order.
    parquet (dict[str, bytes] | None): table -> Parquet image of the chronicles
        of the results that succeeded (in order), when they travel that way.
    """

    results: list[WorkResult]
    parquet: dict[str, bytes] | None = None


def cpu_seconds() -> float:
    """User + system CPU time of this process."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def peak_rss() -> int:
    """This process's peak resident set size in bytes."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def process_id() -> str:
    """host:pid of this process (Dask workers may be on other machines)."""
    return f"{os.uname().nodename}:{os.getpid()}"


def load(config_path: str | None = None) -> Any:
    """Build this process's pipeline (once per config). RETURNS (Pipeline): it."""
    global _PIPELINE, _CONFIG, _CPU0
    from litopys.pipeline.language import Pipeline

    if _PIPELINE is None or _CONFIG != config_path:
        _PIPELINE, _CONFIG = Pipeline(config_path), config_path
        _PIPELINE.warm_up()  # the stages' lazily loaded models and dictionaries
        # the pipeline (spaCy, dictionaries, gazetteer: ~190,000 objects) lives as long as
        # the process: out of the collector's way, the full collections the stages'
        # allocations trigger cost a quarter as much (~3 % of the CPU time of a cold run)
        gc.freeze()
        _CPU0 = cpu_seconds()
    return _PIPELINE


def init_process(config_path: str | None = None, parent: int | None = None) -> None:
    """Pool initializer: ignore Ctrl-C, watch the writer, build the pipeline.

    config_path (str | None): a pipeline config; None for the default.
    parent (int | None): pid of the writer process; the worker exits when it dies.
    """
    # Ctrl-C goes to the whole process group; the writer alone decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_parent(parent or os.getppid())
    load(config_path)


def watch_parent(parent: int) -> None:
    """Exit when the parent dies: SIGKILL leaves it no chance to stop the workers.

    parent (int): pid of the process that owns the pool. Under forkserver the
        worker's own parent is the fork server, which lives as long as any
        worker does, so the owner is watched directly (a zombie counts as dead).
    """
    try:
        import psutil

        owner = psutil.Process(parent)
    except Exception:  # pragma: no cover - psutil comes with dask.distributed
        owner = None

    def gone() -> bool:
        if owner is None:
            return os.getppid() == 1
        try:
            return not owner.is_running() or owner.status() == "zombie"
        except Exception:
            return True

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if gone():
                os._exit(1)

    threading.Thread(target=watch, name="litopys-parent-watch", daemon=True).start()


def _read(item: Document | str | Path | bytes, max_bytes: int | None) -> Document:
    from litopys.pipeline.ingest import DEFAULT_MAX_BYTES, read_path, read_stdin

    if isinstance(item, Document):
        return item
    limit = max_bytes or DEFAULT_MAX_BYTES
    if isinstance(item, bytes):
        return read_stdin(io.BytesIO(item), max_bytes=limit)
    return read_path(item, max_bytes=limit)


def work(item: Document | str | Path | bytes, anchor: str | None = None,
         max_bytes: int | None = None) -> WorkResult:
    """Run the pipeline on one input: the worker contract.

    item (Document | str | Path | bytes): a document already read, a path, or
        the raw bytes of a text.
    anchor (str | None): creation date of the text.
    max_bytes (int | None): refuse larger inputs (paths and bytes only).
    RETURNS (WorkResult): the chronicle and token count, or a one-line error
        (an input that cannot be read keeps its coded message; a pipeline
        failure is named with its exception type). Never raises for a bad document.
    """
    label = str(item) if isinstance(item, str | Path) else "<bytes>"
    doc_id = ""
    try:
        document = _read(item, max_bytes)
        label, doc_id = document.path or document.id, document.id
        chronicle, tokens = (_PIPELINE or load()).run(document, anchor)
    except LitopysError as err:
        return _result(label, doc_id, error=str(err))
    except Exception as err:  # batch mode logs and skips failing documents
        return _result(label, doc_id, error=f"{type(err).__name__}: {err}")
    return _result(label, doc_id, chronicle=chronicle, tokens=tokens)


def _result(label: str, doc_id: str, **kwargs: Any) -> WorkResult:
    return WorkResult(label=label, document_id=doc_id, pid=process_id(), rss=peak_rss(),
                      cpu=cpu_seconds() - _CPU0, **kwargs)


def work_partition(documents: list[Document], anchor: str | None) -> Batch:
    """One Dask task: :func:`work` on each document of a partition.

    documents (list[Document]): the partition.
    anchor (str | None): creation date of the texts.
    RETURNS (Batch): one :class:`WorkResult` per document, without its
        chronicle, and the chronicles that succeeded as Parquet images (in order).
    """
    from litopys.batch.parquet import to_parquet_bytes

    results = [work(d, anchor) for d in documents]
    chronicles = [r.chronicle for r in results if r.chronicle is not None]
    for r in results:
        r.chronicle = None
    return Batch(results, to_parquet_bytes(chronicles))

