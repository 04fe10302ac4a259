"""E-mails the organisations app sends, each in its recipient's language."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.template import loader
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from learning.tasks import send_email, send_emails


def render_email(template: str, context: dict, language: str) -> tuple[str, str]:
    """`<template>_subject.txt` and `<template>.txt` rendered in `language`: (subject, body)."""
    with translation.override(language):
        subject = " ".join(loader.render_to_string(f"{template}_subject.txt", context).split())
        body = loader.render_to_string(f"{template}.txt", context)
    return subject, body


def queue_email(
    to: str,
    template: str,
    context: dict,
    language: str,
    *,
    headers: dict[str, str] | None = None,
) -> None:
    """Render `<template>_subject.txt` and `<template>.txt` in `language` and queue the e-mail.

    `template` is a path without suffix, e.g. "organisations/email/invitation".
    The task worker sends it, so a slow mail server never holds up a page.
    """
    subject, body = render_email(template, context, language)
    send_email.enqueue(subject, body, settings.DEFAULT_FROM_EMAIL, [to], None, headers)


class EmailBatch:
    """E-mails collected and queued as one task per BATCH_SIZE messages.

    The reminder job writes to thousands of people; one task row per e-mail
    made queueing cost more than rendering. Queue the batch (`flush`) inside
    the transaction that records the sends, so both are kept or neither.
    """

    BATCH_SIZE = 200

    def __init__(self) -> None:
        self.messages: list[dict] = []

    def add(self, to: str, template: str, context: dict, language: str, headers=None) -> None:
        subject, body = render_email(template, context, language)
        self.messages.append(
            {
                "subject": subject,
                "body": body,
                "from_email": settings.DEFAULT_FROM_EMAIL,
                "to": [to],
                "headers": headers,
            }
        )

    def flush(self) -> None:
        for start in range(0, len(self.messages), self.BATCH_SIZE):
            send_emails.enqueue(self.messages[start : start + self.BATCH_SIZE])
        self.messages = []


UNSUBSCRIBE_SALT = "organisations.unsubscribe"


def absolute_url(name: str, language: str, *args) -> str:
    """A link for an e-mail, on the public site and in the recipient's language."""
    with translation.override(language):
        try:
            path = reverse(name, args=args)
        except NoReverseMatch:
            path = reverse("learning:dashboard")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_token(email: str) -> str:
    """A signed token naming the address: the link works without signing in, and cannot be forged."""
    return signing.dumps(email.strip().lower(), salt=UNSUBSCRIBE_SALT, compress=True)


def email_of_unsubscribe_token(token: str) -> str | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def is_opted_out_set() -> set[str]:
    """Every address that unsubscribed from reminders and digests (lower-cased)."""
    from .models import EmailOptOut

    return set(EmailOptOut.objects.values_list("email", flat=True))


def queue_reminder(
    to: str, template: str, context: dict, language: str, *, batch: EmailBatch | None = None
) -> None:
    """queue_email for what the platform sends on its own: with a one-click unsubscribe.

    The link is in the text and in the List-Unsubscribe headers (RFC 8058), so
    mail programs show their own "Unsubscribe" button, which posts to it.
    With `batch`, the e-mail joins it instead of being queued alone.
    """
    link = absolute_url("organisations:unsubscribe", language, unsubscribe_token(to))
    headers = {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    context = {**context, "unsubscribe_url": link}
    if batch is not None:
        batch.add(to, template, context, language, headers=headers)
    else:
        queue_email(to, template, context, language, headers=headers)
