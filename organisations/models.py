"""What an organisation does on the platform: enrolments, invitations, e-mails sent, records."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.models import MembershipRole, Organisation

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_invitation_key() -> str:
    # 256 bits: the link is the only thing that proves the invitation.
    return secrets.token_urlsafe(32)


def new_record_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class Enrolment(models.Model):
    """An organisation takes part in a programme, optionally by a due date."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    # translation_key of the ProgrammePage: one enrolment covers every language.
    programme_key = models.UUIDField()
    due_date = models.DateField(_("due date"), null=True, blank=True)
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "programme_key"], name="unique_enrolment_per_programme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.programme_key}"


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> InvitationQuerySet:
        return self.filter(status=Invitation.Status.SENT, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An e-mail invitation to join an organisation: expiring, single-use, revocable."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Revoked")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    # Stored lower-cased and stripped, so one person is invited once.
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    key = models.CharField(max_length=64, unique=True, default=new_invitation_key, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SENT
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("last sent"), default=timezone.now)
    send_count = models.PositiveSmallIntegerField(default=1)
    expires_at = models.DateTimeField(_("expires"), default=invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            # One open invitation per person and organisation; resending reuses it.
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(status="sent"),
                name="one_open_invitation_per_address",
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_expired(self) -> bool:
        return self.status == self.Status.SENT and self.expires_at <= timezone.now()

    @property
    def display_status(self) -> str:
        if self.is_expired:
            return _("Expired")
        return self.get_status_display()


class EmailSend(models.Model):
    """One e-mail the platform sent on its own initiative (reminders, digests).

    The unique key names the e-mail (kind, recipient, subject, occasion), so a
    job run twice, or on two servers at once, sends each e-mail once.
    """

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=40)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")
        indexes = [models.Index(fields=["kind", "user"], name="emailsend_kind_user")]

    def __str__(self) -> str:
        return self.key


class EmailOptOut(models.Model):
    """An address that unsubscribed from reminders and digests."""

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("e-mail opt-out")
        verbose_name_plural = _("e-mail opt-outs")

    def __str__(self) -> str:
        return self.email


class TrainingRecord(models.Model):
    """A team training record for one programme, frozen when issued, with a verification code."""

    code = models.CharField(max_length=20, unique=True, default=new_record_code)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="training_records"
    )
    programme_key = models.UUIDField()
    # Everything printed is copied here, so a record never changes once issued.
    organisation_name = models.CharField(max_length=200)
    programme_title = models.CharField(max_length=255)
    language = models.CharField(max_length=7)
    staff_count = models.PositiveIntegerField()
    # [{"title": ..., "completed": n, "share": percent, "last_completed": iso date}, ...]
    modules = models.JSONField(default=list)
    issued_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("team training record")
        verbose_name_plural = _("team training records")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return self.code
