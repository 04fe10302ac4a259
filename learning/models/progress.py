"""One row per learner and module: where they are with it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organisations import organisation_size_field
from .profiles import LearnerProfile

STATISTICS_COLUMNS = [
    "started_at",
    "completed_at",
    "best_score",
    "module_key",
    "sector",
    "organisation_size",
    "first_attempt_passed",
    "started_language",
    "completed_language",
]


class ModuleProgressQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)

    def in_progress(self):
        return self.filter(completed_at__isnull=True)

    def for_user(self, user):
        return self.filter(user=user)


class ModuleProgress(models.Model):
    # Null once the learner erased their account: the row stays as an anonymous record.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="module_progress",
    )
    # The module's translation_key: the same in every language, so completing the
    # Estonian version completes "the module".
    module_key = models.UUIDField(db_index=True)
    # The version the learner last opened; kept null-able because learner records
    # outlive content (deleting a page never deletes progress).
    module_page = models.ForeignKey(
        "modules.ModulePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Title when last seen, so records stay readable if the page goes.
    module_title = models.CharField(max_length=255)
    started_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    # Best quiz score in percent, null until a quiz attempt exists.
    best_score = models.PositiveSmallIntegerField(null=True, blank=True)
    attempt_count = models.PositiveIntegerField(default=0)
    # Whether the first quiz attempt passed (null until there is one): copied here
    # so the first-attempt pass rate needs no join with the attempts.
    first_attempt_passed = models.BooleanField(null=True, blank=True)
    # Language of the version the learner first opened, and of the one they completed.
    started_language = models.CharField(max_length=7, blank=True)
    completed_language = models.CharField(max_length=7, blank=True)
    # The learner's region, sub-region, sector, organisation and size as they
    # were when the module was started, then at completion, so statistics stay
    # true when a profile changes later.
    region = models.ForeignKey(
        "modules.Region", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Not in the covering indexes, and of the cells only in the situation cells:
    # only the reports by sub-region or filtered to one read it.
    subregion = models.ForeignKey(
        "modules.SubRegion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sector = models.ForeignKey(
        "modules.Sector", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "learning.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation_size = organisation_size_field()
    # Whether the learner consented to statistics when the row was last written.
    counts_in_statistics = models.BooleanField(default=False)
    # Where the learner stopped reading: the id of a lesson heading block (the
    # same in every language of the module) or "quiz", and when. "Continue"
    # links lead there. Statistics never read these columns.
    last_section = models.CharField(max_length=64, blank=True)
    last_section_at = models.DateTimeField(null=True, blank=True)

    objects = ModuleProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key"], name="unique_progress_per_module"
            )
        ]
        indexes = [
            models.Index(fields=["region", "completed_at"], name="progress_region_completed"),
            models.Index(fields=["region", "started_at"], name="progress_region_started"),
            models.Index(fields=["module_key", "completed_at"], name="progress_module_completed"),
            # Statistics read only these columns of consenting learners' rows: on
            # PostgreSQL they come from these indexes alone (index-only scans),
            # ordered by region for one region's managers, by learner for all regions.
            models.Index(
                fields=["region", "user"],
                include=STATISTICS_COLUMNS,
                condition=models.Q(counts_in_statistics=True),
                name="progress_stats_by_region",
            ),
            models.Index(
                fields=["user"],
                include=["region", *STATISTICS_COLUMNS],
                condition=models.Q(counts_in_statistics=True),
                name="progress_stats_by_learner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.module_title} ({self.user_id})"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    @staticmethod
    def situation_of(profile: LearnerProfile) -> dict[str, object]:
        """The learner's situation as this row keeps it: region, sub-region, sector,
        organisation, size, consent."""
        return {
            "region_id": profile.region_id,
            "subregion_id": profile.subregion_id,
            "sector_id": profile.sector_id,
            "organisation_id": profile.organisation_id,
            "organisation_size": profile.organisation_size,
            "counts_in_statistics": profile.statistics_consent,
        }

    def copy_situation(self, profile: LearnerProfile) -> None:
        """Take the learner's situation as it is now (on starting, then on completing)."""
        for field, value in self.situation_of(profile).items():
            setattr(self, field, value)
