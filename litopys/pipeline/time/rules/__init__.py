"""The time rules, one module per kind of expression.

Importing this package registers every pattern with ``grammar.pattern``. The
import order is the patterns' priority when two hits start and end at the same
place (the earlier one wins), so it is fixed here.
"""

from litopys.pipeline.time.rules import (  # noqa: F401  (order matters)
    clock,
    dates,
    durations,
    old_style,
    periods,
    ranges,
    relative,
    seasons,
    years,
)
