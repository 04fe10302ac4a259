"""Learner profiles and the organisations they work for."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class OrganisationSize(models.TextChoices):
    """The EU SME size bands, plus large enterprises."""

    MICRO = "micro", _("Micro (1–9 employees)")
    SMALL = "small", _("Small (10–49 employees)")
    MEDIUM = "medium", _("Medium (50–249 employees)")
    LARGE = "large", _("Large (250 or more employees)")


def region_field() -> models.ForeignKey:
    """Where an organisation or learner is: required, and a region in use cannot be deleted."""
    return models.ForeignKey(
        "modules.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )


def sector_field() -> models.ForeignKey:
    """Their sector: optional, and cleared if the sector is deleted."""
    return models.ForeignKey(
        "modules.Sector",
        verbose_name=_("sector"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )


def organisation_size_field(verbose_name=None) -> models.CharField:
    """One of the size bands, or blank when not given."""
    return models.CharField(
        verbose_name, max_length=10, choices=OrganisationSize.choices, blank=True
    )


class Organisation(models.Model):
    """A company learners belong to; invitations and company reports hang off it."""

    name = models.CharField(_("name"), max_length=200)
    region = region_field()
    sector = sector_field()
    size = organisation_size_field(_("size"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            # Learners who type the same company name in the same region join one record.
            models.UniqueConstraint(
                Lower("name"), "region", name="unique_organisation_name_per_region"
            )
        ]

    def __str__(self) -> str:
        return self.name


class LearnerProfileManager(models.Manager):
    def for_user(self, user) -> LearnerProfile | None:
        """The signed-in learner's profile; None for visitors and for staff without one.

        Read through `user.learner_profile`, which Django keeps on the user
        object once loaded (an absent profile too), so the page hook, the
        template tags and the view of one request share a single query.
        """
        if not user.is_authenticated:
            return None
        try:
            return user.learner_profile
        except self.model.DoesNotExist:
            return None


class LearnerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile"
    )
    # Printed on certificates; the only personal datum besides the e-mail address.
    full_name = models.CharField(_("name on certificates"), max_length=150)
    region = region_field()
    sector = sector_field()
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learners",
    )
    organisation_size = organisation_size_field(_("organisation size"))
    preferred_language = models.CharField(
        _("preferred language"), max_length=7, choices=settings.LANGUAGES, default="en"
    )
    # Explicit consent to count this learner's results in anonymous statistics.
    statistics_consent = models.BooleanField(_("consent to anonymous statistics"), default=False)
    statistics_consent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LearnerProfileManager()

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self) -> str:
        return self.full_name
