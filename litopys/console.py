"""Terminal views of chronicles (rich tables): what ``extract`` and ``show`` print."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from litopys.chronicle import Chronicle, Event
from litopys.pipeline.confidence import display_date

MODE_STYLE = {"asserted": "green", "negated": "red", "hypothetical": "yellow"}


def _console() -> Console:
    console = Console(soft_wrap=False, highlight=False)
    if not console.is_terminal:
        # piped or redirected: use a width a person reading the file can work with
        console = Console(soft_wrap=False, highlight=False, width=160)
    return console


def shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def event_order(ev: Event) -> tuple[int, str, int]:
    """Chronological order; undated events after, in text order."""
    return (0, ev.date_begin or "", ev.start) if ev.date_begin else (1, "", ev.start)


def print_chronicles(chronicles: list[Chronicle]) -> None:
    console = _console()
    for ch in chronicles:
        names = {e.id: e.name for e in ch.entities}
        title = f"{ch.document.path or '<text>'}  ·  {ch.document.id}  ·  {ch.document.chars} chars"
        console.rule(title)
        console.print(events_table(sorted(ch.events, key=event_order), names,
                                   f"Events ({len(ch.events)})"))
        actors = Table(title=f"Actors ({len(ch.entities)})", show_lines=False, expand=False)
        for col in ("name", "type", "offices", "affiliation", "mentions"):
            actors.add_column(col)
        for e in ch.entities:
            actors.add_row(e.name, e.type, "; ".join(e.roles),
                           names.get(e.affiliation or "", e.affiliation or ""),
                           shorten(", ".join(e.surface_forms), 60))
        console.print(actors)
        times = Table(title=f"Time expressions ({len(ch.timexes)})")
        for col in ("text", "value", "from", "to", "source"):
            times.add_column(col)
        for t in ch.timexes:
            times.add_row(t.text, t.value or "—", t.begin or "", t.end_date or "", t.source)
        console.print(times)


def events_table(events: list[Event], names: dict[str, str], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("date", "source → target", "CAMEO", "mode", "conf.", "evidence"):
        table.add_column(col, overflow="fold")
    for ev in events:
        src = ", ".join(names.get(a, a) for a in ev.source) or "?"
        tgt = ", ".join(names.get(a, a) for a in ev.target) or "—"
        date = display_date(ev.date, ev.date_source) or "—"  # "≈ жовтень 1935, з контексту"
        conf = "" if ev.confidence is None else f"{ev.confidence:.2f}"
        table.add_row(date, ("✎ " if ev.corrected else "") + f"{src} → {tgt}",
                      f"{ev.cameo} {ev.cameo_label}",
                      f"[{MODE_STYLE.get(ev.mode, '')}]{ev.mode}[/]", conf,
                      shorten(ev.evidence, 70))
    return table


def print_events(rows: list[tuple[str, Event]], names: dict[str, str]) -> None:
    events = sorted((ev for _, ev in rows), key=event_order)
    _console().print(events_table(events, names, f"Events ({len(events)})"))


def print_scores(docs: list[dict[str, Any]], overall: dict[str, Any]) -> None:
    console = _console()
    table = Table(title="litopys eval")
    for col in ("document", "entities P/R/F1", "timexes P/R/F1", "value acc.",
                "events relaxed P/R/F1", "events strict P/R/F1"):
        table.add_column(col)

    def prf(d: dict[str, float]) -> str:
        return f"{d['precision']:.2f} / {d['recall']:.2f} / {d['f1']:.2f}"

    for d in [*docs, {**overall, "name": "OVERALL"}]:
        table.add_row(d["name"], prf(d["entities"]["overall"]), prf(d["timexes"]),
                      f"{d['timexes']['value_accuracy']:.2f}", prf(d["events"]["relaxed"]),
                      prf(d["events"]["strict"]))
    console.print(table)
    by_type = Table(title="Entities by type (overall)")
    for col in ("type", "P", "R", "F1"):
        by_type.add_column(col)
    for t, d in overall["entities"]["by_type"].items():
        by_type.add_row(t, f"{d['precision']:.2f}", f"{d['recall']:.2f}", f"{d['f1']:.2f}")
    console.print(by_type)
