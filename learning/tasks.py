"""Background tasks: work that must not hold up a learner's request."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives, get_connection
from django_tasks import task


@task()
def send_email(
    subject: str,
    body: str,
    from_email: str | None,
    to: list[str],
    html_body: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Send one e-mail; a slow or unreachable mail server delays only the worker."""
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()


@task()
def send_emails(messages: list[dict]) -> None:
    """Send several e-mails over one connection to the mail server.

    Jobs that write to many people at once (the reminder job) queue their
    e-mails in batches: one task row per batch instead of one per e-mail.
    Each message is a dict of subject, body, from_email, to and headers.
    """
    with get_connection() as connection:
        connection.send_messages(
            [
                EmailMultiAlternatives(
                    message["subject"],
                    message["body"],
                    message.get("from_email"),
                    message["to"],
                    headers=message.get("headers"),
                    connection=connection,
                )
                for message in messages
            ]
        )
