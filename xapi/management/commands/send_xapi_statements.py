"""Send the xAPI statements that are due (for cron, where the task worker is not used)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from xapi import outbox


class Command(BaseCommand):
    help = "Send the xAPI statements that are due to the learning record store, oldest first."

    def handle(self, *args, **options) -> None:
        if not outbox.enabled():
            self.stdout.write("XAPI_ENDPOINT is not set: nothing to send.")
            return
        report = outbox.send_due()
        self.stdout.write(
            f"sent {report.sent}, failed {report.failed}, rejected {report.rejected}"
            + (f", next try at {report.retry_at.isoformat()}" if report.retry_at else "")
        )
