"""Send the reminders, renewal notices and weekly digests that are due (safe to run often)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from organisations.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Queue the due-date reminders, certificate renewal reminders and weekly digests "
        "that are due, and what other apps add to the job (retention check invitations). "
        "Run it hourly (cron or a systemd timer); running it twice, or on two servers at "
        "once, never sends an e-mail twice."
    )

    def handle(self, *args, **options) -> None:
        report = send_reminders()
        parts = [
            f"{report.due} due-date reminders",
            f"{report.renewal} renewal reminders",
            f"{report.digest} weekly digests",
            # What other apps send through the `send_reminders` hook.
            *(f"{count} {description}" for description, count in report.other.items()),
        ]
        self.stdout.write(f"Queued {report.total} e-mails: {', '.join(parts)}.")
