"""Time stage: the spaCy component around the temporal tagger in ``timex.py``.

``timex.tag`` works on plain text; this stage runs it on ``doc.text`` and puts
each expression in ``doc.spans["timex"]`` with its ``litopys.model.Timex`` in
``span._.timex`` (offsets into doc.text, mapped to the original later).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from litopys.model import Timex
from litopys.pipeline import extensions  # noqa: F401
from litopys.pipeline.analysis import sentence_index
from litopys.pipeline.timex import NUMBERS, tag


class TimeTagger:
    """Tag and normalise time expressions; track the narrative reference time."""

    def __init__(self, nlp: Language, name: str = "litopys_time") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.text
        found = tag(text, anchor=doc._.anchor)
        if doc._.anchor is None:
            anchor = infer_anchor(doc, found)
            if anchor is not None:
                found = tag(text, anchor=anchor)
        found = join_ranges(text, night_before(text, found))
        found = day_parts(text, found)
        found = hours(text, found)
        for t in found:
            span = doc.char_span(t.start, t.end, label="TIMEX", alignment_mode="expand")
            if span is None:
                continue
            span._.timex = t
            spans.append(span)
        doc.spans["timex"] = spans
        return doc


_AGO = re.compile(r"^(?P<n>\S+)\s+(?:рік|роки|років|року|лет|года)\s+(?:тому|назад)$", re.I)


def infer_anchor(doc: Doc, timexes: list[Timex]) -> str | None:
    """The year the text was written, when it says so by apposition.

    "100 років тому, в ніч з 21 на 22 квітня 1920 року" dates the writing to 2020: an
    unresolved "N років тому" with an explicit year in the same sentence gives the
    document's year, and every other "... тому" in the text is resolved against it.

    RETURNS (str | None): the inferred year, or None.
    """
    if not doc.has_annotation("SENT_START"):
        return None
    first, _ = sentence_index(doc)
    for t in timexes:
        if t.value is not None:
            continue
        m = _AGO.match(t.text.strip())
        if not m:
            continue
        raw = m.group("n").lower()
        num = raw if raw.isdigit() else NUMBERS.get(raw, "")
        if not num.isdigit():
            continue  # "кілька років тому": no number to count back
        n = int(num)
        if n <= 0:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        sent = first[span.start]
        for other in timexes:
            if other is t or other.source != "text" or not other.value:
                continue
            o = doc.char_span(other.start, other.end, alignment_mode="expand")
            if o is None or first[o.start] != sent:
                continue
            year = re.match(r"^(\d{4})", other.value)
            if year:
                return str(int(year.group(1)) + n)
    return None


_NIGHT_BEFORE = re.compile(r"(?:ніч|ночі)\s+на\s+$", re.I)
_RANGE_FROM = re.compile(r"(?:^|\s)(?:з|із|від)\s+$", re.I)
_RANGE_TO = re.compile(r"^\s+(?:до|по)\s+$", re.I)


def night_before(text: str, timexes: list[Timex]) -> list[Timex]:
    """"у ніч на 9 лютого 1918 року" is the night from the 8th to the 9th."""
    from datetime import date, timedelta

    out = []
    for t in timexes:
        m = _NIGHT_BEFORE.search(text, max(0, t.start - 12), t.start)
        if m and t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
            day = date.fromisoformat(t.value)
            eve = (day - timedelta(days=1)).isoformat()
            t = Timex(start=m.start(), end=t.end, text=text[m.start():t.end],
                      value=f"{eve}/{t.value}", begin=eve, end_date=t.value,
                      precision="range", source=t.source, anchor=t.anchor,
                      old_style=t.old_style)
        out.append(t)
    return out


def join_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """"з осені 1973 до літа 1975 року": two expressions joined by з ... до are one range."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        a = timexes[i]
        b = timexes[i + 1] if i + 1 < len(timexes) else None
        if (b is not None and a.value and b.value and "/" not in a.value
                and "/" not in b.value and not a.value.startswith("P")
                and not b.value.startswith("P") and a.begin and b.end_date
                and _RANGE_TO.match(text[a.end:b.start])):
            m = _RANGE_FROM.search(text, max(0, a.start - 5), a.start)
            if m and a.begin <= b.end_date:
                start = m.start() + (1 if text[m.start()].isspace() else 0)
                out.append(Timex(start=start, end=b.end, text=text[start:b.end],
                                 value=f"{a.value}/{b.value}", begin=a.begin,
                                 end_date=b.end_date, precision="range",
                                 source="text" if a.source == b.source == "text"
                                 else "narrative", anchor=a.anchor or b.anchor))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_DAY_PART = re.compile(r"(?P<w>увечері|ввечері|вечором|вранці|зранку|вдень|опівдні|вночі)\s+$",
                       re.I)
_DAY_PART_CODE = {"увечері": "EV", "ввечері": "EV", "вечором": "EV", "вранці": "MO",
                  "зранку": "MO", "вдень": "AF", "опівдні": "AF", "вночі": "NI"}
_HOURS = re.compile(r"(?<![\w-])(?P<n>\d{1,3}|[а-яіїєґ']+)\s+(?P<u>годин[иу]?|хвилин[иу]?)(?![\w-])",
                    re.I)


def day_parts(text: str, timexes: list[Timex]) -> list[Timex]:
    """"Увечері того ж дня": the part of the day narrows a day to TIMEX3 ``TEV``."""
    out = []
    for t in timexes:
        m = _DAY_PART.search(text, max(0, t.start - 12), t.start)
        if m and t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
            code = _DAY_PART_CODE[m.group("w").lower()]
            t = Timex(start=m.start(), end=t.end, text=text[m.start():t.end],
                      value=f"{t.value}T{code}", begin=t.begin, end_date=t.end_date,
                      precision="part of day", source=t.source, anchor=t.anchor,
                      old_style=t.old_style)
        out.append(t)
    return out


def hours(text: str, timexes: list[Timex]) -> list[Timex]:
    """"16 годин", "сорок хвилин": durations in hours and minutes (``PT16H``)."""
    taken = [(t.start, t.end) for t in timexes]
    extra = []
    for m in _HOURS.finditer(text):
        raw = m.group("n").lower()
        num = raw if raw.isdigit() else NUMBERS.get(raw, "")
        if not num.isdigit() or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        unit = "H" if m.group("u").lower().startswith("год") else "M"
        extra.append(Timex(start=m.start(), end=m.end(), text=m.group(0),
                           value=f"PT{int(num)}{unit}", precision="duration"))
    return sorted(timexes + extra, key=lambda t: t.start) if extra else timexes
