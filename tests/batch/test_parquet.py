"""Parquet parts: lossless round trip, atomic parts, resume by document id."""

from __future__ import annotations

from pathlib import Path

from litopys.batch.parquet import (
    PartWriter,
    from_tables,
    parts,
    read_part,
    stored_ids,
    to_parquet_bytes,
)
from litopys.chronicle import Chronicle, Entity, Event, Mention, Timex
from litopys.pipeline.ingest import from_text


def _chronicle(text: str) -> Chronicle:
    doc = from_text(text, path="x.txt")
    return Chronicle(
        document=doc,
        entities=[
            Entity(id="person:максим-литвинов", type="PERSON", name="Максим Литвинов",
                   key="максим литвинов", mentions=[Mention(0, 8, text[0:8], 0)],
                   roles=["нарком"], affiliation="ussr"),
            Entity(id="usa", type="GPE", name="США", key="usa", cameo="USA", wikidata="Q30"),
        ],
        timexes=[Timex(start=9, end=13, text=text[9:13], value="1933", begin="1933-01-01",
                       end_date="1933-12-31", precision="year")],
        events=[Event(id="e0", cameo="057", cameo_label="Sign formal agreement", goldstein=8.0,
                      mode="asserted", date="1933", date_source="text",
                      source=["person:максим-литвинов"], target=["usa", "ussr"],
                      trigger=text[14:22], evidence=text, start=14, end=22, evidence_start=0,
                      evidence_end=len(text), plover="AGREE", date_begin="1933-01-01",
                      date_end="1933-12-31")],
    )


def test_parquet_round_trip_and_resume(tmp_path: Path) -> None:
    chronicles = [_chronicle("Литвинов 1933 підписав угоду."),
                  _chronicle("Литвинов 1933 підписав протокол.")]
    writer = PartWriter(tmp_path / "pq", size=1)
    writer.add_part(to_parquet_bytes(chronicles[:1]))
    writer.add(chronicles[1])
    writer.flush()
    found = parts(tmp_path / "pq")
    assert len(found) == 2 and not list((tmp_path / "pq").glob(".*"))
    back = [ch for p in found for ch in from_tables(read_part(p))]
    assert [c.to_dict() for c in back] == [c.to_dict() for c in chronicles]
    assert [c.entities[0].key for c in back] == ["максим литвинов"] * 2
    assert stored_ids(tmp_path / "pq") == {c.document.id for c in chronicles}
