"""The programme funnel split by region, sector, size or language, protected as one table.

A funnel filtered to one group (region Estonia) shows what this table shows in
that group's row. The groups of a dimension split the learners between them, so
the rows of each programme add up to the funnel without that filter, which the
same person can read: a figure hidden in one row would then follow from the
others by subtraction. The table is protected as a whole (each programme's
column a line with that total), and a report filtered to a group hides its
figures whenever the table hides the group's row.
"""

from __future__ import annotations

import dataclasses

from django.conf import settings

from ..models import OrganisationSize
from . import figures, suppression
from .filters import StatisticsFilters, sectors
from .memo import remembered
from .suppression import SUPPRESSED, Count

FUNNEL_FIGURES = {"started": Count("started"), "completed": Count("completed")}
NO_CHOICE = figures.NO_CHOICE
# The dimensions split here; sub-regions are split by region (`subregions`).
DIMENSIONS = ("region", "sector", "organisation_size", "language")


def groups_of(dimension: str, filters: StatisticsFilters) -> list:
    """The values a filter on `dimension` can take for this person."""
    if dimension == "region":
        return list(filters.regions)
    if dimension == "sector":
        return sectors()
    if dimension == "organisation_size":
        return [value for value, _label in OrganisationSize.choices]
    if dimension == "language":
        return [code for code, _name in settings.LANGUAGES]
    raise ValueError(dimension)


def group_key(group):
    """How the figures name a group: regions and sectors by their id."""
    return getattr(group, "pk", group)


def protected_funnel_by_group(user, filters: StatisticsFilters, dimension: str) -> dict:
    """{(programme key, group): {"started": …, "completed": …}} with the groups of
    `dimension` as rows and the funnel without that filter as each column's total,
    protected by `suppression.protect_rows`. Learners outside every group (no
    sector, say) form one more row, so that each line is complete. The same
    for every group of the dimension, so kept while a document is made."""
    undivided = dataclasses.replace(filters, **{dimension: NO_CHOICE[dimension]})
    return remembered(
        "funnel-by-group",
        user,
        undivided,
        lambda: _protected_funnel_by_group(user, undivided, dimension),
        dimension,
    )


def _protected_funnel_by_group(user, undivided: StatisticsFilters, dimension: str) -> dict:
    whole, split = figures.programme_funnel_and_split(user, undivided, dimension)
    totals = {row.key: row for row in whole}
    groups = groups_of(dimension, undivided)
    protected: dict = {}
    for programme_key, total in totals.items():
        rows = []
        for group in groups:
            found = split.get((programme_key, group_key(group)))
            rows.append(
                {
                    "started": found.started if found else 0,
                    "completed": found.completed if found else 0,
                }
            )
        # A learner who moved is in two groups: the rest is then at least zero.
        rows.append(
            {
                "started": max(0, total.started - sum(row["started"] for row in rows)),
                "completed": max(0, total.completed - sum(row["completed"] for row in rows)),
            }
        )
        shown = suppression.protect_rows(rows, FUNNEL_FIGURES, suppression.threshold())
        for group, row in zip(groups, shown, strict=False):
            protected[programme_key, group] = row
    return protected


def hides_group(user, filters: StatisticsFilters, dimension: str) -> bool:
    """Whether the table by `dimension` hides a figure of the group `filters` chose."""
    chosen = getattr(filters, dimension)
    table = protected_funnel_by_group(user, filters, dimension)
    return any(
        value is SUPPRESSED
        for (_programme, group), row in table.items()
        if group == chosen
        for value in row.values()
    )
