"""Small-number suppression: no figure may single out a learner, not even by subtraction.

The rule, applied to each table a report shows (pure functions, no database):

1. Primary: a figure about 1 to k-1 learners is hidden. Zero stays zero: it
   singles nobody out.
2. Derived: a figure computed from a hidden one (a rate, an average, the
   module completions or answers of hidden learners) is hidden with it.
3. Complementary: figures whose counts add up to a total the reader can get
   form a *line*: the rows of a breakdown column add up to the overview with
   the same filters (counted as a sum even where a learner is in two groups,
   which only errs on the safe side), the sub-regions of a region (with its
   learners who gave none) to the region's row of the breakdown by region,
   the languages of a question to its all-languages figure. A line never has exactly one unknown figure: then
   the smallest other non-zero figure of the line is hidden too, or, when
   there is none, the line's total. Nor may the hidden figures of a line all
   be about a single learner: hidden figures are never zero, so the total
   would give each of them away; one more is hidden then.
4. Steps 2 and 3 repeat until nothing changes; last, Gaussian elimination
   over all the lines together checks that no hidden figure follows from the
   visible ones (lines can cross, as a row and a column of a table with both
   totals do), and hides the smallest figure of a line until none does.

A figure that the totals published elsewhere fix on their own (the only
non-zero row of a column is the column's total) is never chosen to hide
another: it would hide nothing. Every hidden figure, whatever the reason,
shows the same neutral mark, so a reader cannot tell a small group from a
large one hidden to protect it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import pgettext

Key = Hashable


def threshold() -> int:
    """k: a figure about fewer learners than this is hidden (`STATISTICS_MIN_CELL_SIZE`)."""
    return int(getattr(settings, "STATISTICS_MIN_CELL_SIZE", 5))


@dataclass(frozen=True)
class Suppressed:
    """The mark of a hidden figure. Falsy, so charts draw nothing for it."""

    def __str__(self) -> str:
        return pgettext("statistics figure", "hidden")

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        # Figures kept in the shared cache come back as the one mark that `is` compares with.
        return "SUPPRESSED"


SUPPRESSED = Suppressed()


def is_small(learners: int, k: int) -> bool:
    return 0 < learners < k


# --- the rule over one table ----------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One figure of a table, as far as suppression is concerned."""

    # How many learners it is about: small means hidden, and in a line it
    # weighs this much (the smallest figure is hidden first).
    learners: int
    # Further counts it rests on that the table does not show, each of which
    # must not be small either (the right answers behind a share).
    counts: tuple[int, ...] = ()
    # Figures of the same table it is computed from, and hidden with.
    rests_on: tuple[Key, ...] = ()

    def is_small(self, k: int) -> bool:
        return any(is_small(n, k) for n in (self.learners, *self.counts))


@dataclass(frozen=True)
class Line:
    """Figures whose counts add up to a total: a figure of the same table, or
    (`total` None) one published elsewhere, which the reader is assumed to
    know unless it is small itself."""

    parts: tuple[Key, ...]
    total: Key | None = None


def hidden_figures(
    figures: Mapping[Key, Figure],
    lines: Iterable[Line],
    k: int,
    *,
    hidden_already: Iterable[Key] = (),
    shown_already: Iterable[Key] = (),
) -> frozenset:
    """The figures of a table to hide (see the module's docstring for the rule).

    Figures another table decided on already: `hidden_already` stay hidden;
    `shown_already` are known to the reader, so hiding them would protect
    nothing and they are never chosen to hide."""
    protection = _Protection(figures, tuple(lines), k)
    protection.hidden |= set(hidden_already)
    protection.pinned |= set(shown_already)
    return frozenset(protection.run())


class _Protection:
    def __init__(self, figures: Mapping[Key, Figure], lines: tuple[Line, ...], k: int):
        self.figures = figures
        self.lines = lines
        self.k = k
        self.order = {key: n for n, key in enumerate(figures)}
        self.lines_of: dict[Key, list[Line]] = {}
        for line in lines:
            for key in (*line.parts, line.total):
                if key is not None:
                    self.lines_of.setdefault(key, []).append(line)
        self.in_lines = sorted(self.lines_of, key=self.order.__getitem__)
        self.hidden: set[Key] = {key for key, figure in figures.items() if figure.is_small(k)}
        # Figures the published totals fix on their own: hiding them hides nothing.
        self.pinned = self._determined(set(self.in_lines))

    def run(self) -> set[Key]:
        while True:
            self._hide_derived()
            if self._protect_lines():
                continue
            exposed = sorted(
                self._determined(self.hidden) - self.pinned, key=self.order.__getitem__
            )
            if not exposed:
                return self.hidden
            self._hide_another(exposed[0])

    def _hide_derived(self) -> None:
        changed = True
        while changed:
            changed = False
            for key, figure in self.figures.items():
                if key not in self.hidden and any(d in self.hidden for d in figure.rests_on):
                    self.hidden.add(key)
                    changed = True

    def _external_total_known(self, line: Line) -> bool:
        total = sum(self.figures[part].learners for part in line.parts)
        return not is_small(total, self.k)

    def _unknowns(self, line: Line) -> list:
        unknowns = [part for part in line.parts if part in self.hidden]
        if line.total is None:
            if not self._external_total_known(line):
                unknowns.append(None)
        elif line.total in self.hidden:
            unknowns.append(line.total)
        return unknowns

    def _protect_lines(self) -> bool:
        """Hide one more figure in the first line that gives a hidden one away; False if none."""
        for line in self.lines:
            unknowns = self._unknowns(line)
            lone = len(unknowns) == 1 and unknowns[0] is not None and unknowns[0] not in self.pinned
            hidden_parts = [part for part in line.parts if part in self.hidden]
            single_learners = (
                len(unknowns) == len(hidden_parts) >= 2
                and all(self.figures[part].learners == 1 for part in hidden_parts)
                and not set(hidden_parts) <= self.pinned
            )
            if (lone or single_learners) and self._hide_complement(line):
                return True
        return False

    def _candidates(self, line: Line) -> list:
        parts = sorted(
            (
                part
                for part in line.parts
                if part not in self.hidden
                and part not in self.pinned
                and self.figures[part].learners > 0
            ),
            key=lambda part: (self.figures[part].learners, self.order[part]),
        )
        total = line.total
        if total is not None and total not in self.hidden and total not in self.pinned:
            parts.append(total)
        return parts

    def _hide_complement(self, line: Line) -> bool:
        candidates = self._candidates(line)
        if candidates:
            self.hidden.add(candidates[0])
        return bool(candidates)

    def _hide_another(self, exposed: Key) -> None:
        """A hidden figure follows from the lines together: hide one more in one of
        its lines or, failing that, anywhere (all hidden, only pinned ones follow)."""
        for line in self.lines_of[exposed]:
            if self._hide_complement(line):
                return
        rest = [
            key
            for key in self.in_lines
            if key not in self.hidden and key not in self.pinned and self.figures[key].learners
        ]
        rest = rest or [key for key in self.in_lines if key not in self.hidden]
        self.hidden.add(min(rest, key=lambda key: (self.figures[key].learners, self.order[key])))

    def _determined(self, unknown: set) -> set:
        """The unknown figures whose value follows from the lines (over the rationals)."""
        variables: list = []
        column_of: dict = {}

        def column(variable) -> int:
            if variable not in column_of:
                column_of[variable] = len(variables)
                variables.append(variable)
            return column_of[variable]

        rows = []
        for index, line in enumerate(self.lines):
            row = {column(part): Fraction(1) for part in line.parts if part in unknown}
            if line.total is None:
                if not self._external_total_known(line):
                    row[column(_UnknownTotal(index))] = Fraction(-1)
            elif line.total in unknown:
                row[column(line.total)] = Fraction(-1)
            if row:
                rows.append(row)
        # A variable is determined when its row of the reduced echelon form is
        # a unit row: no other unknown is left in it.
        return {
            variables[pivot]
            for pivot, row in _reduced_rows(rows)
            if len(row) == 1 and not isinstance(variables[pivot], _UnknownTotal)
        }


@dataclass(frozen=True)
class _UnknownTotal:
    """The total of a line, published elsewhere, that the reader does not know."""

    line: int


def _reduced_rows(rows: list[dict]) -> list[tuple[int, dict]]:
    """Reduced row echelon form of sparse rows {column: coefficient}, as (pivot, row)."""
    reduced: list[tuple[int, dict]] = []
    for new in rows:
        row = dict(new)
        for pivot, pivot_row in reduced:
            factor = row.get(pivot)
            if factor:
                for col, value in pivot_row.items():
                    row[col] = row.get(col, 0) - factor * value
                row = {col: value for col, value in row.items() if value}
        if not row:
            continue
        pivot = min(row)
        row = {col: value / row[pivot] for col, value in row.items()}
        updated = []
        for other_pivot, other in reduced:
            factor = other.get(pivot)
            if factor:
                other = {
                    col: other.get(col, 0) - factor * row.get(col, 0) for col in {*other, *row}
                }
                other = {col: value for col, value in other.items() if value}
            updated.append((other_pivot, other))
        reduced = [*updated, (pivot, row)]
    return reduced


# --- figures of report rows ----------------------------------------------------


@dataclass(frozen=True)
class Count:
    """A count shown as it is: of learners, or of things learners did, then
    small when the learners who did them (`learners`) are few."""

    field: str
    learners: str = ""
    # The rows of the column add up to a total the reader can get.
    additive: bool = True
    # Columns of the same row it is hidden with.
    rests_on: tuple[str, ...] = ()

    def fields(self) -> tuple[str, ...]:
        return (self.field, self.learners) if self.learners else (self.field,)

    def figure(self, row: dict, key_of) -> Figure:
        return Figure(
            learners=row[self.learners or self.field],
            rests_on=tuple(key_of(column) for column in self.rests_on),
        )

    def value(self, row: dict):
        return row[self.field]


@dataclass(frozen=True)
class Share:
    """numerator / denominator in percent (one decimal), hidden when any count it
    rests on is small; `learners` names the learners behind it (default: the
    denominator)."""

    numerator: str
    denominator: str
    learners: str = ""
    rests_on: tuple[str, ...] = ()
    additive = False

    def fields(self) -> tuple[str, ...]:
        return tuple(f for f in (self.numerator, self.denominator, self.learners) if f)

    def figure(self, row: dict, key_of) -> Figure:
        return Figure(
            learners=row[self.learners or self.denominator],
            counts=(row[self.numerator], row[self.denominator]),
            rests_on=tuple(key_of(column) for column in self.rests_on),
        )

    def value(self, row: dict):
        denominator = row[self.denominator]
        return round(100 * row[self.numerator] / denominator, 1) if denominator else None


@dataclass(frozen=True)
class Mean:
    """An average over `learners` learners (one decimal)."""

    field: str
    learners: str
    rests_on: tuple[str, ...] = ()
    additive = False

    def fields(self) -> tuple[str, ...]:
        return (self.field, self.learners)

    def figure(self, row: dict, key_of) -> Figure:
        return Figure(
            learners=row[self.learners],
            rests_on=tuple(key_of(column) for column in self.rests_on),
        )

    def value(self, row: dict):
        value = row[self.field]
        return None if value is None else round(value, 1)


FigureColumn = Count | Share | Mean


def protect_rows(
    rows: Sequence[dict],
    columns: Mapping[str, FigureColumn],
    k: int,
    row_lines: Sequence[tuple[tuple[str, ...], str]] = (),
    row_groups: Sequence[Sequence[int]] = (),
) -> list[dict]:
    """Report rows with their figures computed, or SUPPRESSED where the rule hides them.

    `rows` hold the raw counts; `columns` say how each shown figure is made
    from them. Each additive column is a line over the rows; each entry of
    `row_lines` (parts, total) is a line within every row. Each entry of
    `row_groups` (indexes of rows) is a line too, in every additive column:
    rows whose figures add up to a total published elsewhere, such as the
    sub-regions of a region (with its learners who gave none) against the
    region's row of the breakdown by region. The raw counts behind the
    figures are left out of the result.
    """
    figures = _figures(enumerate(rows), columns)
    # The groups first: a small row then takes its partner from its own group,
    # which also covers the column, rather than one from another group first.
    lines = [
        Line(tuple((index, column) for index in group))
        for group in row_groups
        for column, spec in columns.items()
        if spec.additive
    ]
    lines += [
        Line(tuple((index, column) for index in range(len(rows))))
        for column, spec in columns.items()
        if spec.additive
    ]
    lines += [
        Line(tuple((index, part) for part in parts), (index, total))
        for index in range(len(rows))
        for parts, total in row_lines
    ]
    hidden = hidden_figures(figures, lines, k)
    return _shown_rows(rows, columns, hidden)


SPLIT_TOTAL = "total"


def _figures(indexed_rows, columns: Mapping[str, FigureColumn]) -> dict:
    """Each (row index, column)'s figure, made from the row's raw counts."""
    figures: dict = {}
    for index, row in indexed_rows:
        for column, spec in columns.items():
            figures[(index, column)] = spec.figure(row, lambda c, i=index: (i, c))
    return figures


def _shown_rows(rows: Sequence[dict], columns: Mapping[str, FigureColumn], hidden) -> list[dict]:
    """The rows with their figures, SUPPRESSED where hidden, without the raw counts."""
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


def protect_split(
    rows: Sequence[dict],
    total_raw: dict,
    total: dict,
    columns: Mapping[str, FigureColumn],
    k: int,
    row_lines: Sequence[tuple[tuple[str, ...], str]] = (),
) -> list[dict]:
    """A table split by a group, protected together with the total row shown above it.

    `rows` hold the raw counts, each additive column adding up to that of
    `total_raw`, which is shown as `total` (protected already, on its own,
    so the same whatever the split). A figure the total row hides stays
    hidden in the lines; one it shows is known and never hidden to protect
    another. Returns the rows with their figures, or SUPPRESSED."""
    figures = _figures([*enumerate(rows), (SPLIT_TOTAL, total_raw)], columns)
    lines = [
        Line(tuple((index, column) for index in range(len(rows))), (SPLIT_TOTAL, column))
        for column, spec in columns.items()
        if spec.additive
    ]
    lines += [
        Line(tuple((index, part) for part in parts), (index, line_total))
        for index in [*range(len(rows)), SPLIT_TOTAL]
        for parts, line_total in row_lines
    ]
    total_hidden = {(SPLIT_TOTAL, c) for c in columns if isinstance(total.get(c), Suppressed)}
    hidden = hidden_figures(
        figures,
        lines,
        k,
        hidden_already=total_hidden,
        shown_already={(SPLIT_TOTAL, c) for c in columns} - total_hidden,
    )
    return _shown_rows(rows, columns, hidden)


def running_total(values: Sequence) -> list:
    """The running total of a protected column, period by period: each value the
    sum of the column's figures up to and including its own, SUPPRESSED from
    the first hidden figure on.

    Two running totals side by side give a figure away as their difference
    (the total to March minus the total to February is March), and a
    running total after a hidden figure holds it: shown next to the visible
    figures, it is the hidden one, or with two hidden ones their sum, which
    the rule above never checked. So a running total is shown only where
    every figure it adds is shown: it is then a sum of published figures and
    tells nothing new. Nothing to count (None) adds nothing."""
    totals: list = []
    total = 0
    for value in values:
        if isinstance(value, Suppressed) or (totals and isinstance(totals[-1], Suppressed)):
            totals.append(SUPPRESSED)
            continue
        total += value or 0
        totals.append(total)
    return totals


def figure_text(value) -> str:
    """A figure for people: a number as the active language writes it ("1 234,5" in
    Estonian), the hidden mark, or a dash for nothing."""
    if value is None:
        return "–"
    if isinstance(value, Suppressed):
        return str(value)
    # Grouped whatever USE_THOUSAND_SEPARATOR says: "12345" is hard to read.
    if isinstance(value, float):
        return number_format(value, decimal_pos=1, force_grouping=True)
    return number_format(value, force_grouping=True)
