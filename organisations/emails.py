"""E-mails the organisations app sends, each in its recipient's language."""

from __future__ import annotations

from django.conf import settings
from django.template import loader
from django.utils import translation

from learning.tasks import send_email


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
    with translation.override(language):
        subject = " ".join(loader.render_to_string(f"{template}_subject.txt", context).split())
        body = loader.render_to_string(f"{template}.txt", context)
    send_email.enqueue(subject, body, settings.DEFAULT_FROM_EMAIL, [to], None, headers)
