"""``litopys extract --dask ADDRESS``: the same worker on a Dask cluster.

The client (this process) reads and hashes the inputs, skips what is stored,
and submits partitions of documents to the cluster, keeping only a bounded
number in flight. A worker plugin builds the pipeline once per worker
process; each partition runs :func:`litopys.batch.worker.work_partition` and
comes back as one Parquet file image per table (so workers need no shared
file system). The client, the single writer, keeps each partition as a
Parquet part (``--out-parquet``) and/or merges it into the SQLite store, one
transaction per document.

DOCS: docs/BATCH.md
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import islice
from typing import Any

from litopys.batch import worker
from litopys.batch.executors import Executor, cpu_count, no_interrupt
from litopys.batch.worker import Batch, WorkResult
from litopys.chronicle import Document
from litopys.errors import Errors, LitopysError

try:  # dask is a dependency, but keep the import error readable
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover
    WorkerPlugin = object  # type: ignore[assignment,misc]

CONNECT_TIMEOUT = 20.0
"""Seconds to wait for a scheduler before giving up with E027."""


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Build the litopys pipeline once when a Dask worker starts.

    config_path (str | None): a pipeline config; None for the default.
    """

    name = "litopys-pipeline"

    def __init__(self, config_path: str | None = None) -> None:
        self.config_path = config_path

    def setup(self, worker: Any) -> None:  # noqa: ARG002 - the plugin API passes the worker
        from litopys.batch import worker as litopys_worker

        litopys_worker.load(self.config_path)


def connect(address: str, workers: int, timeout: float = CONNECT_TIMEOUT) -> tuple[Any, Any]:
    """A Dask client, and the LocalCluster it started (or None).

    address (str): "tcp://HOST:PORT" of a scheduler, or "local".
    workers (int): LocalCluster size (0 = all cores; 1, the CLI default, = 2).
    timeout (float): seconds to wait for a remote scheduler.
    RETURNS (tuple): the client and the cluster.
    """
    from dask.distributed import Client, LocalCluster

    if address == "local":
        n = cpu_count() if workers == 0 else max(workers, 2)
        # its processes inherit an ignored SIGINT: Ctrl-C is the client's to handle
        with no_interrupt():
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None,
                                   silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=timeout), None
    except (OSError, TimeoutError, ValueError, TypeError) as err:
        raise LitopysError(Errors.E027, address=address, seconds=f"{timeout:g}",
                              reason=str(err).splitlines()[0] if str(err) else
                              type(err).__name__) from None


class DaskExecutor(Executor):
    """Partitions of documents on a Dask cluster.

    address (str): scheduler address or "local".
    workers (int): LocalCluster size.
    partition_size (int | None): documents per task (None: enough partitions to
        keep every worker busy, at most 32 documents each).
    expected (int | None): documents in the run, to size partitions.
    timeout (float): seconds to wait for the scheduler.
    """

    backend = "dask"

    def __init__(self, address: str, workers: int, anchor: str | None = None,
                 config_path: str | None = None, partition_size: int | None = None,
                 expected: int | None = None, timeout: float = CONNECT_TIMEOUT) -> None:
        super().__init__(workers, anchor, config_path)
        self.address = address
        self.partition_size = partition_size
        self.expected = expected
        self.timeout = timeout
        self.client: Any = None
        self.cluster: Any = None
        self.futures: dict[Any, list[Document]] = {}

    def start(self) -> None:
        """Connect (or start the LocalCluster) and load the pipeline on every worker."""
        self.client, self.cluster = connect(self.address, self.workers, self.timeout)
        self.client.register_plugin(PipelinePlugin(self.config_path), name=PipelinePlugin.name)
        self.workers = len(self.client.scheduler_info().get("workers", {})) or 1

    def results(self, stream: Iterator[Document], inflight: set[str]) -> Iterator[Batch]:
        from dask.distributed import as_completed

        if self.client is None:
            self.start()
        window = self.workers * 2
        size = self.partition_size or max(1, min(32, (self.expected or 0) // (self.workers * 4)))
        queue = as_completed()

        def submit() -> bool:
            batch = list(islice(stream, size))
            if not batch:
                return False
            inflight.update(d.id for d in batch)
            fut = self.client.submit(worker.work_partition, batch, self.anchor, pure=False)
            self.futures[fut] = batch
            queue.add(fut)
            return True

        while len(self.futures) < window and submit():
            pass
        for fut in queue:
            batch = self.futures.pop(fut)
            for d in batch:
                inflight.discard(d.id)
            try:
                yield fut.result()
            except Exception as err:  # the task failed as a whole (a worker died)
                yield Batch([WorkResult(label=d.path or d.id, document_id=d.id,
                                        error=f"{type(err).__name__}: {err}") for d in batch])
            while len(self.futures) < window and submit():
                pass

    def close(self, interrupted: bool = False) -> None:
        for fut in self.futures:
            fut.cancel()
        self.futures.clear()
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
