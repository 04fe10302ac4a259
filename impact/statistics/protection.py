"""Suppression of a split table against totals shown beside it.

A survey question's figures for all respondents are protected on their own
(the same whatever the split), and its table split by region, sector or size
then adds up, column by column, to them. Where the rule hid a figure of that
total, its column's groups must not add up to a known figure: the line's
total counts as unknown, which `learning.statistics.suppression` otherwise
assumes only of a small total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from learning.statistics import suppression
from learning.statistics.suppression import SUPPRESSED, FigureColumn, Line, Suppressed


@dataclass(frozen=True)
class OpenLine(Line):
    """A line whose total, published elsewhere, is hidden there: the reader does not know it."""


class _Protection(suppression._Protection):
    def _external_total_known(self, line: Line) -> bool:
        return not isinstance(line, OpenLine) and super()._external_total_known(line)


def protect_split(
    rows: Sequence[dict],
    total: dict,
    columns: Mapping[str, FigureColumn],
    k: int,
    row_lines: Sequence[tuple[tuple[str, ...], str]] = (),
) -> list[dict]:
    """`rows` (raw counts) with their figures, or SUPPRESSED where the rule hides
    them; each additive column adds up to the figure of `total` (protected
    already), unknown to the reader where that one is hidden."""
    figures: dict = {}
    for index, row in enumerate(rows):
        for column, spec in columns.items():
            figures[(index, column)] = spec.figure(row, lambda c, i=index: (i, c))
    lines: list[Line] = []
    for column, spec in columns.items():
        if not spec.additive:
            continue
        kind = OpenLine if isinstance(total.get(column), Suppressed) else Line
        lines.append(kind(tuple((index, column) for index in range(len(rows)))))
    lines += [
        Line(tuple((index, part) for part in parts), (index, line_total))
        for index in range(len(rows))
        for parts, line_total in row_lines
    ]
    hidden = _Protection(figures, tuple(lines), k).run()
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
