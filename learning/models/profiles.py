"""Learner profiles: who a learner is and which organisation they belong to."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organisations import (
    MembershipRole,
    Organisation,
    organisation_size_field,
    region_field,
    sector_field,
    subregion_field,
)


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
    subregion = subregion_field()
    sector = sector_field()
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learners",
    )
    # Member or administrator of `organisation`; blank when in none.
    organisation_role = models.CharField(
        _("role in the organisation"), max_length=16, choices=MembershipRole.choices, blank=True
    )
    organisation_joined_at = models.DateTimeField(
        _("joined the organisation"), null=True, blank=True
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
        constraints = [
            # A member always has a role, and a role always belongs to an organisation.
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=True, organisation_role="")
                    | (models.Q(organisation__isnull=False) & ~models.Q(organisation_role=""))
                ),
                name="membership_has_a_role",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def administers_organisation(self) -> bool:
        return (
            self.organisation_id is not None
            and self.organisation_role == MembershipRole.ADMINISTRATOR
        )
