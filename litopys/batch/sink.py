"""The writer side of a batch run: its figures and where results go.

The process that runs ``extract`` is the single writer: whatever executor ran
the pipeline, each :class:`~litopys.batch.worker.Batch` comes back here and
:func:`record` commits it through :class:`Sink` (the SQLite store, one
``BEGIN IMMEDIATE`` transaction per document, and/or Parquet parts).

DOCS: docs/BATCH.md
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from litopys.batch.progress import Progress
from litopys.batch.worker import Batch, WorkResult
from litopys.chronicle import Chronicle


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
    fatal: str | None = None  # the run stopped (store unwritable, cluster unreachable)

    @property
    def exit_code(self) -> int:
        """130 when interrupted, 1 when an input failed or the run stopped, else 0."""
        if self.interrupted:
            return 130
        return 1 if self.failed or self.fatal else 0

    @property
    def cpu_seconds(self) -> float:
        """CPU time the workers spent on documents (pipeline loading not counted)."""
        return sum(self.worker_cpu.values())

    @property
    def max_rss(self) -> int:
        """The largest peak resident set of any worker, in bytes."""
        return max(self.peak_rss.values(), default=0)

    def summary(self, db: str | None, out_parquet: str | None) -> str:
        """One line: what was stored where, how fast, with how much memory."""
        where = " and ".join(x for x in (db, out_parquet) if x) or "nowhere"
        rss = f", peak worker RSS {self.max_rss / 2**20:.0f} MiB" if self.peak_rss else ""
        if self.interrupted:
            return (f"interrupted, {self.stored} documents stored in {where}; rerun the same "
                    "command to resume.")
        return (
            f"{self.stored} documents stored in {where}, {self.skipped} already stored, "
            f"{self.failed} failed; {self.tokens:,} tokens in {self.seconds:.1f} s "
            f"({self.tokens / max(self.seconds, 1e-9):,.0f} tokens/s, {self.workers} "
            f"{self.backend} workers{rss})."
        )


class Sink:
    """Where results go: the SQLite store (single writer) and/or Parquet parts.

    db (str | None): SQLite file, or None for Parquet only.
    out_parquet (str | None): Parquet root, or None.
    part_size (int): documents per Parquet part.
    keep (list[Chronicle] | None): when given, every chronicle of the run
        (new, or read back from the store when already there) is appended to
        it in input order, for ``extract`` to print.
    """

    def __init__(self, db: str | None, out_parquet: str | None, part_size: int = 64,
                 keep: list[Chronicle] | None = None) -> None:
        self.store = None
        self.keep = keep
        if db:
            from litopys.store.db import Store

            self.store = Store(db)
        self.parts = None
        self.parquet_ids: set[str] = set()
        if out_parquet:  # pyarrow is imported only for Parquet output
            from litopys.batch.parquet import PartWriter, stored_ids

            self.parts = PartWriter(out_parquet, size=part_size)
            self.parquet_ids = stored_ids(out_parquet)

    def has(self, doc_id: str) -> bool:
        """True when every output already holds the document."""
        if self.store is not None and not self.store.has_document(doc_id):
            return False
        if self.parts is not None and doc_id not in self.parquet_ids:
            return False
        return True

    def skipped(self, doc_id: str, path: str | None) -> None:
        """A document already stored: keep its stored chronicle when asked to."""
        if self.keep is None or self.store is None:
            return
        ch = self.store.chronicle(doc_id)
        if ch is not None:
            ch.document.path = path or ch.document.path
            self.keep.append(ch)

    def forget(self, doc_id: str) -> None:
        """Remove a stored document, so that it is extracted again (``--refresh``)."""
        if self.store is not None:
            self.store.delete_document(doc_id)

    def write(self, ch: Chronicle) -> bool:
        """Store one chronicle. RETURNS (bool): False when it was already stored."""
        new = False
        if self.store is not None:
            new = self.store.write_one(ch)
            ch = self._corrected(ch)
        if self.parts is not None and ch.document.id not in self.parquet_ids:
            self.parts.add(ch)
            self.parquet_ids.add(ch.document.id)
            new = True
        if self.keep is not None:
            self.keep.append(ch)
        return new

    def _corrected(self, ch: Chronicle) -> Chronicle:
        """After a write: warn about corrections the new output has no place for, and
        give back the stored (corrected) chronicle when the document has corrections."""
        from litopys.errors import display_path
        from litopys.store.corrections import list_corrections

        assert self.store is not None
        name = display_path(ch.document.path) if ch.document.path else ch.document.id
        for corr in self.store.unplaced:
            print(f"warning: {name}: {corr.describe()} can no longer be placed; "
                  "see /corrections", file=sys.stderr)
        if any(c.undone_at is None for c in list_corrections(self.store, ch.document.id)):
            stored = self.store.chronicle(ch.document.id)
            if stored is not None:
                stored.document.path = ch.document.path or stored.document.path
                return stored
        return ch

    def write_part(self, files: dict[str, bytes]) -> list[bool]:
        """Store a Dask partition (Parquet images): keep it as a part, merge into SQLite.

        RETURNS (list[bool]): per chronicle in the part, whether it was new.
        """
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
        if self.keep is not None:
            self.keep.extend(chronicles)
        return new

    def close(self) -> None:
        """Flush the last Parquet part and close the store."""
        if self.parts is not None:
            self.parts.flush()
        if self.store is not None:
            self.store.close()


def record(batch: Batch, sink: Sink, stats: BatchStats, progress: Progress,
           started: float) -> None:
    """Count a batch of results and commit the documents that succeeded.

    batch (Batch): from an executor.
    sink (Sink): the single writer.
    stats (BatchStats): updated in place.
    progress (Progress): advanced by one per document.
    started (float): ``time.perf_counter()`` at the start of the run.
    """
    ok: list[WorkResult] = []
    for r in batch.results:
        if r.pid:
            stats.peak_rss[r.pid] = max(stats.peak_rss.get(r.pid, 0), r.rss)
            stats.worker_cpu[r.pid] = max(stats.worker_cpu.get(r.pid, 0.0), r.cpu)
        if r.ok:
            ok.append(r)
            continue
        stats.failed += 1
        stats.failures.append(f"{r.label}: {r.error}" if r.document_id else str(r.error))
        progress.log(f"error: {stats.failures[-1]}")
        progress.advance(failed=True)
    if not ok:
        return
    tokens = sum(r.tokens for r in ok)
    if stats.first_result is None:  # warm figures start after the first batch
        stats.first_result = time.perf_counter() - started
    else:
        stats.warm_tokens += tokens
    with deferred_interrupt():  # what is committed is counted, so the summary is true
        if batch.parquet is not None:
            fresh = sink.write_part(batch.parquet)
        else:
            fresh = [sink.write(r.chronicle) for r in ok if r.chronicle is not None]
        for r, new in zip(ok, fresh, strict=True):
            if new:
                stats.stored += 1
                stats.tokens += r.tokens
                progress.advance(tokens=r.tokens)
            else:
                stats.skipped += 1
                progress.advance(skipped=True)


@contextmanager
def deferred_interrupt() -> Iterator[None]:
    """Hold Ctrl-C until the block is done, then raise KeyboardInterrupt (main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
