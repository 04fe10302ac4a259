"""Organisation figures for programme managers: how far each enrolled organisation is.

One row per enrolment of a verified organisation in the manager's regions
(`organisations_for_manager`), with three counts made by the database in a
single aggregate query, whatever the number of organisations: the staff
counted, those who started a module of the programme and those who
completed all of its modules. Statuses and the summary's counts are then
worked out in Python from those rows (one query, then status in Python).

Privacy (docs/security.md, "Organisation figures"): only members who
consented to statistics are counted, and an organisation with fewer than
k of them (`STATISTICS_MIN_CELL_SIZE`) has no status, no overdue flag and
is left out of every count that rests on results. Nothing here reads a
score, an attempt or a name of a member.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from caching import cached
from learning.models import ModuleProgress, OrganisationSize
from learning.statistics.filters import programme_modules, titles_by_key
from modules.models import ProgrammeModule, ProgrammePage, Region, Sector

from .access import organisations_for_manager
from .models import Enrolment

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
AT_TARGET = "at_target"
ALL_COMPLETED = "all_completed"

STATUS_LABELS = {
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    AT_TARGET: _("At the target"),
    ALL_COMPLETED: _("All completed"),
}
# Statuses in which at least one member started a module of the programme.
ACTIVE = {IN_PROGRESS, AT_TARGET, ALL_COMPLETED}
# Statuses in which the programme's team completion target is reached.
TARGET_REACHED = {AT_TARGET, ALL_COMPLETED}

# The summary's breakdowns: how rows are grouped within each programme.
DIMENSIONS = ("programme", "region", "sector", "size")

# Staff counted, banded like the EU SME size bands (the lowest band starts at k).
BAND_EDGES = (10, 50, 250)


@dataclass(frozen=True)
class OrganisationFilters:
    """What the manager chose; the scope itself is never a filter but the one rule."""

    region: Region | None = None
    programme_key: str = ""
    sector: Sector | None = None
    size: str = ""


@dataclass
class Programme:
    """An enrolled programme as the reports need it (any language version gives the same)."""

    key: uuid.UUID
    title: str
    # The share of staff (percent) that puts an organisation at the target.
    target: int
    modules: int


@dataclass
class EnrolmentRow:
    """One enrolment, with the counts its status is made from.

    `staff`, `started` and `completed` count members: the reports never show
    them, only `status`, `is_overdue` and the staff band made from them.
    """

    organisation_id: int
    organisation: str
    region_id: int
    sector_id: int | None
    size: str
    programme: Programme
    due_date: date | None
    staff: int
    started: int
    completed: int
    k: int

    @property
    def is_small(self) -> bool:
        """Fewer than k staff counted: no status, no overdue flag, in no count of results."""
        return self.staff < self.k

    @property
    def status(self) -> str | None:
        """One of the four statuses, or None for a small organisation."""
        if self.is_small:
            return None
        if self.completed >= self.staff and self.programme.modules:
            return ALL_COMPLETED
        if self.programme.modules and 100 * self.completed >= self.programme.target * self.staff:
            return AT_TARGET
        if self.started:
            return IN_PROGRESS
        return NOT_STARTED

    @property
    def is_overdue(self) -> bool | None:
        """The due date has passed and not everyone completed; None for a small organisation."""
        if self.is_small:
            return None
        today = timezone.localdate()
        return self.due_date is not None and self.due_date < today and self.status != ALL_COMPLETED


def staff_band(staff: int, k: int) -> str:
    """The staff counted as a band: "fewer than k", then k–9, 10–49, 50–249, 250 or more."""
    if staff < k:
        return gettext("Fewer than %(k)s") % {"k": k}
    edges = [k, *(edge for edge in BAND_EDGES if edge > k)]
    for low, high in zip(edges, edges[1:], strict=False):
        if low <= staff < high:
            return gettext("%(low)s–%(high)s") % {"low": low, "high": high - 1}
    return gettext("%(low)s or more") % {"low": edges[-1]}


def _member_started(module_keys: list):
    """Whether the member of the outer row started one of `module_keys`."""
    if not module_keys:
        return Value(False)
    return Exists(
        ModuleProgress.objects.filter(
            user_id=OuterRef("organisation__learners__user_id"), module_key__in=module_keys
        )
    )


def _member_completed_all(module_keys: list):
    """Whether the member completed every one of `module_keys` (true when there are
    none, which `Programme.modules` guards): a learner has one progress row per module."""
    if not module_keys:
        return Value(True)
    completed = (
        ModuleProgress.objects.filter(
            user_id=OuterRef("organisation__learners__user_id"),
            module_key__in=module_keys,
            completed_at__isnull=False,
        )
        .order_by()
        .values("user_id")
        .annotate(modules=Count("pk"))
        .values("modules")
    )
    return GreaterThanOrEqual(Coalesce(Subquery(completed), 0), len(module_keys))


def enrolments_in_scope(user, filters: OrganisationFilters):
    """Enrolments of the verified organisations this person may see, as filtered."""
    enrolments = Enrolment.objects.filter(
        organisation__in=organisations_for_manager(user).verified()
    )
    if filters.region is not None:
        enrolments = enrolments.filter(organisation__region=filters.region)
    if filters.sector is not None:
        enrolments = enrolments.filter(organisation__sector=filters.sector)
    if filters.size:
        enrolments = enrolments.filter(organisation__size=filters.size)
    if filters.programme_key:
        enrolments = enrolments.filter(programme_key=filters.programme_key)
    return enrolments


def enrolment_counts(user, filters: OrganisationFilters) -> list[dict]:
    """Per enrolment: the organisation, the programme, the due date and the members
    counted, started and completed (one aggregate query per programme enrolled in,
    with the programme's modules written out: the database then reads each
    member's progress rows through their index instead of joining the pages)."""
    counted = Q(organisation__learners__statistics_consent=True)
    enrolments = enrolments_in_scope(user, filters)
    modules = programme_modules()
    found: list[dict] = []
    enrolled = enrolments.order_by().values_list("programme_key", flat=True).distinct()
    for programme_key in enrolled:
        module_keys = sorted(modules.get(programme_key, ()), key=str)
        found += (
            enrolments.filter(programme_key=programme_key)
            .values(
                "pk",
                "programme_key",
                "due_date",
                "organisation_id",
                "organisation__name",
                "organisation__region_id",
                "organisation__sector_id",
                "organisation__size",
            )
            .annotate(
                staff=Count("organisation__learners", filter=counted),
                started=Count(
                    "organisation__learners", filter=counted & Q(_member_started(module_keys))
                ),
                completed=Count(
                    "organisation__learners",
                    filter=counted & Q(_member_completed_all(module_keys)),
                ),
            )
            .order_by()
        )
    return sorted(
        found, key=lambda row: (row["organisation__name"], row["organisation_id"], row["pk"])
    )


def programme_facts() -> tuple[dict[str, int], dict[str, int]]:
    """Every programme's team completion target (the same in every language; a
    live version's first) and its number of modules, by translation key (a
    string), from the shared cache: they change only when a programme is published."""

    def build() -> tuple[dict[str, int], dict[str, int]]:
        targets: dict[str, int] = {}
        for key, target in ProgrammePage.objects.order_by("-live", "pk").values_list(
            "translation_key", "team_completion_target"
        ):
            targets.setdefault(str(key), target)
        modules = {
            str(key): count
            for key, count in ProgrammeModule.objects.values("programme__translation_key")
            .annotate(n=Count("module__translation_key", distinct=True))
            .values_list("programme__translation_key", "n")
        }
        return targets, modules

    return cached(("programme_facts",), build)


def programmes(keys) -> dict[uuid.UUID, Programme]:
    """The programmes by key, with their title in the reader's language, their team
    completion target (the same in every language) and how many modules they have."""
    keys = set(keys)
    if not keys:
        return {}
    titles = titles_by_key(ProgrammePage, keys)
    targets, modules = programme_facts()
    unknown = gettext("Programme no longer published")
    return {
        key: Programme(
            key=key,
            title=titles.get(key, unknown),
            target=targets.get(str(key), 100),
            modules=modules.get(str(key), 0),
        )
        for key in keys
    }


def enrolment_rows(user, filters: OrganisationFilters, k: int) -> list[EnrolmentRow]:
    """Every enrolment in scope with its programme, sorted by organisation then programme."""
    counts = enrolment_counts(user, filters)
    known = programmes(row["programme_key"] for row in counts)
    rows = [
        EnrolmentRow(
            organisation_id=row["organisation_id"],
            organisation=row["organisation__name"],
            region_id=row["organisation__region_id"],
            sector_id=row["organisation__sector_id"],
            size=row["organisation__size"],
            programme=known[row["programme_key"]],
            due_date=row["due_date"],
            staff=row["staff"],
            started=row["started"],
            completed=row["completed"],
            k=k,
        )
        for row in counts
    ]
    return sorted(
        rows, key=lambda r: (r.organisation.lower(), r.organisation_id, r.programme.title.lower())
    )


def group_labels(rows: list[EnrolmentRow]) -> dict[str, dict]:
    """Region, sector and size names of the rows' organisations (two small queries)."""
    regions = {
        r.pk: r.display_name for r in Region.objects.filter(pk__in={x.region_id for x in rows})
    }
    sector_ids = {x.sector_id for x in rows if x.sector_id}
    sectors = {s.pk: s.display_name for s in Sector.objects.filter(pk__in=sector_ids)}
    return {"region": regions, "sector": sectors, "size": dict(OrganisationSize.choices)}


def group_key(row: EnrolmentRow, dimension: str):
    return {
        "programme": None,
        "region": row.region_id,
        "sector": row.sector_id,
        "size": row.size,
    }[dimension]


def summary_counts(rows: list[EnrolmentRow], dimension: str) -> list[dict]:
    """Per programme, or per programme and region, sector or size: how many organisations
    are enrolled, how many of them have too few staff counted to show a status, and
    of the others how many are active and at the target, with the staff behind them
    (what suppression weighs each count with)."""
    if dimension not in DIMENSIONS:
        raise ValueError(dimension)
    groups: dict = defaultdict(
        lambda: {
            "enrolled": 0,
            "small": 0,
            "active": 0,
            "active_staff": 0,
            "at_target": 0,
            "at_target_staff": 0,
        }
    )
    for row in rows:
        counts = groups[(row.programme.key, group_key(row, dimension))]
        counts["enrolled"] += 1
        status = row.status
        if status is None:
            counts["small"] += 1
            continue
        if status in ACTIVE:
            counts["active"] += 1
            counts["active_staff"] += row.staff
        if status in TARGET_REACHED:
            counts["at_target"] += 1
            counts["at_target_staff"] += row.staff
    return [
        {"programme_key": programme_key, "group": group, **counts}
        for (programme_key, group), counts in groups.items()
    ]
