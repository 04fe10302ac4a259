"""Certificates of completion with a public verification code."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# No 0/O or 1/I: codes are read aloud and typed from paper.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def new_certificate_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


class Certificate(models.Model):
    class Kind(models.TextChoices):
        MODULE = "module", _("Module")
        PROGRAMME = "programme", _("Programme")

    code = models.CharField(max_length=20, unique=True, default=new_certificate_code)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="certificates",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # translation_key of the module or programme page.
    subject_key = models.UUIDField()
    # Everything printed is copied here when issued, so a certificate never changes.
    title = models.CharField(max_length=255)
    learner_name = models.CharField(max_length=150)
    region_name = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=7)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    completed_at = models.DateTimeField()
    # End of validity when the programme sets one (refresher training); None: no end.
    valid_until = models.DateTimeField(null=True, blank=True)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "subject_key"], name="unique_certificate_per_subject"
            )
        ]
        indexes = [
            # "Currently certified" (the statistics overview) asks which learners hold
            # a module certificate still valid: read from the index alone.
            models.Index(
                fields=["user", "valid_until"],
                condition=models.Q(kind="module"),
                name="certificate_module_holder",
            )
        ]

    def __str__(self) -> str:
        return self.code
