"""The outbox: every statement for the learning record store, sent or waiting."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """One xAPI statement, in the order it was queued (the primary key).

    A learner's statements are sent in that order: one waiting for a retry
    holds back the learner's later ones. `statement_id` is derived from our
    records, so queueing the same event twice adds nothing and a statement
    sent again is one the LRS already has.
    """

    statement_id = models.UUIDField(_("statement id"), unique=True)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("learner"),
    )
    verb = models.CharField(_("verb"), max_length=32)
    activity = models.CharField(_("activity"), max_length=500)
    statement = models.JSONField(_("statement"))
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_try = models.DateTimeField(_("next try"), default=timezone.now)
    # The LRS refused the statement itself (400): sending it again cannot help,
    # so it holds back nothing and stays here for someone to look at.
    rejected = models.BooleanField(_("rejected"), default=False)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["pk"]
        indexes = [
            models.Index(
                fields=["learner", "id"],
                condition=models.Q(sent_at__isnull=True, rejected=False),
                name="xapi_statement_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.verb} {self.activity}"

    @property
    def status(self) -> str:
        if self.sent_at is not None:
            return str(_("sent"))
        if self.rejected:
            return str(_("rejected"))
        return str(_("waiting"))
