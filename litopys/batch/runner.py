"""``litopys extract``: one text or a corpus, in this process, a process pool or on Dask.

The parent process reads each input, hashes it (the content hash is the
document id) and skips what is already stored; the rest is streamed to an
executor (:mod:`litopys.batch.executors`) through a bounded in-flight
window, so the corpus is never held in memory. Every executor runs the one
worker (:func:`litopys.batch.worker.work`, the same chunked ``Pipeline`` as
a single call). The parent is the single writer: it commits each returned
chronicle with ``Store.write_one`` (one ``BEGIN IMMEDIATE`` transaction per
document), so a run interrupted by Ctrl-C or SIGKILL loses at most the
documents in flight and a re-run picks up where it stopped. At the end it
rebuilds the cross-document merge when the store changed since the last one
(also after a run killed before its merge).

This package runs the pipeline; it holds no NLP logic and runs no SQL.

DOCS: docs/BATCH.md
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from litopys.batch.executors import Executor, PoolExecutor, cpu_count
from litopys.batch.progress import Progress
from litopys.batch.sink import BatchStats, Sink, record
from litopys.chronicle import Chronicle, Document
from litopys.errors import InputError, LitopysError
from litopys.pipeline.ingest import DEFAULT_MAX_BYTES, iter_paths, read_path, read_stdin

__all__ = ["BatchStats", "Sink", "cpu_count", "documents", "executor_for", "run"]


def _inputs(paths: list[str], progress: Progress, stats: BatchStats) -> list[Path | str]:
    """Expand PATHS into input files ('-' = stdin); log directories with no input."""
    items: list[Path | str] = []
    for p in paths:
        if p == "-":
            items.append("-")
            continue
        try:
            items.extend(iter_paths([p]))
        except InputError as err:
            stats.failed += 1
            stats.failures.append(str(err))
            progress.log(f"error: {err}")
    return items


def documents(items: list[Path | str], sink: Sink, max_bytes: int, progress: Progress,
              stats: BatchStats, inflight: set[str], refresh: bool = False) -> Iterator[Document]:
    """Read and hash inputs one at a time; yield those not stored yet.

    Unreadable inputs are logged and counted; documents already stored (or
    being processed: the same text under two names) are skipped.
    refresh (bool): remove each stored document first, so it is extracted again.
    """
    for item in items:
        try:
            if item == "-":
                stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
                document = read_stdin(stream, max_bytes=max_bytes)
            else:
                document = read_path(item, max_bytes=max_bytes)
        except InputError as err:
            stats.failed += 1
            stats.failures.append(str(err))
            progress.log(f"error: {err}")
            progress.advance(failed=True)
            continue
        if refresh and document.id not in inflight:
            sink.forget(document.id)
        if document.id in inflight or sink.has(document.id):
            stats.skipped += 1
            progress.advance(skipped=True)
            sink.skipped(document.id, document.path)
            continue
        yield document


def executor_for(workers: int, dask_address: str | None, anchor: str | None,
                 config_path: str | None, partition_size: int | None, expected: int | None,
                 dask_timeout: float | None = None) -> Executor:
    """The executor for these options: Dask when an address is given, else the pool.

    workers (int): pool processes (0 = all cores, 1 = this process) or LocalCluster size.
    RETURNS (Executor): not started yet.
    """
    if dask_address:
        from litopys.batch.distributed import CONNECT_TIMEOUT, DaskExecutor

        return DaskExecutor(dask_address, workers, anchor, config_path, partition_size,
                            expected, timeout=dask_timeout or CONNECT_TIMEOUT)
    return PoolExecutor(workers or cpu_count(), anchor, config_path)


def run(paths: list[str], db: str | None = "litopys.db", workers: int = 0,
        dask_address: str | None = None, anchor: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES, quiet: bool = False,
        out_parquet: str | None = None, config_path: str | None = None,
        partition_size: int | None = None, merge: bool = True, refresh: bool = False,
        keep: list[Chronicle] | None = None, summary: bool = True,
        dask_timeout: float | None = None, progress_from: int = 1) -> BatchStats:
    """Extract texts with an executor; RETURNS (BatchStats) the figures.

    paths (list[str]): files, directories, or "-" for stdin.
    db (str | None): SQLite store; None to keep Parquet only.
    workers (int): worker processes (0 = all cores, 1 = in this process); with
        ``--dask local``, the number of Dask workers (default 2).
    dask_address (str | None): "tcp://HOST:PORT", "local", or None for the pool.
    anchor (str | None): creation date of the texts.
    max_bytes (int): refuse larger files.
    quiet (bool): no progress, no summary.
    out_parquet (str | None): keep the results as Parquet parts under this directory.
    config_path (str | None): pipeline config.
    partition_size (int | None): documents per Dask partition (None: automatic).
    merge (bool): rebuild the cross-document merge at the end if the store changed
        since the last merge.
    refresh (bool): extract again documents already stored.
    keep (list[Chronicle] | None): collect every chronicle of the run here
        (stored before or now), in input order.
    summary (bool): print the closing summary (failures are always listed).
    dask_timeout (float | None): seconds to wait for a Dask scheduler.
    progress_from (int): show progress on stderr only for at least this many inputs.
    """
    started = time.perf_counter()
    stats = BatchStats(backend="dask" if dask_address else "pool")
    items = _inputs(paths, Progress(None, quiet=True), stats)
    progress = Progress(len(items), quiet=quiet or len(items) < progress_from)
    for message in stats.failures:
        progress.log(f"error: {message}")
    try:
        sink = Sink(db, out_parquet, keep=keep)
    except LitopysError as err:
        progress.close()
        stats.fatal = str(err)
        print(f"error: {err}", file=sys.stderr)
        return stats
    executor = executor_for(workers, dask_address, anchor, config_path, partition_size,
                            len(items), dask_timeout)
    stats.workers = executor.workers
    inflight: set[str] = set()
    try:
        with executor:
            stream = documents(items, sink, max_bytes, progress, stats, inflight, refresh)
            for batch in executor.results(stream, inflight):
                record(batch, sink, stats, progress, started)
            stats.workers = executor.workers
        if merge and sink.store is not None:
            from litopys.store.merge import ensure_merged

            ensure_merged(sink.store)
    except KeyboardInterrupt:
        stats.interrupted = True
    except LitopysError as err:
        stats.fatal = str(err)
    except sqlite3.Error as err:
        from litopys.store.db import store_error

        stats.fatal = str(store_error(err, db or "database"))
    finally:
        try:
            sink.close()
        except (LitopysError, sqlite3.Error) as err:  # the disk filled while flushing
            stats.fatal = stats.fatal or str(err)
        progress.close()
    stats.seconds = time.perf_counter() - started
    if stats.first_result is not None:
        stats.warm_seconds = stats.seconds - stats.first_result
    _report(stats, db, out_parquet, quiet, summary)
    return stats


def _report(stats: BatchStats, db: str | None, out_parquet: str | None, quiet: bool,
            summary: bool) -> None:
    """The closing lines on stderr: why the run stopped, the failures, the summary."""
    if stats.fatal:
        print(f"error: {stats.fatal}", file=sys.stderr)
    if summary and (not quiet or stats.failed or stats.interrupted):
        if stats.failures:
            print(f"litopys: {len(stats.failures)} input(s) failed:", file=sys.stderr)
            for message in stats.failures[:20]:
                print(f"  {message}", file=sys.stderr)
            if len(stats.failures) > 20:
                print(f"  ... and {len(stats.failures) - 20} more", file=sys.stderr)
        print(f"litopys: {stats.summary(db, out_parquet)}", file=sys.stderr)
    elif stats.interrupted:
        print(f"litopys: {stats.summary(db, out_parquet)}", file=sys.stderr)

