"""The manager's home figures, computed once per scope and kept for a few minutes.

The home's panels aggregate every progress row, enrolment and knowledge
record in the person's regions: 15 queries and 90–125 ms at a million
progress rows, on every visit to the admin's front page. Figures depend on
the person only through their scope (every region, or the set of regions
assigned to them), so everyone with the same scope shares one entry per
language, threshold, day and content generation, kept for
`DASHBOARD_FIGURES_SECONDS`. The panels say when their figures were read;
the reports they link to are always live.

A change of target starts afresh at once (`forget_home_figures`), as does a
publish (the content generation). What a learner records shows on the home
within the interval, which the panels state.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone, translation

from caching.generation import bump_counter, counter, key, request_generation
from impact.statistics.views import protected_gain
from learning.statistics import suppression
from learning.statistics.filters import StatisticsFilters
from learning.statistics.scope import region_ids_in_scope, visible_region_list

from .progress import ProgrammeProgress, progress_against_targets
from .trend import Trend, completions_trend

VERSION_KEY = "reporting:home-figures-version"


@dataclass
class HomeFigures:
    programmes: list[ProgrammeProgress]
    trend: Trend | None
    gain_by_programme: list[dict]
    read_at: datetime.datetime

    @property
    def refreshed_every_minutes(self) -> int:
        return max(1, round(figures_seconds() / 60))


def figures_seconds() -> int:
    return getattr(settings, "DASHBOARD_FIGURES_SECONDS", 300)


def figures_version() -> int:
    return counter(VERSION_KEY)


def forget_home_figures() -> None:
    """Make every kept home figure stale (after a target changes)."""
    bump_counter(VERSION_KEY)


def home_figures(request: HttpRequest) -> HomeFigures:
    """The figures of the signed-in person's home, read once per request."""
    if "_home_figures" in request.__dict__:
        return request.__dict__["_home_figures"]
    user = request.user
    region_ids = region_ids_in_scope(user)
    scope = "all" if region_ids is None else ",".join(map(str, sorted(region_ids)))
    k = suppression.threshold()
    entry_key = key(
        "home-figures",
        figures_version(),
        scope,
        k,
        translation.get_language(),
        timezone.localdate().isoformat(),
        gen=request_generation(request),
    )
    figures = cache.get(entry_key)
    if figures is None:
        figures = HomeFigures(
            programmes=progress_against_targets(user),
            trend=completions_trend(user),
            gain_by_programme=protected_gain(
                user, StatisticsFilters(regions=visible_region_list(user)), "programme", k
            ),
            read_at=timezone.now(),
        )
        cache.set(entry_key, figures, figures_seconds())
    request.__dict__["_home_figures"] = figures
    return figures
