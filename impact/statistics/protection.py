"""Suppression of a split table against the totals shown above it.

A survey question's figures for all respondents are protected on their own
(the same whatever the split), and its table split by region, sector or size
then adds up, column by column, to them. The split is protected together
with that total row, as a table whose column lines end in it: a figure the
total row hides stays hidden there, one it shows is known to the reader and
is never hidden to protect another (it would hide nothing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from learning.statistics import suppression
from learning.statistics.suppression import SUPPRESSED, FigureColumn, Line, Suppressed

TOTAL = "total"


class _Protection(suppression._Protection):
    """The rule, with figures hidden or shown already elsewhere."""

    def __init__(self, figures, lines, k: int, hidden: set, shown: set):
        super().__init__(figures, lines, k)
        self.hidden |= hidden
        self.pinned |= shown


def protect_split(
    rows: Sequence[dict],
    total_raw: dict,
    total: dict,
    columns: Mapping[str, FigureColumn],
    k: int,
    row_lines: Sequence[tuple[tuple[str, ...], str]] = (),
) -> list[dict]:
    """`rows` (raw counts) with their figures, or SUPPRESSED where the rule hides
    them; each additive column adds up to that of `total_raw`, shown as `total`
    (protected already)."""
    figures: dict = {}
    for index, row in [*enumerate(rows), (TOTAL, total_raw)]:
        for column, spec in columns.items():
            figures[(index, column)] = spec.figure(row, lambda c, i=index: (i, c))
    lines = [
        Line(tuple((index, column) for index in range(len(rows))), (TOTAL, column))
        for column, spec in columns.items()
        if spec.additive
    ]
    lines += [
        Line(tuple((index, part) for part in parts), (index, line_total))
        for index in [*range(len(rows)), TOTAL]
        for parts, line_total in row_lines
    ]
    total_hidden = {(TOTAL, c) for c in columns if isinstance(total.get(c), Suppressed)}
    total_shown = {(TOTAL, c) for c in columns} - total_hidden
    hidden = _Protection(figures, tuple(lines), k, total_hidden, total_shown).run()
    raw = {field for spec in columns.values() for field in spec.fields()}
    return [
        {
            **{key: value for key, value in row.items() if key not in raw},
            **{
                column: SUPPRESSED if (index, column) in hidden else spec.value(row)
                for column, spec in columns.items()
            },
        }
        for index, row in enumerate(rows)
    ]
