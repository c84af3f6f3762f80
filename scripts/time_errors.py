"""List the time-expression errors of the pipeline on a gold directory, one block per document.

    python scripts/time_errors.py                    # ../shared/eval/dev, both halves
    python scripts/time_errors.py tests/eval/fresh --half odd
    python scripts/time_errors.py --doc riga_1921    # one document

For each document: gold expressions the pipeline missed (MISS), found with another value
(VALUE) and system expressions no gold expression overlaps (EXTRA). Gold expressions with a
``null`` value are left out, as the scorer leaves them out. The matching rule is the
evaluator's (`litopys.evaluate`).
"""

from __future__ import annotations

from typing import Any

from entity_errors import per_document

from litopys.chronicle import Chronicle
from litopys.evaluate import locate_gold_timexes


def errors(chronicle: Chronicle, gold: dict[str, Any]) -> list[str]:
    """The misses, wrong values and extra expressions of one chronicle, as printable lines."""
    text = chronicle.document.text
    sys_t = list(chronicle.timexes)
    used: set[int] = set()
    lines: list[str] = []
    for (gs, ge, gv), g in zip(locate_gold_timexes(text, gold["timexes"]), gold["timexes"],
                               strict=True):
        overlapping = [k for k, t in enumerate(sys_t) if t.start < ge and gs < t.end]
        if gv is None:
            used.update(overlapping)
            continue
        cands = [k for k in overlapping if k not in used]
        if not cands:
            lines.append(f"  MISS  {g['text']!r} gold {gv}  @{gs}")
            continue
        k = next((k for k in cands if sys_t[k].value == gv), cands[0])
        used.add(k)
        if sys_t[k].value != gv:
            lines.append(f"  VALUE {sys_t[k].text!r} sys {sys_t[k].value} gold {gv}  @{gs}")
    for k, t in enumerate(sys_t):
        if k not in used:
            lines.append(f"  EXTRA {t.text!r} sys {t.value}  @{t.start}")
    return lines


def _time_lines(chronicle: Chronicle, gold: dict[str, Any]) -> tuple[str, list[str]]:
    lines = errors(chronicle, gold)
    return f"{len(lines)} errors", lines


def main(argv: list[str] | None = None) -> int:
    return per_document(__doc__.splitlines()[0], _time_lines, argv)


if __name__ == "__main__":
    raise SystemExit(main())
