"""How far each programme is in a manager's regions, against the targets it carries.

Learner figures are the programme funnel split by region
(`learning.statistics.funnel_groups`), organisation figures the organisation
report's counts per region (`organisations.statistics`), each protected as a
table whose columns add up to the totals those reports publish, so the
dashboard hides what they hide and gives nothing more away by subtraction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.http import urlencode

from learning.statistics import suppression
from learning.statistics.figures import programme_regions
from learning.statistics.filters import StatisticsFilters, titles_by_key
from learning.statistics.funnel_groups import protected_funnel_by_group
from learning.statistics.scope import visible_region_list
from learning.statistics.suppression import SUPPRESSED, Count, Suppressed
from modules.models import ProgrammePage, Region
from modules.models.taxonomy import name_order
from organisations.statistics import OrganisationFilters, enrolment_rows, summary_counts

from .models import ProgrammeTarget

# As the organisation report's summary protects them (organisations.views.statistics).
ORGANISATION_FIGURES = {
    "active": Count("active", learners="active_staff"),
    "at_target": Count("at_target", learners="at_target_staff"),
}


def share(done, target: int | None) -> int | None:
    """Percent of the target reached, rounded down; None when either is unknown."""
    if not target or done is None or isinstance(done, Suppressed):
        return None
    return min(100, 100 * done // target)


@dataclass
class RegionProgress:
    region: Region
    started: int | Suppressed
    completed: int | Suppressed
    organisations_reached: int | Suppressed
    organisations_trained: int | Suppressed
    target: ProgrammeTarget | None

    @property
    def learners_share(self) -> int | None:
        return share(self.completed, self.target and self.target.learners_completed)

    @property
    def organisations_share(self) -> int | None:
        return share(self.organisations_trained, self.target and self.target.organisations_trained)

    @property
    def is_overdue(self) -> bool:
        """The target's date has passed and a target figure is not reached (or not known)."""
        if self.target is None or self.target.due_date >= datetime.date.today():
            return False
        wanted = [
            (self.learners_share, self.target.learners_completed),
            (self.organisations_share, self.target.organisations_trained),
        ]
        return any(goal and (reached is None or reached < 100) for reached, goal in wanted)


@dataclass
class ProgrammeProgress:
    key: object
    title: str
    regions: list[RegionProgress] = field(default_factory=list)

    @property
    def funnel_url(self) -> str:
        query = urlencode({"programme": str(self.key)})
        return f"{reverse('learning_statistics:funnel')}?{query}"


def progress_against_targets(user) -> list[ProgrammeProgress]:
    """Every programme for the person's regions, region by region, with its targets."""
    regions = sorted(visible_region_list(user), key=lambda region: name_order(region.name))
    if not regions:
        return []
    k = suppression.threshold()
    learners = protected_funnel_by_group(user, StatisticsFilters(regions=regions), "region")
    keys = {key for key, _region in learners}
    titles = titles_by_key(ProgrammePage, keys)
    for_regions = programme_regions(keys)
    targets = {
        (target.programme_key, target.region_id): target
        for target in ProgrammeTarget.objects.in_regions(regions)
    }
    organisations = organisation_counts(user, k)
    found = []
    for key in sorted(keys, key=lambda key: titles.get(key, "").lower()):
        wanted = for_regions.get(key) or {region.pk for region in regions}
        programme = ProgrammeProgress(key, titles.get(key, "?"))
        for region in regions:
            target = targets.get((key, region.pk))
            if region.pk not in wanted and target is None:
                continue
            figures = learners.get((key, region), {"started": 0, "completed": 0})
            programme.regions.append(
                RegionProgress(
                    region=region,
                    started=figures["started"],
                    completed=figures["completed"],
                    organisations_reached=organisations.get((key, region.pk), {}).get("active", 0),
                    organisations_trained=organisations.get((key, region.pk), {}).get(
                        "at_target", 0
                    ),
                    target=target,
                )
            )
        if programme.regions:
            found.append(programme)
    return found


def organisation_counts(user, k: int) -> dict:
    """{(programme key, region id): {"active": …, "at_target": …}} (organisations
    where a member started, and at the team target; a count or hidden),
    protected per programme across the person's regions, as the organisation
    report's summary by region protects them."""
    rows = enrolment_rows(user, OrganisationFilters(), k)
    by_programme: dict = {}
    for counts in summary_counts(rows, "region"):
        by_programme.setdefault(counts["programme_key"], {})[counts["group"]] = counts
    found = {}
    for programme_key, groups in by_programme.items():
        # The rows in the organisation report's order, so that the same partners would be hidden.
        region_ids = list(groups)
        shown = suppression.protect_rows(
            [groups[region_id] for region_id in region_ids], ORGANISATION_FIGURES, k
        )
        for region_id, row in zip(region_ids, shown, strict=True):
            found[programme_key, region_id] = {
                "active": row["active"],
                "at_target": row["at_target"],
            }
    return found


__all__ = ["SUPPRESSED", "ProgrammeProgress", "RegionProgress", "progress_against_targets"]
