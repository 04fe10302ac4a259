"""Time every statistics report against the bare SQL it runs, in the same process.

    manage.py bench_statistics [--repeat 5] [--output bench-results/statistics.md]

Each report is requested through Django's test client as a coordinator (all
regions, the largest scope) and as a one-region manager; the SQL statements
the view executed are then run again directly on a cursor. The report's
server time is compared with the time of its bare SQL, and with the time of
the bare SQL that computes the same figures from the progress rows (the
statements the view runs when it may not read the statistics cells).
"""

from __future__ import annotations

import datetime
import statistics
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.models import ManagerRegions, ModuleProgress, QuestionResult, QuizAttempt
from learning.statistics import switches
from modules.models import ModulePage, ProgrammePage, Region
from modules.permissions import admin_access_permission
from reporting.home_figures import forget_home_figures

AFRESH = "Manager's home (dashboard), figures computed"
REPORTS = [
    ("Overview", "learning_statistics:overview", [], {}),
    ("By region", "learning_statistics:breakdown", ["region"], {}),
    ("By sub-region", "learning_statistics:breakdown", ["subregion"], {}),
    ("By programme", "learning_statistics:breakdown", ["programme"], {}),
    ("By module", "learning_statistics:breakdown", ["module"], {}),
    ("By sector", "learning_statistics:breakdown", ["sector"], {}),
    ("By language", "learning_statistics:breakdown", ["language"], {}),
    ("By organisation size", "learning_statistics:breakdown", ["organisation_size"], {}),
    ("Completions per month", "learning_statistics:over_time", [], {}),
    ("Completions per week", "learning_statistics:over_time", [], {"period": "week"}),
    ("Programme funnel", "learning_statistics:funnel", [], {}),
    ("Question analysis", "learning_statistics:questions", [], {"module": "__module__"}),
    # The admin page around every report, without figures: session, permissions,
    # second factor, menus and the filter form (no module chosen yet).
    ("Admin around a report", "learning_statistics:questions", [], {}),
    # The home keeps its figures for a few minutes (reporting.home_figures): the
    # visit that computes them, then the visits within the interval.
    (AFRESH, "wagtailadmin_home", [], {}),
    ("Manager's home (dashboard), figures kept", "wagtailadmin_home", [], {}),
    (
        "Programme report, PDF (last 12 months)",
        "reporting_programme_report",
        [],
        {"programme": "__programme__", "format": "pdf", "date_from": "__year_ago__"},
    ),
    (
        "Programme report, XLSX (last 12 months)",
        "reporting_programme_report",
        [],
        {"programme": "__programme__", "format": "xlsx", "date_from": "__year_ago__"},
    ),
]
# Statements that open and close a transaction, not questions asked.
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK")


def bench_user(username: str, codename: str, regions=()):
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(username=username)
    user.user_permissions.add(
        admin_access_permission(),
        Permission.objects.get(content_type__app_label="learning", codename=codename),
    )
    if regions:
        assignment, _created = ManagerRegions.objects.get_or_create(user=user)
        assignment.regions.set(regions)
    return user_model.objects.get(pk=user.pk)


class Command(BaseCommand):
    help = "Time each statistics report and its bare SQL."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument("--output", default="")

    def handle(self, *args, **options):
        repeat = max(1, options["repeat"])
        module = ModulePage.objects.filter(slug="phishing-at-the-water-utility").first()
        programme = ProgrammePage.objects.filter(
            slug="water-industry-sme-cyber-resilience-estonia"
        ).first()
        today = timezone.localdate()
        placeholders = {
            "__module__": str(module.translation_key) if module else "",
            "__programme__": str(programme.translation_key) if programme else "",
            "__year_ago__": (today - datetime.timedelta(days=365)).isoformat(),
        }
        people = [
            ("coordinator (all regions)", bench_user("bench-coordinator", "view_all_regions")),
            (
                "manager (Estonia)",
                bench_user("bench-manager", "view_statistics", Region.objects.filter(code="EE")),
            ),
        ]
        volume = (
            f"{ModuleProgress.objects.count():,} progress rows, "
            f"{QuizAttempt.objects.count():,} attempts, {QuestionResult.objects.count():,} answers"
        )
        lines = [
            f"Database: {connection.vendor}, {volume}; median of {repeat} runs.",
            "",
            "| report | who | server ms | bare SQL ms | ratio | queries "
            "| SQL from rows ms | server / SQL from rows |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for who, user in people:
            client = Client()
            client.force_login(user)
            for name, url_name, args, params in REPORTS:
                params = {k: placeholders.get(v, v) for k, v in params.items()}
                if "date_from" in params:
                    params["date_to"] = today.isoformat()
                url = reverse(url_name, args=args)
                client.get(url, params)  # warm caches and connections
                view_times, sql_times, query_count = [], [], 0
                for _ in range(repeat):
                    if name == AFRESH:
                        forget_home_figures()
                    with CaptureQueriesContext(connection) as ctx:
                        start = time.perf_counter()
                        response = client.get(url, params)
                        view_times.append(time.perf_counter() - start)
                    if response.status_code != 200:
                        raise RuntimeError(f"{url} answered {response.status_code}")
                    statements = [q["sql"] for q in ctx.captured_queries]
                    query_count = len(
                        [sql for sql in statements if not sql.startswith(TRANSACTION_CONTROL)]
                    )
                    sql_times.append(self.replay(statements))
                with switches.live_queries(), CaptureQueriesContext(connection) as ctx:
                    client.get(url, params)
                statements = [q["sql"] for q in ctx.captured_queries]
                rows_times = [self.replay(statements) for _ in range(repeat)]
                view_ms = 1000 * statistics.median(view_times)
                sql_ms = 1000 * statistics.median(sql_times)
                rows_ms = 1000 * statistics.median(rows_times)
                lines.append(
                    f"| {name} | {who} | {view_ms:.0f} | {sql_ms:.0f} | "
                    f"{view_ms / sql_ms if sql_ms else 0:.2f} | {query_count} | "
                    f"{rows_ms:.0f} | {view_ms / rows_ms if rows_ms else 0:.2f} |"
                )
                self.stdout.write(lines[-1])
        text = "\n".join(lines) + "\n"
        self.stdout.write("")
        self.stdout.write(text)
        if options["output"]:
            path = Path(options["output"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            self.stdout.write(f"Written to {path}")

    @staticmethod
    def replay(statements: list[str]) -> float:
        """Seconds to run the statements again, with the report's session settings."""
        with connection.cursor() as cursor:
            start = time.perf_counter()
            declared = []
            for sql in statements:
                # Outside the view's transaction SET LOCAL would do nothing.
                cursor.execute(sql.replace("SET LOCAL ", "SET ", 1))
                cursor.fetchall() if cursor.description else None
                if sql.startswith("DECLARE "):
                    declared.append(sql.split()[1])
            elapsed = time.perf_counter() - start
            # The view's server-side cursors, so that the statements can run again.
            for name in declared:
                cursor.execute(f"CLOSE {name}")
            cursor.execute("RESET ALL")
        return elapsed
