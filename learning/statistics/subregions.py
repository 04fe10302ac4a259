"""Sub-regions in the statistics: each region's sub-regions are protected together.

A region's sub-regions and its learners who gave none (or a sub-region of
another region, which counts as none) split the region's learners between
them, so their figures add up to the region's row of the breakdown by region,
and of the programme funnel filtered to the region, which the same person can
read. Protected only against the overview, a region's one hidden sub-region
would then be that region's figure minus its other rows. So the rows of each
region form a line of their own, with the region's figure as a total published
elsewhere (`suppression.protect_rows`, `row_groups`), beside the column's line
against the overview; and a report filtered to a sub-region hides its figures
whenever these tables hide the sub-region's row, as for every other group
(`views.StatisticsView.find_hidden_selection`).

Rows are keyed (region id, sub-region id), or (region id, None) for the
region's learners who gave none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from django.db.models import Count

from modules.models import SubRegion

from . import figures, suppression
from .filters import StatisticsFilters
from .memo import remembered
from .suppression import SUPPRESSED

FUNNEL_FIGURES = {
    "started": suppression.Count("started"),
    "completed": suppression.Count("completed"),
}


def row_groups(keys: Sequence[tuple]) -> list[list[int]]:
    """The indexes of the rows of each region, for rows keyed (region id, sub-region id)."""
    groups: dict = {}
    for index, (region, _subregion) in enumerate(keys):
        groups.setdefault(region, []).append(index)
    return list(groups.values())


def chosen_key(filters: StatisticsFilters) -> tuple | None:
    """The row of the sub-region the filters chose, if any."""
    subregion = filters.subregion
    return (subregion.region_id, subregion.pk) if subregion else None


def registered_by_subregion(user, filters: StatisticsFilters) -> dict[tuple, int]:
    """Learners registered per row, as the breakdown by sub-region groups them."""
    counts: dict = {}
    for region, subregion, its_region, learners in (
        figures.registered_learners(user, filters)
        .order_by()
        .values_list("region_id", "subregion_id", "subregion__region_id")
        .annotate(learners=Count("pk"))
    ):
        key = (region, subregion if its_region == region else None)
        counts[key] = counts.get(key, 0) + learners
    return counts


def protected_funnel_by_subregion(user, filters: StatisticsFilters) -> dict:
    """{(programme key, row key): {"started": …, "completed": …}}: the programme
    funnel split by sub-region, every sub-region of the chosen region (or of the
    person's regions) a row, and per region the rest of its learners; protected
    with the rows of each region as a line against the region's funnel, and each
    column against the funnel of all of them. The same for every sub-region, so
    kept while a document is made (`memo.shared_figures`)."""
    undivided = dataclasses.replace(filters, subregion=None)
    return remembered(
        "funnel-by-subregion",
        user,
        undivided,
        lambda: _protected_funnel_by_subregion(user, undivided),
    )


def _protected_funnel_by_subregion(user, undivided: StatisticsFilters) -> dict:
    filters = undivided
    by_subregion, by_region = figures.programme_funnel_by_subregion(user, undivided)
    regions = [filters.region] if filters.region else list(filters.regions)
    subregions = sorted(SubRegion.objects.filter(region__in=regions).values_list("region_id", "pk"))
    keys: list[tuple] = []
    for region in sorted(region.pk for region in regions):
        keys += [key for key in subregions if key[0] == region]
        keys.append((region, None))
    groups = row_groups(keys)
    k = suppression.threshold()
    protected: dict = {}
    for programme_key, found in by_subregion.items():
        region_totals = by_region.get(programme_key, {})
        rows = []
        for region, subregion in keys:
            if subregion is not None:
                counts = found.get((region, subregion))
                rows.append(
                    {
                        "started": counts.started if counts else 0,
                        "completed": counts.completed_all if counts else 0,
                    }
                )
                continue
            # The rest of the region: who gave no sub-region (or another region's),
            # and the difference a learner who moved within the region makes.
            total = region_totals.get(region)
            given = [row for key, row in zip(keys, rows, strict=False) if key[0] == region]
            rows.append(
                {
                    "started": max(
                        0, (total.started if total else 0) - sum(row["started"] for row in given)
                    ),
                    "completed": max(
                        0,
                        (total.completed_all if total else 0)
                        - sum(row["completed"] for row in given),
                    ),
                }
            )
        shown = suppression.protect_rows(rows, FUNNEL_FIGURES, k, row_groups=groups)
        for key, row in zip(keys, shown, strict=True):
            protected[programme_key, key] = row
    return protected


def funnel_hides_subregion(user, filters: StatisticsFilters) -> bool:
    """Whether the funnel split by sub-region hides a figure of the chosen sub-region's row."""
    chosen = chosen_key(filters)
    if chosen is None:
        return False
    table = protected_funnel_by_subregion(user, filters)
    return any(
        value is SUPPRESSED
        for (_programme, key), row in table.items()
        if key == chosen
        for value in row.values()
    )
