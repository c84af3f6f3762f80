"""The ``litopys`` command: one verb per user task.

Data goes to stdout, logs and errors to stderr. Every ``LitopysError``
becomes a one-line message and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from litopys.chronicle import Chronicle
from litopys.errors import Errors, LitopysError
from litopys.export import EXPORT_FORMATS, EXPORTERS

FORMATS = ("table", "json", "jsonl")
DB_OPTION = click.option(
    "--db", "db", default="litopys.db", show_default=True, envvar="LITOPYS_DB",
    type=click.Path(dir_okay=False), help="SQLite file of the chronicle store (LITOPYS_DB).",
)


def _fail(err: LitopysError) -> click.ClickException:
    return click.ClickException(str(err))


def _store_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Report a store SQLite cannot read or write (damaged, read-only, full) in one line."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except LitopysError as err:
            raise _fail(err) from None
        except sqlite3.Error as err:
            from litopys.store.db import store_error

            raise _fail(store_error(err, kwargs.get("db") or "database")) from None

    return wrapper


def _bad_value(value: object, option: str, reason: str, fix: str) -> click.ClickException:
    """A one-line coded error (E031) for an option value."""
    return _fail(LitopysError(Errors.E031, value=str(value), option=option, reason=reason,
                              fix=fix))


def _int_option(low: int, high: int | None = None, env: str | None = None) -> Any:
    """A click callback: the option's value (or its env var's) must be a whole number
    in [low, high]; else E031 naming the option, the variable and the fix."""

    def check(ctx: click.Context, param: click.Parameter, value: Any) -> int | None:
        if value is None:
            return None
        name = f"--{param.name.replace('_', '-')}" if param.name else "option"
        source = ctx.get_parameter_source(param.name) if param.name else None
        where = f"{name} (from {env})" if env and source == click.core.ParameterSource.ENVIRONMENT \
            else name
        bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
        try:
            number = int(str(value).strip())
        except ValueError:
            raise _bad_value(value, where, "not a whole number",
                             f"Give a whole number {bounds}.") from None
        if number < low or (high is not None and number > high):
            raise _bad_value(value, where, "out of range", f"Give a whole number {bounds}.")
        return number

    return check


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="litopys")
def main() -> None:
    """litopys: chronicles from Ukrainian historical and political prose.

    Reads texts, finds the actors, the time expressions and the events
    between them, stores them in SQLite and shows, scores and exports them.
    """


# -- extract ----------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output: a table for people, JSON (object or list) or JSON Lines.")
@click.option("--anchor", default=None, metavar="DATE",
              help="Creation date of the texts (YYYY[-MM[-DD]]), for '100 років тому'.")
@click.option("--workers", type=str, metavar="N", default="1", show_default=True,
              callback=_int_option(0),
              help="Worker processes for a corpus (0 = all cores).")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Run on a Dask cluster: tcp://HOST:PORT, or 'local' for a LocalCluster.")
@click.option("--max-bytes", type=str, metavar="N", default=None, envvar="LITOPYS_MAX_BYTES",
              callback=_int_option(1, env="LITOPYS_MAX_BYTES"),
              help="Refuse files larger than this (LITOPYS_MAX_BYTES; default 50 MB).")
@click.option("--quiet", "-q", is_flag=True, help="Store only; print nothing but errors.")
@click.option("--out-parquet", "out_parquet", default=None, metavar="DIR",
              type=click.Path(file_okay=False), envvar="LITOPYS_OUT_PARQUET",
              help="Batch mode: also keep the results as Parquet parts in DIR, for DuckDB "
                   "(LITOPYS_OUT_PARQUET).")
@click.option("--no-db", "no_db", is_flag=True,
              help="With --out-parquet: write Parquet only, no SQLite store.")
@click.option("--refresh", is_flag=True,
              help="Extract again documents already stored (e.g. after upgrading litopys) "
                   "and replace what was stored for them.")
def extract(paths: tuple[str, ...], db: str, fmt: str, anchor: str | None, workers: int,
            dask_address: str | None, max_bytes: int | None, quiet: bool,
            out_parquet: str | None, no_db: bool, refresh: bool) -> None:
    """Extract chronicles from PATHS (files, directories, or - for stdin) and store them.

    \b
    Example:
      litopys extract samples/sample.txt
      litopys extract corpus/ --db corpus.db --format jsonl > corpus.jsonl
    """
    from litopys.batch.runner import run
    from litopys.pipeline.ingest import DEFAULT_MAX_BYTES

    if anchor:
        _check_date(anchor, "--anchor")
    if no_db and not out_parquet:
        raise _bad_value("--no-db without --out-parquet", "--no-db", "nothing would be stored",
                         "Add --out-parquet DIR (the results must go somewhere), or drop --no-db.")
    if refresh and (workers != 1 or dask_address or out_parquet):
        raise click.ClickException("--refresh works document by document, without --workers, "
                                   "--dask or --out-parquet; for a whole corpus extract into "
                                   "a new --db instead.")
    limit = max_bytes or DEFAULT_MAX_BYTES
    if workers != 1 or dask_address or out_parquet:
        stats = run(list(paths), db=None if no_db else db, workers=workers,
                    dask_address=dask_address, anchor=anchor, max_bytes=limit, quiet=quiet,
                    out_parquet=out_parquet)
        sys.exit(stats.exit_code)
    # one process: the same runner and worker, with one in-process worker; the
    # chronicles (new or already stored) are printed
    chronicles: list[Chronicle] = []
    stats = run(list(paths), db=db, workers=1, anchor=anchor, max_bytes=limit, quiet=quiet,
                merge=False, refresh=refresh, keep=chronicles, summary=False, progress_from=2)
    if stats.fatal or stats.interrupted:
        sys.exit(stats.exit_code)
    if not quiet:
        emit(chronicles, fmt)
    if stats.failed:
        click.echo(f"{stats.failed} of {stats.failed + len(chronicles)} inputs failed; "
                   f"{len(chronicles)} stored in {db}.", err=True)
        sys.exit(1)


def emit(chronicles: list[Chronicle], fmt: str) -> None:
    """Print chronicles in the chosen format."""
    if fmt == "json":
        data: Any = [c.to_dict() for c in chronicles]
        if len(data) == 1:
            data = data[0]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for c in chronicles:
            click.echo(json.dumps(c.to_dict(), ensure_ascii=False))
    else:
        from litopys.console import print_chronicles

        print_chronicles(chronicles)


def _check_date(value: str, option: str) -> str:
    """A real calendar date YYYY[-MM[-DD]] (no month 13, no day 00), else E030."""
    from litopys.pipeline.time.values import is_calendar_date

    if not is_calendar_date(value):
        raise click.ClickException(str(LitopysError(Errors.E030, value=value, option=option)))
    return value


# -- show -------------------------------------------------------------------
@main.command()
@DB_OPTION
@click.option("--actor", default=None, help="Only events with this actor (id or name part).")
@click.option("--from", "date_from", default=None, metavar="DATE",
              help="Only events that end on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", default=None, metavar="DATE",
              help="Only events that begin on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--document", default=None, help="Only this document id.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
@click.option("--corroborated", is_flag=True,
              help="List events reported by several documents, most sources first, with "
                   "date and actor disagreements flagged.")
@click.option("--min-sources", type=str, metavar="N", default="2", show_default=True,
              callback=_int_option(1),
              help="With --corroborated: only events from at least this many documents.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Only events with at least this calibrated confidence (0..1).")
@click.option("--date-source", type=click.Choice(["text", "narrative", "human", "none"]),
              default=None, help="Only events dated by the sentence (text), by the narrative, "
                                 "by a correction (human), or undated (none).")
@_store_errors
def show(db: str, actor: str | None, date_from: str | None, date_to: str | None,
         document: str | None, fmt: str, corroborated: bool, min_sources: int,
         min_confidence: float | None, date_source: str | None) -> None:
    """Show the stored chronicle, filtered by actor, period or document.

    \b
    Example:
      litopys show --actor Литвинов --from 1933 --to 1937-06
    """
    from litopys.console import print_events
    from litopys.store.db import Store

    if not Path(db).exists():
        raise _fail(LitopysError(Errors.E022, path=db))
    if corroborated:
        from litopys.batch.report import corroborated_groups, print_corroborated

        try:
            print_corroborated(corroborated_groups(db, min_sources=min_sources), fmt)
        except LitopysError as err:
            raise _fail(err) from None
        return
    lo = _expand(_check_date(date_from, "--from"), first=True) if date_from else None
    hi = _expand(_check_date(date_to, "--to"), first=False) if date_to else None
    try:
        store = Store(db, read_only=True)
    except LitopysError as err:
        raise _fail(err) from None
    try:
        rows = store.query_events(actor=actor, date_from=lo, date_to=hi, document=document)
        rows = [(d, ev) for d, ev in rows
                if (min_confidence is None or (ev.confidence or 0.0) >= min_confidence)
                and (date_source is None or (ev.date_source or "none") == date_source)]
        names = {e["id"]: e["name"] for e in store.entities()}
        if fmt == "table":
            print_events(rows, names)
        else:
            out = []
            for doc_id, ev in rows:
                d = ev.to_dict()
                d["document"] = doc_id
                d["source_names"] = [names.get(a, a) for a in ev.source]
                d["target_names"] = [names.get(a, a) for a in ev.target]
                out.append(d)
            if fmt == "json":
                click.echo(json.dumps(out, ensure_ascii=False, indent=2))
            else:
                for d in out:
                    click.echo(json.dumps(d, ensure_ascii=False))
    finally:
        store.close()


def _expand(value: str, first: bool) -> str:
    """YYYY or YYYY-MM to the first or last day it covers."""
    from litopys.pipeline.time.values import day_bounds

    bounds = day_bounds(value)
    return value if bounds is None else bounds[0 if first else 1]


# -- eval -------------------------------------------------------------------
@main.command("eval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--half", type=click.Choice(["odd", "even"]), default=None,
              help="Score one half of the fixed split (alphabetical order: odd = 1st, 3rd, "
                   "...; even = 2nd, 4th, ...). Rules are written against odd; even is held out.")
@click.option("--halves", is_flag=True,
              help="Score odd, even and all in one run: a row per text and per half, then "
                   "the CAMEO root confusion, mode and location accuracy of each half.")
def eval_cmd(directory: str, as_json: bool, half: str | None, halves: bool) -> None:
    """Score the pipeline against gold chronicles in DIRECTORY (NAME.gold.json + NAME.txt).

    Rules and figures: docs/EVAL.md. Gold problems that do not stop scoring (a time
    expression not found in the text, a value that is not TIMEX3) go to stderr.

    \b
    Example:
      litopys eval ../shared/eval/dev --json
      litopys eval ../shared/eval/dev --half even
      litopys eval ../shared/eval/dev --halves
    """
    from litopys.evaluate import (
        doc_summary,
        evaluate,
        evaluate_halves,
        event_tables,
        halves_lines,
        summary,
        unpaired_gold,
    )
    from litopys.pipeline.ingest import read_path
    from litopys.pipeline.language import Pipeline

    if halves and half:
        raise click.UsageError("--half and --halves exclude each other: give one.")
    pipeline = Pipeline()
    try:
        if halves:
            result = evaluate_halves(Path(directory), lambda p: pipeline(read_path(p)))
        else:
            scores = evaluate(Path(directory), lambda p: pipeline(read_path(p)), half=half)
            result = summary(scores)
            result["by_document"] = [doc_summary(s) for s in scores]
            result["warnings"] = unpaired_gold(Path(directory)) + [
                w for s in scores for w in s.warnings]
    except LitopysError as err:
        raise _fail(err) from None
    for warning in result["warnings"]:
        click.echo(f"warning: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if halves:
        click.echo("\n".join(halves_lines(result, per_doc=True)))
        return
    from litopys.console import print_scores

    print_scores(result["by_document"], result)
    click.echo("\n".join(event_tables("all", result)))


# -- serve / export / check -------------------------------------------------
@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, envvar="LITOPYS_HOST",
              help="Interface to bind; the default serves this machine only.")
@click.option("--port", type=str, metavar="PORT", default="8000", show_default=True,
              envvar="LITOPYS_PORT",
              callback=_int_option(1, 65535, env="LITOPYS_PORT"),
              help="Port to listen on.")
@click.option("--edit", is_flag=True, envvar="LITOPYS_EDIT",
              help="Let the browser correct the chronicle (events, entities, mentions); "
                   "off by default (LITOPYS_EDIT).")
def serve(db: str, host: str, port: int, edit: bool) -> None:
    """Serve the stored chronicle in the browser (timeline, network, reader).

    \b
    Example:
      litopys serve --db litopys.db --port 8000
    """
    if not Path(db).exists():
        raise _fail(LitopysError(Errors.E022, path=db))
    from litopys.web.app import serve as run

    try:
        run(db, host=host, port=port, edit=edit)
    except LitopysError as err:
        raise _fail(err) from None


@main.command()
@DB_OPTION
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="Format to write (a registered exporter); "
                   + " and ".join(n for n, e in EXPORTERS.items() if e.directory)
                   + " write a directory.")
@click.option("--out", "out", default="-", show_default=True,
              help="Output file or directory ('-' = stdout for single-file formats).")
@_store_errors
def export(db: str, fmt: str, out: str) -> None:
    """Export the stored chronicle to other tools' formats.

    \b
    Example:
      litopys export --format gexf --out network.gexf
      litopys export --format brat --out brat/
    """
    if not Path(db).exists():
        raise _fail(LitopysError(Errors.E022, path=db))
    from litopys.export import export as run
    from litopys.store.db import Store, upgrade

    upgrade(db)
    store = Store(db, read_only=True)
    try:
        run(store, fmt, out)
    except LitopysError as err:
        raise _fail(err) from None
    except OSError as err:  # --out in a directory that does not exist or is read-only
        target = "directory" if EXPORTERS[fmt].directory else "file"
        raise _fail(LitopysError(Errors.E052, fmt=fmt, path=err.filename or out,
                                 reason=err.strerror or str(err), target=target)) from None
    finally:
        store.close()


@main.group("import")
def import_group() -> None:
    """Read annotation tools' files back into the store as corrections."""


@import_group.command("brat")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@DB_OPTION
@click.option("--author", default="brat", show_default=True,
              help="Recorded as the corrections' author.")
def import_brat_cmd(directory: str, db: str, author: str) -> None:
    """Import corrected brat / INCEpTION standoff (an edited `export --format brat`).

    \b
    Example:
      litopys export --format brat --out brat/ && (edit in brat) && litopys import brat brat/
    """
    from litopys.importers.brat import import_brat
    from litopys.store.db import Store

    if not Path(db).exists():
        raise _fail(LitopysError(Errors.E022, path=db))
    try:
        with Store(db) as store:
            report = import_brat(store, directory, author=author)
    except LitopysError as err:
        raise _fail(err) from None
    for line in report.skipped:
        click.echo(f"skipped: {line}", err=True)
    made = ", ".join(f"{n} {k}" for k, n in sorted(report.corrections.items())) or "none"
    click.echo(f"{report.documents} document(s) read; corrections: {made}", err=True)


@main.command()
@DB_OPTION
def check(db: str) -> None:
    """Verify a store: integrity, foreign keys, offsets inside texts, spans matching texts.

    \b
    Example:
      litopys check --db litopys.db
    """
    from litopys.store.check import check_store

    if not Path(db).exists():
        raise _fail(LitopysError(Errors.E022, path=db))
    problems = check_store(db)
    for p in problems:
        click.echo(p)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) found in {db}.")
    click.echo(f"{db}: ok")


if __name__ == "__main__":  # pragma: no cover
    main()
