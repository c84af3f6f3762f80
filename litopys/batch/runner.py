"""``litopys extract --workers N`` and ``--dask``: a corpus at the speed of the machine.

The parent process reads each input, hashes it (the content hash is the
document id) and skips what is already stored; the rest is streamed to
workers through a bounded in-flight window, so the corpus is never held in
memory. Each worker builds the same ``Pipeline()`` once. The parent is the
single writer: it commits each returned chronicle with ``Store.write_one``
(one ``BEGIN IMMEDIATE`` transaction per document), so a run interrupted by
Ctrl-C or SIGKILL loses at most the documents in flight and a re-run picks up
where it stopped.

This package runs the pipeline; it holds no NLP logic and runs no SQL.

DOCS: docs/BATCH.md
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litopys.batch.progress import Progress
from litopys.errors import InputError, LitopysError
from litopys.model import Chronicle, Document
from litopys.pipeline.ingest import DEFAULT_MAX_BYTES, iter_paths, read_path, read_stdin


@dataclass
class BatchStats:
    """What a batch run did (the benchmark reads it; the CLI prints a summary)."""

    workers: int = 0
    backend: str = "pool"
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    tokens: int = 0
    seconds: float = 0.0
    first_result: float | None = None
    warm_tokens: int = 0
    warm_seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    peak_rss: dict[str, int] = field(default_factory=dict)
    worker_cpu: dict[str, float] = field(default_factory=dict)
    interrupted: bool = False

    @property
    def exit_code(self) -> int:
        """130 when interrupted, 1 when an input failed, else 0."""
        if self.interrupted:
            return 130
        return 1 if self.failed else 0

    @property
    def cpu_seconds(self) -> float:
        """CPU time the workers spent on documents (pipeline loading not counted)."""
        return sum(self.worker_cpu.values())

    @property
    def max_rss(self) -> int:
        """The largest peak resident set of any worker, in bytes."""
        return max(self.peak_rss.values(), default=0)

    def summary(self, db: str | None, out_parquet: str | None) -> str:
        where = " and ".join(x for x in (db, out_parquet) if x) or "nowhere"
        rss = f", peak worker RSS {self.max_rss / 2**20:.0f} MiB" if self.peak_rss else ""
        head = "interrupted: " if self.interrupted else ""
        return (
            f"{head}{self.stored} documents stored in {where}, {self.skipped} already stored, "
            f"{self.failed} failed; {self.tokens:,} tokens in {self.seconds:.1f} s "
            f"({self.tokens / max(self.seconds, 1e-9):,.0f} tokens/s, {self.workers} "
            f"{self.backend} workers{rss})."
        )


# -- the worker side ----------------------------------------------------------
_PIPELINE: Any = None
_CPU0 = 0.0  # CPU time this worker had used when its pipeline was ready


def _watch_parent(parent: int) -> None:
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


def init_worker(config_path: str | None = None, parent: int | None = None) -> None:
    """Pool initializer: build the pipeline once per worker process.

    config_path (str | None): a pipeline config; None for the default.
    parent (int | None): pid of the writer process; the worker exits when it dies.
    """
    global _PIPELINE, _CPU0
    # Ctrl-C goes to the whole process group; the parent alone decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(parent or os.getppid())
    from litopys.pipeline.language import Pipeline

    _PIPELINE = Pipeline(config_path)
    _CPU0 = cpu_seconds()


def cpu_seconds() -> float:
    """User + system CPU time of this process."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def usage() -> tuple[int, float]:
    """(peak RSS in bytes, CPU seconds since the pipeline was ready) of this worker."""
    return peak_rss(), cpu_seconds() - _CPU0


def peak_rss() -> int:
    """This process's peak resident set size in bytes."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def process_document(document: Document, anchor: str | None = None,
                     pipeline: Any = None) -> tuple[Chronicle, int]:
    """Run the pipeline on one document.

    Same as ``Pipeline()(document, anchor)``, split in its two public steps so
    the token count is known for the progress figures.

    document (Document): the input.
    anchor (str | None): creation date of the text.
    pipeline (Pipeline | None): the pipeline (default: this worker's).
    RETURNS (tuple[Chronicle, int]): the chronicle and the number of tokens.
    """
    from litopys.pipeline.language import to_chronicle

    p = pipeline or _PIPELINE
    if p is None:
        from litopys.pipeline.language import Pipeline

        p = Pipeline()
    doc = p.make_doc(document, anchor)
    return to_chronicle(doc, document), len(doc)


def _work(document: Document, anchor: str | None) -> tuple[str, Any, int, int, Any]:
    """One task: ("ok", chronicle, tokens, pid, usage) or ("error", message, 0, pid, usage)."""
    try:
        ch, tokens = process_document(document, anchor)
        return "ok", ch, tokens, os.getpid(), usage()
    except Exception as err:  # batch mode logs and skips failing documents
        return "error", f"{type(err).__name__}: {err}", 0, os.getpid(), usage()


# -- the parent side ------------------------------------------------------------
class Sink:
    """Where results go: the SQLite store (single writer) and/or Parquet parts.

    db (str | None): SQLite file, or None for Parquet only.
    out_parquet (str | None): Parquet root, or None.
    """

    def __init__(self, db: str | None, out_parquet: str | None, part_size: int = 64) -> None:
        from litopys.batch.parquet import PartWriter, stored_ids

        self.store = None
        if db:
            from litopys.store.db import Store

            self.store = Store(db)
        self.parts = PartWriter(out_parquet, size=part_size) if out_parquet else None
        self.parquet_ids: set[str] = stored_ids(out_parquet) if out_parquet else set()

    def has(self, doc_id: str) -> bool:
        """True when every output already holds the document."""
        if self.store is not None and not self.store.has_document(doc_id):
            return False
        if self.parts is not None and doc_id not in self.parquet_ids:
            return False
        return True

    def write(self, ch: Chronicle) -> bool:
        """Store one chronicle. RETURNS (bool): False when it was already stored."""
        new = False
        if self.store is not None:
            new = self.store.write_one(ch)
        if self.parts is not None and ch.document.id not in self.parquet_ids:
            self.parts.add(ch)
            self.parquet_ids.add(ch.document.id)
            new = True
        return new

    def write_part(self, files: dict[str, bytes]) -> list[bool]:
        """Store a Dask partition (Parquet images): keep it as a part, merge into SQLite."""
        import io

        import pyarrow.parquet as pq

        from litopys.batch.parquet import from_tables

        tables = {t: pq.read_table(io.BytesIO(b)) for t, b in files.items()}
        chronicles = list(from_tables(tables))
        new = [False] * len(chronicles)
        if self.parts is not None:
            fresh = [c.document.id not in self.parquet_ids for c in chronicles]
            if any(fresh):
                self.parts.add_part(files)
                self.parquet_ids.update(c.document.id for c in chronicles)
            new = fresh
        if self.store is not None:
            new = [self.store.write_one(c) or n for c, n in zip(chronicles, new, strict=True)]
        return new

    def close(self) -> None:
        if self.parts is not None:
            self.parts.flush()
        if self.store is not None:
            self.store.close()


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
              stats: BatchStats, inflight: set[str]) -> Iterator[Document]:
    """Read and hash inputs one at a time; yield those not stored yet.

    Unreadable inputs are logged and counted; documents already stored (or
    being processed: the same text under two names) are skipped.
    """
    for item in items:
        try:
            if item == "-":
                stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
                document = read_stdin(stream)
            else:
                document = read_path(item, max_bytes=max_bytes)
        except InputError as err:
            stats.failed += 1
            stats.failures.append(str(err))
            progress.log(f"error: {err}")
            progress.advance(failed=True)
            continue
        if document.id in inflight or sink.has(document.id):
            stats.skipped += 1
            progress.advance(skipped=True)
            continue
        yield document


def _context() -> mp.context.BaseContext:
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


def _record(stats: BatchStats, progress: Progress, sink: Sink, result: tuple[Any, ...],
            label: str, started: float) -> None:
    status, payload, tokens, pid, (rss, cpu) = result
    if pid:
        stats.peak_rss[str(pid)] = max(stats.peak_rss.get(str(pid), 0), rss)
        stats.worker_cpu[str(pid)] = max(stats.worker_cpu.get(str(pid), 0.0), cpu)
    if status != "ok":
        stats.failed += 1
        stats.failures.append(f"{label}: {payload}")
        progress.log(f"error: {label}: {payload}")
        progress.advance(failed=True)
        return
    if stats.first_result is None:
        stats.first_result = time.perf_counter() - started
    else:
        stats.warm_tokens += tokens
    if sink.write(payload):
        stats.stored += 1
        stats.tokens += tokens
        progress.advance(tokens=tokens)
    else:
        stats.skipped += 1
        progress.advance(skipped=True)


def run_pool(docs_for: Any, sink: Sink, workers: int, anchor: str | None,
             config_path: str | None, progress: Progress, stats: BatchStats,
             started: float) -> None:
    """Process documents on a pool of worker processes; the caller's process writes.

    docs_for (Callable[[set[str]], Iterator[Document]]): the document stream,
        given the set of ids in flight.
    """
    window = max(2, workers * 4)
    pending: dict[Future[Any], Document] = {}
    inflight: set[str] = set()
    ex = ProcessPoolExecutor(workers, mp_context=_context(), initializer=init_worker,
                             initargs=(config_path, os.getpid()))

    def drain(block_until: int) -> None:
        nonlocal ex
        while len(pending) > block_until:
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                document = pending.pop(fut)
                inflight.discard(document.id)
                label = document.path or document.id
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    # a worker died (out of memory, a crash): fail what was in flight, go on
                    broken = True
                    result = ("error", "a worker process died while processing it", 0, 0, (0, 0.0))
                _record(stats, progress, sink, result, label, started)
            if broken:
                ex.shutdown(wait=False, cancel_futures=True)
                for fut, document in list(pending.items()):
                    pending.pop(fut)
                    inflight.discard(document.id)
                    _record(stats, progress, sink,
                            ("error", "a worker process died", 0, 0, (0, 0.0)),
                            document.path or document.id, started)
                ex = ProcessPoolExecutor(workers, mp_context=_context(),
                                         initializer=init_worker,
                                         initargs=(config_path, os.getpid()))

    try:
        for document in docs_for(inflight):
            drain(window - 1)
            inflight.add(document.id)
            pending[ex.submit(_work, document, anchor)] = document
        drain(0)
    except KeyboardInterrupt:
        stats.interrupted = True
        progress.log("interrupted: stopping workers; documents in flight are not stored.")
        for fut in pending:
            fut.cancel()
        procs = list(getattr(ex, "_processes", {}).values())
        ex.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            proc.terminate()
        return
    ex.shutdown(wait=True)


def run(paths: list[str], db: str | None = "litopys.db", workers: int = 0,
        dask_address: str | None = None, anchor: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES, quiet: bool = False,
        out_parquet: str | None = None, config_path: str | None = None,
        partition_size: int | None = None, merge: bool = True) -> BatchStats:
    """Extract a corpus with a process pool or on Dask; RETURNS (BatchStats) the figures.

    paths (list[str]): files, directories, or "-" for stdin.
    db (str | None): SQLite store; None to keep Parquet only.
    workers (int): worker processes (0 = all cores); with ``--dask local``,
        the number of Dask workers (default 2).
    dask_address (str | None): "tcp://HOST:PORT", "local", or None for the pool.
    anchor (str | None): creation date of the texts.
    max_bytes (int): refuse larger files.
    quiet (bool): no progress, no summary.
    out_parquet (str | None): keep the results as Parquet parts under this directory.
    config_path (str | None): pipeline config.
    partition_size (int | None): documents per Dask partition (None: automatic).
    merge (bool): rebuild the cross-document merge at the end.
    """
    started = time.perf_counter()
    stats = BatchStats(backend="dask" if dask_address else "pool")
    probe = Progress(None, quiet=True)
    items = _inputs(paths, probe, stats)
    progress = Progress(len(items), quiet=quiet)
    for message in stats.failures:
        progress.log(f"error: {message}")
    try:
        sink = Sink(db, out_parquet)
    except LitopysError as err:
        progress.close()
        stats.failed += 1
        stats.failures.append(str(err))
        print(f"error: {err}", file=sys.stderr)
        return stats

    def docs_for(inflight: set[str]) -> Iterator[Document]:
        return documents(items, sink, max_bytes, progress, stats, inflight)

    try:
        if dask_address:
            from litopys.batch.distributed import run_dask

            run_dask(docs_for, sink, dask_address, workers, anchor, config_path, progress,
                     stats, started, partition_size)
        else:
            stats.workers = workers or cpu_count()
            run_pool(docs_for, sink, stats.workers, anchor, config_path, progress, stats,
                     started)
        if merge and sink.store is not None and stats.stored and not stats.interrupted:
            from litopys.store.merge import merge_store

            merge_store(sink.store)
    except KeyboardInterrupt:
        stats.interrupted = True
    finally:
        sink.close()
        progress.close()
    stats.seconds = time.perf_counter() - started
    if stats.first_result is not None:
        stats.warm_seconds = stats.seconds - stats.first_result
    if not quiet or stats.failed or stats.interrupted:
        if stats.failures:
            print(f"litopys: {len(stats.failures)} input(s) failed:", file=sys.stderr)
            for message in stats.failures[:20]:
                print(f"  {message}", file=sys.stderr)
            if len(stats.failures) > 20:
                print(f"  ... and {len(stats.failures) - 20} more", file=sys.stderr)
        print(f"litopys: {stats.summary(db, out_parquet)}", file=sys.stderr)
    return stats


def run_batch(paths: list[str], db: str | None = "litopys.db", workers: int = 0,
              dask_address: str | None = None, anchor: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, quiet: bool = False,
              out_parquet: str | None = None) -> int:
    """The ``extract`` command's batch mode. RETURNS (int): the exit code.

    See :func:`run` for the arguments. Failing inputs are logged and skipped;
    the exit code is 1 when any failed, 130 when interrupted.
    """
    return run(paths, db=db, workers=workers, dask_address=dask_address, anchor=anchor,
               max_bytes=max_bytes, quiet=quiet, out_parquet=out_parquet).exit_code
