"""litopys: chronicles from Ukrainian historical and political prose.

>>> import litopys
>>> ch = litopys.extract("12 грудня 1932 р. СРСР і Китай відновили дипломатичні відносини.")
>>> ch.to_dict()["timexes"][0]["value"]
'1932-12-12'
"""

from __future__ import annotations

from litopys.chronicle import Chronicle, Document, Entity, Event, Mention, Timex

__version__ = "0.1.0"
__all__ = ["extract", "Chronicle", "Document", "Entity", "Event", "Mention", "Timex"]


def extract(text: str, anchor: str | None = None) -> Chronicle:
    """Run the whole pipeline on a text.

    text (str): the text (Ukrainian; Russian forms are tolerated).
    anchor (str | None): the document's creation date (ISO), for "100 років тому".
    RETURNS (Chronicle): entities, time expressions and events.
    """
    from litopys.pipeline.language import Pipeline

    return Pipeline().text(text, anchor=anchor)
