"""Profile the learner's signed-in pages and quiz submissions in one process.

    manage.py profile_pages [--repeat 50] [--top 25] [--target bare module dashboard submit]
                            [--email learner@example.com] [--module URL]
                            [--my-learning-modules N] [--show-sql] [--no-profile]

Each target is requested through Django's test client as a signed-in demo
learner (`seed_demo` creates learner@example.com): the module page they are
reading, "My learning", and quiz submissions with a fresh attempt token each
time; a bare view (no template, no query, the same middleware) gives the
ceiling. For each target it prints:

- milliseconds per request without a profiler, of this process's CPU (what
  limits the pages; the database server's is not in it) and of wall-clock
  time (medians, and the mean, of `--repeat` requests after `--warmup`
  more), and the SQL statements one request runs (`--show-sql` lists them);
- the milliseconds each template takes to render, its includes counted in;
- the same requests under cProfile: the project's own functions by
  cumulative time, then all functions by their own time.

Sessions are read as production reads them (`cached_db`: from the cache, no
query) and templates are rendered with DEBUG off, so the counts and costs
are those of the production settings; only the cache is in-process
(`LocMemCache` without REDIS_URL), which makes each cache round trip cheaper
than Redis's.

Submissions are made by a temporary learner with the demo learner's profile
(so the demo learner's history does not grow) on a module without an attempt
limit, all answers right; the first starts and completes the module, the
others pass it again. With `--my-learning-modules N`, "My learning" is read
by another temporary copy of the learner who opened N modules, the first live
ones by language and place as `make bench` does. The temporary learners and
all their records are removed at the end.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import re
import statistics
import time
import uuid
from collections import defaultdict
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.template.base import Template
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import translation

from learning.models import Certificate, LearnerProfile, ModuleProgress
from learning.recording import record_module_start
from modules.models import ModulePage

TARGETS = ("bare", "module", "dashboard", "submit")
SUBMITTER = "profile.submitter@example.invalid"
DASHBOARD_READER = "profile.reader@example.invalid"
# The apps whose functions the first profile table lists.
PROJECT_CODE = r"(caching|home|learning|modules|organisations|reporting)/[a-z_/]+\.py"


@dataclass
class Target:
    name: str
    label: str
    # Makes one request and returns its status code.
    request: object
    expected: int = 200
    # SQL statements of the first request (for a submission: the one that completes the module).
    first_sql: int | None = None
    # The statements of the first request and of the last one measured.
    first_statements: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    sql: list[int] = field(default_factory=list)
    times_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)


@contextmanager
def counting_sql(counter: list[int], statements: list[str] | None = None):
    """Count every statement run on every database alias while inside (and keep them)."""

    def count(execute, sql, params, many, context):
        counter[0] += 1
        if statements is not None:
            statements.append(sql)
        return execute(sql, params, many, context)

    with ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(count))
        yield


class Command(BaseCommand):
    help = "Profile the signed-in module page, My learning and quiz submissions (cProfile, SQL)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=50, help="requests per target")
        parser.add_argument("--warmup", type=int, default=5, help="requests before measuring")
        parser.add_argument("--top", type=int, default=25, help="functions listed per profile")
        parser.add_argument("--target", nargs="+", choices=TARGETS, default=list(TARGETS))
        parser.add_argument("--email", default="learner@example.com", help="the signed-in learner")
        parser.add_argument(
            "--my-learning-modules",
            type=int,
            default=0,
            help='"My learning" is read by a temporary copy of the learner who opened this many '
            "modules (the first live ones by language and place, as `make bench` does) "
            "instead of the learner themself",
        )
        parser.add_argument(
            "--module", default="", help="URL of the module page (default: one they are reading)"
        )
        parser.add_argument("--no-profile", action="store_true", help="timings and SQL counts only")
        parser.add_argument(
            "--show-sql", action="store_true", help="print the statements of one request per target"
        )

    def handle(self, *args, **options):
        learner = get_user_model().objects.filter(username=options["email"]).first()
        profile = LearnerProfile.objects.filter(user=learner).first() if learner else None
        if profile is None:
            raise CommandError(
                f"No learner {options['email']} with a profile: load the demo first (manage.py seed_demo)."
            )
        module = self.module_for(learner, profile, options["module"])
        overrides = {
            # As production reads sessions: from the shared cache, no query.
            "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
            "DEBUG": False,
            "ALLOWED_HOSTS": [*settings.ALLOWED_HOSTS, "testserver"],
            "SECURE_SSL_REDIRECT": False,
            # The bare view of the benchmark, beside the site's own URLs.
            "ROOT_URLCONF": "demo.urls",
        }
        with override_settings(**overrides):
            temporary = []
            try:
                submitter = self.copy_learner(profile, SUBMITTER, temporary)
                dashboard_reader = learner
                if options["my_learning_modules"] > 0:
                    dashboard_reader = self.copy_learner(profile, DASHBOARD_READER, temporary)
                    opened = ModulePage.objects.live().order_by("locale__language_code", "path")
                    for page in opened[: options["my_learning_modules"]]:
                        record_module_start(dashboard_reader, page)
                self.run(options, learner, module, submitter, dashboard_reader)
            finally:
                for user in temporary:
                    self.remove(user)

    def module_for(self, learner, profile, url: str) -> ModulePage:
        pages = ModulePage.objects.live().select_related("locale")
        if url:
            page = next((p for p in pages if p.url == url), None)
            if page is None:
                raise CommandError(f"No live module page at {url}.")
            return page
        reading = set(
            ModuleProgress.objects.filter(user=learner).values_list("module_key", flat=True)
        )
        candidates = [
            p
            for p in pages.filter(locale__language_code=profile.preferred_language).order_by("path")
            if p.has_quiz and p.attempt_limit is None
        ]
        if not candidates:
            raise CommandError("No live module with a quiz and no attempt limit in that language.")
        return next((p for p in candidates if p.translation_key in reading), candidates[0])

    def copy_learner(self, profile: LearnerProfile, username: str, temporary: list):
        """A temporary learner in the same situation as `profile`'s (removed at the end)."""
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": username}
        )
        temporary.append(user)
        LearnerProfile.objects.update_or_create(
            user=user,
            defaults={
                "full_name": "Profile Learner",
                "region_id": profile.region_id,
                "sector_id": profile.sector_id,
                "organisation_id": profile.organisation_id,
                "organisation_role": profile.organisation_role,
                "organisation_size": profile.organisation_size,
                "preferred_language": profile.preferred_language,
                "statistics_consent": profile.statistics_consent,
                "statistics_consent_at": profile.statistics_consent_at,
            },
        )
        return user

    def remove(self, user) -> None:
        Certificate.objects.filter(user=user).delete()
        ModuleProgress.objects.filter(user=user).delete()
        user.delete()

    def run(self, options, learner, module: ModulePage, submitter, dashboard_reader) -> None:
        language = module.locale.language_code
        with translation.override(language):
            dashboard_url = reverse("learning:dashboard")
            submit_url = reverse("learning:submit_quiz", args=[module.pk])
        reader = Client(enforce_csrf_checks=True)
        reader.force_login(learner)
        dashboard = Client(enforce_csrf_checks=True)
        dashboard.force_login(dashboard_reader)
        poster = Client(enforce_csrf_checks=True)
        poster.force_login(submitter)
        # Sets the CSRF cookie without opening the module: as in `make bench`, the
        # first submission starts the module, completes it and issues certificates.
        poster.get(dashboard_url)
        csrf = poster.cookies[settings.CSRF_COOKIE_NAME].value
        answers = {f"q-{q.id}": sorted(q.correct_ids) for q in module.quiz_definition.questions}

        def submit():
            data = {**answers, "csrfmiddlewaretoken": csrf, "attempt_token": str(uuid.uuid4())}
            return poster.post(submit_url, data).status_code

        targets = {
            "bare": Target(
                "bare", "bare view (/bench/bare/)", lambda: reader.get("/bench/bare/").status_code
            ),
            "module": Target(
                "module",
                f"signed-in module page ({module.url})",
                lambda: reader.get(module.url).status_code,
            ),
            "dashboard": Target(
                "dashboard",
                f"My learning ({dashboard_url}, "
                f"{ModuleProgress.objects.filter(user=dashboard_reader).count()} modules)",
                lambda: dashboard.get(dashboard_url).status_code,
            ),
            "submit": Target("submit", f"quiz submission ({submit_url})", submit, expected=302),
        }
        self.stdout.write(
            f"{options['repeat']} requests per target after {options['warmup']} of warm-up; "
            f"database {connections['default'].vendor}, cache {settings.CACHES['default']['BACKEND']}"
        )
        chosen = [targets[name] for name in TARGETS if name in options["target"]]
        for target in chosen:
            for _ in range(options["warmup"]):
                self.one(target, record=False)
            for _ in range(options["repeat"]):
                self.one(target, record=True)
        self.stdout.write(
            "\n| target | CPU ms/request (median) | wall ms (median) | wall ms (mean) | SQL/request |"
            "\n|---|---:|---:|---:|---|"
        )
        for target in chosen:
            counts = sorted(set(target.sql))
            sql = str(counts[0]) if len(counts) == 1 else f"{counts[0]}–{counts[-1]}"
            if target.name == "submit":
                sql += f" (the first, which completes the module: {target.first_sql})"
            self.stdout.write(
                f"| {target.label} | {statistics.median(target.cpu_ms):.2f} | "
                f"{statistics.median(target.times_ms):.2f} | "
                f"{statistics.fmean(target.times_ms):.2f} | {sql} |"
            )
        if options["show_sql"]:
            for target in chosen:
                shown = [("the first request", target.first_statements)]
                if target.statements != target.first_statements:
                    shown.append(("the last request", target.statements))
                for which, statements in shown:
                    self.stdout.write(f"\n## {target.label}: the statements of {which}\n")
                    for number, sql in enumerate(statements, 1):
                        self.stdout.write(f"{number:3}. {sql[:300]}")
        if options["no_profile"]:
            return
        for target in chosen:
            self.stdout.write(f"\n## {target.label}\n")
            self.stdout.write(self.template_times(target, options["repeat"]))
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(options["repeat"]):
                target.request()
            profiler.disable()
            for title, order, restriction in (
                ("the project's own functions by cumulative time", "cumulative", PROJECT_CODE),
                ("all functions by internal time", "tottime", ""),
            ):
                out = io.StringIO()
                stats = pstats.Stats(profiler, stream=out).sort_stats(order)
                stats.print_stats(*([restriction] if restriction else []), options["top"])
                self.stdout.write(
                    f"\ncProfile, {title} ({options['repeat']} requests; seconds in total):\n"
                )
                self.stdout.write(self.trim(out.getvalue()))

    def template_times(self, target: Target, repeat: int) -> str:
        """Milliseconds per request spent rendering each template, its includes counted in."""
        spent: dict[str, float] = defaultdict(float)
        calls: dict[str, int] = defaultdict(int)
        original = Template.render

        def timed(template, context):
            started = time.perf_counter()
            try:
                return original(template, context)
            finally:
                name = template.origin.template_name or template.origin.name
                spent[name] += time.perf_counter() - started
                calls[name] += 1

        Template.render = timed
        try:
            for _ in range(repeat):
                target.request()
        finally:
            Template.render = original
        lines = ["Templates, inclusive (ms per request; renders per request):", ""]
        for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
            lines.append(
                f"  {seconds * 1000 / repeat:7.2f} ms  {calls[name] / repeat:5.1f}×  {name}"
            )
        return "\n".join(lines)

    def one(self, target: Target, record: bool) -> None:
        counter = [0]
        target.statements = []
        with counting_sql(counter, target.statements):
            started, started_cpu = time.perf_counter(), time.process_time()
            status = target.request()
            elapsed = (time.perf_counter() - started) * 1000
            cpu = (time.process_time() - started_cpu) * 1000
        if status != target.expected:
            raise CommandError(f"{target.label}: answered {status}, expected {target.expected}")
        if target.first_sql is None:
            target.first_sql = counter[0]
            target.first_statements = target.statements
        if record:
            target.sql.append(counter[0])
            target.times_ms.append(elapsed)
            target.cpu_ms.append(cpu)

    @staticmethod
    def trim(report: str) -> str:
        """pstats' table without its preamble, paths shortened to the package or app."""
        lines = report.splitlines()
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
        prefixes = re.compile(
            re.escape(f"{settings.BASE_DIR}/") + r"|\S*/site-packages/|/usr/lib/python3[.0-9]*/"
        )
        return "\n".join(prefixes.sub("", line) for line in lines[start:])
