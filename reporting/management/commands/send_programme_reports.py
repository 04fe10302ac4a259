from django.core.management.base import BaseCommand

from reporting.subscriptions import send_monthly_reports


class Command(BaseCommand):
    help = (
        "Queue last month's programme report for every manager who asked for it. "
        "Run it as often as you like (e.g. hourly): each report is sent once a month."
    )

    def handle(self, *args, **options):
        result = send_monthly_reports()
        self.stdout.write(
            f"Programme reports queued: {result.queued}; already sent this month: "
            f"{result.already_sent}; skipped (no statistics permission or no address): "
            f"{result.not_allowed}."
        )
