"""Targets a programme carries per region, from its funding agreement."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Due dates a person can mean: the statistics cover these years too.
EARLIEST_DUE = datetime.date(2000, 1, 1)
LATEST_DUE = datetime.date(2099, 12, 31)


def validate_due_date(value: datetime.date) -> None:
    if not EARLIEST_DUE <= value <= LATEST_DUE:
        raise ValidationError(
            _("Choose a date between %(first)s and %(last)s."),
            params={"first": EARLIEST_DUE.year, "last": LATEST_DUE.year},
        )


class ProgrammeTargetQuerySet(models.QuerySet):
    def in_regions(self, regions):
        return self.filter(region__in=regions)


class ProgrammeTarget(models.Model):
    """By `due_date`, so many learners of `region` complete the programme, and so many
    of its organisations have their team trained (the programme's team target)."""

    # The programme's translation key: one target for all its language versions.
    programme_key = models.UUIDField(_("programme"), db_index=True)
    region = models.ForeignKey(
        "modules.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="programme_targets",
    )
    learners_completed = models.PositiveIntegerField(
        _("learners who complete the programme"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10_000_000)],
    )
    organisations_trained = models.PositiveIntegerField(
        _("organisations with their team trained"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(1_000_000)],
        help_text=_(
            "An organisation counts once the programme's team completion target is reached "
            "by its staff."
        ),
    )
    due_date = models.DateField(_("by"), validators=[validate_due_date])

    objects = ProgrammeTargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme target")
        verbose_name_plural = _("programme targets")
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme_key", "region"], name="one_target_per_programme_and_region"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme_key} / {self.region_id}"

    def clean(self) -> None:
        if self.learners_completed is None and self.organisations_trained is None:
            raise ValidationError(
                _("Give a number of learners, a number of organisations, or both.")
            )


class ReportSubscription(models.Model):
    """A manager who gets a programme's report by e-mail every month."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_subscriptions"
    )
    # The programme's translation key: the report covers all its language versions.
    programme_key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("monthly report subscription")
        verbose_name_plural = _("monthly report subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme_key"], name="one_subscription_per_programme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} / {self.programme_key}"
