"""The one rule deciding which rows a person may see in statistics.

Every report, filter choice, chart and export goes through `visible_regions`
and `progress_in_scope`; nothing else decides.
"""

from __future__ import annotations

from django.db.models import QuerySet

from caching.lookups import cached
from modules.models import Region

from ..models import LearnerProfile, ManagerRegions, ModuleProgress

VIEW_STATISTICS = "learning.view_statistics"
VIEW_ALL_REGIONS = "learning.view_all_regions"


def sees_all_regions(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(VIEW_ALL_REGIONS))


def can_view_statistics(user) -> bool:
    return user.is_authenticated and (sees_all_regions(user) or user.has_perm(VIEW_STATISTICS))


def visible_regions(user) -> QuerySet[Region]:
    """The regions whose learners this person may see; empty for everyone else."""
    if not user.is_authenticated:
        return Region.objects.none()
    if sees_all_regions(user):
        return Region.objects.all()
    if not user.has_perm(VIEW_STATISTICS):
        return Region.objects.none()
    return Region.objects.filter(pk__in=_assigned_region_ids(user))


def visible_region_list(user) -> list[Region]:
    """`visible_regions(user)` as a list, from the regions kept in the shared cache
    (saving a region starts a new content generation)."""
    every = cached(("statistics-regions",), lambda: list(Region.objects.all()))
    if not user.is_authenticated:
        return []
    if sees_all_regions(user):
        return list(every)
    if not user.has_perm(VIEW_STATISTICS):
        return []
    assigned = set(_assigned_region_ids(user))
    return [region for region in every if region.pk in assigned]


def _assigned_region_ids(user) -> list[int]:
    """The ids of a manager's regions, read once per user object, as Django keeps
    their permissions: one request asks for them a dozen times, and a change
    to the assignment applies from the next request."""
    if "_statistics_region_ids" not in user.__dict__:
        user.__dict__["_statistics_region_ids"] = sorted(
            region_id
            for region_id in ManagerRegions.objects.filter(user=user).values_list(
                "regions", flat=True
            )
            if region_id is not None
        )
    return user.__dict__["_statistics_region_ids"]


def _region_condition(user) -> dict:
    # Literal ids rather than a subquery: the planner then knows how many rows to expect.
    if sees_all_regions(user):
        return {"region__isnull": False}
    return {"region_id__in": region_ids_in_scope(user)}


def region_ids_in_scope(user) -> list | None:
    """The ids of the regions a person may count, or None for every region."""
    if sees_all_regions(user):
        return None
    if not user.is_authenticated or not user.has_perm(VIEW_STATISTICS):
        return []
    return list(_assigned_region_ids(user))


def progress_in_scope(user) -> QuerySet[ModuleProgress]:
    """Progress rows a person may count: consenting learners of their regions."""
    return ModuleProgress.objects.filter(counts_in_statistics=True, **_region_condition(user))


def learners_in_scope(user) -> QuerySet[LearnerProfile]:
    return LearnerProfile.objects.filter(statistics_consent=True, **_region_condition(user))
