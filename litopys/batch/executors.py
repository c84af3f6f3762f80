"""Executors: where :func:`litopys.batch.worker.work` runs.

Both executors behind the one interface (:class:`Executor`) take the stream
of documents to do and give back :class:`~litopys.batch.worker.Batch` es for
the writer, keeping a bounded number of documents in flight:

* :class:`PoolExecutor`: one worker runs in this process (``extract`` on a
  few files); more run as ``forkserver`` processes.
* :class:`~litopys.batch.distributed.DaskExecutor`: partitions on a Dask
  cluster.

DOCS: docs/BATCH.md
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from litopys.batch import worker
from litopys.batch.worker import Batch, WorkResult
from litopys.chronicle import Document


class Executor:
    """Runs the worker on a stream of documents.

    workers (int): how many documents are processed at once.
    anchor (str | None): creation date of the texts.
    config_path (str | None): pipeline config.
    """

    backend = "pool"

    def __init__(self, workers: int, anchor: str | None = None,
                 config_path: str | None = None) -> None:
        self.workers = workers
        self.anchor = anchor
        self.config_path = config_path

    def results(self, stream: Iterator[Document], inflight: set[str]) -> Iterator[Batch]:
        """Process the documents; yield batches as they complete.

        stream (Iterator[Document]): documents to do; pulled lazily.
        inflight (set[str]): ids submitted and not yet returned (kept up to
            date here, so the stream can skip a second copy of a text in flight).
        """
        raise NotImplementedError

    def close(self, interrupted: bool = False) -> None:
        """Release the workers; when interrupted, stop them without waiting."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self.close(interrupted=kind is not None)


def context() -> mp.context.BaseContext:
    """forkserver where available (spaCy imported once, then forked), else spawn."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["litopys.pipeline.language"])
        return ctx
    return mp.get_context("spawn")


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class PoolExecutor(Executor):
    """A pool of worker processes, or this process alone for one worker.

    A worker process that dies (out of memory, a crash in a library) fails the
    documents in flight and a fresh pool takes over.
    """

    def __init__(self, workers: int, anchor: str | None = None,
                 config_path: str | None = None) -> None:
        super().__init__(max(1, workers), anchor, config_path)
        self.pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        self.pool = ProcessPoolExecutor(self.workers, mp_context=context(),
                                        initializer=worker.init_process,
                                        initargs=(self.config_path, os.getpid()))
        return self.pool

    def results(self, stream: Iterator[Document], inflight: set[str]) -> Iterator[Batch]:
        if self.workers == 1:
            worker.load(self.config_path)
            for document in stream:
                yield Batch([worker.work(document, self.anchor)])
            return
        window = self.workers * 4
        pending: dict[Future[Any], Document] = {}
        self._start()
        for document in stream:
            while len(pending) >= window:
                yield from self._completed(pending, inflight)
            inflight.add(document.id)
            pool = self.pool or self._start()
            pending[pool.submit(worker.work, document, self.anchor)] = document
        while pending:
            yield from self._completed(pending, inflight)

    def _completed(self, pending: dict[Future[Any], Document],
                   inflight: set[str]) -> Iterator[Batch]:
        done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
        broken = False
        for fut in done:
            document = pending.pop(fut)
            inflight.discard(document.id)
            try:
                yield Batch([fut.result()])
            except BrokenProcessPool:
                broken = True
                yield Batch([_died(document, "a worker process died while processing it")])
        if broken:
            # the whole pool is unusable: fail what was in flight, start a fresh one
            for fut, document in list(pending.items()):
                pending.pop(fut)
                inflight.discard(document.id)
                yield Batch([_died(document, "a worker process died")])
            self.close(interrupted=True)
            self._start()

    def close(self, interrupted: bool = False) -> None:
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if not interrupted:
            pool.shutdown(wait=True)
            return
        # Stop the workers without cancelling their futures: the pool's manager
        # thread then fails them itself (cancelling first makes it raise
        # InvalidStateError on Python 3.11). A second Ctrl-C waits its turn.
        with no_interrupt():
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.terminate()
            pool.shutdown(wait=True)


@contextmanager
def no_interrupt() -> Iterator[None]:
    """Ignore Ctrl-C during the block (main thread only; elsewhere do nothing)."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _died(document: Document, message: str) -> WorkResult:
    return WorkResult(label=document.path or document.id, document_id=document.id,
                      error=message)
