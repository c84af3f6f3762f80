"""Time expressions: one value module, the rules, and the spaCy stage.

- ``values.py``: :class:`TimexValue` (parse, bound, shift, compare TIMEX3 values)
  and the calendar helpers every part of litopys uses for date intervals;
- ``words.py``: the words, from ``litopys/lang/<lang>/time.yaml``;
- ``grammar.py``: word tables, regex pieces and hit types shared by the rules;
- ``rules/``: one module per kind (dates, ranges, years, periods, seasons,
  relative, durations, clock times, two-calendar dates);
- ``tagger.py``: ``tag(text, anchor)`` and the ``litopys_time`` component.

``from litopys.pipeline.time import TimexValue`` loads only the value module;
``tag`` and ``TimeTagger`` load the rules on first use.

DOCS: docs/TIME.md
"""

from __future__ import annotations

from typing import Any

from litopys.pipeline.time.values import VALUE_RE, Day, Point, TimexValue

__all__ = ["VALUE_RE", "Day", "Point", "TimexValue", "tag", "TimeTagger"]


def __getattr__(name: str) -> Any:
    # the rules compile their patterns at import: load them only when asked for
    if name in ("tag", "TimeTagger"):
        from litopys.pipeline.time import tagger

        return getattr(tagger, name)
    raise AttributeError(name)
