"""What learners answered in knowledge checks and surveys.

Rows outlive the pages and the accounts they came from: deleting a page keeps
its answers, erasing an account sets `user` to null and keeps the anonymous
record for the statistics, as module progress does. Each row keeps the
learner's situation (region, sub-region, sector, size, language) as it was
when it was written, so reports stay true when a profile changes later.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from learning.models import LearnerProfile
from learning.models.organisations import organisation_size_field


class Occasion(models.TextChoices):
    BASELINE = "baseline", _("Baseline check")
    FINAL = "final", _("Final check")
    RETENTION = "retention", _("Retention check")


class Situation(models.Model):
    """Where the learner or respondent stood: the statistics dimensions."""

    region = models.ForeignKey(
        "modules.Region", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    subregion = models.ForeignKey(
        "modules.SubRegion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sector = models.ForeignKey(
        "modules.Sector", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation_size = organisation_size_field()
    # The language the learner answered in.
    language = models.CharField(max_length=7, blank=True)
    # Whether the learner consented to statistics when the row was written;
    # anonymous survey responses count (they name nobody).
    counts_in_statistics = models.BooleanField(default=False)

    class Meta:
        abstract = True

    def copy_situation(self, profile: LearnerProfile) -> None:
        self.region_id = profile.region_id
        self.subregion_id = profile.subregion_id
        self.sector_id = profile.sector_id
        self.organisation_size = profile.organisation_size
        self.counts_in_statistics = profile.statistics_consent


class CheckAttempt(models.Model):
    """One knowledge check taken: the questions drawn, the answers, the score."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="check_attempts",
    )
    # The programme's translation key: the same check in every language.
    programme_key = models.UUIDField(db_index=True)
    check_page = models.ForeignKey(
        "modules.KnowledgeCheckPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    occasion = models.CharField(max_length=10, choices=Occasion.choices)
    language = models.CharField(max_length=7, blank=True)
    # The form's one-time token: the same form submitted twice records once.
    token = models.UUIDField(unique=True)
    # Question block ids in the order asked, and {question id: [choice ids]}.
    question_ids = models.JSONField(default=list)
    answers = models.JSONField(default=dict)
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    # Share of questions right, in percent, rounded down (as quiz scores are).
    score = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("knowledge check attempt")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme_key", "occasion"],
                condition=Q(user__isnull=False),
                name="one_check_per_occasion",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_occasion_display()} {self.score} % ({self.user_id})"


class KnowledgeRecord(Situation):
    """One row per learner and programme: the three check scores side by side,
    so learning gain and retention are a single aggregate over one table."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="knowledge_records",
    )
    programme_key = models.UUIDField()
    baseline_score = models.PositiveSmallIntegerField(null=True, blank=True)
    baseline_correct = models.PositiveSmallIntegerField(null=True, blank=True)
    baseline_total = models.PositiveSmallIntegerField(null=True, blank=True)
    baseline_at = models.DateTimeField(null=True, blank=True)
    final_score = models.PositiveSmallIntegerField(null=True, blank=True)
    final_correct = models.PositiveSmallIntegerField(null=True, blank=True)
    final_total = models.PositiveSmallIntegerField(null=True, blank=True)
    final_at = models.DateTimeField(null=True, blank=True)
    retention_score = models.PositiveSmallIntegerField(null=True, blank=True)
    retention_correct = models.PositiveSmallIntegerField(null=True, blank=True)
    retention_total = models.PositiveSmallIntegerField(null=True, blank=True)
    retention_at = models.DateTimeField(null=True, blank=True)
    # From when the retention check is open (set on the final check when the
    # programme's check has a retention delay); the reminder job invites then.
    retention_due_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("knowledge record")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme_key"],
                condition=Q(user__isnull=False),
                name="one_knowledge_record_per_programme",
            )
        ]
        indexes = [
            models.Index(fields=["programme_key", "region"], name="knowledge_programme_region"),
            models.Index(
                fields=["retention_due_on"],
                condition=Q(retention_at__isnull=True, retention_due_on__isnull=False),
                name="knowledge_retention_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme_key} ({self.user_id})"


class SurveyResponse(Situation):
    """One person's answers to one survey."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The survey's translation key: one survey in every language.
    survey_key = models.UUIDField(db_index=True)
    survey_page = models.ForeignKey(
        "modules.SurveyPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Null for an anonymous survey's responses, and once the account is erased.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
    )
    # The form's one-time token: the same form submitted twice records once.
    token = models.UUIDField(unique=True)
    # The programme the survey belongs to, when placed before or after one.
    programme_key = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("survey response")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "survey_key"],
                condition=Q(user__isnull=False),
                name="one_response_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_key} ({self.created_at:%Y-%m-%d})"


class SurveyAnswer(models.Model):
    """One answer: a rating (`value`, 1–5), one chosen option (`option_id`; a
    multiple-choice answer is one row per option) or a free text."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    option_id = models.CharField(max_length=64, blank=True)
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("survey answer")
        indexes = [models.Index(fields=["question_id", "option_id"], name="survey_answer_option")]

    def __str__(self) -> str:
        return self.question_id
