"""Organisations: the SMEs whose staff learn, and how a learner belongs to one.

An organisation is *verified* once the programme managers of its region
approve it (or the platform approves registrations automatically). Only a
verified organisation has administrators, invitations and a join code; the
free-text organisations learners typed at sign-up before organisations were
registered stay as *unverified* records that nobody administers.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationSize(models.TextChoices):
    """The EU SME size bands, plus large enterprises."""

    MICRO = "micro", _("Micro (1–9 employees)")
    SMALL = "small", _("Small (10–49 employees)")
    MEDIUM = "medium", _("Medium (50–249 employees)")
    LARGE = "large", _("Large (250 or more employees)")


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    ADMINISTRATOR = "administrator", _("Organisation administrator")


def region_field() -> models.ForeignKey:
    """Where an organisation or learner is: required, and a region in use cannot be deleted."""
    return models.ForeignKey(
        "modules.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )


def subregion_field() -> models.ForeignKey:
    """Where in the region: optional, and cleared if the sub-region is deleted.

    A sub-region of another region is refused by the forms; statistics count
    such a pair as "not given" in the region (`learning.statistics.subregions`)."""
    return models.ForeignKey(
        "modules.SubRegion",
        verbose_name=_("sub-region"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
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


# No 0/O or 1/I: a join code is read off a notice board and typed on a phone.
JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 10


def new_join_code() -> str:
    raw = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise_join_code(text: str) -> str:
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    return f"{raw[:5]}-{raw[5:]}" if len(raw) == JOIN_CODE_LENGTH else raw


class OrganisationQuerySet(models.QuerySet):
    def verified(self) -> OrganisationQuerySet:
        return self.filter(status=Organisation.Status.APPROVED)

    def in_regions(self, regions) -> OrganisationQuerySet:
        return self.filter(region__in=regions)


class Organisation(models.Model):
    """A company or body whose staff learn here."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        # Typed as free text at sign-up before organisations were registered.
        UNVERIFIED = "unverified", _("Unverified (from sign-up)")

    name = models.CharField(_("name"), max_length=200)
    registry_code = models.CharField(
        _("business registry code"),
        max_length=40,
        blank=True,
        help_text=_("The code in the national business register, if the organisation has one."),
    )
    region = region_field()
    subregion = subregion_field()
    sector = sector_field()
    size = organisation_size_field(_("size"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    # The language the organisation registered in: its e-mails are written in it.
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default="en"
    )
    join_code = models.CharField(
        _("join code"), max_length=16, unique=True, null=True, blank=True, editable=False
    )
    join_code_enabled = models.BooleanField(_("join code enabled"), default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_note = models.TextField(_("note to the organisation"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "status"], name="organisation_region_status")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.APPROVED

    def rotate_join_code(self) -> str:
        """A new join code; the old one stops working at once."""
        self.join_code = new_join_code()
        self.join_code_enabled = True
        self.save(update_fields=["join_code", "join_code_enabled"])
        return self.join_code
