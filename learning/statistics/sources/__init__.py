"""Where a report's figures come from: the statistics cells or the progress rows.

Reports ask `source_for(user, filters, figure)` and read the figures from
what it returns; this is the one place that decides. Both sources give the
same figures (`totals.Totals` and friends) through the same methods
(`Source`):

- `cells.CellsSource` reads the statistics cells, small tables the
  PostgreSQL triggers keep exact. They answer only for the filters they
  were cut by, and only while what they were cut by still holds (the time
  zone of the periods, the programmes' modules: `switches`).
- `live.LiveSource` reads the progress rows and answers: every database,
  every filter, and on purpose inside `switches.live_queries()`.

Learners registered are counted from their profiles whichever source
answers (`registered_learners`): no cell keeps them.
"""

from __future__ import annotations

import datetime
from typing import Protocol

from .. import switches
from ..filters import StatisticsFilters
from ..totals import AnswerTotals, FunnelCounts, OptionTotals, Totals
from .cells import CellsSource
from .live import LiveSource, currently_certified, registered_learners

# The figures a report asks for, by the cells that can hold them.
LEARNERS = "learners"  # learner_totals: the overview; by region, sub-region, sector, language, size
MODULES = "modules"  # module_totals
PROGRAMMES = "programmes"  # programme_totals, funnel_counts
PERIODS = "periods"  # period_totals
QUESTIONS = "questions"  # question_totals, option_totals
FIGURES = (LEARNERS, MODULES, PROGRAMMES, PERIODS, QUESTIONS)

__all__ = [
    "CELL_GROUPS",
    "FIGURES",
    "LEARNERS",
    "MODULES",
    "PERIODS",
    "PROGRAMMES",
    "QUESTIONS",
    "CellsSource",
    "LiveSource",
    "Source",
    "cells_answer",
    "currently_certified",
    "registered_learners",
    "source_for",
]


class Source(Protocol):
    """The figures of one person's reports with one set of filters.

    `programmes` maps each programme key to the keys of its modules."""

    def learner_totals(self, dimension: str = "") -> list[Totals]: ...

    def module_totals(self) -> list[Totals]: ...

    def programme_totals(self, programmes: dict) -> dict[object, Totals]: ...

    def period_totals(self, period: str) -> list[Totals]: ...

    def funnel_counts(self, programmes: dict) -> dict[object, FunnelCounts]: ...

    def funnel_counts_by(self, programmes: dict, dimension: str) -> dict[tuple, FunnelCounts]: ...

    def question_totals(self, module_key) -> tuple[list[AnswerTotals], list[AnswerTotals]]: ...

    def option_totals(self, module_key) -> list[OptionTotals]: ...


# The learner's situation as the programme and period cells keep it: a
# figure split by anything else (the language) comes from the rows.
CELL_GROUPS = ("region", "sector", "organisation_size")


def cells_answer(
    filters: StatisticsFilters,
    figure: str,
    *,
    programmes: dict | None = None,
    dimension: str = "",
    period: str = "",
) -> bool:
    """Whether the cells hold `figure` for these filters, exactly and up to date,
    split by `dimension` if one is given.

    `programmes` (programme key -> its module keys now) for PROGRAMMES; `period`
    ("week", "month") for PERIODS, whose cells answer a date range made of
    whole periods."""
    if figure not in FIGURES:
        raise ValueError(figure)
    if figure == PROGRAMMES and dimension and dimension not in CELL_GROUPS:
        return False
    if not switches.in_use():
        return False
    # Only the situation cells are cut by sub-region: a sub-region would split
    # every other kind of cell for the learner reports alone.
    if (dimension == "subregion" or filters.subregion) and (
        figure != LEARNERS or filters.language or dimension == "language"
    ):
        return False
    # Cells do not keep days: a date range needs the rows, except whole weeks or
    # months counted by the week's or month's completions.
    if (filters.date_from or filters.date_to) and not (
        figure == PERIODS and whole_periods(filters, period)
    ):
        return False
    if figure in (MODULES, QUESTIONS):
        return True
    if figure == LEARNERS:
        # Learner cells are per situation (and language), not per module.
        return not filters.programme_key and not filters.module_key
    # Period and programme cells keep no language (it would split most
    # learners' cells), nor modules.
    if filters.module_key or filters.language:
        return False
    if figure == PERIODS:
        return not filters.programme_key and switches.periods_usable()
    if programmes is None:
        raise TypeError("the programme figures need the programmes' modules")
    return switches.programmes_usable(programmes)


def whole_periods(filters: StatisticsFilters, period: str) -> bool:
    """Whether the dates are whole periods: both given, from a period's first day
    to a period's last (what `filters.snap_dates` makes of a report's dates)."""
    start, end = filters.date_from, filters.date_to
    if start is None or end is None or period not in ("week", "month"):
        return False
    if period == "week":
        return start.weekday() == 0 and end.weekday() == 6
    return start.day == 1 and (end + datetime.timedelta(days=1)).day == 1


def source_for(
    user,
    filters: StatisticsFilters,
    figure: str,
    *,
    programmes: dict | None = None,
    dimension: str = "",
    period: str = "",
) -> Source:
    """The source of `figure` for `user`'s report with `filters` (split by
    `dimension`): the cells where they answer (`cells_answer`), otherwise the rows."""
    if cells_answer(filters, figure, programmes=programmes, dimension=dimension, period=period):
        return CellsSource(user, filters)
    return LiveSource(user, filters)
