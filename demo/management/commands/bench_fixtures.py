"""Create the benchmark's learners and print what scripts/bench.py needs, as one JSON line.

    manage.py bench_fixtures --password PASSWORD [--my-learning-modules 20] [--quiz-learners 32]

A reader who has opened a module with a quiz and no attempt limit, a learner
with modules in progress for "My learning", and a pool of learners who submit
that quiz. Re-running reuses the accounts.
"""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from learning.models import LearnerProfile, ModuleProgress, QuizAttempt
from learning.recording import record_module_start
from modules.models import ModulePage, Region


class Command(BaseCommand):
    help = "Create the benchmark learners and print the module, answers and learners as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True)
        parser.add_argument("--my-learning-modules", type=int, default=20)
        parser.add_argument("--quiz-learners", type=int, default=32)

    def handle(self, *args, **options):
        region = Region.objects.order_by("pk").first()
        english = ModulePage.objects.live().filter(locale__language_code="en").order_by("path")
        module = next((m for m in english if m.has_quiz and m.attempt_limit is None), None)
        if region is None or module is None:
            raise CommandError("Load the demo content first (manage.py seed_demo).")

        def learner(email: str):
            user, created = get_user_model().objects.get_or_create(
                username=email, defaults={"email": email}
            )
            if created:
                user.set_password(options["password"])
                user.save()
            LearnerProfile.objects.get_or_create(
                user=user,
                defaults={
                    "full_name": "Bench Learner",
                    "region": region,
                    "organisation_size": "small",
                    "preferred_language": "en",
                    "statistics_consent": True,
                    "statistics_consent_at": timezone.now(),
                },
            )
            return user

        reader = learner("bench.reader@example.com")
        record_module_start(reader, module)
        dashboard = learner("bench.dashboard@example.com")
        in_progress = ModulePage.objects.live().order_by("locale__language_code", "path")
        for page in in_progress[: options["my_learning_modules"]]:
            record_module_start(dashboard, page)
        quiz_learners = [
            learner(f"bench.quiz.{n}@example.com").username for n in range(options["quiz_learners"])
        ]
        answers = {f"q-{q.id}": sorted(q.correct_ids) for q in module.quiz_definition.questions}
        fixtures = {
            "module_url": module.url,
            "module_id": module.pk,
            "answers": answers,
            "quiz_learners": quiz_learners,
            "dashboard_modules": ModuleProgress.objects.filter(
                user=dashboard, completed_at=None
            ).count(),
            "attempts": QuizAttempt.objects.count(),
        }
        self.stdout.write(json.dumps(fixtures))
