"""Platforms (Moodle, Canvas …) that launch CyberAware over LTI 1.3, and who came from them."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .keys import new_key_pair, public_jwk


def origin_of(url: str) -> str:
    """scheme://host[:port] of `url`, as browsers name a frame's parent."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


class Registration(models.Model):
    """One LMS that may launch the tool: what it told us, and the key pair we gave it."""

    name = models.CharField(_("name"), max_length=150, help_text=_("E.g. the school's Moodle."))
    issuer = models.CharField(
        _("issuer"),
        max_length=255,
        help_text=_("The platform ID (iss), e.g. https://moodle.example.org."),
    )
    client_id = models.CharField(
        _("client ID"), max_length=255, help_text=_("The client ID the platform gave the tool.")
    )
    deployment_ids = models.TextField(
        _("deployment IDs"), help_text=_("One per line, as the platform shows them.")
    )
    auth_login_url = models.URLField(_("authentication request URL"), max_length=500)
    auth_token_url = models.URLField(_("access token URL"), max_length=500)
    key_set_url = models.URLField(_("public key set URL"), max_length=500)
    platform_origin = models.CharField(
        _("platform web address"),
        max_length=255,
        blank=True,
        help_text=_(
            "The address learners open the platform at, which frames the tool, e.g. "
            "https://school.instructure.com. Empty: the issuer's address."
        ),
    )
    region = models.ForeignKey(
        "modules.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Learners launched from this platform count in this region's statistics."),
    )
    organisation = models.ForeignKey(
        "learning.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Optional: learners launched from this platform become its members."),
    )
    active = models.BooleanField(_("active"), default=True)
    # The tool's key pair: the private key signs deep-linking answers and
    # gradebook token requests and never leaves the server.
    private_key = models.TextField(editable=False)
    public_key = models.TextField(editable=False)
    key_id = models.CharField(max_length=64, editable=False, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("LTI registration")
        verbose_name_plural = _("LTI registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "client_id"], name="lti_one_client_per_issuer"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.private_key:
            self.private_key, self.public_key, self.key_id = new_key_pair()
        super().save(*args, **kwargs)

    @property
    def deployments(self) -> list[str]:
        return [line.strip() for line in self.deployment_ids.splitlines() if line.strip()]

    @property
    def frame_origin(self) -> str:
        return origin_of(self.platform_origin or self.issuer)

    def jwk(self) -> dict:
        return public_jwk(self.public_key, self.key_id)


class PlatformAccount(models.Model):
    """A CyberAware account that stands for one user of one platform (issuer, sub)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    issuer = models.CharField(max_length=255)
    subject = models.CharField(max_length=255)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lti_account"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="lti_one_account_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.issuer} {self.subject}"


class GradebookLink(models.Model):
    """Where a module's scores go: the line item of the resource link a learner launched."""

    account = models.ForeignKey(PlatformAccount, on_delete=models.CASCADE, related_name="links")
    module_key = models.UUIDField(db_index=True)
    resource_link_id = models.CharField(max_length=255)
    lineitem_url = models.URLField(max_length=500)
    scopes = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "resource_link_id"], name="lti_one_link_per_resource"
            )
        ]

    def __str__(self) -> str:
        return self.lineitem_url
