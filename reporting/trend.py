"""Learners who completed a module, week by week, over the last twelve weeks.

The same figures as the "Completions over time" report by week for the same
dates, protected the same way: the window is widened to whole months in a
selection of few learners, as that report widens dates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from learning.statistics import figures, suppression
from learning.statistics.filters import StatisticsFilters, small_selection, snap_dates
from learning.statistics.scope import visible_region_list
from learning.statistics.suppression import Count, Suppressed

WEEKS = 12
# As learning.statistics.views.OverTimeView protects its rows.
TREND_FIGURES = {
    "learners": Count("learners"),
    "completions": Count("completions", learners="learners", rests_on=("learners",)),
}


@dataclass
class Week:
    starts: datetime.date
    learners: int | Suppressed
    completions: int | Suppressed
    bar: int  # percent of the largest shown week, for the bar's length

    @property
    def is_shown(self) -> bool:
        return not isinstance(self.learners, Suppressed)


@dataclass
class Trend:
    weeks: list[Week]
    date_from: datetime.date
    date_to: datetime.date

    @property
    def this_week(self) -> Week | None:
        return self.weeks[-1] if self.weeks else None

    @property
    def report_url(self) -> str:
        query = urlencode(
            {
                "period": "week",
                "date_from": self.date_from.isoformat(),
                "date_to": self.date_to.isoformat(),
            }
        )
        return f"{reverse('learning_statistics:over_time')}?{query}"


def completions_trend(user, today: datetime.date | None = None) -> Trend | None:
    regions = visible_region_list(user)
    if not regions:
        return None
    today = today or timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    first_monday = this_monday - datetime.timedelta(weeks=WEEKS - 1)
    base = StatisticsFilters(regions=regions)
    k = suppression.threshold()
    resolution = (
        "week" if figures.learners_started_at_least(user, base, small_selection(k)) else "month"
    )
    window = snap_dates(
        StatisticsFilters(regions=regions, date_from=first_monday, date_to=today), resolution
    )
    found = {point.period: point for point in figures.completions_over_time(user, window, "week")}
    rows = []
    for number in range(WEEKS):
        monday = first_monday + datetime.timedelta(weeks=number)
        point = found.get(monday)
        rows.append(
            {
                "starts": monday,
                "learners": point.learners if point else 0,
                "completions": point.completions if point else 0,
            }
        )
    # The window's weeks outside the twelve (a widened month) are rows of the line too.
    extra = [
        {"starts": period, "learners": point.learners, "completions": point.completions}
        for period, point in found.items()
        if not first_monday <= period <= this_monday
    ]
    # In the report's order (by period), so that the same partners are hidden.
    ordered = sorted(rows + extra, key=lambda row: row["starts"])
    shown = [
        row
        for row, raw in zip(
            suppression.protect_rows(ordered, TREND_FIGURES, k), ordered, strict=True
        )
        if first_monday <= raw["starts"] <= this_monday
    ]
    largest = max((row["learners"] for row in shown if isinstance(row["learners"], int)), default=0)
    weeks = [
        Week(
            starts=row["starts"],
            learners=row["learners"],
            completions=row["completions"],
            bar=round(100 * row["learners"] / largest)
            if largest and isinstance(row["learners"], int)
            else 0,
        )
        for row in shown
    ]
    return Trend(weeks, window.date_from, window.date_to)
