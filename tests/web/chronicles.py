"""Hand-built chronicles for the web and export tests.

Offsets are computed from the text, so ``text[start:end]`` is always the span.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention, Timex
from litopys.store.db import Store

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'

DIPLOMACY = (
    "12 грудня 1932 р. СРСР і Китай відновили дипломатичні відносини.\n"
    "Влітку 1934 р. Цзян Тінфу поїхав до Москви з неофіційною місією.\n"
    "У жовтні 1935 р. радянський повпред Богомолов зустрівся з Чан Кайши.\n"
    "Радянський Союз не підписав з Китаєм пакт про ненапад.\n"
    "У травні-червні 1937 р. СРСР міг би запропонувати Тихоокеанський пакт.\n"
    "У 1930-х роках Японія погрожувала Китаю війною.\n"
)


class Builder:
    """Build a Chronicle from a text by naming its spans (first occurrence after a point)."""

    def __init__(self, text: str, path: str) -> None:
        doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
        self.ch = Chronicle(document=Document(id=doc_id, path=path, text=text))
        self.text = text
        self.ents: dict[str, Entity] = {}

    def find(self, surface: str, after: int = 0) -> tuple[int, int]:
        start = self.text.index(surface, after)
        return start, start + len(surface)

    def sentence(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, (len(self.text) if end < 0 else end)

    def entity(self, eid: str, etype: str, name: str, *surfaces: str, after: int = 0,
               **kw: object) -> Entity:
        ent = self.ents.get(eid)
        if ent is None:
            ent = self.ents[eid] = Entity(id=eid, type=etype, name=name, key=eid, **kw)
            self.ch.entities.append(ent)
        for s in surfaces:
            a, b = self.find(s, after)
            ent.mentions.append(Mention(a, b, s))
        return ent

    def timex(self, surface: str, value: str, begin: str, end: str, after: int = 0) -> Timex:
        a, b = self.find(surface, after)
        t = Timex(a, b, surface, value, begin, end, "day" if len(value) == 10 else "year")
        self.ch.timexes.append(t)
        return t

    def event(self, local: str, trigger: str, cameo: str, label: str, goldstein: float,
              source: list[str], target: list[str], date: str | None = None,
              begin: str | None = None, end: str | None = None, mode: str = "asserted",
              after: int = 0) -> Event:
        a, b = self.find(trigger, after)
        s, e = self.sentence(a)
        ev = Event(id=local, cameo=cameo, cameo_label=label, goldstein=goldstein, mode=mode,
                   date=date, date_source="text" if date else None, source=source,
                   target=target, trigger=trigger, evidence=self.text[s:e], start=a, end=b,
                   evidence_start=s, evidence_end=e, date_begin=begin, date_end=end or begin)
        self.ch.events.append(ev)
        return ev


def diplomacy_chronicle() -> Chronicle:
    """Soviet–Chinese diplomacy, 1932–1937: points, ranges, negated, hypothetical, undated."""
    bld = Builder(DIPLOMACY, "diplomacy.txt")
    t = bld.text
    bld.ch.document.language = "uk"
    bld.entity("Q15180", "GPE", "СРСР", "СРСР", cameo="SUN", wikidata="Q15180",
               aliases=["СССР"])
    bld.entity("Q15180", "GPE", "СРСР", "Радянський Союз")
    bld.entity("Q15180", "GPE", "СРСР", "СРСР", after=t.index("1937"))
    bld.entity("Q13426199", "GPE", "Китай", "Китай", "Китаєм", cameo="CHN")
    bld.entity("Q13426199", "GPE", "Китай", "Китаю", after=t.index("Японія"))
    bld.entity("Q17", "GPE", "Японія", "Японія", cameo="JPN")
    bld.entity("Q649", "GPE", "Москва", "Москви")
    bld.entity("person:цзян тінфу", "PERSON", "Цзян Тінфу", "Цзян Тінфу",
               affiliation="Q13426199", roles=["історик"])
    bld.entity("person:богомолов", "PERSON", "Богомолов", "Богомолов",
               affiliation="Q15180", roles=["повпред"])
    bld.entity("person:чан кайши", "PERSON", "Чан Кайши", "Чан Кайши",
               affiliation="Q13426199")
    bld.timex("12 грудня 1932 р.", "1932-12-12", "1932-12-12", "1932-12-12")
    bld.timex("Влітку 1934 р.", "1934-SU", "1934-06-01", "1934-08-31")
    bld.timex("У жовтні 1935 р.", "1935-10", "1935-10-01", "1935-10-31")
    bld.timex("У травні-червні 1937 р.", "1937-05/1937-06", "1937-05-01", "1937-06-30")
    bld.timex("У 1930-х роках", "193X", "1930-01-01", "1939-12-31")
    bld.event("e1", "відновили", "064", "Re-establish diplomatic relations", 7.0,
              ["Q15180"], ["Q13426199"], "1932-12-12", "1932-12-12")
    bld.event("e2", "поїхав", "042", "Make a visit", 1.9, ["person:цзян тінфу"], ["Q649"],
              "1934-SU", "1934-06-01", "1934-08-31")
    bld.event("e3", "зустрівся", "040", "Consult", 1.0, ["person:богомолов"],
              ["person:чан кайши"], "1935-10", "1935-10-01", "1935-10-31")
    bld.event("e4", "не підписав", "057", "Sign formal agreement", 8.0, ["Q15180"],
              ["Q13426199"], None, None, mode="negated")
    bld.event("e5", "запропонувати", "036", "Express intent to meet or negotiate", 4.0,
              ["Q15180"], ["Q13426199"], "1937-05/1937-06", "1937-05-01", "1937-06-30",
              mode="hypothetical")
    bld.event("e6", "погрожувала", "138", "Threaten with military force", -7.0, ["Q17"],
              ["Q13426199"], "193X", "1930-01-01", "1939-12-31")
    return bld.ch


def payload_chronicle() -> Chronicle:
    """A document whose text and entity names are script payloads."""
    text = (
        f"Заголовок {XSS_SCRIPT} і далі.\n"
        f"У 1936 р. {XSS_IMG} напав на Китай.\n"
        "Кінець </article></textarea><!-- -->.\n"
    )
    bld = Builder(text, f"payload{XSS_IMG}.html")
    bld.entity("evil:script", "PERSON", XSS_SCRIPT, XSS_SCRIPT, roles=[XSS_IMG])
    bld.entity(f"evil:{XSS_IMG}", "ORG", XSS_IMG, XSS_IMG)
    bld.entity("Q13426199", "GPE", "Китай", "Китай", cameo="CHN")
    bld.timex("У 1936 р.", "1936", "1936-01-01", "1936-12-31")
    ev = bld.event("e1", "напав", "190", "Use conventional military force", -10.0,
                   [f"evil:{XSS_IMG}"], ["Q13426199", "evil:script"], "1936", "1936-01-01",
                   "1936-12-31")
    ev.cameo_label = XSS_SCRIPT
    return bld.ch


def write_db(path: Path, chronicles: Iterable[Chronicle]) -> Path:
    """Write chronicles to a fresh SQLite file. RETURNS (Path): the file."""
    with Store(path) as store:
        for ch in chronicles:
            store.write_one(ch)
    return path


BULK_ACTORS = [(f"bulk:{i:02d}", f"Держава {i:02d}") for i in range(40)]
"""The actors of the bulk chronicles (40 groups on the timeline)."""


def bulk_chronicles(n_events: int, per_doc: int = 5, seed: int = 0) -> Iterator[Chronicle]:
    """Many small documents with ``per_doc`` events each, ``n_events`` in all, 1900–1999.

    Dates are 70 % exact days, 20 % months and 10 % years; modes mostly asserted.
    For timing the pages on a big chronicle, not for checking its content.
    YIELDS (Chronicle): one per document.
    """
    rng = random.Random(seed)
    cameos = [("040", "Consult", 1.0), ("042", "Make a visit", 1.9),
              ("057", "Sign formal agreement", 8.0), ("138", "Threaten", -7.0),
              ("190", "Use conventional military force", -10.0)]
    for d in range(0, n_events, per_doc):
        k = min(per_doc, n_events - d)
        lines, facts = [], []
        for j in range(k):
            a, b = rng.sample(BULK_ACTORS, 2)
            year, month, day = rng.randint(1900, 1999), rng.randint(1, 12), rng.randint(1, 28)
            roll = rng.random()
            if roll < 0.7:
                value = f"{year}-{month:02d}-{day:02d}"
                begin = end = value
                surface = f"{day}.{month:02d}.{year}"
            elif roll < 0.9:
                value = f"{year}-{month:02d}"
                begin, end = f"{value}-01", f"{value}-28"
                surface = f"{month:02d}.{year}"
            else:
                value, begin, end, surface = str(year), f"{year}-01-01", f"{year}-12-31", str(year)
            trigger = f"дія{j}"
            lines.append(f"Док {d} ({surface}): {a[1]} {trigger} {b[1]}.")
            facts.append((a, b, value, begin, end, surface, trigger, cameos[(d + j) % 5]))
        bld = Builder("\n".join(lines) + "\n", f"bulk/{d:06d}.txt")
        for j, (a, b, value, begin, end, surface, trigger, (code, label, gs)) in enumerate(facts):
            line = bld.text.index(f"Док {d} ({surface}): {a[1]} {trigger}")
            bld.entity(a[0], "GPE", a[1], a[1], after=line)
            bld.entity(b[0], "GPE", b[1], b[1], after=line)
            bld.timex(surface, value, begin, end, after=line)
            mode = "asserted" if rng.random() < 0.8 else rng.choice(["negated", "hypothetical"])
            bld.event(f"e{j + 1}", trigger, code, label, gs, [a[0]], [b[0]], value, begin, end,
                      mode=mode, after=line)
        yield bld.ch
