"""Progress reporting for batch runs: a rich bar on a terminal, log lines otherwise.

Both report documents per second, tokens per second and an ETA; everything
goes to stderr so stdout stays free for data.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _fmt_eta(seconds: float | None) -> str:
    if seconds is None or seconds != seconds or seconds == float("inf"):
        return "?"
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """Counts documents and tokens and shows them.

    total (int | None): documents expected (None when unknown).
    quiet (bool): show nothing.
    stream (TextIO | None): where to write (default: stderr).
    interval (float): seconds between plain log lines.
    """

    def __init__(self, total: int | None, quiet: bool = False, stream: TextIO | None = None,
                 interval: float = 5.0) -> None:
        self.total = total
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.interval = interval
        self.done = 0
        self.skipped = 0
        self.failed = 0
        self.tokens = 0
        self.started = time.perf_counter()
        self._last_log = self.started
        self._bar = None
        self._task = None
        if not quiet and self.stream.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("[bold]litopys"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[dps]:.1f} docs/s"),
                TextColumn("{task.fields[tps]:,.0f} tokens/s"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("extract", total=total, dps=0.0, tps=0.0)

    @property
    def elapsed(self) -> float:
        return max(time.perf_counter() - self.started, 1e-9)

    def _processed(self) -> int:
        return self.done + self.skipped + self.failed

    def advance(self, tokens: int = 0, skipped: bool = False, failed: bool = False) -> None:
        """Count one document (stored, skipped as already stored, or failed)."""
        if failed:
            self.failed += 1
        elif skipped:
            self.skipped += 1
        else:
            self.done += 1
            self.tokens += tokens
        self._show()

    def log(self, message: str) -> None:
        """Print one message (an error, a warning) without breaking the bar."""
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=self.stream, flush=True)

    def _eta(self) -> float | None:
        if not self.total or not self.done:
            return None
        rate = self.done / self.elapsed
        return (self.total - self._processed()) / rate if rate else None

    def _show(self) -> None:
        if self.quiet:
            return
        dps = self.done / self.elapsed
        tps = self.tokens / self.elapsed
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self._processed(), dps=dps, tps=tps)
            return
        now = time.perf_counter()
        if now - self._last_log >= self.interval:
            self._last_log = now
            self.log(self.line())

    def line(self) -> str:
        """One plain progress line."""
        total = f"/{self.total}" if self.total is not None else ""
        return (
            f"litopys: {self._processed()}{total} docs ({self.done} stored, "
            f"{self.skipped} already stored, {self.failed} failed), "
            f"{self.done / self.elapsed:.1f} docs/s, {self.tokens / self.elapsed:,.0f} tokens/s, "
            f"ETA {_fmt_eta(self._eta())}"
        )

    def close(self) -> None:
        """Stop the bar."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
