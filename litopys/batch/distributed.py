"""``litopys extract --dask ADDRESS``: the same per-document work on a Dask cluster.

The client (this process) reads and hashes the inputs, skips what is stored,
and submits partitions of documents to the cluster, keeping only a bounded
number in flight. A worker plugin builds the pipeline once per worker
process; each partition comes back as one Parquet file image per table (so
workers need no shared file system). The client, the single writer, keeps
each partition as a Parquet part (``--out-parquet``) and/or merges it into the
SQLite store, one transaction per document.

DOCS: docs/BATCH.md
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

from litopys.batch import runner
from litopys.batch.progress import Progress
from litopys.model import Document

try:  # dask is a dependency, but keep the import error readable
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover
    WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Build the litopys pipeline once when a Dask worker starts.

    config_path (str | None): a pipeline config; None for the default.
    """

    name = "litopys-pipeline"

    def __init__(self, config_path: str | None = None) -> None:
        self.config_path = config_path

    def setup(self, worker: Any) -> None:
        from litopys.pipeline.language import Pipeline

        runner._PIPELINE = Pipeline(self.config_path)
        runner._CPU0 = runner.cpu_seconds()


def process_partition(documents: list[Document], anchor: str | None) -> dict[str, Any]:
    """One Dask task: run the pipeline on a partition.

    documents (list[Document]): the partition.
    anchor (str | None): creation date of the texts.
    RETURNS (dict): "parquet" (table -> Parquet bytes), "tokens" (doc id -> tokens),
        "errors" ((label, message) pairs), "pid", "rss" (peak bytes) and "cpu" (seconds) of the worker.
    """
    from litopys.batch.parquet import to_parquet_bytes

    chronicles = []
    tokens: dict[str, int] = {}
    errors: list[tuple[str, str]] = []
    for document in documents:
        try:
            ch, n = runner.process_document(document, anchor)
        except Exception as err:  # batch mode logs and skips failing documents
            errors.append((document.path or document.id, f"{type(err).__name__}: {err}"))
            continue
        chronicles.append(ch)
        tokens[document.id] = n
    return {"parquet": to_parquet_bytes(chronicles), "tokens": tokens, "errors": errors,
            "pid": f"{os.uname().nodename}:{os.getpid()}", "rss": runner.peak_rss(),
            "cpu": runner.usage()[1]}


def connect(address: str, workers: int) -> tuple[Any, Any]:
    """A Dask client, and the LocalCluster it started (or None).

    address (str): "tcp://HOST:PORT" of a scheduler, or "local".
    workers (int): LocalCluster size (0 = all cores; 1, the CLI default, = 2).
    """
    from dask.distributed import Client, LocalCluster

    if address == "local":
        n = runner.cpu_count() if workers == 0 else max(workers, 2)
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None,
                               silence_logs=logging.ERROR)
        return Client(cluster), cluster
    return Client(address), None


def run_dask(docs_for: Callable[[set[str]], Iterator[Document]], sink: runner.Sink,
             address: str, workers: int, anchor: str | None, config_path: str | None,
             progress: Progress, stats: runner.BatchStats, started: float,
             partition_size: int | None = None) -> None:
    """Process documents on a Dask cluster; write the partitions as they complete.

    docs_for (Callable): the document stream, given the set of ids in flight.
    sink (Sink): the single writer.
    address (str): scheduler address or "local".
    workers (int): LocalCluster size.
    partition_size (int | None): documents per task (None: enough partitions to
        keep every worker busy, at most 32 documents each).
    """
    import time

    from dask.distributed import as_completed

    client, cluster = connect(address, workers)
    futures: dict[Any, list[Document]] = {}
    inflight: set[str] = set()
    try:
        client.register_plugin(PipelinePlugin(config_path), name=PipelinePlugin.name)
        n_workers = len(client.scheduler_info().get("workers", {})) or 1
        stats.workers = n_workers
        window = n_workers * 2
        size = partition_size or max(1, min(32, (progress.total or 0) // (n_workers * 4)))
        stream = docs_for(inflight)
        queue = as_completed()

        def submit() -> bool:
            batch = list(islice(stream, size))
            if not batch:
                return False
            inflight.update(d.id for d in batch)
            fut = client.submit(process_partition, batch, anchor, pure=False)
            futures[fut] = batch
            queue.add(fut)
            return True

        while len(futures) < window and submit():
            pass
        for fut in queue:
            batch = futures.pop(fut)
            for d in batch:
                inflight.discard(d.id)
            try:
                result = fut.result()
            except Exception as err:
                for d in batch:
                    runner._record(stats, progress, sink,
                                   ("error", f"{type(err).__name__}: {err}", 0, "", (0, 0.0)),
                                   d.path or d.id, started)
            else:
                _write(result, batch, sink, progress, stats, started, time.perf_counter)
            while len(futures) < window and submit():
                pass
    except KeyboardInterrupt:
        stats.interrupted = True
        progress.log("interrupted: cancelling Dask tasks; documents in flight are not stored.")
        for fut in futures:
            fut.cancel()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _write(result: dict[str, Any], batch: list[Document], sink: runner.Sink, progress: Progress,
           stats: runner.BatchStats, started: float, clock: Callable[[], float]) -> None:
    pid = result["pid"]
    stats.peak_rss[pid] = max(stats.peak_rss.get(pid, 0), result["rss"])
    stats.worker_cpu[pid] = max(stats.worker_cpu.get(pid, 0.0), result["cpu"])
    for label, message in result["errors"]:
        stats.failed += 1
        stats.failures.append(f"{label}: {message}")
        progress.log(f"error: {label}: {message}")
        progress.advance(failed=True)
    tokens: dict[str, int] = result["tokens"]
    if not tokens:
        return
    if stats.first_result is None:
        stats.first_result = clock() - started
    else:
        stats.warm_tokens += sum(tokens.values())
    order = [d.id for d in batch if d.id in tokens]
    new = sink.write_part(result["parquet"])
    for doc_id, fresh in zip(order, new, strict=True):
        if fresh:
            stats.stored += 1
            stats.tokens += tokens[doc_id]
            progress.advance(tokens=tokens[doc_id])
        else:
            stats.skipped += 1
            progress.advance(skipped=True)
